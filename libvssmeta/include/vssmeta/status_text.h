// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Writer status read back from the text people paste into tickets:
/// `vssadmin list writers` (in any language), diskshadow's
/// `list writers status` and `vshadow -ws`. The parser anchors on the
/// structure, not on the words: a line with a quoted writer name, then two
/// lines ending in a `{GUID}` (writer id, then instance id), a state line
/// (`[N] text`, or `N (VSS_WS_...)`) and a last-error line (the line after
/// vssadmin's state line, or a `0x........` failure code).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "vssmeta/capture.h"
#include "vssmeta/export.h"
#include "vssmeta/parse.h"
#include "vssmeta/result.h"

namespace vssmeta {

/// Parses status text (UTF-8, or UTF-16 with or without a BOM, such as
/// PowerShell's `>` writes; CR LF or LF; Markdown-quoted pastes with `>`
/// and `\-` are read as the plain text). Each complete writer block gives
/// one WriterStatus with `printed` set (position `options.source_name`,
/// line of the name line). Text around the blocks (banners, prompts,
/// "Waiting for responses.") is ignored. A block cut short (by the end of
/// the text or by the next writer) is skipped with an
/// `incomplete-status-block` warning naming its line. Linear in the size.
///
/// Errors: kMalformedXml for a bad encoding (NUL bytes: not a text file),
/// with line and column; kInvalidValue, at line 1, when no complete writer
/// block is found.
VSSMETA_EXPORT Result<std::vector<WriterStatus>> parse_status_text(
    std::string_view bytes, const ParseOptions& options = {});

/// True when `bytes` decode as text holding at least one complete writer
/// status block: what load() uses to recognise a status text by content.
/// XML (a first non-blank `<`) is never status text.
VSSMETA_EXPORT bool is_status_text(std::string_view bytes);

/// The writer failure HRESULT a printed last error names: an HRESULT
/// written as `0x` and 8 hex digits (diskshadow, vshadow), or a vssadmin
/// wording known to us: English ("No error", "Retryable error",
/// "Non-retryable error", "Timed out", "Inconsistent shadow copy", "Out of
/// resources") and French ("Aucune erreur", "Erreur récupérable", ...; see
/// docs/status-text.md for the sources). Case and surrounding blanks are
/// ignored. Nothing for any other wording: the code stays unknown.
VSSMETA_EXPORT std::optional<std::uint32_t> failure_from_last_error(
    std::string_view printed);

}  // namespace vssmeta
