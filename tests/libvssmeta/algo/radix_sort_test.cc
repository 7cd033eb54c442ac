// SPDX-License-Identifier: MIT
#include "algo/radix_sort.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

using Entry = std::pair<std::uint32_t, std::size_t>;  // key, original index

// Keys spread over all 32 bits, many of them repeated, for sizes on both
// sides of the switch from std::stable_sort to the radix passes.
std::vector<Entry> entries(std::size_t n) {
  std::vector<Entry> v;
  std::uint32_t x = 12345;
  for (std::size_t i = 0; i < n; ++i) {
    x = x * 1103515245U + 12345U;
    v.emplace_back((x >> 16) % 97 * 0x2A3B4C5DU, i);
  }
  return v;
}

TEST(RadixSortedBy, SortsByTheKeyKeepingTheOrderOfEqualKeys) {
  for (std::size_t n : {0U, 1U, 2U, 255U, 256U, 257U, 5000U}) {
    SCOPED_TRACE(n);
    const std::vector<Entry> in = entries(n);
    std::vector<Entry> expected = in;
    std::stable_sort(
        expected.begin(), expected.end(),
        [](const Entry& a, const Entry& b) { return a.first < b.first; });
    EXPECT_EQ(radix_sorted_by(in, [](const Entry& e) { return e.first; }),
              expected);
  }
}

TEST(RadixSortedBy, ReadsEveryBitOfTheKey) {
  std::vector<std::uint32_t> in;
  for (std::uint32_t bit = 0; bit < 32; ++bit) {
    for (int k = 0; k < 20; ++k) in.push_back(std::uint32_t{1} << (31 - bit));
  }
  in.push_back(0);
  const auto sorted = radix_sorted_by(in, [](std::uint32_t x) { return x; });
  EXPECT_TRUE(std::is_sorted(sorted.begin(), sorted.end()));
  EXPECT_EQ(sorted.front(), 0U);
  EXPECT_EQ(sorted.back(), 0x80000000U);
}

}  // namespace
}  // namespace vssmeta::internal
