// SPDX-License-Identifier: MIT
// The rule engine: table, overrides, filtering, ordering, and the real
// capture in ../shared/vss-samples (no error-severity finding allowed).
#include "vssmeta/validate.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/metadata_text.h"

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

// Issue #12: every rule says whom it addresses and why it has its
// severity, and rests on a Microsoft Learn page (full address) or says that
// it is tool policy.
TEST(RuleTable, EveryRuleHasAudienceEvidenceAndLearnAddress) {
  for (const RuleInfo& r : rules()) {
    SCOPED_TRACE(std::string(r.id));
    EXPECT_FALSE(r.evidence.empty());
    EXPECT_EQ(r.reference.find("win32:"), std::string_view::npos);
    EXPECT_EQ(r.reference.find("sdk:"), std::string_view::npos);
    EXPECT_EQ(r.reference.find(".md"), std::string_view::npos);
    EXPECT_EQ(r.reference.find("../"), std::string_view::npos);
    if (r.reference.starts_with("tool policy")) {
      EXPECT_TRUE(r.help_uri.empty());
      continue;
    }
    EXPECT_TRUE(r.help_uri.starts_with(
        "https://learn.microsoft.com/en-us/windows/win32/"))
        << r.help_uri;
    EXPECT_TRUE(r.reference.starts_with(r.help_uri)) << r.reference;
    const bool writer_rule =
        r.scope == RuleScope::kWriter ||
        (r.scope == RuleScope::kWriterSet && r.id != "SET001");
    EXPECT_EQ(r.audience,
              writer_rule ? Audience::kAuthor : Audience::kOperator);
  }
  const RuleInfo* xref024 = find_rule("XREF024");
  ASSERT_NE(xref024, nullptr);
  EXPECT_EQ(xref024->severity, Severity::kInfo);
  EXPECT_EQ(find_rule("GUID-CASE")->severity, Severity::kInfo);
  EXPECT_EQ(find_rule("unknown-value")->severity, Severity::kWarning);
  EXPECT_EQ(find_rule("BCD023")->severity, Severity::kError);
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

TEST(Validate, FindingsAreSortedBySeverityThenPosition) {
  auto findings = validate(capture_of("capture"));
  for (std::size_t i = 1; i < findings.size(); ++i) {
    const Diagnostic& x = findings[i - 1].diagnostic;
    const Diagnostic& y = findings[i].diagnostic;
    const auto rank = [](Severity s) { return 2 - static_cast<int>(s); };
    EXPECT_LE(std::make_tuple(rank(x.severity), x.where.file, x.where.line,
                              x.where.column),
              std::make_tuple(rank(y.severity), y.where.file, y.where.line,
                              y.where.column));
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

// A writer that carries the same author findings under Microsoft's System
// Writer class id and under an id of its own.
WriterMetadata with_class(WriterMetadata w, const char* id) {
  w.identity.writer_id = *Guid::parse(id);
  return w;
}

std::size_t count_rule(const Findings& findings, std::string_view rule) {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(),
      [&](const Finding& f) { return f.diagnostic.code == rule; }));
}

TEST(Audience, OperatorSeesOnlyWarningsAboutOtherWritersAndOperatorInfos) {
  // No restore method on a writer with components: WMD006, a warning.
  WriterMetadata own = testing::flat_writer(300);
  own.restore_method.reset();
  CaptureSet capture;
  capture.writers.push_back(
      with_class(own, "0d5b5a4c-1111-4a7e-9c3b-2f1e0d9c8b7a"));
  capture.writers.push_back(with_class(
      own, "e8132975-6f93-4464-a53e-1050253ae220"));  // System Writer
  capture.writers[1].identity.instance_id =
      Guid::parse("0d5b5a4c-2222-4a7e-9c3b-2f1e0d9c8b7a");

  ValidateOptions author;
  const Findings all = validate(capture, author);
  EXPECT_EQ(count_rule(all, "WMD006"), 2U);
  EXPECT_GT(count_rule(all, "WMD039"), 0U);

  ValidateOptions op;
  op.audience = Audience::kOperator;
  const Findings seen = validate(capture, op);
  EXPECT_EQ(count_rule(seen, "WMD006"), 1U);  // not the System Writer's
  EXPECT_EQ(count_rule(seen, "WMD039"), 0U);  // author infos: not run
  EXPECT_EQ(seen.hidden.total(), 0U);         // ... nor counted
  for (const Finding& f : seen) {
    EXPECT_EQ(f.writer().find("e8132975"), std::string_view::npos)
        << to_string(f.diagnostic);
  }
  // The user's override still reaches an author rule.
  op.severity["WMD039"] = Severity::kWarning;
  EXPECT_GT(count_rule(validate(capture, op), "WMD039"), 0U);
}

TEST(Hidden, FindingsBelowTheThresholdAreCountedNotBuilt) {
  CaptureSet capture = capture_of("capture");
  const Findings all = validate(capture);
  ValidateOptions warnings;
  warnings.min_severity = Severity::kWarning;
  const Findings shown = validate(capture, warnings);
  EXPECT_EQ(shown.count(Severity::kInfo), 0U);
  EXPECT_EQ(shown.hidden.infos, all.count(Severity::kInfo));
  EXPECT_EQ(shown.hidden.warnings, 0U);
  EXPECT_EQ(shown.size() + shown.hidden.total(), all.size());
}

TEST(Ordering, ErrorsFirstThenDocumentOrder) {
  CaptureSet capture = capture_of("capture");
  auto more =
      load((testing::testdata_dir() / "bcd/restore-session.xml").string(),
           LoadOptions{});
  ASSERT_OK(more);
  merge(capture, std::move(*more));
  const Findings findings = validate(capture);
  ASSERT_GT(findings.count(Severity::kError), 0U);
  EXPECT_EQ(findings[0].diagnostic.severity, Severity::kError);
  for (std::size_t i = 1; i < findings.size(); ++i) {
    const Diagnostic& a = findings[i - 1].diagnostic;
    const Diagnostic& b = findings[i].diagnostic;
    EXPECT_GE(a.severity, b.severity);
    if (a.severity == b.severity && a.where.file == b.where.file) {
      EXPECT_LE(std::tie(a.where.line, a.where.column),
                std::tie(b.where.line, b.where.column));
    }
  }
}

TEST(DocumentRules, LoaderWarningsBecomeFindings) {
  const std::vector<Diagnostic> warnings{
      {Severity::kWarning, "guid-case", "writerId mixes case", {"a.xml", 1, 5}},
      {Severity::kWarning, "future-code", "something new", {"a.xml", 2, 1}},
      {Severity::kWarning, "skipped-file", "skipped: x", {"dir/x.xml", 0, 0}},
  };
  const CaptureSet empty;
  const Findings f = validate(empty, ValidateOptions{}, warnings);
  ASSERT_EQ(f.size(), 3U);
  EXPECT_EQ(count_rule(f, "guid-case"), 1U);
  EXPECT_EQ(count_rule(f, "skipped-file"), 1U);
  EXPECT_EQ(count_rule(f, "load-warning"), 1U);
  for (const Finding& x : f) {
    if (x.diagnostic.code == "guid-case") {
      EXPECT_EQ(x.diagnostic.severity, Severity::kInfo);
      EXPECT_EQ(x.diagnostic.where, (Location{"a.xml", 1, 5}));
    }
    if (x.diagnostic.code == "load-warning") {
      EXPECT_EQ(x.diagnostic.message, "something new (future-code)");
    }
  }
  // Without the loader's warnings nothing is reported, and disabled rules
  // report nothing either.
  EXPECT_TRUE(validate(empty).empty());
  ValidateOptions off;
  off.disabled.insert("guid-case");
  EXPECT_EQ(count_rule(validate(empty, off, warnings), "guid-case"), 0U);
}

// Unknown spellings are warnings: reported by WMD007 for a model built in
// code, left to unknown-value when the loader's warnings are given.
TEST(DocumentRules, UnknownSpellingIsAWarningReportedOnce) {
  auto loaded = load(
      (testing::testdata_dir() / "wmd/restore-method-unknown.xml").string(),
      LoadOptions{});
  ASSERT_OK(loaded);
  const Diagnostics warnings = loaded.warnings();
  const Findings alone = validate(*loaded);
  ASSERT_EQ(count_rule(alone, "WMD007"), 1U);
  for (const Finding& x : alone) {
    if (x.diagnostic.code == "WMD007") {
      EXPECT_EQ(x.diagnostic.severity, Severity::kWarning);
    }
  }
  const Findings with = validate(*loaded, ValidateOptions{}, warnings);
  EXPECT_EQ(count_rule(with, "WMD007"), 0U);
  EXPECT_EQ(count_rule(with, "unknown-value"), 1U);
  EXPECT_FALSE(with.has_errors());
}

// The flat writer as the operator sees it: the ~2 author infos per
// component are neither built nor counted (bench/README.md has the time).
TEST(ValidateScale, FlatWriterCostsTheOperatorNoInfos) {
  CaptureSet capture;
  capture.writers.push_back(testing::flat_writer(kFlatComponents));
  ValidateOptions op;
  op.audience = Audience::kOperator;
  op.min_severity = Severity::kWarning;
  const Findings f = validate(capture, op);
  EXPECT_EQ(count_rule(f, "WMD039"), 0U);
  EXPECT_EQ(f.hidden.total(), 0U);
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

TEST(RuleTable, DocsListEveryRule) {
  // docs/rules.md holds `vssmeta validate --list-rules` as a Markdown table
  // (the command that regenerates it is written above the table): every
  // rule, in the table's order, and nothing else.
  const std::string doc =
      testing::read_bytes(testing::testdata_dir() / ".." / "docs" / "rules.md");
  std::vector<std::string> rows;
  std::size_t start = 0;
  while (start < doc.size()) {
    std::size_t nl = doc.find('\n', start);
    if (nl == std::string::npos) nl = doc.size();
    const std::string line = doc.substr(start, nl - start);
    if (line.starts_with("| `")) rows.push_back(line);
    start = nl + 1;
  }
  std::vector<std::string> expected;
  for (const RuleInfo& r : rules()) {
    expected.push_back("| `" + std::string(r.id) + "` | " +
                       to_string(r.severity) + " | " + to_string(r.audience) +
                       " | " + to_string(r.scope) + " | " +
                       std::string(r.summary) + " |");
  }
  EXPECT_EQ(rows, expected)
      << "docs/rules.md's rule table differs from the rule table: regenerate "
         "it from vssmeta validate --list-rules (command in docs/rules.md)";
}

// Writers rebuilt from diskshadow's text (two, from components whose
// `* WRITER` blocks the excerpt left out): the rules that read what the text
// never prints (class id, instance, usage, source type, restore method)
// make no finding; what the text did print is still checked, and every
// finding about such a writer says where it was rebuilt.
TEST(ValidateTextWriters, UnknownFieldsAreNoFindingsTheRestIsMarked) {
  const std::string text =
      "+ Component \"Microsoft Hyper-V VSS Writer:\\Initial Store\"\n"
      "    - Name: Initial Store\n"
      "    - Logical path: \n"
      "    - Type: VSS_CT_FILEGROUP [2]\n"
      "    - Is selectable: TRUE\n"
      "+ Component \"SqlServerWriter:\\SQL2012\\model\"\n"
      "    - Name: model\n"
      "    - Logical path: SQL2012\n"
      "    - Type: VSS_CT_DATABASE [1]\n"
      "    - Is selectable: TRUE\n"
      "    - Notify on backup complete: TRUE\n";
  ParseOptions po;
  po.source_name = "meta.txt";
  auto writers = parse_metadata_text(text, po);
  ASSERT_TRUE(writers.has_value());
  CaptureSet capture;
  capture.writers = std::move(*writers);
  ASSERT_EQ(capture.writers.size(), 2U);
  std::set<std::string> rules;
  for (const Finding& f : validate(capture)) {
    rules.insert(f.diagnostic.code);
    ASSERT_TRUE(f.writer_from_text.has_value()) << f.diagnostic.code;
    EXPECT_EQ(f.writer_from_text->file, "meta.txt");
  }
  // Only what the text says: a reserved flag it printed, a logical path
  // element that is no component.
  EXPECT_EQ(rules, (std::set<std::string>{"WMD037", "WMD039"}));

  // The same writers read from XML: the absent fields are findings, and
  // no finding carries the mark.
  for (WriterMetadata& w : capture.writers) w.from_text.reset();
  std::set<std::string> xml_rules;
  for (const Finding& f : validate(capture)) {
    xml_rules.insert(f.diagnostic.code);
    EXPECT_FALSE(f.writer_from_text.has_value());
  }
  for (const char* rule : {"WMD001", "WMD004", "WMD005", "WMD006", "SET004"}) {
    EXPECT_EQ(xml_rules.count(rule), 1U) << rule;
  }
}

}  // namespace
}  // namespace vssmeta
