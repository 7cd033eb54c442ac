// SPDX-License-Identifier: MIT
#pragma once
// load()'s entry to the text forms: a status text file among the inputs.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vssmeta/capture_set.h"
#include "vssmeta/result.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta::internal {

/// The capture a text gives: a writer status text (CaptureSet::statuses,
/// status_text.h) or diskshadow's `list writers` metadata text (writers
/// marked `from_text`, metadata_text.h); nothing when `bytes` is neither
/// (XML, not text, no writer block), so that the caller reports its own
/// error.
std::optional<Result<CaptureSet>> load_text_capture(std::string_view bytes,
                                                    const std::string& name);

/// The writers diskshadow's `list writers` text in `text` (decoded) shows,
/// or nothing when it shows no component and no `* WRITER` with ids.
std::optional<Result<std::vector<WriterMetadata>>> metadata_from_text(
    std::string_view text, const std::string& name);

}  // namespace vssmeta::internal
