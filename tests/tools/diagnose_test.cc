// SPDX-License-Identifier: MIT
// `vssmeta diagnose`: goldens for text and JSON (our testdata and the real
// diskshadow capture), the schema, exit statuses, --status and bad input.

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "support/test_support.h"
#include "tools/cli_runner.h"

namespace vssmeta::cli {
namespace {

using testing::CliResult;
using testing::matches_golden;
using testing::run_cli;

void expect_schema_valid(const std::string& json) {
  if (!testing::have_python_jsonschema()) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available";
  }
  EXPECT_EQ(testing::validate_json(
                json, testing::schemas_dir() / "diagnose.schema.json"),
            "");
}

// The output with the samples folder written as <samples>, so the golden
// does not depend on where ../shared is.
std::string portable(std::string text, const std::string& dir) {
  for (std::size_t at = text.find(dir); at != std::string::npos;
       at = text.find(dir, at)) {
    text.replace(at, dir.size(), "<samples>");
  }
  return text;
}

TEST(DiagnoseCli, VolumesCaptureText) {
  const CliResult r =
      run_cli({"diagnose", "--color", "never", "diagnose/volumes"});
  EXPECT_EQ(r.exit_code, kExitFindings);
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(matches_golden(r.out, "diagnose/volumes.txt"));
  std::size_t start = 0;
  while (start < r.out.size()) {
    const std::size_t end = r.out.find('\n', start);
    const std::string line = r.out.substr(start, end - start);
    if (line.find(' ') != std::string::npos &&
        line.find("\\\\?\\Volume{") == std::string::npos) {
      EXPECT_LE(line.size(), 80U) << line;
    }
    start = end + 1;
  }
}

TEST(DiagnoseCli, VolumesCaptureJsonMatchesGoldenAndSchema) {
  const CliResult r =
      run_cli({"diagnose", "--format", "json", "diagnose/volumes"});
  EXPECT_EQ(r.exit_code, kExitFindings);
  EXPECT_TRUE(matches_golden(r.out, "diagnose/volumes.json"));
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["verdict"], "incomplete");
  expect_schema_valid(r.out);
}

TEST(DiagnoseCli, SystemVolumeResolvesEnvironmentPaths) {
  const CliResult r = run_cli({"diagnose", "--format", "json",
                               "--system-volume", "C:", "diagnose/volumes"});
  EXPECT_EQ(r.exit_code, kExitFindings);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["system_volume"]["name"], "C:\\");
  const CliResult bad =
      run_cli({"diagnose", "--system-volume", "Windows", "diagnose/volumes"});
  EXPECT_EQ(bad.exit_code, kExitUsage);
  EXPECT_EQ(bad.err,
            "vssmeta: error: --system-volume wants a drive such as C: or C:\\, "
            "got 'Windows'\n");
}

TEST(DiagnoseCli, FailedBackupWithStatus) {
  const CliResult r =
      run_cli({"diagnose", "--color", "never", "--status",
               "diagnose/failed/status.json", "diagnose/failed"});
  EXPECT_EQ(r.exit_code, kExitSevere);
  EXPECT_TRUE(matches_golden(r.out, "diagnose/failed.txt"));
  const CliResult json =
      run_cli({"diagnose", "--format", "json", "--status",
               "diagnose/failed/status.json", "diagnose/failed"});
  expect_schema_valid(json.out);
}

TEST(DiagnoseCli, ReadsTheStatusOfACaptureFolder) {
  const CliResult r =
      run_cli({"diagnose", "--color", "never", "diagnose/failed"});
  EXPECT_EQ(r.exit_code, kExitSevere);
  EXPECT_TRUE(matches_golden(r.out, "diagnose/failed.txt"));
}

TEST(DiagnoseCli, BcdAlone) {
  const CliResult r =
      run_cli({"diagnose", "--color", "never", "diagnose/bcd-only.xml"});
  EXPECT_EQ(r.exit_code, kExitSevere);
  EXPECT_TRUE(matches_golden(r.out, "diagnose/bcd-only.txt"));
}

TEST(DiagnoseCli, BadInputIsTheSameErrorAsDump) {
  const CliResult dump = run_cli({"dump", "invalid/mismatched-tag.xml"});
  const CliResult r = run_cli({"diagnose", "invalid/mismatched-tag.xml"});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, dump.err);
  EXPECT_NE(r.err.find("mismatched-tag.xml:"), std::string::npos);
}

TEST(DiagnoseCli, BadStatusFile) {
  const CliResult r = run_cli(
      {"diagnose", "--status", "diagnose/bad-status.json", "diagnose/failed"});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("diagnose/bad-status.json:7:1: error: not valid "
                        "JSON: ",
                        0),
            0U)
      << r.err;
  const CliResult missing = run_cli(
      {"diagnose", "--status", "diagnose/absent.json", "diagnose/failed"});
  EXPECT_EQ(missing.exit_code, kExitError);
  EXPECT_EQ(missing.err,
            "diagnose/absent.json: error: cannot open the status file\n");
}

TEST(DiagnoseCli, BcdOutOfRangeIsUsage) {
  const CliResult r = run_cli({"diagnose", "--bcd", "2", "diagnose/failed"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: no backup components document #2 (the input "
            "holds 1)\n");
}

TEST(DiagnoseCli, ColourOnlyWhenAsked) {
  const CliResult plain = run_cli({"diagnose", "diagnose/volumes"});
  EXPECT_EQ(plain.out.find('\x1b'), std::string::npos);
  const CliResult color =
      run_cli({"diagnose", "--color", "always", "diagnose/volumes"});
  EXPECT_NE(color.out.find('\x1b'), std::string::npos);
}

TEST(DiagnoseCli, RealDiskshadowCapture) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const std::string dir =
      (samples / "diskshadow-ws2012-sql2017").generic_string();
  const CliResult r = run_cli({"diagnose", "--color", "never", dir});
  EXPECT_EQ(r.exit_code, kExitFindings) << r.err;
  EXPECT_TRUE(
      matches_golden(portable(r.out, dir), "diagnose/diskshadow-sql.txt"));
  EXPECT_NE(r.out.find("Verdict: incomplete for SqlServerWriter"),
            std::string::npos);
  const CliResult j = run_cli({"diagnose", "--format", "json", dir});
  EXPECT_TRUE(
      matches_golden(portable(j.out, dir), "diagnose/diskshadow-sql.json"));
  expect_schema_valid(j.out);
}

// Writers rebuilt from diskshadow's text (issue #13): the coverage says so,
// in text and JSON (reconstructed_from_text, in the schema).
TEST(DiagnoseCli, TextWritersAreMarkedReconstructed) {
  const CliResult text =
      run_cli({"diagnose", "status/diskshadow-metadata.txt"});
  EXPECT_NE(text.out.find("  SqlServerWriter: no backup components document\n"
                          "    note: writer reconstructed from text (line 10)"),
            std::string::npos)
      << text.out;
  const CliResult json = run_cli(
      {"diagnose", "--format", "json", "status/diskshadow-metadata.txt"});
  const auto j = nlohmann::json::parse(json.out);
  for (const auto& w : j["writers"]) {
    EXPECT_EQ(w["reconstructed_from_text"]["file"],
              "status/diskshadow-metadata.txt")
        << w.dump();
  }
  const CliResult xml = run_cli({"diagnose", "--format", "json", "capture"});
  EXPECT_EQ(xml.out.find("reconstructed_from_text"), std::string::npos);
  expect_schema_valid(json.out);
}

}  // namespace
}  // namespace vssmeta::cli
