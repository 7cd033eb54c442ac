// SPDX-License-Identifier: MIT
#pragma once
// The HTML report's inline style sheet and script. The page's
// Content-Security-Policy allows exactly these two by their SHA-256.

#include <string_view>

namespace vssmeta::internal {

/// The style sheet: screen and print.
std::string_view report_css();

/// The script: sortable tables, the writer filter, every <details> opened
/// for printing. The page reads the same without it.
std::string_view report_js();

}  // namespace vssmeta::internal
