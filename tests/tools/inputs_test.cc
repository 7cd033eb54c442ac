// SPDX-License-Identifier: MIT
// load_inputs(): the PATH loop every command shares (dump, validate, diff,
// graph), tested directly; the goldens test it through each command.
#include "cli/inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "support/test_support.h"
#include "tools/cli_runner.h"
#include "vssmeta/config.h"

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

// --keep-going: a capture folder with a malformed file.
class KeepGoing : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(tmp_.path() / "WM0.xml", std::ios::binary)
        << read_bytes(testdata_dir() / "wmd/bits-writer.xml");
    std::ofstream(tmp_.path() / "WM1.xml", std::ios::binary)
        << "<WRITER_METADATA>";
    std::ofstream(tmp_.path() / "WM2.xml", std::ios::binary)
        << read_bytes(testdata_dir() / "wmd/wmi-writer.xml");
  }
  std::string dir() const { return tmp_.path().generic_string(); }
  std::optional<CaptureSet> load(bool quiet, bool keep_going) {
    return load_inputs({dir()}, quiet, io_, ParseOptions{}.max_bytes,
                       keep_going);
  }
  testing::TempFolder tmp_{"vssmeta-keep-going"};
  std::istringstream in_;
  std::ostringstream out_;
  std::ostringstream err_;
  Io io_{in_, out_, err_, false};
};

TEST_F(KeepGoing, WithoutItTheFolderFails) {
  EXPECT_FALSE(load(false, false).has_value());
  EXPECT_FALSE(io_.input_failed);
  EXPECT_EQ(err_.str().rfind(dir() + "/WM1.xml:1:18: error: ", 0), 0U)
      << err_.str();
}

TEST_F(KeepGoing, WithItTheRestLoadsAndTheFailureIsReported) {
  auto capture = load(false, true);
  ASSERT_TRUE(capture.has_value()) << err_.str();
  EXPECT_EQ(capture->writers.size(), 2U);
  EXPECT_TRUE(io_.input_failed);
  EXPECT_EQ(err_.str().rfind(dir() + "/WM1.xml:1:18: error: ", 0), 0U)
      << err_.str();
  EXPECT_NE(err_.str().find("[unreadable-file]\n"), std::string::npos)
      << err_.str();
}

TEST_F(KeepGoing, QuietStillReportsTheFailure) {
  auto capture = load(true, true);
  ASSERT_TRUE(capture.has_value());
  EXPECT_TRUE(io_.input_failed);
  const std::string err = err_.str();
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_NE(err.find("[unreadable-file]"), std::string::npos) << err;
}

TEST_F(KeepGoing, CommandsExitWithBitOneAndPrintTheRest) {
  auto r = testing::run_cli({"dump", "--keep-going", dir()});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_NE(r.out.find("BITS Writer"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("WMI Writer"), std::string::npos) << r.out;
  auto strict = testing::run_cli({"dump", dir()});
  EXPECT_EQ(strict.exit_code, kExitError);
  EXPECT_EQ(strict.out, "");
  auto validate = testing::run_cli({"validate", "--keep-going", dir()});
  EXPECT_EQ(validate.exit_code & kExitError, kExitError);
  EXPECT_NE(validate.out, "");
}

// The forms issue #13 added, through the command line.
std::string replace_all(std::string s, const std::string& from,
                        const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos;
       at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

TEST(InputForms, DumpOfTheCabIsTheDumpOfItsFolder) {
  if (!VSSMETA_HAS_CABINET) GTEST_SKIP() << "built without libmspack";
  for (const char* format : {"text", "json"}) {
    auto cab = testing::run_cli(
        {"dump", "--files", "--format", format, "cabinet/capture.cab"});
    auto folder =
        testing::run_cli({"dump", "--files", "--format", format, "capture"});
    EXPECT_EQ(cab.exit_code, kExitOk) << cab.err;
    EXPECT_EQ(cab.err, "");
    EXPECT_EQ(replace_all(cab.out, "cabinet/capture.cab#", "capture/"),
              folder.out)
        << format;
  }
}

TEST(InputForms, UnreadableFormatIsAnErrorWithoutOutput) {
  testing::TempFolder tmp("vssmeta-forms-cli");
  const std::string zip = (tmp.path() / "logs.zip").generic_string();
  std::ofstream(zip, std::ios::binary) << std::string("PK\x03\x04\x14\0", 6);
  auto r = testing::run_cli({"validate", zip});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, zip +
                       ": error: this is a ZIP archive, which holds no VSS "
                       "document vssmeta can read: extract it and load the "
                       "folder or files it holds\n");
}

}  // namespace
}  // namespace vssmeta::cli
