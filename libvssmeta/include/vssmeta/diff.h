// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Semantic diff of writer metadata (WMD) and backup components (BCD)
/// documents, alone or as whole captures: typed `Change` records, each with
/// an impact class, matched by identity rather than by position.
///
/// Matching: writers by class id plus instance name (several instances of
/// one class are paired by their content first); components by (logical
/// path, name), ignoring case, and a component whose name stays while its
/// logical path changes is *moved*; file descriptors by (kind, path,
/// filespec, recursive) after Windows path normalisation (case, `/` or `\`,
/// repeated and trailing backslashes, `%VARIABLE%` case); dependencies by
/// (writer, logical path, name). A component named `Volume{GUID}` removed
/// while another is added under the same logical path and caption (the ASR
/// writer's caption names the drive letter or mount point) is one volume
/// recreated: a single `volumeRecreated` change (old name → new name).
/// A writer that took part in only one of two BCDs is reported with each of
/// its components (type and stamps). Matching sorts keys: n log n.
///
/// Normalised away (never a change): GUID case and braces, attribute and
/// element order, encoding, formatting, an attribute left out versus written
/// with its documented default. Everything else is reported, including
/// content the model does not know (`Extras`).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vssmeta/backup_components.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/export.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta {

/// What happened to the thing a change is about.
enum class ChangeKind : std::uint8_t {
  kAdded,     ///< only in the new document (`after` set)
  kRemoved,   ///< only in the old document (`before` set)
  kModified,  ///< a value changed (`before` → `after`)
  kMoved,     ///< a component's logical path changed, its name did not
};

/// How much a change matters to backups and restores (ordered: a larger
/// value is more severe). Decided by `classify()`, in one place.
enum class Impact : std::uint8_t {
  kCosmetic,  ///< captions, spelling (case) only, instance ids, names
  kNotable,   ///< files, flags, selection and other content changes
  kBreaking,  ///< saved backups or requesters would behave differently
};

/// Which kind of document a change was found in.
enum class DocumentKind : std::uint8_t {
  kWriterMetadata,    ///< a WMD (WRITER_METADATA)
  kBackupComponents,  ///< a BCD (BACKUP_COMPONENTS)
};

/// "added", "removed", "modified", "moved".
VSSMETA_EXPORT const char* to_string(ChangeKind kind);
/// "cosmetic", "notable", "breaking".
VSSMETA_EXPORT const char* to_string(Impact impact);
/// "wmd", "bcd".
VSSMETA_EXPORT const char* to_string(DocumentKind document);

/// One difference. Plain data: renderers live in diff_report.h.
struct Change {
  ChangeKind kind = ChangeKind::kModified;
  Impact impact = Impact::kNotable;
  DocumentKind document = DocumentKind::kWriterMetadata;
  /// The writer's label: its friendly name (or braced class id), with the
  /// instance name in parentheses when two writers share a name. Empty for
  /// a change to a BCD's own attributes or a whole BCD.
  std::string writer;
  /// The component's full path inside the writer (`logical\path\name`);
  /// empty when the change is about the writer itself.
  std::string component;
  /// The XML name of what changed: an attribute ("selectable",
  /// "backupType"), an element for added and removed things ("COMPONENT",
  /// "FILE_LIST", "DEPENDENCY", "WRITER"), `ELEMENT@attr` or `ELEMENT/child`
  /// for unknown content, "declaredByWriter" for a BCD component its writer
  /// no longer declares.
  std::string field;
  /// The old value or description; absent for kAdded and for an attribute
  /// the old document did not have.
  std::optional<std::string> before;
  /// The new value or description; absent for kRemoved and for an attribute
  /// the new document does not have.
  std::optional<std::string> after;
  /// For a change to a file descriptor (FILE_LIST, DATABASE_FILES,
  /// DATABASE_LOGFILES, EXCLUDE_FILES, EXCLUDE_FILES_FROM_SNAPSHOT,
  /// ALTERNATE_LOCATION_MAPPING, NEW_TARGET): its `path` as written (the
  /// newer document's for a modified one), what `--stat=component` counts
  /// changes by. Empty for every other change.
  std::string directory;

  /// `writer:\component`, `writer`, or "" (the BCD itself).
  VSSMETA_EXPORT std::string path() const;
};

/// Changes per impact class.
struct ChangeCounts {
  std::size_t breaking = 0;
  std::size_t notable = 0;
  std::size_t cosmetic = 0;

  std::size_t total() const { return breaking + notable + cosmetic; }
};

/// The result of a diff: the changes, sorted by document, writer and
/// component (ignoring case); within one, added, removed and moved entities
/// first, then by field (exactly), so output is stable. It answers the
/// questions `Findings` answers, the same way.
struct MetadataDiff {
  std::vector<Change> changes;
  /// Changes left out because they are hidden by default (instance ids,
  /// snapshot set ids; see DiffOptions::show_all).
  std::size_t hidden = 0;
  /// Changes left out because an `ignore` pattern matched them.
  std::size_t ignored = 0;

  /// True when the documents are the same (no change is reported).
  bool empty() const { return changes.empty(); }
  /// The number of changes of one impact class.
  VSSMETA_EXPORT std::size_t count(Impact impact) const;
  /// The numbers of changes per impact class.
  VSSMETA_EXPORT ChangeCounts counts() const;
  /// True when some change is kBreaking.
  bool has_breaking() const { return count(Impact::kBreaking) != 0; }
};

/// What to report. Defaults: everything but ids that change between every
/// capture.
struct DiffOptions {
  /// Also report instance ids and snapshot set ids (cosmetic).
  bool show_all = false;
  /// Leave out changes whose field, path (`Writer:\path\name`) or writer
  /// label matches one of these patterns, compared ignoring ASCII case.
  /// `*` matches any run of characters (backslashes included), `?` one.
  /// Examples: "caption", "backupStamp", "System Writer:\*", "*@foo".
  std::vector<std::string> ignore;
};

/// Compares two captures: writers matched by class id and instance name,
/// BCDs paired in load order. Also reports, as breaking, each component an
/// old BCD selected that the new capture's writer no longer declares.
VSSMETA_EXPORT MetadataDiff diff(const CaptureSet& before,
                                 const CaptureSet& after,
                                 const DiffOptions& options = {});

/// Compares two WMDs as versions of one writer (a change of class id is
/// reported, as breaking, rather than as a writer removed and added).
VSSMETA_EXPORT MetadataDiff diff(const WriterMetadata& before,
                                 const WriterMetadata& after,
                                 const DiffOptions& options = {});

/// Compares two BCDs. Writers are labelled by instance name, or braced
/// class id when they have none (no WMD says their friendly name).
VSSMETA_EXPORT MetadataDiff diff(const BackupComponents& before,
                                 const BackupComponents& after,
                                 const DiffOptions& options = {});

/// The impact class of a change, from its document, kind, field and values.
/// The single place where "breaking" is decided; `diff()` calls it for every
/// change it emits:
/// - breaking: a writer or component removed, a component moved, a
///   component's type changed, selectable or selectableForRestore turned
///   from yes to no, the restore method or writerRestore changed, a writer
///   class id changed, a BCD component its writer no longer declares;
/// - cosmetic: a value changed in letter case only, captions, icons,
///   friendly names, root `version`/`xmlns`, instance and snapshot set ids;
///   except a caption whose disk signature changed (the ASR writer's
///   `Disks\harddiskN`: "disk #0 (of signature 0x9c93ebc7)"), which means
///   the disk numbering changed, and is notable;
/// - notable: everything else (files, flags, dependencies, selections,
///   stamps, restore settings, a recreated volume, unknown content).
VSSMETA_EXPORT Impact classify(const Change& change);

}  // namespace vssmeta
