// SPDX-License-Identifier: MIT
#pragma once
// Text made safe for one line of terminal output.

#include <cstdint>
#include <string>
#include <string_view>

namespace vssmeta::internal {

/// Whether `cp` is an invisible character that changes how the text around
/// it is shown: the Unicode format characters (general category Cf: the
/// bidirectional embeddings, overrides, isolates and marks U+202A..U+202E,
/// U+2066..U+2069, U+200E, U+200F, U+061C; zero-width U+200B..U+200D,
/// U+2060..U+2064, U+FEFF; the soft hyphen U+00AD; tags, ...) and the line
/// and paragraph separators U+2028, U+2029. A name holding U+202E can show
/// reversed text, one holding U+200B looks like another name.
bool is_invisible_format(std::uint32_t cp);

/// Whether every byte of `text` is printable ASCII (0x20..0x7E): text that
/// every escaping here leaves as it is. Reads eight bytes at a time: names
/// and paths are checked once per line of output.
bool is_printable_ascii(std::string_view text);

/// `cp` written as `\uNNNN`, or `\UNNNNNNNN` above U+FFFF (lower case hex).
std::string code_point_escape(std::uint32_t cp);

/// `text` with control characters escaped so that one line stays one line
/// and shows what it holds: `\r`, `\n`, `\t`, other C0 controls and DEL as
/// `\xNN`, C1 controls (valid UTF-8 U+0080..U+009F, CSI among them) and
/// is_invisible_format() characters as `\uNNNN` (`\UNNNNNNNN` above
/// U+FFFF). Every other byte, invalid UTF-8 included, is kept as it is.
std::string escape_control(std::string_view text);

}  // namespace vssmeta::internal
