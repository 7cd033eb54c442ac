// SPDX-License-Identifier: MIT
// What is restored, and what must be restored together: explicit
// components and restore subcomponents
// (https://learn.microsoft.com/en-us/windows/win32/vss/
// working-with-selectability-for-restore-and-subcomponents), the components
// each restores with it, dependencies across writers
// (https://learn.microsoft.com/en-us/windows/win32/vss/
// dependencies-between-components-managed-by-different-writers) and
// additional-restore chains
// (https://learn.microsoft.com/en-us/windows/win32/vss/
// restoring-incremental-and-differential-backups).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "restore/plan_internal.h"

namespace vssmeta::internal::restore {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return (x >= 'A' && x <= 'Z' ? x + 32 : x) ==
           (y >= 'A' && y <= 'Z' ? y + 32 : y);
  });
}

bool any_selected_for_restore(const BackupComponents& b) {
  for (const WriterComponents& e : b.writers) {
    for (const BcdComponent& c : e.components) {
      if (c.selected_for_restore.value_or(false)) return true;
    }
  }
  return false;
}

const std::string& file_of(const Inputs& in, std::size_t w) {
  return in.capture->writers[w].source.name;
}

// A component named for restore that the backup did not list: a restore
// subcomponent of its defining ancestor when allowed, else a finding.
void add_implicit(const Inputs& in, std::size_t w, std::size_t i,
                  const InclusionResult& backed_up, std::vector<Selected>& out,
                  FindingSink& sink) {
  const WriterMetadata& wmd = in.capture->writers[w];
  const Component& c = wmd.components[i];
  const std::string label = component_label(wmd, c.full_path());
  if (backed_up.inclusion[i] != Inclusion::kImplicit) {
    sink.add(RuleId::kNotInBackup, file_of(in, w), c.where, writer_label(wmd),
             label, fmt::format("{} is not in the backup", label),
             "select a component the backup components document lists, or "
             "one below it");
    return;
  }
  const std::size_t parent = *backed_up.defining[i];
  if (!c.is_selectable_for_restore()) {
    sink.add(RuleId::kImplicitSelected, file_of(in, w), c.where,
             writer_label(wmd), label,
             fmt::format("{} was backed up only through \\{} and is not "
                         "selectable for restore",
                         label, wmd.components[parent].full_path()),
             fmt::format("restore \\{} as a whole",
                         wmd.components[parent].full_path()));
    return;
  }
  out.push_back(Selected{w, i, SelectedAs::kSubcomponent, parent});
}

std::string dependency_label(const Inputs& in, const Dependency& d) {
  std::string writer = d.writer_id.to_braced_string();
  for (const WriterMetadata& w : in.capture->writers) {
    if (w.identity.writer_id == d.writer_id) {
      writer = w.display_name();
      break;
    }
  }
  return fmt::format("{}:\\{}", writer,
                     join_component_path(d.logical_path, d.component_name));
}

bool is_remote(const Dependency& d) {
  return (d.logical_path && d.logical_path->rfind("\\\\", 0) == 0) ||
         d.component_name.rfind("\\\\", 0) == 0;
}

// Whether the plan restores the dependency's target on some writer of its
// class.
bool dependency_restored(const Inputs& in, const Restored& restored,
                         const Dependency& d) {
  for (std::size_t w = 0; w < in.capture->writers.size(); ++w) {
    if (in.capture->writers[w].identity.writer_id != d.writer_id ||
        !restored[w]) {
      continue;
    }
    for (std::size_t i : in.indexes[w].find(d.logical_path, d.component_name)) {
      if (restored[w]->inclusion[i] != Inclusion::kNone) return true;
    }
  }
  return false;
}

std::uint32_t schema_of(const WriterMetadata& w) {
  return w.backup_schema_or_default();
}

// The schema bit a restore of `type` on top of a full one needs.
std::optional<BackupSchema> chain_bit(BackupType type) {
  switch (type) {
    case BackupType::kIncremental:
      return BackupSchema::kIncremental;
    case BackupType::kDifferential:
      return BackupSchema::kDifferential;
    case BackupType::kLog:
      return BackupSchema::kLog;
    default:
      return std::nullopt;
  }
}

void plan_chain(const Inputs& in, std::size_t w, std::size_t listed,
                ComponentPlan& out, FindingSink& sink) {
  const WriterMetadata& wmd = in.capture->writers[w];
  const auto found = in.steps_of[w].find(listed);
  if (found == in.steps_of[w].end()) return;
  const auto& steps = found->second;
  const std::string label = component_label(wmd, out.path);
  for (std::size_t n = 0; n < steps.size(); ++n) {
    const auto& [k, bc] = steps[n];
    const Inputs::Step& step = in.chain[k];
    const BackupComponents& doc = step.any();
    const bool last = n + 1 == steps.size();
    ChainStep cs;
    cs.document = name_of(doc);
    cs.backup_type = doc.backup_type.value_or(BackupType::kUndefined);
    cs.additional_restores = !last;
    out.chain.push_back(cs);
    if (n > 0 && listed == out.component) {
      const auto bit = chain_bit(cs.backup_type);
      if (bit && !has_schema_bit(schema_of(wmd), *bit)) {
        sink.add(RuleId::kChainUnsupported, name_of(doc), bc->where,
                 writer_label(wmd), label,
                 fmt::format("{} is restored from a {} backup on top of a "
                             "full one, but the writer's schema lacks {}",
                             label, to_xml(cs.backup_type), vss_name(*bit)),
                 "restore the full backup only, or a backup type the writer "
                 "supports");
      }
    }
    if (listed != out.component) continue;  // findings on the parent only
    if (step.restore != nullptr && bc->additional_restores.has_value() &&
        *bc->additional_restores != cs.additional_restores) {
      sink.add(RuleId::kChainFlag, name_of(*step.restore), bc->where,
               writer_label(wmd), label,
               last ? fmt::format("{} keeps additionalRestores on the last "
                                  "restore of its chain: the writer would "
                                  "wait for a restore that never comes",
                                  label)
                    : fmt::format("{} has additionalRestores off on step {} "
                                  "of {}: the writer would recover before "
                                  "the next restore",
                                  label, n + 1, steps.size()),
               last ? "SetAdditionalRestores(false) on the last restore"
                    : "SetAdditionalRestores(true) on every restore but the "
                      "last");
    } else if (step.restore != nullptr && !bc->additional_restores && !last) {
      sink.add(RuleId::kChainFlag, name_of(*step.restore), bc->where,
               writer_label(wmd), label,
               fmt::format("{} has no additionalRestores on step {} of {}: "
                           "the writer would recover before the next restore",
                           label, n + 1, steps.size()),
               "SetAdditionalRestores(true) on every restore but the last");
    }
  }
}

}  // namespace

std::vector<Selected> select(const Inputs& in, const RestorePlanOptions& opt,
                             FindingSink& sink, std::optional<Error>& error) {
  const CaptureSet& capture = *in.capture;
  std::vector<Selected> out;
  // What the backup holds, per writer (explicit and implicit).
  std::vector<std::optional<InclusionResult>> backed_up(capture.writers.size());
  auto backup_of = [&](std::size_t w) -> const InclusionResult& {
    if (!backed_up[w]) {
      std::vector<std::size_t> ids;
      for (const auto& [i, ref] : in.in_backup[w]) ids.push_back(i);
      backed_up[w] = compute_inclusion(in.indexes[w], ids);
    }
    return *backed_up[w];
  };

  if (!opt.select.empty()) {
    const ResolvedSelection resolved =
        resolve_references(capture.writers, opt.select);
    if (const ResolvedReference* r = resolved.first_unmatched()) {
      error = Error{ErrorCode::kInvalidValue, describe_unmatched(*r), {}};
      return {};
    }
    for (const WriterSelection& s : resolved.writers) {
      for (std::size_t i : s.explicit_ids) {
        if (in.chain.empty() || in.in_backup[s.writer].count(i) != 0) {
          out.push_back(Selected{s.writer, i, SelectedAs::kExplicit, {}});
        } else {
          add_implicit(in, s.writer, i, backup_of(s.writer), out, sink);
        }
      }
    }
    return out;
  }
  if (in.chain.empty()) {
    error = Error{ErrorCode::kInvalidValue,
                  "no backup components document among the inputs: name the "
                  "components to restore with --select",
                  {}};
    return {};
  }
  if (in.restore != nullptr && any_selected_for_restore(*in.restore)) {
    for (std::size_t w = 0; w < capture.writers.size(); ++w) {
      for (const auto& [i, ref] : in.in_restore[w]) {
        if (!ref.component->selected_for_restore.value_or(false)) continue;
        out.push_back(Selected{w, i, SelectedAs::kExplicit, {}});
        for (const RestoreSubcomponent& rs :
             ref.component->restore_subcomponents) {
          const auto hits =
              in.indexes[w].find(rs.logical_path, rs.component_name);
          if (hits.empty()) {
            const std::string label = fmt::format(
                "{}:\\{}", capture.writers[w].display_name(),
                join_component_path(rs.logical_path, rs.component_name));
            sink.add(RuleId::kNotInBackup, name_of(*in.restore), rs.where,
                     writer_label(capture.writers[w]), label,
                     fmt::format("restore subcomponent {} is not a component "
                                 "of the writer",
                                 label),
                     "name a component below the selected one");
            continue;
          }
          add_implicit(in, w, hits.front(), backup_of(w), out, sink);
        }
      }
    }
    return out;
  }
  for (std::size_t w = 0; w < capture.writers.size(); ++w) {
    for (const auto& [i, ref] : in.in_backup[w]) {
      out.push_back(Selected{w, i, SelectedAs::kExplicit, {}});
    }
  }
  return out;
}

Restored restored_components(const Inputs& in,
                             const std::vector<Selected>& all) {
  std::vector<std::vector<std::size_t>> ids(in.capture->writers.size());
  for (const Selected& s : all) ids[s.writer].push_back(s.component);
  Restored out(in.capture->writers.size());
  for (std::size_t w = 0; w < ids.size(); ++w) {
    if (!ids[w].empty()) out[w] = compute_inclusion(in.indexes[w], ids[w]);
  }
  return out;
}

void plan_sets(const Inputs& in, const Restored& restored, WriterPlan& out,
               FindingSink& sink) {
  const std::size_t w = out.writer;
  const WriterMetadata& wmd = in.capture->writers[w];
  const InclusionResult& inc = *restored[w];
  // Component -> its position in out.components.
  std::map<std::size_t, std::size_t> position;
  for (std::size_t p = 0; p < out.components.size(); ++p) {
    position[out.components[p].component] = p;
  }
  std::vector<std::vector<std::size_t>> members(out.components.size());
  for (std::size_t i = 0; i < wmd.components.size(); ++i) {
    if (inc.inclusion[i] != Inclusion::kImplicit) continue;
    const auto p = position.find(*inc.defining[i]);
    if (p == position.end()) continue;
    members[p->second].push_back(i);
    out.components[p->second].restored_with.push_back(
        wmd.components[i].full_path());
  }
  for (std::size_t p = 0; p < out.components.size(); ++p) {
    ComponentPlan& cp = out.components[p];
    std::vector<std::size_t> set{cp.component};
    set.insert(set.end(), members[p].begin(), members[p].end());
    for (std::size_t i : set) {
      const Component& c = wmd.components[i];
      for (const Dependency& d : c.dependencies) {
        const std::string target = dependency_label(in, d);
        const bool remote = is_remote(d);
        cp.dependencies.push_back(remote ? target + " (remote)" : target);
        if (dependency_restored(in, restored, d)) continue;
        const std::string label = component_label(wmd, c.full_path());
        sink.add(RuleId::kDependencyLeftOut, wmd.source.name, d.where,
                 writer_label(wmd), label,
                 remote ? fmt::format("{} depends on {} on another machine, "
                                      "which this restore cannot include",
                                      label, target)
                        : fmt::format("{} depends on {}, which the restore "
                                      "leaves out",
                                      label, target),
                 remote ? "restore it on that machine in the same window"
                        : fmt::format("restore {} too (--select)", target));
      }
    }
    // A subcomponent is restored in the steps that hold its parent.
    const std::size_t chain_of = cp.parent_component.value_or(cp.component);
    plan_destinations(in, w, set, chain_of, cp, sink);
    plan_chain(in, w, chain_of, cp, sink);
  }
}

void check_asr(const Inputs& in, const Restored& restored, FindingSink& sink) {
  static const Guid kAsr = *Guid::parse("be000cbe-11fe-4426-9c58-531aa6355fc4");
  for (std::size_t w = 0; w < in.capture->writers.size(); ++w) {
    const WriterMetadata& wmd = in.capture->writers[w];
    if (!restored[w] || wmd.identity.writer_id != kAsr) continue;
    for (std::size_t i = 0; i < wmd.components.size(); ++i) {
      const Component& c = wmd.components[i];
      const bool volume = c.logical_path && iequals(*c.logical_path, "Volumes");
      if (!volume || c.is_selectable() ||
          restored[w]->inclusion[i] != Inclusion::kNone) {
        continue;
      }
      const std::string label = component_label(wmd, c.full_path());
      sink.add(
          RuleId::kAsrCriticalVolume, wmd.source.name, c.where,
          writer_label(wmd), label,
          fmt::format("the ASR restore leaves out critical volume {}", label),
          "restore every nonselectable volume component of the ASR "
          "writer");
    }
  }
}

}  // namespace vssmeta::internal::restore
