// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The text renderer of a ComponentGraph: Graphviz DOT or Mermaid flowchart.
/// Always built (no Graphviz needed): render the DOT with `dot -Tsvg`, or
/// through `render_graphviz()` when the library has Graphviz. The output is
/// deterministic: the same graph gives byte-identical text.
///
/// Drawing conventions (also drawn as a legend):
/// - one cluster per writer, the writer node at its root;
/// - undeclared logical-path elements: dashed grey folders;
/// - components: a box (cylinder for databases); a thick border when
///   selectable for backup, a dashed border when selectable for restore, a
///   double border when the component defines a component set and a blue
///   border when it belongs to another component's set;
/// - with a BCD: filled dark green when included explicitly, light green
///   when implicitly, white with grey text when not included;
/// - missing dependency targets: red dashed boxes; "+N more": notes;
/// - directories of file descriptors (GraphOptions::show_files): small
///   brown boxes;
/// - containment edges grey, dependency edges red and dashed.
///
/// The legend draws only the conventions the graph uses. Nodes and edges
/// are written in dump's order (GraphNode::order); with rankdir LR in
/// reverse, since Graphviz stacks a rank's nodes bottom-up there, so that
/// siblings read top-down as dump lists them.

#include <ostream>
#include <string>
#include <string_view>

#include "vssmeta/export.h"
#include "vssmeta/graph.h"

namespace vssmeta {

/// The forms of write_graph().
enum class GraphFormat {
  /// A DOT `digraph`. Every id and label is escaped so that Graphviz
  /// shows it exactly as written.
  kDot,
  /// A Mermaid `flowchart`; node ids are `n1`, `n2`, ... in node-id order,
  /// labels are escaped the same way (Mermaid entity codes).
  kMermaid,
};

/// Options of write_graph() and of the Graphviz renderer (graphviz.h),
/// which ignores `format`.
struct DotOptions {
  GraphFormat format = GraphFormat::kDot;
  /// Draw the legend cluster (DOT) or subgraph (Mermaid).
  bool legend = true;
  /// Graph direction: "LR" (default) or "TB".
  std::string rankdir = "LR";
  /// DOT only: the first line, written as a `//` comment (one line; empty:
  /// none).
  std::string comment = "component graph (libvssmeta)";
};

/// Writes `graph` in `options.format`.
VSSMETA_EXPORT void write_graph(const ComponentGraph& graph, std::ostream& out,
                                const DotOptions& options = {});

}  // namespace vssmeta
