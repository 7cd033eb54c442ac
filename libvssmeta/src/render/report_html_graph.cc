// SPDX-License-Identifier: MIT
// Section `hierarchy` of the HTML report: the component graph of `vssmeta
// graph` (same builder, same Graphviz styles), cut into one picture per
// writer with components and drawn as inline SVG; a nested list where
// Graphviz is not available.
#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "render/report_html_escape.h"
#include "render/report_html_internal.h"
#include "vssmeta/dot.h"
#include "vssmeta/graph.h"
#include "vssmeta/graphviz.h"

namespace vssmeta::internal {
namespace {

// Graphviz's `dot` lays a graph out in more than linear time: a writer of
// 12,288 nodes in 48 paths 256 levels deep took 4.6 s, twice as many over
// 11 minutes. So a report lays out at most this many nodes in all; a writer
// whose picture would take it past that is listed instead, so that no
// capture keeps the report busy for long. Real writers, their siblings
// collapsed, have a few hundred nodes; the 5,000-component bench writer
// 2,063.
constexpr std::size_t kMaxDrawnNodes = 5000;

// Where each writer's nodes and outgoing edges are in a graph: built once,
// so that cutting the graph into one part per writer stays linear in its
// size (n log n), however many writers it has.
struct GraphIndex {
  explicit GraphIndex(const ComponentGraph& graph) {
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
      const GraphNode& n = graph.nodes[i];
      node_at.emplace(n.id, i);
      nodes_of[n.writer].push_back(i);
      if (n.kind == GraphNodeKind::kComponent) with_components.insert(n.writer);
    }
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
      auto from = node_at.find(graph.edges[i].from);
      if (from == node_at.end()) continue;
      edges_of[graph.nodes[from->second].writer].push_back(i);
    }
    for (std::size_t i = 0; i < graph.clusters.size(); ++i) {
      cluster_at.emplace(graph.clusters[i].id, i);
    }
  }
  std::map<std::string, std::size_t> node_at;
  std::map<std::string, std::vector<std::size_t>> nodes_of;
  std::map<std::string, std::vector<std::size_t>> edges_of;
  std::map<std::string, std::size_t> cluster_at;
  std::set<std::string> with_components;
};

// The part of `graph` that belongs to writer cluster `writer`: its nodes,
// the edges leaving them and the targets of those edges (with their own
// clusters, as `vssmeta graph --writer` shows them). Nodes stay sorted by
// id, edges in their order, clusters by id.
ComponentGraph writer_part(const ComponentGraph& graph, const GraphIndex& index,
                           const std::string& writer) {
  ComponentGraph part;
  part.has_selection = graph.has_selection;
  part.backup_source = graph.backup_source;
  std::vector<std::size_t> nodes;
  if (auto own = index.nodes_of.find(writer); own != index.nodes_of.end()) {
    nodes = own->second;
  }
  const std::size_t own_count = nodes.size();
  if (auto edges = index.edges_of.find(writer); edges != index.edges_of.end()) {
    for (const std::size_t i : edges->second) {
      const GraphEdge& edge = graph.edges[i];
      part.edges.push_back(edge);
      auto to = index.node_at.find(edge.to);
      if (to != index.node_at.end() &&
          graph.nodes[to->second].writer != writer) {
        nodes.push_back(to->second);
      }
    }
  }
  // Node indices follow the graph's order, which is by id.
  std::sort(nodes.begin() + static_cast<std::ptrdiff_t>(own_count),
            nodes.end());
  std::inplace_merge(nodes.begin(),
                     nodes.begin() + static_cast<std::ptrdiff_t>(own_count),
                     nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  std::set<std::string> clusters = {writer};
  for (const std::size_t i : nodes) {
    part.nodes.push_back(graph.nodes[i]);
    if (!graph.nodes[i].writer.empty()) clusters.insert(graph.nodes[i].writer);
  }
  for (const std::string& id : clusters) {
    if (auto c = index.cluster_at.find(id); c != index.cluster_at.end()) {
      part.clusters.push_back(graph.clusters[c->second]);
    }
  }
  return part;
}

// Graphviz's SVG without its XML declaration, DOCTYPE and comments before
// the root; nothing when it holds anything but drawing (defence in depth:
// every label is escaped by Graphviz, so neither can appear).
std::string inline_svg(const std::string& svg) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return {};
  std::string lower = svg.substr(start);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (lower.find("<script") != std::string::npos ||
      lower.find("<foreignobject") != std::string::npos ||
      lower.find("javascript:") != std::string::npos) {
    return {};
  }
  return svg.substr(start);
}

const char* selection_class(GraphSelection s) {
  switch (s) {
    case GraphSelection::kExplicit:
      return "inc-explicit";
    case GraphSelection::kImplicit:
      return "inc-implicit";
    case GraphSelection::kNotIncluded:
      return "inc-none";
    case GraphSelection::kNoBackup:
      return "";
  }
  return "";
}

// One node of the nested list, without its children.
std::string list_item(const GraphNode& n) {
  std::string out;
  switch (n.kind) {
    case GraphNodeKind::kWriter:
      out = "<strong>" + html_escape(n.label) + "</strong>";
      break;
    case GraphNodeKind::kPathElement:
      out = "<span class=\"muted\">" + html_escape(n.label) + "\\</span>";
      break;
    case GraphNodeKind::kMore:
      out = "<em class=\"muted\">" + html_escape(n.label) + "</em>";
      break;
    case GraphNodeKind::kMissing:
      out = "<span class=\"bad\">" + html_escape(n.label) + " (missing)</span>";
      break;
    case GraphNodeKind::kDirectory:  // only with GraphOptions::show_files
      out = fmt::format(
          "<span class=\"mono\">{}</span> <span "
          "class=\"muted\">({} files)</span>",
          html_escape(n.label), n.file_count);
      break;
    case GraphNodeKind::kComponent: {
      const char* cls = selection_class(n.selection);
      out = fmt::format("<span class=\"mono {}\">{}</span>", cls,
                        html_escape(n.label));
      std::vector<std::string> facts;
      if (n.type == ComponentType::kDatabase) facts.emplace_back("database");
      if (n.selectable) facts.emplace_back("selectable");
      if (n.selection == GraphSelection::kExplicit) {
        facts.emplace_back("selected");
      }
      if (n.selection == GraphSelection::kImplicit) {
        facts.emplace_back("implicit");
      }
      if (n.selection == GraphSelection::kNotIncluded) {
        facts.emplace_back(n.reason.empty() ? "not included"
                                            : "not included: " + n.reason);
      }
      if (n.caption && !n.caption->empty() && *n.caption != n.label) {
        out += " &ldquo;" + html_escape(*n.caption) + "&rdquo;";
      }
      if (!facts.empty()) {
        std::string joined;
        for (const std::string& f : facts) {
          if (!joined.empty()) joined += ", ";
          joined += f;
        }
        out += " <span class=\"muted\">(" + html_escape(joined) + ")</span>";
      }
      break;
    }
  }
  return out;
}

// The nested list of one writer's part, depth first without recursion
// (logical paths can be deep).
void write_list(const ComponentGraph& part, const std::string& writer,
                std::ostream& out) {
  std::map<std::string, std::vector<const GraphNode*>> children;
  for (const GraphNode& n : part.nodes) {
    if (!n.parent.empty()) children[n.parent].push_back(&n);
  }
  std::map<std::string, std::vector<std::string>> depends;
  for (const GraphEdge& edge : part.edges) {
    if (edge.kind != GraphEdgeKind::kDependsOn) continue;
    const GraphNode* to = part.find(edge.to);
    std::string target = to != nullptr ? to->label : edge.to;
    if (to != nullptr && to->kind == GraphNodeKind::kComponent &&
        to->writer != writer) {
      // In another writer: `Writer:\path\name`, as graph --component reads.
      for (const GraphCluster& c : part.clusters) {
        if (c.id == to->writer) target = c.label + ":\\" + to->path;
      }
    }
    depends[edge.from].push_back(std::move(target));
  }
  const GraphNode* root = part.find(writer);
  if (root == nullptr) return;
  // A frame per open list: its nodes and the next one to write.
  struct Frame {
    const std::vector<const GraphNode*>* nodes;
    std::size_t next;
  };
  const std::vector<const GraphNode*> top = {root};
  std::vector<Frame> stack = {{&top, 0}};
  out << "<ul class=\"tree\">";
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next == f.nodes->size()) {
      stack.pop_back();
      out << "</ul>";
      if (!stack.empty()) out << "</li>";
      continue;
    }
    const GraphNode* n = (*f.nodes)[f.next++];
    out << "<li>" << list_item(*n);
    if (auto d = depends.find(n->id); d != depends.end()) {
      for (const std::string& target : d->second) {
        out << " <span class=\"bad\">&rarr; depends on " << html_escape(target)
            << "</span>";
      }
    }
    auto c = children.find(n->id);
    if (c == children.end()) {
      out << "</li>";
      continue;
    }
    out << "<ul class=\"tree\">";
    stack.push_back({&c->second, 0});
  }
  out << "\n";
}

}  // namespace

void write_hierarchy_section(const CaptureSet& capture,
                             const HtmlReportOptions& options,
                             std::ostream& out) {
  out << "<section id=\"hierarchy\">\n<h2>Hierarchy</h2>\n";
  GraphOptions graph_options;
  graph_options.max_siblings = options.max_siblings;
  auto graph = build_component_graph(capture, graph_options);
  if (!graph) {
    out << "<p class=\"bad\">" << html_escape(graph.error().message)
        << "</p>\n</section>\n";
    return;
  }
  const bool svg = options.use_graphviz && have_graphviz();
  out << "<p class=\"muted\">One picture per writer with components, as "
         "<code>vssmeta graph</code> draws it"
      << (options.max_siblings != 0
              ? fmt::format(" (more than {} siblings collapse into "
                            "&ldquo;+N more&rdquo;)",
                            options.max_siblings)
              : std::string())
      << ". "
      << (graph->has_selection
              ? "Dark green: selected; light green: included implicitly; "
                "grey text: not included. "
              : "")
      << "Thick border: selectable; dashed red edge: dependency.</p>\n";
  // By writer name, as the writers table is (clusters are by id).
  std::vector<const GraphCluster*> clusters;
  for (const GraphCluster& c : graph->clusters) clusters.push_back(&c);
  std::stable_sort(clusters.begin(), clusters.end(),
                   [](const GraphCluster* a, const GraphCluster* b) {
                     return a->label < b->label;
                   });
  const GraphIndex index(*graph);
  std::size_t drawn = 0;
  std::size_t laid_out = 0;  // nodes given to Graphviz so far
  for (const GraphCluster* each : clusters) {
    const GraphCluster& cluster = *each;
    if (index.with_components.count(cluster.id) == 0) continue;
    const ComponentGraph part = writer_part(*graph, index, cluster.id);
    out << "<details open id=\"hierarchy-" << drawn++ << "\">\n<summary>"
        << html_escape(cluster.label) << "</summary>\n";
    std::string picture;
    std::string failure;
    if (svg && laid_out + part.nodes.size() > kMaxDrawnNodes) {
      failure =
          laid_out == 0
              ? fmt::format("{} nodes are more than the report draws ({})",
                            part.nodes.size(), kMaxDrawnNodes)
              : fmt::format(
                    "{} nodes are more than the report draws ({} in all, "
                    "{} drawn above)",
                    part.nodes.size(), kMaxDrawnNodes, laid_out);
    } else if (svg) {
      laid_out += part.nodes.size();
      DotOptions dot;
      dot.legend = false;
      auto rendered = render_component_graph(part, "svg", dot);
      if (rendered) {
        picture = inline_svg(*rendered);
        if (picture.empty()) failure = "Graphviz gave no usable SVG";
      } else {
        failure = rendered.error().message;
      }
    }
    if (!picture.empty()) {
      out << "<figure class=\"graph\" aria-label=\"component graph of "
          << html_escape(cluster.label) << "\">" << picture << "</figure>\n";
    } else {
      if (!failure.empty()) {
        out << "<p class=\"warn\">" << html_escape(failure)
            << "; the hierarchy as a list:</p>\n";
      }
      write_list(part, cluster.id, out);
    }
    out << "</details>\n";
  }
  if (drawn == 0) out << "<p>No writer has components.</p>\n";
  out << "</section>\n";
}

}  // namespace vssmeta::internal
