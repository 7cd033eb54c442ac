// SPDX-License-Identifier: MIT
#include "vssmeta/capture_set.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace vssmeta {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;
using testing::testdata_dir;

class TempDir {
 public:
  TempDir() {
    path_ =
        fs::temp_directory_path() /
        ("vssmeta-test-" +
         std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path_ / name, std::ios::binary) << bytes;
  }

 private:
  fs::path path_;
};

TEST(Load, CaptureFolderYieldsWritersBackupDocumentAndManifest) {
  const std::string dir = (testdata_dir() / "capture").generic_string();
  auto set = load(dir);
  ASSERT_OK(set);
  const Diagnostics& diagnostics = set.warnings();
  ASSERT_EQ(set->writers.size(), 8U);
  EXPECT_EQ(set->backup_components.size(), 1U);
  // Natural order of WM0..WM7, and file names relative to the given path.
  EXPECT_EQ(set->writers[0].source.name, dir + "/WM0.xml");
  EXPECT_EQ(set->writers[0].display_name(), "Task Scheduler Writer");
  EXPECT_EQ(set->writers[7].display_name(), "WMI Writer");
  ASSERT_TRUE(set->manifest.has_value());
  EXPECT_EQ(set->manifest->machine_name, "KESTREL-SRV04");
  ASSERT_EQ(set->manifest->writers.size(), 8U);
  EXPECT_EQ(set->manifest->writers[0].name, "Task Scheduler Writer");
  EXPECT_EQ(set->manifest->shadow_copy_set_id,
            Guid::parse("6deb3f83-945c-4dd9-b86a-16ec61db3007"));
  EXPECT_EQ(set->manifest->backup_components_file, "BCDocument.xml");
  EXPECT_TRUE(diagnostics.empty()) << to_string(diagnostics.front());
}

TEST(Load, FoldersSortNaturallyAndSkipForeignXml) {
  TempDir dir;
  const std::string wmd = read_bytes(testdata_dir() / "wmd/bits-writer.xml");
  dir.write("WM10.xml", wmd);
  dir.write("WM2.xml", read_bytes(testdata_dir() / "wmd/wmi-writer.xml"));
  dir.write("notes.txt", "not xml");
  dir.write("other.xml", "<config/>");
  auto set = load(dir.path().string());
  ASSERT_OK(set);
  const Diagnostics& diagnostics = set.warnings();
  ASSERT_EQ(set->writers.size(), 2U);
  EXPECT_EQ(set->writers[0].display_name(), "WMI Writer");
  EXPECT_EQ(set->writers[1].display_name(), "BITS Writer");
  ASSERT_EQ(diagnostics.size(), 1U);
  EXPECT_EQ(diagnostics[0].code, "skipped-file");
  EXPECT_EQ(diagnostics[0].message,
            "skipped: unexpected root element <config>: expected "
            "WRITER_METADATA or BACKUP_COMPONENTS");
}

TEST(Load, AMalformedFileInAFolderIsAnError) {
  TempDir dir;
  dir.write("WM0.xml", "<WRITER_METADATA>");
  auto set = load(dir.path().string());
  ASSERT_FALSE(set);
  EXPECT_EQ(to_string(set.error()),
            (dir.path() / "WM0.xml").generic_string() +
                ":1:18: error: unexpected end of file: <WRITER_METADATA> is "
                "not closed");
}

TEST(Load, WarningsBeforeAFailureAreKept) {
  TempDir dir;
  dir.write("WM0.xml", "<config/>");
  dir.write("WM1.xml", "<WRITER_METADATA>");
  auto set = load(dir.path().string());
  ASSERT_FALSE(set);
  ASSERT_EQ(set.warnings().size(), 1U);
  EXPECT_EQ(to_string(set.warnings()[0]),
            (dir.path() / "WM0.xml").generic_string() +
                ":1:1: warning: skipped: unexpected root element <config>: "
                "expected WRITER_METADATA or BACKUP_COMPONENTS [skipped-file]");
}

TEST(Load, EmptyFolderIsAnError) {
  TempDir dir;
  auto set = load(dir.path().string());
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().code, ErrorCode::kIo);
  EXPECT_EQ(set.error().message,
            "folder holds no writer metadata or backup components document "
            "(*.xml)");
}

TEST(Load, ManifestCountMismatchIsReported) {
  TempDir dir;
  dir.write("Manifest.xml",
            read_bytes(testdata_dir() / "capture/Manifest.xml"));
  dir.write("WM0.xml", read_bytes(testdata_dir() / "capture/WM0.xml"));
  auto set = load(dir.path().string());
  ASSERT_OK(set);
  const Diagnostics& diagnostics = set.warnings();
  ASSERT_EQ(diagnostics.size(), 1U);
  EXPECT_EQ(diagnostics[0].message,
            "the manifest lists 8 writers but the folder holds 1 writer "
            "metadata documents");
}

TEST(Load, MissingFileNamesThePath) {
  auto set = load("no/such/file.xml", LoadOptions{});
  ASSERT_FALSE(set);
  EXPECT_EQ(to_string(set.error()),
            "no/such/file.xml: error: no such file or directory");
}

TEST(Load, StandardInput) {
  std::istringstream in(read_bytes(testdata_dir() / "bcd/sql-full-backup.xml"));
  auto set = load("-", LoadOptions{}, &in);
  ASSERT_OK(set);
  ASSERT_EQ(set->backup_components.size(), 1U);
  EXPECT_EQ(set->backup_components[0].source.name, "-");
}

TEST(Load, FileLargerThanTheLimitIsRefusedBeforeReading) {
  LoadOptions options;
  options.parse.max_bytes = 100;
  auto set = load((testdata_dir() / "wmd/system-writer.xml").string(), options);
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().code, ErrorCode::kUnsupported);
}

TEST(ParseCabManifest, RefusesOtherDocuments) {
  ParseOptions options;
  options.source_name = "m.xml";
  auto m = parse_cab_manifest("<WRITER_METADATA/>", options);
  ASSERT_FALSE(m);
  EXPECT_EQ(to_string(m.error()),
            "m.xml:1:1: error: <WRITER_METADATA> is not a diskshadow manifest");
}

TEST(Merge, AppendsDocumentsAndKeepsTheFirstManifest) {
  auto a = load((testdata_dir() / "capture").string(), LoadOptions{});
  auto b =
      load((testdata_dir() / "wmd/bits-writer.xml").string(), LoadOptions{});
  ASSERT_OK(a);
  ASSERT_OK(b);
  merge(*a, std::move(*b));
  EXPECT_EQ(a->writers.size(), 9U);
  EXPECT_TRUE(a->manifest.has_value());
}

}  // namespace
}  // namespace vssmeta
