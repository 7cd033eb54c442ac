// SPDX-License-Identifier: MIT
// BCD rules BCD001..BCD017 (../shared/docs/vss-domain.md §4.3): checks of a
// backup components document on its own, document- and file-level. The
// restore-time rules are in rules_bcd_restore.cc.

#include "paths/windows_path.h"
#include "semantics/logical_path.h"
#include "validate/rules_bcd_support.h"

namespace vssmeta::internal {
namespace {

using namespace bcd;  // NOLINT(google-build-using-namespace)

// The table's severities of the rules that pick another for some cases.
constexpr Severity kBcd001Severity = Severity::kError;
constexpr Severity kBcd007Severity = Severity::kError;

// ---- document-level rules --------------------------------------------------

void check_bcd001(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    std::string value;
    // An unknown spelling leaves the document usable: a warning, reported
    // by unknown-value when the loader's warnings are given.
    Severity severity = kBcd001Severity;
    if (const std::string* raw = extra(b.extras, "backupType")) {
      if (ctx.has_load_warnings()) continue;
      value = fmt::format("unknown backup type \"{}\"", *raw);
      severity = Severity::kWarning;
    } else if (b.backup_type == BackupType::kUndefined) {
      value = "backup type VSS_BT_UNDEFINED";
    } else {
      continue;
    }
    r.backup(severity, b, nullptr, nullptr, nullptr, b.where,
             fmt::format("the document has {}", value),
             "the requester must set a defined backup type (full, "
             "incremental, differential, log, copy or other) with "
             "SetBackupState");
  }
}

void check_bcd002(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    std::string value;
    if (const std::string* raw = extra(b.extras, "restoreType")) {
      if (ctx.has_load_warnings()) continue;  // unknown-value reports it
      value = fmt::format("unknown restore type \"{}\"", *raw);
    } else if (b.restore_type == RestoreType::kOther) {
      value = "restore type VSS_RTYPE_OTHER";
    } else {
      continue;
    }
    r.backup(b, nullptr, nullptr, nullptr, b.where,
             fmt::format("the document has {}", value),
             "use byCopy or import; VSS_RTYPE_OTHER is documented as an "
             "application error");
  }
}

void check_bcd003(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    for (const WriterComponents& e : b.writers) {
      const Who w = who(ctx, e);
      std::vector<std::string> bad;
      if (e.writer_id.is_nil()) bad.push_back("its writer class id is zero");
      if (const std::string* raw = extra(e.extras, "instanceId")) {
        bad.push_back(fmt::format("its instance id \"{}\" is malformed", *raw));
      } else if (!e.instance_id) {
        bad.push_back("it has no instance id");
      } else if (e.instance_id->is_nil()) {
        bad.push_back("its instance id is zero");
      }
      for (const std::string& what : bad) {
        r.backup(b, &e, nullptr, w.wmd, e.where,
                 fmt::format("writer entry \"{}\": {}", w.name, what),
                 "every writer entry needs the writer's class id and the "
                 "instance id of the writer instance that took part");
      }
    }
  }
}

void check_bcd004(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    std::map<std::pair<Guid, Guid>, const WriterComponents*> first;
    for (const WriterComponents& e : b.writers) {
      auto [hit, added] = first.emplace(
          std::pair{e.writer_id, e.instance_id.value_or(Guid())}, &e);
      if (added) continue;
      const Who w = who(ctx, e);
      r.backup(
          b, &e, nullptr, w.wmd, e.where,
          fmt::format("writer \"{}\" (instance {}) has a second writer "
                      "entry (first at line {}, column {})",
                      w.name, e.instance_id.value_or(Guid()).to_braced_string(),
                      hit->second->where.line, hit->second->where.column),
          "a document holds one entry per writer instance: merge the "
          "components into the first entry");
    }
  }
}

void check_bcd005(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    for (const WriterComponents& e : b.writers) {
      if (!e.components.empty()) continue;
      const Who w = who(ctx, e);
      r.backup(b, &e, nullptr, w.wmd, e.where,
               fmt::format("writer entry \"{}\" has no components", w.name),
               "a writer takes part only through explicitly added "
               "components: remove the entry or add its components");
    }
  }
}

void check_bcd006(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    for (const WriterComponents& e : b.writers) {
      const Who w = who(ctx, e);
      std::unordered_map<std::string, const BcdComponent*> first;
      for (const BcdComponent& c : e.components) {
        auto [hit, added] =
            first.emplace(component_key(c.logical_path, c.name), &c);
        if (added) continue;
        r.backup(b, &e, &c, w.wmd, c.where,
                 fmt::format("component \"{}\" is listed twice (also at "
                             "line {}, column {})",
                             label(w, c), hit->second->where.line,
                             hit->second->where.column),
                 "AddComponent fails with VSS_E_OBJECT_ALREADY_EXISTS on a "
                 "repeat: list each component once");
      }
    }
  }
}

void check_bcd007(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    if (c.name.empty()) {
      r.backup(
          b, &e, &c, w.wmd, c.where,
          fmt::format("a component of writer \"{}\" has an empty name", w.name),
          "every component needs the name its writer declared");
    }
    std::string type;
    Severity severity = kBcd007Severity;
    if (const std::string* raw = extra(c.extras, "componentType")) {
      // As in BCD001: a warning, left to unknown-value when it can.
      if (ctx.has_load_warnings()) return;
      type = fmt::format("an unknown component type \"{}\"", *raw);
      severity = Severity::kWarning;
    } else if (!c.type) {
      type = "no component type";
    } else if (*c.type == ComponentType::kUndefined) {
      type = "component type VSS_CT_UNDEFINED";
    }
    if (!type.empty()) {
      r.backup(severity, b, &e, &c, w.wmd, c.where,
               fmt::format("component \"{}\" has {}", label(w, c), type),
               "the component type must be database or filegroup, as in the "
               "writer's metadata");
    }
  });
}

void check_bcd008(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    if (b.select_components.value_or(true)) continue;
    std::size_t components = 0;
    std::size_t restore = 0;
    for (const WriterComponents& e : b.writers) {
      components += e.components.size();
      for (const BcdComponent& c : e.components) {
        if (c.selected_for_restore.value_or(false)) ++restore;
      }
    }
    if (components == 0) continue;
    r.backup(b, nullptr, nullptr, nullptr, b.where,
             fmt::format("selectComponents is no, yet the document lists {} "
                         "component(s){}",
                         components,
                         restore == 0 ? std::string()
                                      : fmt::format(", {} selected for restore",
                                                    restore)),
             "component selection only has meaning in component mode: set "
             "selectComponents to yes, or drop the components");
  }
}

// ---- file-level rules ------------------------------------------------------

void check_bcd009(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    if (b.partial_file_support.value_or(false)) return;
    for (const PartialFile& p : c.partial_files) {
      r.backup(b, &e, &c, w.wmd, p.where,
               fmt::format("component \"{}\" has partial file \"{}\" but "
                           "the document does not enable partial file "
                           "support",
                           label(w, c), join_file(p.path, p.filename)),
               "writers may add partial files only when the requester set "
               "partialFileSupport in SetBackupState");
    }
  });
}

void check_bcd010(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    for (const PartialFile& p : c.partial_files) {
      if (!p.ranges) continue;
      const ParsedRanges parsed = parse_ranges(*p.ranges);
      if (parsed.error.empty()) continue;
      r.backup(b, &e, &c, w.wmd, p.where,
               fmt::format("partial file \"{}\" of \"{}\" has a bad range "
                           "string \"{}\": {}",
                           join_file(p.path, p.filename), label(w, c),
                           *p.ranges, parsed.error),
               "ranges are comma-separated offset:length pairs (decimal or "
               "0x hex, lengths above zero), or the path of a ranges file");
    }
  });
}

void check_bcd011(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    auto report = [&](Origin where, std::string_view what,
                      std::string_view value) {
      r.backup(b, &e, &c, w.wmd, where,
               fmt::format("{} \"{}\" of \"{}\" contains a wildcard", what,
                           value, label(w, c)),
               "partial files, directed targets and differenced-file paths "
               "name real files and folders: no '*' or '?'");
    };
    for (const PartialFile& p : c.partial_files) {
      if (has_wildcard(p.path)) report(p.where, "partial file path", p.path);
      if (has_wildcard(p.filename)) {
        report(p.where, "partial file name", p.filename);
      }
    }
    for (const DirectedTarget& t : c.directed_targets) {
      if (has_wildcard(t.source_filename)) {
        report(t.where, "directed target source file", t.source_filename);
      }
      if (has_wildcard(t.destination_filename)) {
        report(t.where, "directed target destination file",
               t.destination_filename);
      }
    }
    for (const DifferencedFile& d : c.differenced_files) {
      if (has_wildcard(d.path)) {
        report(d.where, "differenced file path", d.path);
      }
    }
  });
}

void check_bcd012(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    for (const DirectedTarget& t : c.directed_targets) {
      const ParsedRanges src = parse_ranges(t.source_ranges);
      const ParsedRanges dst = parse_ranges(t.destination_ranges);
      std::string problem;
      if (src.is_file || !src.error.empty()) {
        problem = fmt::format("the source ranges \"{}\" are not a range list{}",
                              t.source_ranges,
                              src.error.empty() ? "" : ": " + src.error);
      } else if (dst.is_file || !dst.error.empty()) {
        problem = fmt::format(
            "the destination ranges \"{}\" are not a range list{}",
            t.destination_ranges, dst.error.empty() ? "" : ": " + dst.error);
      } else if (src.ranges.size() != dst.ranges.size()) {
        problem = fmt::format("{} source range(s) but {} destination range(s)",
                              src.ranges.size(), dst.ranges.size());
      } else {
        for (std::size_t i = 0; i < src.ranges.size(); ++i) {
          if (src.ranges[i].length == dst.ranges[i].length) continue;
          problem = fmt::format(
              "range {} has length {} in the source but {} in the "
              "destination",
              i + 1, src.ranges[i].length, dst.ranges[i].length);
          break;
        }
      }
      if (problem.empty()) continue;
      r.backup(b, &e, &c, w.wmd, t.where,
               fmt::format("directed target \"{}\" of \"{}\": {}",
                           join_file(t.source_path, t.source_filename),
                           label(w, c), problem),
               "source and destination must list the same number of "
               "offset:length ranges, with equal lengths pairwise");
    }
  });
}

void check_bcd013(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    if (c.directed_targets.empty()) return;
    if (c.restore_target == RestoreTarget::kDirected) return;
    r.backup(b, &e, &c, w.wmd, c.directed_targets.front().where,
             fmt::format("component \"{}\" has {} directed target(s) but its "
                         "restore target is {}, so they are ignored",
                         label(w, c), c.directed_targets.size(),
                         c.restore_target ? to_xml(*c.restore_target)
                                          : "original (the default)"),
             "the writer should set the restore target to directed "
             "(SetRestoreTarget) when it adds directed targets");
  });
}

void check_bcd014(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    std::string value;
    if (const std::string* raw = extra(c.extras, "restoreTarget")) {
      if (ctx.has_load_warnings()) return;  // unknown-value reports it
      value = fmt::format("an unknown restore target \"{}\"", *raw);
    } else if (c.restore_target == RestoreTarget::kUndefined) {
      value = "restore target VSS_RT_UNDEFINED";
    } else {
      return;
    }
    r.backup(b, &e, &c, w.wmd, c.where,
             fmt::format("component \"{}\" has {}", label(w, c), value),
             "the writer must set original, alternate, directed or "
             "originalLocation");
  });
}

void check_bcd015(const CheckContext& ctx, Reporter& r) {
  for (const BackupComponents& b : ctx.capture().backup_components) {
    for (const WriterComponents& e : b.writers) {
      std::unordered_map<std::string, std::vector<const DifferencedFile*>>
          by_dir;
      for (const BcdComponent& c : e.components) {
        for (const DifferencedFile& d : c.differenced_files) {
          by_dir[path_key(d.path)].push_back(&d);
        }
      }
      if (by_dir.empty()) continue;
      const Who w = who(ctx, e);
      for (const BcdComponent& c : e.components) {
        for (const PartialFile& p : c.partial_files) {
          std::string dir = path_key(p.path);
          const DifferencedFile* hit = nullptr;
          // The partial file's folder, then each parent (recursive sets).
          for (bool own = true; hit == nullptr; own = false) {
            auto found = by_dir.find(dir);
            if (found != by_dir.end()) {
              for (const DifferencedFile* d : found->second) {
                if ((own || d->recursive.value_or(false)) &&
                    filespec_matches(d->filespec, p.filename)) {
                  hit = d;
                  break;
                }
              }
            }
            const std::size_t cut = dir.rfind('\\');
            if (cut == std::string::npos) break;
            dir.resize(cut);
          }
          if (hit == nullptr) continue;
          r.backup(b, &e, &c, w.wmd, p.where,
                   fmt::format("file \"{}\" of \"{}\" is both a partial "
                               "file and a differenced file (\"{}\" at "
                               "line {}, column {})",
                               join_file(p.path, p.filename), label(w, c),
                               join_file(hit->path, hit->filespec),
                               hit->where.line, hit->where.column),
                   "a file must not be both; the requester follows the "
                   "differenced-file entry and logs a writer error");
        }
      }
    }
  }
}

void check_bcd016(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    if (c.differenced_files.empty()) return;
    if (b.backup_type == BackupType::kIncremental ||
        b.backup_type == BackupType::kDifferential) {
      return;
    }
    r.backup(b, &e, &c, w.wmd, c.differenced_files.front().where,
             fmt::format("component \"{}\" has {} differenced file(s) in a {} "
                         "backup",
                         label(w, c), c.differenced_files.size(),
                         b.backup_type ? to_xml(*b.backup_type) : "undefined"),
             "differenced files matter only to incremental and differential "
             "backups");
  });
}

void check_bcd017(const CheckContext& ctx, Reporter& r) {
  each_component(ctx, [&](const BackupComponents& b, const WriterComponents& e,
                          const Who& w, const BcdComponent& c) {
    if (!c.previous_backup_stamp || !b.backup_type) return;
    const BackupType t = *b.backup_type;
    if (t != BackupType::kFull && t != BackupType::kCopy &&
        t != BackupType::kLog) {
      return;
    }
    r.backup(b, &e, &c, w.wmd, c.where,
             fmt::format("component \"{}\" has a previous backup stamp in a "
                         "{} backup",
                         label(w, c), to_xml(t)),
             "a previous backup stamp is the base of an incremental or "
             "differential backup; a full, copy or log backup has none");
  });
}

// ---- the table -------------------------------------------------------------

constexpr Rule kRules[] = {
    {{"BCD001", Severity::kError, RuleScope::kBackup,
      "The backup type is undefined or unknown",
      "The requester sets the backup type with SetBackupState; "
      "VSS_BT_UNDEFINED is documented as an application error, and a value "
      "outside the enumeration cannot be interpreted by writers.",
      "sdk:vss/ne-vss-vss_backup_type.md"},
     check_bcd001},
    {{"BCD002", Severity::kWarning, RuleScope::kBackup,
      "The restore type is unknown or OTHER",
      "The restore type is undefined (treated as by-copy), by-copy or "
      "import; VSS_RTYPE_OTHER is documented as an application error.",
      "sdk:vss/ne-vss-vss_restore_type.md"},
     check_bcd002},
    {{"BCD003", Severity::kError, RuleScope::kBackup,
      "A writer entry lacks its writer class id or instance id",
      "Each writer entry identifies the writer that took part by class id "
      "and instance id; without them the entry cannot be matched to a "
      "writer.",
      "win32:backup-components-document-contents.md; "
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent.md"},
     check_bcd003},
    {{"BCD004", Severity::kWarning, RuleScope::kBackup,
      "One writer instance has two writer entries",
      "A backup components document holds one set of components per "
      "writer instance; a second entry for the same class and instance id "
      "is not what VSS writes.",
      "win32:backup-components-document-contents.md"},
     check_bcd004},
    {{"BCD005", Severity::kWarning, RuleScope::kBackup,
      "A writer entry has no components",
      "A writer takes part in a backup only through its explicitly added "
      "components; an entry without any gets no events.",
      "win32:working-with-selectability-and-logical-paths.md"},
     check_bcd005},
    {{"BCD006", Severity::kError, RuleScope::kBackup,
      "A writer entry lists the same component twice",
      "AddComponent fails with VSS_E_OBJECT_ALREADY_EXISTS when a component "
      "(logical path and name) is added twice for one writer.",
      kAddComponent},
     check_bcd006},
    {{"BCD007", Severity::kError, RuleScope::kBackup,
      "A component has an empty name or an undefined or unknown type",
      "AddComponent needs the component's name and type (database or file "
      "group); VSS_CT_UNDEFINED is an application error.",
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent.md; "
      "sdk:vswriter/ne-vswriter-vss_component_type.md"},
     check_bcd007},
    {{"BCD008", Severity::kWarning, RuleScope::kBackup,
      "Components are listed although the backup is not in component mode",
      "AddComponent and SetSelectedForRestore only have meaning when the "
      "requester set selectComponents; without it the components are "
      "ignored.",
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent.md; "
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-setselectedforrestore.md"},
     check_bcd008},
    {{"BCD009", Severity::kWarning, RuleScope::kBackup,
      "Partial files without partial file support",
      "Writers may add partial files only when the requester enabled "
      "partial file support in SetBackupState.",
      "win32:working-with-partial-files.md; win32:vss-backup-state.md"},
     check_bcd009},
    {{"BCD010", Severity::kError, RuleScope::kBackup,
      "A partial file's range string cannot be read",
      "Partial-file ranges are comma-separated offset:length pairs of "
      "64-bit numbers (decimal or 0x hex) with non-zero lengths, or the "
      "path of a ranges file (a path, or File=<path>).",
      "sdk:vswriter/nf-vswriter-ivsscomponent-addpartialfile.md; "
      "win32:working-with-partial-files.md"},
     check_bcd010},
    {{"BCD011", Severity::kError, RuleScope::kBackup,
      "A partial file, directed target or differenced-file path has "
      "wildcards",
      "Partial files and directed targets name single files, and "
      "differenced-file paths name real folders: '*' and '?' are not "
      "allowed there.",
      "sdk:vswriter/nf-vswriter-ivsscomponent-addpartialfile.md; "
      "sdk:vswriter/nf-vswriter-ivsscomponent-adddirectedtarget.md; "
      "sdk:vswriter/"
      "nf-vswriter-ivsscomponent-adddifferencedfilesbylastmodifytime.md"},
     check_bcd011},
    {{"BCD012", Severity::kError, RuleScope::kBackup,
      "A directed target's source and destination ranges do not match",
      "A directed target copies each source range to the destination range "
      "at the same position, so both lists need the same number of ranges "
      "and equal lengths pairwise.",
      "sdk:vswriter/nf-vswriter-ivsscomponent-adddirectedtarget.md"},
     check_bcd012},
    {{"BCD013", Severity::kWarning, RuleScope::kBackup,
      "Directed targets on a component whose restore target is not "
      "directed",
      "The requester uses directed targets only when the restore target is "
      "VSS_RT_DIRECTED; otherwise they are ignored.",
      "sdk:vswriter/nf-vswriter-ivsscomponent-adddirectedtarget.md; "
      "win32:working-with-directed-targets.md"},
     check_bcd013},
    {{"BCD014", Severity::kWarning, RuleScope::kBackup,
      "The restore target is undefined or unknown",
      "VSS_RT_UNDEFINED is documented as a writer error, and a value "
      "outside the enumeration cannot be interpreted by the requester.",
      "sdk:vswriter/ne-vswriter-vss_restore_target.md"},
     check_bcd014},
    {{"BCD015", Severity::kWarning, RuleScope::kBackup,
      "A file is both a partial file and a differenced file",
      "A file must not be both; the requester logs a writer error and "
      "follows the differenced-file specification.",
      "win32:requestor-role-in-vss-incremental-and-differential-backups.md; "
      "sdk:vswriter/"
      "nf-vswriter-ivsscomponent-adddifferencedfilesbylastmodifytime.md"},
     check_bcd015},
    {{"BCD016", Severity::kInfo, RuleScope::kBackup,
      "Differenced files in a backup that is not incremental or "
      "differential",
      "Differenced files tell the requester which files changed since the "
      "last backup; they only matter to incremental and differential "
      "backups.",
      "sdk:vswriter/"
      "nf-vswriter-ivsscomponent-adddifferencedfilesbylastmodifytime.md; "
      "win32:writer-role-in-vss-incremental-and-differential-backups.md"},
     check_bcd016},
    {{"BCD017", Severity::kInfo, RuleScope::kBackup,
      "A previous backup stamp in a full, copy or log backup",
      "The previous backup stamp names the backup an incremental or "
      "differential backup is based on; full, copy and log backups have no "
      "base.",
      "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-setpreviousbackupstamp."
      "md; win32:restoring-incremental-and-differential-backups.md"},
     check_bcd017},
};

}  // namespace

std::span<const Rule> bcd_rules() { return kRules; }

}  // namespace vssmeta::internal
