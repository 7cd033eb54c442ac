// SPDX-License-Identifier: MIT
#pragma once
// Label escaping for the graph renderers (dot.cc): the text of a node,
// cluster or edge as DOT and Mermaid show it, exactly as written.

#include <string>
#include <string_view>

namespace vssmeta::internal {

/// Text for the inside of a DOT double-quoted string that Graphviz shows
/// exactly as `text`: `\` and `"` are escaped (so `\n`, `\l`, `\N` in the
/// input stay literal), a line feed becomes a `\n` line break, carriage
/// returns are dropped, a tab becomes a space, other control characters
/// are shown as `\xNN`, invisible format characters as `\uNNNN`, and
/// invalid UTF-8 bytes become U+FFFD.
std::string dot_escape(std::string_view text);

/// Text for the inside of a Mermaid `"..."` label that Mermaid shows
/// exactly as `text`: `"`, `#`, `&`, `<`, `>` and `` ` `` become Mermaid
/// entity codes (`#quot;`, `#35;`, ...), a line feed becomes `<br/>`,
/// other control characters are shown as `\xNN`, invisible format
/// characters (bidi overrides, zero-width spaces) as `\uNNNN`, and invalid
/// UTF-8 bytes become U+FFFD.
std::string mermaid_escape(std::string_view text);

}  // namespace vssmeta::internal
