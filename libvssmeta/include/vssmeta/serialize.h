// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Writing models back as XML the way Windows writes them: the same element
/// and attribute names, the VSS namespace, yes/no booleans, one line, no
/// declaration, UTF-8. Unknown content (`Extras`) is written back in place,
/// so load -> save -> load gives an equal model (a writer rebuilt from text
/// loses only its `from_text` mark, and a component of undefined type, which
/// only text can give, is written as a FILE_GROUP, the element of every
/// component that is not a database). These return strings, unlike
/// the `write_*` renderers: they are the counterpart of `parse_document()`,
/// which takes bytes, so a round trip needs no stream.

#include <string>

#include "vssmeta/backup_components.h"
#include "vssmeta/export.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta {

/// How to_xml() lays a document out.
struct XmlLayout {
  /// 0 (the default): one line, as Windows writes it. N > 0: for people
  /// reading it, each element on a line of its own, indented N spaces a
  /// level, except within an element that holds text (its content is kept
  /// exactly). Loading either gives the same model: the loader drops
  /// whitespace-only text between elements.
  unsigned indent = 0;
};

/// The WMD as XML (one line unless `layout` says otherwise; no trailing
/// newline).
VSSMETA_EXPORT std::string to_xml(const WriterMetadata& wmd,
                                  const XmlLayout& layout = {});

/// The BCD as XML (one line unless `layout` says otherwise; no trailing
/// newline).
VSSMETA_EXPORT std::string to_xml(const BackupComponents& bcd,
                                  const XmlLayout& layout = {});

}  // namespace vssmeta
