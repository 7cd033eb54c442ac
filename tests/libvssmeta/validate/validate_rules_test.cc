// SPDX-License-Identifier: MIT
// Data-driven rule tests: every folder testdata/rules/<RULE>/ holds inputs
// that trigger the rule (`trigger*`, a file or a capture folder) with their
// golden findings (`expected-<trigger>.txt`: the rule's findings only, one
// `file:line:col: severity: message [RULE]` per line), and close variants
// that must not trigger it (`ok*`).
#include <algorithm>
#include <cstdlib>
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
  std::vector<std::string> out;
  for (const Finding& f : validate(*capture)) {
    if (f.diagnostic.code == rule) out.push_back(to_string(f.diagnostic));
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// VSSMETA_RULES=WMD0,XREF003 limits the run (and VSSMETA_UPDATE_GOLDEN) to
// the folders whose names start with one of the comma-separated prefixes.
bool selected(const std::string& rule) {
  const char* filter = std::getenv("VSSMETA_RULES");
  if (filter == nullptr || *filter == '\0') return true;
  std::string_view rest(filter);
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view prefix = rest.substr(0, comma);
    if (!prefix.empty() && rule.rfind(prefix, 0) == 0) return true;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
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

TEST(ValidateRules, EveryTriggerTriggersAndEveryCloseVariantDoesNot) {
  InTestdata cwd;
  const auto folders = rule_folders();
  ASSERT_FALSE(folders.empty());
  for (const fs::path& folder : folders) {
    const std::string rule = folder.filename().string();
    if (!selected(rule)) continue;
    SCOPED_TRACE(rule);
    ASSERT_NE(find_rule(rule), nullptr) << "no rule " << rule;
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
}

TEST(ValidateRules, EveryRuleHasTestData) {
  std::set<std::string> folders;
  for (const fs::path& f : rule_folders()) {
    folders.insert(f.filename().string());
  }
  for (const RuleInfo& r : rules()) {
    EXPECT_TRUE(folders.count(std::string(r.id)) == 1)
        << r.id << " has no testdata/rules/" << r.id << "/";
  }
}

}  // namespace
}  // namespace vssmeta
