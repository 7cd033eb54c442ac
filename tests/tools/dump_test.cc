// SPDX-License-Identifier: MIT
// In-process golden tests for `vssmeta dump` (table-driven, like
// libabigail's InOutSpec rows): arguments, expected exit status, golden
// stdout (and stderr) under testdata/expected/dump/.
#include <cctype>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "tools/cli_runner.h"

namespace vssmeta::cli {
namespace {

using testing::matches_golden;
using testing::run_cli;

struct GoldenCase {
  const char* name;
  std::vector<std::string> args;
  int exit_code;
  const char* out;  // golden file for stdout, relative to testdata/expected
  const char* err;  // golden file for stderr, or nullptr for "empty"
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

class DumpGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(DumpGolden, MatchesExpectedOutput) {
  const GoldenCase& c = GetParam();
  auto r = run_cli(c.args);
  EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
  EXPECT_TRUE(matches_golden(r.out, c.out));
  if (c.err != nullptr) {
    EXPECT_TRUE(matches_golden(r.err, c.err));
  } else {
    EXPECT_EQ(r.err, "");
  }
}

INSTANTIATE_TEST_SUITE_P(
    Dump, DumpGolden,
    ::testing::Values(GoldenCase{"Capture",
                                 {"dump", "capture"},
                                 kExitOk,
                                 "dump/capture.txt",
                                 nullptr},
                      GoldenCase{"CaptureJson",
                                 {"dump", "--format", "json", "capture"},
                                 kExitOk,
                                 "dump/capture.json",
                                 nullptr},
                      GoldenCase{"SupportFolderWithTextEvidence",
                                 {"dump", "support-folder"},
                                 kExitOk,
                                 "dump/support-folder.txt",
                                 "dump/support-folder.err"},
                      GoldenCase{"SystemWriterFiles",
                                 {"dump", "--files", "--max-files", "5",
                                  "wmd/system-writer.xml"},
                                 kExitOk,
                                 "dump/system-writer-files.txt",
                                 nullptr},
                      GoldenCase{"AsrWriter",
                                 {"dump", "wmd/asr-writer.xml"},
                                 kExitOk,
                                 "dump/asr-writer.txt",
                                 nullptr},
                      GoldenCase{"NtdsWriter",
                                 {"dump", "--files", "wmd/ntds-writer.xml"},
                                 kExitOk,
                                 "dump/ntds-writer.txt",
                                 nullptr},
                      GoldenCase{"HypervWriterFilterComponent",
                                 {"dump", "--files", "--component",
                                  "A44AB3E0-A6E1-49A4-9C19-A2640FF24A5B",
                                  "wmd/hyperv-writer.xml"},
                                 kExitOk,
                                 "dump/hyperv-one-vm.txt",
                                 nullptr},
                      GoldenCase{"RestoreSession",
                                 {"dump", "bcd/restore-session.xml"},
                                 kExitOk,
                                 "dump/restore-session.txt",
                                 nullptr},
                      GoldenCase{
                          "WriterFilterByGuid",
                          {"dump", "--writer",
                           "{AFBAB4A2-367D-4D15-A586-71DBB18F8485}", "capture"},
                          kExitOk,
                          "dump/capture-registry.txt",
                          nullptr},
                      GoldenCase{"XmlOfOneWriter",
                                 {"dump", "--format", "xml", "--writer",
                                  "WMI Writer", "capture"},
                                 kExitOk,
                                 "dump/wmi-writer.xml",
                                 nullptr},
                      GoldenCase{"XmlIndentedForPeople",
                                 {"dump", "--format", "xml", "--indent",
                                  "--writer", "ASR Writer", "capture"},
                                 kExitOk,
                                 "dump/asr-writer-indented.xml",
                                 nullptr},
                      GoldenCase{"IndentNeedsXml",
                                 {"dump", "--indent", "wmd/asr-writer.xml"},
                                 kExitUsage,
                                 "empty.txt",
                                 "dump/indent-without-xml.err"},
                      GoldenCase{"UnknownContentWarnsOnStderr",
                                 {"dump", "--files", "wmd/unknown-content.xml"},
                                 kExitOk,
                                 "dump/unknown-content.txt",
                                 "dump/unknown-content.err"},
                      GoldenCase{"Truncated",
                                 {"dump", "invalid/truncated.xml"},
                                 kExitError,
                                 "empty.txt",
                                 "dump/truncated.err"},
                      GoldenCase{"BillionLaughs",
                                 {"dump", "invalid/billion-laughs.xml"},
                                 kExitError,
                                 "empty.txt",
                                 "dump/billion-laughs.err"},
                      GoldenCase{"Utf16Odd",
                                 {"dump", "invalid/odd-utf16.xml"},
                                 kExitError,
                                 "empty.txt",
                                 "dump/odd-utf16.err"},
                      GoldenCase{"XmlNeedsOneDocument",
                                 {"dump", "--format", "xml", "capture"},
                                 kExitUsage,
                                 "empty.txt",
                                 "dump/xml-many.err"}),
    [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(Dump, StandardInputWorks) {
  std::ifstream in(testing::testdata_dir() / "wmd/bits-writer.xml",
                   std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  auto r = run_cli({"dump", "-"}, bytes);
  EXPECT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_NE(r.out.find("BITS Writer"), std::string::npos);
}

TEST(Dump, SixEncodingsGiveTheSameJsonApartFromSource) {
  std::vector<nlohmann::json> docs;
  for (const char* f :
       {"utf8.xml", "utf8-bom-decl.xml", "utf16le-bom.xml", "utf16le-nobom.xml",
        "utf16be-bom.xml", "wrapped.xml"}) {
    auto r =
        run_cli({"dump", "--format", "json", std::string("encodings/") + f});
    ASSERT_EQ(r.exit_code, kExitOk) << r.err;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["writers"].size(), 1U);
    j["writers"][0].erase("source");
    docs.push_back(std::move(j));
  }
  for (std::size_t i = 1; i < docs.size(); ++i) EXPECT_EQ(docs[i], docs[0]);
}

TEST(Dump, ColourOnlyOnATerminalOrWhenAsked) {
  auto plain = run_cli({"dump", "wmd/asr-writer.xml"}, "", true);
  auto never =
      run_cli({"dump", "--color", "never", "wmd/asr-writer.xml"}, "", true);
  auto piped = run_cli({"dump", "wmd/asr-writer.xml"}, "", false);
  auto forced = run_cli({"dump", "--color", "always", "wmd/asr-writer.xml"});
  EXPECT_NE(plain.out.find("\x1b["), std::string::npos);
  EXPECT_EQ(never.out.find("\x1b["), std::string::npos);
  EXPECT_EQ(piped.out.find("\x1b["), std::string::npos);
  EXPECT_NE(forced.out.find("\x1b["), std::string::npos);
}

TEST(Dump, OutputFileIsWrittenWholeOrNotAtAll) {
  namespace fs = std::filesystem;
  const testing::TempFolder folder("vssmeta-dump-out-");
  const fs::path& dir = folder.path();
  const std::string target = (dir / "out.json").string();
  auto ok = run_cli(
      {"dump", "--format", "json", "-o", target, "wmd/bits-writer.xml"});
  EXPECT_EQ(ok.exit_code, kExitOk);
  EXPECT_TRUE(fs::exists(target));
  const std::string failed_target = (dir / "failed.json").string();
  auto bad = run_cli({"dump", "--format", "json", "-o", failed_target,
                      "invalid/truncated.xml"});
  EXPECT_EQ(bad.exit_code, kExitError);
  EXPECT_FALSE(fs::exists(failed_target));
  // No temporary file is left behind either.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1U);
}

TEST(Dump, WriterFilterAcceptsEveryForm) {
  for (const auto& form : testing::writer_forms()) {
    auto r = run_cli({"dump", "--writer", form.spec, "rules/SET002/ok"});
    EXPECT_EQ(r.exit_code, kExitOk) << form.spec << r.err;
    EXPECT_EQ(r.out.find("name: \"One\"") != std::string::npos, form.one)
        << form.spec;
    EXPECT_EQ(r.out.find("name: \"Two\"") != std::string::npos, form.two)
        << form.spec;
  }
}

// A filter that matches nothing is a usage error, worded as in every
// command, with the closest names.
TEST(Dump, FilterThatMatchesNothingIsAUsageError) {
  auto r = run_cli({"dump", "--writer", "SQL Server", "capture"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "vssmeta: error: no writer 'SQL Server' in the capture (closest: "
            "SqlServerWriter)\n");
  // graph says the same of the same filter.
  EXPECT_EQ(run_cli({"graph", "--writer", "SQL Server", "capture"}).err, r.err);
  r = run_cli({"dump", "--component", "NTDS:\\Volumes", "capture"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err, "vssmeta: error: no component 'Volumes' in writer 'NTDS'\n");
  r = run_cli({"dump", "--component", "KESTREL-SRV04\\Payrol", "capture"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: no component or path 'KESTREL-SRV04\\Payrol' in "
            "the capture (closest: KESTREL-SRV04\\Payroll)\n");
  r = run_cli({"dump", "--component", "Nobody:\\x", "capture"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err, "vssmeta: error: no writer 'Nobody' in the capture\n");
  // A component filter looks only in the writers --writer keeps.
  r = run_cli(
      {"dump", "--writer", "NTDS", "--component", "Volumes", "capture"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: no component or path 'Volumes' in the capture\n");
}

// --component takes the Writer:\path form the other commands print, and an
// organising node (ASR's Volumes) selects what lies below it.
TEST(Dump, ComponentFilterTakesTheWriterForm) {
  auto r = run_cli({"dump", "--component", "ASR Writer:\\Volumes", "capture"});
  EXPECT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_EQ(r.out, run_cli({"dump", "--writer", "ASR Writer", "--component",
                            "Volumes", "capture"})
                       .out);
  EXPECT_NE(r.out.find("Volume{5a1c77d2-2b9e-11ee-b0d4-806e6f6e6963}"),
            std::string::npos);
  EXPECT_EQ(r.out.find("harddisk0"), std::string::npos);
  EXPECT_EQ(r.out.find("SqlServerWriter"), std::string::npos);
}

TEST(Dump, NegativeCountIsAUsageError) {
  auto r = run_cli({"dump", "--files", "--max-files", "-3", "capture"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.out, "");
}

// Upper and lower case in one GUID is how Windows' own writers spell some
// ids: no warning for dump (or any command); validate --for author says it.
TEST(Dump, HowWindowsSpellsGuidsIsNoWarning) {
  std::string doc =
      testing::read_bytes(testing::testdata_dir() / "wmd/bits-writer.xml");
  const std::size_t at = doc.find("writerId=\"");
  ASSERT_NE(at, std::string::npos);
  const std::size_t id = at + 10;
  for (std::size_t i = id; i < id + 8; ++i) {
    doc[i] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(doc[i])));
  }
  auto r = run_cli({"dump", "-"}, doc);
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_EQ(r.err, "");
  auto v = run_cli({"validate", "--for", "author", "--show", "info", "-"}, doc);
  EXPECT_NE(v.out.find("[guid-case]"), std::string::npos) << v.out << v.err;
}

}  // namespace
}  // namespace vssmeta::cli
