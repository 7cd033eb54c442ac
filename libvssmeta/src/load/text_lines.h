// SPDX-License-Identifier: MIT
#pragma once
// Line helpers for the text outputs of the Windows tools (status_text.cc):
// blanks, `label: value` fields, trailing `{GUID}`s, quoted writer names,
// and the Markdown quoting of pasted excerpts.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "vssmeta/guid.h"

namespace vssmeta::internal {

/// `s` without ASCII blanks and the no-break spaces (U+00A0, U+202F) that
/// French output puts before colons, at either end.
std::string_view trim_text(std::string_view s);

/// Where `label` ends with a colon (ASCII or full-width), after trailing
/// blanks: the offset just past it, or 0 when it does not.
std::size_t label_end(std::string_view label);

/// The trimmed text after the first colon of `line`, or nothing.
std::optional<std::string_view> field_value(std::string_view line);

/// The `{GUID}` that ends `line`, or nothing.
std::optional<Guid> trailing_guid(std::string_view line);

/// The writer name of a name line: the text in the first pair of matching
/// quotes ('', "", “”, ‘’, «») up to the last such closing quote when the
/// line ends with one; or what follows diskshadow's `* WRITER `. Lines
/// starting with `-` or `+` (diskshadow's component lines) are no name
/// lines.
std::optional<std::string> quoted_writer_name(std::string_view line);

/// Calls `f(line, number)` for each line of `text` (1-based numbers),
/// trimmed, with Markdown quoting undone: leading `>` markers, and once a
/// line starts with an escaped `\-`, `\*` or `\+`, backslash escapes of
/// ASCII punctuation on that line and every later one.
void for_each_clean_line(
    std::string_view text,
    const std::function<void(std::string_view, std::size_t)>& f);

}  // namespace vssmeta::internal
