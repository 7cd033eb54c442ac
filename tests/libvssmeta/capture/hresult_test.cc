// SPDX-License-Identifier: MIT
#include "vssmeta/hresult.h"

#include <cstdint>

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

TEST(DescribeHresult, EveryVssErrorHasACauseAndAnAction) {
  // Every VSS_E_* value vsserror.h defines, by its number.
  const std::uint32_t codes[] = {
      0x80042301, 0x80042302, 0x80042303, 0x80042304, 0x80042306, 0x80042307,
      0x80042308, 0x8004230C, 0x8004230D, 0x8004230E, 0x8004230F, 0x80042310,
      0x80042311, 0x80042312, 0x80042313, 0x80042314, 0x80042315, 0x80042316,
      0x80042317, 0x80042318, 0x80042319, 0x8004231A, 0x8004231B, 0x8004231D,
      0x8004231E, 0x8004231F, 0x80042320, 0x80042321, 0x80042322, 0x80042323,
      0x80042324, 0x80042325, 0x80042326, 0x80042327, 0x80042328, 0x80042329,
      0x8004232A, 0x8004232B, 0x8004232C, 0x8004232D, 0x8004232E, 0x8004232F,
      0x80042336, 0x800423F0, 0x800423F1, 0x800423F2, 0x800423F3, 0x800423F4,
      0x800423F5, 0x800423F6, 0x800423F7, 0x800423F8, 0x800423F9, 0x800423FA,
      0x800423FB, 0x800423FC, 0x800423FD, 0x800423FE, 0x800423FF, 0x80042400,
      0x80042401, 0x80042402, 0x80042403, 0x80042404, 0x80042405, 0x80042406,
      0x80042407, 0x80042408, 0x80042409, 0x8004240A, 0x80042411, 0x80042412,
      0x80042413, 0x80042414, 0x80042415, 0x80042416, 0x80042417,
  };
  for (std::uint32_t code : codes) {
    const HresultInfo info = describe_hresult(code);
    EXPECT_EQ(info.name.substr(0, 6), "VSS_E_") << std::hex << code;
    EXPECT_FALSE(info.cause.empty()) << info.name;
    EXPECT_FALSE(info.advice.empty()) << info.name;
  }
  EXPECT_EQ(describe_hresult(0x800423F0).cause,
            "the shadow copy set holds only some of the volumes the writer "
            "needs");
  EXPECT_EQ(describe_hresult(0x80042317).name,
            "VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED");
  EXPECT_TRUE(describe_hresult(0x00000000).cause.empty());
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
