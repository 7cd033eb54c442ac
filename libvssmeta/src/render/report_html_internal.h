// SPDX-License-Identifier: MIT
#pragma once
// The parts of the HTML report kept in their own files.

#include <ostream>

#include "vssmeta/capture_set.h"
#include "vssmeta/html_report.h"

namespace vssmeta::internal {

/// Section `hierarchy`: per writer with components, its component graph as
/// inline SVG (Graphviz) or, without Graphviz, as a nested list.
void write_hierarchy_section(const CaptureSet& capture,
                             const HtmlReportOptions& options,
                             std::ostream& out);

}  // namespace vssmeta::internal
