// SPDX-License-Identifier: MIT
// `vssmeta validate` in-process: exit statuses, rule listing, and the MyWriter
// selections of ../shared/docs/vss-domain.md §3.4 checked with --select.
#include "vssmeta/validate.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
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
  EXPECT_EQ(r.out.rfind("XREF005 (error, cross-document)\n", 0), 0U) << r.out;
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

}  // namespace
}  // namespace vssmeta::cli
