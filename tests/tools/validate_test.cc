// SPDX-License-Identifier: MIT
// `vssmeta validate` in-process: exit statuses, rule listing, and the MyWriter
// selections of ../shared/docs/vss-domain.md §3.4 checked with --select.
#include "vssmeta/validate.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "support/test_support.h"
#include "tools/cli_runner.h"

namespace vssmeta::cli {
namespace {

using testing::matches_golden;
using testing::run_cli;

std::vector<std::string> select_args(std::vector<std::string> components,
                                     std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"validate"};
  for (const auto& c : components) {
    args.push_back("--select");
    args.push_back("MyWriter:\\" + c);
  }
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("selection/mywriter.xml");
  return args;
}

TEST(Validate, ListRulesHasEveryRule) {
  auto r = run_cli({"validate", "--list-rules"});
  EXPECT_EQ(r.exit_code, kExitOk);
  std::size_t lines = 0;
  for (char ch : r.out) lines += ch == '\n' ? 1U : 0U;
  EXPECT_EQ(lines, rules().size());
  EXPECT_GE(lines, 40U);
}

TEST(Validate, ExplainNamesTheDocumentation) {
  ASSERT_NE(find_rule("XREF005"), nullptr);
  auto r = run_cli({"validate", "--explain", "xref005"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_EQ(
      r.out.rfind("XREF005 (error, cross-document, for the operator)\n", 0), 0U)
      << r.out;
  // The Microsoft Learn page, not a repository file name.
  EXPECT_NE(r.out.find("See: https://learn.microsoft.com/en-us/windows/win32/"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find(".md"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nSeverity: "), std::string::npos) << r.out;
}

// --list-rules shows the severity a rule reports on this command line.
TEST(Validate, ListRulesShowsOverriddenSeverity) {
  auto r =
      run_cli({"validate", "--severity", "XREF024=warning", "--list-rules"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_NE(r.out.find("\nXREF024           warning  operator cross-document"),
            std::string::npos)
      << r.out;
  r = run_cli({"validate", "--list-rules"});
  EXPECT_NE(r.out.find("\nXREF024           info     operator cross-document"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nunknown-value     warning  operator document"),
            std::string::npos)
      << r.out;
}

TEST(Validate, UnknownRuleIsAUsageError) {
  auto r = run_cli({"validate", "--disable", "NOPE1", "capture"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err, "vssmeta: error: no rule 'NOPE1' (see --list-rules)\n");
}

TEST(Validate, SelectionAIsValid) {
  auto r = run_cli(select_args(
      {"Executables", "Executables\\ConfigFiles", "Security", "writerData"}));
  EXPECT_EQ(r.exit_code, kExitOk) << r.out;
  EXPECT_TRUE(matches_golden(r.out, "validate/mywriter-selection-a.txt"));
}

TEST(Validate, SelectingANonselectableSubcomponentIsAnError) {
  auto r = run_cli(select_args(
      {"Executables", "Executables\\ConfigFiles", "Security\\UserInfo"}));
  EXPECT_EQ(r.exit_code & kExitSevere, kExitSevere) << r.out;
  EXPECT_NE(r.out.find("[XREF005]"), std::string::npos) << r.out;
  EXPECT_TRUE(matches_golden(r.out, "validate/mywriter-selection-d.txt"));
}

TEST(Validate, MissingRequiredComponentsIsAnError) {
  auto r = run_cli(select_args({"LicenseInfo"}));
  EXPECT_EQ(r.exit_code & kExitSevere, kExitSevere) << r.out;
  EXPECT_NE(r.out.find("[XREF007]"), std::string::npos) << r.out;
}

TEST(Validate, RedundantSelectableSubcomponentWarnsAndThresholdApplies) {
  auto warn = run_cli(select_args({"Executables", "Executables\\ConfigFiles",
                                   "writerData", "writerData\\Usage"}));
  EXPECT_EQ(warn.exit_code, kExitFindings) << warn.out;
  EXPECT_NE(warn.out.find("[XREF006]"), std::string::npos) << warn.out;
  auto quiet = run_cli(select_args({"Executables", "Executables\\ConfigFiles",
                                    "writerData", "writerData\\Usage"},
                                   {"--min-severity", "error"}));
  EXPECT_EQ(quiet.exit_code, kExitOk) << quiet.out;
  auto demoted = run_cli(select_args({"Executables", "Executables\\ConfigFiles",
                                      "writerData", "writerData\\Usage"},
                                     {"--severity", "XREF006=info"}));
  EXPECT_EQ(demoted.exit_code, kExitOk) << demoted.out;
}

TEST(Validate, UnknownComponentInSelectionIsAUsageError) {
  auto r = run_cli(select_args({"NoSuchThing"}));
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: no component 'NoSuchThing' in writer "
            "'MyWriter'\n");
  // A typo away: the closest names are offered.
  r = run_cli(select_args({"Securty"}));
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: no component 'Securty' in writer 'MyWriter' "
            "(closest: Security)\n");
  r = run_cli(
      {"validate", "--select", "MyWritr:\\Security", "selection/mywriter.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: no writer 'MyWritr' in the capture (closest: "
            "MyWriter)\n");
}

// The writer part of --select accepts every form, and a writer alone
// selects its top-level components.
TEST(Validate, SelectWriterAcceptsEveryForm) {
  for (const auto& form : testing::writer_forms()) {
    auto r = run_cli({"validate", "--select", form.spec, "rules/SET002/ok"});
    EXPECT_NE(r.exit_code, kExitUsage) << form.spec << r.err;
    EXPECT_EQ(r.out.find("explicit  \\One\\Ledger") != std::string::npos,
              form.one)
        << form.spec << r.out;
    EXPECT_EQ(r.out.find("explicit  \\Two\\Ledger") != std::string::npos,
              form.two)
        << form.spec << r.out;
  }
}

TEST(Validate, SarifAndJsonReportTheSameFindingsAsText) {
  auto text = run_cli({"validate", "capture"});
  auto json = run_cli({"validate", "--format", "json", "capture"});
  auto sarif = run_cli({"validate", "--format", "sarif", "capture"});
  EXPECT_EQ(text.exit_code, json.exit_code);
  EXPECT_EQ(text.exit_code, sarif.exit_code);
  auto j = nlohmann::json::parse(json.out);
  auto s = nlohmann::json::parse(sarif.out);
  EXPECT_EQ(s["runs"][0]["results"].size(), j["findings"].size());
  std::size_t lines = 0;
  for (char ch : text.out) lines += ch == '\n' ? 1U : 0U;
  std::size_t hints = 0;
  for (const auto& f : j["findings"]) hints += f.contains("hint") ? 1U : 0U;
  EXPECT_EQ(lines, j["findings"].size() + hints + 1);  // + summary line
}

std::size_t line_count(const std::string& text) {
  std::size_t lines = 0;
  for (char ch : text) lines += ch == '\n' ? 1U : 0U;
  return lines;
}

// Acceptance (issue #12): the real, healthy diskshadow capture prints only
// the summary line by default, and everything with --for author.
TEST(Validate, HealthyRealCaptureIsQuietForTheOperator) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const std::string capture = (samples / "diskshadow-ws2012-sql2017").string();
  auto r = run_cli({"validate", capture});
  EXPECT_EQ(r.exit_code, kExitOk) << r.out << r.err;
  EXPECT_EQ(r.out,
            "0 errors, 0 warnings (3 infos not shown: --show info or "
            "--min-severity info)\n");
  EXPECT_EQ(r.err, "");
  // The hidden infos: the two mixed-case GUIDs Windows wrote and the ASR
  // Writer left out of the bootable system-state backup.
  auto info = run_cli({"validate", "--show", "info", capture});
  EXPECT_EQ(info.exit_code, kExitOk);
  EXPECT_EQ(std::count(info.out.begin(), info.out.end(), '\n'), 3 + 1 + 1);
  EXPECT_NE(info.out.find("[XREF024]"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("ASR Writer"), std::string::npos) << info.out;

  auto all = run_cli({"validate", "--for", "author", "--min-severity", "info",
                      "--format", "json", capture});
  EXPECT_EQ(all.exit_code, kExitFindings);
  auto j = nlohmann::json::parse(all.out);
  std::map<std::string, int> per_rule;
  for (const auto& f : j["findings"]) ++per_rule[f["rule"].get<std::string>()];
  // What validate found before issue #12 (26 findings, and the two
  // guid-case warnings it printed on stderr), now all in one report.
  const std::map<std::string, int> expected{
      {"WMD006", 2}, {"WMD012", 2},  {"WMD037", 5},   {"WMD038", 11},
      {"WMD039", 5}, {"XREF024", 1}, {"guid-case", 2}};
  EXPECT_EQ(per_rule, expected) << all.out;
  EXPECT_EQ(j["summary"]["hidden"]["infos"], 0);
}

// Our own capture: each audience, the hidden-info summary, and the exit
// status from hidden findings.
TEST(Validate, AudiencesAndHiddenSummaryOnTheBundledCapture) {
  auto op = run_cli({"validate", "capture"});
  EXPECT_EQ(op.exit_code, kExitOk) << op.out;
  EXPECT_EQ(op.out,
            "0 errors, 0 warnings (2 infos not shown: --show info or "
            "--min-severity info)\n");
  // The same infos count for the exit status once --min-severity asks.
  auto strict = run_cli({"validate", "--min-severity", "info", "capture"});
  EXPECT_EQ(strict.exit_code, kExitFindings);
  EXPECT_NE(strict.out.find("[XREF024]"), std::string::npos) << strict.out;
  EXPECT_EQ(strict.out.find("[WMD037]"), std::string::npos) << strict.out;
  // The author sees every rule, the NTDS writer's WMD010 among them (an
  // in-box writer: not the operator's to fix).
  auto author = run_cli({"validate", "--for", "author", "capture"});
  EXPECT_EQ(author.exit_code, kExitFindings);
  EXPECT_NE(author.out.find("[WMD010]"), std::string::npos) << author.out;
  EXPECT_NE(author.out.find("infos not shown"), std::string::npos)
      << author.out;
}

// A writer that is not Microsoft's: its author warnings reach the operator.
TEST(Validate, AuthorWarningsOfOtherWritersReachTheOperator) {
  auto r = run_cli({"validate", "rules/WMD009/trigger.xml"});
  EXPECT_EQ(r.exit_code, kExitSevere) << r.out;
  EXPECT_NE(r.out.find("[WMD009]"), std::string::npos) << r.out;
}

// Loader warnings are findings: counted, in JSON and SARIF, and disabled
// like any rule.
TEST(Validate, LoaderWarningsAreFindings) {
  auto text = run_cli({"validate", "wmd/unknown-content.xml"});
  EXPECT_EQ(text.exit_code, kExitFindings) << text.out;
  EXPECT_EQ(text.err, "");
  EXPECT_NE(text.out.find("[unknown-attribute]"), std::string::npos);
  EXPECT_NE(text.out.find("[unknown-element]"), std::string::npos);
  EXPECT_NE(text.out.find("[unknown-value]"), std::string::npos);
  // The unknown usage is reported once, by unknown-value, as a warning.
  EXPECT_EQ(text.out.find("[WMD004]"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("0 errors, 5 warnings"), std::string::npos)
      << text.out;

  auto json =
      run_cli({"validate", "--format", "json", "wmd/unknown-content.xml"});
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["summary"]["warnings"], 5);
  auto sarif =
      run_cli({"validate", "--format", "sarif", "wmd/unknown-content.xml"});
  auto s = nlohmann::json::parse(sarif.out);
  std::size_t loader = 0;
  for (const auto& res : s["runs"][0]["results"]) {
    loader +=
        res["ruleId"].get<std::string>().starts_with("unknown-") ? 1U : 0U;
  }
  EXPECT_EQ(loader, 5U);

  auto disabled = run_cli({"validate", "--disable", "unknown-element",
                           "--disable", "UNKNOWN-ATTRIBUTE", "--disable",
                           "unknown-value", "wmd/unknown-content.xml"});
  EXPECT_EQ(disabled.exit_code, kExitOk) << disabled.out;
  EXPECT_EQ(disabled.out.find("[unknown-"), std::string::npos) << disabled.out;
}

TEST(Validate, DisableGuidCase) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const std::string capture = (samples / "diskshadow-ws2012-sql2017").string();
  auto on = run_cli({"validate", "--show", "info", capture});
  EXPECT_EQ(std::count(on.out.begin(), on.out.end(), '['), 3) << on.out;
  auto off = run_cli(
      {"validate", "--show", "info", "--disable", "guid-case", capture});
  EXPECT_EQ(off.exit_code, kExitOk) << off.err;
  EXPECT_EQ(off.out.find("[guid-case]"), std::string::npos) << off.out;
  EXPECT_EQ(std::count(off.out.begin(), off.out.end(), '['), 1) << off.out;
  // A warning if asked for: then it sets the findings bit.
  auto raised =
      run_cli({"validate", "--severity", "guid-case=warning", capture});
  EXPECT_EQ(raised.exit_code, kExitFindings);
  EXPECT_NE(raised.out.find("warning: writerId=\"75DFB225-E2E4-4d39"),
            std::string::npos)
      << raised.out;
}

// -q prints errors and the summary only; the exit status is unchanged.
TEST(Validate, QuietPrintsOnlyErrorsAndTheResult) {
  auto loud = run_cli({"validate", "wmd/unknown-content.xml"});
  auto quiet = run_cli({"validate", "-q", "wmd/unknown-content.xml"});
  EXPECT_EQ(quiet.exit_code, loud.exit_code);
  EXPECT_EQ(quiet.out,
            "0 errors, 0 warnings, 0 infos (5 warnings not shown: --show "
            "warning or --min-severity warning)\n");
  // The writer's own infos are the author's: counted only for --for author.
  auto author =
      run_cli({"validate", "-q", "--for", "author", "wmd/unknown-content.xml"});
  EXPECT_EQ(author.out,
            "0 errors, 0 warnings (5 warnings and 2 infos not shown: --show "
            "info or --min-severity info)\n");
  EXPECT_EQ(quiet.err, "");
}

// Errors first: a failed backup leads the report.
TEST(Validate, FailedBackupIsAnErrorPrintedFirst) {
  auto r = run_cli({"validate", "capture/WM2.xml", "bcd/restore-session.xml"});
  EXPECT_EQ(r.exit_code & kExitSevere, kExitSevere) << r.out;
  ASSERT_FALSE(r.out.empty());
  EXPECT_NE(r.out.find(": error: "), std::string::npos) << r.out;
  EXPECT_LT(r.out.find("[BCD023]"), r.out.find(": warning: ")) << r.out;
  EXPECT_NE(r.out.find("backupSucceeded no"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("failed at PrepareForBackup"), std::string::npos)
      << r.out;
  // Severity, then document order.
  std::size_t last_rank = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t rank = line.find(": error: ") != std::string::npos     ? 0
                             : line.find(": warning: ") != std::string::npos ? 1
                             : line.find(": info: ") != std::string::npos    ? 2
                                                                          : 9;
    if (rank == 9) continue;
    EXPECT_GE(rank, last_rank) << line;
    last_rank = rank;
  }
}

// A BCD alone: the cross-document checks say once that they did not run,
// naming the writers (by Microsoft's names where the class is known).
TEST(Validate, SaysWhichCrossDocumentChecksDidNotRun) {
  auto r = run_cli({"validate", "bcd/sql-full-backup.xml"});
  EXPECT_EQ(r.exit_code & kExitFindings, kExitFindings) << r.out;
  const std::size_t at = r.out.find("[XREF001]");
  ASSERT_NE(at, std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[XREF001]", at + 1), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cross-document checks (XREF rules) did not run: no "
                       "writer metadata for System Writer, Registry Writer"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("hint: load the capture folder, not "
                       "bcd/sql-full-backup.xml alone"),
            std::string::npos)
      << r.out;
  // With the writers' metadata there is nothing to say.
  auto full = run_cli({"validate", "capture"});
  EXPECT_EQ(full.out.find("[XREF001]"), std::string::npos) << full.out;
}

// Microsoft's spellings: the SDK's and this project's earlier guess both
// load, dump identically and write back byte for byte; a model built in
// code writes the SDK's.
TEST(Validate, RestoreMethodSpellingsLoadDumpAndRoundTrip) {
  auto sdk = run_cli({"dump", "wmd/restore-method-sdk.xml"});
  auto alias = run_cli({"dump", "wmd/restore-method-alias.xml"});
  EXPECT_EQ(sdk.exit_code, kExitOk) << sdk.err;
  EXPECT_EQ(alias.exit_code, kExitOk) << alias.err;
  EXPECT_EQ(sdk.err, "");
  EXPECT_EQ(alias.err, "");
  auto strip = [](std::string text, const std::string& file) {
    for (auto at = text.find(file); at != std::string::npos;
         at = text.find(file)) {
      text.erase(at, file.size());
    }
    return text;
  };
  EXPECT_EQ(strip(sdk.out, "restore-method-sdk.xml"),
            strip(alias.out, "restore-method-alias.xml"));
  EXPECT_NE(sdk.out.find("method STOP_RESTART_SERVICE"), std::string::npos)
      << sdk.out;
  for (const char* file :
       {"wmd/restore-method-sdk.xml", "wmd/restore-method-alias.xml"}) {
    auto xml = run_cli({"dump", "--format", "xml", file});
    EXPECT_EQ(xml.exit_code, kExitOk) << xml.err;
    EXPECT_EQ(xml.out, testing::read_bytes(testing::testdata_dir() / file))
        << file;
    auto v = run_cli({"validate", "--for", "author", file});
    EXPECT_EQ(v.exit_code, kExitOk) << file << v.out;
  }
}

// An unknown spelling: a warning (bit 4, not 8), shown by dump, kept by
// dump --format xml.
TEST(Validate, UnknownRestoreMethodIsAWarningShownAndKept) {
  const char* file = "wmd/restore-method-unknown.xml";
  auto v = run_cli({"validate", file});
  EXPECT_EQ(v.exit_code, kExitFindings) << v.out;
  EXPECT_NE(v.out.find("warning: method=\"RESTORE_LATER\" on RESTORE_METHOD"),
            std::string::npos)
      << v.out;
  auto d = run_cli({"dump", file});
  EXPECT_NE(d.out.find("restore: method RESTORE_LATER (unknown), writer "
                       "restore never"),
            std::string::npos)
      << d.out;
  EXPECT_EQ(d.out.find("unknown in RESTORE_METHOD"), std::string::npos)
      << d.out;
  auto xml = run_cli({"dump", "--format", "xml", file});
  EXPECT_EQ(xml.out, testing::read_bytes(testing::testdata_dir() / file));
}

TEST(Validate, JsonAndSarifValidateAgainstTheSchemas) {
  auto json = run_cli({"validate", "--format", "json", "--min-severity", "info",
                       "wmd/unknown-content.xml"});
  auto sarif = run_cli({"validate", "--format", "sarif", "--for", "author",
                        "wmd/unknown-content.xml"});
  const auto s = nlohmann::json::parse(sarif.out);
  for (const auto& rule : s["runs"][0]["tool"]["driver"]["rules"]) {
    if (!rule.contains("helpUri")) {
      EXPECT_EQ(rule["id"], "XREF-CASE");
      continue;
    }
    EXPECT_TRUE(rule["helpUri"].get<std::string>().starts_with(
        "https://learn.microsoft.com/en-us/windows/win32/"))
        << rule["helpUri"];
  }
  EXPECT_EQ(s["runs"][0]["properties"]["hidden"]["infos"], 2);
  if (!testing::have_python_jsonschema()) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available";
  }
  EXPECT_EQ(testing::validate_json(
                json.out, testing::schemas_dir() / "validate.schema.json"),
            "");
  EXPECT_EQ(testing::validate_json(sarif.out, testing::schemas_dir() /
                                                  "validate-sarif.schema.json"),
            "");
}

// Acceptance (issue #12): a 5,000-component SQL-like writer with a BCD
// selecting half of it (the shape of the benchmark's doc:1) prints fewer
// than 20 lines by default; before, 10,000 infos (20,000 lines).
TEST(Validate, LargeSqlLikeWriterPrintsFewLinesByDefault) {
  testing::TempFolder dir("vssmeta-validate-doc1");
  std::string wmd =
      R"(<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" )"
      R"(version="1.2"><IDENTIFICATION )"
      R"(writerId="a65faa63-5ea8-4ebc-9dbd-a0c4db26912a" )"
      R"(instanceId="dd8d6255-b3bb-4ec1-8249-73cd75c0ee21" )"
      R"(instanceName="SQL:Writer" friendlyName="SqlServerWriter" )"
      R"(usage="USER_DATA" dataSource="TRANSACTION_DB"/>)"
      R"(<RESTORE_METHOD method="RESTORE_IF_CAN_BE_REPLACED" )"
      R"(writerRestore="always" rebootRequired="no"/><BACKUP_LOCATIONS>)";
  std::string bcd =
      R"(<BACKUP_COMPONENTS xmlns="x-schema:#VssComponentMetadata" )"
      R"(version="1.2" bootableSystemStateBackup="no" )"
      R"(selectComponents="yes" backupType="full" )"
      R"(partialFileSupport="no"><WRITER_COMPONENTS )"
      R"(instanceId="dd8d6255-b3bb-4ec1-8249-73cd75c0ee21" )"
      R"(writerId="a65faa63-5ea8-4ebc-9dbd-a0c4db26912a" )"
      R"(instanceName="SQL:Writer">)";
  for (int i = 0; i < 5000; ++i) {
    const std::string name = "Db" + std::to_string(i);
    const std::string path = "HOST\\I" + std::to_string(i / 100);
    wmd += R"(<FILE_GROUP logicalPath=")" + path + R"(" componentName=")" +
           name +
           R"(" restoreMetadata="no" notifyOnBackupComplete="yes" )"
           R"(selectable="yes" selectableForRestore="yes" )"
           R"(componentFlags="2"><FILE_LIST path="D:\Data\)" +
           name +
           R"(" filespec="*.mdf" recursive="no" )"
           R"(filespecBackupType="3855"/></FILE_GROUP>)";
    if (i % 2 == 0) {
      bcd += R"(<COMPONENT logicalPath=")" + path + R"(" componentName=")" +
             name + R"(" componentType="filegroup"/>)";
    }
  }
  wmd += "</BACKUP_LOCATIONS></WRITER_METADATA>";
  bcd += "</WRITER_COMPONENTS></BACKUP_COMPONENTS>";
  const auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir.path() / name, std::ios::binary) << text;
    return (dir.path() / name).string();
  };
  const std::string w = write("WM0.xml", wmd);
  const std::string b = write("BCDocument.xml", bcd);
  auto r = run_cli({"validate", w, b});
  EXPECT_EQ(r.exit_code, kExitOk) << r.out.substr(0, 2000);
  EXPECT_LT(line_count(r.out), 20U) << r.out.substr(0, 2000);
  // Everything is still there for the writer's author.
  auto all = run_cli({"validate", "--for", "author", "--format", "json", w, b});
  auto j = nlohmann::json::parse(all.out);
  EXPECT_GE(j["summary"]["hidden"]["infos"].get<std::size_t>(), 10000U);
}

// Writers rebuilt from diskshadow's text (issue #13): each finding about
// one says so (text: a note line; JSON and SARIF: writerReconstructedFromText),
// and the rules reading what the text never prints stay silent; a capture
// without such a writer has no note.
TEST(Validate, FindingsOnTextWritersSayTheyWereReconstructed) {
  auto text = run_cli({"validate", "--for", "author", "--show", "info",
                       "status/diskshadow-metadata.txt"});
  EXPECT_EQ(text.exit_code, kExitFindings) << text.err;
  EXPECT_TRUE(matches_golden(text.out, "validate/metadata-text.txt"));
  for (const char* rule : {"WMD004", "WMD005", "WMD018", "SET004"}) {
    EXPECT_EQ(text.out.find(rule), std::string::npos) << rule;
  }
  auto json = run_cli({"validate", "--for", "author", "--format", "json",
                       "status/diskshadow-metadata.txt"});
  auto sarif = run_cli({"validate", "--for", "author", "--format", "sarif",
                        "status/diskshadow-metadata.txt"});
  const auto j = nlohmann::json::parse(json.out);
  ASSERT_FALSE(j["findings"].empty());
  for (const auto& f : j["findings"]) {
    ASSERT_TRUE(f.contains("writerReconstructedFromText")) << f.dump();
    EXPECT_EQ(f["writerReconstructedFromText"]["file"],
              "status/diskshadow-metadata.txt");
  }
  const auto s = nlohmann::json::parse(sarif.out);
  EXPECT_TRUE(s["runs"][0]["results"][0]["properties"].contains(
      "writerReconstructedFromText"));
  auto xml =
      run_cli({"validate", "--for", "author", "--format", "json", "capture"});
  EXPECT_EQ(xml.out.find("writerReconstructedFromText"), std::string::npos);
  if (!testing::have_python_jsonschema()) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available";
  }
  EXPECT_EQ(testing::validate_json(
                json.out, testing::schemas_dir() / "validate.schema.json"),
            "");
  EXPECT_EQ(testing::validate_json(sarif.out, testing::schemas_dir() /
                                                  "validate-sarif.schema.json"),
            "");
}

}  // namespace
}  // namespace vssmeta::cli
