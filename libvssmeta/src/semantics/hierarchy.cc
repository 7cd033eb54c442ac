// SPDX-License-Identifier: MIT
#include "vssmeta/hierarchy.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "semantics/logical_path.h"
#include "text/ascii.h"

namespace vssmeta {
namespace {

using internal::PathTree;

// Construction-time node, one per node of the PathTree that keys the paths:
// the name as first spelled, the components declared there, the children in
// the order they were added (sorted once, when converted).
struct BuildNode {
  std::string_view name;
  std::vector<std::size_t> components;
  std::vector<PathTree::Node> children;
};

class Converter {
 public:
  explicit Converter(std::vector<BuildNode>& built) : built_(built) {}

  // The children of `from`, sorted case-insensitively by name, into `out`.
  void children(BuildNode& from, const std::string& parent_path,
                std::vector<HierarchyNode>& out) {
    std::sort(from.children.begin(), from.children.end(),
              [&](PathTree::Node a, PathTree::Node b) {
                return internal::iless(built_[a].name, built_[b].name);
              });
    out.resize(from.children.size());
    for (std::size_t i = 0; i < from.children.size(); ++i) {
      node(built_[from.children[i]], parent_path, out[i]);
    }
  }

 private:
  void node(BuildNode& from, const std::string& parent_path,
            HierarchyNode& to) {
    to.name = from.name;
    if (parent_path.empty()) {
      to.path = to.name;
    } else {
      to.path.reserve(parent_path.size() + 1 + to.name.size());
      to.path += parent_path;
      to.path += '\\';
      to.path += to.name;
    }
    to.components = std::move(from.components);
    children(from, to.path, to.children);
  }

  std::vector<BuildNode>& built_;
};

}  // namespace

ComponentTree build_component_tree(const WriterMetadata& wmd) {
  // The paths go through a PathTree, so that an element is looked up once
  // per path that does not share it with the path before (a chain of nested
  // components costs one lookup each, not its depth), and siblings are
  // sorted once at the end instead of kept in an ordered map.
  PathTree paths;
  paths.reserve(wmd.components.size() + 1);
  PathTree::Cursor cursor;
  std::vector<BuildNode> built(1);  // per node of `paths`; [kRoot] the top
  built.reserve(wmd.components.size() + 1);
  // A node `paths` just numbered is new: it gets its BuildNode, named as
  // first spelled, and becomes a child of its parent.
  auto record = [&](PathTree::Node node, std::string_view name) {
    if (node < built.size()) return;  // seen with another path
    built.push_back(BuildNode{name, {}, {}});
    built[paths.parent(node)].children.push_back(node);
  };
  for (std::size_t i = 0; i < wmd.components.size(); ++i) {
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
    built[node].components.push_back(i);
  }
  ComponentTree tree;
  Converter(built).children(built[PathTree::kRoot], std::string(), tree.roots);
  return tree;
}

}  // namespace vssmeta
