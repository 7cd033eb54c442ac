// SPDX-License-Identifier: MIT
#include "vssmeta/selection.h"

#include <algorithm>

#include "vssmeta/hierarchy.h"

namespace vssmeta {
namespace {

void append_folded(std::string& out, std::string_view text) {
  const std::size_t at = out.size();
  out.resize(at + text.size());
  std::transform(
      text.begin(), text.end(), out.begin() + static_cast<std::ptrdiff_t>(at),
      [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      });
}

// The folded full path of a component: elements joined with '\', empty
// elements dropped, so "a\\b", "\a\b" and "A\B" all meet. `prefixes`, when
// given, receives the length of each logical path prefix (an ancestor's
// full path), shortest first.
std::string folded_path(const std::optional<std::string>& logical_path,
                        std::string_view name,
                        std::vector<std::size_t>* prefixes = nullptr) {
  std::string out;
  out.reserve((logical_path ? logical_path->size() : 0) + name.size() + 1);
  if (logical_path) {
    std::string_view rest = *logical_path;
    while (!rest.empty()) {
      const std::size_t end = std::min(rest.find('\\'), rest.size());
      if (end > 0) {
        if (!out.empty()) out.push_back('\\');
        append_folded(out, rest.substr(0, end));
        if (prefixes != nullptr) prefixes->push_back(out.size());
      }
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
  }
  if (!out.empty()) out.push_back('\\');
  append_folded(out, name);
  return out;
}

}  // namespace

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

ComponentIndex::ComponentIndex(const WriterMetadata& wmd) : wmd_(&wmd) {
  const auto& components = wmd.components;
  by_path_.reserve(components.size());
  // Each path is folded once: the map keys (stable in a node-based map)
  // and the lengths of their logical path prefixes are kept for the
  // ancestor pass below.
  std::vector<const std::string*> paths(components.size());
  std::vector<std::size_t> prefixes;  // all components' lengths
  std::vector<std::size_t> first_prefix(components.size() + 1);
  for (std::size_t i = 0; i < components.size(); ++i) {
    first_prefix[i] = prefixes.size();
    auto slot = by_path_.try_emplace(
        folded_path(components[i].logical_path, components[i].name, &prefixes));
    slot.first->second.push_back(i);
    paths[i] = &slot.first->first;
  }
  first_prefix[components.size()] = prefixes.size();
  ancestors_.resize(components.size());
  classes_.resize(components.size());
  for (std::size_t i = 0; i < components.size(); ++i) {
    const Component& c = components[i];
    // Ancestors sit at every prefix of the logical path, nearest first.
    const std::string_view path = *paths[i];
    for (std::size_t p = first_prefix[i + 1]; p-- > first_prefix[i];) {
      auto hit = by_path_.find(path.substr(0, prefixes[p]));
      if (hit == by_path_.end()) continue;
      for (std::size_t a : hit->second) {
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
}

std::vector<std::size_t> ComponentIndex::find(
    const std::optional<std::string>& logical_path,
    std::string_view name) const {
  auto hit = by_path_.find(folded_path(logical_path, name));
  return hit == by_path_.end() ? std::vector<std::size_t>{} : hit->second;
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
