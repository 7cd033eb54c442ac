// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Source positions. Lines and columns are 1-based; columns count characters
/// (Unicode code points) of the original file, so a UTF-16 file and its UTF-8
/// twin report the same position.

#include <cstddef>
#include <cstdint>
#include <string>

#include "vssmeta/export.h"

namespace vssmeta {

/// A position in a named input.
struct Location {
  std::string file;      ///< the name the caller gave the input, never made up
  std::size_t line = 0;  ///< 1-based; 0 = unknown
  std::size_t column = 0;

  friend bool operator==(const Location&, const Location&) = default;
};

/// `file:line:col`, `file:line` or `file`, depending on what is known.
VSSMETA_EXPORT std::string to_string(const Location& where);

/// Where a model object was read from, without the file name (which the
/// document holds once, in `SourceInfo`). Kept small: a large writer has
/// hundreds of thousands of them. Inputs are limited well below 4 GiB.
///
/// Positions are not content: two `Origin`s always compare equal, so model
/// types can default their `operator==` and still compare documents read
/// from different files, encodings or layouts as equal.
struct Origin {
  std::uint32_t line = 0;  ///< 1-based; 0 = not read from a file
  std::uint32_t column = 0;

  friend bool operator==(const Origin&, const Origin&) { return true; }
};

/// Combines a document's file name with an origin inside it.
inline Location locate(const std::string& file, const Origin& origin) {
  return Location{file, origin.line, origin.column};
}

}  // namespace vssmeta
