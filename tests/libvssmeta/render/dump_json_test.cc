// SPDX-License-Identifier: MIT
#include <cstdlib>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.h"
#include "vssmeta/dump.h"

namespace vssmeta {
namespace {

using Json = nlohmann::json;

Guid guid(const char* text) { return Guid::parse(text).value(); }

// A writer touching every WMD field the JSON maps, with GUIDs spelled in
// upper case as express writers write them.
WriterMetadata full_writer() {
  WriterMetadata w;
  w.source.name = "WM7.xml";
  w.xmlns = kWriterMetadataNamespace;
  w.version = "1.2";
  w.backup_schema = 0x371;
  w.identity.writer_id = guid("AFBAB4A2-367D-4D15-A586-71DBB18F8485");
  w.identity.instance_id = guid("{4C2B3D5E-0000-4000-8000-00000000000A}");
  w.identity.instance_name = "inst";
  w.identity.friendly_name = "Registry Writer";
  w.identity.usage = UsageType::kSystemService;
  w.identity.data_source = SourceType::kTransactedDb;
  w.identity.major_version = 0;
  w.identity.minor_version = 7;
  RestoreMethod r;
  r.method = RestoreMethodType::kRestoreAtReboot;
  r.writer_restore = WriterRestore::kNever;
  r.reboot_required = true;
  FileDescriptor alt;
  alt.kind = FileDescriptorKind::kAlternateLocationMapping;
  alt.path = "C:\\a";
  alt.filespec = "*";
  alt.alternate_path = "D:\\b";
  r.alternate_location_mappings.push_back(alt);
  w.restore_method = r;
  w.has_backup_locations = true;
  Component c;
  c.logical_path = "Hives";
  c.name = "Registry";
  c.caption = "Reg\r\n";
  c.selectable = false;
  c.component_flags = 4;
  FileDescriptor f;
  f.path = "%SystemRoot%\\system32\\config";
  f.filespec = "SYSTEM";
  f.backup_type_mask = 3855;
  c.files.push_back(f);
  Dependency d;
  d.writer_id = guid("E8132975-6F93-4464-A53E-1050253AE220");
  d.component_name = "System Files";
  c.dependencies.push_back(d);
  c.extras.mutable_attributes() = {{"futureFlag", "1"}};
  c.extras.mutable_elements() = {
      XmlElement{"FUTURE",
                 {{"a", "1"}},
                 {XmlElement{"KID", {}, {}, "t", 0, {}}},
                 "",
                 3,
                 Origin{12, 5}}};
  w.components.push_back(c);
  Component db;
  db.type = ComponentType::kDatabase;
  db.name = "db";
  w.components.push_back(db);
  FileDescriptor ex;
  ex.kind = FileDescriptorKind::kExclude;
  ex.path = "%SystemRoot%";
  ex.filespec = "*.tmp";
  ex.recursive = true;
  w.exclude_files.push_back(ex);
  return w;
}

BackupComponents full_bcd() {
  BackupComponents b;
  b.source.name = "BCDocument.xml";
  b.backup_type = BackupType::kFull;
  b.select_components = true;
  b.snapshot_set_id = guid("4AD2B8C4-1234-4000-8000-000000000001");
  WriterComponents wc;
  wc.writer_id = guid("AFBAB4A2-367D-4D15-A586-71DBB18F8485");
  wc.instance_id = guid("4c2b3d5e-0000-4000-8000-00000000000a");
  wc.backup_schema = 0;
  BcdComponent c;
  c.logical_path = "Hives";
  c.name = "Registry";
  c.type = ComponentType::kFileGroup;
  c.backup_stamp = "AAAA";
  c.backup_succeeded = true;
  c.backup_metadata = MetadataBlob{"bWV0YQ==", {}, {}};
  c.restore_subcomponents.push_back(
      RestoreSubcomponent{std::nullopt, "sub", false, {}, {}});
  wc.components.push_back(c);
  b.writers.push_back(wc);
  return b;
}

CaptureSet full_capture() {
  CaptureSet capture;
  capture.writers.push_back(full_writer());
  capture.backup_components.push_back(full_bcd());
  return capture;
}

std::string json_text(const CaptureSet& capture,
                      const DumpOptions& options = {}) {
  std::ostringstream out;
  DumpOptions json = options;
  json.format = DumpFormat::kJson;
  write_dump(capture, out, json);
  return out.str();
}

Json json(const CaptureSet& capture, const DumpOptions& options = {}) {
  return Json::parse(json_text(capture, options));
}

TEST(DumpJson, EmptyCapture) {
  EXPECT_EQ(json_text(CaptureSet{}),
            "{\n"
            "  \"format\": \"vssmeta-dump\",\n"
            "  \"version\": 1,\n"
            "  \"writers\": [],\n"
            "  \"backup_components\": [],\n"
            "  \"manifest\": null\n"
            "}\n");
}

TEST(DumpJson, WriterFieldsAreTyped) {
  const Json w = json(full_capture())["writers"].at(0);
  EXPECT_EQ(w["source"], Json::parse(R"({"file": "WM7.xml", "encoding": "utf-8",
                "byteOrderMark": false, "xmlDeclaration": false,
                "rootWrapper": false, "xdrSchema": false})"));
  EXPECT_EQ(w["displayName"], "Registry Writer");
  EXPECT_EQ(w["xmlns"], "x-schema:#VssWriterMetadataInfo");
  EXPECT_EQ(w["version"], "1.2");
  EXPECT_EQ(w["backupSchema"], 881);
  EXPECT_EQ(w["writerId"], "afbab4a2-367d-4d15-a586-71dbb18f8485");
  EXPECT_EQ(w["instanceId"], "4c2b3d5e-0000-4000-8000-00000000000a");
  EXPECT_EQ(w["instanceName"], "inst");
  EXPECT_EQ(w["friendlyName"], "Registry Writer");
  EXPECT_EQ(w["usage"], "SYSTEM_SERVICE");
  EXPECT_EQ(w["dataSource"], "TRANSACTION_DB");
  EXPECT_EQ(w["majorVersion"], 0);
  EXPECT_EQ(w["minorVersion"], 7);
  EXPECT_EQ(w["restoreMethod"], Json::parse(R"({"method": "REPLACE_AT_REBOOT",
                "writerRestore": "never", "rebootRequired": true,
                "alternateLocationMappings": [{"kind":
                "ALTERNATE_LOCATION_MAPPING", "path": "C:\\a",
                "filespec": "*", "alternatePath": "D:\\b"}]})"));
  EXPECT_EQ(w["hasBackupLocations"], true);
  EXPECT_EQ(w["componentCount"], 2);
  EXPECT_EQ(w["selectableComponentCount"], 0);
  EXPECT_EQ(w["fileCount"], 1);
  EXPECT_EQ(w["excludeFiles"],
            Json::parse(R"([{"kind": "EXCLUDE_FILES", "path": "%SystemRoot%",
                "filespec": "*.tmp", "recursive": true}])"));
  EXPECT_EQ(w["excludeFilesFromSnapshot"], Json::array());
  EXPECT_FALSE(w.contains("extras"));
  EXPECT_FALSE(w.contains("identificationExtras"));
}

TEST(DumpJson, ComponentsAreFlatWithDerivedFields) {
  const Json components = json(full_capture())["writers"][0]["components"];
  ASSERT_EQ(components.size(), 2u);
  EXPECT_EQ(components[0], Json::parse(R"({
      "type": "filegroup", "fullPath": "Hives\\Registry",
      "logicalPath": "Hives", "componentName": "Registry",
      "caption": "Reg\r\n", "selectable": false, "componentFlags": 4,
      "files": [{"kind": "FILE_LIST",
                 "path": "%SystemRoot%\\system32\\config",
                 "filespec": "SYSTEM", "filespecBackupType": 3855}],
      "dependencies": [{"writerId": "e8132975-6f93-4464-a53e-1050253ae220",
                        "componentName": "System Files"}],
      "extras": {"attributes": [{"name": "futureFlag", "value": "1"}],
                 "elements": [{"name": "FUTURE",
                               "attributes": [{"name": "a", "value": "1"}],
                               "children": [{"name": "KID", "attributes": [],
                                             "children": [], "text": "t"}]}]}
  })"));
  // Absent optionals are omitted, not null; lists are always there.
  EXPECT_EQ(components[1], Json::parse(R"({
      "type": "database", "fullPath": "db", "componentName": "db",
      "files": [], "dependencies": []})"));
}

TEST(DumpJson, BackupComponentsDocument) {
  const Json b = json(full_capture())["backup_components"].at(0);
  EXPECT_EQ(b["source"]["file"], "BCDocument.xml");
  EXPECT_EQ(b["backupType"], "full");
  EXPECT_EQ(b["selectComponents"], true);
  EXPECT_FALSE(b.contains("bootableSystemStateBackup"));
  EXPECT_EQ(b["snapshotSetId"], "4ad2b8c4-1234-4000-8000-000000000001");
  EXPECT_EQ(b["restoreTime"], true);  // a restore subcomponent is present
  ASSERT_EQ(b["writers"].size(), 1u);
  const Json& wc = b["writers"][0];
  EXPECT_EQ(wc["writerId"], "afbab4a2-367d-4d15-a586-71dbb18f8485");
  EXPECT_EQ(wc["backupSchema"], 0);
  EXPECT_FALSE(wc.contains("instanceName"));
  EXPECT_EQ(wc["components"].at(0), Json::parse(R"({
      "fullPath": "Hives\\Registry", "logicalPath": "Hives",
      "componentName": "Registry", "componentType": "filegroup",
      "backupStamp": "AAAA", "backupSucceeded": true,
      "backupMetadata": {"metadata": "bWV0YQ=="},
      "partialFiles": [], "differencedFiles": [], "directedTargets": [],
      "newTargets": [], "alternateLocationMappings": [],
      "restoreSubcomponents": [{"componentName": "sub", "repair": false}]})"));
}

TEST(DumpJson, ManifestObject) {
  CaptureSet capture;
  CabManifest m;
  m.file = "Manifest.xml";
  m.shadow_copy_set_id = guid("{4AD2B8C4-1234-4000-8000-000000000001}");
  m.writers.push_back(ManifestWriter{"Task Scheduler Writer", "C:\\t\\a.xml"});
  capture.manifest = m;
  EXPECT_EQ(json(capture)["manifest"], Json::parse(R"({
      "file": "Manifest.xml",
      "shadowCopySetId": "4ad2b8c4-1234-4000-8000-000000000001",
      "writers": [{"name": "Task Scheduler Writer",
                   "metadataFile": "C:\\t\\a.xml"}]})"));
}

TEST(DumpJson, StorageDetailsOnlyChangeSource) {
  CaptureSet utf8 = full_capture();
  CaptureSet utf16 = full_capture();
  for (WriterMetadata& w : utf16.writers) {
    w.source.encoding = Encoding::kUtf16Le;
    w.source.byte_order_mark = true;
    w.source.root_wrapper = true;
    w.source.xdr_schema = true;
    w.components[0].where = Origin{99, 7};  // positions are not content
  }
  utf16.backup_components[0].source.encoding = Encoding::kUtf16Be;
  utf16.backup_components[0].source.xml_declaration = true;
  Json a = json(utf8);
  Json b = json(utf16);
  EXPECT_EQ(b["writers"][0]["source"]["encoding"], "utf-16le");
  EXPECT_EQ(b["writers"][0]["source"]["rootWrapper"], true);
  EXPECT_EQ(b["backup_components"][0]["source"]["encoding"], "utf-16be");
  EXPECT_NE(a, b);
  a["writers"][0].erase("source");
  b["writers"][0].erase("source");
  a["backup_components"][0].erase("source");
  b["backup_components"][0].erase("source");
  EXPECT_EQ(a, b);
}

TEST(DumpJson, FilesOptionDoesNotMatterButFiltersDo) {
  const CaptureSet capture = full_capture();
  DumpOptions files;
  files.files = true;
  files.max_files = 1;
  files.color = true;
  EXPECT_EQ(json_text(capture, files), json_text(capture));
  DumpOptions filter;
  filter.writers = {"no such writer"};
  const Json filtered = json(capture, filter);
  EXPECT_EQ(filtered["writers"], Json::array());
  EXPECT_EQ(filtered["backup_components"].at(0)["writers"], Json::array());
}

TEST(DumpJson, WritersSortedLikeText) {
  CaptureSet capture;
  for (const char* name : {"b", "C", "a"}) {
    WriterMetadata w;
    w.identity.friendly_name = name;
    capture.writers.push_back(w);
  }
  const Json writers = json(capture)["writers"];
  ASSERT_EQ(writers.size(), 3u);
  EXPECT_EQ(writers[0]["friendlyName"], "a");
  EXPECT_EQ(writers[1]["friendlyName"], "b");
  EXPECT_EQ(writers[2]["friendlyName"], "C");
}

TEST(DumpJson, InvalidUtf8IsReplacedNotThrown) {
  CaptureSet capture;
  WriterMetadata w;
  w.identity.friendly_name = std::string("bad\xC3(\xFF", 6);
  capture.writers.push_back(w);
  std::string out;
  ASSERT_NO_THROW(out = json_text(capture));
  const Json parsed = Json::parse(out);  // throws on invalid UTF-8
  EXPECT_EQ(parsed["writers"][0]["friendlyName"],
            "bad\xEF\xBF\xBD(\xEF\xBF\xBD");
  EXPECT_EQ(out.back(), '\n');
}

TEST(DumpJson, OutputValidatesAgainstSchema) {
  if (!testing::have_python_jsonschema()) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available";
  }
  const std::filesystem::path schema =
      testing::schemas_dir() / "dump.schema.json";
  CaptureSet capture = full_capture();
  CabManifest m;
  m.file = "Manifest.xml";
  m.machine_name = "WIN-X";
  m.writers.push_back(ManifestWriter{"W", "C:\\w.xml"});
  capture.manifest = m;
  BcdComponent& c = capture.backup_components[0].writers[0].components[0];
  c.partial_files.push_back(PartialFile{"p", "f", "0:1", "m", {}, {}});
  c.differenced_files.push_back(
      DifferencedFile{"p", "*", false, std::nullopt, "t", {}, {}});
  c.directed_targets.push_back(
      DirectedTarget{"a", "b", "c", "d", "e", "f", {}, {}});
  c.restore_target = RestoreTarget::kDirected;
  c.extras.mutable_text() = "stray";
  capture.writers[0].identity.extras.mutable_attributes() = {
      {"usage", "FUTURE"}};
  capture.writers[0].backup_locations_extras.mutable_elements() = {
      XmlElement{"X", {}, {}, "", 0, {}}};
  const std::string out = json_text(capture);
  EXPECT_EQ(testing::validate_json(out, schema), "");
  EXPECT_EQ(testing::validate_json(json_text(CaptureSet{}), schema), "");
  // The schema must reject drift: an unknown key fails validation.
  Json drifted = Json::parse(out);
  drifted["writers"][0]["components"][0]["unexpected"] = 1;
  EXPECT_NE(testing::validate_json(drifted.dump(), schema), "");
}

}  // namespace
}  // namespace vssmeta
