// SPDX-License-Identifier: MIT
#pragma once
// The attribute table of every model element, written once and used by both
// the reader and the serializer, so the two cannot drift apart. Each
// `visit_*` calls `v(xml_name, field)` for every attribute in the order
// Windows writes them; `v` is an AttributeBinder (reading) or an
// AttributeWriter (writing).

#include <type_traits>

#include "vssmeta/backup_components.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta::internal {

template <typename T, typename U>
concept ModelRef = std::is_same_v<std::remove_const_t<T>, U>;

template <typename V, ModelRef<WriterMetadata> T>
void visit_fields(V& v, T& x) {
  v("xmlns", x.xmlns);
  v("version", x.version);
  v("backupSchema", x.backup_schema);
}

template <typename V, ModelRef<WriterIdentity> T>
void visit_fields(V& v, T& x) {
  v("writerId", x.writer_id);
  v("instanceId", x.instance_id);
  v("instanceName", x.instance_name);
  v("friendlyName", x.friendly_name);
  v("usage", x.usage);
  v("dataSource", x.data_source);
  v("majorVersion", x.major_version);
  v("minorVersion", x.minor_version);
}

template <typename V, ModelRef<RestoreMethod> T>
void visit_fields(V& v, T& x) {
  v("method", x.method);
  v("service", x.service);
  v("userProcedure", x.user_procedure);
  v("writerRestore", x.writer_restore);
  v("rebootRequired", x.reboot_required);
}

template <typename V, ModelRef<Component> T>
void visit_fields(V& v, T& x) {
  v("logicalPath", x.logical_path);
  v("componentName", x.name);
  v("caption", x.caption);
  v("icon", x.icon);
  v("restoreMetadata", x.restore_metadata);
  v("notifyOnBackupComplete", x.notify_on_backup_complete);
  v("selectable", x.selectable);
  v("selectableForRestore", x.selectable_for_restore);
  v("componentFlags", x.component_flags);
}

template <typename V, ModelRef<FileDescriptor> T>
void visit_fields(V& v, T& x) {
  v("path", x.path);
  v("filespec", x.filespec);
  v("recursive", x.recursive);
  v("alternatePath", x.alternate_path);
  v("filespecBackupType", x.backup_type_mask);
}

template <typename V, ModelRef<Dependency> T>
void visit_fields(V& v, T& x) {
  v("writerId", x.writer_id);
  v("logicalPath", x.logical_path);
  v("componentName", x.component_name);
}

template <typename V, ModelRef<BackupComponents> T>
void visit_fields(V& v, T& x) {
  v("xmlns", x.xmlns);
  v("version", x.version);
  v("bootableSystemStateBackup", x.bootable_system_state_backup);
  v("selectComponents", x.select_components);
  v("backupType", x.backup_type);
  v("partialFileSupport", x.partial_file_support);
  v("snapshotSetId", x.snapshot_set_id);
  v("restoreType", x.restore_type);
}

template <typename V, ModelRef<WriterComponents> T>
void visit_fields(V& v, T& x) {
  v("instanceId", x.instance_id);
  v("writerId", x.writer_id);
  v("instanceName", x.instance_name);
  v("backupSchema", x.backup_schema);
}

template <typename V, ModelRef<BcdComponent> T>
void visit_fields(V& v, T& x) {
  v("logicalPath", x.logical_path);
  v("componentName", x.name);
  v("componentType", x.type);
  v("componentCaption", x.caption);
  v("backupStamp", x.backup_stamp);
  v("previousBackupStamp", x.previous_backup_stamp);
  v("backupOptions", x.backup_options);
  v("restoreOptions", x.restore_options);
  v("backupSucceeded", x.backup_succeeded);
  v("selectedForRestore", x.selected_for_restore);
  v("additionalRestores", x.additional_restores);
  v("restoreTarget", x.restore_target);
  v("fileRestoreStatus", x.file_restore_status);
  v("restoreName", x.restore_name);
  v("authoritativeRestore", x.authoritative_restore);
  v("rollForwardType", x.roll_forward_type);
  v("rollForwardPoint", x.roll_forward_point);
  v("prepareForBackupFailureMsg", x.prepare_for_backup_failure_message);
  v("postSnapshotFailureMsg", x.post_snapshot_failure_message);
  v("preRestoreFailureMsg", x.pre_restore_failure_message);
  v("postRestoreFailureMsg", x.post_restore_failure_message);
}

template <typename V, ModelRef<MetadataBlob> T>
void visit_fields(V& v, T& x) {
  v("metadata", x.value);
}

template <typename V, ModelRef<PartialFile> T>
void visit_fields(V& v, T& x) {
  v("path", x.path);
  v("filename", x.filename);
  v("ranges", x.ranges);
  v("metadata", x.metadata);
}

template <typename V, ModelRef<DifferencedFile> T>
void visit_fields(V& v, T& x) {
  v("path", x.path);
  v("filespec", x.filespec);
  v("recursive", x.recursive);
  v("lsn", x.lsn);
  v("lastModifyTime", x.last_modify_time);
}

template <typename V, ModelRef<DirectedTarget> T>
void visit_fields(V& v, T& x) {
  v("sourcePath", x.source_path);
  v("sourceFilename", x.source_filename);
  v("sourceRanges", x.source_ranges);
  v("destinationPath", x.destination_path);
  v("destinationFilename", x.destination_filename);
  v("destinationRanges", x.destination_ranges);
}

template <typename V, ModelRef<RestoreSubcomponent> T>
void visit_fields(V& v, T& x) {
  v("logicalPath", x.logical_path);
  v("componentName", x.component_name);
  v("repair", x.repair);
}

}  // namespace vssmeta::internal
