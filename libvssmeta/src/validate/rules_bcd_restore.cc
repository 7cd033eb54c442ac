// SPDX-License-Identifier: MIT
// BCD rules BCD018..BCD028 (../shared/docs/vss-domain.md §4.3): restore-time
// fields and schema checks of a backup components document on its own.
// BCD027 (component failure HRESULT) is not implemented: the model has no
// field for IVssComponentEx2::GetFailure.

#include "semantics/logical_path.h"
#include "validate/rules_bcd_support.h"

namespace vssmeta::internal {
namespace {

using namespace bcd;  // NOLINT(google-build-using-namespace)

// ---- restore rules ---------------------------------------------------------

void check_bcd018(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    if (c.restore_subcomponents.empty()) return;
    if (c.selected_for_restore.value_or(false)) return;
    r.backup(b, &e, &c, w.wmd, c.restore_subcomponents.front().where,
             fmt::format("component \"{}\" has {} restore subcomponent(s) but "
                         "is not selected for restore",
                         label(w, c), c.restore_subcomponents.size()),
             "select the component for restore (SetSelectedForRestore) "
             "before adding restore subcomponents to it");
  });
}

void check_bcd019(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    for (const RestoreSubcomponent& s : c.restore_subcomponents) {
      const bool no_path = s.logical_path.value_or("").empty();
      const bool no_name = s.component_name.empty();
      if (!no_path && !no_name) continue;
      r.backup(b, &e, &c, w.wmd, s.where,
               fmt::format("a restore subcomponent of \"{}\" has an empty {}",
                           label(w, c),
                           no_path && no_name ? "logical path and name"
                           : no_path          ? "logical path"
                                              : "name"),
               "a restore subcomponent sits below its parent, so it needs "
               "both a logical path and a name");
    }
  });
}

void check_bcd020(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    const std::string parent = component_key(c.logical_path, c.name);
    for (const RestoreSubcomponent& s : c.restore_subcomponents) {
      if (s.logical_path.value_or("").empty()) continue;  // BCD019
      if (is_at_or_under(logical_key(*s.logical_path), parent)) continue;
      r.backup(
          b, &e, &c, w.wmd, s.where,
          fmt::format("restore subcomponent \"{}\" is not below its "
                      "parent \"{}\"",
                      join_component_path(s.logical_path, s.component_name),
                      label(w, c)),
          fmt::format("a subcomponent's logical path starts with the "
                      "parent's full path \"{}\"",
                      c.full_path()));
    }
  });
}

// The first restore-phase field of a component, or nullptr.
const char* restore_field(const BcdComponent& c) {
  if (c.selected_for_restore) return "selectedForRestore";
  if (!c.new_targets.empty()) return "NEW_TARGET";
  if (!c.directed_targets.empty()) return "DIRECTED_TARGET";
  if (!c.restore_subcomponents.empty()) return "RESTORE_SUBCOMPONENT";
  if (c.additional_restores) return "additionalRestores";
  if (c.file_restore_status) return "fileRestoreStatus";
  if (c.restore_options) return "restoreOptions";
  return nullptr;
}

void check_bcd021(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    const WriterComponents* first_entry = nullptr;
    const BcdComponent* first = nullptr;
    bool selected = false;
    for (const WriterComponents& e : b.writers) {
      for (const BcdComponent& c : e.components) {
        if (c.selected_for_restore.value_or(false)) selected = true;
        if (first == nullptr && restore_field(c) != nullptr) {
          first_entry = &e;
          first = &c;
        }
      }
    }
    if (first == nullptr || selected) continue;
    const Who w = who(ctx, *first_entry);
    r.backup(b, first_entry, first, w.wmd, first->where,
             fmt::format("the document has restore fields (first: {} on "
                         "\"{}\") but no component is selected for restore",
                         restore_field(*first), label(w, *first)),
             "select the components to restore (SetSelectedForRestore), or "
             "remove the restore fields");
  }
}

void check_bcd022(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    bool post_restore = false;
    for (const WriterComponents& e : b.writers) {
      for (const BcdComponent& c : e.components) {
        if (c.file_restore_status &&
            *c.file_restore_status != FileRestoreStatus::kUndefined) {
          post_restore = true;
        }
      }
    }
    if (!post_restore) continue;
    for (const WriterComponents& e : b.writers) {
      const Who w = who(ctx, e);
      for (const BcdComponent& c : e.components) {
        if (!c.selected_for_restore.value_or(false)) continue;
        if (c.file_restore_status &&
            *c.file_restore_status != FileRestoreStatus::kUndefined) {
          continue;
        }
        r.backup(b, &e, &c, w.wmd, c.where,
                 fmt::format("component \"{}\" is selected for restore but "
                             "has no file restore status, while other "
                             "components have one",
                             label(w, c)),
                 "the requester must set the file restore status "
                 "(SetFileRestoreStatus) of every component selected for "
                 "restore");
      }
    }
  }
}

void check_bcd023(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    if (c.file_restore_status == FileRestoreStatus::kNone) {
      r.backup(b, &e, &c, w.wmd, c.where,
               fmt::format("component \"{}\" was not restored (file restore "
                           "status none: no file was written)",
                           label(w, c)),
               "look at the restore failure messages; the files on disk are "
               "unchanged");
    } else if (c.file_restore_status == FileRestoreStatus::kFailed) {
      r.backup(b, &e, &c, w.wmd, c.where,
               fmt::format("the restore of component \"{}\" failed part way "
                           "(file restore status failed)",
                           label(w, c)),
               "some files were written: the component's data is probably "
               "inconsistent and must be restored again");
    }
    if (c.backup_succeeded == false) {
      r.backup(b, &e, &c, w.wmd, c.where,
               fmt::format("the backup of component \"{}\" did not succeed "
                           "(backupSucceeded no)",
                           label(w, c)),
               "this backup does not hold a usable copy of the component");
    }
    // What the writer said when it failed.
    const std::pair<const char*, const std::optional<std::string>*> messages[] =
        {
            {"PrepareForBackup", &c.prepare_for_backup_failure_message},
            {"PostSnapshot", &c.post_snapshot_failure_message},
            {"PreRestore", &c.pre_restore_failure_message},
            {"PostRestore", &c.post_restore_failure_message},
        };
    for (const auto& [event, message] : messages) {
      if (!*message || (*message)->empty()) continue;
      r.backup(b, &e, &c, w.wmd, c.where,
               fmt::format("the writer failed at {} for component \"{}\": "
                           "\"{}\"",
                           event, label(w, c), **message),
               "the writer's own words: the backup or restore of this "
               "component did not complete as the writer expects");
    }
  });
}

// `["sub":]"name"="value"[, ...]`; returns an empty string when valid.
std::string restore_options_error(std::string_view s) {
  std::size_t i = 0;
  auto skip = [&] {
    while (i < s.size() &&
           std::isspace(static_cast<unsigned char>(s[i])) != 0) {
      ++i;
    }
  };
  auto quoted = [&]() -> bool {
    if (i >= s.size() || s[i] != '"') return false;
    const std::size_t end = s.find('"', i + 1);
    if (end == std::string_view::npos) return false;
    i = end + 1;
    return true;
  };
  for (std::size_t item = 1;; ++item) {
    skip();
    if (!quoted()) {
      return fmt::format("option {}: a quoted name expected at offset {}", item,
                         i);
    }
    skip();
    if (i < s.size() && s[i] == ':') {  // a subcomponent prefix
      ++i;
      skip();
      if (!quoted()) {
        return fmt::format("option {}: a quoted name expected at offset {}",
                           item, i);
      }
      skip();
    }
    if (i >= s.size() || s[i] != '=') {
      return fmt::format("option {}: '=' expected at offset {}", item, i);
    }
    ++i;
    skip();
    if (!quoted()) {
      return fmt::format("option {}: a quoted value expected at offset {}",
                         item, i);
    }
    skip();
    if (i == s.size()) return {};
    if (s[i] != ',') {
      return fmt::format("option {}: ',' expected at offset {}", item, i);
    }
    ++i;
  }
}

void check_bcd024(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    if (!c.restore_options || trim(*c.restore_options).empty()) return;
    const std::string err = restore_options_error(*c.restore_options);
    if (err.empty()) return;
    r.backup(b, &e, &c, w.wmd, c.where,
             fmt::format("restore options of \"{}\" do not follow the "
                         "standard syntax: {}",
                         label(w, c), err),
             "write options as \"Name\"=\"Value\" pairs separated by commas, "
             "optionally prefixed by \"Subcomponent\":");
  });
}

void check_bcd025(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    const bool point =
        c.roll_forward_point.has_value() && !c.roll_forward_point->empty();
    std::string problem;
    if (const std::string* raw = extra(c.extras, "rollForwardType")) {
      problem = fmt::format("an unknown roll-forward type \"{}\"", *raw);
    } else if (!c.roll_forward_type) {
      return;
    } else if (*c.roll_forward_type == RollForwardType::kUndefined) {
      problem = "roll-forward type VSS_RF_UNDEFINED";
    } else if (*c.roll_forward_type == RollForwardType::kPartial && !point) {
      problem = "a partial roll-forward without a roll-forward point";
    } else if (*c.roll_forward_type != RollForwardType::kPartial && point) {
      problem = fmt::format("roll-forward type {} with a roll-forward point",
                            to_xml(*c.roll_forward_type));
    } else {
      return;
    }
    r.backup(b, &e, &c, w.wmd, c.where,
             fmt::format("component \"{}\" has {}", label(w, c), problem),
             "use none or all without a point, or partial with the point to "
             "roll forward to (SetRollForward)");
  });
}

void check_bcd026(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    auto check = [&](const FileDescriptor& f, std::string_view what) {
      std::vector<std::string_view> bad;
      if (has_wildcard(f.path)) bad.push_back("its path has a wildcard");
      if (f.filespec.find('\\') != std::string::npos) {
        bad.push_back("its filespec has a backslash");
      }
      if (f.alternate_path.value_or("").empty()) {
        bad.push_back("its destination is empty");
      }
      if (bad.empty()) return;
      std::string problems;
      for (std::size_t i = 0; i < bad.size(); ++i) {
        if (i > 0) problems += i + 1 == bad.size() ? " and " : ", ";
        problems += bad[i];
      }
      r.backup(
          b, &e, &c, w.wmd, f.where,
          fmt::format("{} \"{}\" of \"{}\": {}", what,
                      join_file(f.path, f.filespec), label(w, c), problems),
          "name the file set exactly as the writer's metadata does "
          "(a folder, a filespec without folders) and give a fully "
          "qualified destination folder");
    };
    for (const FileDescriptor& f : c.new_targets) check(f, "new target");
    for (const FileDescriptor& f : c.alternate_location_mappings) {
      check(f, "alternate location mapping");
    }
  });
}

void check_bcd028(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    for (const WriterComponents& e : b.writers) {
      if (!e.backup_schema ||
          has_schema_bit(*e.backup_schema, BackupSchema::kTimestamped)) {
        continue;
      }
      const Who w = who(ctx, e);
      for (const BcdComponent& c : e.components) {
        if (!stamp_without_recorded_timestamps(e, c)) continue;
        r.backup(b, &e, &c, w.wmd, c.where,
                 fmt::format("component \"{}\" has a backup stamp, but "
                             "writer \"{}\" records backup schema {} "
                             "without VSS_BS_TIMESTAMPED",
                             label(w, c), w.name, *e.backup_schema),
                 "backup stamps belong to writers that support timestamped "
                 "backups; check the writer's backup schema");
      }
    }
  }
}

// ---- the table -------------------------------------------------------------

constexpr Rule kRules[] = {
    {{"BCD018", Severity::kError, RuleScope::kBackup,
      "Restore subcomponents on a component not selected for restore",
      "AddRestoreSubcomponent requires that the parent component was first "
      "selected for restore.",
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addrestoresubcomponent."
      "md"},
     check_bcd018},
    {{"BCD019", Severity::kError, RuleScope::kBackup,
      "A restore subcomponent has an empty logical path or name",
      "A restore subcomponent lies below its parent component, so its "
      "logical path may not be empty, and it needs a name.",
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addrestoresubcomponent."
      "md; sdk:vswriter/nf-vswriter-ivsscomponent-getrestoresubcomponent.md"},
     check_bcd019},
    {{"BCD020", Severity::kError, RuleScope::kBackup,
      "A restore subcomponent is not below its parent component",
      "A restore subcomponent is a member of its parent's component set, so "
      "its logical path starts with the parent's full path.",
      "win32:working-with-selectability-for-restore-and-subcomponents.md"},
     check_bcd020},
    {{"BCD021", Severity::kWarning, RuleScope::kBackup,
      "Restore fields present but nothing is selected for restore",
      "Restore options, targets, subcomponents and statuses only take "
      "effect for components selected for restore; with none selected no "
      "writer receives restore events.",
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-setselectedforrestore."
      "md; win32:overview-of-preparing-for-restore.md"},
     check_bcd021},
    {{"BCD022", Severity::kWarning, RuleScope::kBackup,
      "A component selected for restore has no file restore status",
      "After copying files the requester must set the file restore status "
      "of every component selected for restore; when other components "
      "have one, a missing status means one was forgotten.",
      "sdk:vswriter/ne-vswriter-vss_file_restore_status.md"},
     check_bcd022},
    {{"BCD023", Severity::kError, RuleScope::kBackup,
      "A backup or restore did not succeed",
      "backupSucceeded no, a file restore status of none (nothing written) "
      "or failed (partly written, data likely corrupt), or a writer's "
      "failure message (PrepareForBackup, PostSnapshot, PreRestore, "
      "PostRestore) records a failure: the first thing to know about a "
      "backup, so it is an error and printed first.",
      "sdk:vswriter/ne-vswriter-vss_file_restore_status.md; "
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-setbackupsucceeded.md"},
     check_bcd023},
    {{"BCD024", Severity::kWarning, RuleScope::kBackup,
      "Restore options do not follow the standard syntax",
      "Restore options are comma-separated \"Name\"=\"Value\" pairs, each "
      "optionally prefixed by \"Subcomponent\":; writers may not understand "
      "anything else.",
      "win32:setting-vss-restore-options.md"},
     check_bcd024},
    {{"BCD025", Severity::kWarning, RuleScope::kBackup,
      "The roll-forward type and point do not fit together",
      "A partial roll-forward needs a point to roll forward to; none and "
      "all take no point; VSS_RF_UNDEFINED is a requester error.",
      "sdk:vss/ne-vss-vss_rollforward_type.md; "
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponentsex2-setrollforward.md"},
     check_bcd025},
    {{"BCD026", Severity::kError, RuleScope::kBackup,
      "A new target or used alternate location mapping is malformed",
      "New targets and used alternate location mappings name a file set of "
      "the writer (a folder without wildcards, a filespec without folders) "
      "and a destination folder, which cannot be empty.",
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addnewtarget.md; "
      "sdk:vsbackup/"
      "nf-vsbackup-ivssbackupcomponents-addalternativelocationmapping.md"},
     check_bcd026},
    {{"BCD028", Severity::kWarning, RuleScope::kBackup,
      "A backup stamp from a writer whose schema lacks TIMESTAMPED",
      "Backup stamps serve writers that support timestamped incremental "
      "and differential backups (VSS_BS_TIMESTAMPED); the writer entry's "
      "recorded backup schema says this writer does not.",
      "sdk:vss/ne-vss-vss_backup_schema.md; "
      "win32:writer-role-in-backing-up-complex-stores.md"},
     check_bcd028},
};

}  // namespace

std::span<const Rule> bcd_restore_rules() { return kRules; }

}  // namespace vssmeta::internal
