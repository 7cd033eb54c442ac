// SPDX-License-Identifier: MIT
#include "vssmeta/hierarchy.h"

#include <map>
#include <memory>
#include <utility>

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
  std::map<std::string, std::unique_ptr<BuildNode>> children;
};

BuildNode& child_of(BuildNode& parent, const std::string& element) {
  std::unique_ptr<BuildNode>& slot = parent.children[fold_case(element)];
  if (!slot) {
    slot = std::make_unique<BuildNode>();
    slot->name = element;  // the first spelling seen wins
  }
  return *slot;
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

std::string fold_case(const std::string& text) {
  std::string out = text;
  for (char& c : out) c = internal::ascii_lower(c);
  return out;
}

std::vector<std::string> split_logical_path(const std::string& logical_path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= logical_path.size()) {
    std::size_t end = logical_path.find('\\', start);
    if (end == std::string::npos) end = logical_path.size();
    if (end > start) out.push_back(logical_path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

ComponentTree build_component_tree(const WriterMetadata& wmd) {
  BuildNode top;
  for (std::size_t i = 0; i < wmd.components.size(); ++i) {
    const Component& c = wmd.components[i];
    BuildNode* node = &top;
    if (c.logical_path) {
      for (const std::string& element : split_logical_path(*c.logical_path)) {
        node = &child_of(*node, element);
      }
    }
    // The name is one element even if it contains a backslash: that is how
    // full_path() and the Windows tools spell the component.
    node = &child_of(*node, c.name);
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
