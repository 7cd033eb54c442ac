// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Rendering DOT through Graphviz (libgvc/cgraph): layout with `dot`, then
/// SVG, PNG, PDF or laid-out DOT. Available only when the library was built
/// with Graphviz (`VSSMETA_HAS_GRAPHVIZ` in `vssmeta/config.h`); otherwise
/// every call fails with ErrorCode::kUnsupported and the caller can write
/// the DOT text for an external `dot -Tsvg` instead.

#include <string>
#include <string_view>
#include <vector>

#include "vssmeta/config.h"
#include "vssmeta/dot.h"
#include "vssmeta/export.h"
#include "vssmeta/result.h"

namespace vssmeta {

/// True when render_graphviz() can render (the library has Graphviz).
VSSMETA_EXPORT bool have_graphviz();

/// Lays `dot` out with Graphviz's `dot` engine and renders it in `format`
/// ("svg", "png", "pdf", "dot" for DOT with layout positions, or any other
/// format the installed Graphviz plugins offer). Returns the bytes.
/// Errors: kUnsupported without Graphviz or for a format no plugin renders;
/// kInvalidValue when Graphviz cannot parse `dot` (its message included);
/// kInternal when layout fails. Thread-compatible: Graphviz keeps global
/// state, so do not call it from several threads at once.
///
/// Graphviz's own messages never reach the terminal: its warnings are
/// appended to `warnings` (when not null), one a line, without Graphviz's
/// `Warning: ` prefix; its errors are in the error's message. Bitmap
/// formats (png, jpg, gif, ...) are scaled down so that neither side
/// exceeds 8,000 px (through the graph's `size`, at its `dpi`, 96 by
/// default), well within what cairo accepts.
VSSMETA_EXPORT Result<std::string> render_graphviz(
    std::string_view dot, std::string_view format,
    std::vector<std::string>* warnings = nullptr);

/// Builds `graph` directly through the cgraph API (agopen, agsubg, agnode,
/// agedge, agsafeset: ids and attribute values are passed as C strings,
/// never quoted into DOT text), with the same styles, clusters and legend
/// as `write_graph(graph, out, options)` in DOT, lays it out and renders it in
/// `format`. Errors, warnings and bitmap sizes as for render_graphviz().
VSSMETA_EXPORT Result<std::string> render_component_graph(
    const ComponentGraph& graph, std::string_view format,
    const DotOptions& options = {},
    std::vector<std::string>* warnings = nullptr);

}  // namespace vssmeta
