// SPDX-License-Identifier: MIT
// WMD-set rules SET001..SET007 (../shared/docs/vss-domain.md §4.2): checks
// that need several WMDs captured together.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "semantics/logical_path.h"
#include "validate/rules.h"

namespace vssmeta::internal {
namespace {

std::string at(const WriterMetadata& w, Origin where) {
  return fmt::format("{}:{}:{}", w.source.name, where.line, where.column);
}

// A dependency on a component of another machine's writer.
bool is_remote(const Dependency& d) {
  return d.logical_path.value_or("").starts_with("\\\\") ||
         d.component_name.starts_with("\\\\");
}

std::string dependency_target(const Dependency& d) {
  return fmt::format("{}:\\{}", d.writer_id.to_braced_string(),
                     join_component_path(d.logical_path, d.component_name));
}

void check_set001(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  std::map<Guid, std::size_t> first;
  for (std::size_t i = 0; i < writers.size(); ++i) {
    const WriterMetadata& w = writers[i];
    if (!w.identity.instance_id || w.identity.instance_id->is_nil()) continue;
    auto [hit, added] = first.emplace(*w.identity.instance_id, i);
    if (added) continue;
    const WriterMetadata& other = writers[hit->second];
    r.writer(
        w, nullptr, w.identity.where,
        fmt::format("writer \"{}\" has the same instance id {} as "
                    "writer \"{}\" ({})",
                    writer_label(w), w.identity.instance_id->to_braced_string(),
                    writer_label(other), at(other, other.identity.where)),
        "a writer instance id is unique per running writer: remove the "
        "duplicate document, or check that the two documents come from "
        "the same capture");
  }
}

void check_set002(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  // Per class: component key -> (writer index, component index) seen first.
  std::map<Guid,
           std::unordered_map<std::string, std::pair<std::size_t, std::size_t>>>
      seen;
  for (std::size_t i = 0; i < writers.size(); ++i) {
    const WriterMetadata& w = writers[i];
    if (ctx.writers_of_class(w.identity.writer_id).size() < 2) continue;
    auto& keys = seen[w.identity.writer_id];
    for (std::size_t j = 0; j < w.components.size(); ++j) {
      const Component& c = w.components[j];
      auto [hit, added] =
          keys.emplace(component_key(c.logical_path, c.name), std::pair{i, j});
      if (added || hit->second.first == i) continue;  // same WMD: WMD013
      const WriterMetadata& other = writers[hit->second.first];
      const Component& oc = other.components[hit->second.second];
      r.writer(w, &c, c.where,
               fmt::format("component \"{}\" is also declared by another "
                           "instance of the same writer class ({})",
                           component_label(w, c), at(other, oc.where)),
               "instances of one writer class should give their components "
               "distinct logical paths (for example the instance name as "
               "the first element) so that a requester can tell them apart");
    }
  }
}

void check_set003(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  std::map<std::pair<Guid, std::string>, std::size_t> first;
  for (std::size_t i = 0; i < writers.size(); ++i) {
    const WriterMetadata& w = writers[i];
    const auto& name = w.identity.instance_name;
    if (!name || name->empty()) continue;
    auto [hit, added] =
        first.emplace(std::pair{w.identity.writer_id, *name}, i);
    if (added) continue;
    const WriterMetadata& other = writers[hit->second];
    r.writer(
        w, nullptr, w.identity.where,
        fmt::format("writer \"{}\" has the same instance name \"{}\" as "
                    "another instance of its class ({})",
                    writer_label(w), *name, at(other, other.identity.where)),
        "the instance name must be unique among the instances of a "
        "writer class: VSS uses it to route restore events");
  }
}

void check_set004(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    const std::size_t count = ctx.writers_of_class(w.identity.writer_id).size();
    if (count < 2) continue;
    if (w.identity.instance_name && !w.identity.instance_name->empty()) {
      continue;
    }
    std::optional<WriterRestore> restore;
    if (w.restore_method) restore = w.restore_method->writer_restore;
    if (restore == WriterRestore::kNever) continue;
    r.writer(w, nullptr, w.identity.where,
             fmt::format("writer \"{}\" is one of {} instances of its class "
                         "but has no instance name, and it wants restore "
                         "events (writerRestore {})",
                         writer_label(w), count,
                         restore ? to_xml(*restore) : "not given"),
             "a multi-instance writer that takes part in restores must give "
             "each instance a unique instance name (CVssWriter::Initialize)");
  }
}

void check_set005(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  if (writers.size() < 2) return;  // a lone WMD is not a set
  for (const WriterMetadata& w : writers) {
    for (const Component& c : w.components) {
      for (const Dependency& d : c.dependencies) {
        // Nil and own-class targets are WMD041/WMD042's business.
        if (d.writer_id.is_nil() || d.writer_id == w.identity.writer_id ||
            is_remote(d)) {
          continue;
        }
        if (!ctx.writers_of_class(d.writer_id).empty()) continue;
        r.writer(w, &c, d.where,
                 fmt::format("component \"{}\" depends on \"{}\", but no "
                             "writer of class {} is in the capture",
                             component_label(w, c), dependency_target(d),
                             d.writer_id.to_braced_string()),
                 "add the target writer's metadata to the capture, or check "
                 "the dependency's writer id");
      }
    }
  }
}

void check_set006(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (const WriterMetadata& w : writers) {
    for (const Component& c : w.components) {
      for (const Dependency& d : c.dependencies) {
        if (d.writer_id == w.identity.writer_id || is_remote(d)) continue;
        const auto& targets = ctx.writers_of_class(d.writer_id);
        if (targets.empty()) continue;  // SET005
        bool found = false;
        for (std::size_t t : targets) {
          if (!ctx.index(t).find(d.logical_path, d.component_name).empty()) {
            found = true;
            break;
          }
        }
        if (found) continue;
        const WriterMetadata& target = writers[targets.front()];
        r.writer(
            w, &c, d.where,
            fmt::format("component \"{}\" depends on \"{}:\\{}\", which "
                        "writer \"{}\" does not declare",
                        component_label(w, c), target.display_name(),
                        join_component_path(d.logical_path, d.component_name),
                        writer_label(target)),
            "a dependency must name an existing component of the target "
            "writer by its logical path and name");
      }
    }
  }
}

// Strongly connected components of the cross-writer component dependency
// graph (iterative Tarjan), reported when they hold more than one node.
void check_set007(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  std::vector<std::size_t> base(writers.size() + 1, 0);
  for (std::size_t i = 0; i < writers.size(); ++i) {
    base[i + 1] = base[i] + writers[i].components.size();
  }
  const std::size_t n = base.back();
  std::vector<std::vector<std::size_t>> edges(n);
  bool any = false;
  for (std::size_t i = 0; i < writers.size(); ++i) {
    const WriterMetadata& w = writers[i];
    for (std::size_t j = 0; j < w.components.size(); ++j) {
      for (const Dependency& d : w.components[j].dependencies) {
        if (d.writer_id == w.identity.writer_id) continue;  // WMD041
        for (std::size_t t : ctx.writers_of_class(d.writer_id)) {
          for (std::size_t k :
               ctx.index(t).find(d.logical_path, d.component_name)) {
            edges[base[i] + j].push_back(base[t] + k);
            any = true;
          }
        }
      }
    }
  }
  if (!any) return;
  auto node = [&](std::size_t v) {
    std::size_t i = static_cast<std::size_t>(
        std::upper_bound(base.begin(), base.end(), v) - base.begin() - 1);
    return std::pair{i, v - base[i]};
  };
  constexpr std::size_t kUnset = SIZE_MAX;
  std::vector<std::size_t> order(n, kUnset);
  std::vector<std::size_t> low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::size_t> stack;
  std::vector<std::pair<std::size_t, std::size_t>> call;  // node, next edge
  std::size_t counter = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (order[root] != kUnset || edges[root].empty()) continue;
    call.emplace_back(root, 0);
    order[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!call.empty()) {
      auto& [v, next] = call.back();
      if (next < edges[v].size()) {
        std::size_t u = edges[v][next++];
        if (order[u] == kUnset) {
          order[u] = low[u] = counter++;
          stack.push_back(u);
          on_stack[u] = true;
          call.emplace_back(u, 0);
        } else if (on_stack[u]) {
          low[v] = std::min(low[v], order[u]);
        }
        continue;
      }
      const std::size_t done = v;
      call.pop_back();
      if (!call.empty()) {
        low[call.back().first] = std::min(low[call.back().first], low[done]);
      }
      if (low[done] != order[done]) continue;
      std::vector<std::size_t> members;
      std::size_t u;
      do {
        u = stack.back();
        stack.pop_back();
        on_stack[u] = false;
        members.push_back(u);
      } while (u != done);
      if (members.size() < 2) continue;
      std::sort(members.begin(), members.end());
      std::string names;
      for (std::size_t m : members) {
        auto [wi, ci] = node(m);
        if (!names.empty()) names += ", ";
        names += fmt::format(
            "\"{}\"", component_label(writers[wi], writers[wi].components[ci]));
      }
      auto [wi, ci] = node(members.front());
      const WriterMetadata& w = writers[wi];
      const Component& c = w.components[ci];
      r.writer(
          w, &c, c.where,
          fmt::format("components {} depend on each other in a cycle", names),
          "nothing to fix: dependencies mean the components are backed "
          "up and restored together, so a cycle only ties them "
          "together");
    }
  }
}

constexpr Rule kRules[] = {
    {{"SET001", Severity::kError, RuleScope::kWriterSet,
      "Two writer metadata documents have the same writer instance id",
      "VSS gives every running writer instance a fresh instance id, so two "
      "documents of one capture never share it; a repeat means a document "
      "was copied twice or documents of different captures were mixed.",
      "win32:vssgloss-w.md"},
     check_set001},
    {{"SET002", Severity::kWarning, RuleScope::kWriterSet,
      "Two instances of one writer class declare the same component",
      "Components are identified by writer class, logical path and name; "
      "when two instances of a class declare the same logical path and "
      "name, a requester cannot tell which instance a selection means.",
      "win32:logical-pathing-of-components.md; win32:vss-test-writer-tool.md"},
     check_set002},
    {{"SET003", Severity::kWarning, RuleScope::kWriterSet,
      "Two instances of one writer class have the same instance name",
      "The writer instance name must be unique among the instances of a "
      "class on a system; VSS uses it to restore multi-instance writers.",
      "sdk:vswriter/nf-vswriter-cvsswriter-initialize.md"},
     check_set003},
    {{"SET004", Severity::kWarning, RuleScope::kWriterSet,
      "An instance of a multi-instance writer that takes part in restores "
      "has no instance name",
      "A writer class with several instances must name each instance if it "
      "wants restore events (writerRestore other than never); without a "
      "name VSS cannot route the restore to the right instance.",
      "sdk:vswriter/nf-vswriter-cvsswriter-initialize.md"},
     check_set004},
    {{"SET005", Severity::kWarning, RuleScope::kWriterSet,
      "A dependency names a writer class that is not in the capture",
      "A component dependency means the target component must be backed up "
      "and restored together with it; when the capture holds several "
      "writers but none of the target class, the requester cannot honour "
      "it. Remote dependencies (paths starting with \\\\) and captures of "
      "a single writer are not checked.",
      "win32:dependencies-between-components-managed-by-different-"
      "writers.md"},
     check_set005},
    {{"SET006", Severity::kError, RuleScope::kWriterSet,
      "A dependency names a component its target writer does not declare",
      "The target of a dependency is identified by writer class, logical "
      "path and name; when the target writer is present but declares no "
      "such component, the dependency cannot be satisfied. Remote "
      "dependencies are exempt.",
      "win32:dependencies-between-components-managed-by-different-"
      "writers.md"},
     check_set006},
    {{"SET007", Severity::kInfo, RuleScope::kWriterSet,
      "Components of different writers depend on each other in a cycle",
      "Dependencies mean \"back up and restore together\", so a cycle "
      "between writers is harmless; only dependencies on the writer itself "
      "are forbidden (WMD041). Reported so that the grouping is visible.",
      "win32:dependencies-between-components-managed-by-different-"
      "writers.md"},
     check_set007},
};

}  // namespace

std::span<const Rule> set_rules() { return kRules; }

}  // namespace vssmeta::internal
