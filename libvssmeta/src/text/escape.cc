// SPDX-License-Identifier: MIT
#include "text/escape.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
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

bool is_printable_ascii(std::string_view text) {
  // A word holds a byte below 0x20 when subtracting 0x20 from every byte
  // borrows into a byte whose top bit was clear, and one above 0x7E when
  // adding 1 sets a top bit or one is set already: both tests are exact for
  // the word as a whole (a borrow or carry only spreads above a hit).
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = kOnes * 0x80;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const std::uint64_t below = (w - kOnes * 0x20) & ~w & kHigh;
    const std::uint64_t above = ((w + kOnes) | w) & kHigh;
    if ((below | above) != 0) return false;
  }
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
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
