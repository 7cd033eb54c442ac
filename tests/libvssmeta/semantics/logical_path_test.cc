// SPDX-License-Identifier: MIT
// Logical paths: splitting, keys, exact spelling, ancestry at element
// boundaries.
#include "semantics/logical_path.h"

#include <optional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "vssmeta/hierarchy.h"

namespace vssmeta::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(LogicalElements, DropsEmptyElementsAndKeepsSpelling) {
  EXPECT_THAT(logical_elements(""), IsEmpty());
  EXPECT_THAT(logical_elements("\\"), IsEmpty());
  EXPECT_THAT(logical_elements("A"), ElementsAre("A"));
  EXPECT_THAT(logical_elements("\\A\\\\B\\"), ElementsAre("A", "B"));
  EXPECT_THAT(logical_elements("WIN-X\\SQL2017"),
              ElementsAre("WIN-X", "SQL2017"));
  // `/` is no separator in a logical path.
  EXPECT_THAT(logical_elements("a/b\\c"), ElementsAre("a/b", "c"));
  // The public split_logical_path() is the same split.
  EXPECT_THAT(split_logical_path("\\A\\\\B\\"), ElementsAre("A", "B"));
}

TEST(LogicalKey, FoldsAndJoinsTheElements) {
  EXPECT_EQ(logical_key(""), "");
  EXPECT_EQ(logical_key("\\\\"), "");
  EXPECT_EQ(logical_key("\\Host\\Inst\\"), "host\\inst");
  EXPECT_EQ(logical_key("A\\\\B"), logical_key("a\\b"));
  EXPECT_EQ(logical_key("a/B"), "a/b");
  EXPECT_EQ(logical_key("\xC3\x89T\xC3\x89\\X"), "\xC3\x89t\xC3\x89\\x");
}

TEST(AppendLogicalKey, JoinsToWhatIsThere) {
  std::string out;
  append_logical_key("\\Sql\\\\Inst\\", out);
  EXPECT_EQ(out, "sql\\inst");
  append_logical_key("DB", out);
  EXPECT_EQ(out, "sql\\inst\\db");
}

TEST(ComponentKey, IsTheLogicalPathKeyThenTheFoldedName) {
  EXPECT_EQ(component_key(std::nullopt, "Boot"), "boot");
  EXPECT_EQ(component_key(std::string(), "Boot"), "boot");
  EXPECT_EQ(component_key(std::string("\\Volumes\\"), "C:"), "volumes\\c:");
  EXPECT_EQ(component_key(std::string("a\\\\B"), "C"),
            component_key(std::string("A\\b\\"), "c"));
  EXPECT_EQ(component_key(std::string("x\\y"), "z"), "x\\y\\z");
  EXPECT_EQ(component_key(std::nullopt, ""), "");
}

TEST(ExactComponentPath, DropsEmptyElementsButKeepsCase) {
  EXPECT_EQ(exact_component_path(std::nullopt, "Boot"), "Boot");
  EXPECT_EQ(exact_component_path(std::string("\\A\\\\B\\"), "C"), "A\\B\\C");
  EXPECT_NE(exact_component_path(std::string("a"), "b"),
            exact_component_path(std::string("A"), "b"));
}

TEST(IsAtOrUnder, ComparesAtElementBoundaries) {
  EXPECT_TRUE(is_at_or_under("a\\b", "a\\b"));
  EXPECT_TRUE(is_at_or_under("a\\b\\c", "a\\b"));
  EXPECT_FALSE(is_at_or_under("a\\bc", "a\\b"));
  EXPECT_FALSE(is_at_or_under("a", "a\\b"));
  EXPECT_TRUE(is_at_or_under("a", ""));
  EXPECT_TRUE(is_at_or_under("", ""));
  EXPECT_FALSE(is_at_or_under("", "a"));
}

TEST(IsUnder, ExcludesThePathItself) {
  EXPECT_FALSE(is_under("a\\b", "a\\b"));
  EXPECT_TRUE(is_under("a\\b\\c", "a\\b"));
  EXPECT_FALSE(is_under("a\\bc", "a\\b"));
  EXPECT_TRUE(is_under("a", ""));
  EXPECT_FALSE(is_under("", ""));
}

TEST(PathTree, OneNodePerKey) {
  PathTree t;
  const PathTree::Node ab = t.add_logical("\\A\\\\b\\");
  EXPECT_EQ(t.add_logical("a\\B"), ab);
  EXPECT_EQ(t.find_logical("A\\B"), ab);
  EXPECT_EQ(t.size(), 3U);  // the root, a, a\b
  EXPECT_EQ(t.find_logical(""), PathTree::kRoot);
  EXPECT_EQ(t.find_logical("a\\c"), std::nullopt);
  EXPECT_EQ(t.find_logical("ab"), std::nullopt);
  const PathTree::Node e_acute = t.add_logical("\xC3\xA9");
  EXPECT_EQ(t.find_logical("\xC3\xA9"), e_acute);
  EXPECT_EQ(t.find_logical("\xC3\x89"), std::nullopt);  // no fold beyond A-Z
  EXPECT_EQ(t.parent(ab), *t.find_logical("a"));
  EXPECT_EQ(t.parent(*t.find_logical("a")), PathTree::kRoot);
  EXPECT_EQ(t.parent(PathTree::kRoot), PathTree::kRoot);
}

// A component's node is that of its key: the name is split at every
// backslash, like the key string it stands for.
TEST(PathTree, ComponentNodesAreTheKeysNodes) {
  PathTree t;
  PathTree::Node logical = 0;
  const PathTree::Node abc =
      t.add_component(std::string("A"), "B\\C", &logical);
  EXPECT_EQ(logical, *t.find_logical("a"));
  EXPECT_EQ(t.find_logical("a\\b\\c"), abc);
  EXPECT_EQ(t.find_component(std::string("a\\b"), "c"), abc);
  EXPECT_EQ(t.find_component(std::nullopt, "A\\B\\C"), abc);
  // A doubled backslash in a name keeps an empty element: another key.
  const PathTree::Node empty = t.add_component(std::nullopt, "a\\\\b");
  EXPECT_NE(empty, *t.find_logical("a\\b"));
  EXPECT_EQ(t.find_component(std::string(), "a\\\\b"), empty);
  EXPECT_EQ(t.find_component(std::nullopt, "a\\b\\x"), std::nullopt);
  // The empty name is a node too, below the root.
  EXPECT_NE(t.add_component(std::nullopt, ""), PathTree::kRoot);
}

// A cursor takes over whole shared elements only: "A\\B" does not start
// "A\\BC", and a case change is a new walk to the same node.
TEST(PathTree, CursorReusesWholeSharedElements) {
  PathTree t;
  PathTree::Cursor c;
  const PathTree::Node ab = t.add_logical("A\\B", c);
  EXPECT_EQ(c.reused, 0U);
  const PathTree::Node abc = t.add_logical("A\\B\\\\C", c);
  EXPECT_EQ(t.find_logical("a\\b\\c"), abc);
  EXPECT_EQ(c.reused, 2U);
  ASSERT_EQ(c.elements.size(), 3U);
  EXPECT_EQ(c.elements[2].first, 6U);
  const PathTree::Node a_bc = t.add_logical("A\\BC", c);
  EXPECT_EQ(t.find_logical("a\\bc"), a_bc);
  EXPECT_EQ(c.reused, 1U);
  EXPECT_EQ(t.add_logical("a\\b", c), ab);
  EXPECT_EQ(c.reused, 0U);
  EXPECT_EQ(t.add_logical("", c), PathTree::kRoot);
  EXPECT_TRUE(c.elements.empty());
}

}  // namespace
}  // namespace vssmeta::internal
