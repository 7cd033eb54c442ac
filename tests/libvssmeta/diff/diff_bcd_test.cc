// SPDX-License-Identifier: MIT
// diff_backup_components(): the BCD walk on in-memory models: writer
// matching, metadata blobs, restore lists, labels.
#include <gtest/gtest.h>

#include "diff/diff_engine.h"

namespace vssmeta::internal {
namespace {

std::vector<Change> run(const BackupComponents& a, const BackupComponents& b) {
  std::vector<Change> out;
  diff_backup_components(out, a, b, [](const WriterComponents& w) {
    return "L" + w.writer_id.to_string().substr(0, 4);
  });
  return out;
}

BackupComponents one_writer() {
  BackupComponents bcd;
  WriterComponents& w = bcd.writers.emplace_back();
  w.writer_id = *Guid::parse("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");
  w.instance_name = "SQL:Writer";
  BcdComponent& c = w.components.emplace_back();
  c.logical_path = "HOST";
  c.name = "Payroll";
  return bcd;
}

TEST(DiffBcd, WritersMatchByClassAndInstanceNameIgnoringCase) {
  BackupComponents a = one_writer();
  BackupComponents b = one_writer();
  b.writers[0].instance_name = "sql:writer";
  b.writers[0].writer_id =
      *Guid::parse("{A65FAA63-5EA8-4EBC-9DBD-A0C4DB26912A}");
  auto out = run(a, b);
  ASSERT_EQ(out.size(), 1U);  // the spelling of the instance name
  EXPECT_EQ(out[0].field, "instanceName");
  b.writers[0].instance_name = "Other";
  out = run(a, b);
  ASSERT_EQ(out.size(), 4U);  // each writer, with its component
  EXPECT_EQ(out[0].field, "WRITER_COMPONENTS");
  EXPECT_EQ(out[0].writer, "La65f");
}

// A writer in one BCD only: its line, then each component by name with the
// stamps a backup chain rests on (added and removed alike).
TEST(DiffBcd, WriterOnOneSideListsItsComponentsWithStamps) {
  BackupComponents a;
  BackupComponents b = one_writer();
  BcdComponent& c = b.writers[0].components[0];
  c.type = ComponentType::kDatabase;
  c.backup_stamp = "S2";
  c.previous_backup_stamp = "S1";
  BcdComponent& d = b.writers[0].components.emplace_back();
  d.name = "Ledger";
  auto out = run(a, b);
  ASSERT_EQ(out.size(), 3U);
  EXPECT_EQ(out[0].field, "WRITER_COMPONENTS");
  EXPECT_EQ(out[0].after,
            "{a65faa63-5ea8-4ebc-9dbd-a0c4db26912a} \"SQL:Writer\", 2 "
            "components");
  EXPECT_EQ(out[1].kind, ChangeKind::kAdded);
  EXPECT_EQ(out[1].field, "COMPONENT");
  EXPECT_EQ(out[1].component, "HOST\\Payroll");
  EXPECT_EQ(out[1].writer, "La65f");
  EXPECT_EQ(out[1].after,
            "database backupStamp=\"S2\" previousBackupStamp=\"S1\"");
  EXPECT_EQ(out[2].component, "Ledger");
  EXPECT_EQ(out[2].after, "component");
  out = run(b, a);
  ASSERT_EQ(out.size(), 3U);
  EXPECT_EQ(out[1].kind, ChangeKind::kRemoved);
  EXPECT_EQ(out[1].before,
            "database backupStamp=\"S2\" previousBackupStamp=\"S1\"");
  EXPECT_FALSE(out[1].after);
}

TEST(DiffBcd, BlobsAndListsOfAComponent) {
  BackupComponents a = one_writer();
  BackupComponents b = one_writer();
  BcdComponent& c = b.writers[0].components[0];
  c.backup_metadata = MetadataBlob{"AAAA", {}, {}};
  PartialFile p;
  p.path = "D:\\";
  p.filename = "x.mdf";
  p.ranges = "0:1";
  c.partial_files.push_back(p);
  RestoreSubcomponent r;
  r.component_name = "Sub";
  r.repair = true;
  c.restore_subcomponents.push_back(r);
  const auto out = run(a, b);
  ASSERT_EQ(out.size(), 3U);
  EXPECT_EQ(out[0].field, "BACKUP_METADATA");
  EXPECT_EQ(out[0].after, "metadata=\"AAAA\"");
  EXPECT_EQ(out[1].field, "PARTIAL_FILE");
  EXPECT_EQ(out[1].after, "path=\"D:\\\" filename=\"x.mdf\" ranges=\"0:1\"");
  EXPECT_EQ(out[2].field, "RESTORE_SUBCOMPONENT");
  EXPECT_EQ(out[2].component, "HOST\\Payroll");
}

TEST(DiffBcd, RootSettingsAndSelection) {
  BackupComponents a = one_writer();
  BackupComponents b = one_writer();
  b.backup_type = BackupType::kLog;
  b.writers[0].components[0].name = "Inventory";
  const auto out = run(a, b);
  ASSERT_EQ(out.size(), 3U);
  EXPECT_EQ(out[0].field, "backupType");
  EXPECT_EQ(out[0].writer, "");
  EXPECT_EQ(out[1].kind, ChangeKind::kRemoved);
  EXPECT_EQ(out[1].component, "HOST\\Payroll");
  EXPECT_EQ(out[2].kind, ChangeKind::kAdded);
}

}  // namespace
}  // namespace vssmeta::internal
