// SPDX-License-Identifier: MIT
#include "vssmeta/dot.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "graph/escape.h"
#include "graph/graph_style.h"

namespace vssmeta {
namespace {

using internal::Attributes;
using internal::dot_escape;
using internal::mermaid_escape;

// Attribute values are escStrings or constants: only quotes need escaping.
std::string quoted(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string attribute_list(const Attributes& attributes,
                           std::string_view separator) {
  std::string out;
  for (const auto& [name, value] : attributes) {
    if (!out.empty()) out += separator;
    out += name + "=" + quoted(value);
  }
  return out;
}

void write_nodes(std::string& out,
                 const std::vector<internal::DrawnNode>& nodes,
                 const char* indent) {
  for (const internal::DrawnNode& n : nodes) {
    out += fmt::format("{}\"{}\" [{}];\n", indent, dot_escape(n.id),
                       attribute_list(n.attributes, ", "));
  }
}

std::string dot_text(const ComponentGraph& graph, const DotOptions& options) {
  const internal::Drawing d = internal::draw(graph, options);
  // A comment naming what this is, then the graph.
  std::string out;
  if (!options.comment.empty()) out += "// " + options.comment + "\n";
  out += "digraph \"vssmeta\" {\n";
  out += "  graph [" + attribute_list(d.graph, ", ") + "];\n";
  out += "  node [" + attribute_list(d.node_defaults, ", ") + "];\n";
  out += "  edge [" + attribute_list(d.edge_defaults, ", ") + "];\n";
  write_nodes(out, d.loose, "  ");
  for (const internal::DrawnCluster& c : d.clusters) {
    out += fmt::format("  subgraph \"{}\" {{\n    {};\n", dot_escape(c.name),
                       attribute_list(c.attributes, "; "));
    write_nodes(out, c.nodes, "    ");
    out += "  }\n";
  }
  for (const internal::DrawnEdge& e : d.edges) {
    out += fmt::format("  \"{}\" -> \"{}\" [{}];\n", dot_escape(e.from),
                       dot_escape(e.to), attribute_list(e.attributes, ", "));
  }
  out += "}\n";
  return out;
}

std::string mermaid_node(const GraphNode& n, const std::string& id,
                         bool selection, bool legend) {
  std::string label;
  const std::vector<std::string> lines =
      legend ? std::vector<std::string>{n.label}
             : internal::label_lines(n, selection);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) label += "<br/>";
    label += mermaid_escape(lines[i]);
  }
  const char* open = "[\"";
  const char* close = "\"]";
  switch (n.kind) {
    case GraphNodeKind::kWriter:
      open = "[[\"";
      close = "\"]]";
      break;
    case GraphNodeKind::kPathElement:
      open = "[/\"";
      close = "\"/]";
      break;
    case GraphNodeKind::kMissing:
      open = "{{\"";
      close = "\"}}";
      break;
    case GraphNodeKind::kMore:
      open = ">\"";
      close = "\"]";
      break;
    case GraphNodeKind::kDirectory:
      break;
    case GraphNodeKind::kComponent:
      if (n.type == ComponentType::kDatabase) {
        open = "[(\"";
        close = "\")]";
      } else if (n.selectable) {
        open = "(\"";
        close = "\")";
      }
      break;
  }
  return fmt::format("{}{}{}{}:::{}", id, open, label, close,
                     internal::mermaid_class(n));
}

std::string mermaid_text(const ComponentGraph& graph,
                         const DotOptions& options) {
  const bool sel = graph.has_selection;
  std::map<std::string, std::string> ids;
  std::map<std::string, std::vector<const GraphNode*>> by_writer;
  std::vector<const GraphNode*> ordered;
  for (const GraphNode& n : graph.nodes) {
    ids.emplace(n.id, fmt::format("n{}", ids.size() + 1));
    ordered.push_back(&n);
  }
  // Nodes and edges in dump's order (GraphNode::order): Mermaid places
  // siblings in the order they are declared.
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const GraphNode* a, const GraphNode* b) {
                     return a->order < b->order;
                   });
  std::map<std::string, std::size_t> rank;
  for (const GraphNode* n : ordered) {
    rank.emplace(n->id, rank.size());
    by_writer[n->writer].push_back(n);
  }
  std::vector<const GraphEdge*> edges;
  for (const GraphEdge& e : graph.edges) edges.push_back(&e);
  std::stable_sort(
      edges.begin(), edges.end(), [&](const GraphEdge* a, const GraphEdge* b) {
        return std::tuple(a->kind, rank.at(a->from), rank.at(a->to)) <
               std::tuple(b->kind, rank.at(b->from), rank.at(b->to));
      });
  std::string out = fmt::format("flowchart {}\n", options.rankdir);
  for (const GraphNode* n : by_writer[std::string()]) {
    out += "  " + mermaid_node(*n, ids.at(n->id), sel, false) + "\n";
  }
  std::size_t cluster = 0;
  for (const GraphCluster& c : graph.clusters) {
    out += fmt::format("  subgraph s{}[\"{}\"]\n", ++cluster,
                       mermaid_escape(internal::cluster_title(c)));
    for (const GraphNode* n : by_writer[c.id]) {
      out += "    " + mermaid_node(*n, ids.at(n->id), sel, false) + "\n";
    }
    out += "  end\n";
  }
  for (const GraphEdge* e : edges) {
    out += fmt::format("  {} {} {}\n", ids.at(e->from),
                       e->kind == GraphEdgeKind::kContains ? "-->" : "-.->",
                       ids.at(e->to));
  }
  if (options.legend) {
    out += "  subgraph legend[\"Legend\"]\n";
    const internal::Legend legend = internal::legend_of(graph);
    for (const GraphNode& n : legend.nodes) {
      out += "    " +
             mermaid_node(n, "legend_" + n.id.substr(n.id.find(':') + 1), sel,
                          true) +
             "\n";
    }
    if (legend.contains) {
      out +=
          "    legend_c1:::legendpoint -->|contains| legend_c2:::legendpoint\n";
    }
    if (legend.depends) {
      out +=
          "    legend_d1:::legendpoint -.->|depends on| "
          "legend_d2:::legendpoint\n";
    }
    out += "  end\n";
  }
  out +=
      "  classDef writer fill:#cfd8dc,stroke:#37474f,stroke-width:2px\n"
      "  classDef path fill:#fff,stroke:#9e9e9e,stroke-dasharray:4 3,"
      "color:#616161\n"
      "  classDef component fill:#fff,stroke:#212121\n"
      "  classDef selectable fill:#fff,stroke:#212121,stroke-width:3px\n"
      "  classDef restorable fill:#fff,stroke:#212121,stroke-dasharray:5 3\n"
      "  classDef missing fill:#ffebee,stroke:#c62828,stroke-dasharray:4 3\n"
      "  classDef more fill:#fff,stroke:#757575,stroke-dasharray:4 3\n"
      "  classDef explicit fill:#66bb6a,stroke:#1b5e20\n"
      "  classDef implicit fill:#c5e1a5,stroke:#33691e\n"
      "  classDef excluded fill:#fff,stroke:#9e9e9e,color:#757575\n"
      "  classDef directory fill:#efebe9,stroke:#8d6e63\n";
  if (options.legend) {
    out += "  classDef legendpoint fill:#fff,stroke:#fff,color:#fff\n";
  }
  return out;
}

}  // namespace

void write_graph(const ComponentGraph& graph, std::ostream& out,
                 const DotOptions& options) {
  switch (options.format) {
    case GraphFormat::kDot:
      out << dot_text(graph, options);
      return;
    case GraphFormat::kMermaid:
      out << mermaid_text(graph, options);
      return;
  }
}

}  // namespace vssmeta
