// SPDX-License-Identifier: MIT
#include "vssmeta/dump.h"

#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vssmeta {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kSystemWriterId = "e8132975-6f93-4464-a53e-1050253ae220";
constexpr const char* kAsrWriterId = "BE000CBE-11FE-4426-9C58-531AA6355FC4";
constexpr const char* kSqlWriterId = "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a";

Guid guid(const char* text) { return Guid::parse(text).value(); }

FileDescriptor file(std::string path, std::string filespec,
                    bool recursive = false) {
  FileDescriptor d;
  d.path = std::move(path);
  d.filespec = std::move(filespec);
  if (recursive) d.recursive = true;
  d.backup_type_mask = kDefaultFilespecBackupType;
  return d;
}

Component component(std::optional<std::string> logical_path, std::string name,
                    bool selectable) {
  Component c;
  c.logical_path = std::move(logical_path);
  c.name = std::move(name);
  c.selectable = selectable;
  return c;
}

// The ASR Writer's shape: undeclared `Volumes` and `Disks`, a caption with a
// literal CR LF, an empty component.
WriterMetadata asr_writer() {
  WriterMetadata w;
  w.source.name = "WM6.xml";
  w.identity.writer_id = guid(kAsrWriterId);
  w.identity.instance_id = guid("cd6a3e31-0ab2-4a1d-8d8c-2a4e4b5b0c2a");
  w.identity.friendly_name = "ASR Writer";
  w.identity.usage = UsageType::kBootableSystemState;
  w.identity.data_source = SourceType::kOther;
  w.identity.major_version = 1;
  w.identity.minor_version = 0;
  RestoreMethod r;
  r.method = RestoreMethodType::kRestoreIfCanReplace;
  r.writer_restore = WriterRestore::kAlways;
  r.reboot_required = true;
  w.restore_method = r;
  w.has_backup_locations = true;

  Component asr = component("ASR", "ASR", false);
  asr.caption = "ASR";
  Component volume = component("Volumes", "Volume{c7463aba}", false);
  volume.caption = "Volume\r\nC:";
  volume.selectable_for_restore = true;
  volume.component_flags = kComponentFlagNotSystemState;
  volume.files.push_back(file("\\\\?\\Volume{c7463aba}\\", "*", true));
  Component disk = component("Disks", "harddisk0", true);
  disk.notify_on_backup_complete = true;
  disk.restore_metadata = true;
  Dependency dep;
  dep.writer_id = guid(kSystemWriterId);
  dep.component_name = "System Files";
  disk.dependencies.push_back(dep);
  w.components = {asr, volume, disk};
  FileDescriptor exclude = file("%systemroot%\\Temp", "*.tmp", true);
  exclude.kind = FileDescriptorKind::kExclude;
  exclude.backup_type_mask.reset();
  w.exclude_files.push_back(exclude);
  return w;
}

WriterMetadata system_writer(std::size_t files) {
  WriterMetadata w;
  w.source.name = "WM3.xml";
  w.identity.writer_id = guid(kSystemWriterId);
  w.identity.friendly_name = "System Writer";
  w.has_backup_locations = true;
  Component c = component(std::nullopt, "System Files", false);
  for (std::size_t i = 0; i < files; ++i) {
    c.files.push_back(file("%systemroot%\\system32", "f" + std::to_string(i)));
  }
  w.components.push_back(c);
  return w;
}

WriterMetadata sql_writer(std::string instance) {
  WriterMetadata w;
  w.source.name = "WM-" + instance + ".xml";
  w.identity.writer_id = guid(kSqlWriterId);
  w.identity.instance_name = instance;
  w.identity.friendly_name = "SqlServerWriter";
  w.backup_schema = 0x371;
  w.has_backup_locations = true;
  Component db = component("WIN-X\\" + instance, "master", true);
  db.type = ComponentType::kDatabase;
  FileDescriptor data = file("C:\\Data", "master.mdf");
  data.kind = FileDescriptorKind::kDatabaseFiles;
  FileDescriptor log = file("C:\\Data", "mastlog.ldf");
  log.kind = FileDescriptorKind::kDatabaseLogFiles;
  db.files = {data, log};
  w.components.push_back(db);
  return w;
}

BackupComponents bcd() {
  BackupComponents b;
  b.source.name = "BCDocument.xml";
  b.backup_type = BackupType::kFull;
  b.select_components = true;
  b.bootable_system_state_backup = true;
  b.partial_file_support = false;
  b.snapshot_set_id = guid("4ad2b8c4-1234-4000-8000-000000000001");
  WriterComponents system;
  system.writer_id = guid(kSystemWriterId);
  system.backup_schema = 0;
  BcdComponent files;
  files.name = "System Files";
  files.type = ComponentType::kFileGroup;
  files.backup_stamp = "AAAA";
  system.components.push_back(files);
  WriterComponents sql;
  sql.writer_id = guid(kSqlWriterId);
  sql.instance_name = "SQL2017";
  BcdComponent master;
  master.logical_path = "WIN-X\\SQL2017";
  master.name = "master";
  master.type = ComponentType::kDatabase;
  master.backup_metadata = MetadataBlob{std::string(10936, 'A'), {}, {}};
  sql.components.push_back(master);
  WriterComponents unknown;
  unknown.writer_id = guid("11111111-2222-3333-4444-555555555555");
  BcdComponent x;
  x.name = "X";
  unknown.components.push_back(x);
  b.writers = {system, sql, unknown};
  return b;
}

std::string text(const CaptureSet& capture, const DumpOptions& options = {}) {
  std::ostringstream out;
  write_dump(capture, out, options);
  return out.str();
}

TEST(DumpText, EmptyCapturePrintsNothing) { EXPECT_EQ(text(CaptureSet{}), ""); }

TEST(DumpText, WriterWithHierarchy) {
  CaptureSet capture;
  capture.writers.push_back(asr_writer());
  EXPECT_EQ(text(capture),
            "Writer \"ASR Writer\"  {be000cbe-11fe-4426-9c58-531aa6355fc4}  "
            "(WM6.xml)\n"
            "  instance: {cd6a3e31-0ab2-4a1d-8d8c-2a4e4b5b0c2a}\n"
            "  usage: BOOTABLE_SYSTEM_STATE  data source: OTHER  version: 1.0\n"
            "  restore: method RESTORE_IF_CAN_BE_REPLACED, writer restore "
            "always, reboot required yes\n"
            "  exclude files: 1\n"
            "  components: 3 (1 selectable), files: 1\n"
            "    \\ASR                (undeclared)\n"
            "      ASR               [filegroup, not selectable]  \"ASR\"  "
            "no files\n"
            "    \\Disks              (undeclared)\n"
            "      harddisk0         [filegroup, selectable, notify on backup "
            "complete, restore metadata]  no files\n"
            "        - depends on {e8132975-6f93-4464-a53e-1050253ae220}:"
            "\\System Files\n"
            "    \\Volumes            (undeclared)\n"
            "      Volume{c7463aba}  [filegroup, not selectable, selectable "
            "for restore, flags 0x4 (NOT_SYSTEM_STATE)]  \"Volume\\r\\nC:\"  "
            "1 file\n");
}

TEST(DumpText, DatabaseWriterAndSchemaBits) {
  CaptureSet capture;
  capture.writers.push_back(sql_writer("SQL2017"));
  capture.writers.back().restore_method = RestoreMethod{};
  EXPECT_EQ(text(capture),
            "Writer \"SqlServerWriter\"  {a65faa63-5ea8-4ebc-9dbd-a0c4db26912a}"
            "  (WM-SQL2017.xml)\n"
            "  name: \"SQL2017\"\n"
            "  backup schema: 0x371 (DIFFERENTIAL|COPY|TIMESTAMPED|LAST_MODIFY|"
            "WRITER_SUPPORTS_NEW_TARGET|WRITER_SUPPORTS_RESTORE_WITH_MOVE)\n"
            "  restore: (RESTORE_METHOD without attributes)\n"
            "  components: 1 (1 selectable), files: 2\n"
            "    \\WIN-X      (undeclared)\n"
            "      SQL2017   (undeclared)\n"
            "        master  [database, selectable]  1 database file, "
            "1 database log\n");
}

TEST(DumpText, BackupComponentsWithWriterNames) {
  CaptureSet capture;
  capture.writers.push_back(system_writer(0));
  capture.writers.push_back(sql_writer("OTHER"));
  capture.writers.push_back(sql_writer("SQL2017"));
  capture.backup_components.push_back(bcd());
  capture.writers.clear();  // names come from the capture's WMDs ...
  const std::string without = text(capture);
  // ... or, without them, from Microsoft's table of its writers.
  EXPECT_THAT(without, HasSubstr("{e8132975-6f93-4464-a53e-1050253ae220} "
                                 "\"System Writer\" (no WMD in this "
                                 "capture)  backup schema: 0x0\n"));
  capture.writers.push_back(system_writer(0));
  capture.writers.push_back(sql_writer("OTHER"));
  capture.writers.push_back(sql_writer("SQL2017"));
  capture.writers[1].identity.friendly_name = "Wrong instance";
  const std::string all = text(capture);
  // ... and the BCD block follows every WMD.
  const std::string block = all.substr(all.find("Backup components"));
  EXPECT_EQ(block,
            "Backup components document (BCDocument.xml)\n"
            "  backup type: full  select components: yes  bootable system "
            "state: yes  partial file support: no\n"
            "  snapshot set: {4ad2b8c4-1234-4000-8000-000000000001}\n"
            "  writers: 3, components: 3\n"
            "  Writer {e8132975-6f93-4464-a53e-1050253ae220} \"System Writer\""
            "  backup schema: 0x0\n"
            "    \\System Files  [filegroup]\n"
            "      - backup stamp: \"AAAA\"\n"
            "  Writer {a65faa63-5ea8-4ebc-9dbd-a0c4db26912a} "
            "\"SqlServerWriter\"  name: \"SQL2017\"\n"
            "    \\WIN-X\\SQL2017\\master  [database]\n"
            "      - BACKUP_METADATA: 10,936 chars\n"
            "  Writer {11111111-2222-3333-4444-555555555555} (no WMD in this "
            "capture)\n"
            "    \\X\n");
}

// The entry's WMD is the one resolve_writer_entry() picks: instance names
// compare exactly, so "sql2017" names no instance and the first WMD of the
// class answers (dump used to fold the case here, validate did not).
TEST(DumpText, BackupEntryInstanceNamesCompareExactly) {
  CaptureSet capture;
  capture.writers.push_back(sql_writer("OTHER"));
  capture.writers.push_back(sql_writer("SQL2017"));
  capture.writers[0].identity.friendly_name = "First instance";
  capture.backup_components.push_back(bcd());
  EXPECT_THAT(text(capture), HasSubstr("\"SqlServerWriter\"  name: "
                                       "\"SQL2017\"\n"));
  capture.backup_components[0].writers[1].instance_name = "sql2017";
  EXPECT_THAT(text(capture), HasSubstr("\"First instance\"  name: "
                                       "\"sql2017\"\n"));
}

TEST(DumpText, RestoreTimeFieldsAreAllShown) {
  BackupComponents b;
  b.restore_type = RestoreType::kByCopy;
  WriterComponents w;
  w.writer_id = guid(kSystemWriterId);
  BcdComponent c;
  c.name = "C";
  c.caption = "Cap";
  c.previous_backup_stamp = "P";
  c.backup_options = "bo";
  c.restore_options = "ro";
  c.backup_succeeded = true;
  c.selected_for_restore = false;
  c.additional_restores = false;
  c.restore_target = RestoreTarget::kAlternate;
  c.file_restore_status = FileRestoreStatus::kFailed;
  c.restore_name = "rn";
  c.authoritative_restore = true;
  c.roll_forward_type = RollForwardType::kPartial;
  c.roll_forward_point = "lsn:9";
  c.post_restore_failure_message = "disk\nfull";
  c.restore_metadata = MetadataBlob{"xyz", {}, {}};
  c.partial_files.push_back(PartialFile{"C:\\d", "f.db", "0:10", "m", {}, {}});
  c.differenced_files.push_back(
      DifferencedFile{"C:\\d", "*.log", true, "42", std::nullopt, {}, {}});
  c.directed_targets.push_back(
      DirectedTarget{"C:\\s", "a", "0:1", "D:\\t", "b", "1:1", {}, {}});
  FileDescriptor target = file("C:\\d", "*", false);
  target.kind = FileDescriptorKind::kNewTarget;
  target.alternate_path = "E:\\new";
  target.backup_type_mask.reset();
  c.new_targets.push_back(target);
  c.restore_subcomponents.push_back(
      RestoreSubcomponent{"C", "sub", true, {}, {}});
  w.components.push_back(c);
  b.writers.push_back(w);
  CaptureSet capture;
  capture.backup_components.push_back(b);
  EXPECT_EQ(
      text(capture),
      "Backup components document\n"
      "  restore type: byCopy  (restore time)\n"
      "  writers: 1, components: 1\n"
      "  Writer {e8132975-6f93-4464-a53e-1050253ae220} \"System Writer\" "
      "(no WMD in this capture)\n"
      "    \\C  \"Cap\"\n"
      "      - previous backup stamp: \"P\"\n"
      "      - backup options: \"bo\"\n"
      "      - restore options: \"ro\"\n"
      "      - backup succeeded: yes\n"
      "      - selected for restore: no\n"
      "      - additional restores: no\n"
      "      - restore target: alternate\n"
      "      - file restore status: failed\n"
      "      - restore name: \"rn\"\n"
      "      - authoritative restore: yes\n"
      "      - roll forward type: partial\n"
      "      - roll forward point: \"lsn:9\"\n"
      "      - post restore failure: \"disk\\nfull\"\n"
      "      - RESTORE_METADATA: 3 chars\n"
      "      - PARTIAL_FILE C:\\d\\f.db ranges \"0:10\" metadata 1 chars\n"
      "      - DIFFERENCED_FILE C:\\d\\*.log (recursive) lsn \"42\"\n"
      "      - DIRECTED_TARGET C:\\s\\a ranges \"0:1\" -> D:\\t\\b "
      "ranges \"1:1\"\n"
      "      - NEW_TARGET C:\\d\\* -> E:\\new\n"
      "      - RESTORE_SUBCOMPONENT \\C\\sub (repair: yes)\n");
}

TEST(DumpText, UnknownContentIsShownWithoutNamespaceDeclarations) {
  WriterMetadata w = system_writer(2);
  w.extras.mutable_attributes() = {{"xmlns", "x-schema:#VssWriterMetadataInfo"},
                                   {"xmlns:v", "urn:v"},
                                   {"futureRoot", "yes"}};
  w.identity.extras.mutable_attributes() = {{"usage", "FUTURE_USAGE"}};
  XmlElement child{"CHILD", {{"b", "2"}}, {}, "line1\nline2", 0, {}};
  XmlElement future{
      "FUTURE_ELEMENT", {{"a", "1"}, {"xmlns", "urn:f"}}, {child}, "", 0, {}};
  Component& c = w.components[0];
  c.extras.mutable_attributes() = {{"futureFlag", "1"}};
  c.extras.mutable_elements() = {future};
  c.extras.mutable_text() = "stray";
  c.files[1].extras.mutable_attributes() = {{"hash", "abc"}};
  w.backup_locations_extras.mutable_elements() = {
      XmlElement{"NEW_LIST", {}, {}, "", 0, {}}};
  CaptureSet capture;
  capture.writers.push_back(w);
  // Without --files only the descriptor carrying unknown content is listed.
  EXPECT_EQ(text(capture),
            "Writer \"System Writer\"  {e8132975-6f93-4464-a53e-1050253ae220}  "
            "(WM3.xml)\n"
            // An unknown spelling is shown in its field, not dropped.
            "  usage: FUTURE_USAGE (unknown)\n"
            "  unknown in WRITER_METADATA: futureRoot=\"yes\"\n"
            "  restore: (no RESTORE_METHOD)\n"
            "  components: 1 (0 selectable), files: 2\n"
            "  unknown element in BACKUP_LOCATIONS: <NEW_LIST>\n"
            "    \\System Files  [filegroup, not selectable]  2 files\n"
            "      - FILE_LIST %systemroot%\\system32\\f1\n"
            "        - unknown: hash=\"abc\"\n"
            "      - unknown: futureFlag=\"1\"\n"
            "      - unknown element: <FUTURE_ELEMENT a=\"1\">\n"
            "        - <CHILD b=\"2\"> text \"line1\\nline2\"\n"
            "      - unknown text: \"stray\"\n");
}

TEST(DumpText, FilesAreListedUpToMaxFiles) {
  CaptureSet capture;
  capture.writers.push_back(system_writer(5));
  capture.writers[0].components[0].files[0].backup_type_mask = 0x201;
  capture.writers[0].components[0].files[1].alternate_path = "D:\\alt";
  DumpOptions options;
  options.files = true;
  options.max_files = 3;
  const std::string expected_head =
      "Writer \"System Writer\"  {e8132975-6f93-4464-a53e-1050253ae220}  "
      "(WM3.xml)\n"
      "  restore: (no RESTORE_METHOD)\n"
      "  components: 1 (0 selectable), files: 5\n"
      "    \\System Files  [filegroup, not selectable]  5 files\n"
      "      - FILE_LIST %systemroot%\\system32\\f0 [backup type 0x201 "
      "(FULL_BACKUP_REQUIRED|DIFFERENTIAL_SNAPSHOT_REQUIRED)]\n"
      "      - FILE_LIST %systemroot%\\system32\\f1 -> D:\\alt\n";
  EXPECT_EQ(text(capture, options),
            expected_head +
                "      - FILE_LIST %systemroot%\\system32\\f2\n"
                "      - ... and 2 more\n");
  options.max_files = 0;
  EXPECT_EQ(text(capture, options),
            expected_head +
                "      - FILE_LIST %systemroot%\\system32\\f2\n"
                "      - FILE_LIST %systemroot%\\system32\\f3\n"
                "      - FILE_LIST %systemroot%\\system32\\f4\n");
  options.files = false;
  EXPECT_THAT(text(capture, options), Not(HasSubstr("FILE_LIST")));
}

TEST(DumpText, LargeCountsUseThousandsSeparators) {
  CaptureSet capture;
  capture.writers.push_back(system_writer(1200));
  DumpOptions options;
  options.files = true;
  options.max_files = 1;
  const std::string out = text(capture, options);
  EXPECT_THAT(out, HasSubstr("  components: 1 (0 selectable), files: 1,200\n"
                             "    \\System Files  [filegroup, not selectable]"
                             "  1,200 files\n"
                             "      - FILE_LIST %systemroot%\\system32\\f0\n"
                             "      - ... and 1,199 more\n"));
}

TEST(DumpText, ExcludeFilesListedWithFiles) {
  CaptureSet capture;
  capture.writers.push_back(asr_writer());
  DumpOptions options;
  options.files = true;
  EXPECT_THAT(text(capture, options),
              HasSubstr("  exclude files: 1\n"
                        "    - EXCLUDE_FILES %systemroot%\\Temp\\*.tmp "
                        "(recursive)\n"
                        "  components: 3"));
  EXPECT_THAT(text(capture, options),
              HasSubstr("      Volume{c7463aba}  [filegroup, not selectable, "
                        "selectable for restore, flags 0x4 (NOT_SYSTEM_STATE)]"
                        "  \"Volume\\r\\nC:\"  1 file\n"
                        "        - FILE_LIST \\\\?\\Volume{c7463aba}\\* "
                        "(recursive)\n"));
}

TEST(DumpText, WritersSortedByNameThenInstance) {
  CaptureSet capture;
  capture.writers.push_back(sql_writer("b-instance"));
  capture.writers.push_back(system_writer(0));
  capture.writers.push_back(asr_writer());
  capture.writers.push_back(sql_writer("A-instance"));
  capture.writers[1].identity.friendly_name = "system writer";  // lower case
  const std::string out = text(capture);
  const std::size_t asr = out.find("Writer \"ASR Writer\"");
  const std::size_t a = out.find("name: \"A-instance\"");
  const std::size_t b = out.find("name: \"b-instance\"");
  const std::size_t system = out.find("Writer \"system writer\"");
  ASSERT_NE(system, std::string::npos);
  EXPECT_LT(asr, a);
  EXPECT_LT(a, b);
  EXPECT_LT(b, system);
  // Blocks are separated by exactly one blank line, none at the end.
  EXPECT_THAT(out, HasSubstr("1 file\n\nWriter \"SqlServerWriter\""));
  EXPECT_NE(out.substr(out.size() - 2), "\n\n");
}

TEST(DumpText, ManifestNote) {
  CaptureSet capture;
  CabManifest m;
  m.file = "Manifest.xml";
  m.machine_name = "WIN-X";
  m.shadow_copy_set_id = guid("4AD2B8C4-1234-4000-8000-000000000001");
  m.backup_components_file = "BCDocument.xml";
  m.writers.resize(2);
  capture.manifest = m;
  EXPECT_EQ(text(capture),
            "Manifest (Manifest.xml): machine \"WIN-X\", shadow copy set "
            "{4ad2b8c4-1234-4000-8000-000000000001}, backup components "
            "\"BCDocument.xml\", 2 writers\n");
}

TEST(DumpText, ColourOnlyWhenAsked) {
  CaptureSet capture;
  capture.writers.push_back(asr_writer());
  capture.backup_components.push_back(bcd());
  const std::string plain = text(capture);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  DumpOptions options;
  options.color = true;
  const std::string coloured = text(capture, options);
  EXPECT_THAT(coloured, HasSubstr("\x1b[1mWriter \"ASR Writer\"  "
                                  "{be000cbe-11fe-4426-9c58-531aa6355fc4}  "
                                  "(WM6.xml)\x1b[0m\n"));
  EXPECT_THAT(coloured,
              HasSubstr("\\ASR                \x1b[2m(undeclared)\x1b[0m\n"));
  EXPECT_THAT(coloured,
              HasSubstr("[filegroup, \x1b[33mnot selectable\x1b[0m]"));
  EXPECT_THAT(coloured, HasSubstr("\x1b[2m(no WMD in this capture)\x1b[0m"));
  // Alignment is computed on the plain text, so columns do not shift.
  std::string stripped;
  for (std::size_t i = 0; i < coloured.size(); ++i) {
    if (coloured[i] == '\x1b') {
      i = coloured.find('m', i);
      continue;
    }
    stripped += coloured[i];
  }
  EXPECT_EQ(stripped, plain);
}

CaptureSet filter_fixture() {
  CaptureSet capture;
  capture.writers.push_back(asr_writer());
  capture.writers.push_back(system_writer(1));
  capture.writers.push_back(sql_writer("SQL2017"));
  capture.writers.push_back(sql_writer("OTHER"));
  capture.backup_components.push_back(bcd());
  return capture;
}

TEST(FilterCapture, EmptyFilterKeepsEverything) {
  const CaptureSet capture = filter_fixture();
  EXPECT_EQ(filter_capture(capture, DumpOptions{}).writers, capture.writers);
  EXPECT_EQ(filter_capture(capture, DumpOptions{}).backup_components,
            capture.backup_components);
}

TEST(FilterCapture, WriterByFriendlyNameIgnoresCase) {
  DumpOptions options;
  options.writers = {"system WRITER"};
  const CaptureSet out = filter_capture(filter_fixture(), options);
  ASSERT_EQ(out.writers.size(), 1u);
  EXPECT_EQ(out.writers[0].identity.friendly_name, "System Writer");
  ASSERT_EQ(out.backup_components.size(), 1u);
  ASSERT_EQ(out.backup_components[0].writers.size(), 1u);
  EXPECT_EQ(out.backup_components[0].writers[0].writer_id,
            guid(kSystemWriterId));
}

TEST(FilterCapture, WriterByBracedUpperCaseGuid) {
  DumpOptions options;
  options.writers = {"{E8132975-6F93-4464-A53E-1050253AE220}"};
  const CaptureSet out = filter_capture(filter_fixture(), options);
  ASSERT_EQ(out.writers.size(), 1u);
  EXPECT_EQ(out.writers[0].display_name(), "System Writer");
  // The text view applies the same filter itself.
  const std::string shown = text(filter_fixture(), options);
  EXPECT_THAT(shown, HasSubstr("Writer \"System Writer\""));
  EXPECT_THAT(shown, Not(HasSubstr("ASR Writer")));
  EXPECT_THAT(shown, Not(HasSubstr("SqlServerWriter")));
}

TEST(FilterCapture, WriterByInstanceNameSelectsOneInstance) {
  DumpOptions options;
  options.writers = {"sql2017"};
  const CaptureSet out = filter_capture(filter_fixture(), options);
  ASSERT_EQ(out.writers.size(), 1u);
  EXPECT_EQ(out.writers[0].identity.instance_name, "SQL2017");
  ASSERT_EQ(out.backup_components.at(0).writers.size(), 1u);
  EXPECT_EQ(out.backup_components[0].writers[0].instance_name, "SQL2017");
}

TEST(FilterCapture, ComponentByPathPrefix) {
  DumpOptions options;
  options.components = {"\\volumes"};
  const CaptureSet out = filter_capture(filter_fixture(), options);
  // Only the ASR Writer has a component below \Volumes; writers left without
  // components disappear, as do BCD entries.
  ASSERT_EQ(out.writers.size(), 1u);
  ASSERT_EQ(out.writers[0].components.size(), 1u);
  EXPECT_EQ(out.writers[0].components[0].name, "Volume{c7463aba}");
  ASSERT_EQ(out.backup_components.size(), 1u);
  EXPECT_TRUE(out.backup_components[0].writers.empty());
  // A prefix matches whole elements only, and the full path itself matches.
  options.components = {"Vol"};
  EXPECT_TRUE(filter_capture(filter_fixture(), options).writers.empty());
  options.components = {"WIN-X\\SQL2017\\MASTER"};
  const CaptureSet sql = filter_capture(filter_fixture(), options);
  ASSERT_EQ(sql.writers.size(), 1u);
  EXPECT_EQ(sql.writers[0].identity.instance_name, "SQL2017");
  ASSERT_EQ(sql.backup_components.at(0).writers.size(), 1u);
  EXPECT_EQ(sql.backup_components[0].writers[0].components.at(0).name,
            "master");
}

TEST(FilterCapture, NamedWriterStaysWhenNoComponentMatches) {
  DumpOptions options;
  options.writers = {"ASR Writer"};
  options.components = {"System Files"};
  const CaptureSet out = filter_capture(filter_fixture(), options);
  ASSERT_EQ(out.writers.size(), 1u);
  EXPECT_EQ(out.writers[0].display_name(), "ASR Writer");
  EXPECT_TRUE(out.writers[0].components.empty());
  EXPECT_THAT(text(filter_fixture(), options),
              HasSubstr("  components: 0 (0 selectable), files: 0\n"));
}

}  // namespace
}  // namespace vssmeta
