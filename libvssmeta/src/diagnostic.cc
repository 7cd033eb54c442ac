// SPDX-License-Identifier: MIT
#include "vssmeta/diagnostic.h"

#include <fmt/format.h>

namespace vssmeta {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::string to_string(const Diagnostic& d) {
  std::string where = to_string(d.where);
  return fmt::format("{}{}{}: {} [{}]", where, where.empty() ? "" : ": ",
                     to_string(d.severity), d.message, d.code);
}

}  // namespace vssmeta
