// SPDX-License-Identifier: MIT
#pragma once
// Builds WMD and BCD models from the pugixml tree of XmlDocument.

#include <functional>
#include <optional>
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

/// read_document() of `text` in place, without a copy: `text` is taken
/// over (left empty) whatever happens. Returns the document, or nothing when
/// the text is not a VSS document or has an error of any kind, whose
/// messages may need the text as it was: the caller reads the text again
/// and calls read_document() (or parse_owned_document()), which gives the
/// result and messages it always gives.
std::optional<Result<Document>> read_document_in_place(
    std::string& text, bool ascii, SourceInfo source,
    const ParseOptions& options);

/// parse_document() for bytes the caller can give up: they are freed (left
/// empty) as soon as a VSS document has been parsed from them, and left as
/// they were otherwise (an error, another kind of XML file). The same result
/// and messages as parse_document().
Result<Document> parse_owned_document(std::string& bytes,
                                      const ParseOptions& options);

/// parse_owned_document() without a copy of `bytes`, when they are UTF-8
/// without a byte order mark (the usual file): a VSS document read without
/// an error is returned, and `bytes` are gone, as parse_owned_document()
/// would free them. Otherwise nothing is returned, and `bytes` are either
/// as they were (another encoding) or gone (left empty): then the caller
/// reads them again and calls parse_owned_document(), which gives its usual
/// result and messages (the only cost of an error is a second read).
std::optional<Result<Document>> parse_owned_document_in_place(
    std::string& bytes, const ParseOptions& options);

}  // namespace vssmeta::internal
