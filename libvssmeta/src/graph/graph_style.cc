// SPDX-License-Identifier: MIT
#include "graph/graph_style.h"

#include <algorithm>
#include <map>
#include <tuple>

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
    case GraphNodeKind::kDirectory:
      return {{"shape", "box"},
              {"style", "filled"},
              {"color", "#8d6e63"},
              {"fillcolor", "#efebe9"},
              {"fontsize", "9"}};
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

std::string cluster_title(const GraphCluster& cluster) {
  if (!cluster.from_text) return cluster.label;
  return cluster.label + "\n" +
         reconstructed_from_text_note(*cluster.from_text);
}

std::vector<std::string> label_lines(const GraphNode& n, bool selection) {
  std::vector<std::string> lines{n.label};
  switch (n.kind) {
    case GraphNodeKind::kWriter:
      lines.push_back(n.path);
      if (n.caption) lines.push_back(*n.caption);
      if (n.from_text) {
        lines.push_back(reconstructed_from_text_note(*n.from_text));
      }
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
      if (n.hidden_files > 0) {
        lines.push_back(fmt::format("({} director{}, {})", n.hidden_siblings,
                                    n.hidden_siblings == 1 ? "y" : "ies",
                                    files_text(n.hidden_files)));
      } else {
        lines.push_back(fmt::format("({} component{})", n.hidden_components,
                                    n.hidden_components == 1 ? "" : "s"));
      }
      break;
    case GraphNodeKind::kDirectory: {
      std::string count = files_text(n.file_count);
      if (n.recursive_files > 0) {
        count += fmt::format(", {} recursive", n.recursive_files);
      }
      lines.push_back(std::move(count));
      // A few filespecs, then how many more: one line stays short.
      constexpr std::size_t kShown = 4;
      std::string specs;
      for (std::size_t i = 0; i < n.files.size() && i < kShown; ++i) {
        if (i > 0) specs += "  ";
        specs += n.files[i];
      }
      if (n.files.size() > kShown) {
        specs += fmt::format("  +{} more", n.files.size() - kShown);
      }
      if (!specs.empty()) lines.push_back(std::move(specs));
      break;
    }
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
    case GraphNodeKind::kDirectory:
      return "directory";
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

namespace {

// The legend sample a node is drawn like (its key sorts the legend).
struct Sample {
  const char* key;
  const char* label;
};

Sample sample_of(const GraphNode& n) {
  switch (n.kind) {
    case GraphNodeKind::kWriter:
      return {"01writer", "writer"};
    case GraphNodeKind::kPathElement:
      return {"02path", "path element"};
    case GraphNodeKind::kMissing:
      return {"10missing", "dependency target"};
    case GraphNodeKind::kMore:
      return {"11more", "+N more"};
    case GraphNodeKind::kDirectory:
      return {"12directory", "directory of files"};
    case GraphNodeKind::kComponent:
      break;
  }
  switch (n.selection) {
    case GraphSelection::kExplicit:
      return {"13explicit", "explicit"};
    case GraphSelection::kImplicit:
      return {"14implicit", "implicit"};
    case GraphSelection::kNotIncluded:
      return {"15excluded", "not included"};
    case GraphSelection::kNoBackup:
      break;
  }
  return {"03required", "not selectable"};
}

}  // namespace

Legend legend_of(const ComponentGraph& graph) {
  // Each trait of a component (border, shape, colour) is its own sample, so
  // a component shows up under every trait it has.
  std::map<std::string, GraphNode> samples;
  auto add = [&](const char* key, const char* label, GraphNodeKind kind) {
    auto [it, added] = samples.try_emplace(key);
    GraphNode& n = it->second;
    if (added) {
      n.id = std::string("legend:") + key;
      n.label = label;
      n.kind = kind;
    }
    return &n;
  };
  Legend legend;
  for (const GraphNode& n : graph.nodes) {
    const Sample s = sample_of(n);
    const bool component = n.kind == GraphNodeKind::kComponent;
    if (!component || n.selection != GraphSelection::kNoBackup) {
      add(s.key, s.label, n.kind)->selection = n.selection;
    }
    if (component) {
      if (n.selectable && !n.defines_component_set) {
        add("04selectable", "selectable", n.kind)->selectable = true;
      }
      if (n.selectable_for_restore) {
        add("05restore", "selectable for restore", n.kind)
            ->selectable_for_restore = true;
      }
      if (n.defines_component_set) {
        GraphNode* set = add("06set", "defines a component set", n.kind);
        set->selectable = true;
        set->defines_component_set = true;
      }
      if (n.in_component_set) {
        add("07member", "in a component set", n.kind)->in_component_set = true;
      }
      if (n.type == ComponentType::kDatabase) {
        add("08database", "database", n.kind)->type = ComponentType::kDatabase;
      }
    }
  }
  // "not selectable" only when a plain component is drawn.
  bool plain_seen = false;
  for (const GraphNode& n : graph.nodes) {
    plain_seen = plain_seen ||
                 (n.kind == GraphNodeKind::kComponent &&
                  n.selection == GraphSelection::kNoBackup && !n.selectable &&
                  !n.selectable_for_restore && !n.in_component_set &&
                  n.type != ComponentType::kDatabase);
  }
  if (plain_seen)
    add("03required", "not selectable", GraphNodeKind::kComponent);
  for (auto& [key, n] : samples) legend.nodes.push_back(std::move(n));
  for (const GraphEdge& e : graph.edges) {
    if (e.kind == GraphEdgeKind::kContains) legend.contains = true;
    if (e.kind == GraphEdgeKind::kDependsOn) legend.depends = true;
  }
  return legend;
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
  // Graphviz places the nodes of a rank in the order it meets them: left
  // to right top-down, but bottom to top left-to-right (LR is TB turned).
  // So LR gets everything in reverse, and reads top-down in dump's order.
  const bool reverse = options.rankdir == "LR";
  std::vector<const GraphCluster*> clusters;
  for (const GraphCluster& c : graph.clusters) clusters.push_back(&c);
  if (reverse) std::reverse(clusters.begin(), clusters.end());
  std::map<std::string, std::size_t> cluster_of;
  for (const GraphCluster* cp : clusters) {
    const GraphCluster& c = *cp;
    cluster_of.emplace(c.id, d.clusters.size());
    d.clusters.push_back({"cluster_" + c.id,
                          {{"label", label_escape(cluster_title(c))},
                           {"style", "rounded"},
                           {"color", "#607d8b"}},
                          {}});
  }
  // Nodes and edges in dump's order (GraphNode::order): Graphviz places
  // siblings in the order it meets them.
  std::vector<const GraphNode*> ordered;
  ordered.reserve(graph.nodes.size());
  for (const GraphNode& n : graph.nodes) ordered.push_back(&n);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [reverse](const GraphNode* a, const GraphNode* b) {
                     return reverse ? a->order > b->order : a->order < b->order;
                   });
  std::map<std::string, std::size_t> rank;
  for (const GraphNode* n : ordered) {
    rank.emplace(n->id, rank.size());
    auto it = cluster_of.find(n->writer);
    auto& into =
        it == cluster_of.end() ? d.loose : d.clusters[it->second].nodes;
    into.push_back(drawn(*n, sel, false));
  }
  std::vector<const GraphEdge*> edges;
  edges.reserve(graph.edges.size());
  for (const GraphEdge& e : graph.edges) edges.push_back(&e);
  std::stable_sort(
      edges.begin(), edges.end(), [&](const GraphEdge* a, const GraphEdge* b) {
        return std::tuple(a->kind, rank.at(a->from), rank.at(a->to)) <
               std::tuple(b->kind, rank.at(b->from), rank.at(b->to));
      });
  for (const GraphEdge* e : edges) {
    d.edges.push_back({e->from, e->to, edge_style(e->kind)});
  }
  if (options.legend) {
    const Legend legend = legend_of(graph);
    DrawnCluster& cluster = d.clusters.emplace_back();
    cluster.name = "cluster_legend";
    cluster.attributes = {{"label", "Legend"},
                          {"style", "rounded"},
                          {"color", "#bdbdbd"},
                          {"fontsize", "9"}};
    for (const GraphNode& n : legend.nodes) {
      DrawnNode sample = drawn(n, sel, true);
      std::erase_if(sample.attributes,
                    [](const auto& a) { return a.first == "fontsize"; });
      sample.attributes.emplace_back("fontsize", "8");
      sample.attributes.emplace_back("height", "0.2");
      sample.attributes.emplace_back("margin", "0.04");
      cluster.nodes.push_back(std::move(sample));
    }
    // No reversal here: the samples share no edge, and Graphviz stacks such
    // nodes top-down in either direction.
    // Edge samples between two points each, so the legend stays a column.
    auto edge_sample = [&](const char* name, const char* label,
                           GraphEdgeKind kind) {
      const std::string from = std::string("legend:") + name + "-from";
      const std::string to = std::string("legend:") + name + "-to";
      for (const std::string& id : {from, to}) {
        cluster.nodes.push_back(
            {id, {{"shape", "point"}, {"width", "0.05"}, {"label", ""}}});
      }
      DrawnEdge e{from, to, edge_style(kind)};
      e.attributes.insert(e.attributes.begin(), {"label", label});
      e.attributes.emplace_back("fontsize", "8");
      d.edges.push_back(std::move(e));
    };
    if (legend.contains) {
      edge_sample("contains", "contains", GraphEdgeKind::kContains);
    }
    if (legend.depends) {
      edge_sample("depends", "depends on", GraphEdgeKind::kDependsOn);
    }
  }
  return d;
}

}  // namespace vssmeta::internal
