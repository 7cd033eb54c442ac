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

/// diskshadow's cab manifest: not a VSS document, but it names the writers.
struct CabManifest {
  std::string file;  ///< the manifest's name as loaded
  std::optional<std::string> machine_name;
  std::optional<Guid> shadow_copy_set_id;
  std::optional<std::string> backup_components_file;
  std::vector<ManifestWriter> writers;
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
};

/// Loads `path`: "-" reads standard input (`stdin_stream`, or std::cin), a
/// directory is read as a capture folder (its `*.xml` files, in natural name
/// order; a manifest is recognised, other non-VSS XML files are skipped with
/// a warning, and so is every entry that is neither a file nor a folder:
/// FIFOs, sockets, devices, dangling links and link loops), anything else
/// is one document (a regular file, or a FIFO or device read as a stream,
/// such as a shell's process substitution). Errors name the file. The
/// result's warnings() hold the parser's notes on every file read, and the
/// skipped files, also when a later file fails.
VSSMETA_EXPORT Result<CaptureSet> load(const std::string& path,
                                       const LoadOptions& options = {},
                                       std::istream* stdin_stream = nullptr);

/// Appends the documents of `more` to `into`.
VSSMETA_EXPORT void merge(CaptureSet& into, CaptureSet&& more);

}  // namespace vssmeta
