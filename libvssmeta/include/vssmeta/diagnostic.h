// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Diagnostics: findings and recoverable oddities, as data. A diagnostic never
/// stops a call; fatal problems are `Error`s (see result.h).

#include <string>
#include <vector>

#include "vssmeta/export.h"
#include "vssmeta/location.h"

namespace vssmeta {

enum class Severity { kInfo, kWarning, kError };

/// "info", "warning", "error".
VSSMETA_EXPORT const char* to_string(Severity severity);

/// One finding. `code` is a stable identifier such as `unknown-element` (for
/// parser notes) or a rule id such as `WMD001` (for validation).
struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string code;
  std::string message;
  Location where;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// `file:line:col: warning: message [code]`, the GCC form editors parse.
VSSMETA_EXPORT std::string to_string(const Diagnostic& diagnostic);

using Diagnostics = std::vector<Diagnostic>;

}  // namespace vssmeta
