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

TEST(AppendLogicalKey, RecordsTheAncestorsAndJoinsToWhatIsThere) {
  std::string out;
  std::vector<std::size_t> ends;
  append_logical_key("\\Sql\\\\Inst\\", out, &ends);
  EXPECT_EQ(out, "sql\\inst");
  EXPECT_THAT(ends, ElementsAre(3U, 8U));
  append_logical_key("DB", out);
  EXPECT_EQ(out, "sql\\inst\\db");
}

TEST(ComponentKey, IsTheLogicalPathKeyThenTheFoldedName) {
  EXPECT_EQ(component_key(std::nullopt, "Boot"), "boot");
  EXPECT_EQ(component_key(std::string(), "Boot"), "boot");
  EXPECT_EQ(component_key(std::string("\\Volumes\\"), "C:"), "volumes\\c:");
  EXPECT_EQ(component_key(std::string("a\\\\B"), "C"),
            component_key(std::string("A\\b\\"), "c"));
  std::vector<std::size_t> ends;
  EXPECT_EQ(component_key(std::string("x\\y"), "z", &ends), "x\\y\\z");
  EXPECT_THAT(ends, ElementsAre(1U, 3U));  // the name is no ancestor
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

}  // namespace
}  // namespace vssmeta::internal
