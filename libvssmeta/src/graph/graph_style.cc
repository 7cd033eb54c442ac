// SPDX-License-Identifier: MIT
#include "graph/graph_style.h"

#include <map>

#include <fmt/format.h>

#include "text/escape.h"
#include "text/utf8.h"

namespace vssmeta::internal {
namespace {

std::string files_text(std::size_t n) {
  return fmt::format("{} file{}", n, n == 1 ? "" : "s");
}

std::string trimmed(std::string text) {
  while (!text.empty() &&
         (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

Attributes node_style(const GraphNode& n) {
  switch (n.kind) {
    case GraphNodeKind::kWriter:
      return {
          {"shape", "tab"}, {"style", "filled,bold"}, {"fillcolor", "#cfd8dc"}};
    case GraphNodeKind::kPathElement:
      return {{"shape", "folder"},
              {"style", "dashed"},
              {"color", "#9e9e9e"},
              {"fontcolor", "#616161"}};
    case GraphNodeKind::kMissing:
      return {{"shape", "box"},
              {"style", "dashed,filled"},
              {"color", "#c62828"},
              {"fillcolor", "#ffebee"}};
    case GraphNodeKind::kMore:
      return {{"shape", "note"}, {"style", "dashed"}, {"color", "#757575"}};
    case GraphNodeKind::kComponent:
      break;
  }
  std::string style = "filled";
  if (n.type != ComponentType::kDatabase) style = "rounded," + style;
  if (n.selectable_for_restore) style += ",dashed";
  Attributes a = {
      {"shape", n.type == ComponentType::kDatabase ? "cylinder" : "box"},
      {"style", style},
      {"penwidth", n.selectable ? "2.5" : "1"}};
  if (n.defines_component_set) a.emplace_back("peripheries", "2");
  if (n.defines_component_set || n.in_component_set) {
    a.emplace_back("color", "#1565c0");
  }
  const char* fill = "#ffffff";
  if (n.selection == GraphSelection::kExplicit) fill = "#66bb6a";
  if (n.selection == GraphSelection::kImplicit) fill = "#c5e1a5";
  if (n.selection == GraphSelection::kNotIncluded) {
    a.emplace_back("fontcolor", "#757575");
  }
  a.emplace_back("fillcolor", fill);
  return a;
}

Attributes edge_style(GraphEdgeKind kind) {
  if (kind == GraphEdgeKind::kContains) {
    return {{"color", "#90a4ae"}, {"arrowsize", "0.6"}};
  }
  return {{"color", "#c62828"}, {"style", "dashed"}, {"penwidth", "1.5"}};
}

DrawnNode drawn(const GraphNode& n, bool selection, bool legend) {
  std::string label;
  const std::vector<std::string> lines =
      legend ? std::vector<std::string>{n.label} : label_lines(n, selection);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) label += "\\n";
    label += label_escape(lines[i]);
  }
  if (!legend && !n.files.empty()) {
    label += "\\n";
    for (const std::string& f : n.files) label += label_escape(f) + "\\l";
  }
  DrawnNode out{n.id, {{"label", label}}};
  for (auto& attribute : node_style(n)) {
    out.attributes.push_back(std::move(attribute));
  }
  return out;
}

}  // namespace

std::string label_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  each_code_point(
      text,
      [&](std::string_view bytes, std::uint32_t cp) {
        if (cp == '\\') {
          out += "\\\\";
        } else if (cp == '\n') {
          out += "\\n";
        } else if (cp == '\t') {
          out.push_back(' ');
        } else if (cp == '\r') {
          return;
        } else if (cp < 0x20 || cp == 0x7F) {
          out += fmt::format("\\\\x{:02X}", cp);  // shown as `\xNN`
        } else if (is_invisible_format(cp)) {
          out += "\\" + code_point_escape(cp);  // shown as `\uNNNN`
        } else {
          out += bytes;
        }
      },
      [&](std::string_view) { out += kReplacement; });
  return out;
}

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
    case GraphNodeKind::kComponent: {
      const std::string caption = trimmed(n.caption.value_or(std::string()));
      if (!caption.empty() && caption != n.label) {
        lines.push_back("\"" + caption + "\"");
      }
      lines.push_back(files_text(n.file_count));
      if (selection) {
        lines.emplace_back(
            n.reason.empty()
                ? std::string(to_string(n.selection))
                : fmt::format("{}: {}", to_string(n.selection), n.reason));
      }
      break;
    }
    case GraphNodeKind::kMissing:
      lines.emplace_back(n.remote ? "(remote, " + n.caption.value_or("") + ")"
                                  : "(missing)");
      break;
    case GraphNodeKind::kMore:
      lines.push_back(fmt::format("({} component{})", n.hidden_components,
                                  n.hidden_components == 1 ? "" : "s"));
      break;
  }
  return lines;
}

const char* mermaid_class(const GraphNode& n) {
  switch (n.kind) {
    case GraphNodeKind::kWriter:
      return "writer";
    case GraphNodeKind::kPathElement:
      return "path";
    case GraphNodeKind::kMissing:
      return "missing";
    case GraphNodeKind::kMore:
      return "more";
    case GraphNodeKind::kComponent:
      break;
  }
  switch (n.selection) {
    case GraphSelection::kExplicit:
      return "explicit";
    case GraphSelection::kImplicit:
      return "implicit";
    case GraphSelection::kNotIncluded:
      return "excluded";
    case GraphSelection::kNoBackup:
      break;
  }
  if (n.selectable) return "selectable";
  return n.selectable_for_restore ? "restorable" : "component";
}

std::vector<GraphNode> legend_nodes(bool selection) {
  std::vector<GraphNode> out;
  auto add = [&](const char* id, const char* label, GraphNodeKind kind) {
    GraphNode& n = out.emplace_back();
    n.id = std::string("legend:") + id;
    n.label = label;
    n.kind = kind;
    return &n;
  };
  add("1writer", "writer", GraphNodeKind::kWriter);
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

Drawing draw(const ComponentGraph& graph, const DotOptions& options) {
  const bool sel = graph.has_selection;
  Drawing d;
  // newrank: one global ranking instead of per-cluster passes; it halves
  // the layout time of a writer with thousands of components.
  d.graph = {{"newrank", "true"},       {"rankdir", options.rankdir},
             {"fontname", "Helvetica"}, {"fontsize", "11"},
             {"nodesep", "0.25"},       {"ranksep", "0.5"}};
  if (sel) {
    d.graph.emplace_back("label",
                         label_escape("selection from " + graph.backup_source));
    d.graph.emplace_back("labelloc", "t");
  }
  d.node_defaults = {{"fontname", "Helvetica"}, {"fontsize", "10"}};
  d.edge_defaults = {{"fontname", "Helvetica"}, {"fontsize", "9"}};
  std::map<std::string, std::size_t> cluster_of;
  for (const GraphCluster& c : graph.clusters) {
    cluster_of.emplace(c.id, d.clusters.size());
    d.clusters.push_back({"cluster_" + c.id,
                          {{"label", label_escape(c.label)},
                           {"style", "rounded"},
                           {"color", "#607d8b"}},
                          {}});
  }
  for (const GraphNode& n : graph.nodes) {
    auto it = cluster_of.find(n.writer);
    auto& into =
        it == cluster_of.end() ? d.loose : d.clusters[it->second].nodes;
    into.push_back(drawn(n, sel, false));
  }
  for (const GraphEdge& e : graph.edges) {
    d.edges.push_back({e.from, e.to, edge_style(e.kind)});
  }
  if (options.legend) {
    DrawnCluster& legend = d.clusters.emplace_back();
    legend.name = "cluster_legend";
    legend.attributes = {
        {"label", "Legend"}, {"style", "rounded"}, {"color", "#bdbdbd"}};
    for (const GraphNode& n : legend_nodes(sel)) {
      legend.nodes.push_back(drawn(n, sel, true));
    }
    DrawnEdge contains{"legend:1writer", "legend:2path",
                       edge_style(GraphEdgeKind::kContains)};
    contains.attributes.insert(contains.attributes.begin(),
                               {"label", "contains"});
    DrawnEdge depends{"legend:3required", "legend:9missing",
                      edge_style(GraphEdgeKind::kDependsOn)};
    depends.attributes.insert(depends.attributes.begin(),
                              {"label", "depends on"});
    d.edges.push_back(std::move(contains));
    d.edges.push_back(std::move(depends));
  }
  return d;
}

}  // namespace vssmeta::internal
