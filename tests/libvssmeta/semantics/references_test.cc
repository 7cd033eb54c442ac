// SPDX-License-Identifier: MIT
// resolve_references(): component references against a capture's writers
// (testdata/selection/mywriter.xml, the MyWriter example of
// ../shared/docs/vss-domain.md §3.4), explained results.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/parse.h"
#include "vssmeta/selection.h"

namespace vssmeta {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class References : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = parse_writer_metadata(testing::read_bytes(
        testing::testdata_dir() / "selection/mywriter.xml"));
    ASSERT_OK(r);
    writers_.push_back(std::move(*r));
    // A second instance of the class, named, with one component.
    WriterMetadata other;
    other.identity = writers_[0].identity;
    other.identity.instance_id =
        Guid::parse("0f2e7c44-6a51-4d3b-9e2f-8b7a6c5d4e99");
    other.identity.instance_name = "Second";
    other.components.push_back(writers_[0].components[2]);  // LicenseInfo
    writers_.push_back(std::move(other));
  }
  // "writer:path" of what a reference named.
  std::vector<std::string> named(const ResolvedReference& r) const {
    std::vector<std::string> out;
    for (const ReferencedComponent& c : r.components) {
      out.push_back(std::to_string(c.writer) + ":" +
                    writers_[c.writer].components[c.component].full_path());
    }
    return out;
  }
  std::vector<std::string> explicit_paths(const WriterSelection& s) const {
    std::vector<std::string> out;
    for (std::size_t i : s.explicit_ids) {
      out.push_back(writers_[s.writer].components[i].full_path());
    }
    return out;
  }

  std::vector<WriterMetadata> writers_;
};

TEST_F(References, PathsCompareWithoutCaseAndEmptyElements) {
  // Doubled and trailing backslashes are empty elements: ignored.
  auto s = resolve_references(writers_, {"mywriter:\\\\WRITERDATA\\\\usage\\"});
  ASSERT_EQ(s.references.size(), 1U);
  EXPECT_EQ(s.references[0].problem, ReferenceProblem::kNone);
  EXPECT_THAT(named(s.references[0]), ElementsAre("0:writerData\\Usage"));
  s = resolve_references(writers_, {"mywriter:\\WRITERDATA\\usage"});
  EXPECT_THAT(named(s.references[0]), ElementsAre("0:writerData\\Usage"));
  EXPECT_EQ(s.references[0].components[0].backup_class,
            BackupClass::kSelectableSub);
}

TEST_F(References, AReferenceNamesItsComponentInEveryMatchingInstance) {
  auto s = resolve_references(writers_, {"MyWriter:\\LicenseInfo"});
  EXPECT_THAT(s.references[0].writers, ElementsAre(0U, 1U));
  EXPECT_THAT(named(s.references[0]),
              ElementsAre("0:LicenseInfo", "1:LicenseInfo"));
  ASSERT_EQ(s.writers.size(), 2U);
}

TEST_F(References, WritersMatchByEveryForm) {
  for (const char* writer : {"second", "{0F2E7C44-6A51-4D3B-9E2F-8B7A6C5D4E99}",
                             "0f2e7c44-6a51-4d3b-9e2f-8b7a6c5d4e99"}) {
    auto s =
        resolve_references(writers_, {std::string(writer) + ":\\LicenseInfo"});
    EXPECT_THAT(named(s.references[0]), ElementsAre("1:LicenseInfo")) << writer;
  }
  auto s = resolve_references(
      writers_, {"{5C8A5A5E-9B1D-4B7E-8F3A-2D6E4C1B0A91}:\\LicenseInfo"});
  EXPECT_THAT(s.references[0].writers, ElementsAre(0U, 1U));
}

TEST_F(References, TheWriterAloneNamesItsRequiredAndOptionalTopComponents) {
  auto s =
      resolve_references(writers_, {"0f2e7c44-6a51-4d3b-9e2f-8b7a6c5d4e31"});
  EXPECT_EQ(s.references[0].path, "");
  EXPECT_THAT(named(s.references[0]),
              ElementsAre("0:Executables", "0:Executables\\ConfigFiles",
                          "0:LicenseInfo", "0:Security", "0:writerData"));
}

TEST_F(References, ExcludeRemovesAndInclusionIsExplained) {
  auto s =
      resolve_references(writers_, {"0f2e7c44-6a51-4d3b-9e2f-8b7a6c5d4e31"},
                         {"Second:\\LicenseInfo",
                          "0f2e7c44-6a51-4d3b-9e2f-8b7a6c5d4e31:\\"
                          "LicenseInfo"});
  ASSERT_EQ(s.references.size(), 3U);
  EXPECT_EQ(s.first_unmatched(), nullptr);
  ASSERT_EQ(s.writers.size(), 1U);
  const WriterSelection& w = s.writers[0];
  EXPECT_EQ(w.writer, 0U);
  EXPECT_THAT(explicit_paths(w),
              ElementsAre("Executables", "Executables\\ConfigFiles", "Security",
                          "writerData"));
  // Security\UserInfo (index 4) comes through Security (index 3).
  EXPECT_EQ(w.inclusion.inclusion[4], Inclusion::kImplicit);
  EXPECT_EQ(w.inclusion.defining[4], std::optional<std::size_t>(3));
  EXPECT_EQ(w.index.backup_class(4), BackupClass::kNonselectableSub);
}

TEST_F(References, UnmatchedReferencesCarryTheClosestNames) {
  auto s = resolve_references(writers_, {"MyWriter:\\Securty", "MyWritr:\\x",
                                         "MyWriter:\\NoSuchThing"});
  ASSERT_EQ(s.references.size(), 3U);
  EXPECT_EQ(s.first_unmatched(), &s.references[0]);
  EXPECT_EQ(s.references[0].problem, ReferenceProblem::kNoComponent);
  EXPECT_THAT(s.references[0].candidates, ElementsAre("Security"));
  EXPECT_EQ(s.references[1].problem, ReferenceProblem::kNoWriter);
  EXPECT_THAT(s.references[1].candidates, ElementsAre("MyWriter"));
  EXPECT_EQ(s.references[2].problem, ReferenceProblem::kNoComponent);
  EXPECT_THAT(s.references[2].candidates, IsEmpty());
  EXPECT_TRUE(s.writers.empty());
}

// A path that is no component but holds some (an organising node, as ASR's
// `Volumes`) names the topmost components below it.
TEST_F(References, AnOrganisingNodeNamesTheTopmostComponentsBelowIt) {
  auto s = resolve_references(writers_, {"MyWriter:\\writerData\\QueryLogs"});
  ASSERT_EQ(s.references.size(), 1U);
  EXPECT_EQ(s.references[0].problem, ReferenceProblem::kNone);
  EXPECT_TRUE(s.references[0].subtree);
  EXPECT_THAT(named(s.references[0]),
              ElementsAre("0:writerData\\QueryLogs\\Query"));
  // A declared component is not a subtree reference.
  s = resolve_references(writers_, {"MyWriter:\\writerData\\Set1"});
  EXPECT_FALSE(s.references[0].subtree);
  EXPECT_THAT(named(s.references[0]), ElementsAre("0:writerData\\Set1"));
  // Below a leaf there is nothing.
  s = resolve_references(writers_, {"MyWriter:\\writerData\\Set1\\Jan\\x"});
  EXPECT_EQ(s.references[0].problem, ReferenceProblem::kNoComponent);
  EXPECT_FALSE(s.references[0].subtree);
}

TEST_F(References, UnmatchedReferencesAreWordedTheSameEverywhere) {
  auto s = resolve_references(
      writers_, {"MyWriter:\\Securty", "MyWritr", "MyWriter:\\NoSuchThing"});
  EXPECT_EQ(describe_unmatched(s.references[0]),
            "no component 'Securty' in writer 'MyWriter' (closest: Security)");
  EXPECT_EQ(describe_unmatched(s.references[1]),
            "no writer 'MyWritr' in the capture (closest: MyWriter)");
  EXPECT_EQ(describe_unmatched(s.references[2]),
            "no component 'NoSuchThing' in writer 'MyWriter'");
}

TEST(ClosestNames, TyposFirstThenTheNameWrittenAnotherWay) {
  const std::vector<std::string> names = {"SqlServerWriter", "System Writer",
                                          "ASR Writer", "Registry Writer"};
  EXPECT_THAT(closest_names(names, "Sytem Writer"),
              ElementsAre("System Writer"));
  EXPECT_THAT(closest_names(names, "SQL Server"),
              ElementsAre("SqlServerWriter"));
  EXPECT_THAT(closest_names(names, "writer"),
              ElementsAre("System Writer", "ASR Writer"))
      << "at least half of their letters; less than half of the others'";
  EXPECT_THAT(closest_names(names, "Sytsem Writer"),
              ElementsAre("System Writer"))
      << "a swap is one edit";
  EXPECT_THAT(closest_names(names, "Exchange"), IsEmpty());
  EXPECT_THAT(closest_names({"a", "b", "c", "d"}, "x"),
              ElementsAre("a", "b", "c"));
}

TEST_F(References, WritersWithoutMetadataAreSkipped) {
  std::vector<const WriterMetadata*> ws = {nullptr, &writers_[1]};
  auto s = resolve_references(ws, {"MyWriter:\\LicenseInfo"});
  EXPECT_THAT(s.references[0].writers, ElementsAre(1U));
}

// The CLI's --select over a 4,000-deep chain: the deepest component by its
// full path, and the writer alone for its one top-level component.
TEST(ResolveReferences, DeepChainByFullPathAndByWriter) {
  const std::vector<WriterMetadata> writers{testing::chain_writer(4000)};
  std::string bottom = "chain:\\";
  bottom += writers[0].components[3999].full_path();
  const ResolvedSelection r =
      resolve_references(writers, {bottom, "Chain"}, {"Chain:\\L1"});
  ASSERT_EQ(r.writers.size(), 1U);
  EXPECT_EQ(r.writers[0].explicit_ids, std::vector<std::size_t>{3999});
  EXPECT_EQ(r.writers[0].inclusion.count(Inclusion::kImplicit), 0U);
  EXPECT_EQ(r.first_unmatched(), nullptr);
}

}  // namespace
}  // namespace vssmeta
