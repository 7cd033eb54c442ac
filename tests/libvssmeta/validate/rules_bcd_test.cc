// SPDX-License-Identifier: MIT
// The subtle parts of the BCD rules (BCD001..BCD028): the range-string
// parser behind BCD010/BCD012, the restore-option syntax (BCD024), file
// matching (BCD015) and how writer entries are named.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vssmeta/validate.h"

namespace vssmeta {
namespace {

const char* kClass = "5b1e3c2a-7d4f-4c8e-9a61-0f2d8b7c4e13";
const char* kInstance = "a1f4e2d3-1111-4c5d-8e6f-7a8b9c0d1e2f";

// One BCD with one writer entry holding one component, `Ledger`.
CaptureSet one_component() {
  CaptureSet capture;
  BackupComponents b;
  b.source.name = "b.xml";
  b.select_components = true;
  b.backup_type = BackupType::kFull;
  b.partial_file_support = true;
  WriterComponents e;
  e.writer_id = *Guid::parse(kClass);
  e.instance_id = *Guid::parse(kInstance);
  BcdComponent c;
  c.name = "Ledger";
  c.type = ComponentType::kFileGroup;
  e.components.push_back(c);
  b.writers.push_back(e);
  capture.backup_components.push_back(b);
  return capture;
}

BcdComponent& ledger(CaptureSet& capture) {
  return capture.backup_components[0].writers[0].components[0];
}

std::vector<std::string> messages(const CaptureSet& capture,
                                  std::string_view rule) {
  std::vector<std::string> out;
  for (const Finding& f : validate(capture)) {
    if (f.diagnostic.code == rule) out.push_back(f.diagnostic.message);
  }
  return out;
}

// BCD010's verdict on one partial-file range string: "" when accepted,
// else the parser's reason.
std::string ranges_error(const std::string& ranges) {
  CaptureSet capture = one_component();
  PartialFile p;
  p.path = "D:\\Data";
  p.filename = "ledger.db";
  p.ranges = ranges;
  ledger(capture).partial_files.push_back(p);
  const auto found = messages(capture, "BCD010");
  if (found.empty()) return "";
  EXPECT_EQ(found.size(), 1U);
  const std::string& m = found.front();
  return m.substr(m.rfind("\": ") + 3);
}

TEST(RulesBcdRanges, AcceptsInlineListsAndRangesFiles) {
  EXPECT_EQ(ranges_error("0:4096"), "");
  EXPECT_EQ(ranges_error("0x0:0x10000, 0x3A0000:0x20000"), "");
  EXPECT_EQ(ranges_error("0:65536,3801088:131072"), "");
  EXPECT_EQ(ranges_error("0XFF:0Xab"), "");
  EXPECT_EQ(ranges_error(" 16:1 "), "");
  EXPECT_EQ(ranges_error("0x7FFFFFFFFFFFFFFE:1"), "");
  EXPECT_EQ(ranges_error("9223372036854775806:1"), "");
  EXPECT_EQ(ranges_error("File=D:\\Ranges\\ledger.bin"), "");
  EXPECT_EQ(ranges_error("file=D:\\Ranges\\ledger.bin"), "");
  EXPECT_EQ(ranges_error("D:\\Ranges\\ledger.bin"), "");
  EXPECT_EQ(ranges_error("\\\\server\\share\\ledger.bin"), "");
}

TEST(RulesBcdRanges, RejectsMalformedLists) {
  EXPECT_EQ(ranges_error(""), "empty range list");
  EXPECT_EQ(ranges_error("   "), "empty range list");
  EXPECT_EQ(ranges_error("4096"), "range 1: ':' expected after the offset");
  EXPECT_EQ(ranges_error("0:"), "range 1: number expected");
  EXPECT_EQ(ranges_error(":16"), "range 1: number expected");
  EXPECT_EQ(ranges_error("0x:16"), "range 1: number expected");
  EXPECT_EQ(ranges_error("0:16;32:16"),
            "range 1: ',' expected after the length");
  EXPECT_EQ(ranges_error("0:16 ,32:16"),
            "range 1: ',' expected after the length");
  EXPECT_EQ(ranges_error("0:16,,32:16"), "range 2: number expected");
  EXPECT_EQ(ranges_error("0:16,"), "range 2: number expected");
  EXPECT_EQ(ranges_error("12a:16"), "range 1: ':' expected after the offset");
  EXPECT_EQ(ranges_error("File="), "\"File=\" without a path");
}

TEST(RulesBcdRanges, RejectsNegativeZeroAndOverflowingNumbers) {
  EXPECT_EQ(ranges_error("-1:16"), "range 1: negative number");
  EXPECT_EQ(ranges_error("0:-16"), "range 1: negative number");
  EXPECT_EQ(ranges_error("0:16, 32:0"), "range 2: zero length");
  EXPECT_EQ(ranges_error("0:0x0"), "range 1: zero length");
  // Offsets are LONGLONG: INT64_MAX is the largest end.
  EXPECT_EQ(ranges_error("9223372036854775808:1"),
            "range 1: number too large for 64 bits");
  EXPECT_EQ(ranges_error("0x10000000000000000:1"),
            "range 1: number too large for 64 bits");
  EXPECT_EQ(ranges_error("99999999999999999999999:1"),
            "range 1: number too large for 64 bits");
  EXPECT_EQ(ranges_error("9223372036854775807:1"),
            "range 1: offset + length overflows 64 bits");
  EXPECT_EQ(ranges_error("0x7FFFFFFFFFFFFFFF:0x7FFFFFFFFFFFFFFF"),
            "range 1: offset + length overflows 64 bits");
}

TEST(RulesBcdRanges, DirectedTargetsNeedInlineListsOfEqualLengths) {
  auto check = [](const std::string& src, const std::string& dst) {
    CaptureSet capture = one_component();
    DirectedTarget t;
    t.source_path = "D:\\Data\\";
    t.source_filename = "ledger.db";
    t.source_ranges = src;
    t.destination_path = "D:\\Restore";
    t.destination_filename = "ledger.db";
    t.destination_ranges = dst;
    ledger(capture).restore_target = RestoreTarget::kDirected;
    ledger(capture).selected_for_restore = true;
    ledger(capture).directed_targets.push_back(t);
    const auto found = messages(capture, "BCD012");
    return found.empty() ? std::string() : found.front();
  };
  EXPECT_EQ(check("0:16, 0x20:0x10", "100:16,200:16"), "");
  EXPECT_EQ(check("0:16,32:16", "0:16,16:17"),
            "directed target \"D:\\Data\\ledger.db\" of "
            "\"{5b1e3c2a-7d4f-4c8e-9a61-0f2d8b7c4e13}:\\Ledger\": range 2 "
            "has length 16 in the source but 17 in the destination");
  EXPECT_NE(check("File=D:\\r.bin", "0:16"), "")
      << "ranges files are for partial files only";
  EXPECT_NE(check("0:16", "0:16:16"), "");
}

std::string options_error(const std::string& options) {
  CaptureSet capture = one_component();
  ledger(capture).selected_for_restore = true;
  ledger(capture).restore_options = options;
  const auto found = messages(capture, "BCD024");
  if (found.empty()) return "";
  const std::string& m = found.front();
  return m.substr(m.rfind("syntax: ") + 8);
}

TEST(RulesBcd, Bcd024RestoreOptionSyntax) {
  EXPECT_EQ(options_error(R"("Authoritative"="All")"), "");
  EXPECT_EQ(options_error(R"("Child2\Grandchild3":"Roll Forward"="None")"), "");
  EXPECT_EQ(options_error(R"( "A" = "1" , "sub" : "B"="" )"), "");
  EXPECT_EQ(options_error(""), "") << "empty options are not checked";
  EXPECT_EQ(options_error("Authoritative=All"),
            "option 1: a quoted name expected at offset 0");
  EXPECT_EQ(options_error(R"("A"="1",)"),
            "option 2: a quoted name expected at offset 8");
  EXPECT_EQ(options_error(R"("A"="1" "B"="2")"),
            "option 1: ',' expected at offset 8");
  EXPECT_EQ(options_error(R"("A":"B":"C"="1")"),
            "option 1: '=' expected at offset 7");
  EXPECT_EQ(options_error(R"("A"="1)"),
            "option 1: a quoted value expected at offset 4");
}

TEST(RulesBcd, Bcd015FollowsRecursionAndWildcards) {
  auto both = [](const char* diff_path, const char* spec, bool recursive) {
    CaptureSet capture = one_component();
    capture.backup_components[0].backup_type = BackupType::kIncremental;
    PartialFile p;
    p.path = "D:\\Data\\Books";
    p.filename = "Ledger.DB";
    p.ranges = "0:16";
    ledger(capture).partial_files.push_back(p);
    DifferencedFile d;
    d.path = diff_path;
    d.filespec = spec;
    d.recursive = recursive;
    ledger(capture).differenced_files.push_back(d);
    return !messages(capture, "BCD015").empty();
  };
  EXPECT_TRUE(both("d:\\data\\books\\", "*.db", false));
  EXPECT_TRUE(both("D:\\Data\\Books", "ledger.db", false));
  EXPECT_TRUE(both("D:\\Data\\Books", "l?dger.*", false));
  EXPECT_TRUE(both("D:\\Data\\Books", "*.*", false));
  EXPECT_TRUE(both("D:\\Data", "*", true));
  EXPECT_TRUE(both("D:", "*.db", true));
  EXPECT_FALSE(both("D:\\Data", "*", false)) << "not recursive";
  EXPECT_FALSE(both("D:\\Data\\Book", "*", true)) << "not a parent folder";
  EXPECT_FALSE(both("D:\\Data\\Books", "*.ldf", false));
  EXPECT_FALSE(both("D:\\Data\\Books", "ledger", false));
}

TEST(RulesBcd, WriterEntriesAreNamedFromTheirWmd) {
  CaptureSet capture = one_component();
  capture.backup_components[0].writers[0].components.clear();
  EXPECT_EQ(messages(capture, "BCD005"),
            std::vector<std::string>{
                "writer entry \"{5b1e3c2a-7d4f-4c8e-9a61-0f2d8b7c4e13}\" has "
                "no components"});
  WriterMetadata w;
  w.source.name = "w.xml";
  w.identity.writer_id = *Guid::parse(kClass);
  w.identity.friendly_name = "Quillwort Writer";
  capture.writers.push_back(w);
  const auto findings = validate(capture);
  const auto hit = std::find_if(
      findings.begin(), findings.end(),
      [](const Finding& f) { return f.diagnostic.code == "BCD005"; });
  ASSERT_NE(hit, findings.end());
  EXPECT_EQ(hit->diagnostic.message,
            "writer entry \"Quillwort Writer\" has no components");
  EXPECT_EQ(hit->writer(),
            "Quillwort Writer {5b1e3c2a-7d4f-4c8e-9a61-0f2d8b7c4e13}");
}

TEST(RulesBcd, Bcd016And017DependOnTheBackupType) {
  CaptureSet capture = one_component();
  DifferencedFile d;
  d.path = "D:\\Logs";
  d.filespec = "*.log";
  ledger(capture).differenced_files.push_back(d);
  ledger(capture).previous_backup_stamp = "stamp";
  auto& type = capture.backup_components[0].backup_type;
  for (BackupType t :
       {BackupType::kFull, BackupType::kCopy, BackupType::kLog}) {
    type = t;
    EXPECT_EQ(messages(capture, "BCD016").size(), 1U) << to_xml(t);
    EXPECT_EQ(messages(capture, "BCD017").size(), 1U) << to_xml(t);
  }
  for (BackupType t : {BackupType::kIncremental, BackupType::kDifferential}) {
    type = t;
    EXPECT_TRUE(messages(capture, "BCD016").empty()) << to_xml(t);
    EXPECT_TRUE(messages(capture, "BCD017").empty()) << to_xml(t);
  }
  type = BackupType::kOther;
  EXPECT_EQ(messages(capture, "BCD016").size(), 1U);
  EXPECT_TRUE(messages(capture, "BCD017").empty());
}

TEST(RulesBcd, Bcd028OnlyWhenTheEntryRecordsASchema) {
  CaptureSet capture = one_component();
  ledger(capture).backup_stamp = "stamp";
  auto& schema = capture.backup_components[0].writers[0].backup_schema;
  EXPECT_TRUE(messages(capture, "BCD028").empty());
  schema = 0x371;  // the SQL writer's: TIMESTAMPED among others
  EXPECT_TRUE(messages(capture, "BCD028").empty());
  schema = 0x351;
  EXPECT_EQ(messages(capture, "BCD028").size(), 1U);
}

TEST(RulesBcd, Bcd022NeedsAPostRestoreDocument) {
  CaptureSet capture = one_component();
  ledger(capture).selected_for_restore = true;
  EXPECT_TRUE(messages(capture, "BCD022").empty()) << "before the restore";
  BcdComponent journal = ledger(capture);
  journal.name = "Journal";
  journal.file_restore_status = FileRestoreStatus::kUndefined;
  capture.backup_components[0].writers[0].components.push_back(journal);
  EXPECT_TRUE(messages(capture, "BCD022").empty()) << "undefined is no status";
  capture.backup_components[0].writers[0].components[1].file_restore_status =
      FileRestoreStatus::kAll;
  EXPECT_EQ(messages(capture, "BCD022").size(), 1U);
}

}  // namespace
}  // namespace vssmeta
