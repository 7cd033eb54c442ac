// SPDX-License-Identifier: MIT
#include "diagnose/coverage.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "text/ascii.h"

namespace vssmeta::internal {
namespace {

constexpr std::string_view kAsrWriter = "be000cbe-11fe-4426-9c58-531aa6355fc4";

std::string names(const std::vector<const VolumeRef*>& volumes) {
  std::vector<std::string> out;
  out.reserve(volumes.size());
  for (const VolumeRef* v : volumes) {
    out.push_back(v->kind == VolumeKind::kNetworkShare
                      ? v->name + " (a network share)"
                      : v->name);
  }
  if (out.size() == 1) return out.front();
  const std::string last = out.back();
  out.pop_back();
  return fmt::format("{} and {}", fmt::join(out, ", "), last);
}

std::string short_names(const std::vector<const VolumeRef*>& volumes) {
  std::vector<std::string_view> out;
  for (const VolumeRef* v : volumes) out.push_back(v->name);
  return fmt::format("{}", fmt::join(out, ", "));
}

std::string set_text(const VolumeContext& context) {
  if (context.set.volumes.empty()) return "the shadow copy set holds none";
  return fmt::format("the shadow copy set holds only {}",
                     fmt::join(context.set.volumes, ", "));
}

struct Capture {
  const CaptureSet& capture;
  std::vector<ComponentIndex> indexes;
  std::vector<InclusionResult> inclusion;
  std::vector<bool> in_backup;
  std::map<std::string, std::vector<std::size_t>> by_class;
  // BCD entries without a WMD: class id -> explicit full paths (folded).
  std::map<std::string, std::vector<std::string>> orphan_paths;
};

// Whether the backup includes the dependency target `d`.
bool target_included(const Capture& c, const Dependency& d) {
  const std::string cls = d.writer_id.to_string();
  if (auto it = c.by_class.find(cls); it != c.by_class.end()) {
    for (std::size_t w : it->second) {
      for (std::size_t i :
           c.indexes[w].find(d.logical_path, d.component_name)) {
        if (c.inclusion[w].inclusion[i] != Inclusion::kNone) return true;
      }
    }
  }
  if (auto it = c.orphan_paths.find(cls); it != c.orphan_paths.end()) {
    const std::string key =
        fold(join_component_path(d.logical_path, d.component_name));
    return std::find(it->second.begin(), it->second.end(), key) !=
           it->second.end();
  }
  return false;
}

std::string target_label(const Capture& c, const Dependency& d) {
  std::string writer = d.writer_id.to_braced_string();
  if (auto it = c.by_class.find(d.writer_id.to_string());
      it != c.by_class.end()) {
    writer = c.capture.writers[it->second.front()].display_name();
  }
  return fmt::format("{}:\\{}", writer,
                     join_component_path(d.logical_path, d.component_name));
}

// Sets the volume reason of `cc` when the set is known and some volume it
// needs is not shadowed; returns whether it did.
bool volume_reason(ComponentCoverage& cc, const VolumeContext& context) {
  if (!context.set.known()) return false;
  std::vector<const VolumeRef*> in;
  std::vector<const VolumeRef*> out;
  for (const VolumeRef& v : cc.volumes) {
    if (v.kind == VolumeKind::kUnresolved) continue;
    (v.shadowed ? in : out).push_back(&v);
  }
  if (out.empty()) return false;
  const bool included = cc.inclusion != Inclusion::kNone;
  if (in.empty()) {
    cc.reason = LeftOutReason::kVolumeNotShadowed;
    cc.short_reason = fmt::format("needs {} (not shadowed)", short_names(out));
    cc.reason_text = included
                         ? fmt::format(
                               "is in the backup, but its files lie on {}, and "
                               "{}: its backup holds none of them",
                               names(out), set_text(context))
                         : fmt::format("its files lie on {}, and {}",
                                       names(out), set_text(context));
  } else {
    cc.reason = LeftOutReason::kSplitAcrossVolumes;
    cc.short_reason = fmt::format("split: {} shadowed, {} not", short_names(in),
                                  short_names(out));
    cc.reason_text = fmt::format(
        "{}its files lie on {} (shadowed) and on {} (not shadowed): a backup "
        "of it would be inconsistent",
        included ? "is in the backup, but " : "", names(in), names(out));
  }
  return true;
}

void left_out_reason(ComponentCoverage& cc, const Capture& c, std::size_t w,
                     const Component& comp, const VolumeContext& context) {
  if (volume_reason(cc, context)) return;
  const ComponentIndex& index = c.indexes[w];
  if (cc.backup_class == BackupClass::kRequired) {
    cc.reason = LeftOutReason::kNotSelectable;
    cc.short_reason = "required, not in backup";
    cc.reason_text =
        "is not selectable and has no selectable ancestor: the writer "
        "requires it, yet the backup does not include it";
    return;
  }
  if (cc.backup_class == BackupClass::kNonselectableSub) {
    const std::string& owner =
        c.capture.writers[w]
            .components[*index.nearest_selectable_ancestor(cc.component)]
            .full_path();
    cc.reason = LeftOutReason::kNotSelectable;
    cc.short_reason = fmt::format("goes with \\{} (not selected)", owner);
    cc.reason_text = fmt::format(
        "is not selectable: it is backed up only with \\{}, which was not "
        "selected",
        owner);
    return;
  }
  for (const Dependency& d : comp.dependencies) {
    if (target_included(c, d)) continue;
    const std::string target = target_label(c, d);
    cc.reason = LeftOutReason::kDependencyNotInBackup;
    cc.short_reason = fmt::format("depends on {} (not in backup)", target);
    cc.reason_text =
        fmt::format("depends on {}, which is not in the backup", target);
    return;
  }
  cc.reason = LeftOutReason::kNotSelected;
  cc.short_reason = "not selected";
  std::vector<std::string_view> unresolved;
  for (const VolumeRef& v : cc.volumes) {
    if (v.kind == VolumeKind::kUnresolved) unresolved.push_back(v.name);
  }
  if (!unresolved.empty()) {
    cc.reason_text = fmt::format(
        "was not selected; whether it could have been shadowed is unknown "
        "({} is not resolved to a volume)",
        fmt::join(unresolved, ", "));
  } else if (context.set.known() && !cc.volumes.empty()) {
    cc.reason_text =
        "was not selected, although every volume it needs was shadowed";
  } else {
    cc.reason_text = "was not selected";
  }
}

std::string exclude_note(const WriterMetadata& w) {
  auto sets = [](std::size_t n) {
    return fmt::format("{} file set{}", n, n == 1 ? "" : "s");
  };
  std::vector<std::string> parts;
  if (!w.exclude_files.empty()) {
    parts.push_back(sets(w.exclude_files.size()) + " excluded from backups");
  }
  if (!w.exclude_from_snapshot.empty()) {
    parts.push_back(sets(w.exclude_from_snapshot.size()) +
                    " excluded from shadow copies");
  }
  return fmt::format("only exclude lists ({}): nothing to back up",
                     fmt::join(parts, "; "));
}

std::string absent_note(const WriterCoverage& wc, const WriterMetadata& w,
                        const BackupComponents* bcd) {
  if (bcd == nullptr) return "no backup components document";
  if (w.identity.writer_id.to_string() == kAsrWriter) {
    return bcd->bootable_system_state_backup.value_or(false)
               ? "not in the backup: a bootable system state backup without "
                 "the ASR Writer is valid, but cannot serve a bare-metal "
                 "recovery (ASR recreates the disks and critical volumes)"
               : "not in the backup: without the ASR Writer the backup "
                 "cannot serve a bare-metal recovery";
  }
  std::vector<std::string> needs;
  bool all_volume = !wc.components.empty();
  for (const ComponentCoverage& cc : wc.components) {
    if (cc.reason != LeftOutReason::kVolumeNotShadowed) {
      all_volume = false;
      break;
    }
    for (const VolumeRef& v : cc.volumes) {
      if (!v.shadowed &&
          std::find(needs.begin(), needs.end(), v.name) == needs.end()) {
        needs.push_back(v.name);
      }
    }
  }
  if (all_volume) {
    std::sort(needs.begin(), needs.end());
    return fmt::format(
        "not in the backup: its components need {} (not "
        "shadowed)",
        fmt::join(needs, ", "));
  }
  return "not in the backup: was not selected";
}

}  // namespace

std::vector<WriterCoverage> coverage(const CaptureSet& capture,
                                     const BackupComponents* bcd,
                                     const VolumeContext& volumes) {
  const std::size_t count = capture.writers.size();
  Capture c{capture, {}, {}, std::vector<bool>(count, false), {}, {}};
  c.indexes.reserve(count);
  for (std::size_t w = 0; w < count; ++w) {
    c.indexes.emplace_back(capture.writers[w]);
    c.by_class[capture.writers[w].identity.writer_id.to_string()].push_back(w);
  }
  std::vector<std::vector<std::size_t>> explicit_ids(count);
  std::vector<WriterCoverage> orphans;
  if (bcd != nullptr) {
    for (const WriterComponents& e : bcd->writers) {
      const auto match = resolve_writer_entry(capture.writers, e);
      if (!match) {
        WriterCoverage& o = orphans.emplace_back();
        o.name = e.writer_id.to_braced_string();
        o.writer_id = e.writer_id;
        o.instance_name = e.instance_name;
        o.role = WriterRole::kNoMetadata;
        o.note = fmt::format(
            "in the backup with {} component{}, but the capture has no "
            "metadata of this writer: its coverage cannot be judged",
            e.components.size(), e.components.size() == 1 ? "" : "s");
        auto& paths = c.orphan_paths[e.writer_id.to_string()];
        for (const BcdComponent& bc : e.components) {
          paths.push_back(fold(bc.full_path()));
        }
        continue;
      }
      c.in_backup[match->writer] = true;
      for (const BcdComponent& bc : e.components) {
        for (std::size_t i :
             c.indexes[match->writer].find(bc.logical_path, bc.name)) {
          explicit_ids[match->writer].push_back(i);
        }
      }
    }
  }
  c.inclusion.reserve(count);
  for (std::size_t w = 0; w < count; ++w) {
    c.inclusion.push_back(compute_inclusion(c.indexes[w], explicit_ids[w]));
  }

  std::vector<WriterCoverage> out;
  out.reserve(count + orphans.size());
  for (std::size_t w = 0; w < count; ++w) {
    const WriterMetadata& wmd = capture.writers[w];
    WriterCoverage& wc = out.emplace_back();
    wc.writer = w;
    wc.name = wmd.display_name();
    wc.writer_id = wmd.identity.writer_id;
    wc.instance_name = wmd.identity.instance_name;
    if (wmd.from_text) wc.from_text = wmd.from_text->where;
    wc.role = c.in_backup[w] ? WriterRole::kInBackup
              : wmd.components.empty() && (!wmd.exclude_files.empty() ||
                                           !wmd.exclude_from_snapshot.empty())
                  ? WriterRole::kExcludeListsOnly
                  : WriterRole::kNotInBackup;
    const InclusionResult& inc = c.inclusion[w];
    wc.components.reserve(wmd.components.size());
    for (std::size_t i = 0; i < wmd.components.size(); ++i) {
      const Component& comp = wmd.components[i];
      ComponentCoverage& cc = wc.components.emplace_back();
      cc.component = i;
      cc.path = comp.full_path();
      cc.backup_class = c.indexes[w].backup_class(i);
      cc.inclusion = inc.inclusion[i];
      cc.volumes = component_volumes(comp, volumes);
      if (cc.inclusion == Inclusion::kImplicit && inc.defining[i]) {
        cc.through = wmd.components[*inc.defining[i]].full_path();
      }
      if (cc.inclusion == Inclusion::kNone) {
        left_out_reason(cc, c, w, comp, volumes);
        ++wc.left_out_count;
        if (wc.role == WriterRole::kInBackup) ++wc.problem_count;
      } else {
        ++(cc.inclusion == Inclusion::kExplicit ? wc.explicit_count
                                                : wc.implicit_count);
        if (wc.role == WriterRole::kInBackup && volume_reason(cc, volumes)) {
          ++wc.problem_count;
        }
      }
    }
    if (wc.role == WriterRole::kExcludeListsOnly) {
      wc.note = exclude_note(wmd);
    } else if (wc.role == WriterRole::kNotInBackup) {
      wc.note = wmd.components.empty() ? "declares no components"
                                       : absent_note(wc, wmd, bcd);
    }
  }
  for (WriterCoverage& o : orphans) out.push_back(std::move(o));
  return out;
}

}  // namespace vssmeta::internal
