// SPDX-License-Identifier: MIT
#include "load/decode.h"

#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "load/large_pages.h"
#include "load/line_counter.h"

namespace vssmeta::internal {
namespace {

Error decode_error(const std::string& source, std::string_view decoded,
                   std::size_t offset, std::string message) {
  LineCounter lines(decoded);
  Origin o = lines.at(offset);
  return Error{ErrorCode::kMalformedXml, std::move(message),
               Location{source, o.line, o.column}};
}

// Length of the valid UTF-8 sequence at p, or 0 if invalid.
std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
  unsigned char c = p[0];
  std::size_t len = 0;
  char32_t min = 0;
  char32_t cp = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
    cp = c & 0x1FU;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
    cp = c & 0x0FU;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
    cp = c & 0x07U;
  } else
    return 0;
  if (static_cast<std::size_t>(end - p) < len) return 0;
  for (std::size_t i = 1; i < len; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3FU);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool has_zero_or_high_byte(std::uint64_t w) {
  constexpr std::uint64_t kLow = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  return ((w - kLow) & ~w & kHigh) != 0 || (w & kHigh) != 0;
}

// Offset of the first invalid byte or NUL, or npos when `text` is valid.
std::size_t find_invalid_utf8(std::string_view text, bool& is_nul,
                              bool& ascii) {
  ascii = true;
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  const auto* p = begin;
  while (p < end) {
#if defined(__SSE2__)
    // Fast path: 32 ASCII bytes at a time, none of them NUL; SSE2 (every
    // x86-64) tests 16 bytes in a few instructions.
    while (end - p >= 32) {
      const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i b =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
      const __m128i zero = _mm_setzero_si128();
      const __m128i nul =
          _mm_or_si128(_mm_cmpeq_epi8(a, zero), _mm_cmpeq_epi8(b, zero));
      if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), nul)) != 0) {
        break;
      }
      p += 32;
    }
#else
    // Fast path: 32 ASCII bytes at a time, none of them NUL.
    while (end - p >= 32) {
      std::uint64_t w[4];
      std::memcpy(w, p, 32);
      if (has_zero_or_high_byte(w[0]) || has_zero_or_high_byte(w[1]) ||
          has_zero_or_high_byte(w[2]) || has_zero_or_high_byte(w[3])) {
        break;
      }
      p += 32;
    }
#endif
    if (p == end) break;
    if (end - p >= 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, p, 8);
      if (!has_zero_or_high_byte(w)) {
        p += 8;
        continue;
      }
    }
    if (*p == 0) {
      is_nul = true;
      return static_cast<std::size_t>(p - begin);
    }
    std::size_t n = utf8_sequence(p, end);
    ascii &= n == 1;
    if (n == 0) {
      is_nul = false;
      return static_cast<std::size_t>(p - begin);
    }
    p += n;
  }
  return std::string_view::npos;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

Result<DecodedText> decode_input(std::string_view bytes,
                                 const std::string& source) {
  DecodedText result;
  const auto* u = reinterpret_cast<const unsigned char*>(bytes.data());
  bool utf16 = false;
  bool big_endian = false;
  std::size_t skip = 0;
  if (bytes.size() >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    result.byte_order_mark = true;
    skip = 3;
  } else if (bytes.size() >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
    utf16 = true;
    result.byte_order_mark = true;
    skip = 2;
  } else if (bytes.size() >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
    utf16 = big_endian = true;
    result.byte_order_mark = true;
    skip = 2;
  } else if (bytes.size() >= 2 && u[0] != 0 && u[1] == 0) {
    // `<\0`: UTF-16LE without BOM (diskshadow's Manifest.xml, vshadow's
    // and BETest's saved documents)
    utf16 = true;
  } else if (bytes.size() >= 2 && u[0] == 0 && u[1] != 0) {
    utf16 = big_endian = true;
  }

  if (!utf16) {
    std::string_view text = bytes.substr(skip);
    bool is_nul = false;
    bool ascii = true;
    std::size_t bad = find_invalid_utf8(text, is_nul, ascii);
    if (bad != std::string_view::npos) {
      std::string what =
          is_nul ? std::string("NUL character: this is not a text file")
                 : fmt::format("invalid UTF-8 byte 0x{:02X}",
                               static_cast<unsigned>(
                                   static_cast<unsigned char>(text[bad])));
      return decode_error(source, text, bad, what);
    }
    result.view_ = text;
    result.ascii = ascii;
    return result;
  }

  result.encoding = big_endian ? Encoding::kUtf16Be : Encoding::kUtf16Le;
  result.owned_ = true;
  std::string& out = result.storage_;
  out.reserve((bytes.size() - skip) / 2 + 16);
  advise_large_pages(out.data(), out.capacity());
  std::size_t n = bytes.size();
  auto unit = [&](std::size_t i) -> char32_t {
    return big_endian ? static_cast<char32_t>((u[i] << 8) | u[i + 1])
                      : static_cast<char32_t>(u[i] | (u[i + 1] << 8));
  };
  // vshadow (-bc=, -t=) and BETest save the BSTR with its terminating
  // U+0000: trailing NUL code units end the text. A NUL before other
  // characters stays an error below.
  while (n >= skip + 2 && (n - skip) % 2 == 0 && unit(n - 2) == 0) n -= 2;
  std::size_t i = skip;
  for (; i + 1 < n; i += 2) {
    char32_t cp = unit(i);
    if (cp == 0) {
      return decode_error(source, out, out.size(),
                          "NUL character in UTF-16 text");
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 3 < n) {
        char32_t lo = unit(i + 2);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          append_utf8(out, 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00));
          i += 2;
          continue;
        }
      }
      return decode_error(source, out, out.size(),
                          fmt::format("unpaired UTF-16 surrogate 0x{:04X}",
                                      static_cast<unsigned>(cp)));
    }
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return decode_error(source, out, out.size(),
                          fmt::format("unpaired UTF-16 surrogate 0x{:04X}",
                                      static_cast<unsigned>(cp)));
    }
    append_utf8(out, cp);
  }
  if (i < n) {
    return decode_error(
        source, out, out.size(),
        fmt::format("truncated UTF-16 text: {} bytes is an odd number",
                    n - skip));
  }
  return result;
}

}  // namespace vssmeta::internal
