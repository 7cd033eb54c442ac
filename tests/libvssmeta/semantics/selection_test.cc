// SPDX-License-Identifier: MIT
// The MyWriter example of win32:logical-pathing-of-components.md, as worked
// out in ../shared/docs/vss-domain.md §3.4 (testdata/selection/mywriter.xml).
#include "vssmeta/selection.h"

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/parse.h"

namespace vssmeta {
namespace {

class MyWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = parse_writer_metadata(testing::read_bytes(
        testing::testdata_dir() / "selection/mywriter.xml"));
    ASSERT_OK(r);
    wmd_ = std::move(*r);
    index_.emplace(wmd_);
  }
  std::size_t id(const char* logical_path, const char* name) const {
    auto hits = index_->find(
        *logical_path ? std::optional<std::string>(logical_path) : std::nullopt,
        name);
    EXPECT_EQ(hits.size(), 1U) << logical_path << "\\" << name;
    return hits.empty() ? 0 : hits.front();
  }
  std::vector<std::string> included(const InclusionResult& r,
                                    Inclusion which) const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < r.inclusion.size(); ++i) {
      if (r.inclusion[i] == which)
        out.push_back(wmd_.components[i].full_path());
    }
    return out;
  }

  WriterMetadata wmd_;
  std::optional<ComponentIndex> index_;
};

TEST_F(MyWriter, BackupClassesFollowTheWorkedExample) {
  EXPECT_EQ(index_->backup_class(id("", "Executables")),
            BackupClass::kRequired);
  EXPECT_EQ(index_->backup_class(id("Executables", "ConfigFiles")),
            BackupClass::kRequired);
  EXPECT_EQ(index_->backup_class(id("", "LicenseInfo")),
            BackupClass::kOptionalTop);
  EXPECT_EQ(index_->backup_class(id("Security", "UserInfo")),
            BackupClass::kNonselectableSub);
  EXPECT_EQ(index_->backup_class(id("writerData\\QueryLogs", "Query")),
            BackupClass::kNonselectableSub);
  EXPECT_EQ(index_->backup_class(id("writerData", "Usage")),
            BackupClass::kSelectableSub);
  EXPECT_EQ(index_->backup_class(id("writerData\\Usage", "Jan")),
            BackupClass::kNonselectableSub);
}

TEST_F(MyWriter, AncestorsSkipUndeclaredElementsNearestFirst) {
  const auto& query = index_->ancestors(id("writerData\\QueryLogs", "Query"));
  ASSERT_EQ(query.size(), 1U);
  EXPECT_EQ(wmd_.components[query[0]].name, "writerData");
  const auto& jan = index_->ancestors(id("writerData\\Usage", "Jan"));
  ASSERT_EQ(jan.size(), 2U);
  EXPECT_EQ(wmd_.components[jan[0]].name, "Usage");
  EXPECT_EQ(wmd_.components[jan[1]].name, "writerData");
  EXPECT_EQ(index_->nearest_selectable_ancestor(id("writerData\\Set1", "Jan")),
            id("", "writerData"));
  EXPECT_EQ(index_->nearest_restorable_ancestor(id("writerData\\Set1", "Jan")),
            id("writerData", "Set1"));
  EXPECT_TRUE(index_->ancestors(id("", "Executables")).empty());
}

TEST_F(MyWriter, FindIsCaseInsensitiveAndIgnoresStrayBackslashes) {
  EXPECT_EQ(index_->find(std::string("WRITERDATA\\\\set1\\"), "JAN"),
            std::vector<std::size_t>{id("writerData\\Set1", "Jan")});
  EXPECT_EQ(index_->find(std::string(""), "security"),
            std::vector<std::size_t>{id("", "Security")});
  EXPECT_TRUE(index_->find(std::nullopt, "Nothing").empty());
}

// vss-domain.md §3.4 says 14 for selection A, but its own table gives 16:
// every component but LicenseInfo (4 explicit, 2 under Security, 10 under
// writerData). The closure follows the rule, not the count.
TEST_F(MyWriter, SelectionAIncludesAllButLicenseInfo) {
  auto r = compute_inclusion(
      *index_, {id("", "Executables"), id("Executables", "ConfigFiles"),
                id("", "Security"), id("", "writerData")});
  EXPECT_EQ(r.count(Inclusion::kExplicit), 4U);
  EXPECT_EQ(r.count(Inclusion::kImplicit), 12U);
  EXPECT_EQ(included(r, Inclusion::kNone),
            (std::vector<std::string>{"LicenseInfo"}));
  EXPECT_EQ(r.defining[id("writerData\\Usage", "Jan")], id("", "writerData"));
  EXPECT_EQ(r.inclusion[id("", "LicenseInfo")], Inclusion::kNone);
}

TEST_F(MyWriter, SelectionBUsesUsageAsTheDefiningComponent) {
  auto r = compute_inclusion(
      *index_, {id("", "Executables"), id("Executables", "ConfigFiles"),
                id("writerData", "Usage")});
  EXPECT_EQ(included(r, Inclusion::kImplicit),
            (std::vector<std::string>{"writerData\\Usage\\Jan",
                                      "writerData\\Usage\\Dec"}));
  EXPECT_EQ(r.defining[id("writerData\\Usage", "Dec")],
            id("writerData", "Usage"));
  EXPECT_EQ(r.inclusion[id("writerData", "Set1")], Inclusion::kNone);
}

TEST_F(MyWriter, NonselectableTopLevelParentDoesNotIncludeItsChild) {
  // The strict reading of §3.2: no component set without a selectable
  // component, so ConfigFiles stays out unless added explicitly.
  auto r = compute_inclusion(*index_, {id("", "Executables")});
  EXPECT_EQ(r.inclusion[id("Executables", "ConfigFiles")], Inclusion::kNone);
}

TEST(ComponentRef, SplitsWriterAndPathAtTheFirstColonBackslash) {
  ComponentRef a = parse_component_ref("SqlServerWriter:\\HOST\\master");
  EXPECT_EQ(a.writer, "SqlServerWriter");
  EXPECT_EQ(a.path, "HOST\\master");
  ComponentRef b =
      parse_component_ref("Microsoft SQL Server 2017:SQLWriter:\\HOST\\db");
  EXPECT_EQ(b.writer, "Microsoft SQL Server 2017:SQLWriter");
  EXPECT_EQ(b.path, "HOST\\db");
  ComponentRef c = parse_component_ref("\\Volumes\\Volume{x}");
  EXPECT_EQ(c.writer, "");
  EXPECT_EQ(c.path, "Volumes\\Volume{x}");
}

TEST(BackupClassNames, AreStable) {
  EXPECT_STREQ(to_string(BackupClass::kRequired), "required");
  EXPECT_STREQ(to_string(BackupClass::kSelectableSub),
               "selectable subcomponent");
}

}  // namespace
}  // namespace vssmeta
