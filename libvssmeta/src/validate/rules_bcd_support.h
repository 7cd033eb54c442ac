// SPDX-License-Identifier: MIT
#pragma once
// Helpers shared by the BCD rules (rules_bcd.cc, rules_bcd_restore.cc):
// naming writer entries, walking components, and range strings (§2.4).

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "text/ascii.h"
#include "validate/rules.h"

namespace vssmeta::internal::bcd {

// ---- helpers ---------------------------------------------------------------

inline const std::string* extra(const Extras& e, std::string_view name) {
  for (const XmlAttribute& a : e.attributes()) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

inline bool has_wildcard(std::string_view s) {
  return s.find_first_of("*?") != std::string_view::npos;
}

// `path\\name`, without doubling a trailing backslash of the path.
inline std::string join_file(std::string_view path, std::string_view name) {
  if (!path.empty() && path.back() == '\\') path.remove_suffix(1);
  return fmt::format("{}\\{}", path, name);
}

// The writer entry as messages name it: the WMD's name when the capture has
// it, else the braced class id.
struct Who {
  const WriterMetadata* wmd = nullptr;
  std::string name;
};

inline Who who(const CheckContext& ctx, const WriterComponents& entry) {
  Who out;
  if (auto i = ctx.writer_for(entry)) {
    out.wmd = &ctx.capture().writers[*i];
    out.name = out.wmd->display_name();
  } else {
    out.name = entry.writer_id.to_braced_string();
  }
  return out;
}

inline std::string label(const Who& w, const BcdComponent& c) {
  return fmt::format("{}:\\{}", w.name, c.full_path());
}

// Calls f(b, entry, who, component) for every component of every BCD.
template <typename F>
void each_component(const CheckContext& ctx, F&& f) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    for (const WriterComponents& e : b.writers) {
      const Who w = who(ctx, e);
      for (const BcdComponent& c : e.components) f(b, e, w, c);
    }
  }
}

// ---- range strings (§2.4) --------------------------------------------------

struct Range {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

struct ParsedRanges {
  bool is_file = false;       // a ranges-file reference
  std::string file;           // its path
  std::vector<Range> ranges;  // the inline list
  std::string error;          // empty when well-formed
};

constexpr std::uint64_t kMaxRange =
    static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

// One number: decimal or 0x hex, at most INT64_MAX (file offsets are
// LONGLONG). Advances `s` past it.
inline bool parse_number(std::string_view& s, std::uint64_t& out,
                         std::string& err) {
  if (!s.empty() && s.front() == '-') {
    err = "negative number";
    return false;
  }
  int base = 10;
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  std::size_t n = 0;
  std::uint64_t value = 0;
  bool overflow = false;
  while (n < s.size()) {
    const char ch = s[n];
    int digit = 0;
    if (ch >= '0' && ch <= '9') {
      digit = ch - '0';
    } else if (base == 16 &&
               std::isxdigit(static_cast<unsigned char>(ch)) != 0) {
      digit = ascii_lower(ch) - 'a' + 10;
    } else {
      break;
    }
    if (value > (kMaxRange - static_cast<std::uint64_t>(digit)) /
                    static_cast<std::uint64_t>(base)) {
      overflow = true;
    } else {
      value = value * static_cast<std::uint64_t>(base) +
              static_cast<std::uint64_t>(digit);
    }
    ++n;
  }
  if (n == 0) {
    err = "number expected";
    return false;
  }
  if (overflow) {
    err = "number too large for 64 bits";
    return false;
  }
  s.remove_prefix(n);
  out = value;
  return true;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         std::isspace(static_cast<unsigned char>(s.front())) != 0) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         std::isspace(static_cast<unsigned char>(s.back())) != 0) {
    s.remove_suffix(1);
  }
  return s;
}

// `offset:length[, offset:length...]`, or a ranges file: `File=<path>` or
// a path (anything holding a backslash or slash).
inline ParsedRanges parse_ranges(std::string_view text) {
  ParsedRanges out;
  std::string_view s = trim(text);
  if (istarts_with(s, "File=")) {
    out.is_file = true;
    out.file = std::string(trim(s.substr(5)));
    if (out.file.empty()) out.error = "\"File=\" without a path";
    return out;
  }
  if (s.find_first_of("\\/") != std::string_view::npos) {
    out.is_file = true;
    out.file = std::string(s);
    return out;
  }
  if (s.empty()) {
    out.error = "empty range list";
    return out;
  }
  std::size_t item = 1;
  while (true) {
    Range r;
    std::string err;
    if (!parse_number(s, r.offset, err)) {
      out.error = fmt::format("range {}: {}", item, err);
      return out;
    }
    if (s.empty() || s.front() != ':') {
      out.error = fmt::format("range {}: ':' expected after the offset", item);
      return out;
    }
    s.remove_prefix(1);
    if (!parse_number(s, r.length, err)) {
      out.error = fmt::format("range {}: {}", item, err);
      return out;
    }
    if (r.length == 0) {
      out.error = fmt::format("range {}: zero length", item);
      return out;
    }
    if (r.offset > kMaxRange - r.length) {
      out.error =
          fmt::format("range {}: offset + length overflows 64 bits", item);
      return out;
    }
    out.ranges.push_back(r);
    if (s.empty()) return out;
    if (s.front() != ',') {
      out.error = fmt::format("range {}: ',' expected after the length", item);
      return out;
    }
    s.remove_prefix(1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    ++item;
  }
}

constexpr std::string_view kAddComponent =
    "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent.md";

}  // namespace vssmeta::internal::bcd
