// SPDX-License-Identifier: MIT
#include "load/line_counter.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

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

LineCounter::LineCounter(std::string_view text, bool ascii,
                         std::size_t narrow_limit)
    : text_(text),
      ascii_(ascii),
      wide_(text.size() >
            std::min<std::size_t>(narrow_limit,
                                  std::numeric_limits<std::uint32_t>::max())) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* p = begin; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (nl == nullptr) break;
    p = static_cast<const char*>(nl);
    const auto offset = static_cast<std::size_t>(p - begin);
    if (wide_) {
      newlines_wide_.push_back(offset);
    } else {
      newlines_.push_back(static_cast<std::uint32_t>(offset));
    }
    ++p;
  }
}

Origin LineCounter::at(std::size_t offset) {
  if (offset > text_.size()) offset = text_.size();
  if (offset < pos_) {
    auto it = std::upper_bound(
        checkpoints_.begin(), checkpoints_.end(), offset,
        [](std::size_t o, const Checkpoint& c) { return o < c.offset; });
    if (it == checkpoints_.begin()) {
      pos_ = 0;
      line_ = 1;
      column_ = 1;
    } else {
      --it;
      pos_ = it->offset;
      line_ = it->line;
      column_ = it->column;
    }
    next_newline_ =
        wide_ ? static_cast<std::size_t>(
                    std::lower_bound(newlines_wide_.begin(),
                                     newlines_wide_.end(), pos_) -
                    newlines_wide_.begin())
              : static_cast<std::size_t>(
                    std::lower_bound(newlines_.begin(), newlines_.end(), pos_) -
                    newlines_.begin());
  }
  while (pos_ < offset) {
    const std::size_t boundary = (pos_ / kStep + 1) * kStep;
    advance(std::min(offset, boundary));
    if (pos_ == boundary &&
        (checkpoints_.empty() || checkpoints_.back().offset < pos_)) {
      checkpoints_.push_back(Checkpoint{pos_, line_, column_});
    }
  }
  return Origin{static_cast<std::uint32_t>(line_),
                static_cast<std::uint32_t>(column_)};
}

void LineCounter::advance(std::size_t offset) {
  const char* from = text_.data() + pos_;
  const std::size_t count = newline_count();
  while (next_newline_ < count && newline(next_newline_) < offset) {
    ++line_;
    column_ = 1;
    from = text_.data() + newline(next_newline_) + 1;
    ++next_newline_;
  }
  const char* target = text_.data() + offset;
  column_ += ascii_ ? static_cast<std::size_t>(target - from)
                    : count_code_points(from, target);
  pos_ = offset;
}

}  // namespace vssmeta::internal
