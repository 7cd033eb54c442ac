// SPDX-License-Identifier: MIT
#pragma once
// The writer status `diagnose` and `report` read beside the documents
// (defined in diagnose.cc).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cli/app.h"
#include "vssmeta/capture.h"

namespace vssmeta::cli {

/// The status file: `status` (--status) when given, else the status.json
/// of the one capture folder in `paths`, else "".
std::string status_file(const std::string& status,
                        const std::vector<std::string>& paths);

/// Reads a status.json or a status text (vssadmin, diskshadow, vshadow) of
/// at most `max_bytes`; prints the error and returns nothing on failure.
std::optional<std::vector<WriterStatus>> read_status(const std::string& path,
                                                     std::size_t max_bytes,
                                                     Io& io);

}  // namespace vssmeta::cli
