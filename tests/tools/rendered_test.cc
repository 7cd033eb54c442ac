// SPDX-License-Identifier: MIT
// A command's output held in blocks until it is complete.
#include "cli/commands/rendered.h"

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

class Rendered : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vssmeta-rendered-test-" + std::to_string(std::random_device{}()) +
            "-" + std::to_string(std::random_device{}()));
    ASSERT_TRUE(fs::create_directories(dir_)) << dir_;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // 3 MiB and a bit, written a character, a line and a long run at a time:
  // the blocks (1 MiB each) split it in the middle of writes.
  static std::string render(std::ostream& out) {
    std::string expected;
    for (int i = 0; i < 40000; ++i) {
      const std::string line = "line " + std::to_string(i) + '\n';
      out << 'x' << line;
      expected += 'x' + line;
    }
    const std::string run(2'500'000, 'r');
    out << run;
    expected += run;
    return expected;
  }

  fs::path dir_;
  std::istringstream in_;
  std::ostringstream out_;
  std::ostringstream err_;
  Io io_{in_, out_, err_, false};
};

TEST_F(Rendered, NothingIsWrittenBeforeWrite) {
  RenderedOutput text;
  render(text.stream());
  EXPECT_EQ(out_.str(), "");
}

TEST_F(Rendered, StandardOutputGetsEveryByteInOrder) {
  RenderedOutput text;
  const std::string expected = render(text.stream());
  EXPECT_EQ(text.write("-", io_), kExitOk);
  EXPECT_EQ(out_.str(), expected);
  EXPECT_EQ(err_.str(), "");
}

TEST_F(Rendered, AFileGetsEveryByteInOrder) {
  RenderedOutput text;
  const std::string expected = render(text.stream());
  const fs::path file = dir_ / "out.txt";
  EXPECT_EQ(text.write(file.string(), io_), kExitOk);
  EXPECT_EQ(testing::read_bytes(file), expected);
  EXPECT_EQ(out_.str(), "");
}

TEST_F(Rendered, EmptyOutputWritesAnEmptyFile) {
  RenderedOutput text;
  const fs::path file = dir_ / "empty.txt";
  EXPECT_EQ(text.write(file.string(), io_), kExitOk);
  EXPECT_TRUE(fs::exists(file));
  EXPECT_EQ(fs::file_size(file), 0U);
}

}  // namespace
}  // namespace vssmeta::cli
