// SPDX-License-Identifier: MIT
// The restore-plan rules: what would make a restore fail, each resting on
// the Microsoft Learn page named in `reference`.
#include <algorithm>
#include <array>
#include <tuple>

#include <fmt/format.h>

#include "restore/plan_internal.h"

namespace vssmeta::internal::restore {
namespace {

constexpr std::array<RuleInfo, 14> kRules{{
    {"RST001", Severity::kWarning, RuleScope::kCrossDocument,
     "A component is selected for restore although its writer takes no "
     "restore events or restores its own way",
     "A writer whose writerRestore is never gets no PreRestore or "
     "PostRestore; its files are restored without it and selecting its "
     "components for restore can only produce spurious errors. A CUSTOM "
     "restore method means the writer's own procedure, not a file copy.",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "restores-without-writer-participation; "
     "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/"
     "ne-vswriter-vss_writerrestore_enum"},
    {"RST002", Severity::kError, RuleScope::kCrossDocument,
     "An alternate location is required but a file set has no mapping",
     "RESTORE_TO_ALTERNATE_LOCATION, or a restore target of alternate, "
     "sends every file set to its alternate location mapping; a file set "
     "without one cannot be restored.",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "working-with-alternate-locations-during-restore; "
     "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/"
     "ne-vswriter-vss_restoremethod_enum"},
    {"RST003", Severity::kError, RuleScope::kCrossDocument,
     "A mapping or new target matches no file set of the restored component",
     "Alternate location mappings and new targets name a file set by path, "
     "filespec and recursion; one that matches no file set of the component "
     "(or of what it includes) redirects nothing.",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "working-with-alternate-locations-during-restore; "
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "working-with-new-targets-during-restore"},
    {"RST004", Severity::kError, RuleScope::kCrossDocument,
     "A new target for a writer without VSS_BS_WRITER_SUPPORTS_NEW_TARGET",
     "A requester may restore files to a new target only when the writer's "
     "backup schema has VSS_BS_WRITER_SUPPORTS_NEW_TARGET.",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "working-with-new-targets-during-restore; "
     "https://learn.microsoft.com/en-us/windows/win32/api/vss/"
     "ne-vss-vss_backup_schema"},
    {"RST005", Severity::kError, RuleScope::kCrossDocument,
     "A restore to another writer instance without "
     "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE",
     "Restoring a component to another instance of its writer class "
     "(SetSelectedForRestoreEx) needs VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_"
     "MOVE in the writer's backup schema.",
     "https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/"
     "nf-vsbackup-ivssbackupcomponentsex-setselectedforrestoreex; "
     "https://learn.microsoft.com/en-us/windows/win32/api/vss/"
     "ne-vss-vss_backup_schema"},
    {"RST006", Severity::kError, RuleScope::kCrossDocument,
     "Roll-forward, restore name or authoritative restore without its "
     "backup-schema bit",
     "SetRollForward needs VSS_BS_ROLLFORWARD_RESTORE, SetRestoreName "
     "VSS_BS_RESTORE_RENAME and SetAuthoritativeRestore "
     "VSS_BS_AUTHORITATIVE_RESTORE; without the bit the writer ignores or "
     "refuses the request.",
     "https://learn.microsoft.com/en-us/windows/win32/api/vss/"
     "ne-vss-vss_backup_schema"},
    {"RST007", Severity::kError, RuleScope::kCrossDocument,
     "An additional-restore chain the writer's schema does not support",
     "Restoring an incremental, differential or log backup on top of a full "
     "one needs the matching VSS_BS_INCREMENTAL, VSS_BS_DIFFERENTIAL or "
     "VSS_BS_LOG bit in the writer's backup schema.",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "restoring-incremental-and-differential-backups; "
     "https://learn.microsoft.com/en-us/windows/win32/api/vss/"
     "ne-vss-vss_backup_schema"},
    {"RST008", Severity::kError, RuleScope::kCrossDocument,
     "The additional-restores flag is wrong for a step of the chain",
     "SetAdditionalRestores(true) tells the writer more restores follow and "
     "recovery must wait; it belongs on every step of a chain but the last, "
     "which must leave it false so the writer recovers.",
     "https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/"
     "nf-vsbackup-ivssbackupcomponents-setadditionalrestores; "
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "restoring-incremental-and-differential-backups"},
    {"RST009", Severity::kError, RuleScope::kCrossDocument,
     "A component implicit at backup is selected but not selectable for "
     "restore",
     "A component the backup included only through a selectable ancestor "
     "can be restored on its own only as a restore subcomponent "
     "(AddRestoreSubcomponent), which needs selectableForRestore.",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "working-with-selectability-for-restore-and-subcomponents; "
     "https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/"
     "nf-vsbackup-ivssbackupcomponents-addrestoresubcomponent"},
    {"RST010", Severity::kError, RuleScope::kCrossDocument,
     "A selected component is not in the backup",
     "Only components explicitly included at backup (or, as restore "
     "subcomponents, what they include) can be selected for restore.",
     "https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/"
     "nf-vsbackup-ivssbackupcomponents-setselectedforrestore"},
    {"RST011", Severity::kWarning, RuleScope::kCrossDocument,
     "A restored component depends on a component the restore leaves out",
     "Whenever a component with dependencies is restored, every component "
     "it depends on must be restored too, on whichever writer (or machine) "
     "it is.",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "dependencies-between-components-managed-by-different-writers"},
    {"RST012", Severity::kError, RuleScope::kCrossDocument,
     "A service-stopping restore method without a service name",
     "STOP_RESTORE_START and RESTORE_STOP_START ask the requester to stop "
     "and restart a service; without its name the requester cannot.",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "stopping-services-for-restore-by-requestors; "
     "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/"
     "ne-vswriter-vss_restoremethod_enum"},
    {"RST013", Severity::kError, RuleScope::kCrossDocument,
     "A writer of the restore is absent on the target machine",
     "A restore with writer participation needs the writer running on the "
     "target; selecting a component of an absent writer fails "
     "(VSS_E_OBJECT_NOT_FOUND), and its files can only be restored without "
     "it.",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "overview-of-preparing-for-restore; "
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "restores-without-writer-participation"},
    {"RST014", Severity::kError, RuleScope::kCrossDocument,
     "An ASR restore leaves out a critical volume",
     "The ASR writer reports critical volumes as nonselectable components "
     "under Volumes; an ASR restore must restore every one of them.",
     "https://learn.microsoft.com/en-us/windows/win32/vss/"
     "using-vss-automated-system-recovery-for-disaster-recovery"},
}};

}  // namespace

const RuleInfo& rule(RuleId id) { return kRules[static_cast<std::size_t>(id)]; }

void FindingSink::add(RuleId id, const std::string& file, Origin where,
                      const std::string& writer, const std::string& component,
                      std::string message, std::string hint) {
  const RuleInfo& r = rule(id);
  items_.emplace_back(
      Diagnostic{r.severity, std::string(r.id), std::move(message),
                 Location{file, where.line, where.column}},
      writer, component, hint);
}

Findings FindingSink::take() {
  std::stable_sort(
      items_.begin(), items_.end(), [](const Finding& a, const Finding& b) {
        const Location& x = a.diagnostic.where;
        const Location& y = b.diagnostic.where;
        return std::tie(x.file, x.line, x.column, a.diagnostic.code) <
               std::tie(y.file, y.line, y.column, b.diagnostic.code);
      });
  Findings out;
  out.items = std::move(items_);
  return out;
}

std::string writer_label(const WriterMetadata& w) {
  return fmt::format("{} {}", w.display_name(),
                     w.identity.writer_id.to_braced_string());
}

std::string component_label(const WriterMetadata& w, const std::string& path) {
  return fmt::format("{}:\\{}", w.display_name(), path);
}

}  // namespace vssmeta::internal::restore

namespace vssmeta {

std::span<const RuleInfo> restore_rules() { return internal::restore::kRules; }

}  // namespace vssmeta
