// SPDX-License-Identifier: MIT
#include "vssmeta/report.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace vssmeta {
namespace {

Findings sample() {
  const Finding a(Diagnostic{Severity::kError, "WMD013",
                             "component \"W:\\a\" is declared twice",
                             Location{"w.xml", 1, 200}},
                  "W {00000000-0000-0000-0000-000000000001}", "W:\\a",
                  "remove one");
  Finding b;
  b.diagnostic = Diagnostic{Severity::kInfo, "WMD037", "reserved flag set",
                            Location{"w.xml", 1, 300}};
  Finding c;
  c.diagnostic = Diagnostic{Severity::kWarning, "XREF007", "required missing",
                            Location{"<selection>", 0, 0}};
  return Findings{{a, b, c}};
}

TEST(Report, TextIsGccStyleWithHintsAndASummary) {
  std::ostringstream out;
  write_findings(sample(), out);
  EXPECT_EQ(out.str(),
            "w.xml:1:200: error: component \"W:\\a\" is declared twice "
            "[WMD013]\n"
            "    hint: remove one\n"
            "w.xml:1:300: info: reserved flag set [WMD037]\n"
            "<selection>: warning: required missing [XREF007]\n"
            "1 error, 1 warning, 1 info\n");
}

TEST(Report, ColourOnlyWhenAsked) {
  std::ostringstream plain;
  std::ostringstream colored;
  write_findings(sample(), plain);
  write_findings(sample(), colored, FindingsOptions{.color = true});
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
  // Bold and a colour per severity (fmt writes bold and colour as two
  // sequences); only the severity word is painted.
  EXPECT_EQ(colored.str(),
            "w.xml:1:200: \x1b[1m\x1b[31merror\x1b[0m: component \"W:\\a\" is "
            "declared twice [WMD013]\n"
            "    hint: remove one\n"
            "w.xml:1:300: \x1b[1m\x1b[36minfo\x1b[0m: reserved flag set "
            "[WMD037]\n"
            "<selection>: \x1b[1m\x1b[33mwarning\x1b[0m: required missing "
            "[XREF007]\n"
            "1 error, 1 warning, 1 info\n");
}

TEST(Report, JsonCarriesEveryFieldAndValidates) {
  std::ostringstream out;
  write_findings(sample(), out,
                 FindingsOptions{.format = FindingsFormat::kJson});
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["format"], "vssmeta-validate");
  ASSERT_EQ(j["findings"].size(), 3U);
  EXPECT_EQ(j["findings"][0]["rule"], "WMD013");
  EXPECT_EQ(j["findings"][0]["column"], 200);
  EXPECT_EQ(j["findings"][0]["hint"], "remove one");
  EXPECT_FALSE(j["findings"][2].contains("line"));
  EXPECT_EQ(j["summary"]["errors"], 1);
  if (!testing::have_python_jsonschema()) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available";
  }
  EXPECT_EQ(testing::validate_json(
                out.str(), testing::schemas_dir() / "validate.schema.json"),
            "");
}

TEST(Report, SarifHasTheRequiredFields) {
  std::ostringstream out;
  write_findings(sample(), out,
                 FindingsOptions{.format = FindingsFormat::kSarif});
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["version"], "2.1.0");
  ASSERT_EQ(j["runs"].size(), 1U);
  const auto& run = j["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "vssmeta");
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), rules().size());
  ASSERT_EQ(run["results"].size(), 3U);
  const auto& first = run["results"][0];
  EXPECT_EQ(first["ruleId"], "WMD013");
  EXPECT_EQ(first["level"], "error");
  EXPECT_EQ(first["message"]["text"],
            "component \"W:\\a\" is declared twice Hint: remove one");
  const auto& where = first["locations"][0]["physicalLocation"];
  EXPECT_EQ(where["artifactLocation"]["uri"], "w.xml");
  EXPECT_EQ(where["region"]["startLine"], 1);
  EXPECT_EQ(where["region"]["startColumn"], 200);
  EXPECT_EQ(first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            "W:\\a");
  EXPECT_EQ(run["results"][1]["level"], "note");
  EXPECT_FALSE(
      run["results"][2]["locations"][0]["physicalLocation"].contains("region"));
}

TEST(Report, RuleListAndExplanationComeFromTheTable) {
  std::ostringstream list;
  write_rule_list(rules(), list);
  std::size_t lines = 0;
  for (char ch : list.str()) lines += ch == '\n' ? 1U : 0U;
  EXPECT_EQ(lines, rules().size());
  if (rules().empty()) return;
  std::ostringstream explain;
  write_rule_explanation(rules().front(), explain);
  EXPECT_EQ(explain.str().rfind(std::string(rules().front().id), 0), 0U);
  EXPECT_NE(explain.str().find(std::string(rules().front().reference)),
            std::string::npos);
}

}  // namespace
}  // namespace vssmeta
