// SPDX-License-Identifier: MIT
#include "vssmeta/hierarchy.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "semantics/hierarchy_flat.h"
#include "semantics/logical_path.h"
#include "text/ascii.h"

namespace vssmeta {
namespace internal {

FlatHierarchy build_flat_hierarchy(const WriterMetadata& wmd) {
  // The paths go through a PathTree, so that an element is looked up once
  // per path that does not share it with the path before (a chain of nested
  // components costs one lookup each, not its depth). Its nodes are ours:
  // numbered in the order they are first seen, every parent before its
  // children.
  const std::size_t n = wmd.components.size();
  PathTree paths;
  paths.reserve(n + 1);
  PathTree::Cursor cursor;
  FlatHierarchy h;
  h.nodes.reserve(n + 1);
  h.nodes.emplace_back();  // kTop
  std::vector<std::uint32_t> parents(1, FlatHierarchy::kTop);
  parents.reserve(n + 1);
  // A node `paths` just numbered is new: named as first spelled.
  auto record = [&](PathTree::Node node, std::string_view name) {
    if (node < h.nodes.size()) return;  // seen with another path
    h.nodes.push_back(FlatHierarchy::Node{name});
    parents.push_back(static_cast<std::uint32_t>(paths.parent(node)));
  };
  std::vector<std::uint32_t> node_of(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Component& c = wmd.components[i];
    PathTree::Node at = PathTree::kRoot;
    if (c.logical_path) {
      const std::string_view path = *c.logical_path;
      paths.add_logical(path, cursor);
      for (std::size_t k = cursor.reused; k < cursor.elements.size(); ++k) {
        const auto [end, element] = cursor.elements[k];
        const std::size_t start = path.rfind('\\', end - 1) + 1;
        record(element, path.substr(start, end - start));
      }
      if (!cursor.elements.empty()) at = cursor.elements.back().second;
    }
    // The name is one element even if it contains a backslash: that is how
    // full_path() and the Windows tools spell the component.
    const PathTree::Node node = paths.add(at, c.name);
    record(node, c.name);
    node_of[i] = static_cast<std::uint32_t>(node);
  }
  // Children and components grouped per node by counting (no list per
  // node), then each sibling list sorted once.
  const std::size_t count = h.nodes.size();
  for (std::size_t v = 1; v < count; ++v) ++h.nodes[parents[v]].child_count;
  for (std::size_t i = 0; i < n; ++i) ++h.nodes[node_of[i]].component_count;
  std::uint32_t child_at = 0;
  std::uint32_t component_at = 0;
  for (FlatHierarchy::Node& node : h.nodes) {
    node.first_child = child_at;
    child_at += node.child_count;
    node.first_component = component_at;
    component_at += node.component_count;
  }
  std::vector<std::uint32_t> filled(count, 0);
  h.children.resize(count - 1);
  for (std::size_t v = 1; v < count; ++v) {
    const std::uint32_t p = parents[v];
    h.children[h.nodes[p].first_child + filled[p]++] =
        static_cast<std::uint32_t>(v);
  }
  std::fill(filled.begin(), filled.end(), 0);
  h.components.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t v = node_of[i];
    h.components[h.nodes[v].first_component + filled[v]++] =
        static_cast<std::uint32_t>(i);
  }
  // Each sibling list sorted by iless_key() (kept beside the node numbers),
  // the names compared only on a tie: the names lie all over the writer's
  // memory, the keys in one array. Siblings differ under iless().
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  for (const FlatHierarchy::Node& node : h.nodes) {
    if (node.child_count < 2) continue;
    const auto first = h.children.begin() + node.first_child;
    keyed.resize(node.child_count);
    for (std::uint32_t k = 0; k < node.child_count; ++k) {
      keyed[k] = {iless_key(h.nodes[first[k]].name), first[k]};
    }
    std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      return iless(h.nodes[a.second].name, h.nodes[b.second].name);
    });
    for (std::uint32_t k = 0; k < node.child_count; ++k) {
      first[k] = keyed[k].second;
    }
  }
  return h;
}

}  // namespace internal

namespace {

using internal::FlatHierarchy;

void convert(const FlatHierarchy& h, std::uint32_t from,
             const std::string& parent_path, HierarchyNode& to) {
  const FlatHierarchy::Node& n = h.nodes[from];
  to.name = n.name;
  if (parent_path.empty()) {
    to.path = to.name;
  } else {
    to.path.reserve(parent_path.size() + 1 + to.name.size());
    to.path += parent_path;
    to.path += '\\';
    to.path += to.name;
  }
  const auto components = h.components_of(from);
  to.components.assign(components.begin(), components.end());
  const auto children = h.children_of(from);
  to.children.resize(children.size());
  for (std::size_t i = 0; i < children.size(); ++i) {
    convert(h, children[i], to.path, to.children[i]);
  }
}

}  // namespace

ComponentTree build_component_tree(const WriterMetadata& wmd) {
  const FlatHierarchy h = internal::build_flat_hierarchy(wmd);
  ComponentTree tree;
  const auto roots = h.children_of(FlatHierarchy::kTop);
  tree.roots.resize(roots.size());
  for (std::size_t i = 0; i < roots.size(); ++i) {
    convert(h, roots[i], std::string(), tree.roots[i]);
  }
  return tree;
}

}  // namespace vssmeta
