// SPDX-License-Identifier: MIT
// Cross-document rules about selection and schema (XREF001..XREF008,
// XREF023, XREF024, XREF-CASE): each BCD of the capture read against the
// WMDs captured with it, with the selection semantics of
// ../shared/docs/vss-domain.md §3. File-set and restore rules:
// rules_xref_files.cc.
#include "validate/rules_xref_support.h"
#include "vssmeta/known_writers.h"

namespace vssmeta::internal {
namespace {

using namespace xref;  // NOLINT(google-build-using-namespace)

// --- rule descriptions -----------------------------------------------------

constexpr RuleInfo kXref001{
    "XREF001",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "Cross-document checks could not run: the capture lacks the writer "
    "metadata of writers the BCD names",
    "The cross-document rules read each writer entry of a backup components "
    "document against the writer's metadata document saved with it. For "
    "entries whose WMD the capture does not hold (a BCD loaded alone, or a "
    "capture missing some WMDs) none of them can run, so the backup is not "
    "known to be sound for those writers; this is said once per document, "
    "naming the writers, instead of a clean result.",
    "win32:writer-metadata-document-life-cycle.md; "
    "win32:overview-of-actual-backup-of-files.md"};
constexpr RuleInfo kXref002{
    "XREF002",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "The WMD of a BCD writer entry has a different instance id",
    "A writer gets a new instance id each time its process starts. A backup "
    "components document and the writer metadata saved with it should come "
    "from the same writer instance; in a restore-time document a different "
    "id is expected (info).",
    "win32:writer-metadata-document-contents.md; win32:vssgloss-w.md"};
constexpr RuleInfo kXref003{
    "XREF003",
    Severity::kError,
    RuleScope::kCrossDocument,
    "A BCD component does not exist in the writer's WMD",
    "Every component a requester adds to the backup components document must "
    "be a component of the writer's metadata document (same logical path and "
    "name); a component that matches none is an error.",
    "win32:use-of-components-by-the-requestor.md"};
constexpr RuleInfo kXref004{
    "XREF004",
    Severity::kError,
    RuleScope::kCrossDocument,
    "A BCD component's type differs from the WMD component's type",
    "AddComponent takes the component type from the writer metadata; a "
    "database recorded as a file group (or the reverse) does not name the "
    "writer's component.",
    "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent.md"};
constexpr RuleInfo kXref005{
    "XREF005",
    Severity::kError,
    RuleScope::kCrossDocument,
    "The BCD explicitly lists a nonselectable subcomponent",
    "A component that is not selectable and has a selectable ancestor can "
    "only be included implicitly, through that ancestor; adding it "
    "explicitly gives undefined results.",
    "sdk:vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent.md; "
    "win32:vssgloss-e.md"};
constexpr RuleInfo kXref006{
    "XREF006",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "The BCD explicitly lists a selectable subcomponent whose selectable "
    "ancestor is also explicit",
    "A selectable subcomponent is implicitly included with its selectable "
    "ancestor; the documentation says it should never be included "
    "explicitly as well.",
    "win32:logical-pathing-of-components.md"};
constexpr RuleInfo kXref007{
    "XREF007",
    Severity::kError,
    RuleScope::kCrossDocument,
    "A participating writer's required component is missing from the BCD",
    "When a writer takes part in a component-mode backup, every component "
    "that is not selectable and has no selectable ancestor must be included "
    "explicitly. A required component that is only covered by an explicit "
    "nonselectable ancestor is accepted (the documentation disagrees on this "
    "case; reported as info).",
    "win32:definition-of-components-by-writers.md; win32:vssgloss-e.md; "
    "win32:overview-of-the-backup-discovery-phase.md"};
constexpr RuleInfo kXref008{
    "XREF008",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "The backup type is not supported by a participating writer's schema",
    "Incremental, differential, log and copy backups need the matching "
    "backup schema bit of the writer; without it the writer treats the "
    "backup as a full one.",
    "sdk:vss/ne-vss-vss_backup_type.md; sdk:vss/ne-vss-vss_backup_schema.md"};
constexpr RuleInfo kXref023{
    "XREF023",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "An included component depends on a component the backup does not "
    "include",
    "Whenever a component with a dependency is backed up (explicitly or "
    "implicitly), the component it depends on in another writer must be "
    "backed up too.",
    "win32:dependencies-between-components-managed-by-different-writers.md"};
constexpr RuleInfo kXref024{
    "XREF024",
    Severity::kInfo,
    RuleScope::kCrossDocument,
    "A bootable system-state backup leaves out a system-state writer (it "
    "cannot serve bare-metal recovery)",
    "Writers whose usage is bootable system state or system service hold "
    "system state. Microsoft documents that the ASR Writer must be included "
    "in backups meant for bare-metal recovery, and lists what a system-state "
    "backup holds; a bootable system-state backup without one of these "
    "writers is still a valid backup of what it holds, it just cannot serve "
    "that kind of recovery. Stated as a fact, not as something to change.",
    "win32:in-box-vss-writers.md; "
    "win32:using-vss-automated-system-recovery-for-disaster-recovery.md; "
    "win32:locating-additional-system-files.md; "
    "sdk:vswriter/ne-vswriter-vss_usage_type.md"};

constexpr RuleInfo kXrefCase{
    "XREF-CASE",
    Severity::kWarning,
    RuleScope::kCrossDocument,
    "A BCD component matches a WMD component only case-insensitively",
    "Windows tools compare logical paths and component names "
    "case-insensitively, but the documentation never says so; a requester "
    "that compares exactly would not find the component.",
    "tool policy: no Microsoft page says how logical paths and component "
    "names compare"};

// --- checks ----------------------------------------------------------------

// Once per BCD: the entries no WMD of the capture answers, by name.
void check_xref001(const CheckContext& ctx, Reporter& r) {
  const bool none = ctx.capture().writers.empty();
  for (const BackupComponents& b : ctx.capture().backup_components) {
    std::vector<std::string> missing;
    for (const WriterComponents& e : b.writers) {
      if (!none && ctx.writer_for(e)) continue;
      const KnownWriter* known = find_known_writer(e.writer_id);
      missing.push_back(known != nullptr  ? std::string(known->name)
                        : e.instance_name ? *e.instance_name
                                          : e.writer_id.to_braced_string());
    }
    if (missing.empty()) continue;
    std::string names;
    for (const std::string& n : missing) {
      if (!names.empty()) names += ", ";
      names += n;
    }
    const std::string scope =
        missing.size() == b.writers.size()
            ? std::string("did not run")
            : fmt::format("did not run for {} of the {} writers",
                          missing.size(), b.writers.size());
    r.backup(
        b, nullptr, nullptr, nullptr, b.where,
        fmt::format("cross-document checks (XREF rules) {}: no writer "
                    "metadata for {}",
                    scope, names),
        none ? Hint(fmt::format("load the capture folder, not {} alone",
                                b.source.name.empty() ? std::string("the BCD")
                                                      : b.source.name))
             : Hint("save the writers' metadata (WMn.xml) with the backup "
                    "components document, or load it too"));
  }
}

void check_xref002(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(ctx, [&](const BackupComponents& b,
                        const std::vector<EntryView>& views) {
    const bool restore = b.is_restore_time();
    for (const EntryView& v : views) {
      const WriterMetadata* w = wmd_of(ctx, v);
      if (w == nullptr || !v.entry->instance_id || !w->identity.instance_id ||
          *v.entry->instance_id == *w->identity.instance_id) {
        continue;
      }
      r.backup(restore ? Severity::kInfo : kXref002.severity, b, v.entry,
               nullptr, w, v.entry->where,
               fmt::format(
                   "writer {} has instance id {} here but {} in its "
                   "metadata document {}",
                   writer_label(*w), v.entry->instance_id->to_braced_string(),
                   w->identity.instance_id->to_braced_string(), w->source.name),
               restore ? Hint("expected after the writer restarted; check "
                              "that the metadata is the one saved with the "
                              "backup")
                       : Hint("use the writer metadata captured in the same "
                              "session as this backup components document"));
    }
  });
}

void check_xref003(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(ctx, [&](const BackupComponents& b,
                        const std::vector<EntryView>& views) {
    for (const EntryView& v : views) {
      const WriterMetadata* w = wmd_of(ctx, v);
      if (w == nullptr) continue;
      for (std::size_t k = 0; k < v.matches.size(); ++k) {
        if (v.matches[k].index) continue;
        const BcdComponent& c = v.entry->components[k];
        r.backup(
            b, v.entry, &c, w, c.where,
            fmt::format("component \"{}\" is not a component of writer "
                        "{} ({})",
                        bcd_label(ctx, v, c), writer_label(*w), w->source.name),
            "check the logical path and name against the writer "
            "metadata; the WMD may come from another session");
      }
    }
  });
}

void check_xref004(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(
      ctx, [&](const BackupComponents& b, const std::vector<EntryView>& views) {
        for (const EntryView& v : views) {
          const WriterMetadata* w = wmd_of(ctx, v);
          if (w == nullptr) continue;
          for (std::size_t k = 0; k < v.matches.size(); ++k) {
            const BcdComponent& c = v.entry->components[k];
            if (!v.matches[k].index || !c.type) continue;
            const Component& wc = w->components[*v.matches[k].index];
            if (wc.type == *c.type) continue;
            r.backup(b, v.entry, &c, w, c.where,
                     fmt::format("component \"{}\" is recorded as {} but the "
                                 "writer declares it as {}",
                                 component_label(*w, wc), to_xml(*c.type),
                                 to_xml(wc.type)),
                     fmt::format("record it with componentType=\"{}\"",
                                 to_xml(wc.type)));
          }
        }
      });
}

void check_xref005(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(
      ctx, [&](const BackupComponents& b, const std::vector<EntryView>& views) {
        for (const EntryView& v : views) {
          const WriterMetadata* w = wmd_of(ctx, v);
          if (w == nullptr) continue;
          const ComponentIndex& index = ctx.index(*v.wi);
          for (std::size_t k = 0; k < v.matches.size(); ++k) {
            if (!v.matches[k].index) continue;
            const std::size_t i = *v.matches[k].index;
            if (index.backup_class(i) != BackupClass::kNonselectableSub)
              continue;
            const BcdComponent& c = v.entry->components[k];
            const Component& anc =
                w->components[*index.nearest_selectable_ancestor(i)];
            r.backup(b, v.entry, &c, w, c.where,
                     fmt::format("component \"{}\" is not selectable and can "
                                 "only be included through its selectable "
                                 "ancestor \"{}\", yet it is listed explicitly",
                                 component_label(*w, w->components[i]),
                                 component_label(*w, anc)),
                     fmt::format("include \"{}\" instead", anc.full_path()));
          }
        }
      });
}

void check_xref006(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(ctx, [&](const BackupComponents& b,
                        const std::vector<EntryView>& views) {
    for (const EntryView& v : views) {
      const WriterMetadata* w = wmd_of(ctx, v);
      if (w == nullptr) continue;
      const ComponentIndex& index = ctx.index(*v.wi);
      // Component index -> position of its BCD component.
      std::map<std::size_t, std::size_t> explicit_at;
      for (std::size_t k = 0; k < v.matches.size(); ++k) {
        if (v.matches[k].index) explicit_at.emplace(*v.matches[k].index, k);
      }
      for (std::size_t k = 0; k < v.matches.size(); ++k) {
        if (!v.matches[k].index) continue;
        const std::size_t i = *v.matches[k].index;
        if (index.backup_class(i) != BackupClass::kSelectableSub) continue;
        for (std::size_t a : index.ancestors(i)) {
          auto hit = explicit_at.find(a);
          if (!w->components[a].is_selectable() || hit == explicit_at.end()) {
            continue;
          }
          const BcdComponent& c = v.entry->components[k];
          const Origin at = v.entry->components[hit->second].where;
          r.backup(
              b, v.entry, &c, w, c.where,
              fmt::format("component \"{}\" is already included "
                          "implicitly through \"{}\"{}, yet it is listed "
                          "explicitly too",
                          component_label(*w, w->components[i]),
                          component_label(*w, w->components[a]),
                          at.line == 0 ? std::string()
                                       : fmt::format(" (listed at line {}, "
                                                     "column {})",
                                                     at.line, at.column)),
              fmt::format("leave \"{}\" out; its ancestor brings it in",
                          w->components[i].full_path()));
          break;
        }
      }
    }
  });
}

void check_xref007(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(ctx, [&](const BackupComponents& b,
                        const std::vector<EntryView>& views) {
    if (!component_mode(b)) return;
    for (const EntryView& v : views) {
      const WriterMetadata* w = wmd_of(ctx, v);
      if (w == nullptr || v.entry->components.empty()) continue;
      const ComponentIndex& index = ctx.index(*v.wi);
      std::vector<bool> is_explicit(index.size(), false);
      for (std::size_t i : v.explicit_ids) is_explicit[i] = true;
      for (std::size_t i = 0; i < index.size(); ++i) {
        if (index.backup_class(i) != BackupClass::kRequired || is_explicit[i]) {
          continue;
        }
        const Component& c = w->components[i];
        const auto& anc = index.ancestors(i);
        if (anc.empty()) {
          r.backup(b, v.entry, nullptr, w, v.entry->where,
                   fmt::format("writer {} takes part in the backup but its "
                               "required component \"{}\" (not selectable, "
                               "no selectable ancestor) is not included",
                               writer_label(*w), component_label(*w, c)),
                   fmt::format("add \"{}\" explicitly, or leave the whole "
                               "writer out",
                               c.full_path()));
          continue;
        }
        // A required component under required ancestors: covered when an
        // ancestor is explicit (vss-domain.md §3.2, Executables/ConfigFiles);
        // otherwise the missing ancestor is reported instead.
        auto covering =
            std::find_if(anc.begin(), anc.end(),
                         [&](std::size_t a) { return is_explicit[a]; });
        if (covering == anc.end()) continue;
        r.backup(Severity::kInfo, b, v.entry, nullptr, w, v.entry->where,
                 fmt::format("required component \"{}\" is not listed; only "
                             "its nonselectable ancestor \"{}\" is, which "
                             "covers it by one reading of the documentation "
                             "but not by another",
                             component_label(*w, c),
                             component_label(*w, w->components[*covering])),
                 fmt::format("add \"{}\" explicitly to satisfy both readings",
                             c.full_path()));
      }
    }
  });
}

struct SchemaNeed {
  BackupType type;
  BackupSchema bit;
};
constexpr SchemaNeed kSchemaNeeds[] = {
    {BackupType::kIncremental, BackupSchema::kIncremental},
    {BackupType::kDifferential, BackupSchema::kDifferential},
    {BackupType::kLog, BackupSchema::kLog},
    {BackupType::kCopy, BackupSchema::kCopy},
};

void check_xref008(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(ctx, [&](const BackupComponents& b,
                        const std::vector<EntryView>& views) {
    if (!b.backup_type) return;
    const SchemaNeed* need = nullptr;
    for (const SchemaNeed& n : kSchemaNeeds) {
      if (n.type == *b.backup_type) need = &n;
    }
    if (need == nullptr) return;
    for (const EntryView& v : views) {
      const WriterMetadata* w = wmd_of(ctx, v);
      if (w == nullptr || v.entry->components.empty()) continue;
      const std::uint32_t schema = w->backup_schema_or_default();
      if (has_schema_bit(schema, need->bit)) continue;
      r.backup(b, v.entry, nullptr, w, v.entry->where,
               fmt::format("the backup type is {} but writer {} does not "
                           "support it (backup schema 0x{:X} lacks {}); the "
                           "writer will treat it as a full backup",
                           to_xml(*b.backup_type), writer_label(*w), schema,
                           vss_name(need->bit)),
               "back this writer up with a full backup, or leave it out");
    }
  });
}

void check_xref023(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(ctx, [&](const BackupComponents& b,
                        const std::vector<EntryView>& views) {
    if (!component_mode(b)) return;
    // Inclusion per WMD taking part in this backup.
    std::map<std::size_t, InclusionResult> inclusion;
    std::map<std::size_t, const EntryView*> view_of;
    for (const EntryView& v : views) {
      if (!v.wi) continue;
      InclusionResult res = compute_inclusion(ctx.index(*v.wi), v.explicit_ids);
      auto [it, fresh] = inclusion.emplace(*v.wi, std::move(res));
      if (!fresh) {
        // Two entries for one WMD (BCD004): merge their inclusions.
        InclusionResult more =
            compute_inclusion(ctx.index(*v.wi), v.explicit_ids);
        for (std::size_t i = 0; i < more.inclusion.size(); ++i) {
          if (it->second.inclusion[i] == Inclusion::kNone) {
            it->second.inclusion[i] = more.inclusion[i];
          }
        }
      }
      view_of.emplace(*v.wi, &v);
    }
    auto included = [&](const Guid& cls, const Dependency& d,
                        bool& target_known) {
      for (std::size_t t : ctx.writers_of_class(cls)) {
        const ComponentMatch m =
            match_component(ctx.index(t), d.logical_path, d.component_name);
        if (!m.index) continue;
        target_known = true;
        auto hit = inclusion.find(t);
        if (hit != inclusion.end() &&
            hit->second.inclusion[*m.index] != Inclusion::kNone) {
          return true;
        }
      }
      return false;
    };
    for (const auto& [wi, res] : inclusion) {
      const WriterMetadata& w = ctx.capture().writers[wi];
      const EntryView& v = *view_of.at(wi);
      // WMD index -> BCD component that defines it.
      std::map<std::size_t, std::size_t> bcd_of;
      for (std::size_t k = 0; k < v.matches.size(); ++k) {
        if (v.matches[k].index) bcd_of.emplace(*v.matches[k].index, k);
      }
      for (std::size_t i = 0; i < w.components.size(); ++i) {
        if (res.inclusion[i] == Inclusion::kNone) continue;
        const Component& c = w.components[i];
        for (const Dependency& d : c.dependencies) {
          if (is_remote(d) || ctx.writers_of_class(d.writer_id).empty()) {
            continue;  // SET005 / remote: nothing to check here
          }
          bool target_known = false;
          if (included(d.writer_id, d, target_known) || !target_known) {
            continue;  // included, or SET006 reports the missing target
          }
          const std::size_t t = ctx.writers_of_class(d.writer_id).front();
          const WriterMetadata& tw = ctx.capture().writers[t];
          const std::size_t defining =
              res.inclusion[i] == Inclusion::kExplicit ? i : *res.defining[i];
          auto at = bcd_of.find(defining);
          const BcdComponent* bc =
              at == bcd_of.end() ? nullptr : &v.entry->components[at->second];
          r.backup(
              b, v.entry, bc, &w, bc != nullptr ? bc->where : v.entry->where,
              fmt::format(
                  "component \"{}\" is {} included and depends "
                  "on \"{}:\\{}\", which this backup does not "
                  "include",
                  component_label(w, c),
                  res.inclusion[i] == Inclusion::kExplicit ? "explicitly"
                                                           : "implicitly",
                  tw.display_name(),
                  join_component_path(d.logical_path, d.component_name)),
              fmt::format("include \"{}:\\{}\" as well, or leave \"{}\" "
                          "out",
                          tw.display_name(),
                          join_component_path(d.logical_path, d.component_name),
                          c.full_path()));
        }
      }
    }
  });
}

// The ASR Writer, by its class id (known_writers.h).
bool is_asr_writer(const Guid& id) {
  const KnownWriter* known = find_known_writer(id);
  return known != nullptr && known->name == "ASR Writer";
}

void check_xref024(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(ctx, [&](const BackupComponents& b,
                        const std::vector<EntryView>&) {
    if (!b.bootable_system_state_backup.value_or(false) || !component_mode(b)) {
      return;
    }
    std::set<Guid> present;
    for (const WriterComponents& e : b.writers) {
      if (!e.components.empty()) present.insert(e.writer_id);
    }
    for (const WriterMetadata& w : ctx.capture().writers) {
      const auto usage = w.identity.usage;
      if (usage != UsageType::kBootableSystemState &&
          usage != UsageType::kSystemService) {
        continue;
      }
      if (present.count(w.identity.writer_id) != 0) continue;
      const bool holds_state = std::any_of(
          w.components.begin(), w.components.end(), [](const Component& c) {
            return (c.flags() & kComponentFlagNotSystemState) == 0;
          });
      if (!holds_state) continue;
      r.backup(b, nullptr, nullptr, nullptr, b.where,
               fmt::format("this bootable system-state backup does not "
                           "include system-state writer {} ({}, usage {})",
                           writer_label(w), w.source.name, to_xml(*usage)),
               is_asr_writer(w.identity.writer_id)
                   ? Hint("it cannot serve a bare-metal recovery (which "
                          "needs the ASR Writer's components); it is still "
                          "a valid backup of the system state it holds")
                   : Hint("a restore from it will not bring back that "
                          "writer's system state; it is still a valid "
                          "backup of what it holds"));
    }
  });
}

void check_xref_case(const CheckContext& ctx, Reporter& r) {
  for_each_bcd(ctx, [&](const BackupComponents& b,
                        const std::vector<EntryView>& views) {
    for (const EntryView& v : views) {
      const WriterMetadata* w = wmd_of(ctx, v);
      if (w == nullptr) continue;
      const ComponentIndex& index = ctx.index(*v.wi);
      for (std::size_t k = 0; k < v.matches.size(); ++k) {
        const BcdComponent& c = v.entry->components[k];
        if (v.matches[k].index && v.matches[k].case_only) {
          const Component& wc = w->components[*v.matches[k].index];
          r.backup(b, v.entry, &c, w, c.where,
                   fmt::format("component \"{}\" matches \"{}\" only when "
                               "case is ignored",
                               bcd_label(ctx, v, c), component_label(*w, wc)),
                   fmt::format("spell it \"{}\" as the writer does",
                               wc.full_path()));
        }
        for (const RestoreSubcomponent& s : c.restore_subcomponents) {
          const ComponentMatch m =
              match_component(index, s.logical_path, s.component_name);
          if (!m.index || !m.case_only) continue;
          const Component& wc = w->components[*m.index];
          r.backup(
              b, v.entry, &c, w, s.where,
              fmt::format("restore subcomponent \"{}\" matches \"{}\" "
                          "only when case is ignored",
                          join_component_path(s.logical_path, s.component_name),
                          component_label(*w, wc)),
              fmt::format("spell it \"{}\" as the writer does",
                          wc.full_path()));
        }
      }
    }
  });
}

constexpr Rule kRules[] = {
    {kXref001, check_xref001},    {kXref002, check_xref002},
    {kXref003, check_xref003},    {kXref004, check_xref004},
    {kXref005, check_xref005},    {kXref006, check_xref006},
    {kXref007, check_xref007},    {kXref008, check_xref008},
    {kXref023, check_xref023},    {kXref024, check_xref024},
    {kXrefCase, check_xref_case},
};

}  // namespace

std::span<const Rule> xref_rules() { return kRules; }

}  // namespace vssmeta::internal
