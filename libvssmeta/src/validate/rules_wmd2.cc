// SPDX-License-Identifier: MIT
// WMD rules WMD024..WMD044 (../shared/docs/vss-domain.md §4.1): alternate
// location mappings, backup type masks, the backup schema, component flags
// and icons, selectability oddities, and dependencies. WMD045 is a
// deliberate non-rule.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "paths/windows_path.h"
#include "semantics/file_sets.h"
#include "semantics/logical_path.h"
#include "text/ascii.h"
#include "validate/rules.h"
#include "vssmeta/hierarchy.h"

namespace vssmeta::internal {
namespace {

// Incremental or differential: what timestamps and last-modify times serve.
constexpr std::uint32_t kSchemaIncOrDiff =
    schema_bit(BackupSchema::kIncremental) |
    schema_bit(BackupSchema::kDifferential);

// VSS_COMPONENT_FLAGS (sdk:vswriter/ne-vswriter-vss_component_flags.md).
constexpr std::uint32_t kComponentFlagsDefined = 0x7;

std::string hex(std::uint32_t v) { return fmt::format("0x{:X}", v); }

const char* yes_no(bool b) { return b ? "yes" : "no"; }

// A file set as messages show it.
std::string describe(const FileDescriptor& f) {
  return fmt::format("path \"{}\", filespec \"{}\", recursive {}", f.path,
                     f.filespec, yes_no(f.is_recursive()));
}

std::string at(const Origin& o) {
  return fmt::format("line {}, column {}", o.line, o.column);
}

// ---------------------------------------------------------------- mappings

const std::vector<FileDescriptor>& mappings_of(const WriterMetadata& w) {
  static const std::vector<FileDescriptor> kNone;
  return w.restore_method ? w.restore_method->alternate_location_mappings
                          : kNone;
}

void check_wmd024(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    const auto& mappings = mappings_of(w);
    if (mappings.empty()) continue;
    std::unordered_set<std::string> file_sets;
    for (const Component& c : w.components) {
      for (const FileDescriptor& f : c.files)
        file_sets.insert(file_set_key(f.path, f.filespec, f.is_recursive()));
    }
    for (const FileDescriptor& m : mappings) {
      if (file_sets.contains(
              file_set_key(m.path, m.filespec, m.is_recursive()))) {
        continue;
      }
      r.writer(w, nullptr, m.where,
               fmt::format("alternate location mapping ({}) of writer {} "
                           "matches no file set of any of its components",
                           describe(m), writer_label(w)),
               "a mapping must repeat the path, filespec and recursive flag "
               "of a file set the writer added to a component; correct the "
               "mapping or the file set");
    }
  }
}

void check_wmd025(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const FileDescriptor& m : mappings_of(w)) {
      if (m.alternate_path && !m.alternate_path->empty()) continue;
      r.writer(w, nullptr, m.where,
               fmt::format("alternate location mapping ({}) of writer {} has "
                           "no destination",
                           describe(m), writer_label(w)),
               "give the mapping a fully qualified destination directory "
               "(alternatePath)");
    }
  }
}

// ------------------------------------------------------ backup type masks

// WMD026 and WMD027 report what the shared file-set scan found.
void check_wmd026(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    if (r.silent_about(w)) continue;  // then not scanned at all
    for (const auto [c, f] : file_set_scan(ctx, wi).undefined_mask) {
      const std::uint32_t mask = *f->backup_type_mask;
      r.writer(w, c, f->where,
               fmt::format("file set ({}) of component \"{}\" has backup "
                           "type mask {} with undefined bits {}",
                           describe(*f), component_label(w, *c), hex(mask),
                           hex(mask & ~kFsbtDefined)),
               "use only VSS_FILE_SPEC_BACKUP_TYPE bits (0x10F0F); the "
               "default is 0xF0F (3855)");
    }
  }
}

void check_wmd027(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    if (r.silent_about(w)) continue;  // then not scanned at all
    for (const auto [c, f] : file_set_scan(ctx, wi).never_copied) {
      r.writer(w, c, f->where,
               fmt::format("file set ({}) of component \"{}\" has backup "
                           "type mask {} without any *_BACKUP_REQUIRED bit: "
                           "no backup type copies it",
                           describe(*f), component_label(w, *c),
                           hex(*f->backup_type_mask)),
               "if the files should be backed up, set the "
               "VSS_FSBT_*_BACKUP_REQUIRED bits of the backup types that "
               "need them");
    }
  }
}

// ----------------------------------------------------------- backup schema

// Runs `report` for each writer whose schema has `bit` set but none of
// `needs`.
template <typename Report>
void for_schema_without(const CheckContext& ctx, BackupSchema bit,
                        std::uint32_t needs, bool need_all, Report report) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!w.backup_schema) continue;
    const std::uint32_t s = *w.backup_schema;
    if (!has_schema_bit(s, bit)) continue;
    const bool ok = need_all ? (s & needs) == needs : (s & needs) != 0;
    if (!ok) report(w, s);
  }
}

void check_wmd028(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!w.backup_schema) continue;
    const std::uint32_t extra = *w.backup_schema & ~kBackupSchemaDefined;
    if (extra == 0) continue;
    r.writer(w, nullptr, w.where,
             fmt::format("backup schema {} ({}) of writer {} has undefined "
                         "bits {}",
                         *w.backup_schema, hex(*w.backup_schema),
                         writer_label(w), hex(extra)),
             "use only VSS_BACKUP_SCHEMA bits; 0x0800 and bits above 0xFFFF "
             "have no meaning");
  }
}

void check_wmd029(const CheckContext& ctx, Reporter& r) {
  for_schema_without(
      ctx, BackupSchema::kExclusiveIncrementalDifferential, kSchemaIncOrDiff,
      true, [&](const WriterMetadata& w, std::uint32_t s) {
        r.writer(w, nullptr, w.where,
                 fmt::format("backup schema {} ({}) of writer {} sets "
                             "EXCLUSIVE_INCREMENTAL_DIFFERENTIAL without both "
                             "INCREMENTAL and DIFFERENTIAL",
                             s, hex(s), writer_label(w)),
                 "set VSS_BS_INCREMENTAL and VSS_BS_DIFFERENTIAL too, or "
                 "clear VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL");
      });
}

void check_wmd030(const CheckContext& ctx, Reporter& r) {
  for_schema_without(
      ctx, BackupSchema::kTimestamped, kSchemaIncOrDiff, false,
      [&](const WriterMetadata& w, std::uint32_t s) {
        r.writer(w, nullptr, w.where,
                 fmt::format("backup schema {} ({}) of writer {} sets "
                             "TIMESTAMPED without INCREMENTAL or DIFFERENTIAL",
                             s, hex(s), writer_label(w)),
                 "backup stamps only serve incremental or differential "
                 "backups: set VSS_BS_INCREMENTAL or VSS_BS_DIFFERENTIAL, or "
                 "clear VSS_BS_TIMESTAMPED");
      });
}

void check_wmd031(const CheckContext& ctx, Reporter& r) {
  for_schema_without(
      ctx, BackupSchema::kLastModify, kSchemaIncOrDiff, false,
      [&](const WriterMetadata& w, std::uint32_t s) {
        r.writer(w, nullptr, w.where,
                 fmt::format("backup schema {} ({}) of writer {} sets "
                             "LAST_MODIFY without INCREMENTAL or DIFFERENTIAL",
                             s, hex(s), writer_label(w)),
                 "last-modify times only serve incremental or differential "
                 "backups: set VSS_BS_INCREMENTAL or VSS_BS_DIFFERENTIAL, or "
                 "clear VSS_BS_LAST_MODIFY");
      });
}

void check_wmd032(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!has_schema_bit(w.backup_schema_or_default(), BackupSchema::kLog)) {
      continue;
    }
    bool has_log = false;
    for (const Component& c : w.components) {
      for (const FileDescriptor& f : c.files) {
        if (f.kind == FileDescriptorKind::kDatabaseLogFiles) has_log = true;
      }
      if (has_log) break;
    }
    if (has_log) continue;
    r.writer(w, nullptr, w.where,
             fmt::format("backup schema of writer {} sets LOG but no component "
                         "has a database log file",
                         writer_label(w)),
             "a log backup copies DATABASE_LOGFILES: declare the log files or "
             "clear VSS_BS_LOG");
  }
}

void check_wmd033(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!has_schema_bit(w.backup_schema_or_default(), BackupSchema::kLsn)) {
      continue;
    }
    r.writer(w, nullptr, w.where,
             fmt::format("backup schema of writer {} sets VSS_BS_LSN, which "
                         "is reserved for system use",
                         writer_label(w)),
             "only Microsoft's own writers should set it; a third-party "
             "writer should clear it");
  }
}

void check_wmd034(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!has_schema_bit(w.backup_schema_or_default(),
                        BackupSchema::kWriterSupportsRestoreWithMove)) {
      continue;
    }
    const auto& name = w.identity.instance_name;
    if (name && !name->empty()) continue;
    r.writer(w, nullptr, w.where,
             fmt::format("writer {} supports restore with move but has no "
                         "instance name",
                         writer_label(w)),
             "restore with move names the target instance by its instance "
             "name: give the writer an instanceName");
  }
}

// ------------------------------------------------------ component details

void check_wmd035(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const Component& c : w.components) {
      const std::uint32_t extra = c.flags() & ~kComponentFlagsDefined;
      if (extra == 0) continue;
      r.writer(w, &c, c.where,
               fmt::format("component \"{}\" has component flags {} ({}) with "
                           "undefined bits {}",
                           component_label(w, c), c.flags(), hex(c.flags()),
                           hex(extra)),
               "use only VSS_COMPONENT_FLAGS bits 0x1, 0x2 and 0x4");
    }
  }
}

// Whether `text` is well-formed base64 (padding only at the end, length a
// multiple of 4; whitespace ignored).
bool is_base64(std::string_view text) {
  std::size_t n = 0;
  std::size_t padding = 0;
  for (char ch : text) {
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') continue;
    const bool alnum = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                       (ch >= '0' && ch <= '9') || ch == '+' || ch == '/';
    if (ch == '=') {
      ++padding;
    } else if (!alnum || padding != 0) {
      return false;
    }
    ++n;
  }
  return padding <= 2 && n % 4 == 0;
}

void check_wmd036(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const Component& c : w.components) {
      if (!c.icon) continue;
      if (c.icon->find_first_not_of(" \t\r\n") == std::string::npos) {
        r.writer(w, &c, c.where,
                 fmt::format("component \"{}\" declares an icon with no data",
                             component_label(w, c)),
                 "omit the icon attribute when there is no icon (its size "
                 "must then be 0)");
      } else if (!is_base64(*c.icon)) {
        r.writer(w, &c, c.where,
                 fmt::format("the icon of component \"{}\" is not valid "
                             "base64, so its data and size disagree",
                             component_label(w, c)),
                 "write the .ico bytes as base64, or omit the icon");
      }
    }
  }
}

void check_wmd037(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const Component& c : w.components) {
      const bool rm = c.restore_metadata.value_or(false);
      const bool nb = c.notify_on_backup_complete.value_or(false);
      if (!rm && !nb) continue;
      const char* which = rm && nb
                              ? "restoreMetadata and notifyOnBackupComplete"
                          : rm ? "restoreMetadata"
                               : "notifyOnBackupComplete";
      r.writer(w, &c, c.where,
               concat({"component \"", r.label(w, c), "\" sets ", which,
                       ", documented as reserved"}),
               "AddComponent says to pass false; in-box writers (SQL Server) "
               "set it anyway, so this is only worth a look for your own "
               "writer");
    }
  }
}

// ---------------------------------------------------------- selectability

void check_wmd038(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    const ComponentIndex& index = ctx.index(wi);
    for (std::size_t i = 0; i < w.components.size(); ++i) {
      const Component& c = w.components[i];
      if (!c.is_selectable_for_restore()) continue;
      if (index.nearest_selectable_ancestor(i)) continue;
      r.writer(w, &c, c.where,
               concat({"component \"", r.label(w, c),
                       "\" is selectable for restore but has no selectable "
                       "ancestor: it can only be backed up explicitly, so "
                       "the flag has no effect"}),
               "selectableForRestore matters only for subcomponents a backup "
               "includes implicitly; clear it, or place the component under "
               "a selectable one");
    }
  }
}

void check_wmd039(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    // Whether a node is declared depends on its key only, so each node of
    // the writer's paths is looked at (and reported) once.
    // Only the logical paths' nodes matter: a component declares one when
    // its key lands there.
    PathTree paths;
    paths.reserve(w.components.size() + 1);
    PathTree::Cursor cursor;
    std::vector<PathTree::Node> logical(w.components.size(), PathTree::kRoot);
    for (std::size_t i = 0; i < w.components.size(); ++i) {
      const Component& c = w.components[i];
      if (c.logical_path)
        logical[i] = paths.add_logical(*c.logical_path, cursor);
    }
    std::vector<bool> declared(paths.size());
    for (std::size_t i = 0; i < w.components.size(); ++i) {
      const auto node = paths.find_name(logical[i], w.components[i].name);
      if (node) declared[*node] = true;
    }
    // The elements a path takes over from the one before were looked at
    // with that one: only the others are new.
    std::vector<bool> seen(paths.size());
    PathTree::Cursor walk;
    for (const Component& c : w.components) {
      if (!c.logical_path) continue;
      paths.add_logical(*c.logical_path, walk);
      for (std::size_t k = walk.reused; k < walk.elements.size(); ++k) {
        const auto [end, node] = walk.elements[k];
        if (seen[node]) continue;
        seen[node] = true;
        if (declared[node]) continue;
        std::string spelling;
        for (std::string_view e : logical_elements(
                 std::string_view(*c.logical_path).substr(0, end))) {
          if (!spelling.empty()) spelling.push_back('\\');
          spelling += e;
        }
        r.writer(w, &c, c.where,
                 fmt::format("logical path element \"{}\" of writer {} is "
                             "not a declared component (first used by "
                             "\"{}\")",
                             spelling, writer_label(w), r.label(w, c)),
                 "normal for organising nodes (ASR's Volumes, MyWriter's "
                 "QueryLogs); a requester cannot select it, only the "
                 "components below it");
      }
    }
  }
}

void check_wmd040(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    const ComponentIndex& index = ctx.index(wi);
    for (std::size_t i = 0; i < w.components.size(); ++i) {
      if (index.backup_class(i) != BackupClass::kRequired) continue;
      const auto& ancestors = index.ancestors(i);
      if (ancestors.empty()) continue;
      const Component& c = w.components[i];
      const Component& a = w.components[ancestors.front()];
      r.writer(w, &c, c.where,
               fmt::format("component \"{}\" is not selectable and lies under "
                           "the nonselectable \"{}\": the documentation "
                           "disagrees on whether it must be added explicitly "
                           "or comes with its ancestor",
                           component_label(w, c), component_label(w, a)),
               "requesters should add both explicitly; a writer can avoid "
               "the ambiguity by making the ancestor selectable");
    }
  }
}

// ------------------------------------------------------------ dependencies

// `"name" at logical path "lp" of writer Name {id}` (the writer's name when
// the capture has a WMD of that class).
std::string describe(const CheckContext& ctx, const Dependency& d) {
  const auto& same_class = ctx.writers_of_class(d.writer_id);
  const std::string writer =
      same_class.empty()
          ? d.writer_id.to_braced_string()
          : writer_label(ctx.capture().writers[same_class.front()]);
  if (d.logical_path && !d.logical_path->empty()) {
    return fmt::format("\"{}\" at logical path \"{}\" of writer {}",
                       d.component_name, *d.logical_path, writer);
  }
  return fmt::format("\"{}\" of writer {}", d.component_name, writer);
}

void check_wmd041(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const Component& c : w.components) {
      for (const Dependency& d : c.dependencies) {
        if (!(d.writer_id == w.identity.writer_id)) continue;
        r.writer(w, &c, d.where,
                 fmt::format("component \"{}\" depends on {}, its own "
                             "writer",
                             component_label(w, c), describe(ctx, d)),
                 "dependencies must target another writer; within a writer, "
                 "use logical paths and selectability instead");
      }
    }
  }
}

void check_wmd042(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const Component& c : w.components) {
      for (const Dependency& d : c.dependencies) {
        const bool nil = d.writer_id.is_nil();
        const bool unnamed = d.component_name.empty();
        if (!nil && !unnamed) continue;
        const char* what = nil && unnamed
                               ? "a zero writer id and no component name"
                           : nil ? "a zero writer id"
                                 : "no component name";
        r.writer(w, &c, d.where,
                 fmt::format("a dependency of component \"{}\" has {}",
                             component_label(w, c), what),
                 "a dependency names the target writer's class id and the "
                 "target component's logical path and name");
      }
    }
  }
}

void check_wmd043(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const Component& c : w.components) {
      if (c.dependencies.size() < 2) continue;
      std::unordered_map<std::string, Origin> seen;
      for (const Dependency& d : c.dependencies) {
        std::string key = d.writer_id.to_string();
        key += '\0';
        key += component_key(d.logical_path, d.component_name);
        auto [hit, inserted] = seen.emplace(std::move(key), d.where);
        if (inserted) continue;
        r.writer(w, &c, d.where,
                 fmt::format("component \"{}\" declares its dependency on "
                             "{} twice (also at {})",
                             component_label(w, c), describe(ctx, d),
                             at(hit->second)),
                 "declare each dependency once");
      }
    }
  }
}

bool starts_remote(std::string_view s) { return s.starts_with("\\\\"); }

void check_wmd044(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const Component& c : w.components) {
      for (const Dependency& d : c.dependencies) {
        if (!starts_remote(d.logical_path.value_or("")) &&
            !starts_remote(d.component_name)) {
          continue;
        }
        r.writer(w, &c, d.where,
                 fmt::format("component \"{}\" depends on the remote "
                             "component {}",
                             component_label(w, c), describe(ctx, d)),
                 "back up the remote component with backup software running "
                 "on that machine; this capture cannot check it");
      }
    }
  }
}

constexpr Rule kRules[] = {
    {{"WMD024", Severity::kError, RuleScope::kWriter,
      "Alternate location mapping matches no component file set",
      "AddAlternateLocationMapping takes the path, filespec and recursive "
      "flag of a file set the writer already added to one of its components; "
      "the requester finds the component by comparing file sets, so a "
      "mapping that matches none cannot be applied.",
      "sdk:vswriter/"
      "nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping.md; "
      "win32:writer-metadata-document-contents.md"},
     check_wmd024},
    {{"WMD025", Severity::kError, RuleScope::kWriter,
      "Alternate location mapping without a destination",
      "The destination of an alternate location mapping is the fully "
      "qualified directory the files are restored to; without one the "
      "mapping is unusable.",
      "sdk:vswriter/"
      "nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping.md"},
     check_wmd025},
    {{"WMD026", Severity::kError, RuleScope::kWriter,
      "File-set backup type mask has undefined bits",
      "A file set's backup type mask is made of VSS_FILE_SPEC_BACKUP_TYPE "
      "bits (0x10F0F in all); other bits have no meaning.",
      "sdk:vss/ne-vss-vss_file_spec_backup_type.md"},
     check_wmd026},
    {{"WMD027", Severity::kInfo, RuleScope::kWriter,
      "File set is never copied (no *_BACKUP_REQUIRED bit)",
      "The backup type mask overrides selectability: a file set without any "
      "of the four backup-required bits is copied by no backup type, which "
      "is legal (snapshot-only data) but seldom intended.",
      "sdk:vss/ne-vss-vss_file_spec_backup_type.md; "
      "win32:writer-role-in-backing-up-complex-stores.md"},
     check_wmd027},
    {{"WMD028", Severity::kError, RuleScope::kWriter,
      "Backup schema has undefined bits",
      "The backup schema is a VSS_BACKUP_SCHEMA bitmask; 0x0800 and bits "
      "above 0xFFFF are not defined.",
      "sdk:vss/ne-vss-vss_backup_schema.md"},
     check_wmd028},
    {{"WMD029", Severity::kError, RuleScope::kWriter,
      "EXCLUSIVE_INCREMENTAL_DIFFERENTIAL without INCREMENTAL and "
      "DIFFERENTIAL",
      "VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL is only valid together with "
      "both VSS_BS_INCREMENTAL and VSS_BS_DIFFERENTIAL.",
      "sdk:vss/ne-vss-vss_backup_schema.md"},
     check_wmd029},
    {{"WMD030", Severity::kError, RuleScope::kWriter,
      "TIMESTAMPED without INCREMENTAL or DIFFERENTIAL",
      "VSS_BS_TIMESTAMPED (backup stamps) is only valid together with "
      "VSS_BS_INCREMENTAL or VSS_BS_DIFFERENTIAL.",
      "sdk:vss/ne-vss-vss_backup_schema.md"},
     check_wmd030},
    {{"WMD031", Severity::kError, RuleScope::kWriter,
      "LAST_MODIFY without INCREMENTAL or DIFFERENTIAL",
      "VSS_BS_LAST_MODIFY (differenced files with last-modify times) is only "
      "valid together with VSS_BS_INCREMENTAL or VSS_BS_DIFFERENTIAL.",
      "sdk:vss/ne-vss-vss_backup_schema.md"},
     check_wmd031},
    {{"WMD032", Severity::kWarning, RuleScope::kWriter,
      "LOG backups supported but no database log file declared",
      "A writer that supports log backups needs at least one database log "
      "file in some component; otherwise a log backup copies nothing.",
      "sdk:vss/ne-vss-vss_backup_schema.md; "
      "win32:writer-backup-schema-support.md"},
     check_wmd032},
    {{"WMD033", Severity::kInfo, RuleScope::kWriter,
      "Backup schema sets the reserved VSS_BS_LSN bit",
      "VSS_BS_LSN is reserved for system use; a third-party writer should "
      "not set it.",
      "sdk:vss/ne-vss-vss_backup_schema.md"},
     check_wmd033},
    {{"WMD034", Severity::kWarning, RuleScope::kWriter,
      "RESTORE_WITH_MOVE without a writer instance name",
      "Restore with move restores a component to another instance of a "
      "multi-instance writer, which VSS finds by its instance name; a writer "
      "without one cannot be the target.",
      "win32:writer-backup-schema-support.md; "
      "sdk:vswriter/nf-vswriter-cvsswriter-initialize.md"},
     check_wmd034},
    {{"WMD035", Severity::kWarning, RuleScope::kWriter,
      "Component flags have undefined bits",
      "Component flags are VSS_COMPONENT_FLAGS bits: BACKUP_RECOVERY (0x1), "
      "APP_ROLLBACK_RECOVERY (0x2) and NOT_SYSTEM_STATE (0x4).",
      "sdk:vswriter/ne-vswriter-vss_component_flags.md"},
     check_wmd035},
    {{"WMD036", Severity::kWarning, RuleScope::kWriter,
      "Component icon size and data disagree",
      "A component icon is optional .ico data whose size must be 0 when "
      "absent; an icon attribute that is empty or not valid base64 has a "
      "size that does not match its data.",
      "sdk:vsbackup/ns-vsbackup-vss_componentinfo.md"},
     check_wmd036},
    {{"WMD037", Severity::kInfo, RuleScope::kWriter,
      "Component sets restoreMetadata or notifyOnBackupComplete (reserved)",
      "AddComponent documents both flags as reserved (pass false), while "
      "VSS_COMPONENTINFO describes restoreMetadata; the in-box SQL Server "
      "writer sets notifyOnBackupComplete, so this is only informational.",
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent.md"},
     check_wmd037},
    {{"WMD038", Severity::kInfo, RuleScope::kWriter,
      "selectableForRestore on a component without a selectable ancestor",
      "Selectable-for-restore only matters for components a backup includes "
      "implicitly; a component without a selectable ancestor can only be "
      "included explicitly, so the flag has no effect.",
      "win32:working-with-selectability-for-restore-and-subcomponents.md; "
      "win32:vssgloss-s.md"},
     check_wmd038},
    {{"WMD039", Severity::kInfo, RuleScope::kWriter,
      "Logical path element that is not a declared component",
      "Logical paths may pass through elements no component declares (the "
      "QueryLogs example, ASR's Volumes and Disks); such nodes only organise "
      "the hierarchy and cannot be selected.",
      "win32:logical-pathing-of-components.md"},
     check_wmd039},
    {{"WMD040", Severity::kInfo, RuleScope::kWriter,
      "Nonselectable component under only nonselectable ancestors",
      "The documentation disagrees on a nonselectable component under a "
      "nonselectable one (Executables/ConfigFiles): one page says both must "
      "be added explicitly, another that adding the ancestor includes it.",
      "win32:logical-pathing-of-components.md; "
      "win32:working-with-selectability-for-backup.md"},
     check_wmd040},
    {{"WMD041", Severity::kError, RuleScope::kWriter,
      "Dependency on a component of the same writer",
      "AddComponentDependency is for components of other writers; "
      "dependencies within one writer are not permitted (logical paths and "
      "selectability cover that case).",
      "sdk:vswriter/"
      "nf-vswriter-ivsscreatewritermetadata-addcomponentdependency.md; "
      "win32:dependencies-between-components-managed-by-different-writers.md"},
     check_wmd041},
    {{"WMD042", Severity::kError, RuleScope::kWriter,
      "Dependency with a zero writer id or no component name",
      "A dependency names its target by writer class id, logical path and "
      "component name; a zero writer id or an empty name identifies "
      "nothing.",
      "sdk:vswriter/"
      "nf-vswriter-ivsscreatewritermetadata-addcomponentdependency.md"},
     check_wmd042},
    {{"WMD043", Severity::kWarning, RuleScope::kWriter,
      "Same dependency declared twice on one component",
      "A component may have several dependencies, but declaring the same "
      "target twice adds nothing and usually hides a copy-paste mistake.",
      "win32:dependencies-between-components-managed-by-different-writers.md"},
     check_wmd043},
    {{"WMD044", Severity::kInfo, RuleScope::kWriter,
      "Dependency on a component of another computer",
      "A remote dependency's target logical path (or, per the detection "
      "text, its component name) starts with \\\\ComputerName\\; the "
      "requester must back that component up with software running on the "
      "other machine.",
      "sdk:vswriter/"
      "nf-vswriter-ivsscreatewritermetadata-addcomponentdependency.md"},
     check_wmd044},
};

}  // namespace

std::span<const Rule> wmd_more_rules() { return kRules; }

}  // namespace vssmeta::internal
