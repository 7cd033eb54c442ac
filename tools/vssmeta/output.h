// SPDX-License-Identifier: MIT
#pragma once
// Output helpers shared by the commands: colour decision, atomic file
// writing, diagnostics printing.

#include <iosfwd>
#include <string>
#include <string_view>

#include "vssmeta/diagnostic.h"
#include "vssmeta/result.h"

namespace vssmeta::cli {

/// Whether standard output is a terminal.
bool stdout_is_terminal();

/// "auto" (terminal and NO_COLOR unset), "always" or "never".
bool want_color(std::string_view mode, bool is_terminal);

/// Writes `content` to `path` through a temporary file in the same folder
/// and a rename, so a failure never leaves a partial file behind.
Result<bool> write_file_atomically(const std::string& path,
                                   std::string_view content);

/// Prints each diagnostic as `file:line:col: warning: message [code]`.
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err);

}  // namespace vssmeta::cli
