// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Writer metadata rebuilt from diskshadow's `list writers metadata` or
/// `list writers detailed` text, which support scripts save per host when
/// no XML was collected. Each writer is marked `from_text`
/// (TextReconstruction): only what the text says is set, everything else
/// stays absent; the writer id is nil (and `writer_id_known` false) when
/// the text shows components without their writer's `* WRITER` block.

#include <string_view>
#include <vector>

#include "vssmeta/export.h"
#include "vssmeta/parse.h"
#include "vssmeta/result.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta {

/// Parses the text (any encoding load() accepts; Markdown-quoted excerpts,
/// with `>`, `\-` and `\\`, read as the plain text). Read: `* WRITER "name"`
/// blocks (writer id, instance id, excluded files), components (a
/// `Component "Writer:\path"` line or a line that is only that quoted
/// path; then name, logical path, full path, caption, type, selectable,
/// top level, notify on backup complete, file lists with path and
/// filespec, paths and volumes affected, dependencies naming a `{writer
/// id}` and a path). Components and file lists get the line they were
/// read from. A value that cannot be read (a type, a TRUE/FALSE) is left
/// unknown with a warning naming its line.
///
/// Errors: the encoding errors of load() (kMalformedXml, with a position);
/// kInvalidValue, at line 1, when the text shows no component and no
/// writer with its ids.
VSSMETA_EXPORT Result<std::vector<WriterMetadata>> parse_metadata_text(
    std::string_view bytes, const ParseOptions& options = {});

}  // namespace vssmeta
