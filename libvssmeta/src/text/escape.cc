// SPDX-License-Identifier: MIT
#include "text/escape.h"

#include <algorithm>
#include <array>
#include <iterator>

#include <fmt/format.h>

#include "text/utf8.h"

namespace vssmeta::internal {
namespace {

struct Range {
  std::uint32_t first;
  std::uint32_t last;
};

// General category Cf (Unicode 15.1), in order, and U+2028..U+2029 (Zl, Zp).
constexpr std::array<Range, 21> kInvisible{{
    {0x00AD, 0x00AD},   {0x0600, 0x0605},   {0x061C, 0x061C},
    {0x06DD, 0x06DD},   {0x070F, 0x070F},   {0x0890, 0x0891},
    {0x08E2, 0x08E2},   {0x180E, 0x180E},   {0x200B, 0x200F},
    {0x2028, 0x202E},   {0x2060, 0x2064},   {0x2066, 0x206F},
    {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD},
    {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3},
    {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
}};

}  // namespace

bool is_invisible_format(std::uint32_t cp) {
  if (cp < 0xAD) return false;  // the common case: ASCII and Latin-1
  // The last range that starts at or before `cp`.
  const auto after = std::upper_bound(
      kInvisible.begin(), kInvisible.end(), cp,
      [](std::uint32_t v, const Range& r) { return v < r.first; });
  return after != kInvisible.begin() && cp <= std::prev(after)->last;
}

std::string code_point_escape(std::uint32_t cp) {
  return cp > 0xFFFF ? fmt::format("\\U{:08x}", cp)
                     : fmt::format("\\u{:04x}", cp);
}

std::string escape_control(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  each_code_point(
      text,
      [&](std::string_view bytes, std::uint32_t cp) {
        if ((cp >= 0x80 && cp <= 0x9F) || is_invisible_format(cp)) {
          out += code_point_escape(cp);
        } else if (cp >= 0x20 && cp != 0x7F) {
          out += bytes;
        } else if (cp == '\r') {
          out += "\\r";
        } else if (cp == '\n') {
          out += "\\n";
        } else if (cp == '\t') {
          out += "\\t";
        } else {
          out += fmt::format("\\x{:02x}", cp);
        }
      },
      [&](std::string_view byte) { out += byte; });
  return out;
}

}  // namespace vssmeta::internal
