// SPDX-License-Identifier: MIT
// Cross-document rules: the subtle parts (severity chosen from context, the
// Executables/ConfigFiles reading of vss-domain.md §3.2, the MyWriter
// selections of §3.4). The plain trigger/ok cases live in testdata/rules/.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/parse.h"
#include "vssmeta/validate.h"

namespace vssmeta {
namespace {

constexpr const char* kMyWriterClass = "5c8a5a5e-9b1d-4b7e-8f3a-2d6e4c1b0a91";
constexpr const char* kMyWriterInstance =
    "0f2e7c44-6a51-4d3b-9e2f-8b7a6c5d4e31";

WriterMetadata mywriter() {
  auto w = parse_writer_metadata(testing::read_bytes(
      testing::testdata_dir() / "selection" / "mywriter.xml"));
  EXPECT_TRUE(w.has_value());
  return w ? *w : WriterMetadata{};
}

// A one-writer BCD of MyWriter listing `components` (`lp\name` or `name`).
std::string bcd_xml(const std::vector<std::string>& components,
                    const std::string& instance = kMyWriterInstance,
                    const std::string& component_extra = "") {
  std::string comps;
  for (const std::string& full : components) {
    const auto slash = full.rfind('\\');
    if (slash == std::string::npos) {
      comps += fmt::format(
          R"(<COMPONENT componentName="{}" componentType="filegroup"{}/>)",
          full, component_extra);
    } else {
      comps += fmt::format(
          R"(<COMPONENT logicalPath="{}" componentName="{}" componentType="filegroup"{}/>)",
          full.substr(0, slash), full.substr(slash + 1), component_extra);
    }
  }
  return fmt::format(
      R"(<BACKUP_COMPONENTS xmlns="x-schema:#VssComponentMetadata" version="1.2" bootableSystemStateBackup="no" selectComponents="yes" backupType="full" partialFileSupport="no"><WRITER_COMPONENTS instanceId="{}" writerId="{}" backupSchema="0">{}</WRITER_COMPONENTS></BACKUP_COMPONENTS>)",
      instance, kMyWriterClass, comps);
}

// A one-writer BCD of MyWriter from raw COMPONENT elements.
std::string bcd_raw(const std::string& comps) {
  return fmt::format(
      R"(<BACKUP_COMPONENTS xmlns="x-schema:#VssComponentMetadata" version="1.2" bootableSystemStateBackup="no" selectComponents="yes" backupType="full" partialFileSupport="yes"><WRITER_COMPONENTS instanceId="{}" writerId="{}" backupSchema="0">{}</WRITER_COMPONENTS></BACKUP_COMPONENTS>)",
      kMyWriterInstance, kMyWriterClass, comps);
}

std::string comp(const std::string& lp, const std::string& name,
                 const std::string& body = "") {
  const std::string path =
      lp.empty() ? std::string() : fmt::format(R"( logicalPath="{}")", lp);
  return fmt::format(
      R"(<COMPONENT{} componentName="{}" componentType="filegroup" selectedForRestore="yes">{}</COMPONENT>)",
      path, name, body);
}

CaptureSet capture_of(const std::string& bcd, bool with_wmd = true) {
  CaptureSet c;
  if (with_wmd) c.writers.push_back(mywriter());
  auto b = parse_backup_components(bcd);
  EXPECT_TRUE(b.has_value());
  if (b) c.backup_components.push_back(*b);
  return c;
}

struct Seen {
  Severity severity;
  std::string message;
};

std::vector<Seen> findings(const CaptureSet& c, std::string_view rule,
                           const ValidateOptions& options = {}) {
  std::vector<Seen> out;
  for (const Finding& f : validate(c, options)) {
    if (f.diagnostic.code == rule) {
      out.push_back({f.diagnostic.severity, f.diagnostic.message});
    }
  }
  return out;
}

// §3.4 selection A: every required component explicit.
TEST(RulesXrefSelection, SelectionAIsClean) {
  const auto c = capture_of(bcd_xml(
      {"Executables", "Executables\\ConfigFiles", "Security", "writerData"}));
  for (const char* rule :
       {"XREF003", "XREF005", "XREF006", "XREF007", "XREF-CASE"}) {
    EXPECT_TRUE(findings(c, rule).empty()) << rule;
  }
}

// A': ConfigFiles only covered by its nonselectable ancestor: info, not an
// error (vss-domain.md §3.2 recommendation).
TEST(RulesXrefSelection, RequiredChildCoveredByAncestorIsInfo) {
  const auto c = capture_of(bcd_xml({"Executables", "Security", "writerData"}));
  const auto f = findings(c, "XREF007");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_NE(f[0].message.find("Executables\\ConfigFiles"), std::string::npos);
}

// E: {LicenseInfo}: one error for Executables; ConfigFiles, under the same
// missing ancestor, is not reported a second time.
TEST(RulesXrefSelection, MissingRequiredReportedOncePerSubtree) {
  const auto c = capture_of(bcd_xml({"LicenseInfo"}));
  const auto f = findings(c, "XREF007");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_NE(f[0].message.find("\"MyWriter:\\Executables\""), std::string::npos);
}

// C: Usage explicit next to writerData → XREF006; D: UserInfo → XREF005.
TEST(RulesXrefSelection, SelectionsCAndD) {
  const auto c = capture_of(bcd_xml({"Executables", "Executables\\ConfigFiles",
                                     "writerData", "writerData\\Usage"}));
  EXPECT_EQ(findings(c, "XREF006").size(), 1U);
  EXPECT_TRUE(findings(c, "XREF005").empty());
  const auto d = capture_of(bcd_xml(
      {"Executables", "Executables\\ConfigFiles", "Security\\UserInfo"}));
  const auto f = findings(d, "XREF005");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_NE(f[0].message.find("\"MyWriter:\\Security\""), std::string::npos);
}

// A class-S component explicit without its selectable ancestor is fine (B).
TEST(RulesXrefSelection, SelectableSubWithoutAncestorIsFine) {
  const auto c = capture_of(bcd_xml(
      {"Executables", "Executables\\ConfigFiles", "writerData\\Usage"}));
  EXPECT_TRUE(findings(c, "XREF006").empty());
  EXPECT_TRUE(findings(c, "XREF007").empty());
}

TEST(RulesXrefSeverity, InstanceMismatchIsWarningAtBackupInfoAtRestore) {
  const std::string other = "11111111-2222-4333-8444-555555555555";
  const auto backup =
      capture_of(bcd_xml({"Executables", "Executables\\ConfigFiles"}, other));
  auto f = findings(backup, "XREF002");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].severity, Severity::kWarning);

  const auto restore =
      capture_of(bcd_xml({"Executables", "Executables\\ConfigFiles"}, other,
                         R"( selectedForRestore="yes")"));
  f = findings(restore, "XREF002");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].severity, Severity::kInfo);
}

// A user's --severity override wins over the context-dependent severity,
// and the next finding of another rule keeps its own severity.
TEST(RulesXrefSeverity, UserOverrideAppliesToLoweredFindings) {
  const auto restore = capture_of(bcd_xml(
      {"Executables", "Executables\\ConfigFiles", "Bogus"},
      "11111111-2222-4333-8444-555555555555", R"( selectedForRestore="yes")"));
  ValidateOptions options;
  options.severity["XREF002"] = Severity::kError;
  const auto f = findings(restore, "XREF002", options);
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].severity, Severity::kError);
  const auto g = findings(restore, "XREF003", options);
  ASSERT_EQ(g.size(), 1U);
  EXPECT_EQ(g[0].severity, Severity::kError);
}

// A BCD validated on its own has nothing to be cross-checked against:
// XREF001 says so once, and no other cross-document rule reports.
TEST(RulesXrefScope, BcdWithoutAnyWmdSaysTheChecksDidNotRun) {
  const auto c = capture_of(bcd_xml({"Nothing"}), /*with_wmd=*/false);
  std::size_t xref001 = 0;
  for (const Finding& f : validate(c)) {
    if (f.diagnostic.code == "XREF001") {
      ++xref001;
      EXPECT_NE(f.diagnostic.message.find("did not run: no writer metadata "
                                          "for "),
                std::string::npos)
          << f.diagnostic.message;
      EXPECT_EQ(f.diagnostic.severity, Severity::kWarning);
      continue;
    }
    EXPECT_NE(f.diagnostic.code.rfind("XREF", 0), 0U) << f.diagnostic.code;
  }
  EXPECT_EQ(xref001, 1U);
}

// The index matches case-insensitively; XREF-CASE reports it, XREF003 does
// not, and the selection rules use the match.
TEST(RulesXrefCase, CaseOnlyMatchIsUsedAndReported) {
  const auto c = capture_of(bcd_xml(
      {"EXECUTABLES", "executables\\configfiles", "Security\\userinfo"}));
  EXPECT_EQ(findings(c, "XREF-CASE").size(), 3U);
  EXPECT_TRUE(findings(c, "XREF003").empty());
  EXPECT_TRUE(findings(c, "XREF007").empty());
  EXPECT_EQ(findings(c, "XREF005").size(), 1U);
}

// An exact spelling is not reported.
TEST(RulesXrefCase, ExactMatchIsNotReported) {
  const auto c =
      capture_of(bcd_xml({"Executables", "Executables\\ConfigFiles"}));
  EXPECT_TRUE(findings(c, "XREF-CASE").empty());
}

// §3.3: a restore subcomponent hangs on its closest explicit ancestor; one
// that was explicit itself is selected directly.
TEST(RulesXrefRestore, RestoreSubcomponentsAndTheirParents) {
  const std::string required =
      comp("", "Executables") + comp("Executables", "ConfigFiles");
  auto sub = [](const std::string& lp, const std::string& name) {
    return fmt::format(
        R"(<RESTORE_SUBCOMPONENT logicalPath="{}" componentName="{}"/>)", lp,
        name);
  };
  // Backup C (Usage explicit under explicit writerData).
  const auto c = capture_of(
      bcd_raw(required +
              comp("", "writerData",
                   sub("writerData", "Set1") + sub("writerData", "Usage")) +
              comp("writerData", "Usage")));
  auto f = findings(c, "XREF022");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_NE(f[0].message.find("was itself included explicitly"),
            std::string::npos);
  // Usage's Jan hung on writerData although Usage is explicit.
  const auto d = capture_of(bcd_raw(
      required + comp("", "writerData", sub("writerData\\Usage", "Jan")) +
      comp("writerData", "Usage")));
  f = findings(d, "XREF022");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_NE(f[0].message.find("closest explicitly included ancestor is "
                              "\"writerData\\Usage\""),
            std::string::npos);
  EXPECT_EQ(findings(d, "XREF021").size(), 1U);  // Jan: selR = N
}

// Paths compare at element boundaries: C:\MyWriter\writerDataX is not
// under C:\MyWriter\writerData; implicit members' paths count.
TEST(RulesXrefFiles, PartialFilePathsAtElementBoundaries) {
  const std::string required =
      comp("", "Executables") + comp("Executables", "ConfigFiles");
  auto partial = [](const std::string& path) {
    return fmt::format(
        R"(<PARTIAL_FILE path="{}" filename="a.dat" ranges="0:16"/>)", path);
  };
  const auto outside = capture_of(
      bcd_raw(required +
              comp("", "writerData", partial(R"(C:\MyWriter\writerDataX)"))));
  EXPECT_EQ(findings(outside, "XREF013").size(), 1U);
  const auto member = capture_of(bcd_raw(
      required + comp("", "writerData",
                      partial(R"(C:\MyWriter\writerData\Set1\Jan\2024\)"))));
  EXPECT_TRUE(findings(member, "XREF013").empty());
}

// A component set stops at explicit descendants: once Usage is explicit,
// its file sets belong to Usage's BCD component, not writerData's.
TEST(RulesXrefFiles, NewTargetsUseTheDefiningComponentsSet) {
  const std::string required =
      comp("", "Executables") + comp("Executables", "ConfigFiles");
  const std::string target =
      R"(<NEW_TARGET path="C:\MyWriter\writerData\Usage\Jan\" filespec="*" recursive="yes" alternatePath="E:\R"/>)";
  const auto a = capture_of(bcd_raw(required + comp("", "writerData", target)));
  EXPECT_TRUE(findings(a, "XREF015").empty());
  const auto c = capture_of(bcd_raw(required + comp("", "writerData", target) +
                                    comp("writerData", "Usage")));
  EXPECT_EQ(findings(c, "XREF015").size(), 1U);
}

// A backup stamp while the BCD entry records a schema without TIMESTAMPED
// (and the WMD's lacks it too) used to be reported twice, by BCD028 and
// XREF010: BCD028, which reads the schema recorded with the backup, keeps
// it. A previous backup stamp is XREF010's alone.
TEST(RulesXrefStamps, StampAgainstARecordedSchemaIsReportedOnce) {
  const auto c = capture_of(
      bcd_xml({"LicenseInfo"}, kMyWriterInstance, R"( backupStamp="s")"));
  EXPECT_EQ(findings(c, "BCD028").size(), 1U);
  EXPECT_TRUE(findings(c, "XREF010").empty());
  const auto p = capture_of(bcd_xml({"LicenseInfo"}, kMyWriterInstance,
                                    R"( previousBackupStamp="s")"));
  EXPECT_TRUE(findings(p, "BCD028").empty());
  ASSERT_EQ(findings(p, "XREF010").size(), 1U);
  EXPECT_NE(findings(p, "XREF010")[0].message.find("previous backup stamp"),
            std::string::npos);
}

}  // namespace
}  // namespace vssmeta
