// SPDX-License-Identifier: MIT
#include "load/line_counter.h"

#include <cstdint>
#include <cstring>

namespace vssmeta::internal {

std::size_t count_code_points(const char* begin, const char* end) {
  // Every byte that is not a UTF-8 continuation byte (10xxxxxx) starts a
  // code point. Eight bytes at a time: single-line documents of many
  // megabytes are normal (the System Writer's is 2 MB on one line).
  std::size_t n = 0;
  const char* p = begin;
  for (; end - p >= 8; p += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    // Bit 7 of each byte set when the byte is 10xxxxxx.
    const std::uint64_t continuation = w & ~(w << 1) & 0x8080808080808080ULL;
    // Sum the eight 0/1 flags with one multiplication (no popcount
    // instruction is assumed).
    n += 8U - static_cast<std::size_t>(
                  ((continuation >> 7) * 0x0101010101010101ULL) >> 56);
  }
  for (; p < end; ++p) {
    n += (static_cast<unsigned char>(*p) & 0xC0U) != 0x80U ? 1U : 0U;
  }
  return n;
}

Origin LineCounter::at(std::size_t offset) {
  if (offset > text_.size()) offset = text_.size();
  if (offset == pos_) {
    return Origin{static_cast<std::uint32_t>(line_),
                  static_cast<std::uint32_t>(column_)};
  }
  if (offset < pos_) {
    pos_ = 0;
    line_ = 1;
    column_ = 1;
  }
  const char* p = text_.data() + pos_;
  const char* target = text_.data() + offset;
  while (p < target) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(target - p));
    if (nl == nullptr) break;
    ++line_;
    column_ = 1;
    p = static_cast<const char*>(nl) + 1;
  }
  column_ += ascii_ ? static_cast<std::size_t>(target - p)
                    : count_code_points(p, target);
  pos_ = offset;
  return Origin{static_cast<std::uint32_t>(line_),
                static_cast<std::uint32_t>(column_)};
}

}  // namespace vssmeta::internal
