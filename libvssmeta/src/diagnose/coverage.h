// SPDX-License-Identifier: MIT
#pragma once
// Coverage: per writer, which components a backup includes (explicitly or
// through which ancestor) and why each of the others was left out.

#include <vector>

#include "diagnose/volumes.h"
#include "vssmeta/diagnose.h"

namespace vssmeta::internal {

/// Every writer of `capture` against `bcd` (null: no backup, every writer
/// kNotInBackup), plus a kNoMetadata entry per BCD writer entry without a
/// WMD; in CaptureSet::writers order, then the BCD's.
std::vector<WriterCoverage> coverage(const CaptureSet& capture,
                                     const BackupComponents* bcd,
                                     const VolumeContext& volumes);

}  // namespace vssmeta::internal
