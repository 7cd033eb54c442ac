// SPDX-License-Identifier: MIT
#pragma once
// Builds WMD and BCD models from the pugixml tree of XmlDocument.

#include <string_view>

#include "vssmeta/parse.h"
#include "vssmeta/source_info.h"

namespace vssmeta::internal {

/// Reads the VSS document in `text` (valid UTF-8, already decoded; `ascii`
/// when it is all ASCII). `source` carries the encoding facts; the envelope
/// flags are filled in.
Result<Document> read_document(std::string_view text, bool ascii,
                               SourceInfo source, const ParseOptions& options);

}  // namespace vssmeta::internal
