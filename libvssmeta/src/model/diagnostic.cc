// SPDX-License-Identifier: MIT
#include "vssmeta/diagnostic.h"

#include <fmt/format.h>

#include "text/escape.h"
#include "vssmeta/dump.h"

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
  // Messages quote values of untrusted documents: control characters are
  // shown escaped so that none reaches a terminal raw.
  return internal::escape_control(
      fmt::format("{}{}{}: {} [{}]", where, where.empty() ? "" : ": ",
                  to_string(d.severity), d.message, d.code));
}

}  // namespace vssmeta
