// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The Writer Metadata Document (WMD) model: one writer, its restore method,
/// exclude lists and components with their file sets and dependencies.
///
/// Plain value types that own their data. Attributes that a document may
/// omit are `std::optional`, or `OptionalString` (one pointer, its immutable
/// text shared between copies) for the strings most components and file
/// sets omit or repeat: absent stays absent when written back, and the
/// documented default applies when interpreting (see the `*_or_default`
/// helpers). `operator==` compares content: positions (`Origin`) and storage
/// details (`SourceInfo`) are ignored, GUIDs compare by value.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vssmeta/enums.h"
#include "vssmeta/export.h"
#include "vssmeta/extras.h"
#include "vssmeta/guid.h"
#include "vssmeta/location.h"
#include "vssmeta/optional_string.h"
#include "vssmeta/source_info.h"

namespace vssmeta {

/// Which element a file descriptor came from. WMD and BCD share the type.
enum class FileDescriptorKind : std::uint8_t {
  kFileList,                  ///< FILE_LIST in a FILE_GROUP
  kDatabaseFiles,             ///< DATABASE_FILES in a DATABASE
  kDatabaseLogFiles,          ///< DATABASE_LOGFILES in a DATABASE
  kExclude,                   ///< EXCLUDE_FILES
  kExcludeFromSnapshot,       ///< EXCLUDE_FILES_FROM_SNAPSHOT
  kAlternateLocationMapping,  ///< ALTERNATE_LOCATION_MAPPING
  kNewTarget,                 ///< NEW_TARGET (BCD, restore)
};

/// The element name of a kind ("FILE_LIST", ...).
VSSMETA_EXPORT const char* element_name(FileDescriptorKind kind);

/// A file set (IVssWMFiledesc): a directory, a file name pattern, whether
/// subdirectories count, and where the files really are or go.
///
/// (Members are ordered for size: a large writer has ~450,000 of these.)
struct FileDescriptor {
  std::string path;      ///< @path, verbatim (environment variables kept)
  std::string filespec;  ///< @filespec
  OptionalString alternate_path;                  ///< @alternatePath
  std::optional<std::uint32_t> backup_type_mask;  ///< @filespecBackupType
  Extras extras;
  Origin where;
  std::optional<bool> recursive;  ///< @recursive; absent = no
  FileDescriptorKind kind = FileDescriptorKind::kFileList;

  bool is_recursive() const { return recursive.value_or(false); }
  std::uint32_t backup_type_mask_or_default() const {
    return backup_type_mask.value_or(kDefaultFilespecBackupType);
  }
  friend bool operator==(const FileDescriptor&,
                         const FileDescriptor&) = default;
};

/// An explicit dependency of a component on a component of another writer
/// (XML: DEPENDENCY, a project assumption; not seen in public samples).
struct Dependency {
  Guid writer_id;                           ///< @writerId: target writer class
  std::optional<std::string> logical_path;  ///< @logicalPath
  std::string component_name;               ///< @componentName
  Extras extras;
  Origin where;

  friend bool operator==(const Dependency&, const Dependency&) = default;
};

/// A component: a FILE_GROUP or DATABASE element of BACKUP_LOCATIONS.
struct Component {
  ComponentType type = ComponentType::kFileGroup;  ///< from the element name
  OptionalString logical_path;           ///< @logicalPath; absent = top
  std::string name;                      ///< @componentName (required)
  OptionalString caption;                ///< @caption
  OptionalString icon;                   ///< @icon, base64 as written
  std::optional<bool> restore_metadata;  ///< @restoreMetadata
  std::optional<bool> notify_on_backup_complete;  ///< @notifyOnBackupComplete
  std::optional<bool> selectable;                 ///< @selectable
  std::optional<bool> selectable_for_restore;     ///< @selectableForRestore
  std::optional<std::uint32_t> component_flags;   ///< @componentFlags
  /// FILE_LIST, DATABASE_FILES and DATABASE_LOGFILES, in document order.
  std::vector<FileDescriptor> files;
  std::vector<Dependency> dependencies;
  Extras extras;
  Origin where;

  bool is_selectable() const { return selectable.value_or(false); }
  bool is_selectable_for_restore() const {
    return selectable_for_restore.value_or(false);
  }
  std::uint32_t flags() const { return component_flags.value_or(0); }
  /// `logical_path\name`, or `name` at the top level: the component's full
  /// path inside its writer, as the Windows tools print it after `Writer:\`.
  VSSMETA_EXPORT std::string full_path() const;

  friend bool operator==(const Component&, const Component&) = default;
};

/// IDENTIFICATION.
struct WriterIdentity {
  Guid writer_id;                              ///< @writerId (required): class
  std::optional<Guid> instance_id;             ///< @instanceId
  std::optional<std::string> instance_name;    ///< @instanceName
  std::optional<std::string> friendly_name;    ///< @friendlyName
  std::optional<UsageType> usage;              ///< @usage
  std::optional<SourceType> data_source;       ///< @dataSource
  std::optional<std::uint32_t> major_version;  ///< @majorVersion
  std::optional<std::uint32_t> minor_version;  ///< @minorVersion
  Extras extras;
  Origin where;

  friend bool operator==(const WriterIdentity&,
                         const WriterIdentity&) = default;
};

/// RESTORE_METHOD.
struct RestoreMethod {
  std::optional<RestoreMethodType> method;      ///< @method
  std::optional<std::string> service;           ///< @service
  std::optional<std::string> user_procedure;    ///< @userProcedure
  std::optional<WriterRestore> writer_restore;  ///< @writerRestore
  std::optional<bool> reboot_required;          ///< @rebootRequired
  /// ALTERNATE_LOCATION_MAPPING children (kind kAlternateLocationMapping;
  /// `alternate_path` is the destination).
  std::vector<FileDescriptor> alternate_location_mappings;
  Extras extras;
  Origin where;

  friend bool operator==(const RestoreMethod&, const RestoreMethod&) = default;
};

/// What diskshadow's `list writers` text says of one component beyond the
/// WMD's own fields (metadata_text.h).
struct TextComponentFacts {
  std::string full_path;                      ///< "Full path" as printed
  std::optional<bool> top_level;              ///< "Is top level"
  std::vector<std::string> paths_affected;    ///< as printed
  std::vector<std::string> volumes_affected;  ///< `\\?\Volume{...}\ [D:\]`

  friend bool operator==(const TextComponentFacts&,
                         const TextComponentFacts&) = default;
};

/// The mark of a writer rebuilt from diskshadow's `list writers metadata`
/// or `detailed` text instead of read from its XML: only what the text
/// said is set; every other field stays absent (unknown).
struct TextReconstruction {
  Location where;                ///< the writer's first line in the text
  bool writer_id_known = false;  ///< false: identity.writer_id is nil
  std::vector<TextComponentFacts> components;  ///< parallel to components

  friend bool operator==(const TextReconstruction&,
                         const TextReconstruction&) = default;
};

/// A whole WMD (root element WRITER_METADATA).
struct WriterMetadata {
  SourceInfo source;
  std::optional<std::string> xmlns;            ///< root @xmlns
  std::optional<std::string> version;          ///< root @version ("1.2")
  std::optional<std::uint32_t> backup_schema;  ///< root @backupSchema
  WriterIdentity identity;
  std::optional<RestoreMethod> restore_method;
  /// Whether a BACKUP_LOCATIONS element was present, and what it carried
  /// that the model does not know.
  bool has_backup_locations = false;
  Extras backup_locations_extras;
  Origin backup_locations_where;
  std::vector<Component> components;                  ///< in document order
  std::vector<FileDescriptor> exclude_files;          ///< EXCLUDE_FILES
  std::vector<FileDescriptor> exclude_from_snapshot;  ///< ..._FROM_SNAPSHOT
  Extras extras;                                      ///< of the root element
  Origin where;
  /// Set when rebuilt from text (metadata_text.h), never for XML; `to_xml`
  /// writes what the text said, not this mark.
  std::optional<TextReconstruction> from_text;

  std::uint32_t backup_schema_or_default() const {
    return backup_schema.value_or(0);
  }
  /// The friendly name, or the braced writer class id (`{...}`, as the
  /// Windows tools print ids) when there is none.
  VSSMETA_EXPORT std::string display_name() const;

  friend bool operator==(const WriterMetadata&,
                         const WriterMetadata&) = default;
};

/// A writer field that diskshadow's metadata text does not print (or does
/// not print for every writer), so that a writer rebuilt from it
/// (WriterMetadata::from_text) leaves it unknown rather than absent.
enum class TextUnknown {
  kWriterId,        ///< when the writer's `* WRITER` block is not in the text
  kInstanceId,      ///< likewise, or when the block has no instance id line
  kRestoreMethod,   ///< likewise (the `* WRITER` block prints it)
  kComponents,      ///< an excerpt may show a writer without its components
  kUsage,           ///< never printed
  kDataSource,      ///< never printed
  kVersion,         ///< never printed
  kBackupSchema,    ///< never printed
  kInstanceName,    ///< never printed
  kRestoreService,  ///< the restore method's service and user procedure
  kAlternateLocations,  ///< alternate location mappings, never printed
  kComponentFlags,      ///< component flags and restore-only fields
  kRecursion,           ///< whether a file list is recursive
  /// Which file lists of a database component are database files and
  /// which log files: the text's labels for them are our assumption.
  kDatabaseFileKinds,
};

/// Whether `w` leaves `field` unknown: `w` was rebuilt from text
/// (`from_text`) and that text does not say it. Always false for a writer
/// read from XML, whose absent fields are absent. Every command asks this
/// before reading an absent value as a fact (validate's rules, diff's
/// removals).
VSSMETA_EXPORT bool unknown_from_text(const WriterMetadata& w,
                                      TextUnknown field);

/// The writer class id as outputs print it: braced, or "{writer id not in
/// the text}" when unknown_from_text(w, TextUnknown::kWriterId) (the model
/// holds the nil GUID then, which is no writer's id).
VSSMETA_EXPORT std::string writer_id_text(const WriterMetadata& w);

/// The one sentence every output prints about a writer rebuilt from text
/// (`t` is its `from_text->where`): "reconstructed from text (line N): only
/// what diskshadow printed is known".
VSSMETA_EXPORT std::string reconstructed_from_text_note(const Location& t);

/// `logical_path\name`, or `name` when the logical path is absent or empty.
VSSMETA_EXPORT std::string join_component_path(
    const std::optional<std::string>& logical_path, const std::string& name);

/// Whether `name` names `w`: its friendly name or instance name ignoring
/// ASCII case, or (a GUID, braced or not, any case) its writer class id or
/// instance id. A nameless writer also answers to its display name, the
/// braced class id. The empty name names no writer. The one definition of
/// how `--writer` and `Writer:\\path` references pick writers, in every
/// command.
VSSMETA_EXPORT bool writer_matches(const WriterMetadata& w,
                                   const std::string& name);

/// The XML namespace Windows puts on WRITER_METADATA.
inline constexpr const char* kWriterMetadataNamespace =
    "x-schema:#VssWriterMetadataInfo";

}  // namespace vssmeta
