// SPDX-License-Identifier: MIT
#include "vssmeta/hresult.h"

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

TEST(DescribeHresult, KnowsTheCodesARequesterMeets) {
  EXPECT_EQ(describe_hresult(0x80042301).name, "VSS_E_BAD_STATE");
  EXPECT_EQ(describe_hresult(0x80042316).name,
            "VSS_E_SNAPSHOT_SET_IN_PROGRESS");
  EXPECT_EQ(describe_hresult(0x800423F3).name, "VSS_E_WRITERERROR_RETRYABLE");
  EXPECT_EQ(describe_hresult(0x800423F2).name, "VSS_E_WRITERERROR_TIMEOUT");
  EXPECT_EQ(describe_hresult(0x80070005).name, "E_ACCESSDENIED");
  EXPECT_EQ(describe_hresult(0x80004001).name, "E_NOTIMPL");
  EXPECT_EQ(describe_hresult(0x800706BA).name, "RPC_S_SERVER_UNAVAILABLE");
  EXPECT_EQ(describe_hresult(0x80070422).name, "ERROR_SERVICE_DISABLED");
  EXPECT_EQ(describe_hresult(0x800705B4).name, "ERROR_TIMEOUT");
  // The ends of the (binary-searched) table.
  EXPECT_EQ(describe_hresult(0x00000000).name, "S_OK");
  EXPECT_EQ(describe_hresult(0x800706BE).name, "RPC_S_CALL_FAILED");
}

TEST(DescribeHresult, UnknownCodeHasNoNameOrAdvice) {
  const HresultInfo info = describe_hresult(0x8badf00d);
  EXPECT_EQ(info.code, 0x8badf00dU);
  EXPECT_TRUE(info.name.empty());
  EXPECT_TRUE(info.advice.empty());
}

TEST(FormatHresult, HexThenName) {
  EXPECT_EQ(format_hresult(0x80042301), "0x80042301 VSS_E_BAD_STATE");
  EXPECT_EQ(format_hresult(0x8badf00d), "0x8BADF00D");
}

TEST(ExplainHresult, AdvisesWhatToDo) {
  EXPECT_EQ(explain_hresult(0x80070005),
            "0x80070005 E_ACCESSDENIED: access denied: run from an elevated "
            "prompt (Run as administrator)");
  EXPECT_EQ(explain_hresult(0x80004001),
            "0x80004001 E_NOTIMPL: VSS is not available on this system");
  EXPECT_EQ(explain_hresult(0x0004230A), "0x0004230A VSS_S_ASYNC_FINISHED");
  EXPECT_EQ(explain_hresult(0x8badf00d), "0x8BADF00D");
}

// Issue #19, defect 4: the advice says what each code's documentation
// says it means.
TEST(ExplainHresult, AdviceFollowsTheDocumentation) {
  // A call out of its documented sequence.
  EXPECT_EQ(explain_hresult(0x80042301),
            "0x80042301 VSS_E_BAD_STATE: a VSS call came out of its "
            "documented sequence: a bug in the requester; please report it "
            "with the output of the failing command");
  // A writer may have used up its backup and restore sessions.
  EXPECT_EQ(explain_hresult(0x80042409),
            "0x80042409 VSS_E_WRITER_STATUS_NOT_AVAILABLE: a writer's status "
            "is not available: it may have reached its maximum number of "
            "backup and restore sessions; wait for other backups to end");
  // The shadow copy set lacks volumes the writer needs.
  EXPECT_EQ(explain_hresult(0x800423F0),
            "0x800423F0 VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT: the shadow "
            "copy set lacks volumes this writer needs: include every volume "
            "that holds its files");
  EXPECT_EQ(explain_hresult(0x800423F3),
            "0x800423F3 VSS_E_WRITERERROR_RETRYABLE: the writer failed in an "
            "earlier backup with an error a new backup may not meet; its "
            "status stays until a backup runs or its service restarts, so "
            "capturing again does not clear it");
}

TEST(ExplainHresult, KnowsDuplicateComponentsAndLateComSecurity) {
  EXPECT_EQ(describe_hresult(0x8004230D).name, "VSS_E_OBJECT_ALREADY_EXISTS");
  EXPECT_EQ(describe_hresult(0x80010119).name, "RPC_E_TOO_LATE");
  EXPECT_FALSE(describe_hresult(0x8004230D).advice.empty());
  EXPECT_FALSE(describe_hresult(0x80010119).advice.empty());
}

TEST(HresultFailed, SeverityBit) {
  EXPECT_TRUE(hresult_failed(0x80042301));
  EXPECT_FALSE(hresult_failed(0x00042309));
  EXPECT_FALSE(hresult_failed(0));
}

}  // namespace
}  // namespace vssmeta
