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

// Calls `good(bytes, code_point)` per valid UTF-8 sequence and `bad()` per
// byte that starts none (overlong forms and surrogates are invalid).
template <typename Good, typename Bad>
void each_code_point(std::string_view s, Good good, Bad bad) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<std::uint8_t>(s[i]);
    std::size_t len = 0;
    std::uint32_t min = 0;
    if (b < 0x80) {
      len = 1;
    } else if ((b & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    }
    bool ok = len != 0 && i + len <= s.size();
    std::uint32_t cp = len == 1 ? b : (b & (0x7FU >> len));
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto c = static_cast<std::uint8_t>(s[i + k]);
      ok = (c & 0xC0) == 0x80;
      cp = (cp << 6) | (c & 0x3FU);
    }
    ok = ok && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    if (ok) {
      good(s.substr(i, len), cp);
      i += len;
    } else {
      bad();
      ++i;
    }
  }
}

inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Text as a Graphviz escString that shows exactly `text`: `\` doubled, line
// feed as `\n`, CR dropped, tab as a space, other controls as a literal
// `\xNN`, invalid UTF-8 as U+FFFD. Quotes are left alone: they matter only
// to the DOT syntax (dot_escape adds that layer).
std::string label_escape(std::string_view text);

// The lines a node shows, unescaped.
std::vector<std::string> label_lines(const GraphNode& node, bool selection);

// The Mermaid class of a node (one per node).
const char* mermaid_class(const GraphNode& node);

// The sample nodes of the legend.
std::vector<GraphNode> legend_nodes(bool selection);

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
