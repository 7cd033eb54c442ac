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
  // Two kinds of node. The elements of logical paths go through a PathTree,
  // so that an element is looked up once per path that does not share it
  // with the path before (a chain of nested components costs one lookup
  // each, not its depth); a writer has few of them. A component's name is a
  // node of that tree when some logical path goes through it (a declared
  // parent); every other name is a leaf, and the leaves (one per component
  // of a flat writer: 500,000 of them) are sorted rather than hashed, so
  // that no lookup per component lands in a table larger than the cache.
  // Nodes are numbered parents first: the tree's in its order, then the
  // leaves. Each node is named as first spelled in document order, where a
  // component's logical path comes before its name.
  const std::size_t n = wmd.components.size();
  PathTree paths;
  PathTree::Cursor cursor;
  FlatHierarchy h;
  h.nodes.emplace_back();  // kTop
  std::vector<std::uint32_t> parents(1, FlatHierarchy::kTop);
  // Per node of `paths`: the component whose path spelled it first.
  std::vector<std::uint32_t> spelled_by(1, 0);
  std::vector<std::uint32_t> at_of(n, FlatHierarchy::kTop);
  for (std::size_t i = 0; i < n; ++i) {
    const Component& c = wmd.components[i];
    if (!c.logical_path) continue;
    const std::string_view path = *c.logical_path;
    paths.add_logical(path, cursor);
    for (std::size_t k = cursor.reused; k < cursor.elements.size(); ++k) {
      const auto [end, element] = cursor.elements[k];
      if (element < h.nodes.size()) continue;  // seen with another path
      const std::size_t start = path.rfind('\\', end - 1) + 1;
      h.nodes.push_back(FlatHierarchy::Node{path.substr(start, end - start)});
      parents.push_back(static_cast<std::uint32_t>(paths.parent(element)));
      spelled_by.push_back(static_cast<std::uint32_t>(i));
    }
    if (!cursor.elements.empty()) {
      at_of[i] = static_cast<std::uint32_t>(cursor.elements.back().second);
    }
  }
  // The name is one element even if it contains a backslash: that is how
  // full_path() and the Windows tools spell the component.
  struct Leaf {
    std::uint32_t parent;
    std::uint32_t component;
    std::uint64_t key;  // iless_key() of the name
  };
  std::vector<Leaf> leaves;
  std::vector<std::uint32_t> node_of(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view name = wmd.components[i].name;
    if (paths.size() > 1) {
      if (const auto node = paths.find(at_of[i], name)) {
        // An earlier component's name spells it before any path did.
        if (i < spelled_by[*node]) {
          spelled_by[*node] = static_cast<std::uint32_t>(i);
          h.nodes[*node].name = name;
        }
        node_of[i] = static_cast<std::uint32_t>(*node);
        continue;
      }
    }
    leaves.push_back(
        Leaf{at_of[i], static_cast<std::uint32_t>(i), iless_key(name)});
  }
  // Equal names under one parent (folded) are one node, named by the first
  // component, its components in document order.
  auto name_of = [&](const Leaf& l) {
    return std::string_view(wmd.components[l.component].name);
  };
  std::sort(leaves.begin(), leaves.end(), [&](const Leaf& a, const Leaf& b) {
    if (a.parent != b.parent) return a.parent < b.parent;
    if (a.key != b.key) return a.key < b.key;
    const std::string_view x = name_of(a);
    const std::string_view y = name_of(b);
    if (iless(x, y)) return true;
    if (iless(y, x)) return false;
    return a.component < b.component;
  });
  const std::size_t first_leaf = h.nodes.size();
  h.nodes.reserve(h.nodes.size() + leaves.size());
  parents.reserve(h.nodes.size() + leaves.size());
  for (std::size_t k = 0; k < leaves.size(); ++k) {
    const Leaf& l = leaves[k];
    if (k == 0 || l.parent != leaves[k - 1].parent ||
        l.key != leaves[k - 1].key ||
        !iequals(name_of(l), name_of(leaves[k - 1]))) {
      h.nodes.push_back(FlatHierarchy::Node{name_of(l)});
      parents.push_back(l.parent);
    }
    node_of[l.component] = static_cast<std::uint32_t>(h.nodes.size() - 1);
  }
  // Children and components grouped per node by counting (no list per
  // node), then each sibling list sorted once: a node's children are in
  // the order of their numbers, so one whose children are all leaves has
  // them sorted already.
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
    if (*first >= first_leaf) continue;
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
