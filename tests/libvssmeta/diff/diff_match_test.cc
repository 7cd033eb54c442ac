// SPDX-License-Identifier: MIT
// Matching: sort- and hash-based pairing, one-to-one leftovers (the keys
// are tested with their modules: text/, paths/, semantics/logical_path).
#include "diff/diff_match.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

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

TEST(DiffMatch, MatchHashedRunsPairInOrderOnlyWhenEveryPairIsEqual) {
  // One hash for all: the run on each side is the whole list.
  const std::vector<std::string> same = {"x", "y", "x"};
  std::size_t keys_built = 0;
  auto run = [&](const std::vector<std::string>& ka,
                 const std::vector<std::string>& kb) {
    return match_hashed(
        std::vector<std::uint32_t>(ka.size(), 3),
        std::vector<std::uint32_t>(kb.size(), 3),
        [&](std::size_t i, std::size_t j) { return ka[i] == kb[j]; },
        [&](bool old_side, std::size_t i) {
          ++keys_built;
          return old_side ? ka[i] : kb[i];
        });
  };
  const Matching in_order = run(same, same);
  using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;
  EXPECT_EQ(in_order.pairs, (Pairs{{0, 0}, {1, 1}, {2, 2}}));
  EXPECT_EQ(keys_built, 0U);
  // The same keys in another order: paired by key, not by position.
  Matching moved = run({"x", "y", "x"}, {"y", "x", "x"});
  std::sort(moved.pairs.begin(), moved.pairs.end());
  EXPECT_EQ(moved.pairs, (Pairs{{0, 1}, {1, 0}, {2, 2}}));
  EXPECT_TRUE(moved.removed.empty());
  EXPECT_TRUE(moved.added.empty());
  EXPECT_EQ(keys_built, 6U);
}

TEST(DiffMatch, MatchHashedAgreesWithMatchKeysOnLongLists) {
  // Long enough for the radix sort, with repeated keys and hashes that
  // collide often and differ in every byte.
  std::vector<std::string> ka;
  std::vector<std::string> kb;
  for (int i = 0; i < 900; ++i) ka.push_back("k" + std::to_string(i % 600));
  for (int j = 0; j < 1000; ++j) {
    kb.push_back("k" + std::to_string((j * 7) % 700));
  }
  auto hashes = [](const std::vector<std::string>& keys) {
    std::vector<std::uint32_t> out;
    for (const std::string& k : keys) {
      out.push_back(static_cast<std::uint32_t>(std::hash<std::string>{}(k)) &
                    0xE100F00FU);
    }
    return out;
  };
  Matching m = match_hashed(
      hashes(ka), hashes(kb),
      [&](std::size_t i, std::size_t j) { return ka[i] == kb[j]; },
      [&](bool old_side, std::size_t i) { return old_side ? ka[i] : kb[i]; });
  Matching expected = match_keys(ka, kb);
  for (Matching* x : {&m, &expected}) {
    std::sort(x->pairs.begin(), x->pairs.end());
    std::sort(x->removed.begin(), x->removed.end());
    std::sort(x->added.begin(), x->added.end());
  }
  // k0, k7, ... k595 on both sides; those below k300 twice on the old one.
  EXPECT_EQ(expected.pairs.size(), 129U);
  EXPECT_EQ(m.pairs, expected.pairs);
  EXPECT_EQ(m.removed, expected.removed);
  EXPECT_EQ(m.added, expected.added);
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
