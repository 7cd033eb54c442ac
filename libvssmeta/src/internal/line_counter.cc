// SPDX-License-Identifier: MIT
#include "internal/line_counter.h"

#include <cstring>

namespace vssmeta::internal {

std::size_t count_code_points(const char* begin, const char* end) {
  // Every byte that is not a UTF-8 continuation byte starts a code point.
  // Written as a plain loop so the compiler can vectorise it: single-line
  // documents of many megabytes are normal (the System Writer's is 2 MB).
  std::size_t n = 0;
  for (const char* p = begin; p < end; ++p) {
    n += (static_cast<unsigned char>(*p) & 0xC0U) != 0x80U ? 1U : 0U;
  }
  return n;
}

Origin LineCounter::at(std::size_t offset) {
  if (offset > text_.size()) offset = text_.size();
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
  column_ += count_code_points(p, target);
  pos_ = offset;
  return Origin{static_cast<std::uint32_t>(line_),
                static_cast<std::uint32_t>(column_)};
}

}  // namespace vssmeta::internal
