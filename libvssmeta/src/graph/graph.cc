// SPDX-License-Identifier: MIT
#include "vssmeta/graph.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "graph/graph_builder.h"
#include "render/dump_json.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/diagnose.h"
#include "vssmeta/hierarchy.h"
#include "vssmeta/selection.h"

namespace vssmeta {

const char* to_string(GraphNodeKind kind) {
  switch (kind) {
    case GraphNodeKind::kWriter:
      return "writer";
    case GraphNodeKind::kPathElement:
      return "path";
    case GraphNodeKind::kComponent:
      return "component";
    case GraphNodeKind::kMissing:
      return "missing";
    case GraphNodeKind::kMore:
      return "more";
    case GraphNodeKind::kDirectory:
      return "directory";
  }
  return "?";
}

const char* to_string(GraphSelection selection) {
  switch (selection) {
    case GraphSelection::kNoBackup:
      return "none";
    case GraphSelection::kExplicit:
      return "explicit";
    case GraphSelection::kImplicit:
      return "implicit";
    case GraphSelection::kNotIncluded:
      return "not included";
  }
  return "?";
}

const char* to_string(GraphEdgeKind kind) {
  return kind == GraphEdgeKind::kContains ? "contains" : "depends on";
}

const GraphNode* ComponentGraph::find(const std::string& id) const {
  auto it = std::lower_bound(
      nodes.begin(), nodes.end(), id,
      [](const GraphNode& n, const std::string& key) { return n.id < key; });
  return it != nodes.end() && it->id == id ? &*it : nullptr;
}

namespace {

std::string filespec_text(const FileDescriptor& f) {
  return f.is_recursive() ? f.filespec + " /s" : f.filespec;
}

// The directory of a descriptor as a key: case-folded, without trailing
// backslashes (`C:\Windows\` and `c:\windows` are one directory).
std::string directory_key(const std::string& path) {
  std::string key = internal::fold(path);
  while (key.size() > 1 && key.back() == '\\') key.pop_back();
  return key;
}

// The path part of a path element's or component's id: the folded path
// itself when it is short, as every real writer's is; else its first
// kIdPrefix bytes (not cutting a UTF-8 sequence), `~` and the 64-bit FNV-1a
// hash of the whole in hex. Every level of a path has a node, so full-path
// ids would cost the square of its depth: a 256-level path of 2 KB would
// give its elements 256 KB of ids, and every copy of an id (node, parent,
// edges, the view's sets) as much again.
constexpr std::size_t kMaxIdPath = 128;
constexpr std::size_t kIdPrefix = 96;

std::string id_path(std::string key) {
  if (key.size() <= kMaxIdPath) return key;
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  std::size_t cut = kIdPrefix;
  while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  key.resize(cut);
  key += fmt::format("~{:016x}", hash);
  return key;
}

bool is_remote(const Dependency& d) {
  return (d.logical_path && d.logical_path->rfind("\\\\", 0) == 0) ||
         d.component_name.rfind("\\\\", 0) == 0;
}

}  // namespace

namespace internal {

void GraphBuilder::add_writer(std::size_t w) {
  const WriterMetadata& wmd = capture_.writers[w];
  GraphNode n;
  n.id = "w:" + writer_keys_[w];
  n.kind = GraphNodeKind::kWriter;
  n.writer = n.id;
  n.label = wmd.display_name();
  n.path = writer_id_text(wmd);
  n.order = next_order_++;
  if (wmd.identity.instance_name) n.caption = wmd.identity.instance_name;
  if (wmd.from_text) n.from_text = wmd.from_text->where;
  const ComponentTree tree = build_component_tree(wmd);
  const std::string id = n.id;
  nodes_.emplace(id, std::move(n));
  for (const HierarchyNode& root : tree.roots) add_tree(w, root, id);
}

// Depth first, parents before children, as a recursion would visit them, but
// with a stack of its own: a hierarchy built in code can be thousands of
// levels deep, more than a thread's stack holds on Windows (1 MiB).
void GraphBuilder::add_tree(std::size_t w, const HierarchyNode& root,
                            const std::string& root_parent) {
  const std::string writer = "w:" + writer_keys_[w];
  std::vector<std::pair<const HierarchyNode*, std::string>> pending;
  pending.emplace_back(&root, root_parent);
  while (!pending.empty()) {
    auto [node, parent] = std::move(pending.back());
    pending.pop_back();
    const HierarchyNode& h = *node;
    const std::string anchor = add_level(w, h, writer, parent);
    for (auto it = h.children.rbegin(); it != h.children.rend(); ++it) {
      pending.emplace_back(&*it, anchor);
    }
  }
}

std::string GraphBuilder::add_level(std::size_t w, const HierarchyNode& h,
                                    const std::string& writer,
                                    const std::string& parent) {
  const std::string key = fold(h.path);
  const std::string id_key = writer_keys_[w] + ":" + id_path(key);
  std::string anchor;
  if (!h.declared()) {
    GraphNode n;
    n.id = unique_id("p:" + id_key);
    n.kind = GraphNodeKind::kPathElement;
    n.writer = writer;
    n.parent = parent;
    n.label = h.name;
    n.path = h.path;
    n.order = next_order_++;
    anchor = n.id;
    nodes_.emplace(n.id, std::move(n));
    children_[parent].push_back(anchor);
  }
  const WriterMetadata& wmd = capture_.writers[w];
  const ComponentIndex& index = indexes_[w];
  for (std::size_t k = 0; k < h.components.size(); ++k) {
    const std::size_t i = h.components[k];
    const Component& c = wmd.components[i];
    GraphNode n;
    n.id = unique_id("c:" + id_key +
                     (k == 0 ? std::string() : fmt::format("#{}", k + 1)));
    n.writer = writer;
    n.parent = parent;
    n.label = c.name;
    n.path = c.full_path();
    n.order = next_order_++;
    n.caption = c.caption;
    n.type = c.type;
    n.selectable = c.is_selectable();
    n.selectable_for_restore = c.is_selectable_for_restore();
    n.backup_class = index.backup_class(i);
    n.defines_component_set = n.selectable && !h.children.empty();
    n.in_component_set = index.nearest_selectable_ancestor(i).has_value();
    n.file_count = c.files.size();
    component_ids_[w][i] = n.id;
    component_of_.emplace(n.id, std::make_pair(w, i));
    if (k == 0) anchor = n.id;
    children_[parent].push_back(n.id);
    nodes_.emplace(n.id, std::move(n));
  }
  // Only --component and --dependers look paths up (resolve()).
  if (options_.component || options_.dependers) {
    by_path_.emplace(std::make_pair(w, key), anchor);
  }
  return anchor;
}

// An abbreviated id (id_path()) may meet another node's id: a path that
// shares the prefix and the hash, or a short path spelled like an
// abbreviation. The later node gets `+` appended until its id is free.
std::string GraphBuilder::unique_id(std::string id) const {
  while (nodes_.count(id) != 0) id += '+';
  return id;
}

void GraphBuilder::add_dependencies(std::size_t w) {
  const WriterMetadata& wmd = capture_.writers[w];
  for (std::size_t i = 0; i < wmd.components.size(); ++i) {
    for (const Dependency& d : wmd.components[i].dependencies) {
      const std::string full = join_component_path(
          d.logical_path.value_or(std::string()), d.component_name);
      // A dependency names a writer class: with several instances of it,
      // the writer's own instance first, then the others in capture order,
      // the first that declares the component.
      std::vector<std::size_t> candidates;
      if (wmd.identity.writer_id == d.writer_id) candidates.push_back(w);
      for (std::size_t t = 0; t < capture_.writers.size(); ++t) {
        if (t != w && capture_.writers[t].identity.writer_id == d.writer_id) {
          candidates.push_back(t);
        }
      }
      std::optional<std::size_t> target_writer;
      if (!candidates.empty()) target_writer = candidates.front();
      std::string to;
      for (std::size_t t : candidates) {
        if (is_remote(d)) break;
        auto hits = indexes_[t].find(d.logical_path, d.component_name);
        if (!hits.empty()) {
          to = component_ids_[t][hits.front()];
          break;
        }
      }
      if (to.empty()) {
        GraphNode n;
        n.kind = GraphNodeKind::kMissing;
        n.order = next_order_++;
        n.remote = is_remote(d);
        n.path = full;
        if (n.remote) {
          // On another machine: outside every cluster, named by its path.
          n.id = "m:" + d.writer_id.to_string() + ":\\\\" + logical_key(full);
          n.label = full;
          n.caption = target_writer
                          ? capture_.writers[*target_writer].display_name()
                          : d.writer_id.to_braced_string();
        } else if (target_writer) {
          n.id = "m:" + writer_keys_[*target_writer] + ":" + logical_key(full);
          n.writer = "w:" + writer_keys_[*target_writer];
          n.label =
              capture_.writers[*target_writer].display_name() + ":\\" + full;
        } else {
          n.id = "m:" + d.writer_id.to_string() + ":" + logical_key(full);
          n.label = d.writer_id.to_braced_string() + ":\\" + full;
        }
        to = n.id;
        nodes_.emplace(n.id, std::move(n));
      }
      depends_.emplace(component_ids_[w][i], to);
    }
  }
}

Result<bool> GraphBuilder::apply_backup() {
  if (options_.ignore_backup) return false;
  const std::size_t which = options_.backup.value_or(0);
  if (capture_.backup_components.empty() && !options_.backup) return false;
  if (which >= capture_.backup_components.size()) {
    return Error{ErrorCode::kInvalidValue,
                 fmt::format("no backup components document #{} (the capture "
                             "holds {})",
                             which + 1, capture_.backup_components.size()),
                 std::nullopt};
  }
  const BackupComponents& bcd = capture_.backup_components[which];
  std::vector<std::vector<std::size_t>> explicit_ids(capture_.writers.size());
  for (const WriterComponents& e : bcd.writers) {
    const auto match = resolve_writer_entry(capture_.writers, e);
    if (!match) continue;
    for (const BcdComponent& c : e.components) {
      for (std::size_t i :
           indexes_[match->writer].find(c.logical_path, c.name)) {
        explicit_ids[match->writer].push_back(i);
      }
    }
  }
  // The same reasons `diagnose` gives (diagnose.h).
  const std::vector<std::vector<std::string>> reasons =
      left_out_reasons(capture_, which);
  for (std::size_t w = 0; w < capture_.writers.size(); ++w) {
    const InclusionResult r = compute_inclusion(indexes_[w], explicit_ids[w]);
    for (std::size_t i = 0; i < r.inclusion.size(); ++i) {
      GraphSelection s = GraphSelection::kNotIncluded;
      if (r.inclusion[i] == Inclusion::kExplicit) s = GraphSelection::kExplicit;
      if (r.inclusion[i] == Inclusion::kImplicit) s = GraphSelection::kImplicit;
      GraphNode& node = nodes_.at(component_ids_[w][i]);
      node.selection = s;
      if (s == GraphSelection::kNotIncluded) node.reason = reasons[w][i];
    }
  }
  return true;
}

Error GraphBuilder::no_writer(const std::string& name) const {
  ResolvedReference miss;
  miss.text = miss.writer = name;
  miss.problem = ReferenceProblem::kNoWriter;
  std::vector<std::string> names;
  for (const WriterMetadata& w : capture_.writers) {
    names.push_back(w.display_name());
    if (w.identity.instance_name) names.push_back(*w.identity.instance_name);
  }
  miss.candidates = closest_names(names, name);
  return Error{ErrorCode::kInvalidValue, describe_unmatched(miss),
               std::nullopt};
}

// One node per directory of each kept component's descriptors, in the order
// the directories first appear; beyond max_files one "+K more" node. O(files
// log files).
void GraphBuilder::add_directories(IdSet& kept) {
  std::vector<std::string> components;
  for (const std::string& id : kept) {
    if (component_of_.count(id) != 0) components.push_back(id);
  }
  for (const std::string& id : components) {
    const auto [w, i] = component_of_.at(id);
    const Component& c = capture_.writers[w].components[i];
    const GraphNode& owner = nodes_.at(id);
    std::map<std::string, std::size_t> index;  // key -> position in dirs
    std::vector<GraphNode> dirs;
    std::vector<std::set<std::string>> specs;
    for (const FileDescriptor& f : c.files) {
      const std::string key = directory_key(f.path);
      auto [it, added] = index.emplace(key, dirs.size());
      if (added) {
        GraphNode& d = dirs.emplace_back();
        d.id = "d:" + id + "|" + key;
        d.kind = GraphNodeKind::kDirectory;
        d.writer = owner.writer;
        d.parent = id;
        d.label = f.path.empty() ? std::string("(no path)") : f.path;
        d.path = f.path;
        d.selection = owner.selection;
        specs.emplace_back();
      }
      GraphNode& d = dirs[it->second];
      ++d.file_count;
      if (f.is_recursive()) ++d.recursive_files;
      std::string spec = filespec_text(f);
      if (specs[it->second].insert(fold(spec)).second) {
        d.files.push_back(std::move(spec));
      }
    }
    const std::size_t limit = options_.max_files;
    GraphNode more;
    for (std::size_t k = 0; k < dirs.size(); ++k) {
      if (limit != 0 && k >= limit) {
        ++more.hidden_siblings;
        more.hidden_files += dirs[k].file_count;
        continue;
      }
      dirs[k].order = next_order_++;
      kept.insert(dirs[k].id);
      const std::string key = dirs[k].id;
      nodes_.emplace(key, std::move(dirs[k]));
    }
    if (more.hidden_siblings > 0) {
      more.id = "more-files:" + id;
      more.kind = GraphNodeKind::kMore;
      more.writer = owner.writer;
      more.parent = id;
      more.label = fmt::format("+{} more", more.hidden_siblings);
      more.order = next_order_++;
      kept.insert(more.id);
      const std::string key = more.id;
      nodes_.emplace(key, std::move(more));
    }
  }
}

Result<ComponentGraph> GraphBuilder::build() {
  const std::size_t count = capture_.writers.size();
  indexes_.reserve(count);
  std::map<std::string, std::size_t> per_class;
  for (const WriterMetadata& w : capture_.writers) {
    indexes_.emplace_back(w);
    ++per_class[w.identity.writer_id.to_string()];
  }
  writer_selected_.assign(count, options_.writers.empty());
  for (const std::string& name : options_.writers) {
    bool found = false;
    for (std::size_t w = 0; w < count; ++w) {
      if (writer_matches(capture_.writers[w], name)) {
        writer_selected_[w] = true;
        found = true;
      }
    }
    if (!found) return no_writer(name);
  }
  std::set<std::string> seen;
  for (std::size_t w = 0; w < count; ++w) {
    const WriterIdentity& id = capture_.writers[w].identity;
    std::string key = id.writer_id.to_string();
    if (per_class[key] > 1) {
      key.push_back('/');
      key += id.instance_id ? id.instance_id->to_string()
                            : fmt::format("{}", w + 1);
    }
    while (!seen.insert(key).second) key += "+";
    writer_keys_.push_back(key);
  }
  component_ids_.resize(count);
  for (std::size_t w = 0; w < count; ++w) {
    component_ids_[w].resize(capture_.writers[w].components.size());
  }
  // Writers in dump's order (by name), so that node order follows dump.
  for (const WriterMetadata* wmd : dump_order(capture_)) {
    add_writer(static_cast<std::size_t>(wmd - capture_.writers.data()));
  }
  for (std::size_t w = 0; w < count; ++w) add_dependencies(w);
  ComponentGraph graph;
  auto backup = apply_backup();
  if (!backup) return backup.error();
  graph.has_selection = *backup;
  if (graph.has_selection) {
    graph.backup_source =
        capture_.backup_components[options_.backup.value_or(0)].source.name;
  }

  IdSet pinned;
  auto chosen = choose(pinned);
  if (!chosen) return chosen.error();
  IdSet kept = std::move(*chosen);
  const bool deps_only =
      options_.dependencies_only || options_.dependers.has_value();
  if (deps_only) {
    IdSet on_edge;
    for (const auto& [from, to] : depends_) {
      if (kept.count(from) != 0 && kept.count(to) != 0) {
        on_edge.insert(from);
        on_edge.insert(to);
      }
    }
    if (options_.dependers) {
      for (const std::string& id : kept) {
        if (nodes_.at(id).kind == GraphNodeKind::kComponent ||
            nodes_.at(id).kind == GraphNodeKind::kMissing) {
          on_edge.insert(id);
        }
      }
    }
    kept = std::move(on_edge);
  } else {
    add_ancestors(kept);
    for (const auto& [from, to] : depends_) {
      if (kept.count(from) != 0 && kept.count(to) != 0) {
        pinned.insert(from);
        pinned.insert(to);
      }
    }
    add_ancestors(pinned);
    if (options_.max_siblings > 0) collapse(kept, pinned);
  }

  if (options_.show_files) add_directories(kept);

  // The nodes move into the graph: the builder is done with them, except
  // for a writer's label (read when its first node comes, at the latest the
  // writer's own) and `order` (kept by a moved-from node).
  std::set<std::string> clusters;
  graph.nodes.reserve(kept.size());
  for (const std::string& id : kept) {
    GraphNode& n = nodes_.at(id);
    if (!n.writer.empty() && clusters.insert(n.writer).second) {
      const GraphNode& writer = nodes_.at(n.writer);
      graph.clusters.push_back({n.writer, writer.label, writer.from_text});
    }
    if (!deps_only && !n.parent.empty() && kept.count(n.parent) != 0) {
      graph.edges.push_back({n.parent, n.id, GraphEdgeKind::kContains});
    }
    graph.nodes.push_back(std::move(n));
  }
  for (const auto& [from, to] : depends_) {
    if (kept.count(from) != 0 && kept.count(to) != 0) {
      graph.edges.push_back({from, to, GraphEdgeKind::kDependsOn});
    }
  }
  std::sort(graph.clusters.begin(), graph.clusters.end(),
            [this](const GraphCluster& a, const GraphCluster& b) {
              return nodes_.at(a.id).order < nodes_.at(b.id).order;
            });
  std::sort(graph.edges.begin(), graph.edges.end(),
            [](const GraphEdge& a, const GraphEdge& b) {
              return std::tie(a.kind, a.from, a.to) <
                     std::tie(b.kind, b.from, b.to);
            });
  return graph;
}

}  // namespace internal

Result<ComponentGraph> build_component_graph(const CaptureSet& capture,
                                             const GraphOptions& options) {
  return internal::GraphBuilder(capture, options).build();
}

}  // namespace vssmeta