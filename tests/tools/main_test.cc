// SPDX-License-Identifier: MIT
// The real vssmeta binary against what only a process can show: standard
// output that cannot be written (/dev/full, closed), process substitution,
// and the peak memory of reading an endless stream.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "support/test_support.h"

#if defined(VSSMETA_CLI_PATH) && !defined(_WIN32)
#include <cstdlib>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace vssmeta::cli {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;
using testing::testdata_dir;

class Binary : public ::testing::Test {
 protected:
  // Runs `shell_args` (vssmeta's arguments and redirections, as a shell
  // reads them) with `shell` in testdata/; returns the exit status and
  // keeps standard error in err_.
  int sh(const std::string& shell_args, const std::string& shell = "sh") {
    const std::string script = "cd '" + testdata_dir().string() + "' && '" +
                               VSSMETA_CLI_PATH + "' " + shell_args + " 2>'" +
                               (dir_ / "err").string() + "'";
    std::ofstream(dir_ / "script") << script;
    const int status =
        std::system((shell + " '" + (dir_ / "script").string() + "'").c_str());
    err_ = read_bytes(dir_ / "err");
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  testing::TempFolder folder_{"vssmeta-main-test-"};
  const fs::path& dir_ = folder_.path();
  std::string err_;
};

TEST_F(Binary, AFullStandardOutputIsAnError) {
  if (!fs::is_character_file("/dev/full")) GTEST_SKIP() << "no /dev/full";
  EXPECT_EQ(sh("dump wmd/bits-writer.xml >/dev/full"), kExitError);
  EXPECT_EQ(err_,
            "vssmeta: error: cannot write to standard output: No space left "
            "on device\n");
  // Every command, and text printed before any input is read.
  EXPECT_EQ(sh("validate --list-rules >/dev/full"), kExitError);
  EXPECT_EQ(sh("--help >/dev/full"), kExitError);
  EXPECT_EQ(sh("graph graph/deps >/dev/full"), kExitError);
  EXPECT_EQ(err_,
            "vssmeta: error: cannot write to standard output: No space left "
            "on device\n");
  EXPECT_EQ(sh("dump wmd/bits-writer.xml -o /dev/full"), kExitError);
  EXPECT_EQ(err_, "/dev/full: error: cannot write: No space left on device\n");
}

TEST_F(Binary, AClosedStandardOutputIsAnError) {
  EXPECT_EQ(sh("dump wmd/bits-writer.xml >&-"), kExitError);
  EXPECT_EQ(err_,
            "vssmeta: error: cannot write to standard output: Bad file "
            "descriptor\n");
  // -o still works, and nothing meant for stdout lands in its file.
  const std::string out = (dir_ / "out.txt").string();
  EXPECT_EQ(sh("dump wmd/bits-writer.xml -o '" + out + "' >&-"), kExitOk);
  EXPECT_EQ(read_bytes(out).rfind("Writer \"BITS Writer\"", 0), 0U);
}

TEST_F(Binary, ProcessSubstitutionStandardInputAndDevStdoutWork) {
  EXPECT_EQ(sh("dump - <wmd/bits-writer.xml >'" + (dir_ / "a").string() + "'"),
            kExitOk);
  EXPECT_EQ(read_bytes(dir_ / "a").rfind("Writer \"BITS Writer\"", 0), 0U);
  EXPECT_EQ(err_, "");
  EXPECT_EQ(sh("dump wmd/bits-writer.xml -o /dev/stdout >'" +
               (dir_ / "b").string() + "'"),
            kExitOk);
  EXPECT_EQ(read_bytes(dir_ / "b")
                .rfind("Writer \"BITS Writer\"  {4969d978-be47-48b0-b100-"
                       "f328f07ac1e0}  (wmd/bits-writer.xml)\n",
                       0),
            0U);
  // /dev/stdout is this process's descriptor 1, written where it stands:
  // what a redirection of a group holds before and after is kept.
  const std::string log = (dir_ / "log").string();
  std::ofstream(log) << "before\n";
  EXPECT_EQ(sh("dump wmd/bits-writer.xml -o /dev/stdout >>'" + log + "'"),
            kExitOk);
  EXPECT_EQ(std::system(("echo after >>'" + log + "'").c_str()), 0);
  EXPECT_EQ(read_bytes(log), "before\n" + read_bytes(dir_ / "b") + "after\n");
  if (std::system("bash -c 'cat <(true)' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "no bash with process substitution";
  }
  EXPECT_EQ(
      sh("dump <(cat wmd/bits-writer.xml) >'" + (dir_ / "c").string() + "'",
         "bash"),
      kExitOk);
  EXPECT_EQ(err_, "");
  const std::string c = read_bytes(dir_ / "c");
  EXPECT_EQ(c.rfind("Writer \"BITS Writer\"", 0), 0U) << c;
  EXPECT_NE(c.find("(/dev/fd/"), std::string::npos) << c;
}

// The peak resident memory (KiB) of `vssmeta args...`, run in testdata/
// with standard output discarded; standard error goes to `err`.
long peak_kib(const std::vector<std::string>& args, const fs::path& err) {
  std::vector<std::string> all{VSSMETA_CLI_PATH};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string cwd = testdata_dir().string();
  const std::string err_path = err.string();
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    const int e = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (null < 0 || e < 0 || dup2(null, 1) < 0 || dup2(e, 2) < 0 ||
        chdir(cwd.c_str()) != 0) {
      _exit(127);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) return -1;
  return usage.ru_maxrss;
}

TEST_F(Binary, AnEndlessStreamFailsAtTheLimitWithinTheLimitAndOneChunk) {
  if (!fs::is_character_file("/dev/zero")) GTEST_SKIP() << "no /dev/zero";
  constexpr long kLimitKib = 16 * 1024;
  constexpr long kChunkKib = 64;
#if defined(__SANITIZE_ADDRESS__)
  // Under AddressSanitizer (the ci preset, which the README's test command
  // runs) the resident set also holds the shadow of what the program
  // touches, an eighth of it, and some allocator bookkeeping: measured
  // 17,560-18,084 KiB above the small document over nine runs, so one
  // eighth more and 1 MiB of slack. A buffer that doubled past the limit
  // would still be twice as much.
  constexpr long kSlackKib = kLimitKib / 8 + 1024;
#else
  constexpr long kSlackKib = 0;
#endif
  const long base = peak_kib(
      {"dump", "--max-input-size", "16M", "wmd/bits-writer.xml"}, dir_ / "e");
  const long zero =
      peak_kib({"dump", "--max-input-size", "16M", "/dev/zero"}, dir_ / "e");
  EXPECT_EQ(read_bytes(dir_ / "e"),
            "/dev/zero: error: input is larger than the limit of 16777216 "
            "bytes (--max-input-size raises it)\n");
  ASSERT_GT(base, 0);
  EXPECT_LE(zero, base + kLimitKib + kChunkKib + kSlackKib)
      << "base " << base << " KiB";
}

}  // namespace
}  // namespace vssmeta::cli
#endif
