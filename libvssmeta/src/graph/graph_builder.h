// SPDX-License-Identifier: MIT
#pragma once
// The builder behind build_component_graph(): graph.cc builds every node and
// edge of the capture, graph_view.cc picks the view (writer filter, focus,
// depth, dependers) and collapses siblings.

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "semantics/logical_path.h"
#include "text/ascii.h"
#include "vssmeta/graph.h"
#include "vssmeta/hierarchy.h"

namespace vssmeta::internal {

using IdSet = std::set<std::string>;

class GraphBuilder {
 public:
  GraphBuilder(const CaptureSet& capture, const GraphOptions& options)
      : capture_(capture), options_(options) {}

  Result<ComponentGraph> build();

 private:
  void add_writer(std::size_t w);
  void add_tree(std::size_t w, const HierarchyNode& root,
                const std::string& root_parent);
  /// Adds one hierarchy level's nodes; returns the id its children hang
  /// from (its path-element node, or the empty anchor when it is declared).
  std::string add_level(std::size_t w, const HierarchyNode& h,
                        const std::string& writer, const std::string& parent);
  /// `id`, or `id` followed by as many `+` as make it no node's id yet.
  std::string unique_id(std::string id) const;
  void add_dependencies(std::size_t w);
  Result<bool> apply_backup();
  Result<std::vector<std::string>> resolve(const std::string& text) const;
  Result<IdSet> choose(IdSet& pinned);
  void collapse(IdSet& kept, const IdSet& pinned);
  void add_ancestors(IdSet& kept) const;
  void add_directories(IdSet& kept);
  void add_dependency_closure(IdSet& kept) const;
  /// The error of a writer filter that names no writer (with the closest
  /// names).
  Error no_writer(const std::string& name) const;

  const CaptureSet& capture_;
  const GraphOptions& options_;
  std::vector<ComponentIndex> indexes_;
  std::vector<std::string> writer_keys_;                 // per writer
  std::vector<std::vector<std::string>> component_ids_;  // [writer][comp]
  std::map<std::string, GraphNode> nodes_;
  std::map<std::string, std::vector<std::string>> children_;
  std::set<std::pair<std::string, std::string>> depends_;  // from, to
  std::vector<bool> writer_selected_;
  // Component node id -> (writer, component index).
  std::map<std::string, std::pair<std::size_t, std::size_t>> component_of_;
  std::size_t next_order_ = 0;  // GraphNode::order of the next node
  // (writer, folded path) -> node id, for --component and --dependers.
  std::map<std::pair<std::size_t, std::string>, std::string> by_path_;
};

}  // namespace vssmeta::internal
