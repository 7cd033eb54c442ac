// SPDX-License-Identifier: MIT
// The options several subcommands register through options.h: the same
// name, values and help in each (tested through the commands).

#include <string>

#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "tools/cli_runner.h"

namespace vssmeta::cli {
namespace {

using testing::run_cli;

class SharedOptions : public ::testing::TestWithParam<const char*> {};

TEST_P(SharedOptions, ColorTakesAutoAlwaysOrNever) {
  auto r = run_cli({GetParam(), "--color", "purple", "wmd/bits-writer.xml",
                    "wmd/bits-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_NE(r.err.find("--color: purple not in {auto,always,never}"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_P(SharedOptions, HelpDescribesColorAndOutputAlike) {
  auto r = run_cli({GetParam(), "--help"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_NE(r.out.find("auto (default), always or never"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("-o,--output"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Write to this file instead of stdout (replaced "
                       "atomically, keeping its permissions; never an input)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  --max-input-size SIZE       Refuse a file or stream "
                       "larger than SIZE (default 256M; K, M, G are powers of "
                       "1024; at most 2G)"),
            std::string::npos)
      << r.out;
}

TEST_P(SharedOptions, KeepGoingIsOffered) {
  auto r = run_cli({GetParam(), "--help"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_NE(r.out.find("--keep-going"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Load the rest of a capture (folder, cabinet, vshadow "
                       "-wm3 text) when one of its documents cannot be read"),
            std::string::npos)
      << r.out;
}

INSTANTIATE_TEST_SUITE_P(Commands, SharedOptions,
                         ::testing::Values("dump", "validate", "diff"));

TEST(SharedOptionsGraph, KeepGoingIsOffered) {
  auto r = run_cli({"graph", "--help"});
  EXPECT_NE(r.out.find("--keep-going"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace vssmeta::cli
