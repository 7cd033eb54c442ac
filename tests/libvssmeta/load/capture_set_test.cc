// SPDX-License-Identifier: MIT
#include "vssmeta/capture_set.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/parse.h"

#ifndef _WIN32
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>
#endif

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

// A file is parsed in its read buffer; an error or another kind of XML
// reads it again for the usual messages: the results are parse_document()'s.
TEST(Load, FilesGiveWhatParseDocumentGives) {
  const TempDir dir;
  const std::string ok =
      "<WRITER_METADATA>\n<IDENTIFICATION writerId="
      "'3f2b9c1e-7d4a-4e59-9a61-0c8e5b2d7f13' friendlyName='W' x='1'/>\n"
      "</WRITER_METADATA>";
  const std::vector<std::pair<std::string, std::string>> files = {
      {"ok.xml", ok},
      {"bom.xml", "\xEF\xBB\xBF" + ok},
      {"mismatch.xml", "<WRITER_METADATA>\n <a></b></WRITER_METADATA>"},
      {"eof.xml", "<WRITER_METADATA>\n <IDENTIFICATION writerId='1"},
      {"twice.xml", "<WRITER_METADATA a='1'\n a='2'/>"},
      {"guid.xml",
       "<WRITER_METADATA><IDENTIFICATION writerId='x'/>"
       "</WRITER_METADATA>"},
      {"other.xml", "<Manifest>\n<Writer/></Manifest>"},
  };
  for (const auto& [name, bytes] : files) {
    SCOPED_TRACE(name);
    dir.write(name, bytes);
    const std::string path = (dir.path() / name).generic_string();
    auto set = load(path);
    ParseOptions options;
    options.source_name = path;
    auto doc = parse_document(bytes, options);
    ASSERT_EQ(set.has_value(), doc.has_value());
    EXPECT_EQ(set.warnings(), doc.warnings());
    if (doc) {
      ASSERT_EQ(set->writers.size(), 1U);
      EXPECT_EQ(set->writers[0], std::get<WriterMetadata>(*doc));
    } else {
      EXPECT_EQ(to_string(set.error()), to_string(doc.error()));
    }
  }
}

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
            "(*.xml), writer status text or writer metadata text");
}

// A support script's folder: the XML, vssadmin's text and diskshadow's
// metadata text load as one capture; its other files cost no noise.
TEST(Load, FolderReadsTextEvidenceByContent) {
  const std::string dir = (testdata_dir() / "support-folder").generic_string();
  auto set = load(dir);
  ASSERT_OK(set);
  // KESTREL-SRV04_WriterMetaData.txt (2 writers, from text), then WM0.xml.
  ASSERT_EQ(set->writers.size(), 3U);
  EXPECT_TRUE(set->writers[0].from_text.has_value());
  EXPECT_EQ(set->writers[0].source.name,
            dir + "/KESTREL-SRV04_WriterMetaData.txt");
  EXPECT_FALSE(set->writers[2].from_text.has_value());
  EXPECT_EQ(set->writers[2].source.name, dir + "/WM0.xml");
  // KESTREL-SRV04_vssadmin.txt: every writer block of the French text.
  ASSERT_EQ(set->statuses.size(), 4U);
  EXPECT_EQ(set->statuses[0].printed->where.file,
            dir + "/KESTREL-SRV04_vssadmin.txt");
  // README and systeminfo.txt are silent; the -wm summary is said.
  ASSERT_EQ(set.warnings().size(), 1U);
  EXPECT_EQ(to_string(set.warnings()[0]),
            dir +
                "/vshadow-wm.txt: warning: skipped: this is vshadow -wm or "
                "-wm2 output, a summary without the writers' XML: run "
                "'vshadow -wm3 > writers.txt' and load that [skipped-file]");
}

// By content, never by name: a vssadmin.txt that holds no status text is
// passed over; a status text called notes.log is read.
TEST(Load, FolderDecidesTextByContentNotName) {
  TempDir dir;
  dir.write("vssadmin.txt", "ipconfig /all\r\nHost Name . . : KESTREL\r\n");
  dir.write("notes.log", read_bytes(testdata_dir() / "status/vssadmin-en.txt"));
  auto set = load(dir.path().string());
  ASSERT_OK(set);
  EXPECT_TRUE(set->writers.empty());
  EXPECT_FALSE(set->statuses.empty());
  EXPECT_EQ(set.warnings().size(), 0U);
  EXPECT_EQ(set->statuses[0].printed->where.file,
            (dir.path() / "notes.log").generic_string());
}

TEST(Load, FolderWithOnlyOtherFilesIsStillAnError) {
  TempDir dir;
  dir.write("systeminfo.txt", "Host Name: KESTREL\n");
  dir.write("memory.dmp", std::string("MDMP\x93\xa7\0\0", 8));
  auto set = load(dir.path().string());
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().message,
            "folder holds no writer metadata or backup components document "
            "(*.xml), writer status text or writer metadata text");
  EXPECT_TRUE(set.warnings().empty());
}

// Said, with the reason: a file over the size limit (never an error for a
// non-XML file), a cabinet, and status-like text without a complete block;
// a known binary format (a backup folder's VHDX) is not, whatever its size.
TEST(Load, FolderSkipsTextItCannotUseWithAReason) {
  TempDir dir;
  dir.write("WM0.xml", read_bytes(testdata_dir() / "wmd/registry-writer.xml"));
  dir.write("big.log", std::string(5000, 'x'));
  // A disk image as large is told by its first bytes: passed over silently.
  dir.write("disk.vhdx", "vhdxfile" + std::string(5000, '\0'));
  dir.write("x.cab", "MSCF\0\0\0\0 and the rest");
  dir.write("cut.txt",
            "Writer name: 'NTDS'\n   State: [1] Stable\n   Last error: No "
            "error\n");
  LoadOptions options;
  options.parse.max_bytes = 4000;
  auto set = load(dir.path().string(), options);
  ASSERT_OK(set);
  EXPECT_EQ(set->writers.size(), 1U);
  const std::string base = dir.path().generic_string() + "/";
  std::vector<std::string> got;
  for (const Diagnostic& d : set.warnings()) got.push_back(to_string(d));
  ASSERT_EQ(got.size(), 4U) << ::testing::PrintToString(got);
  EXPECT_EQ(got[0], base +
                        "big.log: warning: skipped: file is 5000 bytes, more "
                        "than the limit of 4000 bytes [skipped-file]");
  // The parser's own warning, then why the file was passed over.
  EXPECT_EQ(got[1], base +
                        "cut.txt:1: warning: writer 'NTDS': incomplete block "
                        "(no writer id, instance id): skipped "
                        "[incomplete-status-block]");
  EXPECT_EQ(got[2], base +
                        "cut.txt:1:1: warning: skipped: no complete writer "
                        "status block: expected the output of `vssadmin "
                        "list writers`, diskshadow `list writers status` "
                        "or `vshadow -ws` (a quoted writer name, its "
                        "writer id and instance id, a state and a last "
                        "error) [skipped-file]");
  EXPECT_EQ(got[3], base +
                        "x.cab: warning: skipped: a cabinet (.cab), which a "
                        "capture folder does not read: load it on its own "
                        "[skipped-file]");
}

// vshadow -wm3 output in a folder: merged; a malformed writer in it is the
// file's error, or with --keep-going an unreadable-file finding.
TEST(Load, FolderVshadowTextFollowsKeepGoing) {
  TempDir dir;
  const std::string wmd =
      read_bytes(testdata_dir() / "wmd/registry-writer.xml");
  dir.write("writers.out", "--[Writer 0]--\n" + wmd +
                               "\n--[Writer 1]--\n<WRITER_METADATA>\n"
                               "--[end of data]--\n");
  auto strict = load(dir.path().string());
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.error().where->file,
            (dir.path() / "writers.out").generic_string() + "#writer-1");
  LoadOptions options;
  options.keep_going = true;
  auto lenient = load(dir.path().string(), options);
  ASSERT_OK(lenient);
  EXPECT_EQ(lenient->writers.size(), 1U);
  bool unreadable = false;
  for (const Diagnostic& d : lenient.warnings()) {
    unreadable = unreadable || d.code == "unreadable-file";
  }
  EXPECT_TRUE(unreadable);
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

TEST(Load, TheSizeLimitErrorsNameTheLimitAndTheNote) {
  LoadOptions options;
  options.parse.max_bytes = 100;
  options.size_limit_note = "--max-input-size raises it";
  const auto file = testdata_dir() / "wmd/bits-writer.xml";
  auto set = load(file.string(), options);
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().message,
            "file is " + std::to_string(fs::file_size(file)) +
                " bytes, more than the limit of 100 bytes (--max-input-size "
                "raises it)");
  std::istringstream in(std::string(101, ' '));
  set = load("-", options, &in);
  ASSERT_FALSE(set);
  EXPECT_EQ(to_string(set.error()),
            "-: error: input is larger than the limit of 100 bytes "
            "(--max-input-size raises it)");
}

TEST(Load, AStreamAsLargeAsTheLimitIsRead) {
  const std::string wmd = read_bytes(testdata_dir() / "wmd/bits-writer.xml");
  LoadOptions options;
  options.parse.max_bytes = wmd.size();
  std::istringstream in(wmd);
  ASSERT_OK(load("-", options, &in));
  options.parse.max_bytes = wmd.size() - 1;
  std::istringstream again(wmd);
  EXPECT_EQ(load("-", options, &again).error().code, ErrorCode::kUnsupported);
}

// An endless stream of spaces that counts what it hands out.
class Endless : public std::streambuf {
 public:
  std::size_t served = 0;

 protected:
  int_type underflow() override {
    served += sizeof buf_;
    setg(buf_, buf_, buf_ + sizeof buf_);
    return traits_type::to_int_type(buf_[0]);
  }

 private:
  char buf_[4096] = {};
};

TEST(Load, AnEndlessStreamStopsAtTheLimit) {
  Endless endless;
  std::istream in(&endless);
  LoadOptions options;
  options.parse.max_bytes = std::size_t{1} << 20;
  auto set = load("-", options, &in);
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().message,
            "input is larger than the limit of 1048576 bytes");
  // Read: the limit and at most one more 64 KiB chunk.
  EXPECT_LE(endless.served, options.parse.max_bytes + 65536);
}

#ifndef _WIN32
TEST(Load, ALinkLoopAndADanglingLinkAreNamedAsSuch) {
  TempDir dir;
  fs::create_symlink("loop.xml", dir.path() / "loop.xml");
  fs::create_symlink("nowhere.xml", dir.path() / "dangling.xml");
  const std::string loop = (dir.path() / "loop.xml").string();
  const std::string dangling = (dir.path() / "dangling.xml").string();
  EXPECT_EQ(to_string(load(loop).error()),
            loop + ": error: symbolic link loop");
  EXPECT_EQ(to_string(load(dangling).error()),
            dangling + ": error: dangling symbolic link to 'nowhere.xml'");
}

TEST(Load, AFifoGivenByNameIsRead) {
  TempDir dir;
  const fs::path fifo = dir.path() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string wmd = read_bytes(testdata_dir() / "wmd/bits-writer.xml");
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << wmd; });
  auto set = load(fifo.string());
  writer.join();
  ASSERT_OK(set);
  EXPECT_EQ(set->writers.at(0).display_name(), "BITS Writer");
}

// Only a regular file is read twice (for an error's message): a pipe
// gives its bytes once (`vssmeta dump <(...)`).
TEST(Load, AMalformedFifoGivesItsErrorReadOnce) {
  TempDir dir;
  const fs::path fifo = dir.path() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string broken = "<WRITER_METADATA>\n <a></b></WRITER_METADATA>";
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << broken; });
  auto set = load(fifo.string());
  writer.join();
  ASSERT_FALSE(set);
  EXPECT_EQ(to_string(set.error()),
            fifo.string() + ":2:5: error: </b> does not match <a>");
}

TEST(Load, EntriesOfAFolderThatAreNoFilesAreSkippedWithAWarningEach) {
  TempDir dir;
  dir.write("WM1.xml", read_bytes(testdata_dir() / "wmd/bits-writer.xml"));
  fs::create_symlink("nowhere.xml", dir.path() / "WM0.xml");
  fs::create_symlink("WM2.xml", dir.path() / "WM2.xml");
  fs::create_symlink("WM1.xml", dir.path() / "WM3.xml");  // read, as WM1
  ASSERT_EQ(::mkfifo((dir.path() / "WM4.xml").c_str(), 0600), 0);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string sock = (dir.path() / "x.sock").string();
  ASSERT_LT(sock.size(), sizeof addr.sun_path);
  std::strcpy(addr.sun_path, sock.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  // A copy of /dev/null's node (root only; /dev is never touched).
  const bool device = ::mknod((dir.path() / "WM5.xml").c_str(), S_IFCHR | 0666,
                              makedev(1, 3)) == 0;
  auto set = load(dir.path().string());
  ::close(fd);
  ASSERT_OK(set);
  EXPECT_EQ(set->writers.size(), 2U);
  std::string warnings;
  for (const Diagnostic& d : set.warnings()) warnings += to_string(d) + "\n";
  const std::string at = dir.path().generic_string() + "/";
  EXPECT_EQ(warnings,
            at +
                "WM0.xml: warning: skipped: dangling symbolic link to "
                "'nowhere.xml' [skipped-file]\n" +
                at +
                "WM2.xml: warning: skipped: symbolic link loop "
                "[skipped-file]\n" +
                at +
                "WM4.xml: warning: skipped: FIFO (named pipe) "
                "[skipped-file]\n" +
                (device ? at + "WM5.xml: warning: skipped: character device "
                               "[skipped-file]\n"
                        : std::string()) +
                at + "x.sock: warning: skipped: socket [skipped-file]\n");
}
#endif

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
