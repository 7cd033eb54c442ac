// SPDX-License-Identifier: MIT
#include "text/escape.h"

#include <fmt/format.h>

#include "text/utf8.h"

namespace vssmeta::internal {

std::string escape_control(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  each_code_point(
      text,
      [&](std::string_view bytes, std::uint32_t cp) {
        if (cp >= 0x80 && cp <= 0x9F) {
          out += fmt::format("\\u{:04x}", cp);
        } else if (cp >= 0x20 && cp != 0x7F) {
          out += bytes;
        } else if (cp == '\r') {
          out += "\\r";
        } else if (cp == '\n') {
          out += "\\n";
        } else if (cp == '\t') {
          out += "\\t";
        } else {
          out += fmt::format("\\x{:02x}", cp);
        }
      },
      [&](std::string_view byte) { out += byte; });
  return out;
}

}  // namespace vssmeta::internal
