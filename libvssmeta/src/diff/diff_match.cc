// SPDX-License-Identifier: MIT
#include "diff/diff_match.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "algo/radix_sort.h"

namespace vssmeta::internal {

std::string count_of(std::size_t n, const char* noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

namespace {

std::vector<std::size_t> sorted_order(const std::vector<std::string>& keys) {
  std::vector<std::size_t> order(keys.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const int c = keys[x].compare(keys[y]);
    return c != 0 ? c < 0 : x < y;
  });
  return order;
}

}  // namespace

Matching match_keys(const std::vector<std::string>& old_keys,
                    const std::vector<std::string>& new_keys) {
  const auto a = sorted_order(old_keys);
  const auto b = sorted_order(new_keys);
  Matching m;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && old_keys[a[i]] < new_keys[b[j]])) {
      m.removed.push_back(a[i++]);
    } else if (i == a.size() || new_keys[b[j]] < old_keys[a[i]]) {
      m.added.push_back(b[j++]);
    } else {
      m.pairs.emplace_back(a[i++], b[j++]);
    }
  }
  return m;
}

namespace {

// `hash << 32 | index` for every index of `hashes`, sorted: the radix sort
// is stable and the indexes go in ascending, so equal hashes stay in index
// order, and the whole values come out sorted, in linear time.
std::vector<std::uint64_t> sorted_by_hash(
    const std::vector<std::uint32_t>& hashes) {
  std::vector<std::uint64_t> v(hashes.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    v[i] = std::uint64_t{hashes[i]} << 32 | static_cast<std::uint32_t>(i);
  }
  return radix_sorted_by(std::move(v), [](std::uint64_t x) {
    return static_cast<std::uint32_t>(x >> 32);
  });
}

std::uint32_t hash_of(std::uint64_t entry) {
  return static_cast<std::uint32_t>(entry >> 32);
}
std::size_t index_of(std::uint64_t entry) {
  return static_cast<std::uint32_t>(entry);
}

}  // namespace

Matching match_hashed(
    const std::vector<std::uint32_t>& old_hashes,
    const std::vector<std::uint32_t>& new_hashes,
    const std::function<bool(std::size_t, std::size_t)>& equal,
    const std::function<std::string(bool, std::size_t)>& key) {
  const auto a = sorted_by_hash(old_hashes);
  const auto b = sorted_by_hash(new_hashes);
  // Whether the runs a[i, i + n) and b[j, j + n) (in index order) are equal
  // element by element.
  const auto equal_in_order = [&](std::size_t i, std::size_t j, std::size_t n) {
    for (std::size_t x = 0; x < n; ++x) {
      if (!equal(index_of(a[i + x]), index_of(b[j + x]))) return false;
    }
    return true;
  };
  // Lone pairs of one hash, confirmed with `equal` after the merge in
  // document order: reading both lists front to back, not in hash order.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> lone(old_hashes.size(), kNone);
  Matching m;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && hash_of(a[i]) < hash_of(b[j]))) {
      m.removed.push_back(index_of(a[i++]));
    } else if (i == a.size() || hash_of(b[j]) < hash_of(a[i])) {
      m.added.push_back(index_of(b[j++]));
    } else {
      // A run of one hash on both sides: almost always one element each,
      // confirmed with `equal`. Longer runs (repeated keys, collisions) are
      // paired in order when every such pair is equal, else matched by
      // their real keys, sorted: never all against all.
      const std::uint32_t h = hash_of(a[i]);
      std::size_t ie = i;
      std::size_t je = j;
      while (ie < a.size() && hash_of(a[ie]) == h) ++ie;
      while (je < b.size() && hash_of(b[je]) == h) ++je;
      if (ie - i == 1 && je - j == 1) {
        lone[index_of(a[i])] = index_of(b[j]);
      } else if (ie - i == je - j && equal_in_order(i, j, ie - i)) {
        // Both sides repeat the same keys in the same order (an unchanged
        // list naming a file set more than once): what the sorted keys
        // would pair, without building them.
        for (std::size_t x = 0; x < ie - i; ++x) {
          m.pairs.emplace_back(index_of(a[i + x]), index_of(b[j + x]));
        }
      } else {
        std::vector<std::string> ra;
        std::vector<std::string> rb;
        for (std::size_t x = i; x < ie; ++x)
          ra.push_back(key(true, index_of(a[x])));
        for (std::size_t y = j; y < je; ++y)
          rb.push_back(key(false, index_of(b[y])));
        const Matching run = match_keys(ra, rb);
        for (auto [x, y] : run.pairs) {
          m.pairs.emplace_back(index_of(a[i + x]), index_of(b[j + y]));
        }
        for (std::size_t x : run.removed)
          m.removed.push_back(index_of(a[i + x]));
        for (std::size_t y : run.added) m.added.push_back(index_of(b[j + y]));
      }
      i = ie;
      j = je;
    }
  }
  for (std::size_t x = 0; x < lone.size(); ++x) {
    const std::size_t y = lone[x];
    if (y == kNone) continue;
    if (equal(x, y)) {
      m.pairs.emplace_back(x, y);
    } else {
      m.removed.push_back(x);
      m.added.push_back(y);
    }
  }
  return m;
}

std::vector<std::pair<std::size_t, std::size_t>> pair_unique(
    Matching& m, const std::vector<std::string>& old_keys,
    const std::vector<std::string>& new_keys) {
  if (m.removed.empty() || m.added.empty()) return {};
  std::vector<std::string> a;
  std::vector<std::string> b;
  for (std::size_t i : m.removed) a.push_back(old_keys[i]);
  for (std::size_t j : m.added) b.push_back(new_keys[j]);
  Matching coarse = match_keys(a, b);
  std::vector<bool> taken_a(a.size());
  std::vector<bool> taken_b(b.size());
  // Keep only coarse keys that occur once on each side.
  std::map<std::string_view, std::pair<std::size_t, std::size_t>> counts;
  for (const auto& k : a) ++counts[k].first;
  for (const auto& k : b) ++counts[k].second;
  std::vector<std::pair<std::size_t, std::size_t>> unique;
  for (auto [x, y] : coarse.pairs) {
    const auto& c = counts[a[x]];
    if (c.first != 1 || c.second != 1) continue;
    taken_a[x] = taken_b[y] = true;
    unique.emplace_back(m.removed[x], m.added[y]);
  }
  std::vector<std::size_t> removed;
  std::vector<std::size_t> added;
  for (std::size_t x = 0; x < a.size(); ++x) {
    if (!taken_a[x]) removed.push_back(m.removed[x]);
  }
  for (std::size_t y = 0; y < b.size(); ++y) {
    if (!taken_b[y]) added.push_back(m.added[y]);
  }
  m.removed = std::move(removed);
  m.added = std::move(added);
  return unique;
}

}  // namespace vssmeta::internal
