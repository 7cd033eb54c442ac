// SPDX-License-Identifier: MIT
// Where each file set of a restored component goes: the writer's restore
// method (https://learn.microsoft.com/en-us/windows/win32/api/vswriter/
// ne-vswriter-vss_restoremethod_enum), a restore target set at restore
// time (https://learn.microsoft.com/en-us/windows/win32/vss/
// setting-vss-restore-targets), alternate location mappings matched by
// (path, filespec, recursive)
// (https://learn.microsoft.com/en-us/windows/win32/vss/
// working-with-alternate-locations-during-restore) and new targets
// (https://learn.microsoft.com/en-us/windows/win32/vss/
// working-with-new-targets-during-restore).
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "paths/windows_path.h"
#include "restore/plan_internal.h"

namespace vssmeta::internal::restore {
namespace {

std::string key_of(const FileDescriptor& f) {
  return file_set_key(f.path, f.filespec, f.is_recursive());
}

// Keys of file sets to their destination (alternate_path), first wins.
std::unordered_map<std::string, const FileDescriptor*> by_key(
    const std::vector<FileDescriptor>& files) {
  std::unordered_map<std::string, const FileDescriptor*> out;
  out.reserve(files.size());
  for (const FileDescriptor& f : files) out.emplace(key_of(f), &f);
  return out;
}

std::string describe(const FileDescriptor& f) {
  return fmt::format("{}\\{}{}", f.path, f.filespec,
                     f.is_recursive() ? " (recursive)" : "");
}

bool is_reboot_method(std::optional<RestoreMethodType> m) {
  return m == RestoreMethodType::kRestoreAtReboot ||
         m == RestoreMethodType::kRestoreAtRebootIfCannotReplace;
}

}  // namespace

void plan_destinations(const Inputs& in, std::size_t w,
                       const std::vector<std::size_t>& set, std::size_t listed,
                       ComponentPlan& out, FindingSink& sink) {
  const WriterMetadata& wmd = in.capture->writers[w];
  const std::optional<RestoreMethodType> method =
      wmd.restore_method ? wmd.restore_method->method : std::nullopt;
  static const std::vector<FileDescriptor> kNone;
  const auto mappings = by_key(
      wmd.restore_method ? wmd.restore_method->alternate_location_mappings
                         : kNone);
  const BcdComponent* rc = nullptr;
  if (const auto r = in.in_restore[w].find(listed);
      r != in.in_restore[w].end()) {
    rc = r->second.component;
  }
  const auto new_targets = by_key(rc ? rc->new_targets : kNone);
  const auto used = by_key(rc ? rc->alternate_location_mappings : kNone);
  const std::optional<RestoreTarget> target =
      rc ? rc->restore_target : std::nullopt;
  out.restore_target = target;
  if (rc) out.restore_options = rc->restore_options;

  const std::string label = component_label(wmd, out.path);
  const std::uint32_t schema = wmd.backup_schema_or_default();
  std::unordered_set<std::string> seen;
  for (std::size_t i : set) {
    const Component& c = wmd.components[i];
    for (const FileDescriptor& f : c.files) {
      FileSetPlan fp;
      fp.component = c.full_path();
      fp.path = f.path;
      fp.filespec = f.filespec;
      fp.recursive = f.is_recursive();
      fp.target = f.path;
      std::string key = key_of(f);
      const auto mapping = mappings.find(key);
      const auto nt = new_targets.find(key);
      const bool alternate_required =
          target == RestoreTarget::kAlternate ||
          (!target && method == RestoreMethodType::kRestoreToAlternateLocation);
      if (nt != new_targets.end() && !is_reboot_method(method)) {
        fp.destination = FileDestination::kNewTarget;
        fp.target = nt->second->alternate_path.value_or("");
      } else if (target == RestoreTarget::kDirected &&
                 !is_reboot_method(method)) {
        fp.destination = FileDestination::kDirected;
        fp.target.clear();
      } else if (alternate_required && !is_reboot_method(method)) {
        if (mapping != mappings.end()) {
          fp.destination = FileDestination::kAlternateLocation;
          fp.target = mapping->second->alternate_path.value_or("");
        } else {
          fp.destination = FileDestination::kUnmapped;
          fp.target.clear();
          sink.add(RuleId::kUnmappedAlternate, wmd.source.name, f.where,
                   writer_label(wmd), label,
                   fmt::format("{} must go to an alternate location ({}) but "
                               "file set {} has no alternate location mapping",
                               label,
                               target ? "restore target alternate"
                                      : "RESTORE_TO_ALTERNATE_LOCATION",
                               describe(f)),
                   "add a new target for it (AddNewTarget), or restore it "
                   "another way");
        }
      } else if (target == RestoreTarget::kOriginal ||
                 target == RestoreTarget::kOriginalLocation) {
        fp.destination = FileDestination::kOriginal;
      } else if (method) {
        switch (*method) {
          case RestoreMethodType::kRestoreIfNotThere:
            fp.destination = FileDestination::kOriginalIfAbsent;
            break;
          case RestoreMethodType::kRestoreIfCanReplace:
            fp.destination = FileDestination::kOriginalIfReplaceable;
            break;
          case RestoreMethodType::kRestoreAtReboot:
            fp.destination = FileDestination::kAtReboot;
            break;
          case RestoreMethodType::kRestoreAtRebootIfCannotReplace:
            fp.destination = FileDestination::kAtRebootIfInUse;
            break;
          case RestoreMethodType::kCustom:
            fp.destination = FileDestination::kCustom;
            fp.target.clear();
            break;
          default:
            fp.destination = FileDestination::kOriginal;
            break;
        }
        if ((fp.destination == FileDestination::kOriginalIfAbsent ||
             fp.destination == FileDestination::kOriginalIfReplaceable) &&
            mapping != mappings.end()) {
          fp.fallback = mapping->second->alternate_path.value_or("");
        }
      }
      out.files.push_back(std::move(fp));
      seen.insert(std::move(key));
    }
  }

  // The restore document's settings belong to the listed component: checked
  // once, on it, not again on its restore subcomponents.
  if (rc == nullptr || listed != out.component) return;
  const std::string& file = name_of(*in.restore);
  const std::string wl = writer_label(wmd);
  auto unmatched = [&](const std::vector<FileDescriptor>& list,
                       const char* what) {
    for (const FileDescriptor& f : list) {
      if (seen.count(key_of(f)) != 0) continue;
      sink.add(RuleId::kTargetMatchesNothing, file, f.where, wl, label,
               fmt::format("{} {} matches no file set of {}", what, describe(f),
                           label),
               "name the file set exactly as the writer metadata does (path, "
               "filespec, recursive)");
    }
  };
  unmatched(rc->new_targets, "new target");
  unmatched(rc->alternate_location_mappings, "alternate location mapping");
  if (!rc->new_targets.empty() &&
      !has_schema_bit(schema, BackupSchema::kWriterSupportsNewTarget)) {
    sink.add(RuleId::kNewTargetUnsupported, file, rc->new_targets.front().where,
             wl, label,
             fmt::format("{} has new targets but the writer's schema lacks "
                         "VSS_BS_WRITER_SUPPORTS_NEW_TARGET",
                         label),
             "restore to the original or alternate location instead");
  }
  struct Field {
    bool set;
    BackupSchema bit;
    const char* call;
  };
  const Field fields[] = {
      {(rc->roll_forward_type &&
        *rc->roll_forward_type != RollForwardType::kNone &&
        *rc->roll_forward_type != RollForwardType::kUndefined) ||
           rc->roll_forward_point.has_value(),
       BackupSchema::kRollForwardRestore, "SetRollForward"},
      {rc->restore_name.has_value(), BackupSchema::kRestoreRename,
       "SetRestoreName"},
      {rc->authoritative_restore.value_or(false),
       BackupSchema::kAuthoritativeRestore, "SetAuthoritativeRestore"},
  };
  for (const Field& fl : fields) {
    if (!fl.set || has_schema_bit(schema, fl.bit)) continue;
    sink.add(RuleId::kRestoreFieldSchema, file, rc->where, wl, label,
             fmt::format("{} asks for {} but the writer's schema lacks {}",
                         label, fl.call, vss_name(fl.bit)),
             fmt::format("leave {} out for this writer", fl.call));
  }
}

}  // namespace vssmeta::internal::restore
