// SPDX-License-Identifier: MIT
#include "graph/escape.h"

#include <cstdint>

#include <fmt/format.h>

#include "graph/graph_style.h"
#include "text/escape.h"
#include "text/utf8.h"

namespace vssmeta::internal {

std::string dot_escape(std::string_view text) {
  const std::string escaped = label_escape(text);
  std::string out;
  out.reserve(escaped.size());
  for (char c : escaped) {
    if (c == '"') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string mermaid_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  each_code_point(
      text,
      [&](std::string_view bytes, std::uint32_t cp) {
        switch (cp) {
          case '"':
            out += "#quot;";
            return;
          case '#':
            out += "#35;";
            return;
          case '&':
            out += "#amp;";
            return;
          case '<':
            out += "#lt;";
            return;
          case '>':
            out += "#gt;";
            return;
          case '`':
            out += "#96;";
            return;
          case '\n':
            out += "<br/>";
            return;
          case '\t':
            out.push_back(' ');
            return;
          case '\r':
            return;
          default:
            break;
        }
        if (cp < 0x20 || cp == 0x7F) {
          out += fmt::format("\\x{:02X}", cp);
        } else if (is_invisible_format(cp)) {
          out += code_point_escape(cp);
        } else {
          out += bytes;
        }
      },
      [&](std::string_view) { out += kReplacement; });
  return out;
}

}  // namespace vssmeta::internal
