// SPDX-License-Identifier: MIT
// Cross-document rules about file sets and restore fields (XREF009..XREF022,
// XREF025, XREF027): BCD file-level instructions and restore selections
// checked against the file sets and selectability of the WMDs.
#include "validate/rules_xref_support.h"

namespace vssmeta::internal {
namespace {

using namespace xref;  // NOLINT(google-build-using-namespace)

constexpr RuleInfo kXref009{
    "XREF009",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "A log backup includes no database log files of a writer",
    "A log backup copies only database log files; when none of a "
    "participating writer's included components declares one, the writer "
    "contributes nothing to it.",
    "win32:vss-backup-state.md; sdk:vss/ne-vss-vss_backup_type.md"};
constexpr RuleInfo kXref010{
    "XREF010",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "A component carries a backup stamp but its writer does not use stamps",
    "Backup stamps and previous backup stamps are for writers whose backup "
    "schema includes VSS_BS_TIMESTAMPED; other writers do not read them. A "
    "backup stamp whose writer entry records a schema without the bit is "
    "reported by BCD028 instead.",
    "sdk:vss/ne-vss-vss_backup_schema.md; "
    "win32:writer-backup-schema-support.md"};
constexpr RuleInfo kXref011{
    "XREF011",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "Differenced files from a writer whose schema does not support them",
    "A writer may add differenced files only if its backup schema includes "
    "VSS_BS_LAST_MODIFY and the incremental or differential bit matching the "
    "backup type.",
    "sdk:vswriter/"
    "nf-vswriter-ivsscomponent-adddifferencedfilesbylastmodifytime.md"};
constexpr RuleInfo kXref012{
    "XREF012",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "A differenced-file entry overlaps a file set without matching it",
    "A differenced-file declaration must either repeat a file set of the "
    "component set exactly or describe new files; one that only partly "
    "overlaps a file set leaves it unclear which files are meant.",
    "win32:writer-role-in-backing-up-complex-stores.md; "
    "win32:vss-test-writer-tool.md"};
constexpr RuleInfo kXref013{
    "XREF013",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "A partial file lies outside the component's file sets",
    "A partial file's path must be at or beneath a file-set path of the "
    "component or of one of its subcomponents.",
    "sdk:vswriter/nf-vswriter-ivsscomponent-addpartialfile.md"};
constexpr RuleInfo kXref014{
    "XREF014",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "A new target is set for a writer that does not support new targets",
    "Writers honour AddNewTarget only when their backup schema includes "
    "VSS_BS_WRITER_SUPPORTS_NEW_TARGET.",
    "win32:working-with-new-targets-during-restore.md; "
    "win32:writer-backup-schema-support.md"};
constexpr RuleInfo kXref015{
    "XREF015",
    Severity::kError,
    RuleScope::kCrossDocument,
    "A new target names a file set the component set does not have",
    "The path, file specification and recursion of a new target must equal "
    "a file set of the component or of its component set in the writer "
    "metadata.",
    "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addnewtarget.md"};
constexpr RuleInfo kXref016{
    "XREF016",
    Severity::kError,
    RuleScope::kCrossDocument,
    "A used alternate location mapping names a file set the component set "
    "does not have",
    "AddAlternativeLocationMapping records a mapping for a file set of the "
    "component (or its component set); the file set must match one in the "
    "writer metadata.",
    "sdk:vsbackup/"
    "nf-vsbackup-ivssbackupcomponents-addalternativelocationmapping.md"};
constexpr RuleInfo kXref017{
    "XREF017",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "A used alternate location mapping has no matching mapping in the WMD",
    "A requester should record an alternate location mapping only for file "
    "sets the writer gave a mapping for, with the writer's destination.",
    "sdk:vsbackup/"
    "nf-vsbackup-ivssbackupcomponents-addalternativelocationmapping.md"};
constexpr RuleInfo kXref018{
    "XREF018",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "A restore to the alternate location lacks mappings for some file sets",
    "Restoring to the alternate location (restore target alternate, or the "
    "writer's method RESTORE_TO_ALTERNATE_LOCATION) is only possible when "
    "every file set of the component set has an alternate location mapping; "
    "otherwise it is a writer error.",
    "sdk:vswriter/ne-vswriter-vss_restore_target.md; "
    "sdk:vsbackup/nf-vsbackup-ivssexaminewritermetadata-getrestoremethod.md"};
constexpr RuleInfo kXref019{
    "XREF019",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "Roll-forward, restore name or authoritative restore without schema "
    "support",
    "SetRollForward, SetRestoreName and SetAuthoritativeRestore need the "
    "writer's VSS_BS_ROLLFORWARD_RESTORE, VSS_BS_RESTORE_RENAME and "
    "VSS_BS_AUTHORITATIVE_RESTORE schema bits.",
    "sdk:vss/ne-vss-vss_backup_schema.md; "
    "sdk:vsbackup/nf-vsbackup-ivssbackupcomponentsex2-setrollforward.md"};
constexpr RuleInfo kXref020{
    "XREF020",
    Severity::kError,
    RuleScope::kCrossDocument,
    "A restore subcomponent does not exist in the writer's WMD",
    "AddRestoreSubcomponent names a component of the writer by logical path "
    "and name; one that the writer metadata does not declare cannot be "
    "restored.",
    "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addrestoresubcomponent.md"};
constexpr RuleInfo kXref021{
    "XREF021",
    Severity::kError,
    RuleScope::kCrossDocument,
    "A restore subcomponent is not selectable for restore",
    "Only components the writer marks selectable for restore can be added as "
    "restore subcomponents; the others are restored with their whole "
    "component set.",
    "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addrestoresubcomponent.md; "
    "win32:working-with-selectability-for-restore-and-subcomponents.md"};
constexpr RuleInfo kXref022{
    "XREF022",
    Severity::kError,
    RuleScope::kCrossDocument,
    "A restore subcomponent is attached to the wrong component",
    "A restore subcomponent must be a component that was included implicitly "
    "in the backup, attached to its closest explicitly included ancestor; a "
    "component that was explicit is selected for restore by itself.",
    "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-setselectedforrestore.md"};
constexpr RuleInfo kXref025{
    "XREF025",
    Severity::kInfo,
    RuleScope::kCrossDocument,
    "Components are selected for restore for a writer that takes no part in "
    "restores or restores its own way",
    "A writer whose writerRestore is never gets no restore events, and a "
    "custom restore method follows a private procedure; selecting its "
    "components for restore is legal but the requester must know what the "
    "writer expects.",
    "win32:restores-without-writer-participation.md; "
    "sdk:vswriter/ne-vswriter-vss_restoremethod_enum.md"};
constexpr RuleInfo kXref027{
    "XREF027",
    Severity::kInfo,
    RuleScope::kCrossDocument,
    "Restore options on a component that is not selectable for backup",
    "The restore-options page says options may only be set on components "
    "selectable for backup, yet Microsoft's own ASR example sets them on the "
    "nonselectable ASR component; worth a look, not an error.",
    "win32:setting-vss-restore-options.md; "
    "win32:using-vss-automated-system-recovery-for-disaster-recovery.md"};

void check_xref009(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(
      ctx, [&](const BackupComponents& b, const std::vector<EntryView>& views) {
        if (b.backup_type != BackupType::kLog || !component_mode(b)) return;
        for (const EntryView& v : views) {
          const WriterMetadata* w = wmd_of(ctx, v);
          if (w == nullptr || v.explicit_ids.empty()) continue;
          const InclusionResult inc =
              compute_inclusion(ctx.index(*v.wi), v.explicit_ids);
          bool has_log = false;
          for (std::size_t i = 0; i < inc.inclusion.size() && !has_log; ++i) {
            if (inc.inclusion[i] == Inclusion::kNone) continue;
            for (const FileDescriptor& f : w->components[i].files) {
              if (f.kind == FileDescriptorKind::kDatabaseLogFiles) {
                has_log = true;
                break;
              }
            }
          }
          if (has_log) continue;
          r.backup(b, v.entry, nullptr, w, v.entry->where,
                   fmt::format("this is a log backup but none of the {} "
                               "component(s) it includes from writer {} has "
                               "database log files",
                               inc.count(Inclusion::kExplicit) +
                                   inc.count(Inclusion::kImplicit),
                               writer_label(*w)),
                   "leave the writer out of log backups, or include the "
                   "database components whose logs should be copied");
        }
      });
}

void check_xref010(const CheckContext& ctx, Reporter& r) {
  for_each_matched(ctx, [&](const BackupComponents& b, const EntryView& v,
                            const WriterMetadata& w, std::size_t k,
                            const BcdComponent& c,
                            const std::vector<std::size_t>&) {
    // A backup stamp the entry's own recorded schema disowns is BCD028's.
    const bool stamp =
        c.backup_stamp && !stamp_without_recorded_timestamps(*v.entry, c);
    if (!stamp && !c.previous_backup_stamp) return;
    const std::uint32_t schema = w.backup_schema_or_default();
    if (has_schema_bit(schema, BackupSchema::kTimestamped)) return;
    r.backup(b, v.entry, &c, &w, c.where,
             fmt::format("component \"{}\" carries a {} but writer {} does "
                         "not use backup stamps (backup schema 0x{:X} lacks "
                         "VSS_BS_TIMESTAMPED)",
                         component_label(w, w.components[*v.matches[k].index]),
                         stamp ? "backup stamp" : "previous backup stamp",
                         writer_label(w), schema),
             "check that the writer metadata belongs to this backup; "
             "otherwise the stamp is ignored");
  });
}

void check_xref011(const CheckContext& ctx, Reporter& r) {
  for_each_matched(ctx, [&](const BackupComponents& b, const EntryView& v,
                            const WriterMetadata& w, std::size_t,
                            const BcdComponent& c,
                            const std::vector<std::size_t>&) {
    if (c.differenced_files.empty()) return;
    const std::uint32_t schema = w.backup_schema_or_default();
    std::string missing;
    auto need = [&](BackupSchema bit) {
      if (has_schema_bit(schema, bit)) return;
      missing += missing.empty() ? "" : " and ";
      missing += vss_name(bit);
    };
    need(BackupSchema::kLastModify);
    if (b.backup_type == BackupType::kIncremental) {
      need(BackupSchema::kIncremental);
    }
    if (b.backup_type == BackupType::kDifferential) {
      need(BackupSchema::kDifferential);
    }
    if (missing.empty()) return;
    r.backup(b, v.entry, &c, &w, c.differenced_files.front().where,
             fmt::format("component \"{}\" has {} differenced-file entr{} but "
                         "writer {} lacks {} (backup schema 0x{:X})",
                         bcd_label(ctx, v, c), c.differenced_files.size(),
                         c.differenced_files.size() == 1 ? "y" : "ies",
                         writer_label(w), missing, schema),
             "the requester cannot rely on these entries; back the files up "
             "in full");
  });
}

void check_xref012(const CheckContext& ctx, Reporter& r) {
  for_each_matched(
      ctx, [&](const BackupComponents& b, const EntryView& v,
               const WriterMetadata& w, std::size_t, const BcdComponent& c,
               const std::vector<std::size_t>& members) {
        if (c.differenced_files.empty()) return;
        const std::set<std::string> keys = set_keys(w, members);
        const DirIndex dirs(w, members);
        for (const DifferencedFile& d : c.differenced_files) {
          const bool rec = d.recursive.value_or(false);
          if (keys.count(file_set_key(d.path, d.filespec, rec)) != 0) continue;
          // Overlap: same directory, or one directory under a recursive other.
          const FileDescriptor* overlap = dirs.same(d.path);
          if (overlap == nullptr) overlap = dirs.covering(d.path, true);
          if (overlap == nullptr && rec) overlap = dirs.below(d.path);
          if (overlap == nullptr) continue;
          r.backup(b, v.entry, &c, &w, d.where,
                   fmt::format("differenced files \"{}\" overlap the file set "
                               "\"{}\" of \"{}\" without matching it",
                               file_set_text(d.path, d.filespec, rec),
                               file_set_text(overlap->path, overlap->filespec,
                                             overlap->is_recursive()),
                               bcd_label(ctx, v, c)),
                   "declare differenced files with exactly the path, filespec "
                   "and recursion of the file set, or only for new files");
        }
      });
}

void check_xref013(const CheckContext& ctx, Reporter& r) {
  for_each_matched(ctx, [&](const BackupComponents& b, const EntryView& v,
                            const WriterMetadata& w, std::size_t,
                            const BcdComponent& c,
                            const std::vector<std::size_t>& members) {
    if (c.partial_files.empty()) return;
    const DirIndex dirs(w, members);
    for (const PartialFile& p : c.partial_files) {
      const bool inside = dirs.covering(p.path, false) != nullptr;
      if (inside) continue;
      r.backup(b, v.entry, &c, &w, p.where,
               fmt::format("partial file \"{}\\{}\" is not at or beneath any "
                           "file-set path of \"{}\" or its subcomponents",
                           p.path, p.filename, bcd_label(ctx, v, c)),
               "check the path; a partial file must belong to the "
               "component's file sets");
    }
  });
}

void check_xref014(const CheckContext& ctx, Reporter& r) {
  for_each_matched(ctx, [&](const BackupComponents& b, const EntryView& v,
                            const WriterMetadata& w, std::size_t,
                            const BcdComponent& c,
                            const std::vector<std::size_t>&) {
    if (c.new_targets.empty()) return;
    const std::uint32_t schema = w.backup_schema_or_default();
    if (has_schema_bit(schema, BackupSchema::kWriterSupportsNewTarget)) return;
    r.backup(b, v.entry, &c, &w, c.new_targets.front().where,
             fmt::format("component \"{}\" has a new target but writer {} "
                         "does not support new targets (backup schema 0x{:X} "
                         "lacks VSS_BS_WRITER_SUPPORTS_NEW_TARGET)",
                         bcd_label(ctx, v, c), writer_label(w), schema),
             "restore to the original location, or use the writer's "
             "alternate location mappings");
  });
}

void check_xref015(const CheckContext& ctx, Reporter& r) {
  for_each_matched(ctx, [&](const BackupComponents& b, const EntryView& v,
                            const WriterMetadata& w, std::size_t,
                            const BcdComponent& c,
                            const std::vector<std::size_t>& members) {
    if (c.new_targets.empty()) return;
    const std::set<std::string> keys = set_keys(w, members);
    for (const FileDescriptor& t : c.new_targets) {
      if (keys.count(file_set_key(t.path, t.filespec, t.is_recursive())) != 0) {
        continue;
      }
      r.backup(b, v.entry, &c, &w, t.where,
               fmt::format("new target for \"{}\" matches no file set of "
                           "\"{}\" or its component set",
                           file_set_text(t.path, t.filespec, t.is_recursive()),
                           bcd_label(ctx, v, c)),
               "give the path, filespec and recursion of one of the "
               "component's file sets exactly");
    }
  });
}

void check_xref016(const CheckContext& ctx, Reporter& r) {
  for_each_matched(ctx, [&](const BackupComponents& b, const EntryView& v,
                            const WriterMetadata& w, std::size_t,
                            const BcdComponent& c,
                            const std::vector<std::size_t>& members) {
    if (c.alternate_location_mappings.empty()) return;
    const std::set<std::string> keys = set_keys(w, members);
    for (const FileDescriptor& t : c.alternate_location_mappings) {
      if (keys.count(file_set_key(t.path, t.filespec, t.is_recursive())) != 0) {
        continue;
      }
      r.backup(b, v.entry, &c, &w, t.where,
               fmt::format("used alternate location mapping for \"{}\" "
                           "matches no file set of \"{}\" or its component "
                           "set",
                           file_set_text(t.path, t.filespec, t.is_recursive()),
                           bcd_label(ctx, v, c)),
               "record the mapping with the file set's exact path, filespec "
               "and recursion");
    }
  });
}

void check_xref017(const CheckContext& ctx, Reporter& r) {
  for_each_matched(ctx, [&](const BackupComponents& b, const EntryView& v,
                            const WriterMetadata& w, std::size_t,
                            const BcdComponent& c,
                            const std::vector<std::size_t>&) {
    if (c.alternate_location_mappings.empty()) return;
    std::map<std::string, const FileDescriptor*> wmd_maps;
    if (w.restore_method) {
      for (const FileDescriptor& m :
           w.restore_method->alternate_location_mappings) {
        wmd_maps.emplace(file_set_key(m.path, m.filespec, m.is_recursive()),
                         &m);
      }
    }
    for (const FileDescriptor& t : c.alternate_location_mappings) {
      auto hit =
          wmd_maps.find(file_set_key(t.path, t.filespec, t.is_recursive()));
      const std::string set =
          file_set_text(t.path, t.filespec, t.is_recursive());
      if (hit == wmd_maps.end()) {
        r.backup(b, v.entry, &c, &w, t.where,
                 fmt::format("used alternate location mapping for \"{}\" of "
                             "\"{}\", but writer {} declares no mapping for "
                             "that file set",
                             set, bcd_label(ctx, v, c), writer_label(w)),
                 "record used mappings only for file sets the writer maps");
        continue;
      }
      const std::string want = hit->second->alternate_path.value_or("");
      const std::string got = t.alternate_path.value_or("");
      if (same_path(want, got)) continue;
      r.backup(b, v.entry, &c, &w, t.where,
               fmt::format("used alternate location mapping for \"{}\" of "
                           "\"{}\" goes to \"{}\", but the writer maps it to "
                           "\"{}\"",
                           set, bcd_label(ctx, v, c), got, want),
               "use the writer's destination, or a new target if the writer "
               "supports one");
    }
  });
}

void check_xref018(const CheckContext& ctx, Reporter& r) {
  for_each_matched(ctx, [&](const BackupComponents& b, const EntryView& v,
                            const WriterMetadata& w, std::size_t,
                            const BcdComponent& c,
                            const std::vector<std::size_t>& members) {
    const bool method_alt =
        w.restore_method && w.restore_method->method ==
                                RestoreMethodType::kRestoreToAlternateLocation;
    const bool target_alt = c.restore_target == RestoreTarget::kAlternate;
    const bool method_applies =
        method_alt &&
        (c.restore_target == RestoreTarget::kOriginal ||
         (!c.restore_target && c.selected_for_restore.value_or(false)));
    if (!target_alt && !method_applies) return;
    std::set<std::string> mapped;
    if (w.restore_method) {
      for (const FileDescriptor& m :
           w.restore_method->alternate_location_mappings) {
        mapped.insert(file_set_key(m.path, m.filespec, m.is_recursive()));
      }
    }
    std::size_t unmapped = 0;
    const FileDescriptor* first = nullptr;
    for (std::size_t m : members) {
      for (const FileDescriptor& f : w.components[m].files) {
        if (!is_component_file(f) ||
            mapped.count(file_set_key(f.path, f.filespec, f.is_recursive())) !=
                0) {
          continue;
        }
        if (first == nullptr) first = &f;
        ++unmapped;
      }
    }
    if (first == nullptr) return;
    r.backup(b, v.entry, &c, &w, c.where,
             fmt::format("component \"{}\" is restored to the alternate "
                         "location ({}) but {} of its file sets, first \"{}\", "
                         "have no alternate location mapping in writer {}",
                         bcd_label(ctx, v, c),
                         target_alt ? "restore target alternate"
                                    : "restore method "
                                      "RESTORE_TO_ALTERNATE_LOCATION",
                         unmapped,
                         file_set_text(first->path, first->filespec,
                                       first->is_recursive()),
                         writer_label(w)),
             "the writer must map every file set it wants restored "
             "elsewhere; restore to the original location instead");
  });
}

void check_xref019(const CheckContext& ctx, Reporter& r) {
  struct Need {
    bool (*used)(const BcdComponent&);
    BackupSchema bit;
    const char* what;
  };
  static constexpr Need kNeeds[] = {
      {[](const BcdComponent& c) {
         return c.roll_forward_type.has_value() ||
                c.roll_forward_point.has_value();
       },
       BackupSchema::kRollForwardRestore, "a roll-forward"},
      {[](const BcdComponent& c) { return c.restore_name.has_value(); },
       BackupSchema::kRestoreRename, "a restore name"},
      {[](const BcdComponent& c) {
         return c.authoritative_restore.value_or(false);
       },
       BackupSchema::kAuthoritativeRestore, "an authoritative restore"},
  };
  for_each_matched(ctx, [&](const BackupComponents& b, const EntryView& v,
                            const WriterMetadata& w, std::size_t,
                            const BcdComponent& c,
                            const std::vector<std::size_t>&) {
    const std::uint32_t schema = w.backup_schema_or_default();
    for (const Need& n : kNeeds) {
      if (!n.used(c) || has_schema_bit(schema, n.bit)) continue;
      r.backup(b, v.entry, &c, &w, c.where,
               fmt::format("component \"{}\" asks for {} but writer {} does "
                           "not support it (backup schema 0x{:X} lacks {})",
                           bcd_label(ctx, v, c), n.what, writer_label(w),
                           schema, vss_name(n.bit)),
               "the writer will ignore the setting; drop it");
    }
  });
}

void check_xref027(const CheckContext& ctx, Reporter& r) {
  for_each_matched(
      ctx, [&](const BackupComponents& b, const EntryView& v,
               const WriterMetadata& w, std::size_t k, const BcdComponent& c,
               const std::vector<std::size_t>&) {
        if (!c.restore_options) return;
        const Component& wc = w.components[*v.matches[k].index];
        if (wc.is_selectable()) return;
        r.backup(b, v.entry, &c, &w, c.where,
                 fmt::format("component \"{}\" has restore options but is not "
                             "selectable for backup",
                             component_label(w, wc)),
                 "the restore-options page allows options only on selectable "
                 "components; check that the writer expects them here (the ASR "
                 "writer does)");
      });
}

// Restore subcomponents of one BCD component, resolved: calls

void check_xref020(const CheckContext& ctx, Reporter& r) {
  for_each_restore_sub(
      ctx, [&](const BackupComponents& b, const EntryView& v,
               const WriterMetadata& w, const ComponentIndex&,
               const std::vector<bool>&, std::size_t, const BcdComponent& c,
               const RestoreSubcomponent& s, const ComponentMatch& m) {
        if (m.index) return;
        r.backup(
            b, v.entry, &c, &w, s.where,
            fmt::format("restore subcomponent \"{}\" is not a component of "
                        "writer {}",
                        sub_label(w, s), writer_label(w)),
            "check the logical path and name against the writer metadata");
      });
}

void check_xref021(const CheckContext& ctx, Reporter& r) {
  for_each_restore_sub(
      ctx, [&](const BackupComponents& b, const EntryView& v,
               const WriterMetadata& w, const ComponentIndex&,
               const std::vector<bool>&, std::size_t, const BcdComponent& c,
               const RestoreSubcomponent& s, const ComponentMatch& m) {
        if (!m.index) return;
        const Component& wc = w.components[*m.index];
        if (wc.is_selectable_for_restore()) return;
        r.backup(
            b, v.entry, &c, &w, s.where,
            fmt::format("restore subcomponent \"{}\" is not selectable for "
                        "restore",
                        component_label(w, wc)),
            fmt::format("restore \"{}\" as a whole instead", c.full_path()));
      });
}

void check_xref022(const CheckContext& ctx, Reporter& r) {
  for_each_restore_sub(ctx, [&](const BackupComponents& b, const EntryView& v,
                                const WriterMetadata& w,
                                const ComponentIndex& index,
                                const std::vector<bool>& is_explicit,
                                std::size_t k, const BcdComponent& c,
                                const RestoreSubcomponent& s,
                                const ComponentMatch& m) {
    if (!m.index) return;
    const std::size_t i = *m.index;
    const Component& wc = w.components[i];
    if (is_explicit[i]) {
      r.backup(
          b, v.entry, &c, &w, s.where,
          fmt::format("restore subcomponent \"{}\" was itself included "
                      "explicitly in the backup",
                      component_label(w, wc)),
          fmt::format("select \"{}\" for restore directly", wc.full_path()));
      return;
    }
    const auto& anc = index.ancestors(i);
    auto closest = std::find_if(anc.begin(), anc.end(),
                                [&](std::size_t a) { return is_explicit[a]; });
    const std::optional<std::size_t> parent = v.matches[k].index;
    if (closest != anc.end() && parent && *closest == *parent) return;
    r.backup(b, v.entry, &c, &w, s.where,
             closest == anc.end()
                 ? fmt::format("restore subcomponent \"{}\" has no explicitly "
                               "included ancestor in the backup, so it was "
                               "not backed up through \"{}\"",
                               component_label(w, wc), c.full_path())
                 : fmt::format("restore subcomponent \"{}\" is attached to "
                               "\"{}\" but its closest explicitly included "
                               "ancestor is \"{}\"",
                               component_label(w, wc), c.full_path(),
                               w.components[*closest].full_path()),
             closest == anc.end()
                 ? std::string("attach it to the component it was backed up "
                               "with")
                 : fmt::format("attach it to \"{}\"",
                               w.components[*closest].full_path()));
  });
}

void check_xref025(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(ctx, [&](const BackupComponents& b,
                        const std::vector<EntryView>& views) {
    for (const EntryView& v : views) {
      const WriterMetadata* w = wmd_of(ctx, v);
      if (w == nullptr || !w->restore_method) continue;
      const RestoreMethod& rm = *w->restore_method;
      const bool never = rm.writer_restore == WriterRestore::kNever;
      const bool custom = rm.method == RestoreMethodType::kCustom;
      if (!never && !custom) continue;
      const auto& comps = v.entry->components;
      auto first =
          std::find_if(comps.begin(), comps.end(), [](const BcdComponent& c) {
            return c.selected_for_restore.value_or(false);
          });
      if (first == comps.end()) continue;
      r.backup(b, v.entry, &*first, w, first->where,
               fmt::format("components of writer {} are selected for restore, "
                           "but the writer {}",
                           writer_label(*w),
                           never ? "takes no part in restores (writerRestore "
                                   "never): its files are restored without it"
                                 : "restores with a custom, private method"),
               never ? Hint("copy the files back as the restore method says; "
                            "do not expect restore events")
                     : Hint("follow the writer's own restore procedure"));
    }
  });
}

constexpr Rule kRules[] = {
    {kXref009, check_xref009}, {kXref010, check_xref010},
    {kXref011, check_xref011}, {kXref012, check_xref012},
    {kXref013, check_xref013}, {kXref014, check_xref014},
    {kXref015, check_xref015}, {kXref016, check_xref016},
    {kXref017, check_xref017}, {kXref018, check_xref018},
    {kXref019, check_xref019}, {kXref020, check_xref020},
    {kXref021, check_xref021}, {kXref022, check_xref022},
    {kXref025, check_xref025}, {kXref027, check_xref027},
};

}  // namespace

std::span<const Rule> xref_file_rules() { return kRules; }

}  // namespace vssmeta::internal
