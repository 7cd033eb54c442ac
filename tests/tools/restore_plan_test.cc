// SPDX-License-Identifier: MIT
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "support/test_support.h"
#include "tools/cli_runner.h"

namespace vssmeta::cli {
namespace {

using ::testing::HasSubstr;
using ::vssmeta::testing::matches_golden;
using ::vssmeta::testing::run_cli;

TEST(RestorePlanCli, MethodsGoldenAndExitStatus) {
  auto r = run_cli({"restore-plan", "-q", "restore/methods"});
  EXPECT_EQ(r.exit_code, kExitSevere) << r.err;  // RST002, RST012
  EXPECT_TRUE(matches_golden(r.out, "restore/methods.txt"));
}

TEST(RestorePlanCli, JsonFollowsTheSchema) {
  auto r = run_cli(
      {"restore-plan", "-q", "--format", "json", "restore/restore-time"});
  EXPECT_EQ(r.exit_code, kExitSevere | kExitFindings) << r.err;
  EXPECT_TRUE(matches_golden(r.out, "restore/restore-time.json"));
  if (vssmeta::testing::have_python_jsonschema()) {
    EXPECT_EQ(
        vssmeta::testing::validate_json(r.out, vssmeta::testing::schemas_dir() /
                                                   "restore-plan.schema.json"),
        "");
  }
}

TEST(RestorePlanCli, CleanPlanExitsZero) {
  auto r = run_cli({"restore-plan", "-q", "restore/deps"});
  EXPECT_EQ(r.exit_code, kExitOk) << r.out;
  EXPECT_THAT(r.out, HasSubstr("0 errors, 0 warnings, 0 infos"));
}

TEST(RestorePlanCli, WarningsSetTheFindingsBit) {
  auto r = run_cli({"restore-plan", "-q", "--select", "Nutmeg Ledger Writer",
                    "restore/deps"});
  EXPECT_EQ(r.exit_code, kExitFindings) << r.out;
  EXPECT_THAT(r.out, HasSubstr("[RST011]"));
}

TEST(RestorePlanCli, TargetStatus) {
  auto r = run_cli({"restore-plan", "-q", "--target-status",
                    "restore/target-status.json", "restore/methods"});
  EXPECT_THAT(r.out,
              HasSubstr("Dogwood Alternate Writer {5e570004-0000-4000-"
                        "8000-000000000004} takes part in the restore "
                        "but is not among the target's writers [RST013]"));
  auto bad = run_cli({"restore-plan", "--target-status",
                      "restore/methods/bcd.xml", "restore/methods"});
  EXPECT_EQ(bad.exit_code, kExitError);
  EXPECT_THAT(bad.err,
              HasSubstr("restore/methods/bcd.xml:1:1: error: not valid "
                        "JSON"));
  EXPECT_TRUE(bad.out.empty());
}

TEST(RestorePlanCli, UnknownSelectionIsAUsageError) {
  auto r = run_cli(
      {"restore-plan", "--select", "Oak Index Writer:\\Indx", "restore/deps"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: no component 'Indx' in writer 'Oak Index Writer' "
            "(closest: Index)\n");
  EXPECT_TRUE(r.out.empty());
}

TEST(RestorePlanCli, HelpListsExitStatus) {
  auto r = run_cli({"restore-plan", "--help"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_THAT(r.out, HasSubstr("--target-status FILE"));
  EXPECT_THAT(r.out, HasSubstr("Exit status"));
}

}  // namespace
}  // namespace vssmeta::cli
