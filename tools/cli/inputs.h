// SPDX-License-Identifier: MIT
#pragma once
// Loading the PATH arguments every command takes.

#include <optional>
#include <string>
#include <vector>

#include "cli/app.h"
#include "vssmeta/capture_set.h"

namespace vssmeta::cli {

/// Loads every path (a file, a capture folder, or "-" for `io.in`) into one
/// capture, in order. Parser warnings go to `io.err` unless `quiet`. On the
/// first path that cannot be loaded it prints the warnings so far (unless
/// `quiet`) and then the error, and returns nothing: the command exits
/// kExitError.
std::optional<CaptureSet> load_inputs(const std::vector<std::string>& paths,
                                      bool quiet, Io& io);

}  // namespace vssmeta::cli
