// SPDX-License-Identifier: MIT
// The VSS requester session (platform/capture_win32.cc) against scripted
// doubles: success, a failed writer, a gather timeout, access denied, a
// retryable writer error, no VSS at all, and the --bcd selection. Capture
// folders written from the results are read back by load, dump and validate.
#include "platform/capture_win32.h"

#include <filesystem>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "libvssmeta/platform/vss_doubles.h"
#include "support/test_support.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/diff.h"
#include "vssmeta/dump.h"
#include "vssmeta/serialize.h"
#include "vssmeta/validate.h"

namespace vssmeta {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using testing::FakeWriter;
using ::testing::HasSubstr;
using testing::Log;
using testing::message;
using testing::Outcome;
using testing::Script;
using testing::testdata_dir;
using testing::two_writers;

std::wstring wide(const std::string& utf8) { return internal::to_wide(utf8); }

const HostManifest kHost{
    "TESTHOST", "Windows 10.0.20348", "2026-12-01T18:22:35Z", "0.1.0", true,
    "backup"};

Outcome run(const Script& script, const CaptureOptions& options = {}) {
  return testing::run_capture(script, options, kHost);
}

class TempFolder {
 public:
  explicit TempFolder(const std::string& suffix = "")
      : parent_(fs::temp_directory_path() /
                ("vssmeta-win32-" +
                 std::string(::testing::UnitTest::GetInstance()
                                 ->current_test_info()
                                 ->name()) +
                 suffix)) {
    fs::remove_all(parent_);
    fs::create_directories(parent_);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(parent_, ec);
  }
  std::string path() const { return (parent_ / "capture").string(); }

 private:
  fs::path parent_;
};

TEST(CaptureWin32, SuccessReplaysEveryWriterAndReleasesEverything) {
  Outcome r = run(two_writers());
  ASSERT_OK(r.result);
  ASSERT_EQ(r.result->writers.size(), 2U);
  const CapturedWriter& sql = r.result->writers[1];
  EXPECT_EQ(sql.writer_name, "SqlServerWriter");
  EXPECT_EQ(sql.writer_id.to_string(), "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");
  EXPECT_EQ(sql.instance_id.to_string(),
            "97e6e0ef-df12-4009-9e6b-165474834200");
  ASSERT_TRUE(sql.metadata.has_value()) << sql.parse_error;
  EXPECT_EQ(sql.metadata->components.size(), 6U);
  EXPECT_EQ(sql.xml,
            testing::read_bytes(testdata_dir() / "wmd" / "sql-writer.xml"));
  ASSERT_EQ(r.result->status.size(), 2U);
  EXPECT_EQ(r.result->status[0].state, WriterState::kStable);
  EXPECT_EQ(r.result->status[0].application_error, 0U);
  EXPECT_EQ(r.result->host.host, "TESTHOST");
  EXPECT_FALSE(r.result->bcd_xml.has_value());
  EXPECT_EQ(r.log->context, VSS_CTX_BACKUP);
  EXPECT_TRUE(r.log->metadata_freed);
  EXPECT_TRUE(r.log->status_freed);
  EXPECT_TRUE(r.log->aborted);
  EXPECT_EQ(r.log->alive, 0);
}

TEST(CaptureWin32, CaptureFolderLoadsInDumpAndValidate) {
  Outcome r = run(two_writers());
  ASSERT_OK(r.result);
  TempFolder tmp;
  auto names = write_capture_folder(*r.result, tmp.path());
  ASSERT_OK(names);
  auto set = load(tmp.path());
  ASSERT_OK(set);
  ASSERT_EQ(set->writers.size(), 2U);
  std::ostringstream text;
  write_dump(*set, text);
  EXPECT_THAT(text.str(), HasSubstr("Registry Writer"));
  EXPECT_THAT(text.str(), HasSubstr("SqlServerWriter"));
  for (const Finding& f : validate(*set)) {
    EXPECT_NE(f.diagnostic.severity, Severity::kError) << f.diagnostic.message;
  }
  // A second capture of the same writers diffs identical: instance ids
  // would be hidden anyway, and nothing else changed.
  Outcome again = run(two_writers());
  ASSERT_OK(again.result);
  TempFolder tmp2("-second");
  ASSERT_OK(write_capture_folder(*again.result, tmp2.path()));
  auto second = load(tmp2.path(), LoadOptions{});
  ASSERT_OK(second);
  EXPECT_TRUE(diff(*set, *second).empty());
}

TEST(CaptureWin32, FailedWriterIsReportedWithItsApplicationError) {
  Script s = two_writers();
  s.writers[1].state = VSS_WS_FAILED_AT_FREEZE;
  s.writers[1].failure = VSS_E_WRITERERROR_RETRYABLE;
  s.writers[1].application_error = E_ACCESSDENIED;
  s.writers[1].application_message = L"Access is denied.";
  Outcome r = run(s);
  ASSERT_OK(r.result);
  const WriterStatus& st = r.result->status[1];
  EXPECT_EQ(st.state, WriterState::kFailedAtFreeze);
  EXPECT_EQ(st.failure, 0x800423F3U);
  EXPECT_EQ(st.application_error, 0x80070005U);
  EXPECT_EQ(st.application_message, "Access is denied.");
  std::ostringstream text;
  write_status(r.result->status, text);
  EXPECT_THAT(text.str(),
              HasSubstr("   State: [9] Failed at freeze\n   Last error: "
                        "0x800423F3 VSS_E_WRITERERROR_RETRYABLE: the writer "
                        "failed in an earlier backup with an error a new "
                        "backup may not meet; its status stays until a "
                        "backup runs or its service restarts, so capturing "
                        "again does not clear it\n"));
  TempFolder tmp;
  ASSERT_OK(write_capture_folder(*r.result, tmp.path()));
  EXPECT_THAT(testing::read_bytes(fs::path(tmp.path()) / "status.json"),
              HasSubstr("\"failure_name\": \"VSS_E_WRITERERROR_RETRYABLE\""));
}

TEST(CaptureWin32, WithoutEx3TheStatusHasNoApplicationError) {
  Script s = two_writers();
  s.has_ex3 = false;
  Outcome r = run(s);
  ASSERT_OK(r.result);
  EXPECT_FALSE(r.result->status[0].application_error.has_value());
  EXPECT_EQ(r.log->alive, 0);
}

TEST(CaptureWin32, GatherTimeoutCancelsAbortsAndReleases) {
  Script s = two_writers();
  s.metadata.hangs = true;
  CaptureOptions options;
  options.timeout_seconds = 1;
  Outcome r = run(s, options);
  EXPECT_EQ(message(r),
            "error: GatherWriterMetadata: timed out after 1 s: a writer does "
            "not respond; retry with a longer timeout, or restart the "
            "writer's service");
  EXPECT_TRUE(r.log->cancelled);
  EXPECT_TRUE(r.log->aborted);
  EXPECT_EQ(r.log->alive, 0);
}

TEST(CaptureWin32, AccessDeniedAdvisesElevation) {
  Script s = two_writers();
  s.initialize = E_ACCESSDENIED;
  Outcome r = run(s);
  EXPECT_EQ(message(r),
            "error: InitializeForBackup: 0x80070005 E_ACCESSDENIED: access "
            "denied: run from an elevated prompt (Run as "
            "administrator)");
  EXPECT_EQ(r.result.error().code, ErrorCode::kIo);
  EXPECT_FALSE(r.log->aborted);  // never initialised: nothing to abort
  EXPECT_EQ(r.log->alive, 0);
}

TEST(CaptureWin32, RetryableWriterErrorDuringGather) {
  Script s = two_writers();
  s.metadata.result = VSS_E_WRITERERROR_RETRYABLE;
  Outcome r = run(s);
  EXPECT_EQ(message(r),
            "error: GatherWriterMetadata: 0x800423F3 "
            "VSS_E_WRITERERROR_RETRYABLE: the writer failed in an earlier "
            "backup with an error a new backup may not meet; its status stays "
            "until a backup runs or its service restarts, so capturing again "
            "does not clear it");
  EXPECT_TRUE(r.log->aborted);
  EXPECT_EQ(r.log->alive, 0);
}

TEST(CaptureWin32, AnotherBackupInProgress) {
  Script s = two_writers();
  s.metadata.start = VSS_E_SNAPSHOT_SET_IN_PROGRESS;
  Outcome r = run(s);
  EXPECT_EQ(message(r),
            "error: GatherWriterMetadata: 0x80042316 "
            "VSS_E_SNAPSHOT_SET_IN_PROGRESS: another shadow copy is being "
            "created: wait and retry");
}

TEST(CaptureWin32, NoVssIsUnsupported) {
  Script s;
  s.create = E_NOTIMPL;
  Outcome r = run(s);
  EXPECT_EQ(message(r),
            "error: CreateVssBackupComponents: 0x80004001 E_NOTIMPL: VSS is "
            "not available on this system");
  EXPECT_EQ(r.result.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(r.log->alive, 0);
}

TEST(CaptureWin32, StatusTimeoutIsReported) {
  Script s = two_writers();
  s.status.hangs = true;
  CaptureOptions options;
  options.timeout_seconds = 2;
  auto log = std::make_shared<Log>();
  auto status = testing::run_status(s, log, options);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(to_string(status.error()),
            "error: GatherWriterStatus: timed out after 2 s: a writer does "
            "not respond; retry with a longer timeout, or restart the "
            "writer's service");
  EXPECT_TRUE(log->metadata_freed);
  EXPECT_EQ(log->alive, 0);
}

TEST(CaptureWin32, StatusOnly) {
  auto log = std::make_shared<Log>();
  auto status = testing::run_status(two_writers(), log);
  ASSERT_OK(status);
  ASSERT_EQ(status->size(), 2U);
  EXPECT_EQ((*status)[1].writer_name, "SqlServerWriter");
}

// One status entry that cannot be read leaves that writer out, with a
// warning naming the entry and the decoded failure; the others are kept,
// in `status` as in a whole capture, with or without Ex3.
TEST(CaptureWin32, UnreadableStatusEntryIsLeftOutWithAWarning) {
  for (bool ex3 : {true, false}) {
    SCOPED_TRACE(ex3 ? "GetWriterStatusEx" : "GetWriterStatus");
    Script s = two_writers();
    s.has_ex3 = ex3;
    s.writers[0].get_status = E_OUTOFMEMORY;
    std::vector<std::string> warnings;
    CaptureOptions options;
    options.on_warning = [&](const std::string& w) { warnings.push_back(w); };
    auto log = std::make_shared<Log>();
    auto status = testing::run_status(s, log, options);
    ASSERT_OK(status);
    ASSERT_EQ(status->size(), 1U);
    EXPECT_EQ((*status)[0].writer_name, "SqlServerWriter");
    ASSERT_EQ(warnings.size(), 1U);
    EXPECT_THAT(warnings[0],
                HasSubstr(std::string("writer status 1 of 2 could not be "
                                      "read (") +
                          (ex3 ? "GetWriterStatusEx" : "GetWriterStatus") +
                          ": 0x8007000E"));
    EXPECT_THAT(warnings[0], HasSubstr("that writer is left out"));
    EXPECT_TRUE(log->violations.empty());
    Outcome r = run(s, options);
    ASSERT_OK(r.result);
    EXPECT_EQ(r.result->status.size(), 1U);
    EXPECT_EQ(r.result->writers.size(), 2U);  // the metadata is all there
    EXPECT_EQ(warnings.size(), 2U);
  }
}

TEST(CaptureWin32, BcdAddsTheSelectionAndLoadsBack) {
  CaptureOptions options;
  options.save_bcd = true;
  options.select = {"SqlServerWriter:\\KESTREL-SRV04\\Payroll",
                    "Registry Writer:\\Registry"};
  Outcome r = run(two_writers(), options);
  ASSERT_OK(r.result);
  EXPECT_THAT(r.log->added,
              ElementsAre(L"KESTREL-SRV04\\Payroll", L"Registry"));
  ASSERT_TRUE(r.result->bcd_xml.has_value());
  // Saved as UTF-8, so the declaration must not claim UTF-16.
  EXPECT_THAT(*r.result->bcd_xml, HasSubstr("encoding=\"UTF-8\""));
  TempFolder tmp;
  ASSERT_OK(write_capture_folder(*r.result, tmp.path()));
  auto set = load(tmp.path());
  ASSERT_OK(set);
  ASSERT_EQ(set->backup_components.size(), 1U);
  EXPECT_EQ(set->writers.size(), 2U);
}

TEST(CaptureWin32, BadSelectionFailsBeforeAnyComponentIsAdded) {
  CaptureOptions options;
  options.save_bcd = true;
  options.select = {"Nope:\\x"};
  Outcome r = run(two_writers(), options);
  EXPECT_EQ(message(r),
            "error: component reference 'Nope:\\x': no such writer");
  EXPECT_TRUE(r.log->added.empty());
  EXPECT_TRUE(r.log->aborted);
  EXPECT_EQ(r.log->alive, 0);
}

TEST(CaptureWin32, UnreadableWriterXmlIsKeptWithItsError) {
  Script s = two_writers();
  s.writers[0].xml = L"<WRITER_METADATA";
  Outcome r = run(s);
  ASSERT_OK(r.result);
  EXPECT_FALSE(r.result->writers[0].metadata.has_value());
  EXPECT_THAT(r.result->writers[0].parse_error,
              HasSubstr("Registry Writer_9f88d149-91e6-4f13-9153-"
                        "84e74e5b68d7.xml:1:"));
}

TEST(CaptureWin32, RealSamplesReplayThroughTheSession) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const fs::path dir = samples / "diskshadow-ws2012-sql2017";
  if (!fs::exists(dir)) GTEST_SKIP() << dir.string() << " is absent";
  auto original = load(dir.string(), LoadOptions{});
  ASSERT_OK(original);
  Script s;
  for (const WriterMetadata& w : original->writers) {
    FakeWriter f;
    f.name = wide(w.display_name());
    f.writer_id = testing::guid(w.identity.writer_id.to_string().c_str());
    const Guid instance = w.identity.instance_id.value_or(Guid{});
    f.instance_id = testing::guid(instance.to_string().c_str());
    f.xml = wide(to_xml(w));
    s.writers.push_back(std::move(f));
  }
  Outcome r = run(s);
  ASSERT_OK(r.result);
  TempFolder tmp;
  ASSERT_OK(write_capture_folder(*r.result, tmp.path()));
  auto again = load(tmp.path());
  ASSERT_OK(again);
  EXPECT_EQ(again->writers.size(), original->writers.size());
  std::ostringstream text;
  write_dump(*again, text);
  EXPECT_THAT(text.str(), HasSubstr(original->writers[0].display_name()));
  const CaptureSet writers_only{original->writers, {}, std::nullopt};
  EXPECT_EQ(validate(*again).size(), validate(writers_only).size());
  // Replayed through the session and saved, every writer diffs identical.
  const MetadataDiff d = diff(writers_only, *again);
  EXPECT_TRUE(d.empty()) << d.changes.size() << " changes";
}

TEST(XmlToUtf8, DeclarationNamesUtf8) {
  EXPECT_EQ(
      internal::xml_to_utf8(
          L"<?xml version=\"1.0\" encoding=\"UTF-16\"?><a b=\"\u00e9\"/>"),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a b=\"\xc3\xa9\"/>");
  EXPECT_EQ(internal::xml_to_utf8(L"<a/>"), "<a/>");
}

TEST(CaptureWin32, DefaultFactoryUnderWineSaysVssIsNotAvailable) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  if (ntdll == nullptr || GetProcAddress(ntdll, "wine_get_version") == nullptr)
    GTEST_SKIP() << "real Windows: a capture would touch the live writers";
  auto r = capture(CaptureOptions{});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(to_string(r.error()),
            "error: CreateVssBackupComponents: 0x80004001 E_NOTIMPL: VSS is "
            "not available on this system");
  EXPECT_TRUE(capture_supported());
}

}  // namespace
}  // namespace vssmeta
