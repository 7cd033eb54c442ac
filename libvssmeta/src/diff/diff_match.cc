// SPDX-License-Identifier: MIT
#include "diff/diff_match.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

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

Matching match_hashed(
    const std::vector<std::uint64_t>& old_hashes,
    const std::vector<std::uint64_t>& new_hashes,
    const std::function<bool(std::size_t, std::size_t)>& equal,
    const std::function<std::string(bool, std::size_t)>& key) {
  auto order = [](const std::vector<std::uint64_t>& h) {
    std::vector<std::pair<std::uint64_t, std::size_t>> o(h.size());
    for (std::size_t i = 0; i < h.size(); ++i) o[i] = {h[i], i};
    std::sort(o.begin(), o.end());
    return o;
  };
  const auto a = order(old_hashes);
  const auto b = order(new_hashes);
  // Lone pairs of one hash, confirmed with `equal` after the merge in
  // document order: reading both lists front to back, not in hash order.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> lone(old_hashes.size(), kNone);
  Matching m;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
      m.removed.push_back(a[i++].second);
    } else if (i == a.size() || b[j].first < a[i].first) {
      m.added.push_back(b[j++].second);
    } else {
      // A run of one hash on both sides: almost always one element each,
      // confirmed with `equal`. Longer runs (repeated keys, collisions) are
      // matched by their real keys, sorted: never pairwise.
      const std::uint64_t h = a[i].first;
      std::size_t ie = i;
      std::size_t je = j;
      while (ie < a.size() && a[ie].first == h) ++ie;
      while (je < b.size() && b[je].first == h) ++je;
      if (ie - i == 1 && je - j == 1) {
        lone[a[i].second] = b[j].second;
      } else {
        std::vector<std::string> ra;
        std::vector<std::string> rb;
        for (std::size_t x = i; x < ie; ++x)
          ra.push_back(key(true, a[x].second));
        for (std::size_t y = j; y < je; ++y)
          rb.push_back(key(false, b[y].second));
        const Matching run = match_keys(ra, rb);
        for (auto [x, y] : run.pairs) {
          m.pairs.emplace_back(a[i + x].second, b[j + y].second);
        }
        for (std::size_t x : run.removed) m.removed.push_back(a[i + x].second);
        for (std::size_t y : run.added) m.added.push_back(b[j + y].second);
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
