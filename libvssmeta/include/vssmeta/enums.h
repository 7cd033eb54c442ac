// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The VSS enumerations that appear in WMDs and BCDs, each with every
/// documented value, its XML spelling and its C name (vss.h, vswriter.h).
///
/// XML spellings marked "observed" were seen in documents written by Windows
/// (SaveAsXML of in-box writers); those marked "SDK" are the spellings of
/// the string tables of Microsoft's public VSS 7.2 SDK test writer, whose
/// configuration files take the WMD's attribute values (usage, method,
/// writerRestore, componentType); the others follow the observed pattern
/// and are this project's assumption. Some values have aliases: further
/// spellings that are read as the value but never written for a model built
/// in code (a document read with an alias keeps it when written back, see
/// Extras::spellings()). A spelling we do not know is never an error: the
/// parser keeps it verbatim in the element's `Extras` and warns.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "vssmeta/export.h"

namespace vssmeta {

/// VSS_USAGE_TYPE. XML: IDENTIFICATION/@usage.
enum class UsageType {
  kUndefined,            ///< UNDEFINED (VSS_UT_UNDEFINED, a writer error)
  kBootableSystemState,  ///< BOOTABLE_SYSTEM_STATE (observed, SDK)
  kSystemService,        ///< SYSTEM_SERVICE (observed, SDK)
  kUserData,             ///< USER_DATA (observed, SDK)
  kOther,                ///< OTHER (SDK)
};

/// VSS_SOURCE_TYPE. XML: IDENTIFICATION/@dataSource.
enum class SourceType {
  kUndefined,        ///< UNDEFINED
  kTransactedDb,     ///< TRANSACTION_DB (observed)
  kNonTransactedDb,  ///< NONTRANSACTION_DB
  kOther,            ///< OTHER (observed)
};

/// VSS_RESTOREMETHOD_ENUM. XML: RESTORE_METHOD/@method.
enum class RestoreMethodType {
  kUndefined,  ///< UNDEFINED
  /// RESTORE_IF_NONE_THERE (SDK); alias RESTORE_IF_NOT_THERE
  kRestoreIfNotThere,
  kRestoreIfCanReplace,  ///< RESTORE_IF_CAN_BE_REPLACED (observed, SDK)
  /// STOP_RESTART_SERVICE (SDK); alias STOP_RESTORE_START
  kStopRestoreStart,
  kRestoreToAlternateLocation,  ///< RESTORE_TO_ALTERNATE_LOCATION (SDK)
  kRestoreAtReboot,             ///< REPLACE_AT_REBOOT (observed, SDK)
  /// REPLACE_AT_REBOOT_IF_CANNOT_REPLACE (observed, SDK)
  kRestoreAtRebootIfCannotReplace,
  kCustom,  ///< CUSTOM (SDK)
  /// RESTORE_STOP_START (not in the SDK tables, which predate
  /// VSS_RME_RESTORE_STOP_START: this project's assumption)
  kRestoreStopStart,
};

/// VSS_WRITERRESTORE_ENUM. XML: RESTORE_METHOD/@writerRestore.
enum class WriterRestore {
  kUndefined,       ///< undefined
  kNever,           ///< never (observed, SDK)
  kIfReplaceFails,  ///< ifReplaceFails (SDK)
  kAlways,          ///< always (observed, SDK)
};

/// VSS_COMPONENT_TYPE. WMD: the element name (FILE_GROUP / DATABASE);
/// BCD: COMPONENT/@componentType.
enum class ComponentType {
  kUndefined,  ///< undefined
  kDatabase,   ///< database (SDK)
  kFileGroup,  ///< filegroup (observed, SDK)
};

/// VSS_BACKUP_TYPE. XML: BACKUP_COMPONENTS/@backupType.
enum class BackupType {
  kUndefined,     ///< undefined
  kFull,          ///< full (observed)
  kIncremental,   ///< incremental
  kDifferential,  ///< differential
  kLog,           ///< log
  kCopy,          ///< copy
  kOther,         ///< other
};

/// VSS_RESTORE_TYPE. XML: BACKUP_COMPONENTS/@restoreType.
enum class RestoreType {
  kUndefined,  ///< undefined
  kByCopy,     ///< byCopy
  kImport,     ///< import
  kOther,      ///< other
};

/// VSS_RESTORE_TARGET. XML: COMPONENT/@restoreTarget.
enum class RestoreTarget {
  kUndefined,         ///< undefined
  kOriginal,          ///< original
  kAlternate,         ///< alternate
  kDirected,          ///< directed
  kOriginalLocation,  ///< originalLocation
};

/// VSS_FILE_RESTORE_STATUS. XML: COMPONENT/@fileRestoreStatus.
enum class FileRestoreStatus {
  kUndefined,  ///< undefined
  kNone,       ///< none
  kAll,        ///< all
  kFailed,     ///< failed
};

/// VSS_ROLLFORWARD_TYPE. XML: COMPONENT/@rollForwardType.
enum class RollForwardType {
  kUndefined,  ///< undefined
  kNone,       ///< none
  kAll,        ///< all
  kPartial,    ///< partial
};

/// One row of an enumeration's spelling table.
template <typename E>
struct EnumSpelling {
  E value;
  std::string_view xml;       ///< as written in the XML
  std::string_view vss_name;  ///< the C name, e.g. VSS_UT_USERDATA
  /// Read as `value`, never written for it: the canonical spelling is the
  /// value's first row, which is not an alias.
  bool alias = false;
};

// The tables, one per enumeration, in value order; an alias row follows the
// canonical row of its value.
VSSMETA_EXPORT std::span<const EnumSpelling<UsageType>> spellings(UsageType);
VSSMETA_EXPORT std::span<const EnumSpelling<SourceType>> spellings(SourceType);
VSSMETA_EXPORT std::span<const EnumSpelling<RestoreMethodType>> spellings(
    RestoreMethodType);
VSSMETA_EXPORT std::span<const EnumSpelling<WriterRestore>> spellings(
    WriterRestore);
VSSMETA_EXPORT std::span<const EnumSpelling<ComponentType>> spellings(
    ComponentType);
VSSMETA_EXPORT std::span<const EnumSpelling<BackupType>> spellings(BackupType);
VSSMETA_EXPORT std::span<const EnumSpelling<RestoreType>> spellings(
    RestoreType);
VSSMETA_EXPORT std::span<const EnumSpelling<RestoreTarget>> spellings(
    RestoreTarget);
VSSMETA_EXPORT std::span<const EnumSpelling<FileRestoreStatus>> spellings(
    FileRestoreStatus);
VSSMETA_EXPORT std::span<const EnumSpelling<RollForwardType>> spellings(
    RollForwardType);

/// The XML spelling of a value (the canonical one, never an alias).
template <typename E>
std::string_view to_xml(E value) {
  for (const auto& row : spellings(E{})) {
    if (row.value == value) return row.xml;
  }
  return {};
}

/// The C name of a value (VSS_RME_CUSTOM, ...).
template <typename E>
std::string_view vss_name(E value) {
  for (const auto& row : spellings(E{})) {
    if (row.value == value) return row.vss_name;
  }
  return {};
}

/// The value spelled `xml` (exact, case-sensitive, as Windows writes it),
/// canonical spelling or alias; nullopt if the spelling is unknown.
template <typename E>
std::optional<E> from_xml(std::string_view xml) {
  for (const auto& row : spellings(E{})) {
    if (row.xml == xml) return row.value;
  }
  return std::nullopt;
}

/// Whether `xml` is an alias spelling of some value of E (read, but not
/// what to_xml() writes).
template <typename E>
bool is_alias(std::string_view xml) {
  for (const auto& row : spellings(E{})) {
    if (row.xml == xml) return row.alias;
  }
  return false;
}

/// A named bit of a bitmask field.
struct BitName {
  std::uint32_t bit;
  std::string_view vss_name;
};

/// VSS_BACKUP_SCHEMA bits (vss.h), the writer capabilities of
/// WRITER_METADATA/@backupSchema and WRITER_COMPONENTS/@backupSchema; 0 is
/// VSS_BS_UNDEFINED (full backups of whole files only). 0x0800 has no name.
enum class BackupSchema : std::uint32_t {
  kDifferential = 0x0001,                      ///< VSS_BS_DIFFERENTIAL
  kIncremental = 0x0002,                       ///< VSS_BS_INCREMENTAL
  kExclusiveIncrementalDifferential = 0x0004,  ///< ..._INCREMENTAL_DIFFERENTIAL
  kLog = 0x0008,                               ///< VSS_BS_LOG
  kCopy = 0x0010,                              ///< VSS_BS_COPY
  kTimestamped = 0x0020,                       ///< VSS_BS_TIMESTAMPED
  kLastModify = 0x0040,                        ///< VSS_BS_LAST_MODIFY
  kLsn = 0x0080,                               ///< VSS_BS_LSN (system use)
  kWriterSupportsNewTarget = 0x0100,           ///< ..._SUPPORTS_NEW_TARGET
  kWriterSupportsRestoreWithMove = 0x0200,     ///< ..._RESTORE_WITH_MOVE
  kIndependentSystemState = 0x0400,  ///< VSS_BS_INDEPENDENT_SYSTEM_STATE
  kRollForwardRestore = 0x1000,      ///< VSS_BS_ROLLFORWARD_RESTORE
  kRestoreRename = 0x2000,           ///< VSS_BS_RESTORE_RENAME
  kAuthoritativeRestore = 0x4000,    ///< VSS_BS_AUTHORITATIVE_RESTORE
  kWriterSupportsParallelRestores = 0x8000,  ///< ..._PARALLEL_RESTORES
};

/// The mask value of a bit, to combine or test with `&`.
constexpr std::uint32_t schema_bit(BackupSchema b) {
  return static_cast<std::uint32_t>(b);
}
/// Whether `schema` has every bit of `b`.
constexpr bool has_schema_bit(std::uint32_t schema, BackupSchema b) {
  return (schema & schema_bit(b)) == schema_bit(b);
}
/// Every named VSS_BACKUP_SCHEMA bit (0x0800 and bits past 0x8000 are not).
inline constexpr std::uint32_t kBackupSchemaDefined = 0xF7FF;

/// The C name of a bit: "VSS_BS_TIMESTAMPED".
VSSMETA_EXPORT std::string_view vss_name(BackupSchema b);

/// VSS_COMPONENT_FLAGS (COMPONENT/@componentFlags).
VSSMETA_EXPORT std::span<const BitName> component_flag_bits();
/// VSS_BACKUP_SCHEMA (@backupSchema): every BackupSchema bit and its name.
VSSMETA_EXPORT std::span<const BitName> backup_schema_bits();
/// VSS_FILE_SPEC_BACKUP_TYPE (@filespecBackupType).
VSSMETA_EXPORT std::span<const BitName> filespec_backup_type_bits();

inline constexpr std::uint32_t kComponentFlagBackupRecovery = 0x1;
inline constexpr std::uint32_t kComponentFlagAppRollbackRecovery = 0x2;
inline constexpr std::uint32_t kComponentFlagNotSystemState = 0x4;
/// The documented default of @filespecBackupType (all backup and snapshot
/// required bits).
inline constexpr std::uint32_t kDefaultFilespecBackupType = 0x0F0F;

}  // namespace vssmeta
