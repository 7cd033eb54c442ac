// SPDX-License-Identifier: MIT
#pragma once
// Output helpers shared by the commands: colour decision, safe file
// writing, the -o / stdout choice, diagnostics and usage errors.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.h"
#include "vssmeta/diagnostic.h"
#include "vssmeta/result.h"

namespace vssmeta::cli {

/// Whether standard output is a terminal.
bool stdout_is_terminal();

/// "auto" (terminal and NO_COLOR unset), "always" or "never".
bool want_color(std::string_view mode, bool is_terminal);

/// Writes `content` to what `path` finally names (symbolic links are
/// followed and kept). A regular file, or a new one, is written through a
/// temporary file in its folder and a rename, so a failure never leaves a
/// partial or temporary file behind; an existing file keeps its permission
/// bits (and, where allowed, its owner). A character device or FIFO is
/// written in place; /dev/stdout, /dev/stderr and /dev/fd/N through that
/// descriptor, at its position. Anything else is an error.
Status write_file_atomically(const std::string& path, std::string_view content);

/// Whether an `-o` value means standard output: empty or "-".
bool is_stdout(const std::string& path);

/// Before any work: refuses (prints the reason, returns kExitUsage) an `-o`
/// that is one of `inputs`, lies in an input folder or is that folder, or
/// exists as something other than a regular file, a character device or a
/// FIFO. Returns kExitOk otherwise, and for standard output.
int check_output(const std::string& path,
                 const std::vector<std::string>& inputs, Io& io);

/// Writes `content` to `io.out` (and flushes it) when `is_stdout(path)`,
/// else to `path` through write_file_atomically(). Returns kExitOk, or
/// prints the error and returns kExitError.
int write_output(const std::string& path, std::string_view content, Io& io);

/// Flushes `io.out`. When that or an earlier write to it failed, prints
/// why (once per run) and returns kExitError, else kExitOk.
int flush_output(Io& io);

/// Prints `vssmeta: error: message` and returns kExitUsage.
int usage_error(Io& io, std::string_view message);

/// Prints each diagnostic at warning or error severity as
/// `file:line:col: warning: message [code]`; infos (how Windows' own writers
/// spell GUIDs) are validate's to report.
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err);

}  // namespace vssmeta::cli
