// SPDX-License-Identifier: MIT
#include "vssmeta/hierarchy.h"

#include <functional>
#include <map>
#include <memory>
#include <utility>

#include "semantics/logical_path.h"
#include "text/ascii.h"

namespace vssmeta {
namespace {

// Construction-time node: children are kept in a map keyed by the folded
// name, so inserting n components costs O(n log n) and siblings come out
// already in hierarchy order. The public HierarchyNode uses a plain vector,
// which would make lookups linear.
struct BuildNode {
  std::string name;
  std::vector<std::size_t> components;
  std::map<std::string, std::unique_ptr<BuildNode>, std::less<>> children;
};

// `key` is scratch space for the folded name: a lookup of an existing child
// allocates nothing.
BuildNode& child_of(BuildNode& parent, std::string_view element,
                    std::string& key) {
  key.clear();
  internal::append_folded(element, key);
  auto it = parent.children.find(key);
  if (it == parent.children.end()) {
    it = parent.children.emplace(key, std::make_unique<BuildNode>()).first;
    it->second->name = element;  // the first spelling seen wins
  }
  return *it->second;
}

void convert(BuildNode& from, const std::string& parent_path,
             HierarchyNode& to) {
  to.name = std::move(from.name);
  to.path = parent_path.empty() ? to.name : parent_path + "\\" + to.name;
  to.components = std::move(from.components);
  to.children.resize(from.children.size());
  std::size_t i = 0;
  for (auto& entry : from.children) {
    convert(*entry.second, to.path, to.children[i++]);
  }
}

}  // namespace

ComponentTree build_component_tree(const WriterMetadata& wmd) {
  BuildNode top;
  std::string key;
  for (std::size_t i = 0; i < wmd.components.size(); ++i) {
    const Component& c = wmd.components[i];
    BuildNode* node = &top;
    if (c.logical_path) {
      for (std::string_view element :
           internal::logical_elements(*c.logical_path)) {
        node = &child_of(*node, element, key);
      }
    }
    // The name is one element even if it contains a backslash: that is how
    // full_path() and the Windows tools spell the component.
    node = &child_of(*node, c.name, key);
    node->components.push_back(i);
  }
  ComponentTree tree;
  tree.roots.resize(top.children.size());
  std::size_t i = 0;
  for (auto& entry : top.children) {
    convert(*entry.second, std::string(), tree.roots[i++]);
  }
  return tree;
}

}  // namespace vssmeta
