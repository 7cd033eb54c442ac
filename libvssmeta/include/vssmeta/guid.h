// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// `Guid`: a 128-bit VSS id (writer class, instance, snapshot set).
/// Parsing accepts braces or none and any letter case; equality and ordering
/// look at the value only, while the spelling read from the input is kept so
/// that documents are written back exactly as they were.

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vssmeta/export.h"

namespace vssmeta {

class VSSMETA_EXPORT Guid {
 public:
  /// The nil GUID (all zeros).
  Guid() = default;

  /// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, optionally in braces,
  /// hex digits in any case. Returns nullopt for anything else (including
  /// surrounding spaces). The input is remembered as `spelling()`.
  static std::optional<Guid> parse(std::string_view text);

  /// The canonical form: lower case, no braces (as most writers write it).
  std::string to_string() const;
  /// `{lower-case}`, as vssadmin, diskshadow and vshadow print GUIDs.
  std::string to_braced_string() const;
  /// Exactly as read by `parse()`; the canonical form for a default Guid.
  std::string spelling() const;

  bool is_nil() const;
  const std::array<std::uint8_t, 16>& bytes() const { return bytes_; }

  /// Value equality: case and braces do not matter.
  friend bool operator==(const Guid& a, const Guid& b) {
    return a.bytes_ == b.bytes_;
  }
  friend std::strong_ordering operator<=>(const Guid& a, const Guid& b) {
    return a.bytes_ <=> b.bytes_;
  }

 private:
  std::array<std::uint8_t, 16> bytes_{};
  std::string spelling_;  // empty = canonical
};

}  // namespace vssmeta
