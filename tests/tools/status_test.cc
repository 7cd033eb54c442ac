// SPDX-License-Identifier: MIT
// `vssmeta status --from FILE`, and status texts among the inputs of `dump`.
#include <string>

#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "tools/cli_runner.h"

namespace vssmeta::cli {
namespace {

using testing::matches_golden;
using testing::run_cli;
using testing::schemas_dir;
using testing::validate_json;

TEST(StatusFrom, EnglishTextAsLive) {
  auto r = run_cli({"status", "--from", "status/vssadmin-en.txt"});
  EXPECT_EQ(r.exit_code, kExitFindings);  // failed writers
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(matches_golden(r.out, "status/vssadmin-en.txt"));
}

TEST(StatusFrom, GermanTextKeepsUnknownWordings) {
  auto r = run_cli({"status", "--from", "status/vssadmin-de.txt"});
  EXPECT_EQ(r.exit_code, kExitFindings);
  EXPECT_TRUE(matches_golden(r.out, "status/vssadmin-de.txt"));
}

TEST(StatusFrom, JsonFollowsTheStatusSchema) {
  for (const char* file :
       {"status/vssadmin-en.txt", "status/vssadmin-fr.txt",
        "status/diskshadow-status.txt", "status/vshadow-ws.txt"}) {
    SCOPED_TRACE(file);
    auto r = run_cli({"status", "--from", file, "--format", "json"});
    EXPECT_EQ(r.exit_code, kExitFindings);
    EXPECT_EQ(
        validate_json(r.out, schemas_dir() / "capture-status.schema.json"), "");
  }
  auto r = run_cli(
      {"status", "--from", "status/vssadmin-fr.txt", "--format", "json"});
  EXPECT_TRUE(matches_golden(r.out, "status/vssadmin-fr.json"));
}

TEST(StatusFrom, AllStableFromStandardInputExitsZero) {
  const std::string text =
      "Writer name: 'System Writer'\r\n"
      "   Writer Id: {e8132975-6f93-4464-a53e-1050253ae220}\r\n"
      "   Writer Instance Id: {954224e4-27f6-43ab-ad29-c6c1901374c9}\r\n"
      "   State: [1] Stable\r\n"
      "   Last error: No error\r\n";
  auto r = run_cli({"status", "--from", "-"}, text);
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_EQ(r.out,
            "Writer name: 'System Writer'\n"
            "   Writer Id: {e8132975-6f93-4464-a53e-1050253ae220}\n"
            "   Writer Instance Id: {954224e4-27f6-43ab-ad29-c6c1901374c9}\n"
            "   State: [1] Stable\n"
            "   Last error: No error\n"
            "\n"
            "1 writers, 0 failed\n");
}

TEST(StatusFrom, CutPasteWarns) {
  auto r = run_cli({"status", "--from", "status/vssadmin-cut.txt"});
  EXPECT_EQ(r.exit_code, kExitFindings);
  EXPECT_EQ(r.err,
            "status/vssadmin-cut.txt:20: warning: writer 'NTDS': incomplete "
            "block (no instance id, state, last error): skipped "
            "[incomplete-status-block]\n");
  auto quiet = run_cli({"status", "--from", "status/vssadmin-cut.txt", "-q"});
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(quiet.out, r.out);
}

TEST(StatusFrom, WriterMetadataIsNoStatusText) {
  auto r = run_cli({"status", "--from", "wmd/system-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "wmd/system-writer.xml: error: no writer status text here (1 "
            "writer metadata and 0 backup components documents): --from "
            "reads what `vssadmin list writers`, diskshadow `list writers "
            "status` or `vshadow -ws` printed\n");
}

TEST(StatusFrom, BinaryGarbageIsAClearError) {
  auto r =
      run_cli({"status", "--from", "-"}, std::string("\x7F"
                                                     "ELF\x02\x01\x01\x00\x00",
                                                     9));
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "-:1:8: error: NUL character: this is not a text file\n");
}

TEST(StatusFrom, MissingFile) {
  auto r = run_cli({"status", "--from", "status/no-such-file.txt"});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_NE(r.err.find("status/no-such-file.txt"), std::string::npos);
}

TEST(StatusFrom, OutputFile) {
  testing::TempFolder dir("status-out");
  const std::string out = (dir.path() / "s.json").string();
  auto r = run_cli({"status", "--from", "status/vshadow-ws.txt", "--format",
                    "json", "-o", out});
  EXPECT_EQ(r.exit_code, kExitFindings);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(validate_json(testing::read_bytes(out),
                          schemas_dir() / "capture-status.schema.json"),
            "");
}

TEST(DumpStatusText, ShownWithTheDocuments) {
  auto r = run_cli({"dump", "status/diskshadow-status.txt",
                    "status/vssadmin-fr.txt", "wmd/bits-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(matches_golden(r.out, "status/dump.txt"));
}

TEST(DumpStatusText, JsonFollowsTheDumpSchema) {
  auto r = run_cli({"dump", "--format", "json", "status/vssadmin-en.txt",
                    "wmd/bits-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_EQ(validate_json(r.out, schemas_dir() / "dump.schema.json"), "");
  EXPECT_NE(r.out.find("\"statuses\""), std::string::npos);
  auto plain = run_cli({"dump", "--format", "json", "wmd/bits-writer.xml"});
  EXPECT_EQ(plain.out.find("\"statuses\""), std::string::npos);
}

TEST(DumpStatusText, WriterFilterChoosesStatuses) {
  auto r = run_cli({"dump", "status/vssadmin-en.txt", "--writer", "NTDS"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_NE(r.out.find("\"NTDS\""), std::string::npos);
  EXPECT_EQ(r.out.find("System Writer"), std::string::npos);
}

TEST(DumpMetadataText, MarkedReconstructedFromText) {
  auto r = run_cli({"dump", "status/diskshadow-metadata.txt"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(matches_golden(r.out, "status/dump-metadata.txt"));
  auto json =
      run_cli({"dump", "--format", "json", "status/diskshadow-metadata.txt"});
  EXPECT_EQ(json.exit_code, kExitOk);
  EXPECT_EQ(validate_json(json.out, schemas_dir() / "dump.schema.json"), "");
  EXPECT_NE(json.out.find("\"reconstructedFromText\""), std::string::npos);
}

TEST(DumpMetadataText, NoXmlForAReconstructedWriter) {
  auto r = run_cli({"dump", "--format", "xml", "--writer", "NTDS",
                    "status/diskshadow-metadata.txt"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("writer NTDS was reconstructed from text "
                       "(status/diskshadow-metadata.txt:58)"),
            std::string::npos)
      << r.err;
}

TEST(DumpMetadataText, WhatTheTextDoesNotSayIsUnknown) {
  auto r = run_cli({"dump", "-"},
                   "+ Component \"Registry Writer:\\Registry\"\n"
                   "    - Name: Registry\n"
                   "    - Type: VSS_CT_FILEGROUP [2]\n");
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "Writer \"Registry Writer\"  {writer id not in the text}  (-)\n"
            "  reconstructed from text (line 1): only what diskshadow printed "
            "is known\n"
            "  restore: (not in the text)\n"
            "  components: 1 (0 selectable), files: 0\n"
            "    \\Registry  [filegroup, not selectable]  no files\n");
}

TEST(DumpMetadataText, StatusFromRefusesIt) {
  auto r = run_cli({"status", "--from", "status/diskshadow-metadata.txt"});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_NE(r.err.find("no writer status text here (2 writer metadata"),
            std::string::npos);
}

}  // namespace
}  // namespace vssmeta::cli
