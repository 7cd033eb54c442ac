// SPDX-License-Identifier: MIT
#include "vssmeta/enums.h"

#include <array>

namespace vssmeta {
namespace {

template <typename E, std::size_t N>
using Table = std::array<EnumSpelling<E>, N>;

constexpr Table<UsageType, 5> kUsage{{
    {UsageType::kUndefined, "UNDEFINED", "VSS_UT_UNDEFINED"},
    {UsageType::kBootableSystemState, "BOOTABLE_SYSTEM_STATE",
     "VSS_UT_BOOTABLESYSTEMSTATE"},
    {UsageType::kSystemService, "SYSTEM_SERVICE", "VSS_UT_SYSTEMSERVICE"},
    {UsageType::kUserData, "USER_DATA", "VSS_UT_USERDATA"},
    {UsageType::kOther, "OTHER", "VSS_UT_OTHER"},
}};

constexpr Table<SourceType, 4> kSource{{
    {SourceType::kUndefined, "UNDEFINED", "VSS_ST_UNDEFINED"},
    {SourceType::kTransactedDb, "TRANSACTION_DB", "VSS_ST_TRANSACTEDDB"},
    {SourceType::kNonTransactedDb, "NONTRANSACTION_DB",
     "VSS_ST_NONTRANSACTEDDB"},
    {SourceType::kOther, "OTHER", "VSS_ST_OTHER"},
}};

// The SDK spellings come from the string tables of the VSS 7.2 SDK's test
// writer (its configuration uses the WMD's attribute values); the two
// aliases after them are this project's earlier guesses from the C names,
// still read so that documents written by older versions load.
constexpr Table<RestoreMethodType, 11> kMethod{{
    {RestoreMethodType::kUndefined, "UNDEFINED", "VSS_RME_UNDEFINED"},
    {RestoreMethodType::kRestoreIfNotThere, "RESTORE_IF_NONE_THERE",
     "VSS_RME_RESTORE_IF_NOT_THERE"},
    {RestoreMethodType::kRestoreIfNotThere, "RESTORE_IF_NOT_THERE",
     "VSS_RME_RESTORE_IF_NOT_THERE", true},
    {RestoreMethodType::kRestoreIfCanReplace, "RESTORE_IF_CAN_BE_REPLACED",
     "VSS_RME_RESTORE_IF_CAN_REPLACE"},
    {RestoreMethodType::kStopRestoreStart, "STOP_RESTART_SERVICE",
     "VSS_RME_STOP_RESTORE_START"},
    {RestoreMethodType::kStopRestoreStart, "STOP_RESTORE_START",
     "VSS_RME_STOP_RESTORE_START", true},
    {RestoreMethodType::kRestoreToAlternateLocation,
     "RESTORE_TO_ALTERNATE_LOCATION", "VSS_RME_RESTORE_TO_ALTERNATE_LOCATION"},
    {RestoreMethodType::kRestoreAtReboot, "REPLACE_AT_REBOOT",
     "VSS_RME_RESTORE_AT_REBOOT"},
    {RestoreMethodType::kRestoreAtRebootIfCannotReplace,
     "REPLACE_AT_REBOOT_IF_CANNOT_REPLACE",
     "VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE"},
    {RestoreMethodType::kCustom, "CUSTOM", "VSS_RME_CUSTOM"},
    {RestoreMethodType::kRestoreStopStart, "RESTORE_STOP_START",
     "VSS_RME_RESTORE_STOP_START"},
}};

constexpr Table<WriterRestore, 4> kWriterRestore{{
    {WriterRestore::kUndefined, "undefined", "VSS_WRE_UNDEFINED"},
    {WriterRestore::kNever, "never", "VSS_WRE_NEVER"},
    {WriterRestore::kIfReplaceFails, "ifReplaceFails",
     "VSS_WRE_IF_REPLACE_FAILS"},
    {WriterRestore::kAlways, "always", "VSS_WRE_ALWAYS"},
}};

constexpr Table<ComponentType, 3> kComponentType{{
    {ComponentType::kUndefined, "undefined", "VSS_CT_UNDEFINED"},
    {ComponentType::kDatabase, "database", "VSS_CT_DATABASE"},
    {ComponentType::kFileGroup, "filegroup", "VSS_CT_FILEGROUP"},
}};

constexpr Table<BackupType, 7> kBackupType{{
    {BackupType::kUndefined, "undefined", "VSS_BT_UNDEFINED"},
    {BackupType::kFull, "full", "VSS_BT_FULL"},
    {BackupType::kIncremental, "incremental", "VSS_BT_INCREMENTAL"},
    {BackupType::kDifferential, "differential", "VSS_BT_DIFFERENTIAL"},
    {BackupType::kLog, "log", "VSS_BT_LOG"},
    {BackupType::kCopy, "copy", "VSS_BT_COPY"},
    {BackupType::kOther, "other", "VSS_BT_OTHER"},
}};

constexpr Table<RestoreType, 4> kRestoreType{{
    {RestoreType::kUndefined, "undefined", "VSS_RTYPE_UNDEFINED"},
    {RestoreType::kByCopy, "byCopy", "VSS_RTYPE_BY_COPY"},
    {RestoreType::kImport, "import", "VSS_RTYPE_IMPORT"},
    {RestoreType::kOther, "other", "VSS_RTYPE_OTHER"},
}};

constexpr Table<RestoreTarget, 5> kRestoreTarget{{
    {RestoreTarget::kUndefined, "undefined", "VSS_RT_UNDEFINED"},
    {RestoreTarget::kOriginal, "original", "VSS_RT_ORIGINAL"},
    {RestoreTarget::kAlternate, "alternate", "VSS_RT_ALTERNATE"},
    {RestoreTarget::kDirected, "directed", "VSS_RT_DIRECTED"},
    {RestoreTarget::kOriginalLocation, "originalLocation",
     "VSS_RT_ORIGINAL_LOCATION"},
}};

constexpr Table<FileRestoreStatus, 4> kFileRestoreStatus{{
    {FileRestoreStatus::kUndefined, "undefined", "VSS_RS_UNDEFINED"},
    {FileRestoreStatus::kNone, "none", "VSS_RS_NONE"},
    {FileRestoreStatus::kAll, "all", "VSS_RS_ALL"},
    {FileRestoreStatus::kFailed, "failed", "VSS_RS_FAILED"},
}};

constexpr Table<RollForwardType, 4> kRollForward{{
    {RollForwardType::kUndefined, "undefined", "VSS_RF_UNDEFINED"},
    {RollForwardType::kNone, "none", "VSS_RF_NONE"},
    {RollForwardType::kAll, "all", "VSS_RF_ALL"},
    {RollForwardType::kPartial, "partial", "VSS_RF_PARTIAL"},
}};

constexpr std::array<BitName, 3> kComponentFlags{{
    {0x1, "VSS_CF_BACKUP_RECOVERY"},
    {0x2, "VSS_CF_APP_ROLLBACK_RECOVERY"},
    {0x4, "VSS_CF_NOT_SYSTEM_STATE"},
}};

// In bit order, from BackupSchema: the names are the enumerators' only
// spelling.
constexpr std::array<BitName, 15> kBackupSchema{{
    {schema_bit(BackupSchema::kDifferential), "VSS_BS_DIFFERENTIAL"},
    {schema_bit(BackupSchema::kIncremental), "VSS_BS_INCREMENTAL"},
    {schema_bit(BackupSchema::kExclusiveIncrementalDifferential),
     "VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL"},
    {schema_bit(BackupSchema::kLog), "VSS_BS_LOG"},
    {schema_bit(BackupSchema::kCopy), "VSS_BS_COPY"},
    {schema_bit(BackupSchema::kTimestamped), "VSS_BS_TIMESTAMPED"},
    {schema_bit(BackupSchema::kLastModify), "VSS_BS_LAST_MODIFY"},
    {schema_bit(BackupSchema::kLsn), "VSS_BS_LSN"},
    {schema_bit(BackupSchema::kWriterSupportsNewTarget),
     "VSS_BS_WRITER_SUPPORTS_NEW_TARGET"},
    {schema_bit(BackupSchema::kWriterSupportsRestoreWithMove),
     "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE"},
    {schema_bit(BackupSchema::kIndependentSystemState),
     "VSS_BS_INDEPENDENT_SYSTEM_STATE"},
    {schema_bit(BackupSchema::kRollForwardRestore),
     "VSS_BS_ROLLFORWARD_RESTORE"},
    {schema_bit(BackupSchema::kRestoreRename), "VSS_BS_RESTORE_RENAME"},
    {schema_bit(BackupSchema::kAuthoritativeRestore),
     "VSS_BS_AUTHORITATIVE_RESTORE"},
    {schema_bit(BackupSchema::kWriterSupportsParallelRestores),
     "VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES"},
}};

constexpr std::array<BitName, 9> kFilespecBackupType{{
    {0x00001, "VSS_FSBT_FULL_BACKUP_REQUIRED"},
    {0x00002, "VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED"},
    {0x00004, "VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED"},
    {0x00008, "VSS_FSBT_LOG_BACKUP_REQUIRED"},
    {0x00100, "VSS_FSBT_FULL_SNAPSHOT_REQUIRED"},
    {0x00200, "VSS_FSBT_DIFFERENTIAL_SNAPSHOT_REQUIRED"},
    {0x00400, "VSS_FSBT_INCREMENTAL_SNAPSHOT_REQUIRED"},
    {0x00800, "VSS_FSBT_LOG_SNAPSHOT_REQUIRED"},
    {0x10000, "VSS_FSBT_CREATED_DURING_BACKUP"},
}};

}  // namespace

std::span<const EnumSpelling<UsageType>> spellings(UsageType) { return kUsage; }
std::span<const EnumSpelling<SourceType>> spellings(SourceType) {
  return kSource;
}
std::span<const EnumSpelling<RestoreMethodType>> spellings(RestoreMethodType) {
  return kMethod;
}
std::span<const EnumSpelling<WriterRestore>> spellings(WriterRestore) {
  return kWriterRestore;
}
std::span<const EnumSpelling<ComponentType>> spellings(ComponentType) {
  return kComponentType;
}
std::span<const EnumSpelling<BackupType>> spellings(BackupType) {
  return kBackupType;
}
std::span<const EnumSpelling<RestoreType>> spellings(RestoreType) {
  return kRestoreType;
}
std::span<const EnumSpelling<RestoreTarget>> spellings(RestoreTarget) {
  return kRestoreTarget;
}
std::span<const EnumSpelling<FileRestoreStatus>> spellings(FileRestoreStatus) {
  return kFileRestoreStatus;
}
std::span<const EnumSpelling<RollForwardType>> spellings(RollForwardType) {
  return kRollForward;
}
std::span<const BitName> component_flag_bits() { return kComponentFlags; }
std::span<const BitName> backup_schema_bits() { return kBackupSchema; }

std::string_view vss_name(BackupSchema b) {
  for (const BitName& row : kBackupSchema) {
    if (row.bit == schema_bit(b)) return row.vss_name;
  }
  return {};
}
std::span<const BitName> filespec_backup_type_bits() {
  return kFilespecBackupType;
}

}  // namespace vssmeta
