// SPDX-License-Identifier: MIT
#pragma once
// Stable sorting by a 32-bit key in linear time, for the hashes of hundreds
// of thousands of file sets (validate's WMD023, diff's file lists).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace vssmeta::internal {

/// `in` sorted by `key(element)` (a std::uint32_t), elements with equal keys
/// in their order in `in`: an LSD radix sort, 11 bits per pass, reading and
/// writing memory in order; std::stable_sort for a few hundred elements or
/// fewer, where the passes' counters would cost more than the sort.
template <typename T, typename Key>
std::vector<T> radix_sorted_by(std::vector<T> in, Key key) {
  constexpr std::size_t kSmall = 256;
  if (in.size() <= kSmall) {
    std::stable_sort(in.begin(), in.end(), [&](const T& a, const T& b) {
      return static_cast<std::uint32_t>(key(a)) <
             static_cast<std::uint32_t>(key(b));
    });
    return in;
  }
  constexpr unsigned kBits = 11;
  constexpr std::uint32_t kMask = (1U << kBits) - 1;
  std::vector<T> out(in.size());
  std::vector<std::size_t> start(kMask + 2);
  for (unsigned shift = 0; shift < 32; shift += kBits) {
    std::fill(start.begin(), start.end(), 0);
    for (const T& e : in) {
      ++start[((static_cast<std::uint32_t>(key(e)) >> shift) & kMask) + 1];
    }
    for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    for (const T& e : in) {
      out[start[(static_cast<std::uint32_t>(key(e)) >> shift) & kMask]++] = e;
    }
    in.swap(out);
  }
  return in;
}

}  // namespace vssmeta::internal
