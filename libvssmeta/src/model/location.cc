// SPDX-License-Identifier: MIT
#include "vssmeta/location.h"

#include <fmt/format.h>

namespace vssmeta {

std::string to_string(const Location& where) {
  if (where.line == 0) return where.file;
  if (where.column == 0) return fmt::format("{}:{}", where.file, where.line);
  return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

}  // namespace vssmeta
