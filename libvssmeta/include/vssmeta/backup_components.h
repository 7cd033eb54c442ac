// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The Backup Components Document (BCD) model: the backup or restore state a
/// requester recorded, and per writer the components it included explicitly.
///
/// Only BACKUP_COMPONENTS, WRITER_COMPONENTS, COMPONENT (with componentName,
/// componentType, logicalPath, backupStamp) and BACKUP_METADATA were seen in
/// real documents; the XML names of the other fields follow the same pattern
/// and are this project's assumption (testdata/README.md). Whatever a real
/// document holds beyond them is kept in `Extras`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vssmeta/enums.h"
#include "vssmeta/export.h"
#include "vssmeta/extras.h"
#include "vssmeta/guid.h"
#include "vssmeta/location.h"
#include "vssmeta/source_info.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta {

/// BACKUP_METADATA or RESTORE_METADATA: a writer-private opaque value.
struct MetadataBlob {
  std::string value;  ///< @metadata, as written (usually base64)
  Extras extras;
  Origin where;

  friend bool operator==(const MetadataBlob&, const MetadataBlob&) = default;
};

/// PARTIAL_FILE: part of a file to back up (IVssComponent::AddPartialFile).
struct PartialFile {
  std::string path;                     ///< @path
  std::string filename;                 ///< @filename
  std::optional<std::string> ranges;    ///< @ranges: "off:len,..." or a file
  std::optional<std::string> metadata;  ///< @metadata
  Extras extras;
  Origin where;

  friend bool operator==(const PartialFile&, const PartialFile&) = default;
};

/// DIFFERENCED_FILE: files changed since a time or LSN.
struct DifferencedFile {
  std::string path;                             ///< @path
  std::string filespec;                         ///< @filespec
  std::optional<bool> recursive;                ///< @recursive
  std::optional<std::string> lsn;               ///< @lsn
  std::optional<std::string> last_modify_time;  ///< @lastModifyTime
  Extras extras;
  Origin where;

  friend bool operator==(const DifferencedFile&,
                         const DifferencedFile&) = default;
};

/// DIRECTED_TARGET: restore ranges of one file into another.
struct DirectedTarget {
  std::string source_path;           ///< @sourcePath
  std::string source_filename;       ///< @sourceFilename
  std::string source_ranges;         ///< @sourceRanges
  std::string destination_path;      ///< @destinationPath
  std::string destination_filename;  ///< @destinationFilename
  std::string destination_ranges;    ///< @destinationRanges
  Extras extras;
  Origin where;

  friend bool operator==(const DirectedTarget&,
                         const DirectedTarget&) = default;
};

/// RESTORE_SUBCOMPONENT: a subcomponent added to a restore.
struct RestoreSubcomponent {
  std::optional<std::string> logical_path;  ///< @logicalPath
  std::string component_name;               ///< @componentName
  std::optional<bool> repair;               ///< @repair
  Extras extras;
  Origin where;

  friend bool operator==(const RestoreSubcomponent&,
                         const RestoreSubcomponent&) = default;
};

/// COMPONENT inside WRITER_COMPONENTS.
struct BcdComponent {
  std::optional<std::string> logical_path;  ///< @logicalPath
  std::string name;                         ///< @componentName (required)
  std::optional<ComponentType> type;        ///< @componentType
  std::optional<std::string> caption;       ///< @componentCaption
  std::optional<std::string> backup_stamp;  ///< @backupStamp
  std::optional<std::string> previous_backup_stamp;  ///< @previousBackupStamp
  std::optional<std::string> backup_options;         ///< @backupOptions
  std::optional<std::string> restore_options;        ///< @restoreOptions
  std::optional<bool> backup_succeeded;              ///< @backupSucceeded
  std::optional<bool> selected_for_restore;          ///< @selectedForRestore
  std::optional<bool> additional_restores;           ///< @additionalRestores
  std::optional<RestoreTarget> restore_target;       ///< @restoreTarget
  std::optional<FileRestoreStatus> file_restore_status;  ///< @fileRestoreStatus
  std::optional<std::string> restore_name;               ///< @restoreName
  std::optional<bool> authoritative_restore;         ///< @authoritativeRestore
  std::optional<RollForwardType> roll_forward_type;  ///< @rollForwardType
  std::optional<std::string> roll_forward_point;     ///< @rollForwardPoint
  std::optional<std::string> prepare_for_backup_failure_message;
  ///< @prepareForBackupFailureMsg
  std::optional<std::string> post_snapshot_failure_message;
  ///< @postSnapshotFailureMsg
  std::optional<std::string> pre_restore_failure_message;
  ///< @preRestoreFailureMsg
  std::optional<std::string> post_restore_failure_message;
  ///< @postRestoreFailureMsg
  std::optional<MetadataBlob> backup_metadata;   ///< BACKUP_METADATA
  std::optional<MetadataBlob> restore_metadata;  ///< RESTORE_METADATA
  std::vector<PartialFile> partial_files;
  std::vector<DifferencedFile> differenced_files;
  std::vector<DirectedTarget> directed_targets;
  /// NEW_TARGET (kind kNewTarget) and ALTERNATE_LOCATION_MAPPING (kind
  /// kAlternateLocationMapping: mappings actually used during a restore).
  std::vector<FileDescriptor> new_targets;
  std::vector<FileDescriptor> alternate_location_mappings;
  std::vector<RestoreSubcomponent> restore_subcomponents;
  Extras extras;
  Origin where;

  /// `logical_path\name` or `name`, as for WMD components.
  VSSMETA_EXPORT std::string full_path() const;

  friend bool operator==(const BcdComponent&, const BcdComponent&) = default;
};

/// WRITER_COMPONENTS: one writer that took part.
struct WriterComponents {
  Guid writer_id;                              ///< @writerId (required): class
  std::optional<Guid> instance_id;             ///< @instanceId
  std::optional<std::string> instance_name;    ///< @instanceName
  std::optional<std::uint32_t> backup_schema;  ///< @backupSchema
  std::vector<BcdComponent> components;
  Extras extras;
  Origin where;

  friend bool operator==(const WriterComponents&,
                         const WriterComponents&) = default;
};

/// A whole BCD (root element BACKUP_COMPONENTS).
struct BackupComponents {
  SourceInfo source;
  std::optional<std::string> xmlns;    ///< root @xmlns
  std::optional<std::string> version;  ///< @version
  std::optional<bool>
      bootable_system_state_backup;          ///< @bootableSystemStateBackup
  std::optional<bool> select_components;     ///< @selectComponents
  std::optional<BackupType> backup_type;     ///< @backupType
  std::optional<bool> partial_file_support;  ///< @partialFileSupport
  std::optional<Guid> snapshot_set_id;       ///< @snapshotSetId
  std::optional<RestoreType> restore_type;   ///< @restoreType
  std::vector<WriterComponents> writers;
  Extras extras;
  Origin where;

  /// True when the document carries any field a requester or writer sets
  /// only for a restore (restore type, selection for restore, targets,
  /// restore options, name, roll-forward, authoritative restore, ...).
  VSSMETA_EXPORT bool is_restore_time() const;

  friend bool operator==(const BackupComponents&,
                         const BackupComponents&) = default;
};

/// The XML namespace Windows puts on BACKUP_COMPONENTS.
inline constexpr const char* kBackupComponentsNamespace =
    "x-schema:#VssComponentMetadata";

}  // namespace vssmeta
