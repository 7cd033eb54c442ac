// SPDX-License-Identifier: MIT
#include "render/dump_text.h"

#include <algorithm>
#include <charconv>
#include <iterator>

#include "paths/windows_path.h"
#include "text/xml_name.h"

namespace vssmeta::internal::dump_text {

namespace {

// "VSS_CF_NOT_SYSTEM_STATE" -> "NOT_SYSTEM_STATE": the prefix is the same on
// every bit of a field and only lengthens the line.
std::string_view short_name(std::string_view vss_name) {
  if (vss_name.substr(0, 4) != "VSS_") return vss_name;
  std::size_t end = vss_name.find('_', 4);
  return end == std::string_view::npos ? vss_name : vss_name.substr(end + 1);
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  if (is_printable_ascii(text)) {
    out += text;
  } else {
    out += escape_control(text);
  }
}

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  append_escaped(out, text);
  out += '"';
}

std::string quoted(const std::string& text) {
  std::string out;
  append_quoted(out, text);
  return out;
}

const char* yes_no(bool value) { return value ? "yes" : "no"; }

std::string braced(const Guid& id) { return id.to_braced_string(); }

Extras without_shown(const Extras& extras,
                     std::initializer_list<std::string_view> shown) {
  Extras out = extras;
  auto& attrs = out.mutable_attributes();
  std::erase_if(attrs, [&](const XmlAttribute& a) {
    return std::find(shown.begin(), shown.end(), a.name) != shown.end();
  });
  return out;
}

std::string describe_bits(std::uint32_t value, std::span<const BitName> bits) {
  std::string out = fmt::format("{:#x}", value);
  if (value == 0) return out;
  std::string names;
  std::uint32_t rest = value;
  for (const BitName& b : bits) {
    if (b.bit == 0 || (value & b.bit) != b.bit) continue;
    if (!names.empty()) names += '|';
    names += short_name(b.vss_name);
    rest &= ~b.bit;
  }
  if (rest != 0)
    names += fmt::format("{}{:#x}", names.empty() ? "" : "|", rest);
  return out + " (" + names + ")";
}

void append_thousands(std::string& out, std::size_t n) {
  char digits[24];
  const auto end = std::to_chars(std::begin(digits), std::end(digits), n).ptr;
  const auto size = static_cast<std::size_t>(end - digits);
  for (std::size_t i = 0; i < size; ++i) {
    if (i != 0 && (size - i) % 3 == 0) out += ',';
    out += digits[i];
  }
}

std::string with_thousands(std::size_t n) {
  std::string out;
  append_thousands(out, n);
  return out;
}

std::string counted(std::size_t n, std::string_view one,
                    std::string_view many) {
  std::string out;
  append_thousands(out, n);
  out += ' ';
  out += n == 1 ? one : many;
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::size_t columns(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string attributes_text(const std::vector<XmlAttribute>& attributes) {
  std::string out;
  for (const XmlAttribute& a : attributes) {
    if (is_namespace_declaration(a.name)) continue;
    out += fmt::format(" {}={}", escape_control(a.name), quoted(a.value));
  }
  return out;
}

std::string slash_path(const std::optional<std::string>& logical_path,
                       const std::string& name) {
  if (!logical_path || logical_path->empty()) return "\\" + name;
  std::string out = "\\" + *logical_path;
  if (out.back() != '\\') out += '\\';
  return out + name;
}

std::string describe(const FileDescriptor& d) {
  std::string out =
      fmt::format("{} {}", element_name(d.kind),
                  escape_control(file_pattern(d.path, d.filespec)));
  if (d.is_recursive()) out += " (recursive)";
  if (d.alternate_path) out += " -> " + escape_control(*d.alternate_path);
  // The default mask is on nearly every descriptor (19,000 times in the
  // System Writer); only a deviation is worth a column.
  if (d.backup_type_mask && *d.backup_type_mask != kDefaultFilespecBackupType) {
    out += " [backup type " +
           describe_bits(*d.backup_type_mask, filespec_backup_type_bits()) +
           "]";
  }
  return out;
}

}  // namespace vssmeta::internal::dump_text
