// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Parsing one WMD or BCD from bytes. The input is untrusted: any encoding
/// problem or XML error becomes an `Error` with the position in the original
/// file's characters; DOCTYPE declarations are refused (so no entity is ever
/// expanded and nothing external is ever read); nesting and size are bounded.
/// Recoverable oddities (unknown elements, unknown spellings) are returned as
/// the result's `warnings()` and the content is kept in `Extras`.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "vssmeta/backup_components.h"
#include "vssmeta/export.h"
#include "vssmeta/result.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta {

struct ParseOptions {
  /// Used as `Location::file` in errors and diagnostics.
  std::string source_name = "<input>";
  /// Larger inputs are refused with ErrorCode::kUnsupported. The default,
  /// 256 MiB, is far above any real document (the largest seen are a few
  /// MiB) and keeps the memory a hostile input can claim bounded.
  std::size_t max_bytes = std::size_t{256} << 20;
  /// Deeper element nesting, and logical paths of more levels, are refused
  /// with ErrorCode::kUnsupported.
  std::size_t max_depth = 256;
};

/// Either kind of VSS document.
using Document = std::variant<WriterMetadata, BackupComponents>;

/// Parses a WMD or a BCD, whichever `bytes` holds. Accepts UTF-8 (with or
/// without BOM and declaration), UTF-16LE/BE (with or without BOM), an
/// optional <root> wrapper and XDR <Schema> elements before the document.
/// Errors: kMalformedXml, kUnexpectedRoot (including diskshadow's manifest),
/// kMissingAttribute, kInvalidValue, kUnsupported.
VSSMETA_EXPORT Result<Document> parse_document(
    std::string_view bytes, const ParseOptions& options = {});

/// Like parse_document, but a BCD is an kUnexpectedRoot error.
VSSMETA_EXPORT Result<WriterMetadata> parse_writer_metadata(
    std::string_view bytes, const ParseOptions& options = {});

/// Like parse_document, but a WMD is an kUnexpectedRoot error.
VSSMETA_EXPORT Result<BackupComponents> parse_backup_components(
    std::string_view bytes, const ParseOptions& options = {});

}  // namespace vssmeta
