// SPDX-License-Identifier: MIT
// The enumeration tables: every value round-trips through its XML spelling,
// spellings are exact and case-sensitive, and the bit tables hold the
// documented bits.
#include "vssmeta/enums.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

// Checks that the table of E lists `count` values 0..count-1 in value order,
// each with a distinct, non-empty XML spelling and C name, and that every
// value round-trips through to_xml/from_xml.
template <typename E>
void expect_round_trips(std::size_t count) {
  // The canonical rows, in value order; an alias row follows its value's.
  std::vector<EnumSpelling<E>> table;
  std::set<std::string_view> all_xml;
  for (const auto& row : spellings(E{})) {
    EXPECT_TRUE(all_xml.insert(row.xml).second) << row.xml << " twice";
    if (row.alias) {
      ASSERT_FALSE(table.empty()) << row.xml;
      EXPECT_EQ(row.value, table.back().value) << row.xml;
      EXPECT_EQ(from_xml<E>(row.xml), row.value) << row.xml;
      EXPECT_NE(to_xml(row.value), row.xml) << row.xml;
      continue;
    }
    table.push_back(row);
  }
  ASSERT_EQ(table.size(), count);
  std::set<std::string_view> xml_names;
  std::set<std::string_view> vss_names;
  for (std::size_t i = 0; i < count; ++i) {
    const E value = static_cast<E>(i);
    SCOPED_TRACE(std::string(to_xml(value)));
    EXPECT_FALSE(is_alias<E>(to_xml(value)));
    EXPECT_EQ(table[i].value, value);
    EXPECT_FALSE(to_xml(value).empty());
    EXPECT_FALSE(vss_name(value).empty());
    EXPECT_EQ(to_xml(value), table[i].xml);
    EXPECT_EQ(vss_name(value), table[i].vss_name);
    std::optional<E> back = from_xml<E>(to_xml(value));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, value);
    xml_names.insert(to_xml(value));
    vss_names.insert(vss_name(value));
  }
  EXPECT_EQ(xml_names.size(), count);
  EXPECT_EQ(vss_names.size(), count);
}

TEST(Enums, UsageTypeRoundTrips) { expect_round_trips<UsageType>(5); }
TEST(Enums, SourceTypeRoundTrips) { expect_round_trips<SourceType>(4); }
TEST(Enums, RestoreMethodTypeRoundTrips) {
  expect_round_trips<RestoreMethodType>(9);
}
TEST(Enums, WriterRestoreRoundTrips) { expect_round_trips<WriterRestore>(4); }
TEST(Enums, ComponentTypeRoundTrips) { expect_round_trips<ComponentType>(3); }
TEST(Enums, BackupTypeRoundTrips) { expect_round_trips<BackupType>(7); }
TEST(Enums, RestoreTypeRoundTrips) { expect_round_trips<RestoreType>(4); }
TEST(Enums, RestoreTargetRoundTrips) { expect_round_trips<RestoreTarget>(5); }
TEST(Enums, FileRestoreStatusRoundTrips) {
  expect_round_trips<FileRestoreStatus>(4);
}
TEST(Enums, RollForwardTypeRoundTrips) {
  expect_round_trips<RollForwardType>(4);
}

TEST(Enums, ObservedXmlSpellings) {
  EXPECT_EQ(to_xml(UsageType::kBootableSystemState), "BOOTABLE_SYSTEM_STATE");
  EXPECT_EQ(to_xml(UsageType::kSystemService), "SYSTEM_SERVICE");
  EXPECT_EQ(to_xml(UsageType::kUserData), "USER_DATA");
  EXPECT_EQ(to_xml(SourceType::kTransactedDb), "TRANSACTION_DB");
  EXPECT_EQ(to_xml(SourceType::kOther), "OTHER");
  EXPECT_EQ(to_xml(RestoreMethodType::kRestoreIfCanReplace),
            "RESTORE_IF_CAN_BE_REPLACED");
  EXPECT_EQ(to_xml(RestoreMethodType::kRestoreAtReboot), "REPLACE_AT_REBOOT");
  EXPECT_EQ(to_xml(RestoreMethodType::kRestoreAtRebootIfCannotReplace),
            "REPLACE_AT_REBOOT_IF_CANNOT_REPLACE");
  EXPECT_EQ(to_xml(WriterRestore::kNever), "never");
  EXPECT_EQ(to_xml(WriterRestore::kAlways), "always");
  EXPECT_EQ(to_xml(WriterRestore::kIfReplaceFails), "ifReplaceFails");
  EXPECT_EQ(to_xml(ComponentType::kFileGroup), "filegroup");
  EXPECT_EQ(to_xml(BackupType::kFull), "full");
  EXPECT_EQ(to_xml(RestoreType::kByCopy), "byCopy");
  EXPECT_EQ(to_xml(RestoreTarget::kOriginalLocation), "originalLocation");
}

// The VSS 7.2 SDK test writer's spellings are canonical; this project's
// earlier guesses from the C names still load as aliases.
TEST(Enums, RestoreMethodSdkSpellingsAndAliases) {
  EXPECT_EQ(to_xml(RestoreMethodType::kRestoreIfNotThere),
            "RESTORE_IF_NONE_THERE");
  EXPECT_EQ(to_xml(RestoreMethodType::kStopRestoreStart),
            "STOP_RESTART_SERVICE");
  EXPECT_EQ(from_xml<RestoreMethodType>("RESTORE_IF_NOT_THERE"),
            RestoreMethodType::kRestoreIfNotThere);
  EXPECT_EQ(from_xml<RestoreMethodType>("STOP_RESTORE_START"),
            RestoreMethodType::kStopRestoreStart);
  EXPECT_TRUE(is_alias<RestoreMethodType>("STOP_RESTORE_START"));
  EXPECT_TRUE(is_alias<RestoreMethodType>("RESTORE_IF_NOT_THERE"));
  EXPECT_FALSE(is_alias<RestoreMethodType>("STOP_RESTART_SERVICE"));
  EXPECT_FALSE(is_alias<RestoreMethodType>("NOT_A_SPELLING"));
  // The C names stay those of vswriter.h.
  EXPECT_EQ(vss_name(RestoreMethodType::kStopRestoreStart),
            "VSS_RME_STOP_RESTORE_START");
}

TEST(Enums, VssNames) {
  EXPECT_EQ(vss_name(UsageType::kUserData), "VSS_UT_USERDATA");
  EXPECT_EQ(vss_name(UsageType::kBootableSystemState),
            "VSS_UT_BOOTABLESYSTEMSTATE");
  EXPECT_EQ(vss_name(SourceType::kTransactedDb), "VSS_ST_TRANSACTEDDB");
  EXPECT_EQ(vss_name(RestoreMethodType::kCustom), "VSS_RME_CUSTOM");
  EXPECT_EQ(vss_name(RestoreMethodType::kRestoreIfCanReplace),
            "VSS_RME_RESTORE_IF_CAN_REPLACE");
  EXPECT_EQ(vss_name(RestoreMethodType::kRestoreAtReboot),
            "VSS_RME_RESTORE_AT_REBOOT");
  EXPECT_EQ(vss_name(WriterRestore::kIfReplaceFails),
            "VSS_WRE_IF_REPLACE_FAILS");
  EXPECT_EQ(vss_name(ComponentType::kDatabase), "VSS_CT_DATABASE");
  EXPECT_EQ(vss_name(BackupType::kCopy), "VSS_BT_COPY");
  EXPECT_EQ(vss_name(RestoreType::kByCopy), "VSS_RTYPE_BY_COPY");
  EXPECT_EQ(vss_name(RestoreTarget::kOriginalLocation),
            "VSS_RT_ORIGINAL_LOCATION");
  EXPECT_EQ(vss_name(FileRestoreStatus::kFailed), "VSS_RS_FAILED");
  EXPECT_EQ(vss_name(RollForwardType::kPartial), "VSS_RF_PARTIAL");
}

TEST(Enums, UnknownSpellingIsNullopt) {
  EXPECT_FALSE(from_xml<UsageType>("SOMETHING_ELSE").has_value());
  EXPECT_FALSE(from_xml<UsageType>("").has_value());
  EXPECT_FALSE(from_xml<BackupType>("weekly").has_value());
  EXPECT_FALSE(
      from_xml<RestoreMethodType>("RESTORE_IF_CAN_REPLACE").has_value());
  // The C name is not an XML spelling.
  EXPECT_FALSE(from_xml<UsageType>("VSS_UT_USERDATA").has_value());
}

TEST(Enums, FromXmlIsCaseSensitive) {
  EXPECT_FALSE(from_xml<BackupType>("Full").has_value());
  EXPECT_FALSE(from_xml<BackupType>("FULL").has_value());
  EXPECT_EQ(from_xml<BackupType>("full"), BackupType::kFull);
  EXPECT_FALSE(from_xml<UsageType>("user_data").has_value());
  EXPECT_FALSE(from_xml<WriterRestore>("Always").has_value());
  EXPECT_FALSE(from_xml<ComponentType>("FileGroup").has_value());
  EXPECT_FALSE(from_xml<RestoreType>("bycopy").has_value());
}

TEST(Enums, FromXmlDoesNotTrim) {
  EXPECT_FALSE(from_xml<BackupType>(" full").has_value());
  EXPECT_FALSE(from_xml<BackupType>("full ").has_value());
}

TEST(Enums, SameSpellingInDifferentEnums) {
  // "OTHER" and "none" are spelled the same in several enumerations; each
  // lookup uses its own table.
  EXPECT_EQ(from_xml<UsageType>("OTHER"), UsageType::kOther);
  EXPECT_EQ(from_xml<SourceType>("OTHER"), SourceType::kOther);
  EXPECT_FALSE(from_xml<BackupType>("OTHER").has_value());
  EXPECT_EQ(from_xml<FileRestoreStatus>("none"), FileRestoreStatus::kNone);
  EXPECT_EQ(from_xml<RollForwardType>("none"), RollForwardType::kNone);
}

TEST(Enums, OutOfRangeValueHasNoSpelling) {
  const auto bogus = static_cast<BackupType>(99);
  EXPECT_EQ(to_xml(bogus), "");
  EXPECT_EQ(vss_name(bogus), "");
}

// The value of the bit named `name` in `bits`, or 0 if absent.
std::uint32_t bit_named(std::span<const BitName> bits, std::string_view name) {
  for (const BitName& b : bits) {
    if (b.vss_name == name) return b.bit;
  }
  return 0;
}

// The names of the bits of `bits` set in `mask`, joined with '|'.
std::string names_of(std::span<const BitName> bits, std::uint32_t mask) {
  std::string out;
  for (const BitName& b : bits) {
    if ((mask & b.bit) == 0) continue;
    if (!out.empty()) out += '|';
    out += b.vss_name;
  }
  return out;
}

void expect_single_distinct_bits(std::span<const BitName> bits) {
  std::uint32_t seen = 0;
  for (const BitName& b : bits) {
    SCOPED_TRACE(std::string(b.vss_name));
    EXPECT_NE(b.bit, 0U);
    EXPECT_EQ(b.bit & (b.bit - 1), 0U) << "not a single bit";
    EXPECT_EQ(seen & b.bit, 0U) << "listed twice";
    seen |= b.bit;
  }
}

TEST(Enums, ComponentFlagBits) {
  auto bits = component_flag_bits();
  ASSERT_EQ(bits.size(), 3U);
  expect_single_distinct_bits(bits);
  EXPECT_EQ(bit_named(bits, "VSS_CF_BACKUP_RECOVERY"),
            kComponentFlagBackupRecovery);
  EXPECT_EQ(bit_named(bits, "VSS_CF_APP_ROLLBACK_RECOVERY"),
            kComponentFlagAppRollbackRecovery);
  EXPECT_EQ(bit_named(bits, "VSS_CF_NOT_SYSTEM_STATE"),
            kComponentFlagNotSystemState);
  EXPECT_EQ(kComponentFlagBackupRecovery, 0x1U);
  EXPECT_EQ(kComponentFlagAppRollbackRecovery, 0x2U);
  EXPECT_EQ(kComponentFlagNotSystemState, 0x4U);
}

TEST(Enums, BackupSchemaBits) {
  auto bits = backup_schema_bits();
  ASSERT_EQ(bits.size(), 15U);
  expect_single_distinct_bits(bits);
  EXPECT_EQ(bit_named(bits, "VSS_BS_DIFFERENTIAL"), 0x0001U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_INCREMENTAL"), 0x0002U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL"),
            0x0004U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_LOG"), 0x0008U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_COPY"), 0x0010U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_TIMESTAMPED"), 0x0020U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_LAST_MODIFY"), 0x0040U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_LSN"), 0x0080U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_WRITER_SUPPORTS_NEW_TARGET"), 0x0100U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE"),
            0x0200U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_INDEPENDENT_SYSTEM_STATE"), 0x0400U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_ROLLFORWARD_RESTORE"), 0x1000U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_RESTORE_RENAME"), 0x2000U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_AUTHORITATIVE_RESTORE"), 0x4000U);
  EXPECT_EQ(bit_named(bits, "VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES"),
            0x8000U);
}

TEST(Enums, BackupSchemaMaskDecodes) {
  EXPECT_EQ(names_of(backup_schema_bits(), 0x371),
            "VSS_BS_DIFFERENTIAL|VSS_BS_COPY|VSS_BS_TIMESTAMPED|"
            "VSS_BS_LAST_MODIFY|VSS_BS_WRITER_SUPPORTS_NEW_TARGET|"
            "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE");
  // 0x0800 is not a documented bit.
  EXPECT_EQ(names_of(backup_schema_bits(), 0x0800), "");
}

TEST(Enums, FilespecBackupTypeBits) {
  auto bits = filespec_backup_type_bits();
  ASSERT_EQ(bits.size(), 9U);
  expect_single_distinct_bits(bits);
  EXPECT_EQ(bit_named(bits, "VSS_FSBT_FULL_BACKUP_REQUIRED"), 0x00001U);
  EXPECT_EQ(bit_named(bits, "VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED"), 0x00002U);
  EXPECT_EQ(bit_named(bits, "VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED"), 0x00004U);
  EXPECT_EQ(bit_named(bits, "VSS_FSBT_LOG_BACKUP_REQUIRED"), 0x00008U);
  EXPECT_EQ(bit_named(bits, "VSS_FSBT_FULL_SNAPSHOT_REQUIRED"), 0x00100U);
  EXPECT_EQ(bit_named(bits, "VSS_FSBT_DIFFERENTIAL_SNAPSHOT_REQUIRED"),
            0x00200U);
  EXPECT_EQ(bit_named(bits, "VSS_FSBT_INCREMENTAL_SNAPSHOT_REQUIRED"),
            0x00400U);
  EXPECT_EQ(bit_named(bits, "VSS_FSBT_LOG_SNAPSHOT_REQUIRED"), 0x00800U);
  EXPECT_EQ(bit_named(bits, "VSS_FSBT_CREATED_DURING_BACKUP"), 0x10000U);
}

TEST(Enums, DefaultFilespecBackupTypeIsAllRequiredBits) {
  EXPECT_EQ(kDefaultFilespecBackupType, 0x0F0FU);
  EXPECT_EQ(names_of(filespec_backup_type_bits(), kDefaultFilespecBackupType),
            "VSS_FSBT_FULL_BACKUP_REQUIRED|"
            "VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED|"
            "VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED|"
            "VSS_FSBT_LOG_BACKUP_REQUIRED|"
            "VSS_FSBT_FULL_SNAPSHOT_REQUIRED|"
            "VSS_FSBT_DIFFERENTIAL_SNAPSHOT_REQUIRED|"
            "VSS_FSBT_INCREMENTAL_SNAPSHOT_REQUIRED|"
            "VSS_FSBT_LOG_SNAPSHOT_REQUIRED");
}

// The VSS_BACKUP_SCHEMA bits of vss.h (../shared/docs/vss-domain.md §1.7):
// the enum, its name table and the mask of defined bits agree.
TEST(Enums, BackupSchemaBitsAndNames) {
  EXPECT_EQ(schema_bit(BackupSchema::kTimestamped), 0x0020U);
  EXPECT_EQ(schema_bit(BackupSchema::kWriterSupportsNewTarget), 0x0100U);
  EXPECT_EQ(schema_bit(BackupSchema::kWriterSupportsRestoreWithMove), 0x0200U);
  EXPECT_EQ(schema_bit(BackupSchema::kRollForwardRestore), 0x1000U);
  EXPECT_EQ(vss_name(BackupSchema::kTimestamped), "VSS_BS_TIMESTAMPED");
  EXPECT_EQ(vss_name(BackupSchema::kWriterSupportsParallelRestores),
            "VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES");
  std::uint32_t all = 0;
  for (const BitName& b : backup_schema_bits()) {
    EXPECT_EQ(vss_name(static_cast<BackupSchema>(b.bit)), b.vss_name);
    EXPECT_EQ(b.vss_name.substr(0, 7), "VSS_BS_");
    all |= b.bit;
  }
  EXPECT_EQ(backup_schema_bits().size(), 15U);
  EXPECT_EQ(all, kBackupSchemaDefined);
  EXPECT_EQ(all & 0x0800U, 0U);  // 0x0800 has no name
  EXPECT_TRUE(has_schema_bit(0x371, BackupSchema::kTimestamped));
  EXPECT_FALSE(has_schema_bit(0x351, BackupSchema::kTimestamped));
}

}  // namespace
}  // namespace vssmeta
