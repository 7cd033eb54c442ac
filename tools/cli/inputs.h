// SPDX-License-Identifier: MIT
#pragma once
// Loading the PATH arguments every command takes.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cli/app.h"
#include "vssmeta/capture_set.h"

namespace vssmeta::cli {

/// Loads every path (a file, a capture folder, or "-" for `io.in`) into one
/// capture, in order; a file or stream larger than `max_bytes` is an error
/// that names --max-input-size. Parser warnings go to `io.err` unless `quiet`.
/// On the first path that cannot be loaded it prints the warnings so far
/// (unless `quiet`) and then the error, and returns nothing: the command exits
/// kExitError. With `keep_going` (--keep-going), a document of a capture that
/// cannot be read is reported (always, also when `quiet`) and the rest is
/// loaded; `io.input_failed` is then set, and run() adds kExitError to the
/// command's exit status.
std::optional<CaptureSet> load_inputs(
    const std::vector<std::string>& paths, bool quiet, Io& io,
    std::size_t max_bytes = ParseOptions{}.max_bytes, bool keep_going = false);

/// The same, but the parser warnings are appended to `warnings` instead of
/// printed (validate reports them as findings); --keep-going's failures are
/// printed at once. On failure the warnings so far are printed before the
/// error, as above.
std::optional<CaptureSet> load_inputs(
    const std::vector<std::string>& paths, Diagnostics& warnings, Io& io,
    std::size_t max_bytes = ParseOptions{}.max_bytes, bool keep_going = false);

}  // namespace vssmeta::cli
