// SPDX-License-Identifier: MIT
#include "cli/app.h"

#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "tools/cli_runner.h"
#include "vssmeta/version.h"

namespace vssmeta::cli {
namespace {

using testing::run_cli;

TEST(App, VersionExitsZero) {
  auto r = run_cli({"--version"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_EQ(r.out, std::string("vssmeta ") + VSSMETA_VERSION_STRING + "\n");
}

TEST(App, HelpListsCommandsAndExitCodes) {
  auto r = run_cli({"--help"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_NE(r.out.find("dump"), std::string::npos);
  EXPECT_NE(r.out.find(kExitCodeHelp), std::string::npos);
}

TEST(App, MissingSubcommandIsAUsageError) {
  auto r = run_cli({});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(
      r.err.rfind("vssmeta: error: no command given (commands: dump, ", 0), 0U)
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(App, UnknownOptionIsAUsageError) {
  auto r = run_cli({"dump", "--frobnicate", "wmd/bits-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
}

// Argument errors come from one place, with did-you-mean.
TEST(App, UnknownCommandSuggestsTheClosest) {
  auto r = run_cli({"dupm", "wmd/bits-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "vssmeta: error: unknown command 'dupm' (did you mean dump?)\n"
            "Run 'vssmeta --help' for usage.\n");
  r = run_cli({"frobnicate"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: unknown command 'frobnicate' (commands: dump, "
            "diff, validate, graph, capture, status, diagnose, "
            "restore-plan, report)\nRun 'vssmeta --help' for usage.\n");
}

TEST(App, UnknownOptionSuggestsTheClosest) {
  auto r = run_cli({"dump", "--formt", "json", "wmd/bits-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "vssmeta: error: unknown option '--formt' for 'vssmeta dump' (did "
            "you mean --format?)\nRun 'vssmeta dump --help' for usage.\n");
  r = run_cli({"graph", "--dept=2", "capture"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: unknown option '--dept' for 'vssmeta graph' (did "
            "you mean --depth?)\nRun 'vssmeta graph --help' for usage.\n");
}

TEST(App, OtherArgumentErrorsHaveTheSamePrefix) {
  auto r = run_cli({"dump", "--format", "yaml", "wmd/bits-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err.rfind("vssmeta: error: --format: yaml not in", 0), 0U)
      << r.err;
}

TEST(App, BadFormatValueIsAUsageError) {
  auto r = run_cli({"dump", "--format", "yaml", "wmd/bits-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace vssmeta::cli
