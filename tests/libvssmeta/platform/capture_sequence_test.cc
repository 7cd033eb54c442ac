// SPDX-License-Identifier: MIT
// The VSS call sequence of platform/capture_win32.cc against the doubles'
// documented state machine (vss_doubles.cc): every test fails on a call out
// of sequence, a use after FreeWriterMetadata, the BCD saved before
// PrepareForBackup, an IVssAsync outcome left unread or an interface never
// released. Issue #19, defects 1, 2, 5, 6 and 7.
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "libvssmeta/platform/vss_doubles.h"
#include "platform/capture_win32.h"
#include "support/test_support.h"
#include "vssmeta/capture_set.h"

namespace vssmeta {
namespace {

std::string manifest_text(const CaptureResult& capture) {
  std::ostringstream out;
  write_manifest(capture, out);
  return out.str();
}

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::Log;
using testing::message;
using testing::Outcome;
using testing::run_capture;
using testing::Script;
using testing::two_writers;

// Position of `call` in the log, or -1.
std::ptrdiff_t at(const Log& log, const std::string& call) {
  const auto it = std::find(log.calls.begin(), log.calls.end(), call);
  return it == log.calls.end() ? -1 : it - log.calls.begin();
}

CaptureOptions bcd_of_payroll() {
  CaptureOptions options;
  options.save_bcd = true;
  options.select = {"SqlServerWriter:\\KESTREL-SRV04\\Payroll"};
  return options;
}

// Defect 1: SaveAsXML "should not be called before PrepareForBackup"; the
// sample starts the snapshot set before PrepareForBackup, as
// StartSnapshotSet's page requires.
TEST(CaptureSequence, BcdIsSavedAfterPrepareForBackup) {
  Outcome r = run_capture(two_writers(), bcd_of_payroll());
  ASSERT_OK(r.result);
  EXPECT_THAT(r.log->violations, IsEmpty());
  const Log& log = *r.log;
  EXPECT_LT(at(log, "AddComponent"), at(log, "StartSnapshotSet"));
  EXPECT_LT(at(log, "StartSnapshotSet"), at(log, "PrepareForBackup"));
  EXPECT_LT(at(log, "PrepareForBackup"), at(log, "SaveAsXML"));
  EXPECT_EQ(log.calls.back(), "AbortBackup");  // never a snapshot
  ASSERT_TRUE(r.result->bcd_xml.has_value());
  EXPECT_THAT(*r.result->bcd_xml, HasSubstr("componentName=\"Payroll\""));
}

// Defect 1: bBootableSystemState only when asked.
TEST(CaptureSequence, BcdDoesNotClaimABootableSystemStateBackup) {
  Outcome r = run_capture(two_writers(), bcd_of_payroll());
  ASSERT_OK(r.result);
  EXPECT_EQ(r.log->bootable, 0);
  ASSERT_TRUE(r.result->bcd_xml.has_value());
  EXPECT_THAT(*r.result->bcd_xml,
              HasSubstr("bootableSystemStateBackup=\"no\""));
  Outcome plain = run_capture(two_writers());
  EXPECT_EQ(plain.log->bootable, 0);
}

TEST(CaptureSequence, BootableSystemStateWhenAsked) {
  CaptureOptions options = bcd_of_payroll();
  options.bootable_system_state = true;
  Outcome r = run_capture(two_writers(), options);
  ASSERT_OK(r.result);
  EXPECT_EQ(r.log->bootable, 1);
  EXPECT_THAT(*r.result->bcd_xml,
              HasSubstr("bootableSystemStateBackup=\"yes\""));
}

// Defect 1: a failed PrepareForBackup fails the BCD, never saves it.
TEST(CaptureSequence, FailedPrepareForBackupSavesNoBcd) {
  Script s = two_writers();
  s.prepare.result = VSS_E_WRITERERROR_NONRETRYABLE;
  Outcome r = run_capture(s, bcd_of_payroll());
  EXPECT_THAT(message(r), HasSubstr("PrepareForBackup: 0x800423F4 "
                                    "VSS_E_WRITERERROR_NONRETRYABLE"));
  EXPECT_EQ(at(*r.log, "SaveAsXML"), -1);
  EXPECT_TRUE(r.log->aborted);
}

// Defect 2: FreeWriterMetadata after everything that needs the metadata
// (GatherWriterStatus, AddComponent, PrepareForBackup).
TEST(CaptureSequence, MetadataIsFreedLast) {
  Outcome r = run_capture(two_writers(), bcd_of_payroll());
  ASSERT_OK(r.result);
  const Log& log = *r.log;
  const std::ptrdiff_t freed = at(log, "FreeWriterMetadata");
  ASSERT_GE(freed, 0);
  EXPECT_LT(at(log, "GatherWriterStatus"), freed);
  EXPECT_LT(at(log, "AddComponent"), freed);
  EXPECT_LT(at(log, "PrepareForBackup"), freed);
  EXPECT_EQ(freed + 1, at(log, "AbortBackup"));
  EXPECT_THAT(log.violations, IsEmpty());
}

TEST(CaptureSequence, StatusOnlyIsInSequenceToo) {
  auto log = std::make_shared<Log>();
  auto status = testing::run_status(two_writers(), log);
  ASSERT_OK(status);
  EXPECT_THAT(log->violations, IsEmpty());
  EXPECT_LT(at(*log, "FreeWriterStatus"), at(*log, "FreeWriterMetadata"));
}

// Defect 5: `status` never reads the writers' XML.
TEST(CaptureSequence, StatusReadsNoWriterXml) {
  auto log = std::make_shared<Log>();
  auto status = testing::run_status(two_writers(), log);
  ASSERT_OK(status);
  EXPECT_EQ(status->size(), 2U);
  EXPECT_EQ(log->writer_xml_reads, 0);
  EXPECT_EQ(at(*log, "GetWriterMetadata"), -1);
}

// Defect 5: one writer's failure is recorded in its entry; the others and
// the status are kept.
TEST(CaptureSequence, OneWriterFailingGetWriterMetadataKeepsTheRest) {
  Script s = two_writers();
  s.writers[0].get_metadata = VSS_E_UNEXPECTED;
  Outcome r = run_capture(s);
  ASSERT_OK(r.result);
  ASSERT_EQ(r.result->writers.size(), 2U);
  EXPECT_EQ(r.result->writers[1].writer_name, "SqlServerWriter");
  EXPECT_TRUE(r.result->writers[1].metadata.has_value());
  EXPECT_EQ(r.result->status.size(), 2U);
  EXPECT_THAT(manifest_text(*r.result),
              HasSubstr("\"capture_error\": \"GetWriterMetadata: 0x80042302 "
                        "VSS_E_UNEXPECTED"));
  EXPECT_THAT(r.result->writers[0].capture_error,
              HasSubstr("GetWriterMetadata: 0x80042302 VSS_E_UNEXPECTED"));
  EXPECT_TRUE(any_capture_error(r.result->writers));
  EXPECT_THAT(r.log->violations, IsEmpty());
}

TEST(CaptureSequence, OneWriterFailingGetIdentityOrSaveAsXmlKeepsTheRest) {
  Script s = two_writers();
  s.writers[0].get_identity = E_OUTOFMEMORY;
  s.writers[1].save_xml = VSS_E_INVALID_XML_DOCUMENT;
  Outcome r = run_capture(s);
  ASSERT_OK(r.result);
  ASSERT_EQ(r.result->writers.size(), 2U);
  const std::string manifest = manifest_text(*r.result);
  EXPECT_THAT(manifest, HasSubstr("\"capture_error\": "
                                  "\"IVssExamineWriterMetadata::GetIdentity: "
                                  "0x8007000E E_OUTOFMEMORY"));
  EXPECT_THAT(manifest, HasSubstr("\"capture_error\": "
                                  "\"IVssExamineWriterMetadata::SaveAsXML: "
                                  "0x80042311 VSS_E_INVALID_XML_DOCUMENT"));
  // What was known before the failure is kept: the identity of the second.
  EXPECT_EQ(r.result->writers[1].writer_name, "SqlServerWriter");
}

TEST(CaptureSequence, FailedWriterHasNoFileButTheFolderLoads) {
  Script s = two_writers();
  s.writers[0].get_metadata = VSS_E_UNEXPECTED;
  Outcome r = run_capture(s);
  ASSERT_OK(r.result);
  const testing::TempFolder folder("vssmeta-sequence-failed-writer-");
  const auto& dir = folder.path();
  auto names = write_capture_folder(*r.result, (dir / "capture").string());
  ASSERT_OK(names);
  EXPECT_THAT(*names, ElementsAre("SqlServerWriter_97e6e0ef-df12-4009-9e6b-"
                                  "165474834200.xml",
                                  "status.json", "manifest.json"));
  auto set = load((dir / "capture").string(), LoadOptions{});
  ASSERT_OK(set);
  EXPECT_EQ(set->writers.size(), 1U);
}

// Defect 6: file-share-backup means "without writer involvement".
TEST(CaptureSequence, FileShareBackupGathersNoWriterMetadata) {
  CaptureOptions options;
  options.context = CaptureContext::kFileShareBackup;
  Outcome r = run_capture(two_writers(), options);
  ASSERT_OK(r.result);
  EXPECT_FALSE(r.log->metadata_gathered);
  EXPECT_EQ(r.log->context, VSS_CTX_FILE_SHARE_BACKUP);
  EXPECT_TRUE(r.result->writers.empty());
  EXPECT_TRUE(r.result->status.empty());
  EXPECT_THAT(r.log->violations, IsEmpty());
}

// Defect 7: Cancel answering VSS_S_ASYNC_FINISHED means the step ended
// before it could be cancelled: its outcome counts, it is no timeout.
TEST(CaptureSequence, CancelFindingTheStepFinishedIsNoTimeout) {
  Script s = two_writers();
  s.status.hangs = true;
  s.status.cancel = VSS_S_ASYNC_FINISHED;
  Outcome r = run_capture(s);
  ASSERT_OK(r.result);
  EXPECT_TRUE(r.log->cancelled);
  EXPECT_EQ(r.result->status.size(), 2U);
}

// Defect 7: after a successful Cancel the step is waited for.
TEST(CaptureSequence, CancelledStepIsWaitedFor) {
  Script s = two_writers();
  s.metadata.hangs = true;
  CaptureOptions options;
  options.timeout_seconds = 3;
  Outcome r = run_capture(s, options);
  EXPECT_EQ(message(r),
            "error: GatherWriterMetadata: timed out after 3 s: a writer does "
            "not respond; retry with a longer timeout, or restart the "
            "writer's service");
  ASSERT_EQ(r.log->waits.size(), 2U);
  EXPECT_EQ(r.log->waits[0], 3000U);
  EXPECT_THAT(r.log->violations, IsEmpty());
}

// Defect 7: Cancel finding the step already cancelled: a timeout.
TEST(CaptureSequence, CancelFindingTheStepCancelledIsATimeout) {
  Script s = two_writers();
  s.status.hangs = true;
  s.status.cancel = VSS_S_ASYNC_CANCELLED;
  CaptureOptions options;
  options.timeout_seconds = 5;
  Outcome r = run_capture(s, options);
  EXPECT_EQ(message(r),
            "error: GatherWriterStatus: timed out after 5 s: a writer does not "
            "respond; retry with a longer timeout, or restart the writer's "
            "service");
  EXPECT_TRUE(r.log->aborted);
}

// Defect 7: PrepareForBackup is waited for and cancelled like the others.
TEST(CaptureSequence, PrepareForBackupTimeoutSavesNoBcd) {
  Script s = two_writers();
  s.prepare.hangs = true;
  CaptureOptions options = bcd_of_payroll();
  options.timeout_seconds = 7;
  Outcome r = run_capture(s, options);
  EXPECT_THAT(message(r), HasSubstr("PrepareForBackup: timed out after 7 s"));
  EXPECT_EQ(at(*r.log, "SaveAsXML"), -1);
  EXPECT_TRUE(r.log->cancelled);
}

// Defect 7: Cancel returning the error the step failed with meanwhile.
TEST(CaptureSequence, CancelReturningTheStepsErrorReportsIt) {
  Script s = two_writers();
  s.metadata.hangs = true;
  s.metadata.cancel = VSS_E_WRITER_NOT_RESPONDING;
  Outcome r = run_capture(s);
  EXPECT_THAT(message(r), HasSubstr("GatherWriterMetadata: 0x80042319 "
                                    "VSS_E_WRITER_NOT_RESPONDING"));
}

// Defect 7: no wrap-around in timeout_seconds * 1000, and 0 is no limit.
TEST(CaptureSequence, TimeoutArithmetic) {
  CaptureOptions options;
  options.timeout_seconds = 4294968;  // * 1000 wraps to 704 in 32 bits
  Outcome big = run_capture(two_writers(), options);
  ASSERT_OK(big.result);
  ASSERT_FALSE(big.log->waits.empty());
  EXPECT_GE(big.log->waits[0], 0xFFFFFFFEU);
  options.timeout_seconds = 0;
  Outcome zero = run_capture(two_writers(), options);
  ASSERT_OK(zero.result);
  ASSERT_FALSE(zero.log->waits.empty());
  EXPECT_EQ(zero.log->waits[0], INFINITE);
}

// A step that QueryStatus finds cancelled without this code cancelling it
// (VSS_S_ASYNC_CANCELLED is a success code, so FAILED() misses it) is
// reported as cancelled, not as a timeout nor as a success; the session is
// aborted and the metadata it never gathered is not freed.
// https://learn.microsoft.com/en-us/windows/win32/api/vss/nf-vss-ivssasync-querystatus
TEST(CaptureSequence, StepCancelledElsewhereIsReported) {
  Script s = two_writers();
  s.metadata.result = VSS_S_ASYNC_CANCELLED;
  Outcome r = run_capture(s);
  EXPECT_THAT(message(r), HasSubstr("GatherWriterMetadata: 0x0004230B "
                                    "VSS_S_ASYNC_CANCELLED"));
  EXPECT_THAT(message(r), ::testing::Not(HasSubstr("timed out")));
  EXPECT_FALSE(r.log->cancelled);
  EXPECT_FALSE(r.log->metadata_freed);
  EXPECT_TRUE(r.log->aborted);
  EXPECT_THAT(r.log->violations, IsEmpty());
}

// A Wait that fails is reported, and nothing further is asked of the step.
TEST(CaptureSequence, FailedWaitIsReported) {
  Script s = two_writers();
  s.status.wait = E_ACCESSDENIED;
  Outcome r = run_capture(s);
  EXPECT_THAT(message(r), HasSubstr("GatherWriterStatus (waiting): "
                                    "0x80070005 E_ACCESSDENIED"));
}

TEST(CaptureSequence, DuplicateSelectionIsAddedOnce) {
  CaptureOptions options = bcd_of_payroll();
  options.select.push_back("SqlServerWriter:\\KESTREL-SRV04\\payroll");
  Outcome r = run_capture(two_writers(), options);
  ASSERT_OK(r.result);
  EXPECT_THAT(r.log->added, ElementsAre(L"KESTREL-SRV04\\Payroll"));
}

}  // namespace
}  // namespace vssmeta
