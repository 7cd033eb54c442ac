// SPDX-License-Identifier: MIT
#include "vssmeta/hierarchy.h"

#include <deque>
#include <functional>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "semantics/logical_path.h"
#include "text/ascii.h"

namespace vssmeta {
namespace {

// Construction-time node: children are kept in a map keyed by the folded
// name, so inserting n components costs O(n log n) and siblings come out
// already in hierarchy order. The public HierarchyNode uses a plain vector,
// which would make lookups linear. The nodes live in one pool (a deque: they
// never move), so building and dropping them is no allocation per node.
struct BuildNode {
  std::string name;
  std::vector<std::size_t> components;
  std::map<std::string, BuildNode*, std::less<>> children;
};

class Builder {
 public:
  BuildNode& top() { return top_; }

  // `key_` is scratch space for the folded name: a lookup of an existing
  // child allocates nothing.
  BuildNode& child_of(BuildNode& parent, std::string_view element) {
    key_.clear();
    internal::append_folded(element, key_);
    auto it = parent.children.find(key_);
    if (it == parent.children.end()) {
      BuildNode& node = pool_.emplace_back();
      node.name = element;  // the first spelling seen wins
      it = parent.children.emplace(key_, &node).first;
    }
    return *it->second;
  }

 private:
  BuildNode top_;
  std::deque<BuildNode> pool_;
  std::string key_;
};

void convert(BuildNode& from, const std::string& parent_path,
             HierarchyNode& to) {
  to.name = std::move(from.name);
  if (parent_path.empty()) {
    to.path = to.name;
  } else {
    to.path.reserve(parent_path.size() + 1 + to.name.size());
    to.path += parent_path;
    to.path += '\\';
    to.path += to.name;
  }
  to.components = std::move(from.components);
  to.children.resize(from.children.size());
  std::size_t i = 0;
  for (auto& entry : from.children) {
    convert(*entry.second, to.path, to.children[i++]);
  }
}

}  // namespace

ComponentTree build_component_tree(const WriterMetadata& wmd) {
  Builder builder;
  BuildNode& top = builder.top();
  // The logical paths go through a PathTree first, so that an element is
  // looked up once per path that does not share it with the path before
  // (a chain of nested components costs one lookup each, not its depth).
  internal::PathTree paths;
  internal::PathTree::Cursor cursor;
  std::vector<BuildNode*> built{&top};  // per node of `paths`
  for (std::size_t i = 0; i < wmd.components.size(); ++i) {
    const Component& c = wmd.components[i];
    BuildNode* node = &top;
    if (c.logical_path) {
      const std::string_view path = *c.logical_path;
      paths.add_logical(path, cursor);
      for (std::size_t k = cursor.reused; k < cursor.elements.size(); ++k) {
        const auto [end, element] = cursor.elements[k];
        if (element < built.size()) continue;  // seen with another path
        const std::size_t start = path.rfind('\\', end - 1) + 1;
        built.push_back(&builder.child_of(*built[paths.parent(element)],
                                          path.substr(start, end - start)));
      }
      if (!cursor.elements.empty()) node = built[cursor.elements.back().second];
    }
    // The name is one element even if it contains a backslash: that is how
    // full_path() and the Windows tools spell the component.
    node = &builder.child_of(*node, c.name);
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
