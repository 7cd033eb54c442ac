// SPDX-License-Identifier: MIT
#include "vssmeta/selection.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "semantics/logical_path.h"

namespace vssmeta {

const char* to_string(BackupClass c) {
  switch (c) {
    case BackupClass::kRequired:
      return "required";
    case BackupClass::kOptionalTop:
      return "optional";
    case BackupClass::kNonselectableSub:
      return "nonselectable subcomponent";
    case BackupClass::kSelectableSub:
      return "selectable subcomponent";
  }
  return "required";
}

namespace {
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
}  // namespace

ComponentIndex::ComponentIndex(const WriterMetadata& wmd) : wmd_(&wmd) {
  const auto& components = wmd.components;
  auto paths = std::make_shared<internal::PathTree>();
  paths->reserve(components.size() + 1);
  // Each path is walked once, element by element: a node per distinct key,
  // the logical path's node kept for the ancestor pass below.
  std::vector<internal::PathTree::Node> nodes(components.size());
  std::vector<internal::PathTree::Node> logical(components.size());
  internal::PathTree::Cursor cursor;
  for (std::size_t i = 0; i < components.size(); ++i) {
    nodes[i] = paths->add_component(components[i].logical_path,
                                    components[i].name, &logical[i], &cursor);
  }
  first_at_.assign(paths->size(), kNone);
  next_at_.assign(components.size(), kNone);
  for (std::size_t i = components.size(); i-- > 0;) {
    next_at_[i] = first_at_[nodes[i]];
    first_at_[nodes[i]] = i;
  }
  ancestors_.resize(components.size());
  classes_.resize(components.size());
  for (std::size_t i = 0; i < components.size(); ++i) {
    const Component& c = components[i];
    // Ancestors sit at the nodes of the logical path's prefixes, nearest
    // first.
    for (auto node = logical[i]; node != internal::PathTree::kRoot;
         node = paths->parent(node)) {
      for (std::size_t a = first_at_[node]; a != kNone; a = next_at_[a]) {
        if (a != i) ancestors_[i].push_back(a);
      }
    }
    const bool has_selectable_ancestor = std::any_of(
        ancestors_[i].begin(), ancestors_[i].end(),
        [&](std::size_t a) { return components[a].is_selectable(); });
    if (c.is_selectable()) {
      classes_[i] = has_selectable_ancestor ? BackupClass::kSelectableSub
                                            : BackupClass::kOptionalTop;
    } else {
      classes_[i] = has_selectable_ancestor ? BackupClass::kNonselectableSub
                                            : BackupClass::kRequired;
    }
  }
  paths_ = std::move(paths);
}

std::vector<std::size_t> ComponentIndex::find(
    const std::optional<std::string>& logical_path,
    std::string_view name) const {
  std::vector<std::size_t> out;
  const auto node = paths_->find_component(logical_path, name);
  if (!node) return out;
  for (std::size_t a = first_at_[*node]; a != kNone; a = next_at_[a]) {
    out.push_back(a);
  }
  return out;
}

std::optional<std::size_t> ComponentIndex::nearest_selectable_ancestor(
    std::size_t i) const {
  for (std::size_t a : ancestors_[i]) {
    if (wmd_->components[a].is_selectable()) return a;
  }
  return std::nullopt;
}

std::optional<std::size_t> ComponentIndex::nearest_restorable_ancestor(
    std::size_t i) const {
  for (std::size_t a : ancestors_[i]) {
    if (wmd_->components[a].is_selectable_for_restore()) return a;
  }
  return std::nullopt;
}

std::vector<std::size_t> ComponentIndex::descendants(std::size_t i) const {
  std::vector<std::size_t> out;
  for (std::size_t d = 0; d < ancestors_.size(); ++d) {
    if (std::find(ancestors_[d].begin(), ancestors_[d].end(), i) !=
        ancestors_[d].end()) {
      out.push_back(d);
    }
  }
  return out;
}

std::size_t InclusionResult::count(Inclusion which) const {
  return static_cast<std::size_t>(
      std::count(inclusion.begin(), inclusion.end(), which));
}

InclusionResult compute_inclusion(
    const ComponentIndex& index, const std::vector<std::size_t>& explicit_ids) {
  const std::size_t n = index.size();
  InclusionResult r;
  r.inclusion.assign(n, Inclusion::kNone);
  r.defining.assign(n, std::nullopt);
  for (std::size_t e : explicit_ids) {
    if (e < n) r.inclusion[e] = Inclusion::kExplicit;
  }
  // Ancestors have fewer path elements than their descendants, so visiting
  // components by depth settles every ancestor first.
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(
      order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return index.ancestors(a).size() < index.ancestors(b).size();
      });
  const auto& components = index.writer().components;
  for (std::size_t i : order) {
    if (r.inclusion[i] == Inclusion::kExplicit) continue;
    for (std::size_t a : index.ancestors(i)) {
      if (components[a].is_selectable() && r.inclusion[a] != Inclusion::kNone) {
        r.inclusion[i] = Inclusion::kImplicit;
        break;
      }
    }
    if (r.inclusion[i] == Inclusion::kImplicit) {
      for (std::size_t a : index.ancestors(i)) {
        if (r.inclusion[a] == Inclusion::kExplicit) {
          r.defining[i] = a;
          break;
        }
      }
    }
  }
  return r;
}

ComponentRef parse_component_ref(std::string_view text) {
  ComponentRef ref;
  // "Writer:\path": the writer part ends at the first ":\" (a writer name
  // may contain ':' as in "Microsoft SQL Server 2017:SQLWriter").
  std::size_t split = text.find(":\\");
  if (split == std::string_view::npos) {
    ref.path.assign(text);
  } else {
    ref.writer.assign(text.substr(0, split));
    ref.path.assign(text.substr(split + 2));
  }
  while (!ref.path.empty() && ref.path.front() == '\\') ref.path.erase(0, 1);
  return ref;
}

}  // namespace vssmeta
