// SPDX-License-Identifier: MIT
// Matching: sort- and hash-based pairing, one-to-one leftovers (the keys
// are tested with their modules: text/, paths/, semantics/logical_path).
#include "diff/diff_match.h"

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

TEST(DiffMatch, CountOfNamesThePlural) {
  EXPECT_EQ(count_of(1, "writer"), "1 writer");
  EXPECT_EQ(count_of(0, "writer"), "0 writers");
}

TEST(DiffMatch, MatchKeysPairsEqualKeysInDocumentOrder) {
  const Matching m = match_keys({"b", "a", "c", "a"}, {"a", "d", "a", "b"});
  ASSERT_EQ(m.pairs.size(), 3U);
  EXPECT_EQ(m.pairs[0], std::make_pair(std::size_t{1}, std::size_t{0}));
  EXPECT_EQ(m.pairs[1], std::make_pair(std::size_t{3}, std::size_t{2}));
  EXPECT_EQ(m.pairs[2], std::make_pair(std::size_t{0}, std::size_t{3}));
  EXPECT_EQ(m.removed, std::vector<std::size_t>{2});
  EXPECT_EQ(m.added, std::vector<std::size_t>{1});
}

TEST(DiffMatch, MatchHashedConfirmsEqualHashesWithRealKeys) {
  // Hash 7 collides: old 0 ("a") and new 1 ("b") must not pair.
  const std::vector<std::string> ka = {"a", "c", "c"};
  const std::vector<std::string> kb = {"c", "b", "c", "d"};
  const Matching m = match_hashed(
      {7, 9, 9}, {9, 7, 9, 7},
      [&](std::size_t i, std::size_t j) { return ka[i] == kb[j]; },
      [&](bool old_side, std::size_t i) { return old_side ? ka[i] : kb[i]; });
  ASSERT_EQ(m.pairs.size(), 2U);
  EXPECT_EQ(m.pairs[0], std::make_pair(std::size_t{1}, std::size_t{0}));
  EXPECT_EQ(m.pairs[1], std::make_pair(std::size_t{2}, std::size_t{2}));
  EXPECT_EQ(m.removed, std::vector<std::size_t>{0});
  EXPECT_EQ(m.added, (std::vector<std::size_t>{1, 3}));
}

TEST(DiffMatch, MatchHashedLoneCollisionIsNotAPair) {
  const Matching m = match_hashed(
      {5}, {5}, [](std::size_t, std::size_t) { return false; },
      [](bool, std::size_t) { return std::string(); });
  EXPECT_TRUE(m.pairs.empty());
  EXPECT_EQ(m.removed.size(), 1U);
  EXPECT_EQ(m.added.size(), 1U);
}

TEST(DiffMatch, PairUniqueTakesOnlyOneToOneLeftovers) {
  Matching m;
  m.removed = {0, 1, 2};
  m.added = {0, 1, 2};
  const auto pairs = pair_unique(m, {"x", "y", "y"}, {"y", "x", "z"});
  ASSERT_EQ(pairs.size(), 1U);  // y is ambiguous on the old side
  EXPECT_EQ(pairs[0], std::make_pair(std::size_t{0}, std::size_t{1}));
  EXPECT_EQ(m.removed, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(m.added, (std::vector<std::size_t>{0, 2}));
  Matching empty;
  EXPECT_TRUE(pair_unique(empty, {}, {}).empty());
}

}  // namespace
}  // namespace vssmeta::internal
