// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// A capture set: the documents taken together on one machine (a folder of
/// WMDs and BCDs, such as diskshadow's metadata cab), and `load()`, which
/// reads a file, a folder or standard input into one.

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "vssmeta/backup_components.h"
#include "vssmeta/capture.h"
#include "vssmeta/diagnostic.h"
#include "vssmeta/export.h"
#include "vssmeta/parse.h"
#include "vssmeta/result.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta {

/// One writer line of diskshadow's cab manifest (Manifest.xml).
struct ManifestWriter {
  std::string name;           ///< with diskshadow's `%s` decoded to spaces
  std::string metadata_file;  ///< the Windows temp path it was saved to
};

/// One ShadowCopy of diskshadow's manifest: a volume of the shadow copy set.
struct ManifestShadowCopy {
  std::optional<Guid> id;       ///< @GUID
  std::string original_volume;  ///< @OriginalVolume, as written (`C:\`)
  Origin where;
};

/// diskshadow's cab manifest: not a VSS document, but it names the writers
/// and the volumes of the shadow copy set.
struct CabManifest {
  std::string file;  ///< the manifest's name as loaded
  std::optional<std::string> machine_name;
  std::optional<Guid> shadow_copy_set_id;
  std::optional<std::string> backup_components_file;
  std::vector<ManifestWriter> writers;
  /// The volumes shadowed, in document order.
  std::vector<ManifestShadowCopy> shadow_copies;
};

/// Parses a diskshadow manifest (any encoding parse_document accepts).
/// Errors: kMalformedXml, kUnexpectedRoot when the root is not <Manifest>.
VSSMETA_EXPORT Result<CabManifest> parse_cab_manifest(
    std::string_view bytes, const ParseOptions& options = {});

/// Every document of one capture.
struct CaptureSet {
  std::vector<WriterMetadata> writers;
  std::vector<BackupComponents> backup_components;
  std::optional<CabManifest> manifest;
  /// Writer statuses read from status text files (status_text.h), each
  /// with its position in WriterStatus::printed.
  std::vector<WriterStatus> statuses;
};

/// How resolve_writer_entry() found a BCD writer entry's WMD.
enum class EntryMatch {
  kInstanceId,    ///< the entry's instance id names the WMD's instance
  kInstanceName,  ///< no instance id matched; the instance name did
  kClass,         ///< neither matched: the only (or first) WMD of the class
};

/// The WMD a BCD writer entry refers to.
struct WriterEntryMatch {
  std::size_t writer = 0;  ///< index into the writers searched
  EntryMatch by = EntryMatch::kClass;
  bool ambiguous = false;  ///< kClass among several WMDs of the class
};

/// The WMD of `writers` that BCD writer entry `entry` refers to: among the
/// WMDs of the entry's class (writer id), the one whose instance id equals
/// the entry's, else the one whose instance name equals the entry's
/// (exactly), else the only one of the class, else the first in `writers`
/// order (`ambiguous`). Nothing when no WMD has the class. Every command
/// (validate, graph, dump, diff) pairs BCD entries with WMDs this way.
VSSMETA_EXPORT std::optional<WriterEntryMatch> resolve_writer_entry(
    const std::vector<WriterMetadata>& writers, const WriterComponents& entry);

struct LoadOptions {
  /// Size and nesting limits; `source_name` is set per file. A file or
  /// stream larger than `parse.max_bytes` is refused (kUnsupported) before
  /// more than that is held: regular files by their size, streams chunk by
  /// chunk (a refused endless stream costs at most the limit plus one 64 KiB
  /// chunk; a stream within the limit is copied once into one buffer).
  ParseOptions parse;
  /// Appended in parentheses to the size-limit error, e.g. how to raise it.
  std::string size_limit_note;
  /// A capture (a folder, a cabinet, vshadow -wm3 text) with some documents
  /// that cannot be read still loads the others: each failure becomes a
  /// diagnostic of severity kError and code `unreadable-file` among the
  /// result's warnings(), with the failure's position. The capture fails
  /// only when no document is left. Off: the first failure fails the load.
  bool keep_going = false;
};

/// Loads `path`: "-" reads standard input (`stdin_stream`, or std::cin), a
/// directory is read as a capture folder (its files in natural name order:
/// `*.xml` files as documents, a manifest recognised, other non-VSS XML
/// files skipped with a warning; every other regular file read for the text
/// forms below, decided by content, and merged when it holds one (writer
/// status text, diskshadow's metadata text, vshadow -wm3 output), skipped
/// with a warning when it is too large, unreadable, a cabinet, a vshadow
/// -wm/-wm2 summary or status-like text without a complete block, skipped
/// silently otherwise; every entry that is neither a file nor a folder
/// skipped with a warning: FIFOs, sockets, devices, dangling links and link
/// loops). A folder with
/// no XML file of its own that holds Windows Server Backup's layout
/// (`WindowsImageBackup\<computer>\Backup <date>`) is read through its one
/// `Backup ...` folder. Anything else (a regular file, or a FIFO or device
/// read as a stream, such as a shell's process substitution) is recognised
/// by its content, never its name:
///  - a cabinet (`MSCF`, diskshadow's metadata cab): its top-level `*.xml`
///    members, read in memory exactly as the extracted folder would be,
///    named `FILE#MEMBER`; refused when a member declares more than 256 MiB
///    (or parse.max_bytes, if lower), the XML members more than 1 GiB
///    together, with more than 10,000 members, or when a member name is
///    absolute or holds a drive, a stream or a `..` element;
///  - `vshadow -wm3` console output: each writer's document, named
///    `FILE#writer-N` (positions count within that document); vshadow's
///    `-wm`/`-wm2` summaries, which hold no XML, are an error naming -wm3;
///  - a known format that holds no VSS document (ZIP, VHD(X), event logs,
///    images, ...): an error naming it and the export that works;
///  - otherwise one document (parse_document()).
/// Errors name the file. The result's warnings() hold the parser's notes on
/// every file read, and the skipped files, also when a later file fails.
VSSMETA_EXPORT Result<CaptureSet> load(const std::string& path,
                                       const LoadOptions& options = {},
                                       std::istream* stdin_stream = nullptr);

/// Appends the documents of `more` to `into`.
VSSMETA_EXPORT void merge(CaptureSet& into, CaptureSet&& more);

}  // namespace vssmeta
