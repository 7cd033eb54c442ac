// SPDX-License-Identifier: MIT
#pragma once
// Matching for the diff engine: sort- or hash-based pairing of two key
// lists (n log n; never pairwise). The keys come from text/ascii.h,
// paths/windows_path.h and semantics/logical_path.h.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vssmeta::internal {

// "1 component", "2 components".
std::string count_of(std::size_t n, const char* noun);

// The result of matching two key lists: index pairs, then the indexes left
// on either side, each in ascending key order (then document order).
struct Matching {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> removed;  // into the old list
  std::vector<std::size_t> added;    // into the new list
};
// Sorts both key lists and merges them: equal keys pair up in document
// order. O(n log n).
Matching match_keys(const std::vector<std::string>& old_keys,
                    const std::vector<std::string>& new_keys);
// The same over 32-bit hashes of the keys (cheaper to sort than long
// strings with common prefixes: a radix sort, linear). `equal(i, j)`, true
// exactly when the two keys are equal, confirms a lone pair with equal
// hashes; longer runs of one hash (repeated keys, collisions) are paired in
// document order when `equal` holds for each pair so taken (the same pairs
// the sorted keys give), else matched by `key(is_old_side, index)`,
// sorted. So a collision never pairs different keys, and repeated keys
// never cost more than n log n. Pairs and leftovers come in no particular
// order (hash order, then the lone pairs in document order). Each list
// holds fewer than 2^32 hashes.
Matching match_hashed(
    const std::vector<std::uint32_t>& old_hashes,
    const std::vector<std::uint32_t>& new_hashes,
    const std::function<bool(std::size_t, std::size_t)>& equal,
    const std::function<std::string(bool, std::size_t)>& key);
// Pairs leftovers of a first matching by a coarser key, but only where that
// key occurs exactly once on each side; the pairs move out of `m.removed`
// and `m.added` into the result.
std::vector<std::pair<std::size_t, std::size_t>> pair_unique(
    Matching& m, const std::vector<std::string>& old_keys,
    const std::vector<std::string>& new_keys);

}  // namespace vssmeta::internal
