// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The backup post-mortem behind `vssmeta diagnose`: from a capture (WMDs,
/// a BCD, diskshadow's manifest) and, when known, the writers' status, a
/// `Diagnosis` that answers "what went wrong, and what do I do?": a verdict,
/// the failures the documents record (decoded, with cause and action), per
/// writer what the backup covered and why each left-out component was left
/// out, the volumes each writer needs against the shadow copy set, and the
/// validate findings that bear on the backup. diagnose() is pure;
/// write_diagnosis() renders it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "vssmeta/capture.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/diagnostic.h"
#include "vssmeta/export.h"
#include "vssmeta/location.h"
#include "vssmeta/result.h"
#include "vssmeta/selection.h"

namespace vssmeta {

/// The one-line answer.
enum class Verdict {
  kSucceeded,       ///< nothing recorded failed, nothing expected is missing
  kIncomplete,      ///< components a user would expect are not in the backup
  kFailed,          ///< the documents or the status record a failure
  kNothingToJudge,  ///< no backup components document
};

/// "succeeded", "incomplete", "failed", "nothing to judge".
VSSMETA_EXPORT const char* to_string(Verdict verdict);

/// Where a failure is recorded, most severe first.
enum class FailureKind {
  kBackupFailed,    ///< a BCD component with backupSucceeded="no"
  kWriterFailed,    ///< a writer status with a failed state or HRESULT
  kFailureMessage,  ///< a BCD component's *FailureMsg attribute
};

/// "backup failed", "writer failed", "failure message".
VSSMETA_EXPORT const char* to_string(FailureKind kind);

/// One failure, decoded.
struct Failure {
  FailureKind kind = FailureKind::kBackupFailed;
  std::string writer;     ///< the writer's display name
  std::string component;  ///< `logical\path\name`, empty for a writer
  /// What failed: `backupSucceeded="no"`, the attribute name of a failure
  /// message (`prepareForBackupFailureMsg`), or the writer state id
  /// (`failed-at-freeze`).
  std::string what;
  std::string message;  ///< the failure message, or the state's words
  std::optional<std::uint32_t> hresult;  ///< writer failure code
  std::string code_name;                 ///< `VSS_E_...`, when known
  std::string cause;                     ///< its likely cause
  std::string action;                    ///< what to do
  Location where;                        ///< in the BCD; empty for status
};

/// Why a component the backup could have had is not in it, in the order
/// diagnose() tries them: the first that applies is the reason.
enum class LeftOutReason {
  kVolumeNotShadowed,      ///< every volume it needs is outside the set
  kSplitAcrossVolumes,     ///< some volumes it needs are shadowed, some not
  kNotSelectable,          ///< not selectable; no selectable ancestor chosen
  kDependencyNotInBackup,  ///< depends on a component the backup lacks
  kNotSelected,            ///< everything it needs was shadowed
};

/// "volume not shadowed", "split across volumes", "not selectable",
/// "dependency not in backup", "not selected".
VSSMETA_EXPORT const char* to_string(LeftOutReason reason);

/// How a volume a component needs was found and whether it is local.
enum class VolumeKind {
  kDrive,         ///< `C:\`
  kVolumeGuid,    ///< `\\?\Volume{...}\`
  kNetworkShare,  ///< `\\server\share\`: not a local volume
  kUnresolved,    ///< `%VARIABLE%` with no system volume known
};

/// "drive", "volume GUID", "network share", "unresolved".
VSSMETA_EXPORT const char* to_string(VolumeKind kind);

/// One volume (or share) a component's files lie on.
struct VolumeRef {
  std::string name;  ///< as shown: `E:\`, `\\?\Volume{...}\`, `%SystemRoot%`
  VolumeKind kind = VolumeKind::kDrive;
  /// For a path with an environment variable, the variable as written
  /// (`%SystemRoot%`), also when it resolved to the system volume.
  std::string via;
  bool shadowed = false;  ///< in the shadow copy set (false when unknown)
};

/// One component of a writer and what the backup did with it.
struct ComponentCoverage {
  std::size_t component = 0;  ///< index into WriterMetadata::components
  std::string path;           ///< `logical\path\name`
  BackupClass backup_class = BackupClass::kRequired;
  Inclusion inclusion = Inclusion::kNone;
  /// For implicit inclusion: the explicitly included ancestor's path.
  std::string through;
  /// The volumes its files (file groups, database and log files,
  /// alternate paths) need, sorted by name.
  std::vector<VolumeRef> volumes;
  /// For a left-out component: why, as a reason, a sentence and a short
  /// phrase (the graph overlay's `needs E:\ (not shadowed)`).
  std::optional<LeftOutReason> reason;
  std::string reason_text;
  std::string short_reason;
};

/// How a writer takes part in the backup.
enum class WriterRole {
  kInBackup,          ///< the BCD has an entry for it
  kNotInBackup,       ///< it has components, the BCD has no entry for it
  kExcludeListsOnly,  ///< no components, only exclude lists
  kNoMetadata,        ///< in the BCD, but the capture has no WMD of it
};

/// "in backup", "not in backup", "exclude lists only", "no metadata".
VSSMETA_EXPORT const char* to_string(WriterRole role);

/// A validate finding linked to the writer and component it concerns.
struct LinkedFinding {
  Severity severity = Severity::kWarning;
  std::string rule;  ///< `XREF007`
  std::string message;
  std::string component;  ///< `Writer:\path\name`, or empty
  Location where;
};

/// One writer's coverage.
struct WriterCoverage {
  /// Index into CaptureSet::writers; nullopt for kNoMetadata.
  std::optional<std::size_t> writer;
  std::string name;  ///< display name
  Guid writer_id;
  std::optional<std::string> instance_name;
  /// Set when the writer was rebuilt from diskshadow's metadata text: where
  /// it starts in the text (WriterMetadata::from_text); every output adds
  /// reconstructed_from_text_note().
  std::optional<Location> from_text;
  WriterRole role = WriterRole::kInBackup;
  /// Why the writer is not in the backup, or what an exclude-list writer
  /// excludes; empty for writers in the backup.
  std::string note;
  /// Every component, in document order (for kNoMetadata: none).
  std::vector<ComponentCoverage> components;
  std::size_t explicit_count = 0;
  std::size_t implicit_count = 0;
  std::size_t left_out_count = 0;
  /// Left-out components that make the backup incomplete (every reason
  /// but kNotSelected... see diagnose()).
  std::size_t problem_count = 0;
  std::vector<LinkedFinding> findings;
};

/// One volume the capture's writers need, or the shadow copy set holds.
struct VolumeUse {
  VolumeRef volume;
  bool in_set = false;  ///< listed in the shadow copy set
  /// `Writer (N components)` for each writer needing it, sorted.
  std::vector<std::string> needed_by;
};

/// The shadow copy set.
struct ShadowCopySet {
  std::optional<Guid> id;
  /// Where its volumes come from: `Manifest.xml`; empty when no document
  /// of the capture lists them.
  std::string source;
  std::vector<std::string> volumes;  ///< as written (`C:\`)
  bool known() const { return !source.empty(); }
};

/// Counts of problems by kind, for the verdict line.
struct ProblemCounts {
  std::size_t failures = 0;
  std::size_t volume_not_shadowed = 0;
  std::size_t split_across_volumes = 0;
  std::size_t not_selectable = 0;
  std::size_t dependency_not_in_backup = 0;
  std::size_t not_selected = 0;
  std::size_t findings = 0;  ///< linked findings at warning and above

  /// Left-out components that make the backup incomplete.
  std::size_t incomplete() const {
    return volume_not_shadowed + split_across_volumes + not_selectable +
           dependency_not_in_backup + not_selected;
  }
};

/// The whole diagnosis.
struct Diagnosis {
  Verdict verdict = Verdict::kNothingToJudge;
  /// The writers the verdict is about (incomplete or failed), sorted.
  std::vector<std::string> verdict_writers;
  ProblemCounts counts;
  std::string backup_source;  ///< the BCD's name; empty without one
  std::optional<BackupType> backup_type;
  bool bootable_system_state = false;
  std::vector<Failure> failures;        ///< most severe first, then stable
  std::vector<WriterCoverage> writers;  ///< sorted by name, then id
  ShadowCopySet shadow_copy_set;
  /// The system volume `%SystemRoot%`-style paths resolve to, and how it
  /// was learnt; empty when unknown.
  std::string system_volume;
  std::string system_volume_source;
  std::vector<VolumeUse> volumes;  ///< sorted by name
  /// Findings about the backup document itself (no writer).
  std::vector<LinkedFinding> backup_findings;
  /// Facts the reader needs to weigh the rest ("coverage needs the
  /// writers' metadata", "the shadow copy set is unknown").
  std::vector<std::string> notes;
};

struct DiagnoseOptions {
  /// Index into CaptureSet::backup_components of the BCD diagnosed
  /// (default the first).
  std::size_t backup = 0;
  /// The system volume (`C:` or `C:\`) for `%SystemRoot%`-style paths,
  /// when the capture does not name it.
  std::string system_volume;
  /// Run validate() and link its findings (warning and above).
  bool findings = true;
};

/// Diagnoses `capture` (and the writer status, when given: from a
/// capture's status.json or vssadmin's text). Never fails: what the
/// documents cannot tell is said in `notes`. Linear in components and
/// files (plus validate() when `options.findings`).
VSSMETA_EXPORT Diagnosis diagnose(const CaptureSet& capture,
                                  const std::vector<WriterStatus>& status = {},
                                  const DiagnoseOptions& options = {});

/// The short reason for every left-out component of every writer of
/// `capture` against BCD `backup` (the graph overlay's words): per writer
/// (CaptureSet::writers order) per component; empty for included ones.
/// Without that BCD, every string is empty.
VSSMETA_EXPORT std::vector<std::vector<std::string>> left_out_reasons(
    const CaptureSet& capture, std::size_t backup = 0);

/// What a writer state means: its cause and what to do. Empty for states
/// that are not failures.
struct WriterStateInfo {
  std::string_view cause;
  std::string_view action;
};
/// Looks up VSS_WS_* `state`.
VSSMETA_EXPORT WriterStateInfo describe_writer_state(WriterState state);

/// (`parse_status_json()`, which reads a `status.json`, is in capture.h.)

/// The forms of write_diagnosis().
enum class DiagnosisFormat {
  kText,  ///< for people, 80 columns
  kJson,  ///< schemas/diagnose.schema.json
};

struct DiagnosisOptions {
  DiagnosisFormat format = DiagnosisFormat::kText;
  bool color = false;  ///< ANSI colour in text
};

/// Writes `diagnosis` in `options.format`.
VSSMETA_EXPORT void write_diagnosis(const Diagnosis& diagnosis,
                                    std::ostream& out,
                                    const DiagnosisOptions& options = {});

}  // namespace vssmeta
