// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// `plan_restore()`: an offline dry run of a VSS restore, computed from the
/// documents saved at backup time (the writers' metadata and the backup
/// components document), optionally a restore-time BCD, the writer status
/// of the target machine and a selection. It says where each selected
/// component's files go, which services stop and when, which writer events
/// happen, whether a reboot is needed, what must be restored together, the
/// requester's ordered steps, and the findings that would make the restore
/// fail (the same Finding model and severities as validate()). Each rule
/// cites its Microsoft Learn page (restore_rules(); docs/restore-plan.md).

#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vssmeta/capture.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/enums.h"
#include "vssmeta/export.h"
#include "vssmeta/result.h"
#include "vssmeta/validate.h"

namespace vssmeta {

/// What a plan is computed from besides the capture.
struct RestorePlanOptions {
  /// Component references (`Writer:\logical\path\name`, or `Writer` for
  /// its required and optional top-level components; resolve_references()
  /// in selection.h). Empty: what a restore-time BCD selected for restore,
  /// else every component the backup holds.
  std::vector<std::string> select;
  /// The writers of the target machine (`vssmeta status`, a capture's
  /// status.json); nullopt when unknown: no writer is then reported absent.
  std::optional<std::vector<WriterStatus>> target_status;
};

/// Which writer events a writer's components get (VSS_WRITERRESTORE_ENUM).
enum class WriterEvents {
  kNone,                 ///< never: restored without the writer
  kPreRestoreIfFailure,  ///< ifReplaceFails: PreRestore; PostRestore only
                         ///< when replacing files fails
  kBoth,                 ///< always: PreRestore and PostRestore
  kUnknown,              ///< writerRestore absent or undefined
};

/// "none", "pre-restore, post-restore if replacing fails", "pre-restore and
/// post-restore", "unknown".
VSSMETA_EXPORT const char* to_string(WriterEvents events);

/// When the requester stops and restarts a writer's service.
enum class ServiceTiming {
  kNone,              ///< the method stops no service
  kAroundCopy,        ///< STOP_RESTORE_START: stopped before the copy,
                      ///< started before PostRestore
  kAfterPostRestore,  ///< RESTORE_STOP_START: stopped and started after
                      ///< PostRestore
};

/// How a file set reaches its destination.
enum class FileDestination {
  kOriginal,               ///< its own path
  kOriginalIfAbsent,       ///< RESTORE_IF_NOT_THERE: only when no file is there
  kOriginalIfReplaceable,  ///< RESTORE_IF_CAN_BE_REPLACED
  kAlternateLocation,      ///< an alternate location mapping, always
  kNewTarget,              ///< a requester's new target (AddNewTarget)
  kDirected,               ///< the writer's directed targets
  kAtReboot,               ///< staged and moved into place at reboot
  kAtRebootIfInUse,        ///< replaced now, or at reboot when in use
  kCustom,                 ///< the writer's own procedure
  kUnmapped,               ///< an alternate location is required but none
                           ///< matches (a finding)
};

/// "original", "original-if-absent", "original-if-replaceable",
/// "alternate-location", "new-target", "directed", "at-reboot",
/// "at-reboot-if-in-use", "custom", "unmapped".
VSSMETA_EXPORT const char* to_string(FileDestination destination);

/// One file set of a restored component and where it goes.
struct FileSetPlan {
  std::string component;  ///< full path of the component declaring it
  std::string path;       ///< as the WMD spells it
  std::string filespec;
  bool recursive = false;
  FileDestination destination = FileDestination::kOriginal;
  /// The destination folder: `path`, a mapping's or new target's
  /// destination; empty for kDirected, kCustom and kUnmapped.
  std::string target;
  /// The alternate location mapping's destination when the method allows
  /// one as a fallback (RESTORE_IF_NOT_THERE, RESTORE_IF_CAN_BE_REPLACED).
  std::optional<std::string> fallback;
};

/// How a component came into the plan.
enum class SelectedAs {
  kExplicit,      ///< explicitly included in the backup: SetSelectedForRestore
  kSubcomponent,  ///< implicit at backup: AddRestoreSubcomponent
};

/// One step of an additional-restore chain (incremental or differential).
struct ChainStep {
  std::string document;  ///< the BCD's name
  BackupType backup_type = BackupType::kUndefined;
  bool additional_restores = false;  ///< what SetAdditionalRestores gets
};

/// A component restored as a unit with what it implicitly includes.
struct ComponentPlan {
  std::size_t component = 0;  ///< index into the writer's components
  std::string path;           ///< `logical\path\name`
  SelectedAs selected_as = SelectedAs::kExplicit;
  /// For kSubcomponent: the explicitly included ancestor it is added to
  /// (its full path, and its index into the writer's components).
  std::string parent;
  std::optional<std::size_t> parent_component;
  /// Full paths of the components restored with it (implicit at backup).
  std::vector<std::string> restored_with;
  std::vector<FileSetPlan> files;
  /// `Writer:\path\name` (or `{class-id}:\...` when the capture lacks the
  /// writer) of each dependency target, `(remote)` appended for another
  /// machine's.
  std::vector<std::string> dependencies;
  /// Restore settings a restore-time BCD carries for it.
  std::optional<RestoreTarget> restore_target;
  std::optional<std::string> restore_options;
  /// The restores in order; one step when no chain.
  std::vector<ChainStep> chain;
};

/// One writer taking part in the restore.
struct WriterPlan {
  std::size_t writer = 0;  ///< index into CaptureSet::writers
  std::string name;        ///< display name
  Guid writer_id;
  std::optional<std::string> instance_name;
  std::optional<RestoreMethodType> method;
  std::optional<WriterRestore> writer_restore;
  WriterEvents events = WriterEvents::kUnknown;
  std::optional<std::string> service;
  ServiceTiming service_timing = ServiceTiming::kNone;
  /// Why this writer needs (or may need) a reboot; empty when it does not.
  std::vector<std::string> reboot_reasons;
  bool reboot_required = false;  ///< certainly, not only when files are busy
  std::vector<ComponentPlan> components;
};

/// A service the requester stops.
struct ServiceStop {
  std::string service;
  std::string writer;
  ServiceTiming timing = ServiceTiming::kNone;
};

/// One numbered step of the requester's sequence.
struct RestoreStep {
  std::string action;  ///< "PreRestore", "Stop services", ...
  std::vector<std::string> details;
};

/// The whole plan.
struct RestorePlan {
  std::vector<std::string> backup_documents;  ///< in chain order
  std::optional<std::string> restore_document;
  std::vector<WriterPlan> writers;  ///< sorted by name
  /// Certainly (some writer requires it or stages files until reboot).
  bool reboot_required = false;
  /// Possibly (files of a REPLACE_AT_REBOOT_IF_CANNOT_REPLACE writer busy).
  bool reboot_possible = false;
  std::vector<ServiceStop> services;
  /// Names of writers whose files are restored without writer events.
  std::vector<std::string> without_events;
  std::vector<RestoreStep> steps;
  /// Sorted by file, line, column and rule id, as validate()'s.
  Findings findings;
};

/// The restore-plan rules (ids `RST001`...), sorted by id; each
/// `reference` is a Microsoft Learn address.
VSSMETA_EXPORT std::span<const RuleInfo> restore_rules();

/// Computes the plan. Pure: reads only its arguments. Linear (n log n) in
/// components and file sets.
/// Errors (kInvalidValue): a selection reference that names nothing (the
/// message names it and the closest names); no BCD in the capture and no
/// selection. Everything else is a finding.
VSSMETA_EXPORT Result<RestorePlan> plan_restore(
    const CaptureSet& capture, const RestorePlanOptions& options = {});

/// (`parse_status_json()`, which reads a `status.json`, is in capture.h.)

/// The forms of write_restore_plan().
enum class RestorePlanFormat {
  kText,  ///< numbered steps for a technician, reboot and services first
  kJson,  ///< schemas/restore-plan.schema.json
};

struct RestorePlanRenderOptions {
  RestorePlanFormat format = RestorePlanFormat::kText;
  bool color = false;  ///< ANSI colour of the findings' severities (text)
};

/// Writes `plan` in `options.format`.
VSSMETA_EXPORT void write_restore_plan(
    const RestorePlan& plan, std::ostream& out,
    const RestorePlanRenderOptions& options = {});

}  // namespace vssmeta
