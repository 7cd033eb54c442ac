// SPDX-License-Identifier: MIT
#pragma once
// Turns byte offsets into 1-based line and column (columns count code points)
// for a UTF-8 buffer, in one forward pass when offsets come in order.
//
// The line ends are found once, at construction, so the counter can then be
// pointed at a copy of the text that a parser has changed in place (rebind):
// pugixml writes NUL over single-byte characters, which changes neither the
// byte offsets nor the count of code points, only the line ends it hides.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "vssmeta/location.h"

namespace vssmeta::internal {

class LineCounter {
 public:
  /// `ascii`: the caller knows every byte is ASCII, so columns are bytes
  /// and need no counting.
  /// Line ends are kept in 4 bytes each for texts of up to `narrow_limit`
  /// bytes, in 8 beyond (tests lower the limit to reach the wide table).
  explicit LineCounter(
      std::string_view text, bool ascii = false,
      std::size_t narrow_limit = std::numeric_limits<std::uint32_t>::max());

  /// Counts columns in `text` from now on: the same text, or a copy of it
  /// with some single-byte characters overwritten (REQUIRES: same size).
  /// The text given to the constructor may be freed afterwards.
  void rebind(std::string_view text) { text_ = text; }

  /// The position of byte `offset`. Amortised O(1) per call when offsets do
  /// not decrease; a smaller offset resumes from the checkpoint (one every
  /// kStep bytes already passed) at or before it, so going back costs at
  /// most kStep bytes of scanning, never a rescan from the start.
  Origin at(std::size_t offset);

  /// The offset of the last position asked for (moving forward from it
  /// reads only the text after it).
  std::size_t position() const { return pos_; }

  static constexpr std::size_t kStep = 64 * 1024;

 private:
  struct Checkpoint {
    std::size_t offset;
    std::size_t line;
    std::size_t column;
  };
  void advance(std::size_t offset);
  std::size_t newline_count() const {
    return wide_ ? newlines_wide_.size() : newlines_.size();
  }
  std::size_t newline(std::size_t i) const {
    return wide_ ? newlines_wide_[i] : newlines_[i];
  }

  std::string_view text_;
  bool ascii_ = false;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
  std::size_t next_newline_ = 0;  // index of the first one at or after pos_
  // Offsets of every '\n', ascending: 4 bytes each for a text under
  // 4 GiB (a 500,000-line document: 2 MB), 8 bytes each beyond (wide_).
  bool wide_ = false;
  std::vector<std::uint32_t> newlines_;
  std::vector<std::size_t> newlines_wide_;
  std::vector<Checkpoint> checkpoints_;  // at multiples of kStep, ascending
};

/// Number of code points in a UTF-8 byte range.
std::size_t count_code_points(const char* begin, const char* end);

}  // namespace vssmeta::internal
