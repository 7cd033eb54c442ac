// SPDX-License-Identifier: MIT
// load_inputs(): the PATH loop every command shares (dump, validate, diff,
// graph), tested directly; the goldens test it through each command.
#include "cli/inputs.h"

#include <filesystem>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace vssmeta::cli {
namespace {

using testing::matches_golden;
using testing::read_bytes;
using testing::testdata_dir;

// Runs from testdata/, so that names in messages match the goldens.
class LoadInputs : public ::testing::Test {
 protected:
  void SetUp() override { std::filesystem::current_path(testdata_dir()); }
  void TearDown() override { std::filesystem::current_path(cwd_); }

  std::optional<CaptureSet> load(const std::vector<std::string>& paths,
                                 bool quiet,
                                 const std::string& stdin_text = "") {
    in_.str(stdin_text);
    return load_inputs(paths, quiet, io_);
  }

  std::istringstream in_;
  std::ostringstream out_;
  std::ostringstream err_;
  Io io_{in_, out_, err_, false};

 private:
  std::filesystem::path cwd_ = std::filesystem::current_path();
};

TEST_F(LoadInputs, MergesEveryPathInOrder) {
  auto capture =
      load({"wmd/bits-writer.xml", "wmd/registry-writer.xml"}, false);
  ASSERT_TRUE(capture.has_value()) << err_.str();
  ASSERT_EQ(capture->writers.size(), 2U);
  EXPECT_EQ(capture->writers[0].display_name(), "BITS Writer");
  EXPECT_EQ(capture->writers[1].display_name(), "Registry Writer");
  EXPECT_EQ(err_.str(), "");
  EXPECT_EQ(out_.str(), "");
}

TEST_F(LoadInputs, DashReadsTheInputStream) {
  auto capture = load({"-"}, false, read_bytes("wmd/bits-writer.xml"));
  ASSERT_TRUE(capture.has_value()) << err_.str();
  ASSERT_EQ(capture->writers.size(), 1U);
  EXPECT_EQ(capture->writers[0].display_name(), "BITS Writer");
}

TEST_F(LoadInputs, PrintsParserWarnings) {
  auto capture = load({"wmd/unknown-content.xml"}, false);
  ASSERT_TRUE(capture.has_value());
  EXPECT_EQ(capture->writers.size(), 1U);
  EXPECT_TRUE(matches_golden(err_.str(), "dump/unknown-content.err"));
}

TEST_F(LoadInputs, QuietLoadsTheSameWithoutWarnings) {
  auto capture = load({"wmd/unknown-content.xml"}, true);
  ASSERT_TRUE(capture.has_value());
  EXPECT_EQ(capture->writers.size(), 1U);
  EXPECT_EQ(err_.str(), "");
}

TEST_F(LoadInputs, StopsAtTheFirstErrorAfterTheWarningsSoFar) {
  auto capture = load(
      {"wmd/unknown-content.xml", "invalid/truncated.xml", "no-such-file.xml"},
      false);
  EXPECT_FALSE(capture.has_value());
  EXPECT_EQ(
      err_.str(),
      read_bytes(testdata_dir() / "expected" / "dump" / "unknown-content.err") +
          read_bytes(testdata_dir() / "expected" / "dump" / "truncated.err"));
  EXPECT_EQ(out_.str(), "");
}

TEST_F(LoadInputs, QuietStillPrintsTheError) {
  auto capture =
      load({"wmd/unknown-content.xml", "invalid/truncated.xml"}, true);
  EXPECT_FALSE(capture.has_value());
  EXPECT_TRUE(matches_golden(err_.str(), "dump/truncated.err"));
}

TEST_F(LoadInputs, MissingFileNamesIt) {
  auto capture = load({"no-such-file.xml"}, false);
  EXPECT_FALSE(capture.has_value());
  EXPECT_EQ(err_.str().rfind("no-such-file.xml", 0), 0U) << err_.str();
  EXPECT_NE(err_.str().find(": error: "), std::string::npos) << err_.str();
}

}  // namespace
}  // namespace vssmeta::cli
