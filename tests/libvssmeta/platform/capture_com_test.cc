// SPDX-License-Identifier: MIT
// COM for the capture (platform/capture_win32.cc, start_com): WOW64 refused,
// security checked and set on an STA thread too, RPC_E_TOO_LATE and a
// failed IGlobalOptions::Set reported as warnings. Issue #19, defects 3, 9.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/capture_win32.h"
#include "support/test_support.h"

namespace vssmeta {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Scripted COM calls; records which ran.
struct FakeCom {
  bool wow64 = false;
  HRESULT initialize = S_OK;
  HRESULT security = S_OK;
  HRESULT exceptions = S_OK;
  std::vector<std::string> calls;
  std::vector<std::string> warnings;

  internal::ComCalls calls_of() {
    internal::ComCalls com;
    com.is_wow64 = [this] { return wow64; };
    com.initialize = [this] {
      calls.emplace_back("CoInitializeEx");
      return initialize;
    };
    com.initialize_security = [this] {
      calls.emplace_back("CoInitializeSecurity");
      return security;
    };
    com.no_exception_handling = [this] {
      calls.emplace_back("IGlobalOptions::Set");
      return exceptions;
    };
    com.uninitialize = [this] { calls.emplace_back("CoUninitialize"); };
    return com;
  }
  Result<bool> start() {
    return internal::start_com(
        calls_of(), [this](const std::string& w) { warnings.push_back(w); });
  }
};

TEST(StartCom, SetsSecurityAndDisablesComExceptionHandling) {
  FakeCom com;
  auto r = com.start();
  ASSERT_OK(r);
  EXPECT_TRUE(*r);  // CoUninitialize owed
  EXPECT_THAT(com.calls, ElementsAre("CoInitializeEx", "CoInitializeSecurity",
                                     "IGlobalOptions::Set"));
  EXPECT_THAT(com.warnings, IsEmpty());
}

// Defect 3: a thread already in a single-threaded apartment still gets
// process security; COM is not ours to uninitialise then.
TEST(StartCom, SingleThreadedApartmentStillSetsSecurity) {
  FakeCom com;
  com.initialize = RPC_E_CHANGED_MODE;
  auto r = com.start();
  ASSERT_OK(r);
  EXPECT_FALSE(*r);
  EXPECT_THAT(com.calls, ElementsAre("CoInitializeEx", "CoInitializeSecurity",
                                     "IGlobalOptions::Set"));
}

// Defect 3: security set first by the host process is said, not ignored.
TEST(StartCom, SecuritySetByTheHostProcessIsAWarning) {
  FakeCom com;
  com.security = RPC_E_TOO_LATE;
  auto r = com.start();
  ASSERT_OK(r);
  ASSERT_EQ(com.warnings.size(), 1U);
  EXPECT_EQ(com.warnings[0],
            "CoInitializeSecurity: 0x80010119 RPC_E_TOO_LATE: COM security was "
            "already set by this process: writers running under other "
            "accounts may be unable to report; capture from a process of "
            "its own; the capture may be incomplete");
}

TEST(StartCom, FailedSecurityIsAnErrorAndUninitialises) {
  FakeCom com;
  com.security = E_OUTOFMEMORY;
  auto r = com.start();
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(to_string(r.error()),
            "error: CoInitializeSecurity: 0x8007000E E_OUTOFMEMORY: out of "
            "memory");
  EXPECT_EQ(com.calls.back(), "CoUninitialize");
}

TEST(StartCom, FailedExceptionOptionIsAWarning) {
  FakeCom com;
  com.exceptions = E_NOINTERFACE;
  auto r = com.start();
  ASSERT_OK(r);
  ASSERT_EQ(com.warnings.size(), 1U);
  EXPECT_THAT(com.warnings[0],
              HasSubstr("IGlobalOptions::Set(COMGLB_EXCEPTION_HANDLING): "
                        "0x80004002 E_NOINTERFACE"));
}

TEST(StartCom, FailedCoInitializeIsAnError) {
  FakeCom com;
  com.initialize = E_OUTOFMEMORY;
  auto r = com.start();
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(to_string(r.error()), HasSubstr("CoInitializeEx: 0x8007000E"));
  EXPECT_THAT(com.calls, ElementsAre("CoInitializeEx"));
}

// Defect 9: VSS does not support 32-bit requesters on 64-bit Windows.
TEST(StartCom, Wow64IsRefusedBeforeComIsTouched) {
  FakeCom com;
  com.wow64 = true;
  auto r = com.start();
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(to_string(r.error()),
            "error: this is a 32-bit process on 64-bit Windows (WOW64), where "
            "VSS does not support 32-bit requesters: use a 64-bit build");
  EXPECT_THAT(com.calls, IsEmpty());
}

TEST(StartCom, ThisProcessIsNotWow64) {
  EXPECT_FALSE(internal::system_com_calls().is_wow64());
}

}  // namespace
}  // namespace vssmeta
