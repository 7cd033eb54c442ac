// SPDX-License-Identifier: MIT
#pragma once
// Output helpers shared by the commands: colour decision, atomic file
// writing, the -o / stdout choice, diagnostics and usage errors.

#include <iosfwd>
#include <string>
#include <string_view>

#include "cli/app.h"
#include "vssmeta/diagnostic.h"
#include "vssmeta/result.h"

namespace vssmeta::cli {

/// Whether standard output is a terminal.
bool stdout_is_terminal();

/// "auto" (terminal and NO_COLOR unset), "always" or "never".
bool want_color(std::string_view mode, bool is_terminal);

/// Writes `content` to `path` through a temporary file in the same folder
/// and a rename, so a failure never leaves a partial file behind.
Status write_file_atomically(const std::string& path, std::string_view content);

/// Whether an `-o` value means standard output: empty or "-".
bool is_stdout(const std::string& path);

/// Writes `content` to `io.out` (and flushes it) when `is_stdout(path)`,
/// else to `path` through write_file_atomically(). Returns kExitOk, or
/// prints the error and returns kExitError.
int write_output(const std::string& path, std::string_view content, Io& io);

/// Prints `vssmeta: error: message` and returns kExitUsage.
int usage_error(Io& io, std::string_view message);

/// Prints each diagnostic as `file:line:col: warning: message [code]`.
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err);

}  // namespace vssmeta::cli
