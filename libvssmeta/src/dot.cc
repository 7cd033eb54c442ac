// SPDX-License-Identifier: MIT
#include "vssmeta/dot.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace vssmeta {
namespace {

// Calls `out(code_point_bytes)` per valid UTF-8 sequence and
// `bad()` per byte that starts no valid sequence.
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

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string control_escape(std::uint32_t cp) {
  return fmt::format("\\x{:02X}", cp);
}

struct Style {
  std::vector<std::pair<std::string, std::string>> attrs;  // DOT, unescaped
  std::string mermaid_class;
};

std::string files_text(std::size_t n) {
  return fmt::format("{} file{}", n, n == 1 ? "" : "s");
}

// The lines a node shows, before escaping.
std::vector<std::string> label_lines(const GraphNode& n, bool selection) {
  std::vector<std::string> lines{n.label};
  switch (n.kind) {
    case GraphNodeKind::kWriter:
      lines.push_back(n.path);
      if (n.caption) lines.push_back(*n.caption);
      break;
    case GraphNodeKind::kPathElement:
      lines.emplace_back("(undeclared path)");
      break;
    case GraphNodeKind::kComponent:
      if (n.caption) {
        std::string caption = *n.caption;
        while (!caption.empty() &&
               (caption.back() == '\n' || caption.back() == '\r' ||
                caption.back() == ' ')) {
          caption.pop_back();
        }
        if (!caption.empty() && caption != n.label) {
          lines.push_back("\"" + caption + "\"");
        }
      }
      lines.push_back(files_text(n.file_count));
      if (selection) lines.emplace_back(to_string(n.selection));
      break;
    case GraphNodeKind::kMissing:
      lines.emplace_back(n.remote ? "(remote)" : "(missing)");
      break;
    case GraphNodeKind::kMore:
      lines.push_back(fmt::format("({} component{})", n.hidden_components,
                                  n.hidden_components == 1 ? "" : "s"));
      break;
  }
  return lines;
}

Style style_of(const GraphNode& n) {
  Style s;
  auto& a = s.attrs;
  switch (n.kind) {
    case GraphNodeKind::kWriter:
      a = {
          {"shape", "tab"}, {"style", "filled,bold"}, {"fillcolor", "#cfd8dc"}};
      s.mermaid_class = "writer";
      break;
    case GraphNodeKind::kPathElement:
      a = {{"shape", "folder"},
           {"style", "dashed"},
           {"color", "#9e9e9e"},
           {"fontcolor", "#616161"}};
      s.mermaid_class = "path";
      break;
    case GraphNodeKind::kMissing:
      a = {{"shape", "box"},
           {"style", "dashed,filled"},
           {"color", "#c62828"},
           {"fillcolor", "#ffebee"}};
      s.mermaid_class = "missing";
      break;
    case GraphNodeKind::kMore:
      a = {{"shape", "note"}, {"style", "dashed"}, {"color", "#757575"}};
      s.mermaid_class = "more";
      break;
    case GraphNodeKind::kComponent: {
      std::string style = "filled";
      if (n.type != ComponentType::kDatabase) style = "rounded," + style;
      if (n.selectable_for_restore) style += ",dashed";
      a = {{"shape", n.type == ComponentType::kDatabase ? "cylinder" : "box"},
           {"style", style},
           {"penwidth", n.selectable ? "2.5" : "1"}};
      if (n.defines_component_set) a.emplace_back("peripheries", "2");
      if (n.defines_component_set || n.in_component_set) {
        a.emplace_back("color", "#1565c0");
      }
      const char* fill = "#ffffff";
      switch (n.selection) {
        case GraphSelection::kExplicit:
          fill = "#66bb6a";
          s.mermaid_class = "explicit";
          break;
        case GraphSelection::kImplicit:
          fill = "#c5e1a5";
          s.mermaid_class = "implicit";
          break;
        case GraphSelection::kNotIncluded:
          a.emplace_back("fontcolor", "#757575");
          s.mermaid_class = "excluded";
          break;
        case GraphSelection::kNoBackup:
          s.mermaid_class = n.selectable ? "selectable" : "component";
          break;
      }
      if (n.selectable_for_restore && !n.selectable &&
          n.selection == GraphSelection::kNoBackup) {
        s.mermaid_class = "restorable";
      }
      a.emplace_back("fillcolor", fill);
      break;
    }
  }
  return s;
}

// The legend's sample nodes: (id, label lines, node).
std::vector<GraphNode> legend_nodes(bool selection) {
  std::vector<GraphNode> out;
  auto add = [&](const char* id, const char* label, GraphNodeKind kind) {
    GraphNode& n = out.emplace_back();
    n.id = std::string("legend:") + id;
    n.label = label;
    n.kind = kind;
    return &n;
  };
  add("1writer", "writer", GraphNodeKind::kWriter)->path = "{class id}";
  add("2path", "path element", GraphNodeKind::kPathElement);
  add("3required", "not selectable", GraphNodeKind::kComponent);
  add("4selectable", "selectable", GraphNodeKind::kComponent)->selectable =
      true;
  add("5restore", "selectable for restore", GraphNodeKind::kComponent)
      ->selectable_for_restore = true;
  GraphNode* set =
      add("6set", "defines a component set", GraphNodeKind::kComponent);
  set->selectable = true;
  set->defines_component_set = true;
  add("7member", "in a component set", GraphNodeKind::kComponent)
      ->in_component_set = true;
  add("8database", "database", GraphNodeKind::kComponent)->type =
      ComponentType::kDatabase;
  add("9missing", "dependency target", GraphNodeKind::kMissing);
  add("9more", "+N more", GraphNodeKind::kMore);
  if (selection) {
    add("selA", "explicit", GraphNodeKind::kComponent)->selection =
        GraphSelection::kExplicit;
    add("selB", "implicit", GraphNodeKind::kComponent)->selection =
        GraphSelection::kImplicit;
    add("selC", "not included", GraphNodeKind::kComponent)->selection =
        GraphSelection::kNotIncluded;
  }
  return out;
}

std::string dot_label(const GraphNode& n, bool selection, bool legend) {
  std::string out;
  const std::vector<std::string> lines =
      legend ? std::vector<std::string>{n.label} : label_lines(n, selection);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "\\n";
    out += dot_escape(lines[i]);
  }
  if (!legend && !n.files.empty()) {
    out += "\\n";
    for (const std::string& f : n.files) out += dot_escape(f) + "\\l";
  }
  return out;
}

void write_dot_node(std::string& out, const GraphNode& n, bool selection,
                    bool legend, const char* indent) {
  out += fmt::format("{}\"{}\" [label=\"{}\"", indent, dot_escape(n.id),
                     dot_label(n, selection, legend));
  for (const auto& [k, v] : style_of(n).attrs) {
    out += fmt::format(", {}=\"{}\"", k, v);
  }
  out += "];\n";
}

const char* edge_attrs(GraphEdgeKind kind) {
  return kind == GraphEdgeKind::kContains
             ? "color=\"#90a4ae\", arrowsize=\"0.6\""
             : "color=\"#c62828\", style=\"dashed\", penwidth=\"1.5\"";
}

// Nodes per writer id (empty key: outside every cluster).
std::map<std::string, std::vector<const GraphNode*>> by_writer(
    const ComponentGraph& g) {
  std::map<std::string, std::vector<const GraphNode*>> out;
  for (const GraphNode& n : g.nodes) out[n.writer].push_back(&n);
  return out;
}

std::string cluster_label(const ComponentGraph& g, const std::string& writer) {
  for (const GraphCluster& c : g.clusters) {
    if (c.id == writer) return c.label;
  }
  return writer;
}

}  // namespace

std::string dot_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  each_code_point(
      text,
      [&](std::string_view bytes, std::uint32_t cp) {
        if (cp == '\\' || cp == '"') {
          out.push_back('\\');
          out.push_back(static_cast<char>(cp));
        } else if (cp == '\n') {
          out += "\\n";
        } else if (cp == '\t') {
          out.push_back(' ');
        } else if (cp == '\r') {
        } else if (cp < 0x20 || cp == 0x7F) {
          out += "\\" + control_escape(cp);  // a literal backslash
        } else {
          out += bytes;
        }
      },
      [&] { out += kReplacement; });
  return out;
}

std::string mermaid_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  each_code_point(
      text,
      [&](std::string_view bytes, std::uint32_t cp) {
        switch (cp) {
          case '"':
            out += "#quot;";
            return;
          case '#':
            out += "#35;";
            return;
          case '&':
            out += "#amp;";
            return;
          case '<':
            out += "#lt;";
            return;
          case '>':
            out += "#gt;";
            return;
          case '`':
            out += "#96;";
            return;
          case '\n':
            out += "<br/>";
            return;
          case '\t':
            out.push_back(' ');
            return;
          case '\r':
            return;
          default:
            break;
        }
        if (cp < 0x20 || cp == 0x7F) {
          out += control_escape(cp);
        } else {
          out += bytes;
        }
      },
      [&] { out += kReplacement; });
  return out;
}

std::string to_dot(const ComponentGraph& graph, const DotOptions& options) {
  const bool sel = graph.has_selection;
  std::string out =
      "// vssmeta graph. Render with: dot -Tsvg graph.dot -o graph.svg\n"
      "digraph \"vssmeta\" {\n";
  out += fmt::format(
      "  graph [rankdir=\"{}\", fontname=\"Helvetica\", fontsize=\"11\", "
      "nodesep=\"0.25\", ranksep=\"0.5\"",
      dot_escape(options.rankdir));
  if (sel) {
    out += fmt::format(", label=\"selection from {}\", labelloc=\"t\"",
                       dot_escape(graph.backup_source));
  }
  out +=
      "];\n"
      "  node [fontname=\"Helvetica\", fontsize=\"10\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=\"9\"];\n";
  for (const auto& [writer, nodes] : by_writer(graph)) {
    const bool cluster = !writer.empty();
    const char* indent = cluster ? "    " : "  ";
    if (cluster) {
      out += fmt::format(
          "  subgraph \"cluster_{}\" {{\n    label=\"{}\"; style=\"rounded\"; "
          "color=\"#607d8b\";\n",
          dot_escape(writer), dot_escape(cluster_label(graph, writer)));
    }
    for (const GraphNode* n : nodes) {
      write_dot_node(out, *n, sel, false, indent);
    }
    if (cluster) out += "  }\n";
  }
  for (const GraphEdge& e : graph.edges) {
    out += fmt::format("  \"{}\" -> \"{}\" [{}];\n", dot_escape(e.from),
                       dot_escape(e.to), edge_attrs(e.kind));
  }
  if (options.legend) {
    out +=
        "  subgraph \"cluster_legend\" {\n    label=\"Legend\"; "
        "style=\"rounded\"; color=\"#bdbdbd\";\n";
    for (const GraphNode& n : legend_nodes(sel)) {
      write_dot_node(out, n, sel, true, "    ");
    }
    out += fmt::format(
        "    \"legend:1writer\" -> \"legend:2path\" [label=\"contains\", "
        "{}];\n    \"legend:3required\" -> \"legend:9missing\" "
        "[label=\"depends on\", {}];\n  }}\n",
        edge_attrs(GraphEdgeKind::kContains),
        edge_attrs(GraphEdgeKind::kDependsOn));
  }
  out += "}\n";
  return out;
}

namespace {

std::string mermaid_node(const GraphNode& n, const std::string& id,
                         bool selection, bool legend) {
  std::string label;
  const std::vector<std::string> lines =
      legend ? std::vector<std::string>{n.label} : label_lines(n, selection);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) label += "<br/>";
    label += mermaid_escape(lines[i]);
  }
  if (!legend) {
    for (const std::string& f : n.files) label += "<br/>" + mermaid_escape(f);
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
                     style_of(n).mermaid_class);
}

}  // namespace

std::string to_mermaid(const ComponentGraph& graph, const DotOptions& options) {
  const bool sel = graph.has_selection;
  std::map<std::string, std::string> ids;
  for (const GraphNode& n : graph.nodes) {
    ids.emplace(n.id, fmt::format("n{}", ids.size() + 1));
  }
  std::string out = fmt::format("flowchart {}\n", options.rankdir);
  std::size_t cluster = 0;
  for (const auto& [writer, nodes] : by_writer(graph)) {
    const bool in_cluster = !writer.empty();
    const char* indent = in_cluster ? "    " : "  ";
    if (in_cluster) {
      out += fmt::format("  subgraph s{}[\"{}\"]\n", ++cluster,
                         mermaid_escape(cluster_label(graph, writer)));
    }
    for (const GraphNode* n : nodes) {
      out += indent + mermaid_node(*n, ids.at(n->id), sel, false) + "\n";
    }
    if (in_cluster) out += "  end\n";
  }
  for (const GraphEdge& e : graph.edges) {
    out += fmt::format("  {} {} {}\n", ids.at(e.from),
                       e.kind == GraphEdgeKind::kContains ? "-->" : "-.->",
                       ids.at(e.to));
  }
  if (options.legend) {
    out += "  subgraph legend[\"Legend\"]\n";
    std::size_t i = 0;
    for (const GraphNode& n : legend_nodes(sel)) {
      out += "    " + mermaid_node(n, fmt::format("legend{}", ++i), sel, true) +
             "\n";
    }
    out +=
        "    legend1 -->|contains| legend2\n"
        "    legend3 -.->|depends on| legend9\n"
        "  end\n";
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
      "  classDef excluded fill:#fff,stroke:#9e9e9e,color:#757575\n";
  return out;
}

}  // namespace vssmeta
