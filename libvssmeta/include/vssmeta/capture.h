// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Live capture through the VSS requester API (Windows only; elsewhere every
/// `capture_*` call returns `ErrorCode::kUnsupported`), and the shared,
/// portable part: HRESULT names and advice, writer states, the selection a
/// `--bcd` capture adds, and `write_capture_folder()`, which saves a capture
/// as a folder that `load()` reads back on any system.

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "vssmeta/export.h"
#include "vssmeta/guid.h"
#include "vssmeta/hresult.h"
#include "vssmeta/location.h"
#include "vssmeta/result.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta {

/// VSS_WRITER_STATE, with the numbers vssadmin prints (`[1] Stable`).
enum class WriterState : std::uint32_t {
  kUnknown = 0,
  kStable = 1,
  kWaitingForFreeze = 2,
  kWaitingForThaw = 3,
  kWaitingForPostSnapshot = 4,
  kWaitingForBackupComplete = 5,
  kFailedAtIdentify = 6,
  kFailedAtPrepareBackup = 7,
  kFailedAtPrepareSnapshot = 8,
  kFailedAtFreeze = 9,
  kFailedAtThaw = 10,
  kFailedAtPostSnapshot = 11,
  kFailedAtBackupComplete = 12,
  kFailedAtPreRestore = 13,
  kFailedAtPostRestore = 14,
  kFailedAtBackupShutdown = 15,
};

/// vssadmin's words: "Stable", "Waiting for completion", "Failed", ...
VSSMETA_EXPORT const char* to_string(WriterState state);
/// The VSS name without its prefix: "stable", "failed-at-freeze", ...
VSSMETA_EXPORT const char* state_id(WriterState state);
/// Maps a raw VSS_WRITER_STATE; values past 15 become kUnknown.
VSSMETA_EXPORT WriterState writer_state_from(std::uint32_t raw);
VSSMETA_EXPORT bool is_failed(WriterState state);

/// What a status text (`vssadmin list writers`, diskshadow `list writers
/// status`, `vshadow -ws`) printed for one writer, kept as printed, in the
/// text's language (see status_text.h).
struct PrintedStatus {
  Location where;                ///< the writer's name line
  std::uint32_t state_code = 0;  ///< the printed number (may be past 15)
  std::string state_text;        ///< "Stable", "Échec", "VSS_WS_STABLE", ...
  std::string last_error;  ///< "No error", "Aucune erreur", "0x800423f3 (...)"
  /// True when `last_error` gave WriterStatus::failure (a printed HRESULT or
  /// a known wording); false leaves `failure` 0 without meaning S_OK.
  bool failure_known = false;

  friend bool operator==(const PrintedStatus&, const PrintedStatus&) = default;
};

/// One writer's line of GetWriterStatus.
struct WriterStatus {
  std::string writer_name;
  Guid writer_id;
  Guid instance_id;
  WriterState state = WriterState::kUnknown;
  std::uint32_t failure = 0;  ///< the writer's failure HRESULT (S_OK = 0)
  /// IVssBackupComponentsEx3::GetWriterStatusEx, where Windows offers it.
  std::optional<std::uint32_t> application_error;
  std::string application_message;
  /// Set when the status was read from a status text, not asked of VSS.
  std::optional<PrintedStatus> printed;
};

/// True when the writer is in a failed state or reports a failure HRESULT
/// (what `status` and the capture summary count as failed).
VSSMETA_EXPORT bool is_failed(const WriterStatus& status);

/// The machine and run a capture describes.
struct HostManifest {
  std::string host;
  std::string os_version;  ///< "Windows 10.0.20348"
  std::string time_utc;    ///< ISO 8601, "2026-12-01T18:22:35Z"
  std::string tool_version;
  bool elevated = false;
  std::string context;  ///< "backup", "file-share-backup", "app-rollback"
};

/// One writer's metadata as the API returned it.
struct CapturedWriter {
  std::string writer_name;  ///< from IVssExamineWriterMetadata::GetIdentity
  Guid writer_id;
  Guid instance_id;
  std::string xml;  ///< SaveAsXML, converted to UTF-8
  /// The parsed model; nullopt when the XML does not parse (`parse_error`).
  std::optional<WriterMetadata> metadata;
  std::string parse_error;
  /// The call that failed for this writer and its decoded HRESULT
  /// (`GetWriterMetadata: 0x80042302 VSS_E_UNEXPECTED: ...`); empty when its
  /// metadata was read. Such a writer has no `xml` and no file in the
  /// capture folder; what was known of it (ids, name) is kept.
  std::string capture_error;
};

/// True when any writer's metadata could not be read (`capture_error`).
VSSMETA_EXPORT bool any_capture_error(const std::vector<CapturedWriter>& w);

/// A complete capture.
struct CaptureResult {
  HostManifest host;
  std::vector<CapturedWriter> writers;
  std::vector<WriterStatus> status;
  /// The backup components document, when `CaptureOptions::save_bcd`: as
  /// it stands after PrepareForBackup of a full, component-mode backup of
  /// the selected components, with an empty snapshot set; the session is
  /// then aborted, so no shadow copy exists and writers were told the
  /// backup was aborted (see docs/windows.md).
  std::optional<std::string> bcd_xml;
};

/// The VSS context the session runs in (IVssBackupComponents::SetContext).
enum class CaptureContext { kBackup, kFileShareBackup, kAppRollback };
VSSMETA_EXPORT const char* to_string(CaptureContext context);

struct CaptureOptions {
  /// Seconds to wait for each asynchronous step (gathering metadata and
  /// status, PrepareForBackup); 0 waits without limit. On expiry the step
  /// is cancelled, waited for, and the capture fails.
  unsigned timeout_seconds = 120;
  /// file-share-backup involves no writers: nothing is gathered in it.
  CaptureContext context = CaptureContext::kBackup;
  /// Save the BCD a backup of `select` would start with (no snapshot).
  bool save_bcd = false;
  /// SetBackupState's bBootableSystemState: the BCD says a bootable system
  /// state backup is made. Only when asked.
  bool bootable_system_state = false;
  /// Receives warnings (COM security set by the host process, a context
  /// without writers); may be empty.
  std::function<void(const std::string&)> on_warning;
  /// `Writer:\logical\path\name` references (see parse_component_ref).
  std::vector<std::string> select;
  std::string tool_version;  ///< recorded in the manifest
};

/// One component AddComponent receives.
struct SelectedComponent {
  Guid writer_id;
  Guid instance_id;
  ComponentType type = ComponentType::kFileGroup;
  std::string logical_path;  ///< empty at the top level
  std::string name;
  bool required = false;  ///< added because the writer requires it
};

/// Resolves `refs` against the captured writers by the rules of
/// resolve_references() (selection.h): a reference names its component in
/// every writer instance it matches, `Writer` alone the writer's required
/// and optional top-level components. A reference that names nothing (the
/// message lists the closest names) or a nonselectable subcomponent is an
/// error (kInvalidValue) naming the reference. The required components of
/// every writer involved are added too, as AddComponent expects. Sorted by
/// writer, then path.
VSSMETA_EXPORT Result<std::vector<SelectedComponent>> resolve_selection(
    const std::vector<CapturedWriter>& writers,
    const std::vector<std::string>& refs);

/// True when this build can capture (Windows).
VSSMETA_EXPORT bool capture_supported();

/// Runs a capture: writer metadata, writer status, and the BCD when asked.
/// Errors name the failing call and decode its HRESULT, with advice.
VSSMETA_EXPORT Result<CaptureResult> capture(const CaptureOptions& options);

/// Gathers writer status only (what `vssadmin list writers` shows).
VSSMETA_EXPORT Result<std::vector<WriterStatus>> capture_writer_status(
    const CaptureOptions& options);

/// The file a writer's metadata is saved as: `<name>_<instance-id>.xml`,
/// where the untrusted writer name keeps ASCII letters, digits, space, `-`,
/// `_`, `.` and `()` only (others become `_`, runs of them one `_`), loses
/// leading and trailing spaces and dots, is cut to 64 bytes and never is a
/// reserved DOS device name (CON, NUL, COM1, ...).
VSSMETA_EXPORT std::string capture_file_name(std::string_view writer_name,
                                             const Guid& instance_id);

/// The forms of write_status().
enum class StatusFormat {
  /// As `vssadmin list writers` prints it, failures decoded.
  kText,
  /// `status.json` (schemas/capture-status.schema.json).
  kJson,
};

struct StatusOptions {
  StatusFormat format = StatusFormat::kText;
};

/// Writes the writer status in `options.format`.
VSSMETA_EXPORT void write_status(const std::vector<WriterStatus>& status,
                                 std::ostream& out,
                                 const StatusOptions& options = {});

/// Reads back a `status.json` (schemas/capture-status.schema.json), as
/// `vssmeta capture` writes it and `vssmeta status --format json` prints
/// it. Errors (kMalformedXml for text that is not JSON, kUnexpectedRoot for
/// another kind of JSON document, kInvalidValue for a bad field) name
/// `source_name` and, where the JSON reader knows it, line:column.
VSSMETA_EXPORT Result<std::vector<WriterStatus>> parse_status_json(
    std::string_view bytes, const std::string& source_name);

/// Writes `manifest.json` (schemas/capture-manifest.schema.json) of a
/// capture: its host and its writers.
VSSMETA_EXPORT void write_manifest(const CaptureResult& capture,
                                   std::ostream& out);

/// A capture folder made ready before VSS is asked anything: `target` (no
/// trailing separator) does not exist, its parents do, and the empty
/// temporary sibling `temp` the files are written to exists.
struct CaptureFolder {
  std::string target;
  std::string temp;
};

/// Validates `dir` (kIo when it exists or cannot be made) and creates its
/// missing parents and the temporary sibling.
VSSMETA_EXPORT Result<CaptureFolder> prepare_capture_folder(
    const std::string& dir);

/// Removes the temporary sibling of a folder nothing was written to.
VSSMETA_EXPORT void discard_capture_folder(const CaptureFolder& folder);

/// Writes `capture` into `folder.temp`: one WMD per writer whose metadata
/// was read (capture_file_name), `backup-components.xml` when there is a
/// BCD, `status.json` and `manifest.json`; then renames it to
/// `folder.target`. A failed write removes the temporary folder; a failed
/// rename keeps it, and the error names it, since the capture is complete.
VSSMETA_EXPORT Result<std::vector<std::string>> write_capture_folder(
    const CaptureResult& capture, const CaptureFolder& folder);

/// prepare_capture_folder(dir), then the above.
VSSMETA_EXPORT Result<std::vector<std::string>> write_capture_folder(
    const CaptureResult& capture, const std::string& dir);

}  // namespace vssmeta
