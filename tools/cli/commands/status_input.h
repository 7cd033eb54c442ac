// SPDX-License-Identifier: MIT
#pragma once
// What `diagnose` and `report` read and check the same way: the writer
// status beside the documents, --system-volume and --bcd (defined in
// diagnose.cc).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cli/app.h"
#include "vssmeta/capture.h"
#include "vssmeta/capture_set.h"

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

/// --system-volume: empty, or a drive (`C:`, `C:\`); otherwise prints a
/// usage error and returns its exit status.
int check_system_volume(const std::string& volume, Io& io);

/// --bcd N (1-based): a backup components document of `capture`, or #1,
/// the default, when it has none; otherwise prints a usage error naming how
/// many there are and returns its exit status.
int check_bcd_number(std::size_t bcd, const CaptureSet& capture, Io& io);

}  // namespace vssmeta::cli
