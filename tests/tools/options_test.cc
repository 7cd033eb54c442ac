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

// -q means the same in every command that loads documents.
class QuietOption : public ::testing::TestWithParam<const char*> {};

TEST_P(QuietOption, MeansTheSameEverywhere) {
  auto r = run_cli({GetParam(), "--help"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_NE(r.out.find("-q,--quiet"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Do not print warnings: errors and results only"),
            std::string::npos)
      << r.out;
}

// A document whose loader warns (an unknown element): -q drops the
// warning, the result stays.
TEST_P(QuietOption, DropsLoaderWarningsAndKeepsResults) {
  const std::string command = GetParam();
  std::vector<std::string> args = {command, "wmd/unknown-content.xml"};
  if (command == "diff") args.push_back("wmd/unknown-content.xml");
  if (command == "restore-plan") {
    args.insert(args.end(), {"--select", "Larkspur Ledger Writer"});
  }
  auto loud = run_cli(args);
  args.push_back("-q");
  auto quiet = run_cli(args);
  EXPECT_NE(loud.err, "") << command;
  EXPECT_EQ(quiet.err, "") << command;
  EXPECT_EQ(quiet.out, loud.out) << command;
  EXPECT_EQ(quiet.exit_code, loud.exit_code) << command;
}

INSTANTIATE_TEST_SUITE_P(Commands, QuietOption,
                         ::testing::Values("dump", "diff", "graph", "diagnose",
                                           "restore-plan"));

TEST(SharedOptionsGraph, KeepGoingIsOffered) {
  auto r = run_cli({"graph", "--help"});
  EXPECT_NE(r.out.find("--keep-going"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace vssmeta::cli
