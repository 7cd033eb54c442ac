// SPDX-License-Identifier: MIT
#pragma once
// What a file or stream holds, decided by its content only: XML, a cabinet,
// vshadow output, or a known format that holds no VSS document (disk
// images, archives, event logs, ...), each with advice for the user.

#include <cstddef>
#include <string_view>

namespace vssmeta::internal {

// A format that holds no VSS document, known by its first bytes.
struct ForeignFormat {
  std::string_view magic;
  std::size_t offset;
  const char* what;
  const char* advice;
};

// What a file holds, decided by its content only. Each kind has one
// loader in load_bytes().
enum class ContentKind {
  kDocument,          // XML, or anything else parse_document() judges
  kCabinet,           // MSCF: diskshadow's metadata cab
  kVshadowWriterXml,  // vshadow -wm3 output
  kVshadowSummary,    // vshadow -wm / -wm2 output: no XML
  kForeign,           // kForeignFormats
};

/// What classify_content() found; `foreign` says which format for kForeign.
struct Content {
  ContentKind kind = ContentKind::kDocument;
  const ForeignFormat* foreign = nullptr;
};

/// Whether the first character after a BOM and white space is '<', in
/// UTF-8 or UTF-16 (with or without BOM): then the content is XML.
bool starts_like_xml(std::string_view bytes);

/// What `bytes` hold, by their first bytes and, for text that does not
/// start like XML, by whether it is vshadow output; kDocument otherwise
/// (parse_document() then judges it).
Content classify_content(std::string_view bytes);

}  // namespace vssmeta::internal
