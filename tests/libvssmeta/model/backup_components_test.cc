// SPDX-License-Identifier: MIT
// The BCD model's helpers: component paths and is_restore_time().
#include "vssmeta/backup_components.h"

#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

// A BCD as diskshadow writes it after a backup: one writer, two components
// with backup stamps, nothing about restore.
BackupComponents backup_only_document() {
  BackupComponents bcd;
  bcd.xmlns = kBackupComponentsNamespace;
  bcd.version = "1.2";
  bcd.bootable_system_state_backup = true;
  bcd.select_components = true;
  bcd.backup_type = BackupType::kFull;
  bcd.partial_file_support = false;
  bcd.snapshot_set_id = *Guid::parse("{7a5c2b9e-1f0d-4a36-8e51-0c4f1b2a3d4e}");
  WriterComponents w;
  w.writer_id = *Guid::parse("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");
  w.instance_name = "SQLWriter";
  w.backup_schema = 0x371;
  BcdComponent master;
  master.logical_path = "SQL01";
  master.name = "master";
  master.type = ComponentType::kDatabase;
  master.backup_stamp = "0x1234";
  master.previous_backup_stamp = "0x1000";
  master.backup_options = "opt";
  master.backup_succeeded = true;
  master.backup_metadata = MetadataBlob{"AAAA", {}, {}};
  master.partial_files.push_back(
      PartialFile{"C:\\db", "master.mdf", "0:4096", std::nullopt, {}, {}});
  master.differenced_files.push_back(
      DifferencedFile{"C:\\db", "*.ldf", false, std::nullopt, "2020", {}, {}});
  master.prepare_for_backup_failure_message = "nothing";
  master.post_snapshot_failure_message = "nothing";
  w.components.push_back(master);
  BcdComponent model;
  model.logical_path = "SQL01";
  model.name = "model";
  w.components.push_back(model);
  bcd.writers.push_back(w);
  return bcd;
}

TEST(BackupComponents, BackupOnlyDocumentIsNotRestoreTime) {
  EXPECT_FALSE(backup_only_document().is_restore_time());
}

TEST(BackupComponents, EmptyDocumentIsNotRestoreTime) {
  EXPECT_FALSE(BackupComponents{}.is_restore_time());
  BackupComponents bcd;
  bcd.writers.emplace_back();  // a writer without components
  EXPECT_FALSE(bcd.is_restore_time());
}

TEST(BackupComponents, RestoreTypeMakesRestoreTime) {
  BackupComponents bcd = backup_only_document();
  bcd.restore_type = RestoreType::kByCopy;
  EXPECT_TRUE(bcd.is_restore_time());
  // Even with no writer at all.
  BackupComponents bare;
  bare.restore_type = RestoreType::kUndefined;
  EXPECT_TRUE(bare.is_restore_time());
}

struct RestoreField {
  const char* name;
  std::function<void(BcdComponent&)> set;
};

TEST(BackupComponents, AnyRestoreTimeFieldMakesRestoreTime) {
  const std::vector<RestoreField> fields = {
      {"selected_for_restore=true",
       [](BcdComponent& c) { c.selected_for_restore = true; }},
      {"selected_for_restore=false",
       [](BcdComponent& c) { c.selected_for_restore = false; }},
      {"restore_target",
       [](BcdComponent& c) { c.restore_target = RestoreTarget::kOriginal; }},
      {"file_restore_status",
       [](BcdComponent& c) {
         c.file_restore_status = FileRestoreStatus::kAll;
       }},
      {"additional_restores",
       [](BcdComponent& c) { c.additional_restores = false; }},
      {"restore_options", [](BcdComponent& c) { c.restore_options = ""; }},
      {"restore_metadata",
       [](BcdComponent& c) { c.restore_metadata = MetadataBlob{}; }},
      {"new_targets",
       [](BcdComponent& c) {
         FileDescriptor f;
         f.kind = FileDescriptorKind::kNewTarget;
         c.new_targets.push_back(f);
       }},
      {"directed_targets",
       [](BcdComponent& c) { c.directed_targets.emplace_back(); }},
      {"restore_subcomponents",
       [](BcdComponent& c) { c.restore_subcomponents.emplace_back(); }},
      {"alternate_location_mappings",
       [](BcdComponent& c) {
         FileDescriptor f;
         f.kind = FileDescriptorKind::kAlternateLocationMapping;
         c.alternate_location_mappings.push_back(f);
       }},
      {"pre_restore_failure_message",
       [](BcdComponent& c) { c.pre_restore_failure_message = "x"; }},
      {"post_restore_failure_message",
       [](BcdComponent& c) { c.post_restore_failure_message = "x"; }},
  };
  for (const RestoreField& field : fields) {
    SCOPED_TRACE(field.name);
    BackupComponents bcd = backup_only_document();
    // On the last component of the only writer, so the loop must go on.
    field.set(bcd.writers[0].components.back());
    EXPECT_TRUE(bcd.is_restore_time());
  }
}

// Regression: restoreName, authoritativeRestore, rollForwardType and
// rollForwardPoint were ignored. The requester sets them only when preparing
// a restore (SetRestoreName, SetAuthoritativeRestore and SetRollForward, "all
// before PreRestore": ../shared/docs/vss-domain.md section 2.3), so a BCD
// carrying any of them is a restore-time document.
TEST(BackupComponents, RestorePhaseRequesterFieldsMakeRestoreTime) {
  const std::vector<RestoreField> fields = {
      {"restore_name", [](BcdComponent& c) { c.restore_name = "master_old"; }},
      {"authoritative_restore",
       [](BcdComponent& c) { c.authoritative_restore = true; }},
      {"roll_forward_type",
       [](BcdComponent& c) { c.roll_forward_type = RollForwardType::kAll; }},
      {"roll_forward_point",
       [](BcdComponent& c) { c.roll_forward_point = "2020-01-01T00:00:00"; }},
  };
  for (const RestoreField& field : fields) {
    SCOPED_TRACE(field.name);
    BackupComponents bcd = backup_only_document();
    field.set(bcd.writers[0].components.back());
    EXPECT_TRUE(bcd.is_restore_time());
  }
}

TEST(BackupComponents, RestoreFieldInSecondWriterCounts) {
  BackupComponents bcd = backup_only_document();
  WriterComponents second;
  second.writer_id = *Guid::parse("e8132975-6f93-4464-a53e-1050253ae220");
  BcdComponent c;
  c.name = "System Files";
  c.restore_target = RestoreTarget::kAlternate;
  second.components.push_back(c);
  bcd.writers.push_back(second);
  EXPECT_TRUE(bcd.is_restore_time());
}

TEST(BcdComponent, FullPath) {
  BcdComponent c;
  c.name = "master";
  EXPECT_EQ(c.full_path(), "master");
  c.logical_path = "";
  EXPECT_EQ(c.full_path(), "master");
  c.logical_path = "SQL01";
  EXPECT_EQ(c.full_path(), "SQL01\\master");
  c.logical_path = "SQL01\\";
  EXPECT_EQ(c.full_path(), "SQL01\\master");
}

TEST(BackupComponents, NamespaceConstant) {
  EXPECT_STREQ(kBackupComponentsNamespace, "x-schema:#VssComponentMetadata");
}

TEST(BackupComponents, EqualityIgnoresSourceAndOrigin) {
  BackupComponents a = backup_only_document();
  BackupComponents b = backup_only_document();
  b.source.name = "other.xml";
  b.source.byte_order_mark = true;
  b.where = Origin{3, 4};
  b.writers[0].components[0].where = Origin{9, 9};
  b.writers[0].components[0].partial_files[0].where = Origin{10, 1};
  EXPECT_EQ(a, b);
  b.writers[0].components[0].backup_stamp = "0x9999";
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace vssmeta
