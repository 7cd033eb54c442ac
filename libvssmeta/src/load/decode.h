// SPDX-License-Identifier: MIT
#pragma once
// Input decoding: detects the encoding (BOM, or the `<` pattern of BOM-less
// UTF-16), converts UTF-16 to UTF-8, strips the BOM and validates UTF-8, so
// the XML reader only ever sees valid UTF-8 without NUL characters.

#include <cstddef>
#include <string>
#include <string_view>

#include "vssmeta/result.h"
#include "vssmeta/source_info.h"

namespace vssmeta::internal {

class DecodedText {
 public:
  /// The UTF-8 text, BOM removed. Valid while this object lives.
  std::string_view text() const { return owned_ ? storage_ : view_; }
  /// The converted text (UTF-16 input), which the caller may free once it
  /// is done with text(); null when text() is a view of the input.
  std::string* converted() { return owned_ ? &storage_ : nullptr; }

  Encoding encoding = Encoding::kUtf8;
  bool byte_order_mark = false;
  /// True when every character is ASCII (bytes are columns then).
  bool ascii = false;

 private:
  friend Result<DecodedText> decode_input(std::string_view, const std::string&);
  std::string_view view_;
  std::string storage_;
  bool owned_ = false;
};

/// Decodes `bytes`. UTF-16 without BOM is recognised by a NUL in the first
/// or second byte (`<\0`, `\0<`); trailing U+0000 code units of UTF-16 text
/// (the BSTR terminator vshadow and BETest save) are dropped. Errors
/// (kMalformedXml) name `source` and the line and column of the offending
/// character: invalid UTF-8, NUL characters (in UTF-16, a NUL followed by
/// anything but NULs), unpaired UTF-16 surrogates, an odd number of UTF-16
/// bytes.
Result<DecodedText> decode_input(std::string_view bytes,
                                 const std::string& source);

/// Appends the UTF-8 encoding of code point `cp` (REQUIRES: cp <= 0x10FFFF).
void append_utf8(std::string& out, char32_t cp);

}  // namespace vssmeta::internal
