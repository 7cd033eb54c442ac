// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Writing models back as XML the way Windows writes them: the same element
/// and attribute names, the VSS namespace, yes/no booleans, one line, no
/// declaration, UTF-8. Unknown content (`Extras`) is written back in place,
/// so load -> save -> load gives an equal model (a writer rebuilt from text
/// loses only its `from_text` mark). These return strings, unlike
/// the `write_*` renderers: they are the counterpart of `parse_document()`,
/// which takes bytes, so a round trip needs no stream.

#include <string>

#include "vssmeta/backup_components.h"
#include "vssmeta/export.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta {

/// The WMD as one line of XML (no trailing newline).
VSSMETA_EXPORT std::string to_xml(const WriterMetadata& wmd);

/// The BCD as one line of XML (no trailing newline).
VSSMETA_EXPORT std::string to_xml(const BackupComponents& bcd);

}  // namespace vssmeta
