// SPDX-License-Identifier: MIT
// The capture back end on systems without VSS: every call says so.
#include "vssmeta/capture.h"

namespace vssmeta {
namespace {

Error unsupported() {
  return Error{ErrorCode::kUnsupported, "capture requires Windows (VSS)",
               std::nullopt};
}

}  // namespace

bool capture_supported() { return false; }

Result<CaptureResult> capture(const CaptureOptions& /*options*/) {
  return unsupported();
}

Result<std::vector<WriterStatus>> capture_writer_status(
    const CaptureOptions& /*options*/) {
  return unsupported();
}

}  // namespace vssmeta
