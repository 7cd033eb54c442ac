// SPDX-License-Identifier: MIT
// `vssmeta report`, `diagnose --format html` and `diff --format html`: the
// page's golden, OLD NEW, -o, usage errors, exit statuses, the capture
// manifest, a hostile capture and the real diskshadow capture.

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "support/test_support.h"
#include "tools/cli_runner.h"
#include "vssmeta/version.h"

namespace vssmeta::cli {
namespace {

using testing::CliResult;
using testing::matches_golden;
using testing::run_cli;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

// The page with this build's version replaced, so the golden holds.
std::string portable(std::string html) {
  const std::string version = std::string("vssmeta ") + VSSMETA_VERSION_STRING;
  for (std::size_t at = html.find(version); at != std::string::npos;
       at = html.find(version, at)) {
    html.replace(at, version.size(), "vssmeta VERSION");
  }
  return html;
}

TEST(ReportCli, FailedCapturePageMatchesGolden) {
  const CliResult r =
      run_cli({"report", "--hierarchy", "list", "diagnose/failed"});
  EXPECT_EQ(r.exit_code, kExitSevere);  // failed
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(matches_golden(portable(r.out), "report/failed.html"));
}

TEST(ReportCli, WritesTheFileGivenWithDashO) {
  testing::TempFolder dir("vssmeta-report-");
  const std::string file = (dir.path() / "page.html").string();
  const CliResult r = run_cli({"report", "diagnose/volumes", "-o", file});
  EXPECT_EQ(r.exit_code, kExitFindings);  // incomplete
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  const std::string html = testing::read_bytes(file);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0U);
  EXPECT_NE(html.find("<section id=\"verdict\">"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"word\">incomplete</span>"),
            std::string::npos);
}

TEST(ReportCli, TwoCaptureFoldersAreOldAndNew) {
  const CliResult r =
      run_cli({"report", "diff/capture-old", "diff/capture-new"});
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("<section id=\"diff\">"), std::string::npos);
  EXPECT_NE(r.out.find("From <span class=\"mono\">diff/capture-old</span> to "
                       "<span class=\"mono\">diff/capture-new</span>"),
            std::string::npos);
  // The changes' bits join the verdict's.
  EXPECT_NE(r.exit_code & kExitFindings, 0);
  // --compare no reads both folders as one capture: no diff.
  const CliResult merged = run_cli(
      {"report", "--compare", "no", "diff/capture-old", "diff/capture-new"});
  EXPECT_EQ(merged.out.find("<section id=\"diff\">"), std::string::npos);
}

TEST(ReportCli, TwoFilesAreOneCaptureUnlessAsked) {
  const CliResult one =
      run_cli({"report", "diagnose/failed/WM0.xml",
               "diagnose/failed/BCDocument.xml", "--hierarchy", "none"});
  EXPECT_EQ(one.out.find("<section id=\"diff\">"), std::string::npos);
  EXPECT_NE(one.out.find("<span class=\"word\">failed</span>"),
            std::string::npos);
  const CliResult two = run_cli({"report", "--compare", "yes", "diff/base.xml",
                                 "diff/component-removed.xml"});
  EXPECT_NE(two.out.find("<section id=\"diff\">"), std::string::npos);
  EXPECT_NE(two.exit_code & kExitSevere, 0);  // a component removed
}

TEST(ReportCli, CompareYesWantsTwoPaths) {
  const CliResult r = run_cli({"report", "--compare", "yes", "diff/base.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "vssmeta: error: --compare yes wants OLD NEW, got 1 path\n");
}

TEST(ReportCli, BadSystemVolumeIsAUsageError) {
  const CliResult r =
      run_cli({"report", "--system-volume", "X", "diagnose/failed"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "vssmeta: error: --system-volume wants a drive such as C: or C:\\, "
            "got 'X'\n");
}

TEST(ReportCli, MalformedInputLeavesNoPage) {
  testing::TempFolder dir("vssmeta-report-");
  const std::string file = (dir.path() / "page.html").string();
  const CliResult r = run_cli({"report", "invalid", "-o", file});
  EXPECT_EQ(r.exit_code & kExitError, kExitError);
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(ReportCli, ShowInfoListsInfos) {
  const CliResult warnings = run_cli({"report", "capture"});
  const CliResult infos = run_cli({"report", "--show", "info", "capture"});
  EXPECT_GT(count(infos.out, "<tr id=\"finding-"),
            count(warnings.out, "<tr id=\"finding-"));
  EXPECT_NE(warnings.out.find(
                "below the minimum severity not shown: --show info lists them"),
            std::string::npos);
}

TEST(ReportCli, HostileCaptureIsText) {
  const CliResult r = run_cli({"report", "report/hostile"});
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(count(r.out, "<script"), 1U);
  EXPECT_NE(r.out.find("&lt;script&gt;window.__pwned=1&lt;/script&gt;"),
            std::string::npos);
  // The host of the capture's manifest.json, escaped.
  EXPECT_NE(r.out.find("<dt>Host</dt><dd>&lt;b&gt;HOST&lt;/b&gt;\\u202eEVIL"),
            std::string::npos);
  EXPECT_NE(r.out.find("<dt>Time (UTC)</dt><dd>2026-12-01T18:22:35Z</dd>"),
            std::string::npos);
  // The status.json beside the documents: the writer failed.
  EXPECT_NE(r.out.find("failed-at-prepare-backup"), std::string::npos);
}

TEST(ReportCli, BrokenCaptureManifestIsAWarning) {
  testing::TempFolder dir("vssmeta-report-");
  for (const char* name : {"WM0.xml", "BCDocument.xml", "status.json"}) {
    std::filesystem::copy_file(
        testing::testdata_dir() / "diagnose/failed" / name, dir.path() / name);
  }
  std::ofstream(dir.path() / "manifest.json") << "{\"format\": ";
  const CliResult r = run_cli({"report", dir.path().string()});
  EXPECT_EQ(r.exit_code, kExitSevere);
  EXPECT_EQ(r.err, (dir.path() / "manifest.json").string() +
                       ":1:1: warning: not valid JSON; the report leaves out "
                       "the host and time\n");
  EXPECT_NE(r.out.find("<section id=\"verdict\">"), std::string::npos);
  EXPECT_EQ(r.out.find("<dt>Host</dt>"), std::string::npos);
}

TEST(DiagnoseCli, HtmlIsTheReportPage) {
  const CliResult page =
      run_cli({"diagnose", "--format", "html", "diagnose/failed"});
  EXPECT_EQ(page.exit_code, kExitSevere);
  EXPECT_EQ(page.err, "");
  for (const char* id : {"verdict", "writers", "failures", "coverage",
                         "findings", "hierarchy"}) {
    EXPECT_NE(page.out.find(std::string("<section id=\"") + id + "\">"),
              std::string::npos)
        << id;
  }
}

TEST(DiffCli, HtmlHasTheDiffSectionOnly) {
  const CliResult r = run_cli({"diff", "--format", "html", "diff/base.xml",
                               "diff/component-removed.xml"});
  EXPECT_EQ(r.exit_code, kExitFindings | kExitSevere);
  EXPECT_EQ(count(r.out, "<section id="), 1U);
  EXPECT_NE(r.out.find("<section id=\"diff\">"), std::string::npos);
  EXPECT_NE(r.out.find("id=\"diff-breaking\""), std::string::npos);
}

TEST(DiffCli, HtmlSaysHowToShowHiddenIdChanges) {
  const CliResult r = run_cli({"diff", "--format", "html", "diff/base.xml",
                               "diff/instance-id-changed.xml"});
  EXPECT_NE(r.out.find("1 instance and snapshot set id changes not shown: "
                       "--all shows them"),
            std::string::npos);
  const CliResult all =
      run_cli({"diff", "--format", "html", "--all", "diff/base.xml",
               "diff/instance-id-changed.xml"});
  EXPECT_EQ(all.out.find("not shown"), std::string::npos);
  EXPECT_NE(all.out.find("instanceId"), std::string::npos);
}

TEST(DiffCli, HtmlHasNoBriefLayout) {
  const CliResult r = run_cli({"diff", "--format", "html", "--brief",
                               "diff/base.xml", "diff/base.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: --brief and --stat are text layouts; HTML has "
            "one\n");
}

TEST(ReportCli, RealCaptureUnderOneMegabyte) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const std::string capture = (samples / "diskshadow-ws2012-sql2017").string();
  const CliResult r = run_cli({"report", capture});
  EXPECT_EQ(r.exit_code & (kExitError | kExitUsage), 0);
  EXPECT_LT(r.out.size(), 1000U * 1000U);
  EXPECT_NE(r.out.find("SqlServerWriter"), std::string::npos);
  EXPECT_NE(r.out.find("<section id=\"hierarchy\">"), std::string::npos);
}

// Writers rebuilt from diskshadow's text (issue #13): their coverage says
// so; a capture read from XML has no such note.
TEST(ReportCli, TextWritersAreMarkedReconstructed) {
  const auto r = testing::run_cli({"report", "status/diskshadow-metadata.txt"});
  EXPECT_NE(r.out.find("<p>Writer reconstructed from text (line 10): only what "
                       "diskshadow printed is known.</p>"),
            std::string::npos);
  EXPECT_EQ(testing::run_cli({"report", "capture"})
                .out.find("reconstructed from text"),
            std::string::npos);
}

}  // namespace
}  // namespace vssmeta::cli
