// SPDX-License-Identifier: MIT
// WMD001..WMD022: the subtle parts the data-driven tests do not pin down:
// severities chosen from context (and that they do not leak into the next
// finding), what counts as "the same" component or file set, and that the
// real in-box writers produce no error.
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/test_support.h"
#include "validate/rules.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/parse.h"
#include "vssmeta/validate.h"

namespace vssmeta::internal {
namespace {

constexpr std::string_view kIdentity =
    R"(<IDENTIFICATION writerId="3f2b8c1e-7d4a-4e59-9a61-0c8e5b2d7f13" )"
    R"(instanceId="c0a4e7d2-5b19-4f3e-8d6a-91e2f7b3a845" )"
    R"(friendlyName="Fernhill Writer" usage="USER_DATA" dataSource="OTHER"/>)";
constexpr std::string_view kRestore =
    R"(<RESTORE_METHOD method="RESTORE_IF_CAN_BE_REPLACED" )"
    R"(writerRestore="never" rebootRequired="no"/>)";
constexpr std::string_view kGroup =
    R"(<FILE_GROUP componentName="Ledgers" selectable="yes">)"
    R"(<FILE_LIST path="D:\Ledgers" filespec="*.ldg"/></FILE_GROUP>)";

std::string wmd(std::string_view identity, std::string_view restore,
                std::string_view locations) {
  return std::string(
             R"(<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" )"
             R"(version="1.2">)") +
         std::string(identity) + std::string(restore) + "<BACKUP_LOCATIONS>" +
         std::string(locations) + "</BACKUP_LOCATIONS></WRITER_METADATA>";
}

std::string replaced(std::string_view text, std::string_view from,
                     std::string_view to) {
  std::string s(text);
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

struct Seen {
  Severity severity;
  std::string message;
};

// The findings of `rule` for the given WMDs, in order.
std::vector<Seen> run(std::string_view rule,
                      const std::vector<std::string>& documents,
                      const ValidateOptions& options = {}) {
  CaptureSet capture;
  for (const std::string& d : documents) {
    auto w = parse_writer_metadata(d);
    EXPECT_TRUE(w.has_value()) << d;
    if (w) capture.writers.push_back(std::move(*w));
  }
  std::vector<Seen> out;
  for (const Finding& f : validate(capture, options)) {
    if (f.diagnostic.code == rule) {
      out.push_back({f.diagnostic.severity, f.diagnostic.message});
    }
  }
  return out;
}

TEST(RulesWmdTable, HoldsWmd001ToWmd022WithoutWmd017InOrder) {
  std::vector<std::string> ids;
  for (const Rule& r : wmd_rules()) {
    ids.emplace_back(r.info.id);
    EXPECT_EQ(r.info.scope, RuleScope::kWriter) << r.info.id;
    EXPECT_FALSE(r.info.summary.empty()) << r.info.id;
    EXPECT_FALSE(r.info.reference.empty()) << r.info.id;
  }
  std::vector<std::string> want;
  for (int i = 1; i <= 22; ++i) {  // WMD023: rules_wmd023.cc
    if (i == 17) continue;         // not representable in a WMD
    want.push_back(fmt::format("WMD{:03}", i));
  }
  EXPECT_EQ(ids, want);
}

// An unknown spelling leaves the document usable (issue #12): a warning,
// like UNDEFINED and a missing usage.
TEST(RulesWmdSeverity, UsageUndefinedAndUnknownSpellingAreWarnings) {
  const std::string undefined =
      wmd(replaced(kIdentity, "USER_DATA", "UNDEFINED"), kRestore, kGroup);
  const std::string unknown =
      wmd(replaced(kIdentity, "USER_DATA", "SOMETHING_NEW"), kRestore, kGroup);
  const std::string missing =
      wmd(replaced(kIdentity, R"(usage="USER_DATA" )", ""), kRestore, kGroup);
  const auto seen = run("WMD004", {unknown, undefined, missing});
  ASSERT_EQ(seen.size(), 3U);
  EXPECT_EQ(seen[0].severity, Severity::kWarning);
  EXPECT_NE(seen[0].message.find("\"SOMETHING_NEW\""), std::string::npos);
  EXPECT_EQ(seen[1].severity, Severity::kWarning);
  EXPECT_NE(seen[1].message.find("VSS_UT_UNDEFINED"), std::string::npos);
  EXPECT_EQ(seen[2].severity, Severity::kWarning);
}

TEST(RulesWmdSeverity, OverrideAppliesToEveryVariantOfTheRule) {
  ValidateOptions options;
  options.severity["WMD004"] = Severity::kInfo;
  const auto seen = run(
      "WMD004",
      {wmd(replaced(kIdentity, "USER_DATA", "SOMETHING_NEW"), kRestore, kGroup),
       wmd(replaced(kIdentity, "USER_DATA", "UNDEFINED"), kRestore, kGroup)},
      options);
  ASSERT_EQ(seen.size(), 2U);
  EXPECT_EQ(seen[0].severity, Severity::kInfo);
  EXPECT_EQ(seen[1].severity, Severity::kInfo);
}

TEST(RulesWmdSeverity, WriterRestoreUnknownSpellingIsAWarning) {
  const auto seen =
      run("WMD011",
          {wmd(kIdentity, replaced(kRestore, "never", "sometimes"), kGroup),
           wmd(kIdentity, replaced(kRestore, "never", "undefined"), kGroup)});
  ASSERT_EQ(seen.size(), 2U);
  EXPECT_EQ(seen[0].severity, Severity::kWarning);
  EXPECT_NE(seen[0].message.find("\"sometimes\""), std::string::npos);
  EXPECT_EQ(seen[1].severity, Severity::kWarning);
}

// VSS_RME_UNDEFINED stays an error (documented as a writer error); an
// unknown spelling is a warning.
TEST(RulesWmdSeverity, RestoreMethodUndefinedIsErrorUnknownIsWarning) {
  const auto seen = run(
      "WMD007",
      {wmd(kIdentity, replaced(kRestore, "RESTORE_IF_CAN_BE_REPLACED", "LATER"),
           kGroup),
       wmd(kIdentity,
           replaced(kRestore, "RESTORE_IF_CAN_BE_REPLACED", "UNDEFINED"),
           kGroup)});
  ASSERT_EQ(seen.size(), 2U);
  // Errors first.
  EXPECT_EQ(seen[0].severity, Severity::kError);
  EXPECT_NE(seen[0].message.find("VSS_RME_UNDEFINED"), std::string::npos);
  EXPECT_EQ(seen[1].severity, Severity::kWarning);
  EXPECT_NE(seen[1].message.find("\"LATER\""), std::string::npos);
}

TEST(RulesWmdSeverity, NoRestoreMethodIsInfoOnlyWithoutComponents) {
  const auto seen =
      run("WMD006", {wmd(kIdentity, "", ""), wmd(kIdentity, "", kGroup)});
  ASSERT_EQ(seen.size(), 2U);
  // Warnings before infos.
  EXPECT_EQ(seen[0].severity, Severity::kWarning);
  EXPECT_EQ(seen[0].message.find("no components"), std::string::npos);
  EXPECT_EQ(seen[1].severity, Severity::kInfo);
  EXPECT_NE(seen[1].message.find("no components"), std::string::npos);
}

TEST(RulesWmdSeverity, NoComponentsIsInfoOnlyWithExcludeLists) {
  const auto seen = run(
      "WMD012",
      {wmd(kIdentity, kRestore,
           R"(<EXCLUDE_FILES path="C:\Temp" filespec="*" recursive="no"/>)"),
       wmd(kIdentity, kRestore, "")});
  ASSERT_EQ(seen.size(), 2U);
  // Warnings before infos.
  EXPECT_EQ(seen[0].severity, Severity::kWarning);
  EXPECT_EQ(seen[1].severity, Severity::kInfo);
  EXPECT_NE(seen[1].message.find("exclude"), std::string::npos);
}

TEST(RulesWmdIdentity, AbsentAndEmptyLogicalPathAreTheSameButNameCaseIsNot) {
  const std::string same =
      R"(<FILE_GROUP componentName="Ledgers" selectable="yes"/>)"
      R"(<FILE_GROUP logicalPath="" componentName="Ledgers" selectable="yes"/>)";
  EXPECT_EQ(run("WMD013", {wmd(kIdentity, kRestore, same)}).size(), 1U);
  const std::string cased =
      R"(<FILE_GROUP componentName="Ledgers" selectable="yes"/>)"
      R"(<FILE_GROUP componentName="LEDGERS" selectable="yes"/>)";
  EXPECT_TRUE(run("WMD013", {wmd(kIdentity, kRestore, cased)}).empty());
}

TEST(RulesWmdLogicalPath, EachDefectIsNamedOnce) {
  auto one = [](std::string_view path) {
    const auto seen = run(
        "WMD016", {wmd(kIdentity, kRestore,
                       "<FILE_GROUP logicalPath=\"" + std::string(path) +
                           R"(" componentName="Ledgers" selectable="yes"/>)")});
    return seen.size() == 1 ? seen[0].message : std::string("(none)");
  };
  EXPECT_NE(one("\\").find("starts with a backslash"), std::string::npos);
  EXPECT_EQ(one("\\").find("ends with"), std::string::npos);
  EXPECT_NE(one("a\\").find("ends with a backslash"), std::string::npos);
  EXPECT_NE(one("a\\\\b").find("empty element"), std::string::npos);
  EXPECT_NE(
      one("\\a\\\\b\\")
          .find("starts with a backslash, ends with a backslash and has an "
                "empty element"),
      std::string::npos);
  EXPECT_EQ(one("a\\b"), "(none)");
}

TEST(RulesWmdFileSets, NamespacePrefixQuestionMarkIsNoWildcard) {
  auto count = [](std::string_view path) {
    return run("WMD021",
               {wmd(kIdentity, kRestore,
                    R"(<FILE_GROUP componentName="A" selectable="yes">)"
                    "<FILE_LIST path=\"" +
                        std::string(path) +
                        R"(" filespec="*"/></FILE_GROUP>)")})
        .size();
  };
  EXPECT_EQ(count(R"(\\?\Volume{c7463aba-f40d-11e9-80c7-806e6f6e6963}\Boot)"),
            0U);
  EXPECT_EQ(count(R"(\??\C:\Boot)"), 0U);
  EXPECT_EQ(count(R"(\\?\C:\Bo?t)"), 1U);
  EXPECT_EQ(count(R"(C:\?\Boot)"), 1U);
  EXPECT_EQ(count(R"(C:\Logs*)"), 1U);
}

TEST(RulesWmdSamples, InBoxWritersProduceNoError) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  auto capture = load((samples / "diskshadow-ws2012-sql2017").string(), {});
  ASSERT_OK(capture);
  std::size_t info006 = 0;
  std::size_t info012 = 0;
  for (const Finding& f : validate(*capture)) {
    const std::string& id = f.diagnostic.code;
    if (id.rfind("WMD0", 0) != 0 || id > "WMD023") continue;
    EXPECT_NE(f.diagnostic.severity, Severity::kError)
        << to_string(f.diagnostic);
    if (id == "WMD006" && f.diagnostic.severity == Severity::kInfo) ++info006;
    if (id == "WMD012" && f.diagnostic.severity == Severity::kInfo) ++info012;
  }
  // Shadow Copy Optimization and BITS: no restore method, no components.
  EXPECT_EQ(info006, 2U);
  EXPECT_EQ(info012, 2U);
}

}  // namespace
}  // namespace vssmeta::internal
