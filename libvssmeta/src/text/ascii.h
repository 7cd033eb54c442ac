// SPDX-License-Identifier: MIT
#pragma once
// ASCII case folding, the one the documents use: XML names, logical paths,
// writer names, Windows paths and file extensions compare without regard to
// the case of A-Z only; other bytes (UTF-8 included) compare as they are.
// Never depends on the C locale. The one home of case folding: no other
// file lowers or compares case-insensitively by itself.

#include <cstddef>
#include <cstdint>
#include <string>
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

/// Whether `a` sorts before `b` with A-Z lowered, bytes compared unsigned:
/// the order of fold(a) and fold(b), without building them.
constexpr bool iless(std::string_view a, std::string_view b) {
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(ascii_lower(a[i]));
    const auto y = static_cast<unsigned char>(ascii_lower(b[i]));
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

/// The first eight bytes of `text` with A-Z lowered, as one big-endian
/// number, zero-padded: keys that sort like iless() without reading the
/// strings again. A smaller key means iless(); equal keys say nothing
/// (compare the strings).
constexpr std::uint64_t iless_key(std::string_view text) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    key <<= 8;
    if (i < text.size())
      key |= static_cast<unsigned char>(ascii_lower(text[i]));
  }
  return key;
}

/// Whether `text` starts with `prefix`, ignoring the case of A-Z.
constexpr bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         iequals(text.substr(0, prefix.size()), prefix);
}

/// Appends `text` with A-Z lowered to `out`.
inline void append_folded(std::string_view text, std::string& out) {
  const std::size_t at = out.size();
  out.resize(at + text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    out[at + i] = ascii_lower(text[i]);
  }
}

/// `text` with A-Z lowered.
inline std::string fold(std::string_view text) {
  std::string out;
  append_folded(text, out);
  return out;
}

/// ascii_lower() applied to the eight bytes of a word at once: a byte in
/// 'A'..'Z' gets its 0x20 bit set; every other byte (non-ASCII included) is
/// unchanged. For hashing and comparing long strings a word at a time.
constexpr std::uint64_t fold_word(std::uint64_t x) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = kOnes * 0x80;
  const std::uint64_t low7 = x & ~kHigh;
  const std::uint64_t at_least_a = low7 + kOnes * (0x80 - 'A');
  const std::uint64_t above_z = low7 + kOnes * (0x80 - 'Z' - 1);
  const std::uint64_t upper = at_least_a & ~above_z & ~x & kHigh;
  return x | (upper >> 2);
}

/// "WM2.xml" < "WM10.xml": runs of digits compare as numbers (leading zeros
/// ignored, then the shorter spelling first), everything else byte by byte
/// ignoring the case of A-Z, bytes as unsigned; a strict weak order that
/// falls back to plain byte order for texts equal so far.
bool natural_less(std::string_view a, std::string_view b);

}  // namespace vssmeta::internal
