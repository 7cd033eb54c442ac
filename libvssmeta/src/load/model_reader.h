// SPDX-License-Identifier: MIT
#pragma once
// Builds WMD and BCD models from the pugixml tree of XmlDocument.

#include <functional>
#include <string>
#include <string_view>

#include "vssmeta/parse.h"
#include "vssmeta/source_info.h"

namespace vssmeta::internal {

/// Reads the VSS document in `text` (valid UTF-8, already decoded; `ascii`
/// when it is all ASCII). `source` carries the encoding facts; the envelope
/// flags are filled in.
/// `release`, if given, is called once `text` is no longer needed: it has
/// been parsed into a tree that is a VSS document (so the peak need not hold
/// the text twice); a file that is not one keeps its text.
Result<Document> read_document(std::string_view text, bool ascii,
                               SourceInfo source, const ParseOptions& options,
                               const std::function<void()>& release = {});

/// parse_document() for bytes the caller can give up: they are freed (left
/// empty) as soon as a VSS document has been parsed from them, and left as
/// they were otherwise (an error, another kind of XML file). The same result
/// and messages as parse_document().
Result<Document> parse_owned_document(std::string& bytes,
                                      const ParseOptions& options);

}  // namespace vssmeta::internal
