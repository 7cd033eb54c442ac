// SPDX-License-Identifier: MIT
// Data-driven rule tests: every folder testdata/rules/<RULE>/ holds inputs
// that trigger the rule (`trigger*`, a file or a capture folder) with their
// golden findings (`expected-<trigger>.txt`: the rule's findings only, one
// `file:line:col: severity: message [RULE]` per line), and close variants
// that must not trigger it (`ok*`).
#include <algorithm>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/validate.h"

namespace vssmeta {
namespace {

namespace fs = std::filesystem;

// Runs with testdata/ as the working directory, so file names in findings
// are relative (`rules/WMD013/trigger.xml:...`) and goldens stay portable.
class InTestdata {
 public:
  InTestdata() : saved_(fs::current_path()) {
    fs::current_path(testing::testdata_dir());
  }
  ~InTestdata() { fs::current_path(saved_); }

 private:
  fs::path saved_;
};

std::vector<std::string> findings_of(const std::string& rule,
                                     const std::string& input) {
  auto capture = load(input, LoadOptions{});
  EXPECT_TRUE(capture.has_value())
      << input << ": " << (capture ? "" : to_string(capture.error()));
  if (!capture) return {};
  // Document rules report the loader's warnings, which validate() gets
  // with the capture; the other rules run on the capture alone, as a
  // library caller's model would be checked.
  const RuleInfo* info = find_rule(rule);
  const bool document = info != nullptr && info->scope == RuleScope::kDocument;
  const Diagnostics warnings = capture.warnings();
  std::vector<std::string> out;
  for (const Finding& f :
       document ? validate(*capture, {}, warnings) : validate(*capture)) {
    if (f.diagnostic.code == rule) out.push_back(to_string(f.diagnostic));
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::vector<fs::path> rule_folders() {
  std::vector<fs::path> out;
  const fs::path root = testing::testdata_dir() / "rules";
  if (!fs::is_directory(root)) return out;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// One test per rule of the table (ValidateRule/Cases.Run/WMD013, ...), so
// `--gtest_filter='*WMD0*'` picks rules and CTest runs them in parallel.
// The parameters come from the rule table, not from the folders: the tests
// exist before the working directory or VSSMETA_TESTDATA are known, and
// EveryRuleHasTestData / EveryFolderIsARule check that the two agree.
class ValidateRule : public ::testing::TestWithParam<std::string> {};

TEST_P(ValidateRule, TriggersAndCloseVariantsDoNot) {
  InTestdata cwd;
  const std::string& rule = GetParam();
  const fs::path folder = fs::path("rules") / rule;
  ASSERT_TRUE(fs::is_directory(folder)) << "no testdata/" << folder.string();
  std::size_t triggers = 0;
  std::size_t oks = 0;
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(folder)) {
    entries.push_back(e.path());
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& e : entries) {
    const std::string name = e.filename().string();
    const std::string stem = e.stem().string();
    const std::string input = "rules/" + rule + "/" + name;
    if (name.rfind("trigger", 0) == 0) {
      ++triggers;
      SCOPED_TRACE(input);
      const auto lines = findings_of(rule, input);
      EXPECT_FALSE(lines.empty()) << "did not trigger";
      EXPECT_TRUE(testing::matches_golden(
          joined(lines), "../rules/" + rule + "/expected-" +
                             (fs::is_directory(e) ? name : stem) + ".txt"));
    } else if (name.rfind("ok", 0) == 0) {
      ++oks;
      SCOPED_TRACE(input);
      EXPECT_EQ(joined(findings_of(rule, input)), "");
    }
  }
  EXPECT_GE(triggers, 1U) << "no trigger input";
  EXPECT_GE(oks, 1U) << "no close variant that must not trigger";
}

// load-warning takes the loader's codes outside the table, and the loader
// has none: no file can trigger it (validate_test.cc checks it with a
// made-up code).
bool has_input(std::string_view rule) { return rule != "load-warning"; }

std::vector<std::string> rule_ids() {
  std::vector<std::string> out;
  for (const RuleInfo& r : rules()) {
    if (has_input(r.id)) out.emplace_back(r.id);
  }
  return out;
}

// Test names allow only letters, digits and '_' (XREF-CASE).
std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, ValidateRule, ::testing::ValuesIn(rule_ids()),
                         test_name);

TEST(ValidateRules, EveryFolderIsARule) {
  const auto folders = rule_folders();
  ASSERT_FALSE(folders.empty());
  for (const fs::path& folder : folders) {
    EXPECT_NE(find_rule(folder.filename().string()), nullptr)
        << "testdata/rules/" << folder.filename().string() << "/ names no rule";
  }
}

TEST(ValidateRules, EveryRuleHasTestData) {
  std::set<std::string> folders;
  for (const fs::path& f : rule_folders()) {
    folders.insert(f.filename().string());
  }
  for (const RuleInfo& r : rules()) {
    if (!has_input(r.id)) continue;
    EXPECT_TRUE(folders.count(std::string(r.id)) == 1)
        << r.id << " has no testdata/rules/" << r.id << "/";
  }
}

}  // namespace
}  // namespace vssmeta
