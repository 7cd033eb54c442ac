// SPDX-License-Identifier: MIT
// Per writer: which restore events it gets
// (https://learn.microsoft.com/en-us/windows/win32/api/vswriter/
// ne-vswriter-vss_writerrestore_enum), which service stops and when
// (https://learn.microsoft.com/en-us/windows/win32/vss/
// stopping-services-for-restore-by-requestors), whether a reboot follows
// (https://learn.microsoft.com/en-us/windows/win32/vss/
// setting-vss-restore-methods), and whether it exists on the target.
#include <unordered_set>

#include <fmt/format.h>

#include "paths/windows_path.h"
#include "restore/plan_internal.h"

namespace vssmeta::internal::restore {
namespace {

WriterEvents events_of(std::optional<WriterRestore> wr) {
  switch (wr.value_or(WriterRestore::kUndefined)) {
    case WriterRestore::kNever:
      return WriterEvents::kNone;
    case WriterRestore::kIfReplaceFails:
      return WriterEvents::kPreRestoreIfFailure;
    case WriterRestore::kAlways:
      return WriterEvents::kBoth;
    default:
      return WriterEvents::kUnknown;
  }
}

}  // namespace

void plan_writer(const Inputs& in, const RestorePlanOptions& opt,
                 WriterPlan& out, FindingSink& sink) {
  const WriterMetadata& wmd = in.capture->writers[out.writer];
  const std::string wl = writer_label(wmd);
  out.name = wmd.display_name();
  out.writer_id = wmd.identity.writer_id;
  out.instance_name = wmd.identity.instance_name;
  if (const auto& rm = wmd.restore_method) {
    out.method = rm->method;
    out.writer_restore = rm->writer_restore;
    out.service = rm->service;
    if (out.service && out.service->empty()) out.service.reset();
    if (rm->reboot_required.value_or(false)) {
      out.reboot_required = true;
      out.reboot_reasons.push_back(
          "the writer requires a reboot after its restore (rebootRequired)");
    }
  }
  out.events = events_of(out.writer_restore);
  const Origin method_where =
      wmd.restore_method ? wmd.restore_method->where : wmd.where;

  if (out.method == RestoreMethodType::kStopRestoreStart ||
      out.method == RestoreMethodType::kRestoreStopStart) {
    out.service_timing = out.method == RestoreMethodType::kStopRestoreStart
                             ? ServiceTiming::kAroundCopy
                             : ServiceTiming::kAfterPostRestore;
    if (!out.service) {
      sink.add(RuleId::kServiceWithoutName, wmd.source.name, method_where, wl,
               {},
               fmt::format("{} restores with {} but names no service to stop",
                           wl, to_xml(*out.method)),
               "find the writer's service by hand and stop it as the method "
               "says, or ask the writer's vendor");
    }
  }
  if (out.method == RestoreMethodType::kRestoreAtReboot) {
    out.reboot_required = true;
    out.reboot_reasons.push_back(
        fmt::format("{}: restored files are replaced at the next reboot",
                    to_xml(*out.method)));
  } else if (out.method == RestoreMethodType::kRestoreAtRebootIfCannotReplace) {
    out.reboot_reasons.push_back(
        fmt::format("{}: files in use are replaced at the next reboot",
                    to_xml(*out.method)));
  }

  // RST001: components the restore BCD selects although the writer takes
  // no part.
  const bool custom = out.method == RestoreMethodType::kCustom;
  if (out.events == WriterEvents::kNone || custom) {
    for (const ComponentPlan& cp : out.components) {
      const auto r = in.in_restore[out.writer].find(
          cp.parent_component.value_or(cp.component));
      if (r == in.in_restore[out.writer].end() ||
          !r->second.component->selected_for_restore.value_or(false)) {
        continue;
      }
      const std::string label = component_label(wmd, cp.path);
      sink.add(RuleId::kNoWriterEvents, name_of(*r->second.document),
               r->second.component->where, wl, label,
               custom ? fmt::format("{} is selected for restore but its writer "
                                    "restores with CUSTOM, its own procedure",
                                    label)
                      : fmt::format("{} is selected for restore but its writer "
                                    "takes no restore events (writerRestore "
                                    "never)",
                                    label),
               custom ? "follow the writer's documented procedure"
                      : "restore its files without selecting it "
                        "(SetSelectedForRestore false)");
    }
  }

  // RST005: a restore to another instance of the writer.
  for (const auto& [i, ref] : in.in_restore[out.writer]) {
    const auto b = in.in_backup[out.writer].find(i);
    if (b == in.in_backup[out.writer].end() || b->second.entry == ref.entry ||
        !ref.entry->instance_id || !b->second.entry->instance_id ||
        *ref.entry->instance_id == *b->second.entry->instance_id) {
      continue;
    }
    if (!has_schema_bit(wmd.backup_schema_or_default(),
                        BackupSchema::kWriterSupportsRestoreWithMove)) {
      sink.add(RuleId::kMoveUnsupported, name_of(*ref.document),
               ref.entry->where, wl, {},
               fmt::format("the restore names writer instance {} but the "
                           "backup was of {}, and the writer's schema lacks "
                           "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE",
                           ref.entry->instance_id->to_braced_string(),
                           b->second.entry->instance_id->to_braced_string()),
               "restore to the instance that was backed up");
    }
    break;
  }

  // RST003: the writer's own mappings that match none of its file sets.
  if (wmd.restore_method &&
      !wmd.restore_method->alternate_location_mappings.empty()) {
    std::unordered_set<std::string> keys;
    for (const Component& c : wmd.components) {
      for (const FileDescriptor& f : c.files) {
        keys.insert(file_set_key(f.path, f.filespec, f.is_recursive()));
      }
    }
    for (const FileDescriptor& m :
         wmd.restore_method->alternate_location_mappings) {
      if (keys.count(file_set_key(m.path, m.filespec, m.is_recursive())))
        continue;
      sink.add(RuleId::kTargetMatchesNothing, wmd.source.name, m.where, wl, {},
               fmt::format("alternate location mapping {}\\{}{} matches no "
                           "file set of {}",
                           m.path, m.filespec,
                           m.is_recursive() ? " (recursive)" : "", wl),
               "the mapping redirects nothing: ask the writer's vendor");
    }
  }

  // RST013: the writer is not on the target.
  if (opt.target_status && out.events != WriterEvents::kNone) {
    bool present = false;
    for (const WriterStatus& s : *opt.target_status) {
      if (s.writer_id == wmd.identity.writer_id) present = true;
    }
    if (!present) {
      sink.add(RuleId::kWriterAbsent, wmd.source.name, wmd.identity.where, wl,
               {},
               fmt::format("{} takes part in the restore but is not among "
                           "the target's writers",
                           wl),
               "install or start the application on the target first, or "
               "restore its files without it");
    }
  }
}

}  // namespace vssmeta::internal::restore
