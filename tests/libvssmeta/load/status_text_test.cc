// SPDX-License-Identifier: MIT
#include "vssmeta/status_text.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/capture_set.h"

namespace vssmeta {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;
using testing::testdata_dir;

std::string status_file(const std::string& name) {
  return read_bytes(testdata_dir() / "status" / name);
}

Result<std::vector<WriterStatus>> parse(const std::string& text,
                                        const std::string& name = "t.txt") {
  ParseOptions options;
  options.source_name = name;
  return parse_status_text(text, options);
}

struct Expected {
  std::string name;
  std::string writer_id;
  std::string instance_id;
  std::uint32_t state;
};

void expect_statuses(const std::vector<WriterStatus>& got,
                     const std::vector<Expected>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(want[i].name);
    EXPECT_EQ(got[i].writer_name, want[i].name);
    EXPECT_EQ(got[i].writer_id.to_string(), want[i].writer_id);
    EXPECT_EQ(got[i].instance_id.to_string(), want[i].instance_id);
    ASSERT_TRUE(got[i].printed.has_value());
    EXPECT_EQ(got[i].printed->state_code, want[i].state);
  }
}

// The four writers every testdata language file starts with.
const std::vector<Expected> kFour = {
    {"System Writer", "e8132975-6f93-4464-a53e-1050253ae220",
     "954224e4-27f6-43ab-ad29-c6c1901374c9", 1},
    {"SqlServerWriter", "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a",
     "97e6e0ef-df12-4009-9e6b-165474834200", 8},
    {"NTDS", "b2014c9e-8711-4c5c-a5a9-3cf384484757",
     "d988ef02-25b7-45af-89a0-50b11309de5a", 11},
    {"Microsoft Hyper-V VSS Writer", "66841cd4-6ded-4f4b-8f17-fd23f8ddc3de",
     "ab094e4c-aeaa-42eb-bd94-434b8da0b762", 9},
};

TEST(StatusText, EnglishVssadmin) {
  auto r = parse(status_file("vssadmin-en.txt"), "en.txt");
  ASSERT_OK(r);
  EXPECT_TRUE(r.warnings().empty());
  std::vector<Expected> want = kFour;
  want.push_back({"Registry Writer", "afbab4a2-367d-4d15-a586-71dbb18f8485",
                  "9f88d149-91e6-4f13-9153-84e74e5b68d7", 5});
  want.push_back({"Larkspur Ledger Writer",
                  "f765edba-e9b9-4c1b-b50b-f7d846119c1f",
                  "37da9fbf-407c-4783-8eeb-322af694a326", 1});
  expect_statuses(*r, want);
  const auto& s = *r;
  EXPECT_EQ(s[0].state, WriterState::kStable);
  EXPECT_EQ(s[0].failure, 0U);
  EXPECT_TRUE(s[0].printed->failure_known);
  EXPECT_EQ(s[0].printed->where, (Location{"en.txt", 8, 0}));
  EXPECT_EQ(s[0].printed->state_text, "Stable");
  EXPECT_EQ(s[0].printed->last_error, "No error");
  EXPECT_EQ(s[1].state, WriterState::kFailedAtPrepareSnapshot);
  EXPECT_EQ(s[1].failure, 0x800423F3U);
  EXPECT_EQ(s[1].printed->state_text, "Failed");
  EXPECT_EQ(s[2].failure, 0x800423F4U);
  EXPECT_EQ(s[3].failure, 0x800423F2U);
  EXPECT_EQ(s[4].state, WriterState::kWaitingForBackupComplete);
  EXPECT_EQ(s[4].printed->state_text, "Waiting for completion");
  // "Unexpected error" names no single HRESULT: kept, not guessed.
  EXPECT_FALSE(s[5].printed->failure_known);
  EXPECT_EQ(s[5].failure, 0U);
  EXPECT_EQ(s[5].printed->last_error, "Unexpected error");
}

TEST(StatusText, FrenchVssadminWithNoBreakSpaces) {
  auto r = parse(status_file("vssadmin-fr.txt"));
  ASSERT_OK(r);
  EXPECT_TRUE(r.warnings().empty());
  expect_statuses(*r, kFour);
  EXPECT_EQ((*r)[0].printed->last_error, "Aucune erreur");
  EXPECT_TRUE((*r)[0].printed->failure_known);
  EXPECT_EQ((*r)[1].printed->state_text,
            "\xC3\x89"
            "chec");
  EXPECT_EQ((*r)[1].failure, 0x800423F3U);
  EXPECT_EQ((*r)[2].failure, 0x800423F4U);
  // The last block puts U+00A0 before its colons.
  EXPECT_EQ((*r)[3].failure, 0x800423F2U);
  EXPECT_EQ((*r)[3].printed->last_error, "D\xC3\xA9lai d\xC3\xA9pass\xC3\xA9");
}

TEST(StatusText, GermanVssadminKeepsUnconfirmedWordings) {
  auto r = parse(status_file("vssadmin-de.txt"));
  ASSERT_OK(r);
  expect_statuses(*r, kFour);
  for (const WriterStatus& s : *r) {
    EXPECT_FALSE(s.printed->failure_known) << s.printed->last_error;
    EXPECT_EQ(s.failure, 0U);
  }
  EXPECT_EQ((*r)[0].printed->state_text, "Stabil");
  EXPECT_EQ((*r)[1].printed->last_error, "Wiederholbarer Fehler");
  EXPECT_EQ((*r)[3].printed->last_error,
            "Zeit\xC3\xBC"
            "berschreitung");
  EXPECT_TRUE(is_failed((*r)[1]));  // by its state number
  EXPECT_FALSE(is_failed((*r)[0]));
}

TEST(StatusText, DiskshadowListWritersStatus) {
  auto r = parse(status_file("diskshadow-status.txt"));
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 3U);
  EXPECT_EQ((*r)[0].printed->state_text, "VSS_WS_STABLE");
  EXPECT_EQ((*r)[1].state, WriterState::kFailedAtPrepareSnapshot);
  EXPECT_EQ((*r)[1].failure, 0x800423F4U);
  EXPECT_TRUE((*r)[1].printed->failure_known);
  EXPECT_EQ((*r)[1].printed->last_error,
            "0x800423f4 (VSS_E_WRITERERROR_NONRETRYABLE)");
  EXPECT_EQ((*r)[2].instance_id.to_string(),
            "9f88d149-91e6-4f13-9153-84e74e5b68d7");
  EXPECT_EQ((*r)[2].state, WriterState::kWaitingForBackupComplete);
}

TEST(StatusText, VshadowWs) {
  auto r = parse(status_file("vshadow-ws.txt"));
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 2U);
  EXPECT_EQ((*r)[1].writer_name, "NTDS");
  EXPECT_EQ((*r)[1].state, WriterState::kFailedAtFreeze);
  EXPECT_EQ((*r)[1].failure, 0x800423F2U);
}

TEST(StatusText, PasteCutMidBlockKeepsCompleteBlocksAndWarns) {
  auto r = parse(status_file("vssadmin-cut.txt"), "cut.txt");
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 2U);
  ASSERT_EQ(r.warnings().size(), 1U);
  const Diagnostic& w = r.warnings()[0];
  EXPECT_EQ(w.code, "incomplete-status-block");
  EXPECT_EQ(w.where, (Location{"cut.txt", 20, 0}));
  EXPECT_EQ(w.message,
            "writer 'NTDS': incomplete block (no instance id, state, last "
            "error): skipped");
}

TEST(StatusText, NameLineAloneAtTheEndIsIncomplete) {
  auto r = parse(status_file("vssadmin-en.txt").substr(0, 700) +
                 "\nWriter name: 'BITS Writer'\n");
  ASSERT_OK(r);
  ASSERT_FALSE(r.warnings().empty());
  EXPECT_NE(r.warnings().back().message.find("'BITS Writer'"),
            std::string::npos);
}

TEST(StatusText, QuotedTextBetweenBlocksIsNoWriter) {
  const std::string text =
      "Excluding writer \"Shadow Copy Optimization Writer\", because all of "
      "its components have been excluded.\n" +
      status_file("vssadmin-en.txt");
  auto r = parse(text);
  ASSERT_OK(r);
  EXPECT_TRUE(r.warnings().empty());
  EXPECT_EQ(r->size(), 6U);
}

std::string with_crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string utf16(const std::string& ascii_or_utf8, bool big_endian) {
  // Test inputs here are ASCII or Latin-1 range UTF-8 only.
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (std::size_t i = 0; i < ascii_or_utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(ascii_or_utf8[i]);
    unsigned cp = c;
    if (c >= 0xC0) {
      cp = ((c & 0x1FU) << 6) |
           (static_cast<unsigned char>(ascii_or_utf8[++i]) & 0x3FU);
    }
    const char lo = static_cast<char>(cp & 0xFF);
    const char hi = static_cast<char>(cp >> 8);
    out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
  }
  return out;
}

TEST(StatusText, WindowsLineEndsAndUtf16GiveTheSameStatuses) {
  const std::string text = status_file("vssadmin-en.txt");
  auto plain = parse(text);
  ASSERT_OK(plain);
  for (const std::string& form :
       {with_crlf(text), utf16(with_crlf(text), false), utf16(text, true)}) {
    auto r = parse(form);
    ASSERT_OK(r);
    ASSERT_EQ(r->size(), plain->size());
    for (std::size_t i = 0; i < r->size(); ++i) {
      EXPECT_EQ((*r)[i].writer_name, (*plain)[i].writer_name);
      EXPECT_EQ((*r)[i].instance_id, (*plain)[i].instance_id);
      EXPECT_EQ((*r)[i].printed, (*plain)[i].printed);
    }
  }
  auto fr = parse(utf16(status_file("vssadmin-fr.txt"), false));
  ASSERT_OK(fr);
  EXPECT_EQ((*fr)[1].printed->state_text,
            "\xC3\x89"
            "chec");
}

TEST(StatusText, MarkdownQuotedPaste) {
  const std::string text =
      "> Writer name: 'System Writer'  \n"
      "\\- Writer Id: {e8132975-6f93-4464-a53e-1050253ae220}  \n"
      "\\- Writer Instance Id: {954224e4-27f6-43ab-ad29-c6c1901374c9}  \n"
      "\\- State: \\[7\\] Failed  \n"
      "\\- Last error: Timed out  \n";
  auto r = parse(text);
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 1U);
  EXPECT_EQ((*r)[0].writer_name, "System Writer");
  EXPECT_EQ((*r)[0].state, WriterState::kFailedAtPrepareBackup);
  EXPECT_EQ((*r)[0].failure, 0x800423F2U);
}

TEST(StatusText, StateNumberPastTheKnownStatesIsKept) {
  const std::string text =
      "Writer name: 'Larkspur Ledger Writer'\n"
      "   Writer Id: {f765edba-e9b9-4c1b-b50b-f7d846119c1f}\n"
      "   Writer Instance Id: {37da9fbf-407c-4783-8eeb-322af694a326}\n"
      "   State: [16] Something new\n"
      "   Last error: No error\n";
  auto r = parse(text);
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 1U);
  EXPECT_EQ((*r)[0].state, WriterState::kUnknown);
  EXPECT_EQ((*r)[0].printed->state_code, 16U);
  EXPECT_EQ((*r)[0].printed->state_text, "Something new");
}

TEST(StatusText, BinaryGarbageIsAnEncodingError) {
  std::string garbage = "Writer name: 'X'\n";
  garbage += std::string("\x01\x00\x7F\xFF", 4);
  auto r = parse(garbage, "g.bin");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kMalformedXml);
  EXPECT_EQ(to_string(r.error()),
            "g.bin:2:2: error: NUL character: this is not a text file");
  auto bad = parse("State: [1] Stable\n\xC3\x28\n", "b.txt");
  ASSERT_FALSE(bad);
  EXPECT_EQ(to_string(bad.error()),
            "b.txt:2:1: error: invalid UTF-8 byte 0xC3");
}

TEST(StatusText, TextWithoutWritersIsAnError) {
  auto r = parse("vssadmin 1.1 - Volume Shadow Copy Service\n\nNothing.\n",
                 "none.txt");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
  EXPECT_EQ(r.error().where, (Location{"none.txt", 1, 1}));
  EXPECT_NE(r.error().message.find("no complete writer status block"),
            std::string::npos);
}

std::string many_blocks(std::size_t n, bool complete) {
  std::string text;
  text.reserve(n * 220);
  for (std::size_t i = 0; i < n; ++i) {
    text += "Writer name: 'Writer ";
    text += std::to_string(i);
    text +=
        "'\n   Writer Id: {e8132975-6f93-4464-a53e-1050253ae220}\n"
        "   Writer Instance Id: {954224e4-27f6-43ab-ad29-c6c1901374c9}\n";
    if (complete) text += "   State: [1] Stable\n   Last error: No error\n";
    text += "\n";
  }
  return text;
}

TEST(StatusText, HundredThousandBlocks) {
  auto r = parse(many_blocks(100000, true));
  ASSERT_OK(r);
  EXPECT_EQ(r->size(), 100000U);
  EXPECT_EQ(r->back().writer_name, "Writer 99999");
  EXPECT_TRUE(r.warnings().empty());
}

TEST(StatusText, HundredThousandIncompleteBlocksWarnBriefly) {
  auto r = parse(many_blocks(100000, false));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
  ASSERT_EQ(r.warnings().size(), 21U);
  EXPECT_EQ(r.warnings().back().message,
            "99980 more incomplete writer blocks skipped");
}

TEST(StatusText, FailureFromLastError) {
  EXPECT_EQ(failure_from_last_error("No error"), 0U);
  EXPECT_EQ(failure_from_last_error("  retryable ERROR. "), 0x800423F3U);
  EXPECT_EQ(failure_from_last_error("Non-retryable error"), 0x800423F4U);
  EXPECT_EQ(failure_from_last_error("Timed out"), 0x800423F2U);
  EXPECT_EQ(failure_from_last_error("Inconsistent shadow copy"), 0x800423F0U);
  EXPECT_EQ(failure_from_last_error("Out of resources"), 0x800423F1U);
  EXPECT_EQ(failure_from_last_error("Aucune erreur"), 0U);
  EXPECT_EQ(failure_from_last_error("Erreur non r\xC3\xA9"
                                    "cup\xC3\xA9rable"),
            0x800423F4U);
  EXPECT_EQ(failure_from_last_error("0x800423f3 (VSS_E_WRITERERROR_RETRYABLE)"),
            0x800423F3U);
  EXPECT_EQ(failure_from_last_error("0x00000000"), 0U);
  EXPECT_EQ(failure_from_last_error("Unexpected error"), std::nullopt);
  EXPECT_EQ(failure_from_last_error("Kein Fehler"), std::nullopt);
  EXPECT_EQ(failure_from_last_error("0xZZ"), std::nullopt);
  EXPECT_EQ(failure_from_last_error("0x8004230FF"), std::nullopt);
  EXPECT_EQ(failure_from_last_error(""), std::nullopt);
}

TEST(StatusText, IsStatusText) {
  EXPECT_TRUE(is_status_text(status_file("vssadmin-en.txt")));
  EXPECT_TRUE(is_status_text(status_file("diskshadow-status.txt")));
  EXPECT_FALSE(
      is_status_text(read_bytes(testdata_dir() / "wmd" / "system-writer.xml")));
  EXPECT_FALSE(is_status_text("just some text\n"));
  EXPECT_FALSE(is_status_text(std::string("\0\1\2", 3)));
}

TEST(StatusText, LoadRecognisesStatusTextByContent) {
  const fs::path file = testdata_dir() / "status" / "vssadmin-fr.txt";
  auto r = load(file.string());
  ASSERT_OK(r);
  EXPECT_TRUE(r->writers.empty());
  ASSERT_EQ(r->statuses.size(), 4U);
  EXPECT_EQ(r->statuses[0].printed->where.file, file.string());
  // The XML path is untouched, and merge keeps statuses.
  auto xml = load((testdata_dir() / "wmd" / "system-writer.xml").string());
  ASSERT_OK(xml);
  EXPECT_TRUE(xml->statuses.empty());
  CaptureSet both = std::move(*xml);
  merge(both, std::move(*r));
  EXPECT_EQ(both.writers.size(), 1U);
  EXPECT_EQ(both.statuses.size(), 4U);
}

TEST(StatusText, LoadLeavesOtherTextToTheDocumentParser) {
  std::istringstream in("no writers in here\n");
  auto r = load("-", {}, &in);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kMalformedXml);
  std::istringstream cut(status_file("vssadmin-cut.txt"));
  auto c = load("-", {}, &cut);
  ASSERT_OK(c);
  EXPECT_EQ(c->statuses.size(), 2U);
  EXPECT_EQ(c.warnings().size(), 1U);
}

// ------------------------------------------------ real texts (not copied)

struct RealText {
  const char* file;
  std::vector<Expected> statuses;
  std::size_t warnings;
};

TEST(StatusTextReal, EveryCompleteBlockOfTheRealTexts) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const std::vector<RealText> texts = {
      {"vssadmin-list-writers-css-exchange-issue2093-excerpt.txt",
       {{"Task Scheduler Writer", "d61d61c8-d73a-4eee-8cdd-f6f9786b7124",
         "1bddd48e-5052-49db-9b07-b96f96727e6b", 1},
        {"VSS Metadata Store Writer", "75dfb225-e2e4-4d39-9ac9-ffaff65ddf06",
         "088e7a7d-09a8-4cc6-a609-ad90e75ddc93", 1},
        {"Performance Counters Writer", "0bada1de-01a9-4625-8278-69e735f39dd2",
         "f0086dda-9efc-47c5-8eb6-a944c3d09381", 1},
        {"System Writer", "e8132975-6f93-4464-a53e-1050253ae220",
         "a29aadde-0639-4400-923a-5fd982e53c7e", 1}},
       1},  // ASR Writer is cut after its writer id
      {"vssadmin-list-writers-french-openzfs-issue406-excerpt.txt",
       {{"Task Scheduler Writer", "d61d61c8-d73a-4eee-8cdd-f6f9786b7124",
         "1bddd48e-5052-49db-9b07-b96f96727e6b", 1},
        {"VSS Metadata Store Writer", "75dfb225-e2e4-4d39-9ac9-ffaff65ddf06",
         "088e7a7d-09a8-4cc6-a609-ad90e75ddc93", 1},
        {"Performance Counters Writer", "0bada1de-01a9-4625-8278-69e735f39dd2",
         "f0086dda-9efc-47c5-8eb6-a944c3d09381", 1},
        {"System Writer", "e8132975-6f93-4464-a53e-1050253ae220",
         "3a440350-edf0-4b35-bbc0-2af9898666f7", 1}},
       0},
      {"vssadmin-list-writers-kb2952783-w2003-w2008-guest-failed-excerpt.md."
       "txt",
       {{"System Writer", "e8132975-6f93-4464-a53e-1050253ae220",
         "0df8b3f5-59ee-4185-983c-f35f16488e17", 9},
        {"COM+ REGDB Writer", "542da469-d3e1-473c-9f4f-7847f01fc64f",
         "4a28f97d-5076-4171-b9ac-a0cabd925645", 9},
        {"MSDEWriter", "f8544ac1-0611-4fa5-b04b-f7ee00b03277",
         "ecabb5e5-6526-42b4-b008-e74a7ce9edaa", 1},
        {"Registry Writer", "afbab4a2-367d-4d15-a586-71dbb18f8485",
         "5ee9aebb-1d30-474d-9562-927ba40e2e4e", 9},
        {"WMI Writer", "a6ad56c2-b509-4e6c-bb19-49d8f43532f0",
         "0fe76f97-9185-4bb8-b9da-6ce35be4bc01", 9},
        {"Event Log Writer", "eee8c692-67ed-4250-8d86-390603070d00",
         "8a2fd6b9-c349-4d3f-9bc2-046e053bee65", 9}},
       0},
      {"vssadmin-list-writers-natxo-nagios-exchange-writer-failed.txt",
       {{"System Writer", "e8132975-6f93-4464-a53e-1050253ae220",
         "eb6b4c30-aa48-486a-9618-0d1934d180ca", 1},
        {"Registry Writer", "afbab4a2-367d-4d15-a586-71dbb18f8485",
         "d3faa119-61c1-4ec4-b163-68b43efad58b", 1},
        {"IIS Metabase Writer", "59b1f0cf-90ef-465f-9609-6ca8b2938366",
         "d46610d4-d9a9-42c5-87c0-246aa1e352ad", 1},
        {"Event Log Writer", "eee8c692-67ed-4250-8d86-390603070d00",
         "8e45b579-b747-4967-9b4d-17f126bff3bb", 1},
        {"Microsoft Exchange Writer", "76fe1ac4-15f7-4bcd-987e-8e1acb462fb7",
         "728c7e4c-d8fa-46cc-999d-e20573e08a08", 7}},
       0},
      {"vssadmin-list-writers-ntds-failed-11-bitlocker-article-excerpt.txt",
       {{"NTDS", "b2014c9e-8711-4c5c-a5a9-3cf384484757",
         "08321e53-4032-44dc-9b03-7a1a15ad3eb8", 11}},
       0},
      {"diskshadow-list-writers-status-windowsserverdocs-quoted.txt",
       {{"System Writer", "e8132975-6f93-4464-a53e-1050253ae220",
         "7e631031-c695-4229-9da1-a7de057e64cb", 5},
        {"Shadow Copy Optimization Writer",
         "4dc3bdd4-ab48-4d07-adb0-3bee2926fd7f",
         "9e362607-9794-4dd4-a7cd-b3d5de0aad20", 1},
        {"Registry Writer", "afbab4a2-367d-4d15-a586-71dbb18f8485",
         "e87ba7e3-f8d8-42d8-b2ee-c76ae26b98e8", 1}},
       0},
  };
  for (const RealText& t : texts) {
    SCOPED_TRACE(t.file);
    const fs::path path = samples / "text" / t.file;
    if (!fs::exists(path)) GTEST_SKIP() << path << " is absent";
    auto r = parse(read_bytes(path), t.file);
    ASSERT_OK(r);
    expect_statuses(*r, t.statuses);
    EXPECT_EQ(r.warnings().size(), t.warnings);
  }
}

TEST(StatusTextReal, LastErrorsOfTheRealTexts) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const fs::path text = samples / "text";
  auto natxo = parse(read_bytes(
      text / "vssadmin-list-writers-natxo-nagios-exchange-writer-failed.txt"));
  ASSERT_OK(natxo);
  EXPECT_EQ(natxo->back().failure, 0x800423F3U);  // "Retryable error"
  auto ntds = parse(read_bytes(
      text /
      "vssadmin-list-writers-ntds-failed-11-bitlocker-article-excerpt"
      ".txt"));
  ASSERT_OK(ntds);
  EXPECT_EQ(ntds->front().failure, 0x800423F4U);  // "Non-retryable error"
  auto fr = parse(read_bytes(
      text / "vssadmin-list-writers-french-openzfs-issue406-excerpt.txt"));
  ASSERT_OK(fr);
  for (const WriterStatus& s : *fr) {
    EXPECT_TRUE(s.printed->failure_known);
    EXPECT_EQ(s.failure, 0U);
  }
}

TEST(StatusTextReal, PlaceholdersAndMetadataAreNoStatus) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const fs::path text = samples / "text";
  // Published with `{ **WriterID** }` and `WriterId` in place of the ids.
  for (const char* file :
       {"vshadow-selected-writer-failed-sql-kb943471-excerpt.md.txt",
        "vssadmin-and-betest-exchange-retryable-kb4037535-excerpt.md.txt"}) {
    SCOPED_TRACE(file);
    auto r = parse(read_bytes(text / file));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
    EXPECT_EQ(r.warnings().size(), 1U);
  }
  EXPECT_FALSE(is_status_text(read_bytes(
      text / "diskshadow-list-writers-frs-writer-msdocs-sample.txt")));
}

}  // namespace
}  // namespace vssmeta
