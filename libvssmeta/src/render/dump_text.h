// SPDX-License-Identifier: MIT
#pragma once
// The text helpers of `vssmeta dump`'s text form (dump.cc and the printer's
// parts in dump_wmd.cc, dump_bcd.cc and dump_status.cc): escaping, quoting,
// numbers with thousands separators, flag bits by name.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "text/escape.h"
#include "vssmeta/enums.h"
#include "vssmeta/extras.h"
#include "vssmeta/guid.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta::internal::dump_text {

/// `text` with control characters and bad UTF-8 escaped, appended.
void append_escaped(std::string& out, std::string_view text);
/// `text` escaped and in double quotes, appended.
void append_quoted(std::string& out, std::string_view text);
std::string quoted(const std::string& text);

const char* yes_no(bool value);

/// `{xxxxxxxx-...}`.
std::string braced(const Guid& id);

/// An enumeration value as the XML spells it (`?N` for a value it has no
/// spelling for).
template <typename E>
std::string enum_text(E value) {
  std::string_view xml = to_xml(value);
  if (xml.empty()) return fmt::format("?{}", static_cast<int>(value));
  return std::string(xml);
}

/// An enumeration field as dump shows it: its value, or the spelling the
/// parser kept in `extras` because it knows none such, marked "(unknown)",
/// rather than leaving the field out.
template <typename E>
std::optional<std::string> enum_field(const std::optional<E>& value,
                                      const Extras& extras,
                                      std::string_view attribute) {
  if (value) return enum_text(*value);
  for (const XmlAttribute& a : extras.attributes()) {
    if (a.name == attribute) return escape_control(a.value) + " (unknown)";
  }
  return std::nullopt;
}

/// `extras` without the attributes dump showed as fields (enum_field).
Extras without_shown(const Extras& extras,
                     std::initializer_list<std::string_view> shown);

/// `0x3 (A|B)`: the value and its bits by name, short (without the
/// `VSS_XX_` prefix every bit of a field shares); unnamed bits in hex.
std::string describe_bits(std::uint32_t value, std::span<const BitName> bits);

/// 1234567 -> "1,234,567".
void append_thousands(std::string& out, std::size_t n);
std::string with_thousands(std::size_t n);
/// "1 writer", "1,024 writers".
std::string counted(std::size_t n, std::string_view one, std::string_view many);

std::string join(const std::vector<std::string>& parts, std::string_view sep);

/// Terminal columns of escaped text: UTF-8 continuation bytes take none.
std::size_t columns(std::string_view text);

/// ` name="value"` per attribute, namespace declarations left out.
std::string attributes_text(const std::vector<XmlAttribute>& attributes);

/// `\logical\path\name` (`\name` without a logical path).
std::string slash_path(const std::optional<std::string>& logical_path,
                       const std::string& name);

/// One file descriptor on one line: kind, `path\filespec` as one path a
/// user can paste (file_pattern()), recursion, alternate path, a backup
/// type mask that is not the default.
std::string describe(const FileDescriptor& d);

}  // namespace vssmeta::internal::dump_text
