// SPDX-License-Identifier: MIT
// In-process tests for `vssmeta capture` and `vssmeta status`. On Linux they
// exit 1 saying capture needs Windows; under Wine, whose vssapi returns
// E_NOTIMPL, they explain that VSS is not available. Neither creates files.
#include "vssmeta/capture.h"

#include <filesystem>

#include <gtest/gtest.h>

#ifdef _WIN32
#include <windows.h>
#endif

#include "cli/exit_code.h"
#include "tools/cli_runner.h"

namespace vssmeta::cli {
namespace {

namespace fs = std::filesystem;
using testing::run_cli;

// The one line a capture without a working VSS prints, or nullptr on a real
// Windows machine (where a capture would touch the live writers).
const char* no_vss_message() {
#ifdef _WIN32
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  if (ntdll == nullptr || GetProcAddress(ntdll, "wine_get_version") == nullptr)
    return nullptr;
  return "vssmeta: error: CreateVssBackupComponents: 0x80004001 E_NOTIMPL: "
         "VSS is not available on this system\n";
#else
  return "vssmeta: error: capture requires Windows (VSS)\n";
#endif
}

class TempParent {
 public:
  TempParent()
      : path_(fs::temp_directory_path() /
              ("vssmeta-cli-" + std::string(::testing::UnitTest::GetInstance()
                                                ->current_test_info()
                                                ->name()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempParent() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(CaptureCli, WithoutVssExitsOneWithOneLineAndCreatesNothing) {
  const char* expected = no_vss_message();
  if (expected == nullptr) GTEST_SKIP() << "real Windows: live VSS";
  TempParent tmp;
  const std::string out = (tmp.path() / "capture").string();
  auto r = run_cli({"capture", "-o", out});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, expected);
  EXPECT_TRUE(fs::is_empty(tmp.path()));
}

TEST(CaptureCli, BcdWithSelectionWithoutVssFailsTheSameWay) {
  const char* expected = no_vss_message();
  if (expected == nullptr) GTEST_SKIP() << "real Windows: live VSS";
  TempParent tmp;
  const std::string out = (tmp.path() / "capture").string();
  auto r = run_cli({"capture", "-o", out, "--bcd", "--select",
                    "SqlServerWriter:\\KESTREL-SRV04\\Payroll"});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_EQ(r.err, expected);
  EXPECT_TRUE(fs::is_empty(tmp.path()));
}

TEST(CaptureCli, ExistingFolderIsRefusedBeforeVssIsAsked) {
  TempParent tmp;
  const std::string out = (tmp.path() / "capture").string();
  fs::create_directory(out);
  auto r = run_cli({"capture", "-o", out});
  EXPECT_EQ(r.exit_code, kExitError);
  if (capture_supported()) {
    EXPECT_EQ(r.err, out + ": error: already exists: choose a new folder\n");
  } else {
    EXPECT_EQ(r.err, "vssmeta: error: capture requires Windows (VSS)\n");
  }
  EXPECT_TRUE(fs::is_empty(out));
}

TEST(StatusCli, WithoutVssExitsOneWithOneLine) {
  const char* expected = no_vss_message();
  if (expected == nullptr) GTEST_SKIP() << "real Windows: live VSS";
  for (const char* format : {"text", "json"}) {
    auto r = run_cli({"status", "--format", format});
    EXPECT_EQ(r.exit_code, kExitError);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, expected);
  }
}

TEST(CaptureCli, SelectNeedsBcd) {
  auto r = run_cli({"capture", "--select", "Registry Writer:\\Registry"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err, "vssmeta: error: --select needs --bcd\n");
}

TEST(CaptureCli, BootableSystemStateNeedsBcd) {
  auto r = run_cli({"capture", "--bootable-system-state"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err, "vssmeta: error: --bootable-system-state needs --bcd\n");
}

TEST(CaptureCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_cli({"capture", "--timeout", "0"}).exit_code, kExitUsage);
  EXPECT_EQ(run_cli({"capture", "--context", "nope"}).exit_code, kExitUsage);
  EXPECT_EQ(run_cli({"status", "--format", "xml"}).exit_code, kExitUsage);
}

TEST(CaptureCli, HelpIsTheSameOnEverySystem) {
  auto r = run_cli({"capture", "--help"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_TRUE(testing::matches_golden(r.out, "capture/capture-help.txt"));
  auto s = run_cli({"status", "--help"});
  EXPECT_EQ(s.exit_code, kExitOk);
  EXPECT_TRUE(testing::matches_golden(s.out, "capture/status-help.txt"));
}

}  // namespace
}  // namespace vssmeta::cli
