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
  EXPECT_EQ(explain_hresult(0x80042301),
            "0x80042301 VSS_E_BAD_STATE: another backup or shadow copy is in "
            "progress: wait for it to end, or restart the Volume Shadow Copy "
            "service");
  EXPECT_EQ(explain_hresult(0x0004230A), "0x0004230A VSS_S_ASYNC_FINISHED");
  EXPECT_EQ(explain_hresult(0x8badf00d), "0x8BADF00D");
}

TEST(HresultFailed, SeverityBit) {
  EXPECT_TRUE(hresult_failed(0x80042301));
  EXPECT_FALSE(hresult_failed(0x00042309));
  EXPECT_FALSE(hresult_failed(0));
}

}  // namespace
}  // namespace vssmeta
