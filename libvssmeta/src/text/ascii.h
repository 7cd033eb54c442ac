// SPDX-License-Identifier: MIT
#pragma once
// ASCII case folding, the one the documents use: XML names, logical paths,
// writer names and file extensions compare without regard to the case of
// A-Z only; other bytes (UTF-8 included) compare as they are. Never depends
// on the C locale.

#include <cstddef>
#include <string_view>

namespace vssmeta::internal {

/// `c` with A-Z lowered; every other byte unchanged.
constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Whether `a` and `b` are equal ignoring the case of A-Z.
constexpr bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

}  // namespace vssmeta::internal
