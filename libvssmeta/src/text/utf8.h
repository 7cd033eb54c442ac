// SPDX-License-Identifier: MIT
#pragma once
// The one UTF-8 decoder: every escaper that treats text as code points
// (one-line output, Graphviz and Mermaid labels) walks text with it.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vssmeta::internal {

/// Calls `good(bytes, code_point)` per valid UTF-8 sequence and
/// `bad(byte)` per byte that starts none (`byte` is that one byte). Overlong
/// forms, surrogates, code points above U+10FFFF and truncated sequences are
/// invalid.
template <typename Good, typename Bad>
void each_code_point(std::string_view s, Good good, Bad bad) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<std::uint8_t>(s[i]);
    std::size_t len = 0;
    std::uint32_t min = 0;
    if (b < 0x80) {
      len = 1;
    } else if ((b & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    }
    bool ok = len != 0 && i + len <= s.size();
    std::uint32_t cp = len == 1 ? b : (b & (0x7FU >> len));
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto c = static_cast<std::uint8_t>(s[i + k]);
      ok = (c & 0xC0) == 0x80;
      cp = (cp << 6) | (c & 0x3FU);
    }
    ok = ok && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    if (ok) {
      good(s.substr(i, len), cp);
      i += len;
    } else {
      bad(s.substr(i, 1));
      ++i;
    }
  }
}

/// U+FFFD REPLACEMENT CHARACTER in UTF-8.
inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

}  // namespace vssmeta::internal
