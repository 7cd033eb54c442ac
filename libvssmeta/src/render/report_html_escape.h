// SPDX-License-Identifier: MIT
#pragma once
// The one place the HTML report turns document text into markup, and the
// SHA-256 its Content-Security-Policy names the inline CSS and script by.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace vssmeta::internal {

/// `text` safe as HTML element content and as a double- or single-quoted
/// attribute value: `&`, `<`, `>`, `"` and `'` as character references,
/// and control and invisible format characters made visible first
/// (escape_control(): `\x01`, `\u202e`), so a name can neither close an
/// element nor hide or reorder what follows it.
std::string html_escape(std::string_view text);

/// Appends html_escape(text) to `out`.
void append_html_escaped(std::string& out, std::string_view text);

/// The SHA-256 digest of `data` (FIPS 180-4).
std::array<std::uint8_t, 32> sha256(std::string_view data);

/// `'sha256-<base64 digest>'`, a CSP source expression for `data`.
std::string csp_hash(std::string_view data);

}  // namespace vssmeta::internal
