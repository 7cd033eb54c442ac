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

// 4,000 components, each nested under the one before (L3, L6, ... not
// selectable): every ancestor is found, nearest first, and the closure of
// the top one reaches the bottom.
TEST(DeepChain, AncestorsClassesAndClosureReachTheBottom) {
  const WriterMetadata w = testing::chain_writer(4000);
  const ComponentIndex index(w);
  ASSERT_EQ(index.size(), 4000U);
  const auto& bottom = index.ancestors(3999);
  ASSERT_EQ(bottom.size(), 3999U);
  EXPECT_EQ(bottom.front(), 3998U);
  EXPECT_EQ(bottom.back(), 0U);
  EXPECT_TRUE(index.ancestors(0).empty());
  EXPECT_EQ(index.backup_class(0), BackupClass::kOptionalTop);
  EXPECT_EQ(index.backup_class(1), BackupClass::kSelectableSub);
  EXPECT_EQ(index.backup_class(2), BackupClass::kNonselectableSub);
  EXPECT_EQ(index.nearest_selectable_ancestor(3999), 3997U);
  std::string upper = *w.components[3999].logical_path;
  for (char& c : upper) c = c == 'L' ? 'l' : c;
  EXPECT_EQ(index.find(upper, "l4000"), std::vector<std::size_t>{3999});
  EXPECT_TRUE(index.find(upper, "L3999").empty());

  const InclusionResult all = compute_inclusion(index, {0});
  EXPECT_EQ(all.count(Inclusion::kImplicit), 3999U);
  EXPECT_EQ(all.defining[3999], 0U);
  const InclusionResult middle = compute_inclusion(index, {2001});
  EXPECT_EQ(middle.count(Inclusion::kNone), 2001U);
  EXPECT_EQ(middle.count(Inclusion::kImplicit), 1998U);
  EXPECT_EQ(middle.defining[3999], 2001U);
  // L2001 is not selectable: it brings nothing in.
  EXPECT_EQ(compute_inclusion(index, {2000}).count(Inclusion::kImplicit), 0U);
}

// A missing middle component breaks no ancestry below it.
TEST(DeepChain, AnUndeclaredElementIsSkipped) {
  const WriterMetadata w = testing::chain_writer(4000, 1999);
  const ComponentIndex index(w);
  ASSERT_EQ(index.size(), 3999U);
  EXPECT_EQ(index.ancestors(3998).size(), 3998U);
  EXPECT_EQ(index.ancestors(1999).front(), 1998U);  // L2001 over L1999
  EXPECT_TRUE(index.find(*w.components[1998].logical_path, "L2000").empty());
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
