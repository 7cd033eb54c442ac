// SPDX-License-Identifier: MIT
#include "vssmeta/capture.h"

#include <filesystem>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/diff.h"
#include "vssmeta/dump.h"
#include "vssmeta/parse.h"
#include "vssmeta/validate.h"

namespace vssmeta {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using testing::read_bytes;
using testing::testdata_dir;

const Guid kInstance = *Guid::parse("9f88d149-91e6-4f13-9153-84e74e5b68d7");

CapturedWriter writer_from(const std::string& wmd_file) {
  CapturedWriter w;
  w.xml = read_bytes(testdata_dir() / "wmd" / wmd_file);
  auto parsed = parse_writer_metadata(w.xml);
  EXPECT_TRUE(parsed.has_value());
  w.metadata = std::move(*parsed);
  w.writer_name = w.metadata->display_name();
  w.writer_id = w.metadata->identity.writer_id;
  w.instance_id = w.metadata->identity.instance_id.value_or(Guid{});
  return w;
}

CaptureResult sample_capture() {
  CaptureResult c;
  c.host = {"KESTREL-SRV04",
            "Windows 10.0.20348",
            "2026-12-01T18:22:35Z",
            "0.1.0",
            true,
            "backup"};
  c.writers = {writer_from("registry-writer.xml"),
               writer_from("sql-writer.xml")};
  WriterStatus ok{"Registry Writer",
                  c.writers[0].writer_id,
                  c.writers[0].instance_id,
                  WriterState::kStable,
                  0,
                  0U,
                  ""};
  WriterStatus bad{"SqlServerWriter",
                   c.writers[1].writer_id,
                   c.writers[1].instance_id,
                   WriterState::kFailedAtFreeze,
                   0x800423F3,
                   0x80070005U,
                   "Access is denied."};
  c.status = {ok, bad};
  return c;
}

// A fresh, absent path under the temporary folder, removed afterwards.
class TempPath {
 public:
  TempPath() {
    parent_ =
        fs::temp_directory_path() /
        ("vssmeta-capture-" +
         std::string(
             ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(parent_);
    fs::create_directories(parent_);
  }
  ~TempPath() {
    std::error_code ec;
    fs::remove_all(parent_, ec);
  }
  fs::path parent() const { return parent_; }
  std::string folder() const { return (parent_ / "capture").string(); }
  std::vector<std::string> parent_listing() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(parent_)) {
      names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path parent_;
};

TEST(WriterState, NamesAsVssadminPrintsThem) {
  EXPECT_STREQ(to_string(WriterState::kStable), "Stable");
  EXPECT_STREQ(to_string(WriterState::kWaitingForBackupComplete),
               "Waiting for completion");
  EXPECT_STREQ(state_id(WriterState::kFailedAtFreeze), "failed-at-freeze");
  EXPECT_EQ(writer_state_from(9), WriterState::kFailedAtFreeze);
  EXPECT_EQ(writer_state_from(99), WriterState::kUnknown);
  EXPECT_TRUE(is_failed(WriterState::kFailedAtIdentify));
  EXPECT_FALSE(is_failed(WriterState::kWaitingForBackupComplete));
}

TEST(CaptureFileName, WriterNameAndInstanceId) {
  EXPECT_EQ(capture_file_name("Registry Writer", kInstance),
            "Registry Writer_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
}

TEST(CaptureFileName, PathSeparatorsAndDotsCannotEscapeTheFolder) {
  EXPECT_EQ(capture_file_name("..\\..\\evil/x", kInstance),
            "_.._evil_x_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
  EXPECT_EQ(capture_file_name("C:\\Windows", kInstance),
            "C_Windows_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
}

TEST(CaptureFileName, ControlAndNonAsciiCharactersBecomeOneUnderscore) {
  EXPECT_EQ(capture_file_name("a\r\n\tb", kInstance),
            "a_b_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
  EXPECT_EQ(capture_file_name("\xc3\x89"
                              "crivain *?<>|\"",
                              kInstance),
            "_crivain __9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
}

TEST(CaptureFileName, ReservedDosNamesArePrefixed) {
  EXPECT_EQ(capture_file_name("CON", kInstance),
            "_CON_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
  EXPECT_EQ(capture_file_name("nul.backup", kInstance),
            "_nul.backup_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
  EXPECT_EQ(capture_file_name("com7", kInstance),
            "_com7_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
  EXPECT_EQ(capture_file_name("COM", kInstance),
            "COM_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
}

TEST(CaptureFileName, EmptyOrBlankNameAndLongNames) {
  EXPECT_EQ(capture_file_name(" . ", kInstance),
            "writer_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
  const std::string stem = capture_file_name(std::string(300, 'w'), kInstance);
  EXPECT_EQ(stem,
            std::string(64, 'w') + "_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
}

TEST(StatusJson, MatchesGoldenAndSchema) {
  std::ostringstream out;
  write_status(sample_capture().status, out,
               StatusOptions{.format = StatusFormat::kJson});
  const std::string json = out.str();
  EXPECT_TRUE(testing::matches_golden(json, "capture/status.json"));
  if (!testing::have_python_jsonschema()) GTEST_SKIP() << "no jsonschema";
  EXPECT_EQ(testing::validate_json(
                json, testing::schemas_dir() / "capture-status.schema.json"),
            "");
}

TEST(ManifestJson, MatchesGoldenAndSchema) {
  const CaptureResult c = sample_capture();
  std::ostringstream out;
  write_manifest(c, out);
  const std::string json = out.str();
  EXPECT_TRUE(testing::matches_golden(json, "capture/manifest.json"));
  if (!testing::have_python_jsonschema()) GTEST_SKIP() << "no jsonschema";
  EXPECT_EQ(testing::validate_json(
                json, testing::schemas_dir() / "capture-manifest.schema.json"),
            "");
}

TEST(WriteStatusText, LikeVssadminWithDecodedFailures) {
  std::ostringstream out;
  write_status(sample_capture().status, out);
  EXPECT_TRUE(testing::matches_golden(out.str(), "capture/status.txt"));
}

TEST(WriteCaptureFolder, WritesEveryFileAndLoadReadsItBack) {
  TempPath tmp;
  const CaptureResult c = sample_capture();
  auto names = write_capture_folder(c, tmp.folder());
  ASSERT_OK(names);
  EXPECT_THAT(*names, ElementsAre("Registry Writer_9f88d149-91e6-4f13-9153-"
                                  "84e74e5b68d7.xml",
                                  "SqlServerWriter_97e6e0ef-df12-4009-9e6b-"
                                  "165474834200.xml",
                                  "status.json", "manifest.json"));
  EXPECT_THAT(tmp.parent_listing(), ElementsAre("capture"));
  // The WMDs are saved byte for byte.
  EXPECT_EQ(read_bytes(fs::path(tmp.folder()) / (*names)[0]), c.writers[0].xml);

  auto set = load(tmp.folder());
  ASSERT_OK(set);
  EXPECT_TRUE(set.warnings().empty());  // the JSON files are not XML: skipped
  ASSERT_EQ(set->writers.size(), 2U);
  EXPECT_EQ(set->writers[0].display_name(), "Registry Writer");
  EXPECT_EQ(set->writers[1].display_name(), "SqlServerWriter");
  std::ostringstream text;
  write_dump(*set, text);
  EXPECT_NE(text.str().find("SqlServerWriter"), std::string::npos);
  // Validation of the folder finds what validation of the originals finds.
  CaptureSet originals;
  for (const CapturedWriter& w : c.writers)
    originals.writers.push_back(*w.metadata);
  EXPECT_EQ(validate(*set).size(), validate(originals).size());
  // And diff finds nothing between the folder and the documents it came from.
  const MetadataDiff d = diff(originals, *set);
  EXPECT_TRUE(d.empty()) << d.changes.size() << " changes";
}

TEST(WriteCaptureFolder, BackupComponentsDocumentIsSavedToo) {
  TempPath tmp;
  CaptureResult c = sample_capture();
  c.bcd_xml = read_bytes(testdata_dir() / "bcd" / "sql-full-backup.xml");
  auto names = write_capture_folder(c, tmp.folder());
  ASSERT_OK(names);
  EXPECT_EQ((*names)[2], "backup-components.xml");
  auto set = load(tmp.folder(), LoadOptions{});
  ASSERT_OK(set);
  EXPECT_EQ(set->backup_components.size(), 1U);
}

TEST(WriteCaptureFolder, ExistingFolderIsAnErrorAndLeftAlone) {
  TempPath tmp;
  fs::create_directory(tmp.folder());
  auto names = write_capture_folder(sample_capture(), tmp.folder());
  ASSERT_FALSE(names.has_value());
  EXPECT_EQ(to_string(names.error()),
            tmp.folder() + ": error: already exists: choose a new folder");
  EXPECT_THAT(tmp.parent_listing(), ElementsAre("capture"));
  EXPECT_TRUE(fs::is_empty(tmp.folder()));
}

TEST(WriteCaptureFolder, FailureHalfWayLeavesNothingBehind) {
  TempPath tmp;
  CaptureResult c = sample_capture();
  c.writers.push_back(c.writers[0]);  // same name and instance: same file
  auto names = write_capture_folder(c, tmp.folder());
  ASSERT_FALSE(names.has_value());
  EXPECT_EQ(to_string(names.error()),
            tmp.folder() +
                ": error: two writers share the file name Registry "
                "Writer_9f88d149-91e6-4f13-9153-84e74e5b68d7.xml");
  EXPECT_TRUE(tmp.parent_listing().empty());
}

// Issue #19, defect 8: a trailing separator names the same folder.
TEST(WriteCaptureFolder, TrailingSeparatorNamesTheSameFolder) {
  TempPath tmp;
  auto names = write_capture_folder(sample_capture(), tmp.folder() + "/");
  ASSERT_OK(names);
  EXPECT_THAT(tmp.parent_listing(), ElementsAre("capture"));
  EXPECT_TRUE(fs::exists(fs::path(tmp.folder()) / "manifest.json"));
}

// Issue #19, defect 8: missing parent folders are created.
TEST(WriteCaptureFolder, MissingParentsAreCreated) {
  TempPath tmp;
  const std::string dir = (tmp.parent() / "a" / "b" / "capture").string();
  auto names = write_capture_folder(sample_capture(), dir);
  ASSERT_OK(names);
  EXPECT_TRUE(fs::exists(fs::path(dir) / "manifest.json"));
}

// Issue #19, defect 8: the folder is checked and made before VSS is asked.
TEST(PrepareCaptureFolder, ValidatesAndMakesTheTemporarySibling) {
  TempPath tmp;
  auto folder = prepare_capture_folder(tmp.folder() + "/");
  ASSERT_OK(folder);
  EXPECT_EQ(folder->target, tmp.folder());
  EXPECT_TRUE(fs::is_directory(folder->temp));
  EXPECT_FALSE(fs::exists(tmp.folder()));
  discard_capture_folder(*folder);
  EXPECT_TRUE(tmp.parent_listing().empty());
  fs::create_directory(tmp.folder());
  auto exists = prepare_capture_folder(tmp.folder());
  ASSERT_FALSE(exists.has_value());
  EXPECT_EQ(to_string(exists.error()),
            tmp.folder() + ": error: already exists: choose a new folder");
}

#ifndef _WIN32
TEST(PrepareCaptureFolder, ADanglingLinkIsThereToo) {
  TempPath tmp;
  fs::create_symlink("nowhere", tmp.folder());
  auto folder = prepare_capture_folder(tmp.folder());
  ASSERT_FALSE(folder.has_value());
  EXPECT_EQ(to_string(folder.error()),
            tmp.folder() + ": error: already exists: choose a new folder");
}
#endif

// Issue #19, defect 8: a failed rename keeps everything captured.
TEST(WriteCaptureFolder, FailedRenameKeepsTheCapture) {
  TempPath tmp;
  auto folder = prepare_capture_folder(tmp.folder());
  ASSERT_OK(folder);
  // Another program takes the name while the writers are asked.
  fs::create_directories(fs::path(tmp.folder()) / "taken");
  auto names = write_capture_folder(sample_capture(), *folder);
  ASSERT_FALSE(names.has_value());
  EXPECT_NE(to_string(names.error())
                .find("the complete capture is kept in " + folder->temp),
            std::string::npos)
      << to_string(names.error());
  EXPECT_TRUE(fs::exists(fs::path(folder->temp) / "manifest.json"));
}

TEST(ResolveSelection, ComponentsOfNamedWriters) {
  const CaptureResult c = sample_capture();
  auto sel =
      resolve_selection(c.writers, {"SqlServerWriter:\\KESTREL-SRV04\\Payroll",
                                    "registry writer:\\Registry"});
  ASSERT_OK(sel);
  ASSERT_EQ(sel->size(), 2U);
  // Sorted by writer id: the SQL writer (a65f...) before Registry (afba...).
  EXPECT_EQ((*sel)[0].name, "Payroll");
  EXPECT_EQ((*sel)[0].logical_path, "KESTREL-SRV04");
  EXPECT_EQ((*sel)[0].instance_id, c.writers[1].instance_id);
  EXPECT_EQ((*sel)[1].name, "Registry");
  EXPECT_EQ((*sel)[1].logical_path, "");
  EXPECT_FALSE((*sel)[1].required);
}

TEST(ResolveSelection, WriterById) {
  const CaptureResult c = sample_capture();
  auto sel = resolve_selection(
      c.writers, {"{AFBAB4A2-367D-4D15-A586-71DBB18F8485}:\\Registry"});
  ASSERT_OK(sel);
  EXPECT_EQ(sel->size(), 1U);
}

TEST(ResolveSelection, ErrorsNameTheReference) {
  const CaptureResult c = sample_capture();
  auto message = [&](const std::string& ref) {
    auto r = resolve_selection(c.writers, {ref});
    return r ? std::string("ok") : to_string(r.error());
  };
  EXPECT_EQ(message("Nope:\\x"),
            "error: component reference 'Nope:\\x': no such writer");
  EXPECT_EQ(
      message("SqlServerWriter:\\KESTREL-SRV04\\nope"),
      "error: component reference 'SqlServerWriter:\\KESTREL-SRV04\\nope': no "
      "such component");
  // A writer alone names its top-level components (as validate --select).
  EXPECT_EQ(message("Registry"),
            "error: component reference 'Registry': no such writer (closest: "
            "Registry Writer)");
  EXPECT_EQ(
      message("SqlServerWriter:\\KESTREL-SRV04\\mastr"),
      "error: component reference 'SqlServerWriter:\\KESTREL-SRV04\\mastr': no "
      "such component (closest: KESTREL-SRV04\\master)");
  EXPECT_EQ(
      message("Registry Writr:\\Registry"),
      "error: component reference 'Registry Writr:\\Registry': no such writer "
      "(closest: Registry Writer)");
}

CapturedWriter my_writer() {
  CapturedWriter w;
  w.xml = read_bytes(testdata_dir() / "selection" / "mywriter.xml");
  auto parsed = parse_writer_metadata(w.xml);
  EXPECT_TRUE(parsed.has_value());
  w.metadata = std::move(*parsed);
  w.writer_name = "MyWriter";
  w.writer_id = w.metadata->identity.writer_id;
  w.instance_id = w.metadata->identity.instance_id.value_or(Guid{});
  return w;
}

// `logical_path|name`, marked when added as required.
std::vector<std::string> listing(const std::vector<SelectedComponent>& sel) {
  std::vector<std::string> out;
  for (const SelectedComponent& c : sel) {
    out.push_back(c.logical_path + "|" + c.name +
                  (c.required ? " (required)" : ""));
  }
  return out;
}

TEST(ResolveSelection, RequiredComponentsOfTheWriterAreAddedToo) {
  auto sel = resolve_selection({my_writer()}, {"MyWriter:\\LicenseInfo"});
  ASSERT_OK(sel);
  EXPECT_THAT(listing(*sel),
              ElementsAre("|Executables (required)", "|LicenseInfo",
                          "Executables|ConfigFiles (required)"));
}

// Two running instances of MyWriter: a reference names its component in
// each instance it matches; the instance id or name picks one (the old
// advice "use the writer id" could not: the class id names both).
TEST(ResolveSelection, InstancesAreNamedByInstanceIdOrName) {
  CapturedWriter second = my_writer();
  second.metadata->identity.instance_id =
      Guid::parse("0f2e7c44-6a51-4d3b-9e2f-8b7a6c5d4e99");
  second.metadata->identity.instance_name = "Second";
  second.instance_id = *second.metadata->identity.instance_id;
  const std::vector<CapturedWriter> writers = {my_writer(), second};
  auto instances = [&](const std::string& ref) {
    std::set<std::string> out;
    auto sel = resolve_selection(writers, {ref});
    EXPECT_TRUE(sel.has_value()) << ref;
    if (!sel) return out;
    for (const SelectedComponent& c : *sel) {
      if (c.name == "LicenseInfo") out.insert(c.instance_id.to_string());
    }
    return out;
  };
  const std::string first = writers[0].instance_id.to_string();
  const std::string other = second.instance_id.to_string();
  EXPECT_THAT(instances("MyWriter:\\LicenseInfo"), ElementsAre(first, other));
  EXPECT_THAT(instances("second:\\LicenseInfo"), ElementsAre(other));
  EXPECT_THAT(instances("{" + other + "}:\\LicenseInfo"), ElementsAre(other));
}

// The writer alone: its required and optional top-level components.
TEST(ResolveSelection, WriterAloneNamesItsTopLevelComponents) {
  auto sel = resolve_selection({my_writer()}, {"MyWriter"});
  ASSERT_OK(sel);
  EXPECT_THAT(listing(*sel),
              ElementsAre("|Executables", "|LicenseInfo", "|Security",
                          "|writerData", "Executables|ConfigFiles"));
}

TEST(ResolveSelection, NonselectableSubcomponentIsRefused) {
  auto sel =
      resolve_selection({my_writer()}, {"MyWriter:\\Security\\UserInfo"});
  ASSERT_FALSE(sel.has_value());
  EXPECT_EQ(to_string(sel.error()),
            "error: component reference 'MyWriter:\\Security\\UserInfo': not "
            "selectable: "
            "select its selectable ancestor");
}

}  // namespace
}  // namespace vssmeta
