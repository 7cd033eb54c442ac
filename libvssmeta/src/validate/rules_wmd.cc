// SPDX-License-Identifier: MIT
// WMD rules WMD001..WMD022 (../shared/docs/vss-domain.md §4.1): writer
// identity, restore method, components and their file sets.
//
// WMD017 (component type undefined/unknown) is not implemented: in a WMD the
// type is the element name (FILE_GROUP or DATABASE), so the model cannot
// hold an undefined or unknown type; any other element stays in extras.
//
// Some rules choose a lower or higher severity from context (§4: "info
// when ..."; "unknown value: error") and pass it to Reporter::writer; a
// user override of the rule still applies.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "semantics/file_sets.h"
#include "validate/rules.h"
#include "vssmeta/hierarchy.h"

namespace vssmeta::internal {
namespace {

std::string at(const Origin& o) {
  return fmt::format("line {}, column {}", o.line, o.column);
}

/// The verbatim value of an attribute the parser kept in extras, if any.
std::optional<std::string> kept(const Extras& extras, std::string_view name) {
  for (const XmlAttribute& a : extras.attributes()) {
    if (a.name == name) return a.value;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- identity

void check_wmd001(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!w.identity.writer_id.is_nil()) continue;
    r.writer(w, nullptr, w.identity.where,
             fmt::format("writer \"{}\" has the all-zero writer class id",
                         w.display_name()),
             "a writer must identify its class with a real GUID "
             "(CVssWriter::Initialize WriterId); fix the writer or the "
             "document");
  }
}

void check_wmd002(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    const auto& name = w.identity.friendly_name;
    if (name && !name->empty()) continue;
    r.writer(w, nullptr, w.identity.where,
             fmt::format("writer {} has {} friendly name",
                         w.identity.writer_id.to_braced_string(),
                         name ? "an empty" : "no"),
             "a writer must give a name (friendlyName) when it initializes; "
             "tools show the class id instead");
  }
}

void check_wmd003(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (w.identity.instance_id) continue;
    const auto bad = kept(w.identity.extras, "instanceId");
    r.writer(w, nullptr, w.identity.where,
             bad ? fmt::format("writer {} has an instance id that is not a "
                               "GUID: \"{}\"",
                               writer_label(w), *bad)
                 : fmt::format("writer {} has no instance id", writer_label(w)),
             "informational: VSS assigns the instance id when the writer "
             "starts, so a saved one is stale anyway; multi-instance writers "
             "are matched by instance name instead");
  }
}

// Usage (WMD004), source (WMD005), restore method (WMD007) and writerRestore
// (WMD011): an enumeration that is absent, UNDEFINED, or spelled in a way
// this version does not know (kept verbatim in extras).
template <typename E>
void check_enum(const CheckContext& ctx, Reporter& r, const WriterMetadata& w,
                const std::optional<E>& value, const Extras& extras,
                Origin where, std::string_view attribute, std::string_view what,
                std::string_view hint) {
  // `hint` is for UNDEFINED or absent; an unknown spelling has its own.
  if (value && *value != E::kUndefined) return;
  if (const auto bad = kept(extras, attribute)) {
    // The document stays usable: a warning, and the loader's unknown-value
    // reports it when validate() was given the loader's warnings.
    if (ctx.has_load_warnings()) return;
    r.writer(Severity::kWarning, w, nullptr, where,
             fmt::format("writer {} has an unknown {} \"{}\"", writer_label(w),
                         what, *bad),
             fmt::format("{}=\"{}\" is none of the documented values, so "
                         "the {} cannot be interpreted; fix the writer, or "
                         "report the spelling if Windows writes it",
                         attribute, *bad, what));
    return;
  }
  r.writer(w, nullptr, where,
           value ? fmt::format("writer {} declares its {} as {} ({})",
                               writer_label(w), what, to_xml(*value),
                               vss_name(*value))
                 : fmt::format("writer {} declares no {} ({} is missing, "
                               "which reads as {})",
                               writer_label(w), what, attribute,
                               vss_name(E::kUndefined)),
           std::string(hint));
}

void check_wmd004(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    check_enum(ctx, r, w, w.identity.usage, w.identity.extras, w.identity.where,
               "usage", "usage type",
               "VSS_UT_UNDEFINED is documented as a writer error; a requester "
               "cannot tell whether the writer's data is system state");
  }
}

void check_wmd005(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    check_enum(ctx, r, w, w.identity.data_source, w.identity.extras,
               w.identity.where, "dataSource", "source type",
               "VSS_ST_UNDEFINED is documented as a writer error that a "
               "requester should report; declare TRANSACTION_DB, "
               "NONTRANSACTION_DB or OTHER");
  }
}

// ---------------------------------------------------------- restore method

void check_wmd006(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (w.restore_method) continue;
    if (w.components.empty()) {
      // The in-box Shadow Copy Optimization and BITS writers: nothing to
      // restore, so no method is needed in practice.
      r.writer(Severity::kInfo, w, nullptr, w.where,
               fmt::format("writer {} has no restore method (and no "
                           "components, so nothing to restore)",
                           writer_label(w)),
               "informational: in-box writers that only carry exclude "
               "lists omit RESTORE_METHOD");
      continue;
    }
    r.writer(w, nullptr, w.where,
             fmt::format("writer {} has no restore method", writer_label(w)),
             "a writer must always set a restore method "
             "(SetRestoreMethod); without one GetRestoreMethod returns "
             "S_FALSE and a requester must guess how to restore");
  }
}

void check_wmd007(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!w.restore_method) continue;  // WMD006
    const RestoreMethod& m = *w.restore_method;
    check_enum(ctx, r, w, m.method, m.extras, m.where, "method",
               "restore method",
               "VSS_RME_UNDEFINED is a writer error: a requester cannot know "
               "how to restore the writer's files");
  }
}

void check_wmd008(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!w.restore_method) continue;
    const RestoreMethod& m = *w.restore_method;
    if (m.method != RestoreMethodType::kRestoreToAlternateLocation ||
        !m.alternate_location_mappings.empty()) {
      continue;
    }
    r.writer(w, nullptr, m.where,
             fmt::format("writer {} restores to an alternate location but "
                         "declares no alternate location mapping",
                         writer_label(w)),
             "RESTORE_TO_ALTERNATE_LOCATION always restores through the "
             "writer's alternate location mappings; add one "
             "(AddAlternateLocationMapping) per file set or choose another "
             "method");
  }
}

bool needs_service(RestoreMethodType m) {
  return m == RestoreMethodType::kStopRestoreStart ||
         m == RestoreMethodType::kRestoreStopStart;
}

void check_wmd009(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!w.restore_method) continue;
    const RestoreMethod& m = *w.restore_method;
    if (!m.method || !needs_service(*m.method)) continue;
    if (m.service && !m.service->empty()) continue;
    r.writer(w, nullptr, m.where,
             fmt::format("writer {} uses restore method {} but names no "
                         "service to stop",
                         writer_label(w), to_xml(*m.method)),
             "STOP_RESTART_SERVICE and RESTORE_STOP_START need the publicly "
             "known name of the service the requester stops and restarts "
             "(SetRestoreMethod wszService)");
  }
}

void check_wmd010(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!w.restore_method) continue;
    const RestoreMethod& m = *w.restore_method;
    if (!m.method || needs_service(*m.method)) continue;
    if (!m.service || m.service->empty()) continue;
    r.writer(w, nullptr, m.where,
             fmt::format("writer {} names service \"{}\" but its restore "
                         "method {} stops no service",
                         writer_label(w), *m.service, to_xml(*m.method)),
             "the service name is only used with STOP_RESTART_SERVICE and "
             "RESTORE_STOP_START and should otherwise be absent; check "
             "whether the method is the intended one");
  }
}

void check_wmd011(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!w.restore_method) continue;  // WMD006
    const RestoreMethod& m = *w.restore_method;
    check_enum(ctx, r, w, m.writer_restore, m.extras, m.where, "writerRestore",
               "writer restore setting",
               "VSS_WRE_UNDEFINED is a writer error: a requester cannot tell "
               "whether the writer expects PreRestore and PostRestore "
               "events; declare never, ifReplaceFails or always");
  }
}

// -------------------------------------------------------------- components

void check_wmd012(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    if (!w.components.empty()) continue;
    const Origin where =
        w.has_backup_locations ? w.backup_locations_where : w.where;
    const std::size_t excludes =
        w.exclude_files.size() + w.exclude_from_snapshot.size();
    if (excludes > 0) {
      r.writer(Severity::kInfo, w, nullptr, where,
               fmt::format("writer {} declares no components, only {} "
                           "exclude {}",
                           writer_label(w), excludes,
                           excludes == 1 ? "entry" : "entries"),
               "informational: in-box writers such as Shadow Copy "
               "Optimization and BITS only tell requesters what not to "
               "back up");
      continue;
    }
    r.writer(w, nullptr, where,
             fmt::format("writer {} declares no components", writer_label(w)),
             "writers are told to add at least one component; a requester "
             "has nothing of this writer to select");
  }
}

// (logical path, name) as a key: NULL and "" are the same path.
// (logical path, name) as written; an absent and an empty logical path are
// the same. Views into the component: no copy per component.
struct ExactKey {
  std::string_view logical_path;
  std::string_view name;
  friend bool operator==(const ExactKey&, const ExactKey&) = default;
};
struct ExactKeyHash {
  std::size_t operator()(const ExactKey& k) const {
    const std::size_t a = std::hash<std::string_view>()(k.logical_path);
    const std::size_t b = std::hash<std::string_view>()(k.name);
    return a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  }
};

ExactKey exact_key(const Component& c) {
  return {
      c.logical_path ? std::string_view(*c.logical_path) : std::string_view(),
      c.name};
}

void check_wmd013(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    std::unordered_map<ExactKey, const Component*, ExactKeyHash> first;
    first.reserve(w.components.size());
    for (const Component& c : w.components) {
      auto [it, fresh] = first.emplace(exact_key(c), &c);
      if (fresh) continue;
      r.writer(w, &c, c.where,
               fmt::format("component \"{}\" is declared twice (also at {})",
                           component_label(w, c), at(it->second->where)),
               "AddComponent fails with VSS_E_OBJECT_ALREADY_EXISTS on a "
               "repeated (logical path, name); a requester cannot tell the "
               "two apart: rename or merge them");
    }
  }
}

void check_wmd014(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const Component& c : w.components) {
      if (!c.name.empty()) continue;
      const std::string where =
          c.logical_path && !c.logical_path->empty()
              ? fmt::format("with logical path \"{}\"", *c.logical_path)
              : std::string("at the top level");
      r.writer(w, &c, c.where,
               fmt::format("a component {} of writer {} has an empty name",
                           where, writer_label(w)),
               "a component name is required and identifies the component "
               "together with its logical path; give it a name");
    }
  }
}

void check_wmd015(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const Component& c : w.components) {
      if (c.name.find('\\') == std::string::npos) continue;
      r.writer(w, &c, c.where,
               fmt::format("component name \"{}\" of \"{}\" contains a "
                           "backslash",
                           c.name, component_label(w, c)),
               "a component name must not contain a backslash; put the "
               "leading part in the logical path instead");
    }
  }
}

// What is wrong with a logical path's elements, or "".
std::string path_defects(const std::string& p) {
  std::vector<std::string_view> found;
  if (p.front() == '\\') found.emplace_back("starts with a backslash");
  // (a lone "\" both starts and ends the path: reported once)
  if (p.size() > 1 && p.back() == '\\') {
    found.emplace_back("ends with a backslash");
  }
  if (p.find("\\\\") != std::string::npos) {
    found.emplace_back("has an empty element (two backslashes in a row)");
  }
  std::string out;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i > 0) out += i + 1 == found.size() ? " and " : ", ";
    out += found[i];
  }
  return out;
}

void check_wmd016(const CheckContext& ctx, Reporter& r) {
  for (const WriterMetadata& w : ctx.capture().writers) {
    for (const Component& c : w.components) {
      if (!c.logical_path || c.logical_path->empty()) continue;
      const std::string defects = path_defects(*c.logical_path);
      if (defects.empty()) continue;
      r.writer(w, &c, c.where,
               fmt::format("logical path \"{}\" of \"{}\" {}", *c.logical_path,
                           component_label(w, c), defects),
               "logical path elements are separated by single backslashes, "
               "and the top level is an absent path; tools and requesters "
               "may build a different hierarchy from this one");
    }
  }
}

// ---------------------------------------------------------------- file sets

// The file-set rules report what the shared scan (file_sets.h) found: one
// pass over the ~450,000 file lists of a large writer instead of one per
// rule.

void check_wmd018(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    if (r.silent_about(w)) continue;  // then not scanned at all
    for (const auto [c, f] : file_set_scan(ctx, wi).kind_mismatch) {
      if (c->type == ComponentType::kDatabase) {
        r.writer(w, c, f->where,
                 fmt::format("database \"{}\" has a file-group file list "
                             "(FILE_LIST)",
                             component_label(w, *c)),
                 "AddFilesToFileGroup fails with E_INVALIDARG on a "
                 "database component; declare the files with "
                 "AddDatabaseFiles or make the component a file group");
      } else {
        r.writer(w, c, f->where,
                 fmt::format("file group \"{}\" has a database {} "
                             "descriptor ({})",
                             component_label(w, *c),
                             f->kind == FileDescriptorKind::kDatabaseLogFiles
                                 ? "log file"
                                 : "file",
                             element_name(f->kind)),
                 "database and log file descriptors belong to DATABASE "
                 "components only; use FILE_LIST or make the component a "
                 "database");
      }
    }
  }
}

void check_wmd019(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    if (r.silent_about(w)) continue;  // then not scanned at all
    for (const auto [c, f] : file_set_scan(ctx, wi).database_options) {
      const bool recursive = f->is_recursive();
      const bool alternate = f->alternate_path && !f->alternate_path->empty();
      std::string what;
      if (recursive) what = "is recursive";
      if (alternate) {
        what += fmt::format("{}has alternate path \"{}\"",
                            recursive ? " and " : "", *f->alternate_path);
      }
      r.writer(w, c, f->where,
               fmt::format("{} \"{}\" of \"{}\" {}", element_name(f->kind),
                           f->path, component_label(w, *c), what),
               "database and log file sets can be neither recursive nor "
               "have an alternate path (AddDatabaseFiles and "
               "AddDatabaseLogFiles take neither)");
    }
  }
}

// "FILE_LIST of \"W:\\a\\b\"" or "EXCLUDE_FILES of writer W {id}".
std::string owner(const WriterMetadata& w, const Component* c,
                  const FileDescriptor& f) {
  if (c != nullptr) {
    return fmt::format("{} of \"{}\"", element_name(f.kind),
                       component_label(w, *c));
  }
  return fmt::format("{} of writer {}", element_name(f.kind), writer_label(w));
}

void check_wmd020(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    if (r.silent_about(w)) continue;  // then not scanned at all
    for (const auto [c, f] : file_set_scan(ctx, wi).empty_path) {
      r.writer(w, c, f->where,
               fmt::format("{} has an empty path (filespec \"{}\")",
                           owner(w, c, *f), f->filespec),
               "a file set's path is the directory that holds the files; "
               "an empty path names no directory, so the set cannot be "
               "found");
    }
  }
}

void check_wmd021(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    if (r.silent_about(w)) continue;  // then not scanned at all
    for (const auto [c, f] : file_set_scan(ctx, wi).wildcard_path) {
      r.writer(w, c, f->where,
               fmt::format("{} has a wildcard in its path \"{}\"",
                           owner(w, c, *f), f->path),
               "wildcards are allowed in the filespec only; the path must "
               "be a directory (use recursive=\"yes\" for subdirectories)");
    }
  }
}

void check_wmd022(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    if (r.silent_about(w)) continue;  // then not scanned at all
    for (const auto [c, f] : file_set_scan(ctx, wi).bad_filespec) {
      r.writer(w, c, f->where,
               f->filespec.empty()
                   ? fmt::format("{} has an empty filespec (path \"{}\")",
                                 owner(w, c, *f), f->path)
                   : fmt::format("{} has a directory part in its filespec "
                                 "\"{}\"",
                                 owner(w, c, *f), f->filespec),
               "the filespec is a file name pattern inside the path (such "
               "as *.mdf); move directory parts into the path and use * to "
               "mean every file");
    }
  }
}

// ------------------------------------------------------------------- table

constexpr Rule kRules[] = {
    {{"WMD001", Severity::kError, RuleScope::kWriter,
      "Writer class id is the all-zero GUID",
      "The writer class id identifies the kind of writer and must be "
      "specified when the writer initializes; an all-zero GUID identifies "
      "nothing. (A missing or malformed writerId already fails parsing.)",
      "win32:writer-metadata-document-life-cycle.md; "
      "sdk:vswriter/nf-vswriter-cvsswriter-initialize.md"},
     check_wmd001},
    {{"WMD002", Severity::kWarning, RuleScope::kWriter,
      "Writer name missing or empty",
      "The writer name must be specified; tools show it as the writer's "
      "friendly name.",
      "win32:writer-metadata-document-life-cycle.md"},
     check_wmd002},
    {{"WMD003", Severity::kInfo, RuleScope::kWriter,
      "Writer instance id missing or not a GUID",
      "VSS gives a writer a fresh instance id each time it starts, so a "
      "saved one is of little use; a missing or malformed one is only "
      "noteworthy.",
      "win32:writer-metadata-document-contents.md"},
     check_wmd003},
    {{"WMD004", Severity::kWarning, RuleScope::kWriter,
      "Usage type undefined or unknown",
      "VSS_UT_UNDEFINED (or no usage at all) is documented as a writer "
      "error; a spelling this version does not know is reported as an error "
      "because the writer's data cannot be classified at all.",
      "sdk:vswriter/ne-vswriter-vss_usage_type.md"},
     check_wmd004},
    {{"WMD005", Severity::kWarning, RuleScope::kWriter,
      "Source type undefined or unknown",
      "VSS_ST_UNDEFINED (or no data source at all) is documented as a writer "
      "error that requesters should report; an unknown spelling is reported "
      "as an error.",
      "sdk:vswriter/ne-vswriter-vss_source_type.md"},
     check_wmd005},
    {{"WMD006", Severity::kWarning, RuleScope::kWriter, "No restore method",
      "A writer must always specify a restore method; GetRestoreMethod "
      "returns S_FALSE without one. In-box writers with no components omit "
      "it, which is reported as info only.",
      "win32:writer-metadata-document-contents.md; "
      "sdk:vsbackup/nf-vsbackup-ivssexaminewritermetadata-getrestoremethod.md"},
     check_wmd006},
    {{"WMD007", Severity::kError, RuleScope::kWriter,
      "Restore method undefined or unknown",
      "VSS_RME_UNDEFINED is a writer error, and a method outside the "
      "documented values tells the requester nothing about how to restore.",
      "sdk:vswriter/ne-vswriter-vss_restoremethod_enum.md; "
      "win32:setting-vss-restore-methods.md"},
     check_wmd007},
    {{"WMD008", Severity::kError, RuleScope::kWriter,
      "Restore to alternate location without any alternate location mapping",
      "RESTORE_TO_ALTERNATE_LOCATION always restores through the writer's "
      "alternate location mappings; having none is documented as a writer "
      "error.",
      "sdk:vswriter/ne-vswriter-vss_restoremethod_enum.md; "
      "sdk:vswriter/"
      "nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping.md"},
     check_wmd008},
    {{"WMD009", Severity::kError, RuleScope::kWriter,
      "Service-stopping restore method without a service name",
      "STOP_RESTART_SERVICE and RESTORE_STOP_START make the requester stop and "
      "restart a service, which must then be named.",
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod.md; "
      "win32:stopping-services-for-restore-by-requestors.md"},
     check_wmd009},
    {{"WMD010", Severity::kWarning, RuleScope::kWriter,
      "Service name with a restore method that stops no service",
      "The service name is only meaningful for STOP_RESTART_SERVICE and "
      "RESTORE_STOP_START and should otherwise be absent.",
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod.md"},
     check_wmd010},
    {{"WMD011", Severity::kWarning, RuleScope::kWriter,
      "writerRestore undefined or unknown",
      "VSS_WRE_UNDEFINED is a writer error: the requester cannot tell "
      "whether the writer takes part in restore. An unknown spelling is "
      "reported as an error.",
      "sdk:vswriter/ne-vswriter-vss_writerrestore_enum.md"},
     check_wmd011},
    {{"WMD012", Severity::kWarning, RuleScope::kWriter,
      "Writer declares no components",
      "Writers are told to add at least one component. Writers that only "
      "carry exclude lists (in-box Shadow Copy Optimization, BITS) are "
      "reported as info.",
      "win32:overview-of-backup-initialization.md"},
     check_wmd012},
    {{"WMD013", Severity::kError, RuleScope::kWriter,
      "Two components have the same logical path and name",
      "AddComponent fails with VSS_E_OBJECT_ALREADY_EXISTS on a repeated "
      "(logical path, name): the pair identifies a component, so a "
      "requester cannot tell the two apart.",
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent.md; "
      "win32:logical-pathing-of-components.md"},
     check_wmd013},
    {{"WMD014", Severity::kError, RuleScope::kWriter, "Component name empty",
      "A component name is required and, with the logical path, identifies "
      "the component.",
      "sdk:vsbackup/ns-vsbackup-vss_componentinfo.md; "
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent.md"},
     check_wmd014},
    {{"WMD015", Severity::kError, RuleScope::kWriter,
      "Component name contains a backslash",
      "A component name must not contain a backslash; the backslash "
      "separates logical path elements.",
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent.md"},
     check_wmd015},
    {{"WMD016", Severity::kWarning, RuleScope::kWriter,
      "Logical path with a leading or trailing backslash or an empty element",
      "The top of the hierarchy is an absent logical path and single "
      "backslashes separate its elements; other forms build a hierarchy "
      "tools and requesters may read differently.",
      "win32:logical-pathing-of-components.md; win32:vssgloss-l.md"},
     check_wmd016},
    {{"WMD018", Severity::kError, RuleScope::kWriter,
      "File descriptor kind does not match the component type",
      "AddFilesToFileGroup only accepts file groups and AddDatabaseLogFiles "
      "only databases (E_INVALIDARG otherwise); database files belong to "
      "databases.",
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup"
      ".md; "
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabaselogfiles"
      ".md; "
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabasefiles.md"},
     check_wmd018},
    {{"WMD019", Severity::kError, RuleScope::kWriter,
      "Database or log file set is recursive or has an alternate path",
      "Database and log file sets are neither recursive nor have an "
      "alternate path; the Add* calls that create them take neither.",
      "win32:component-types.md"},
     check_wmd019},
    {{"WMD020", Severity::kWarning, RuleScope::kWriter,
      "File set with an empty path",
      "A file set's path is the directory holding its files; an empty path "
      "names no directory.",
      "win32:vssgloss-f.md; "
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup"
      ".md"},
     check_wmd020},
    {{"WMD021", Severity::kError, RuleScope::kWriter,
      "File set path contains a wildcard",
      "Wildcards belong in the filespec; every page that takes a file set "
      "says the path must not contain them.",
      "win32:vssgloss-f.md; "
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup"
      ".md"},
     check_wmd021},
    {{"WMD022", Severity::kError, RuleScope::kWriter,
      "Filespec empty or containing a directory part",
      "A file specification is a file name pattern inside the path, with no "
      "directory parts.",
      "win32:vssgloss-f.md"},
     check_wmd022},
};

}  // namespace

std::span<const Rule> wmd_rules() { return kRules; }

}  // namespace vssmeta::internal
