// SPDX-License-Identifier: MIT
// The output helpers every command shares: standard output or an atomic
// -o file, usage errors, the colour decision.
#include "cli/output.h"

#include <filesystem>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "support/test_support.h"

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
