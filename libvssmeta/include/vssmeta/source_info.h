// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// How a document was stored: its name, encoding and envelope. This is about
/// the file, not the content, so two `SourceInfo`s always compare equal.

#include <string>

#include "vssmeta/export.h"

namespace vssmeta {

/// The character encoding the loader detected.
enum class Encoding { kUtf8, kUtf16Le, kUtf16Be };

/// "utf-8", "utf-16le", "utf-16be".
VSSMETA_EXPORT const char* to_string(Encoding encoding);

struct SourceInfo {
  std::string name;  ///< the name the caller gave (file path, "-", ...)
  Encoding encoding = Encoding::kUtf8;
  bool byte_order_mark = false;
  bool xml_declaration = false;
  bool root_wrapper = false;  ///< a <root> element held the document
  bool xdr_schema = false;    ///< inline XDR <Schema> elements were skipped

  friend bool operator==(const SourceInfo&, const SourceInfo&) { return true; }
};

}  // namespace vssmeta
