// SPDX-License-Identifier: MIT
// The rule engine: table, overrides, filtering, ordering, and the real
// capture in ../shared/vss-samples (no error-severity finding allowed).
#include "vssmeta/validate.h"

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace vssmeta {
namespace {

// The wide writer of the scale tests. bench/README.md has the figures for
// 500,000 components; a tenth of that keeps the debug and sanitizer runs
// quick and still shows a quadratic step (it would cost minutes).
constexpr std::size_t kFlatComponents = 50000;

CaptureSet capture_of(const std::string& relative) {
  auto c = load((testing::testdata_dir() / relative).string(), LoadOptions{});
  EXPECT_TRUE(c.has_value()) << (c ? "" : to_string(c.error()));
  return c ? std::move(*c) : CaptureSet{};
}

TEST(RuleTable, IdsAreUniqueSortedAndDescribed) {
  auto table = rules();
  EXPECT_GE(table.size(), 40U);
  std::set<std::string_view> ids;
  for (std::size_t i = 0; i < table.size(); ++i) {
    const RuleInfo& r = table[i];
    EXPECT_TRUE(ids.insert(r.id).second) << r.id;
    if (i > 0) {
      EXPECT_LT(table[i - 1].id, r.id);
    }
    EXPECT_FALSE(r.summary.empty()) << r.id;
    EXPECT_FALSE(r.explanation.empty()) << r.id;
    EXPECT_FALSE(r.reference.empty()) << r.id;
  }
}

TEST(RuleTable, FindIsCaseInsensitive) {
  ASSERT_FALSE(rules().empty());
  const RuleInfo& first = rules().front();
  std::string lower(first.id);
  std::transform(
      lower.begin(), lower.end(), lower.begin(),
      [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  EXPECT_EQ(find_rule(lower), &first);
  EXPECT_EQ(find_rule("NOPE999"), nullptr);
}

TEST(Validate, RealCaptureHasNoErrorFinding) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  auto capture =
      load((samples / "diskshadow-ws2012-sql2017").string(), LoadOptions{});
  ASSERT_OK(capture);
  for (const Finding& f : validate(*capture)) {
    EXPECT_NE(f.diagnostic.severity, Severity::kError)
        << to_string(f.diagnostic);
  }
}

TEST(Validate, BundledCaptureHasNoErrorFinding) {
  for (const Finding& f : validate(capture_of("capture"))) {
    EXPECT_NE(f.diagnostic.severity, Severity::kError)
        << to_string(f.diagnostic);
  }
}

TEST(Validate, OverridesDisablingAndThresholdApply) {
  CaptureSet capture = capture_of("capture");
  auto all = validate(capture);
  ASSERT_FALSE(all.empty()) << "the bundled capture should give some info";
  const std::string rule = all[0].diagnostic.code;

  ValidateOptions disabled;
  disabled.disabled.insert(rule);
  for (const Finding& f : validate(capture, disabled)) {
    EXPECT_NE(f.diagnostic.code, rule);
  }

  ValidateOptions raised;
  raised.severity[rule] = Severity::kError;
  bool seen = false;
  for (const Finding& f : validate(capture, raised)) {
    if (f.diagnostic.code == rule) {
      EXPECT_EQ(f.diagnostic.severity, Severity::kError);
      seen = true;
    }
  }
  EXPECT_TRUE(seen);

  ValidateOptions errors_only;
  errors_only.min_severity = Severity::kError;
  for (const Finding& f : validate(capture, errors_only)) {
    EXPECT_EQ(f.diagnostic.severity, Severity::kError);
  }
}

TEST(Validate, FindingsAreSortedByPosition) {
  auto findings = validate(capture_of("capture"));
  for (std::size_t i = 1; i < findings.size(); ++i) {
    const Location& a = findings[i - 1].diagnostic.where;
    const Location& b = findings[i].diagnostic.where;
    EXPECT_LE(std::tie(a.file, a.line, a.column),
              std::tie(b.file, b.line, b.column));
  }
}

Finding finding(Severity severity) {
  Finding f;
  f.diagnostic.severity = severity;
  return f;
}

TEST(Findings, CountsPerSeverityAndHasErrors) {
  const Findings none;
  EXPECT_TRUE(none.empty());
  EXPECT_FALSE(none.has_errors());
  EXPECT_EQ(none.counts().total(), 0U);
  const Findings some{{finding(Severity::kWarning), finding(Severity::kInfo),
                       finding(Severity::kWarning)}};
  EXPECT_FALSE(some.empty());
  EXPECT_FALSE(some.has_errors());
  EXPECT_EQ(some.count(Severity::kWarning), 2U);
  const FindingCounts n = some.counts();
  EXPECT_EQ(n.errors, 0U);
  EXPECT_EQ(n.warnings, 2U);
  EXPECT_EQ(n.infos, 1U);
  EXPECT_EQ(n.total(), 3U);
  const Findings with_error{
      {finding(Severity::kInfo), finding(Severity::kError)}};
  EXPECT_TRUE(with_error.has_errors());
  EXPECT_EQ(with_error.size(), 2U);
  EXPECT_EQ(with_error[1].diagnostic.severity, Severity::kError);
}

std::map<std::string, std::size_t> per_rule(const Findings& findings) {
  std::map<std::string, std::size_t> out;
  for (const Finding& f : findings) ++out[f.diagnostic.code];
  return out;
}

// Every rule over 4,000 components nested each under the one before, the
// middle one missing: its element is reported once, nothing else changes.
TEST(ValidateScale, DeepChainReportsTheOneUndeclaredElement) {
  CaptureSet capture;
  capture.writers.push_back(testing::chain_writer(4000));
  const auto whole = per_rule(validate(capture));
  capture.writers[0] = testing::chain_writer(4000, 1999);
  const Findings findings = validate(capture);
  auto gap = per_rule(findings);
  EXPECT_EQ(whole.count("WMD039"), 0U);
  EXPECT_EQ(gap["WMD039"], 1U);
  gap.erase("WMD039");
  EXPECT_EQ(gap, whole);
  for (const Finding& f : findings) {
    if (f.diagnostic.code != "WMD039") continue;
    EXPECT_TRUE(f.component().ends_with("\\L2000\\L2001"));
    EXPECT_NE(f.diagnostic.message.find("\\L1999\\L2000\" of writer Chain"),
              std::string::npos)
        << f.diagnostic.message;
  }
}

// A wide writer: one undeclared Host<k> node per hundred components.
TEST(ValidateScale, FlatWriterReportsEachUndeclaredHostOnce) {
  CaptureSet capture;
  capture.writers.push_back(testing::flat_writer(kFlatComponents));
  const auto n = per_rule(validate(capture));
  EXPECT_EQ(n.at("WMD039"), kFlatComponents / 100 + 1);
}

TEST(FindingCounts, AtLeastCountsTheSeverityAndAbove) {
  const FindingCounts n{.errors = 1, .warnings = 2, .infos = 4};
  EXPECT_EQ(n.at_least(Severity::kError), 1U);
  EXPECT_EQ(n.at_least(Severity::kWarning), 3U);
  EXPECT_EQ(n.at_least(Severity::kInfo), 7U);
}

}  // namespace
}  // namespace vssmeta

namespace vssmeta {
namespace {

TEST(RuleTable, ReadmeListsEveryRule) {
  const std::string readme =
      testing::read_bytes(testing::testdata_dir() / ".." / "README.md");
  for (const RuleInfo& r : rules()) {
    EXPECT_NE(readme.find("| `" + std::string(r.id) + "` | " +
                          to_string(r.severity) + " |"),
              std::string::npos)
        << r.id << " is missing from the README's rule table (regenerate it "
        << "from vssmeta validate --list-rules)";
  }
}

}  // namespace
}  // namespace vssmeta
