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
  EXPECT_NE(r.err.find("A subcommand is required"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(App, UnknownOptionIsAUsageError) {
  auto r = run_cli({"dump", "--frobnicate", "wmd/bits-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
}

TEST(App, BadFormatValueIsAUsageError) {
  auto r = run_cli({"dump", "--format", "yaml", "wmd/bits-writer.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace vssmeta::cli
