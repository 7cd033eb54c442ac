// SPDX-License-Identifier: MIT
// The view of a component graph: which nodes the options keep, and the
// "+N more" nodes that replace collapsed siblings.
#include <algorithm>
#include <deque>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "graph/graph_builder.h"
#include "vssmeta/selection.h"

namespace vssmeta::internal {

Result<std::vector<std::string>> GraphBuilder::resolve(
    const std::string& text) const {
  const ComponentRef ref = parse_component_ref(text);
  const std::string key = logical_key(ref.path);
  std::vector<std::string> out;
  bool writer_found = ref.writer.empty();
  for (std::size_t w = 0; w < capture_.writers.size(); ++w) {
    if (!writer_selected_[w]) continue;
    if (!ref.writer.empty()) {
      if (!writer_matches(capture_.writers[w], ref.writer)) continue;
      writer_found = true;
    }
    auto it = by_path_.find({w, key});
    if (it != by_path_.end()) out.push_back(it->second);
  }
  if (!writer_found) return no_writer(ref.writer);
  if (out.empty()) {
    ResolvedReference miss;
    miss.text = text;
    miss.writer = ref.writer;
    miss.path = ref.writer.empty() ? text : ref.path;
    miss.problem = ReferenceProblem::kNoComponent;
    std::vector<std::string> paths;
    for (std::size_t w = 0; w < capture_.writers.size(); ++w) {
      if (!writer_selected_[w]) continue;
      if (!ref.writer.empty() &&
          !writer_matches(capture_.writers[w], ref.writer)) {
        continue;
      }
      for (const Component& c : capture_.writers[w].components) {
        paths.push_back(c.full_path());
      }
    }
    miss.candidates = closest_names(paths, miss.path);
    return Error{ErrorCode::kInvalidValue, describe_unmatched(miss),
                 std::nullopt};
  }
  return out;
}

void GraphBuilder::add_ancestors(IdSet& kept) const {
  std::vector<std::string> todo(kept.begin(), kept.end());
  for (const std::string& id : todo) {
    const GraphNode* n = &nodes_.at(id);
    while (!n->parent.empty() && kept.insert(n->parent).second) {
      n = &nodes_.at(n->parent);
    }
    if (!n->writer.empty()) kept.insert(n->writer);
  }
}

void GraphBuilder::add_dependency_closure(IdSet& kept) const {
  std::deque<std::string> todo(kept.begin(), kept.end());
  while (!todo.empty()) {
    const std::string id = todo.front();
    todo.pop_front();
    for (auto it = depends_.lower_bound({id, std::string()});
         it != depends_.end() && it->first == id; ++it) {
      if (kept.insert(it->second).second) todo.push_back(it->second);
    }
  }
}

Result<IdSet> GraphBuilder::choose(IdSet& pinned) {
  IdSet kept;
  if (options_.dependers) {
    auto targets = resolve(*options_.dependers);
    if (!targets) return targets.error();
    std::deque<std::string> todo(targets->begin(), targets->end());
    kept.insert(targets->begin(), targets->end());
    std::multimap<std::string, std::string> dependers;  // target -> from
    for (const auto& [from, to] : depends_) dependers.emplace(to, from);
    while (!todo.empty()) {
      const std::string id = todo.front();
      todo.pop_front();
      auto [begin, end] = dependers.equal_range(id);
      for (auto it = begin; it != end; ++it) {
        if (kept.insert(it->second).second) todo.push_back(it->second);
      }
    }
    return kept;
  }
  // Containment levels below the roots of the view.
  auto add_subtree = [&](const std::string& root) {
    std::vector<std::pair<std::string, std::size_t>> todo{{root, 0}};
    while (!todo.empty()) {
      auto [id, level] = todo.back();
      todo.pop_back();
      kept.insert(id);
      if (options_.depth && level >= *options_.depth) continue;
      auto it = children_.find(id);
      if (it == children_.end()) continue;
      for (const std::string& c : it->second) todo.emplace_back(c, level + 1);
    }
  };
  if (options_.component) {
    auto focus = resolve(*options_.component);
    if (!focus) return focus.error();
    for (const std::string& id : *focus) {
      add_subtree(id);
      pinned.insert(id);
    }
  } else {
    for (std::size_t w = 0; w < capture_.writers.size(); ++w) {
      if (writer_selected_[w]) add_subtree("w:" + writer_keys_[w]);
    }
  }
  add_dependency_closure(kept);
  return kept;
}

void GraphBuilder::collapse(IdSet& kept, const IdSet& pinned) {
  const std::size_t limit = options_.max_siblings;
  std::vector<GraphNode> more;
  const auto collapse_children = [&](const std::string& parent,
                                     const std::vector<std::string>& all) {
    std::vector<const GraphNode*> shown;
    for (const std::string& id : all) {
      if (kept.count(id) != 0) shown.push_back(&nodes_.at(id));
    }
    if (shown.size() <= limit) return;
    std::stable_sort(shown.begin(), shown.end(),
                     [](const GraphNode* a, const GraphNode* b) {
                       return std::pair(fold(a->label), a->id) <
                              std::pair(fold(b->label), b->id);
                     });
    std::size_t kept_free = 0;
    GraphNode m;
    for (const GraphNode* n : shown) {
      if (pinned.count(n->id) != 0) continue;
      if (kept_free < limit) {
        ++kept_free;
        continue;
      }
      ++m.hidden_siblings;
      std::vector<std::string> todo{n->id};
      while (!todo.empty()) {
        const std::string id = todo.back();
        todo.pop_back();
        if (kept.erase(id) == 0) continue;
        if (nodes_.at(id).kind == GraphNodeKind::kComponent) {
          ++m.hidden_components;
        }
        auto it = children_.find(id);
        if (it != children_.end()) {
          todo.insert(todo.end(), it->second.begin(), it->second.end());
        }
      }
    }
    if (m.hidden_siblings == 0) return;
    m.id = "more:" + parent;
    m.kind = GraphNodeKind::kMore;
    m.parent = parent;
    m.writer = nodes_.at(parent).writer;
    m.label = fmt::format("+{} more", m.hidden_siblings);
    m.order = std::numeric_limits<std::size_t>::max();  // after its siblings
    more.push_back(std::move(m));
  };
  // Outermost parents first: a sibling hidden with its whole subtree is
  // counted once, and no "+N more" is left under a parent that is hidden.
  std::vector<std::string> order;
  for (const std::string& id : kept) {
    const std::string& parent = nodes_.at(id).parent;
    if (parent.empty() || kept.count(parent) == 0) order.push_back(id);
  }
  for (std::size_t next = 0; next < order.size(); ++next) {
    const std::string parent = order[next];
    if (kept.count(parent) == 0) continue;
    const auto found = children_.find(parent);
    if (found == children_.end()) continue;
    const std::vector<std::string>& all = found->second;
    collapse_children(parent, all);
    for (const std::string& id : all) {
      if (kept.count(id) != 0) order.push_back(id);
    }
  }
  for (GraphNode& m : more) {
    kept.insert(m.id);
    nodes_.emplace(m.id, std::move(m));
  }
}

}  // namespace vssmeta::internal
