// SPDX-License-Identifier: MIT
// The output helpers every command shares: standard output or an atomic
// -o file, usage errors, the colour decision.
#include "cli/output.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "support/test_support.h"
#include "tools/cli_runner.h"

#ifndef _WIN32
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>
#endif

namespace vssmeta::cli {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;

class Output : public ::testing::Test {
 protected:
  void SetUp() override {
    // Unique: other builds of the project may run this test at the same time.
    dir_ = fs::temp_directory_path() /
           ("vssmeta-output-test-" + std::to_string(std::random_device{}()) +
            "-" + std::to_string(std::random_device{}()));
    ASSERT_TRUE(fs::create_directories(dir_)) << dir_;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::size_t files_in_dir() const {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir_)) {
      (void)e;
      ++n;
    }
    return n;
  }

  static void testing_write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }

  fs::path dir_;
  std::istringstream in_;
  std::ostringstream out_;
  std::ostringstream err_;
  Io io_{in_, out_, err_, false};
};

TEST_F(Output, EmptyOrDashIsStandardOutput) {
  EXPECT_TRUE(is_stdout(""));
  EXPECT_TRUE(is_stdout("-"));
  EXPECT_FALSE(is_stdout("out.txt"));
  EXPECT_FALSE(is_stdout("./-"));
}

TEST_F(Output, WritesToStandardOutput) {
  EXPECT_EQ(write_output("", "one\n", io_), kExitOk);
  EXPECT_EQ(write_output("-", "two\n", io_), kExitOk);
  EXPECT_EQ(out_.str(), "one\ntwo\n");
  EXPECT_EQ(err_.str(), "");
}

TEST_F(Output, WritesAFileAndNothingElse) {
  const fs::path file = dir_ / "out.txt";
  EXPECT_EQ(write_output(file.string(), "content\n", io_), kExitOk);
  EXPECT_EQ(read_bytes(file), "content\n");
  EXPECT_EQ(files_in_dir(), 1U);  // no temporary file left behind
  EXPECT_EQ(out_.str(), "");
  EXPECT_EQ(err_.str(), "");
}

TEST_F(Output, ReplacesAnExistingFile) {
  const fs::path file = dir_ / "out.txt";
  ASSERT_EQ(write_output(file.string(), "old old old\n", io_), kExitOk);
  EXPECT_EQ(write_output(file.string(), "new\n", io_), kExitOk);
  EXPECT_EQ(read_bytes(file), "new\n");
  EXPECT_EQ(files_in_dir(), 1U);
}

TEST_F(Output, FailureNamesTheFileAndLeavesNothing) {
  const fs::path file = dir_ / "missing-folder" / "out.txt";
  EXPECT_EQ(write_output(file.string(), "content\n", io_), kExitError);
  EXPECT_EQ(err_.str(), file.string() + ": error: cannot write: folder '" +
                            file.parent_path().string() + "' does not exist\n");
  EXPECT_EQ(out_.str(), "");
  EXPECT_FALSE(fs::exists(file));
  EXPECT_EQ(files_in_dir(), 0U);
}

TEST_F(Output, AFolderIsNotReplaced) {
  const fs::path folder = dir_ / "out.txt";
  ASSERT_TRUE(fs::create_directory(folder));
  EXPECT_EQ(write_output(folder.string(), "content\n", io_), kExitError);
  EXPECT_EQ(err_.str(),
            folder.string() + ": error: cannot write: it is a folder\n");
  EXPECT_TRUE(fs::is_directory(folder));
  EXPECT_EQ(files_in_dir(), 1U);
}

TEST_F(Output, AFailedStandardOutputIsAnErrorReportedOnce) {
  std::ostream closed(nullptr);  // every write fails, as on a closed stdout
  Io io{in_, closed, err_, false};
  EXPECT_EQ(write_output("-", "content\n", io), kExitError);
  EXPECT_EQ(flush_output(io), kExitError);
  EXPECT_EQ(err_.str(), "vssmeta: error: cannot write to standard output\n");
  std::ostringstream fine;
  Io good{in_, fine, err_, false};
  EXPECT_EQ(write_output("-", "content\n", good), kExitOk);
  EXPECT_EQ(flush_output(good), kExitOk);
}

TEST_F(Output, CheckAcceptsNewFilesAndStandardOutput) {
  const std::string input = (dir_ / "in.xml").string();
  testing_write(input, "<x/>");
  EXPECT_EQ(check_output("-", {input}, io_), kExitOk);
  EXPECT_EQ(check_output("", {input}, io_), kExitOk);
  EXPECT_EQ(check_output((dir_ / "out.txt").string(), {input, "-"}, io_),
            kExitOk);
  EXPECT_EQ(err_.str(), "");
}

TEST_F(Output, CheckRefusesAnInputAndTheFolderOfAnInputFolder) {
  const fs::path input = dir_ / "in.xml";
  testing_write(input.string(), "<x/>");
  EXPECT_EQ(check_output(input.string(), {input.string()}, io_), kExitUsage);
  // Another name for the same file.
  const fs::path other = dir_ / "." / "in.xml";
  EXPECT_EQ(check_output(other.string(), {input.string()}, io_), kExitUsage);
  // A file in a folder given as input (new or not), and the folder itself.
  EXPECT_EQ(check_output((dir_ / "new.txt").string(), {dir_.string()}, io_),
            kExitUsage);
  EXPECT_EQ(check_output(dir_.string(), {dir_.string()}, io_), kExitUsage);
  EXPECT_EQ(err_.str(), "vssmeta: error: refusing to write to '" +
                            input.string() +
                            "': it is an input\n"
                            "vssmeta: error: refusing to write to '" +
                            other.string() +
                            "': it is an input\n"
                            "vssmeta: error: refusing to write to '" +
                            (dir_ / "new.txt").string() +
                            "': it is in the input folder '" + dir_.string() +
                            "'\n"
                            "vssmeta: error: refusing to write to '" +
                            dir_.string() + "': it is an input\n");
  EXPECT_EQ(read_bytes(input), "<x/>");
}

TEST_F(Output, CheckRefusesAFolder) {
  ASSERT_TRUE(fs::create_directory(dir_ / "sub"));
  const std::string sub = (dir_ / "sub").string();
  EXPECT_EQ(check_output(sub, {}, io_), kExitUsage);
  EXPECT_EQ(err_.str(), "vssmeta: error: refusing to write to '" + sub +
                            "': it is a folder\n");
}

TEST(OutputCli, AnInputGivenAsOutputIsLeftAlone) {
  const fs::path dir =
      fs::temp_directory_path() /
      ("vssmeta-self-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const fs::path self = dir / "self.xml";
  const std::string original =
      read_bytes(testing::testdata_dir() / "wmd/bits-writer.xml");
  std::ofstream(self, std::ios::binary) << original;
  auto r = testing::run_cli({"dump", self.string(), "-o", self.string()});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err, "vssmeta: error: refusing to write to '" + self.string() +
                       "': it is an input\n");
  EXPECT_EQ(read_bytes(self), original);
  // The same through a folder: validate DIR -o DIR/report.txt.
  r = testing::run_cli(
      {"validate", dir.string(), "-o", (dir / "report.txt").string()});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_FALSE(fs::exists(dir / "report.txt"));
  // Every command that reads documents refuses it alike.
  for (const char* command : {"validate", "graph", "diff"}) {
    std::vector<std::string> args{command, self.string()};
    if (std::string(command) == "diff") args.push_back(self.string());
    if (std::string(command) == "graph") args.push_back("--format=dot");
    args.insert(args.end(), {"-o", self.string()});
    r = testing::run_cli(args);
    EXPECT_EQ(r.exit_code, kExitUsage) << command;
    EXPECT_EQ(r.err, "vssmeta: error: refusing to write to '" + self.string() +
                         "': it is an input\n")
        << command;
  }
  EXPECT_EQ(read_bytes(self), original);
  // Beside an input file (not a folder) is fine.
  r = testing::run_cli({"dump", self.string(), "-o", (dir / "x.txt").string()});
  EXPECT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_EQ(read_bytes(dir / "x.txt").rfind("Writer \"BITS Writer\"", 0), 0U);
  fs::remove_all(dir);
}

#ifndef _WIN32
TEST_F(Output, ASymbolicLinkIsFollowedAndKept) {
  testing_write((dir_ / "real.txt").string(), "old\n");
  fs::create_symlink("real.txt", dir_ / "link.txt");
  EXPECT_EQ(write_output((dir_ / "link.txt").string(), "new\n", io_), kExitOk);
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(dir_ / "link.txt")));
  EXPECT_EQ(read_bytes(dir_ / "real.txt"), "new\n");
  // A link to a file not there yet creates that file.
  fs::create_symlink("later.txt", dir_ / "dangling.txt");
  EXPECT_EQ(write_output((dir_ / "dangling.txt").string(), "x\n", io_),
            kExitOk);
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(dir_ / "dangling.txt")));
  EXPECT_EQ(read_bytes(dir_ / "later.txt"), "x\n");
  EXPECT_EQ(files_in_dir(), 4U);
  EXPECT_EQ(err_.str(), "");
}

TEST_F(Output, ASymbolicLinkLoopIsRefused) {
  fs::create_symlink("loop", dir_ / "loop");
  const std::string loop = (dir_ / "loop").string();
  EXPECT_EQ(check_output(loop, {}, io_), kExitUsage);
  EXPECT_EQ(write_output(loop, "x\n", io_), kExitError);
  EXPECT_EQ(err_.str(), "vssmeta: error: refusing to write to '" + loop +
                            "': it is a symbolic link loop\n" + loop +
                            ": error: cannot write: it is a symbolic link "
                            "loop\n");
}

TEST_F(Output, AnExistingFileKeepsItsPermissions) {
  const fs::path file = dir_ / "private.txt";
  testing_write(file.string(), "old\n");
  ASSERT_EQ(::chmod(file.c_str(), 0600), 0);
  EXPECT_EQ(write_output(file.string(), "new\n", io_), kExitOk);
  EXPECT_EQ(read_bytes(file), "new\n");
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600U);
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  EXPECT_EQ(write_output(file.string(), "newer\n", io_), kExitOk);
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640U);
}

TEST_F(Output, AFifoIsWrittenInPlace) {
  const fs::path fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = read_bytes(fifo); });
  EXPECT_EQ(check_output(fifo.string(), {fifo.string()}, io_), kExitOk);
  EXPECT_EQ(write_output(fifo.string(), "through\n", io_), kExitOk);
  reader.join();
  EXPECT_EQ(received, "through\n");
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(files_in_dir(), 1U);
}

TEST_F(Output, ACharacterDeviceIsWrittenInPlace) {
  // A copy of /dev/null's node, made here: /dev is never touched.
  const fs::path node = dir_ / "null";
  if (::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    GTEST_SKIP() << "mknod needs root: " << std::strerror(errno);
  }
  EXPECT_EQ(check_output(node.string(), {}, io_), kExitOk);
  EXPECT_EQ(write_output(node.string(), "gone\n", io_), kExitOk);
  EXPECT_TRUE(fs::is_character_file(node));
  EXPECT_EQ(files_in_dir(), 1U);
  EXPECT_EQ(err_.str(), "");
}

TEST_F(Output, AFullDeviceIsAnErrorWithTheReason) {
  if (!fs::is_character_file("/dev/full")) GTEST_SKIP() << "no /dev/full";
  EXPECT_EQ(write_output("/dev/full", "content\n", io_), kExitError);
  EXPECT_EQ(err_.str(),
            "/dev/full: error: cannot write: No space left on device\n");
}

TEST_F(Output, ASocketIsRefused) {
  const fs::path path = dir_ / "sock";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(path.string().size(), sizeof addr.sun_path);
  std::strcpy(addr.sun_path, path.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  EXPECT_EQ(check_output(path.string(), {}, io_), kExitUsage);
  EXPECT_EQ(err_.str(), "vssmeta: error: refusing to write to '" +
                            path.string() + "': it is a socket\n");
  ::close(fd);
}

TEST_F(Output, AFailedWriteLeavesTheOldFileAndNoTemporaryFile) {
  const fs::path file = dir_ / "out.txt";
  testing_write(file.string(), "old\n");
  // Files may grow to 8 bytes: the write fails with EFBIG, not a signal.
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = saved;
  small.rlim_cur = 8;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  const int rc =
      write_output(file.string(), "far more than eight bytes\n", io_);
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_EQ(rc, kExitError);
  EXPECT_EQ(err_.str(),
            file.string() + ": error: cannot write: File too large\n");
  EXPECT_EQ(read_bytes(file), "old\n");
  EXPECT_EQ(files_in_dir(), 1U);
}
#endif

TEST_F(Output, UsageErrorIsPrefixedAndExitsTwo) {
  EXPECT_EQ(usage_error(io_, "--brief and --stat exclude each other"),
            kExitUsage);
  EXPECT_EQ(err_.str(),
            "vssmeta: error: --brief and --stat exclude each other\n");
  EXPECT_EQ(out_.str(), "");
}

TEST_F(Output, ColourAlwaysAndNeverIgnoreTheTerminal) {
  EXPECT_TRUE(want_color("always", false));
  EXPECT_TRUE(want_color("always", true));
  EXPECT_FALSE(want_color("never", true));
  EXPECT_FALSE(want_color("never", false));
  EXPECT_FALSE(want_color("auto", false));
}

}  // namespace
}  // namespace vssmeta::cli
