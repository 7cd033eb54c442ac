// SPDX-License-Identifier: MIT
#pragma once
// How a ComponentGraph is drawn, decided once for every sink: the DOT writer
// (write_graph) serialises a Drawing as text, the Graphviz renderer builds it
// with cgraph calls, and the Mermaid writer uses the same label lines and
// classes.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vssmeta/dot.h"
#include "vssmeta/graph.h"

namespace vssmeta::internal {

// Text as a Graphviz escString that shows exactly `text`: `\` doubled, line
// feed as `\n`, CR dropped, tab as a space, other controls as a literal
// `\xNN`, invisible format characters (bidi overrides, zero-width spaces:
// is_invisible_format()) as a literal `\uNNNN`, invalid UTF-8 as U+FFFD. Quotes
// are left alone: they matter only to the DOT syntax (dot_escape adds that
// layer).
std::string label_escape(std::string_view text);

// What a cluster's title shows, unescaped: the writer's name, and for a
// writer rebuilt from text the note saying so on a second line.
std::string cluster_title(const GraphCluster& cluster);

// The lines a node shows, unescaped.
std::vector<std::string> label_lines(const GraphNode& node, bool selection);

// The Mermaid class of a node (one per node).
const char* mermaid_class(const GraphNode& node);

// The legend of a graph: one sample node per style the graph uses, and
// which edge kinds it draws.
struct Legend {
  std::vector<GraphNode> nodes;
  bool contains = false;
  bool depends = false;
};
Legend legend_of(const ComponentGraph& graph);

// Attribute values: `label` values are escStrings, the rest constants.
using Attributes = std::vector<std::pair<std::string, std::string>>;

struct DrawnNode {
  std::string id;
  Attributes attributes;
};

struct DrawnCluster {
  std::string name;  // "cluster_..."
  Attributes attributes;
  std::vector<DrawnNode> nodes;
};

struct DrawnEdge {
  std::string from;
  std::string to;
  Attributes attributes;
};

struct Drawing {
  Attributes graph;
  Attributes node_defaults;
  Attributes edge_defaults;
  std::vector<DrawnNode> loose;  // outside every cluster
  std::vector<DrawnCluster> clusters;
  std::vector<DrawnEdge> edges;
};

// The whole picture, in output order.
Drawing draw(const ComponentGraph& graph, const DotOptions& options);

}  // namespace vssmeta::internal
