// SPDX-License-Identifier: MIT
#pragma once
// Turns byte offsets into 1-based line and column (columns count code points)
// for a UTF-8 buffer, in one forward pass when offsets come in order.

#include <cstddef>
#include <string_view>

#include "vssmeta/location.h"

namespace vssmeta::internal {

class LineCounter {
 public:
  /// `ascii`: the caller knows every byte is ASCII, so columns are bytes
  /// and need no counting.
  explicit LineCounter(std::string_view text, bool ascii = false)
      : text_(text), ascii_(ascii) {}

  /// The position of byte `offset`. Amortised O(1) per call when offsets do
  /// not decrease; a smaller offset restarts from the beginning.
  Origin at(std::size_t offset);

 private:
  std::string_view text_;
  bool ascii_ = false;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

/// Number of code points in a UTF-8 byte range.
std::size_t count_code_points(const char* begin, const char* end);

}  // namespace vssmeta::internal
