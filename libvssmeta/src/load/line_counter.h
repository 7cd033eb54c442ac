// SPDX-License-Identifier: MIT
#pragma once
// Turns byte offsets into 1-based line and column (columns count code points)
// for a UTF-8 buffer, in one forward pass when offsets come in order.

#include <cstddef>
#include <string_view>
#include <vector>

#include "vssmeta/location.h"

namespace vssmeta::internal {

class LineCounter {
 public:
  /// `ascii`: the caller knows every byte is ASCII, so columns are bytes
  /// and need no counting.
  explicit LineCounter(std::string_view text, bool ascii = false)
      : text_(text), ascii_(ascii) {}

  /// The position of byte `offset`. Amortised O(1) per call when offsets do
  /// not decrease; a smaller offset resumes from the checkpoint (one every
  /// kStep bytes already passed) at or before it, so going back costs at
  /// most kStep bytes of scanning, never a rescan from the start.
  Origin at(std::size_t offset);

  static constexpr std::size_t kStep = 64 * 1024;

 private:
  struct Checkpoint {
    std::size_t offset;
    std::size_t line;
    std::size_t column;
  };
  void advance(std::size_t offset);

  std::string_view text_;
  bool ascii_ = false;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
  std::vector<Checkpoint> checkpoints_;  // at multiples of kStep, ascending
};

/// Number of code points in a UTF-8 byte range.
std::size_t count_code_points(const char* begin, const char* end);

}  // namespace vssmeta::internal
