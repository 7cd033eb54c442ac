// SPDX-License-Identifier: MIT
#pragma once
// Test doubles for the VSS requester interfaces (Windows builds only): a
// scripted IVssBackupComponents that replays writer documents and failures,
// with IVssAsync and IVssExamineWriterMetadata to go with it. Every object
// counts itself in a shared Log, so tests check that all were released.

#include <memory>
#include <string>
#include <vector>

#include "platform/capture_win32.h"

// COM interfaces have no virtual destructor by design: objects delete
// themselves in Release().
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#endif

namespace vssmeta::testing {

// Every method fails with E_NOTIMPL until a double overrides it.
class NotImplementedExamine : public IVssExamineWriterMetadata {
 public:
  // IVssExamineWriterMetadata
  HRESULT STDMETHODCALLTYPE GetIdentity(VSS_ID*, VSS_ID*, BSTR*,
                                        VSS_USAGE_TYPE*,
                                        VSS_SOURCE_TYPE*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetFileCounts(UINT*, UINT*, UINT*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetIncludeFile(UINT, IVssWMFiledesc**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetExcludeFile(UINT, IVssWMFiledesc**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetComponent(UINT, IVssWMComponent**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetRestoreMethod(VSS_RESTOREMETHOD_ENUM*, BSTR*,
                                             BSTR*, VSS_WRITERRESTORE_ENUM*,
                                             boolean*, UINT*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE
  GetAlternateLocationMapping(UINT, IVssWMFiledesc**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetBackupSchema(DWORD*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE LoadFromXML(BSTR) override { return E_NOTIMPL; }
};

class NotImplementedBackupComponents : public IVssBackupComponentsEx3 {
 public:
  // IVssBackupComponents
  HRESULT STDMETHODCALLTYPE GetWriterComponentsCount(UINT*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE
  GetWriterComponents(UINT, IVssWriterComponentsExt**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE InitializeForBackup(BSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetBackupState(boolean, boolean, VSS_BACKUP_TYPE,
                                           boolean) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE InitializeForRestore(BSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetRestoreState(VSS_RESTORE_TYPE) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GatherWriterMetadata(IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetWriterMetadataCount(UINT*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE
  GetWriterMetadata(UINT, VSS_ID*, IVssExamineWriterMetadata**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE FreeWriterMetadata() override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE AddComponent(VSS_ID, VSS_ID, VSS_COMPONENT_TYPE,
                                         LPCWSTR, LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE PrepareForBackup(IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE AbortBackup() override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GatherWriterStatus(IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetWriterStatusCount(UINT*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE FreeWriterStatus() override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetWriterStatus(UINT, VSS_ID*, VSS_ID*, BSTR*,
                                            VSS_WRITER_STATE*,
                                            HRESULT*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetBackupSucceeded(VSS_ID, VSS_ID,
                                               VSS_COMPONENT_TYPE, LPCWSTR,
                                               LPCWSTR, boolean) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetBackupOptions(VSS_ID, VSS_COMPONENT_TYPE,
                                             LPCWSTR, LPCWSTR,
                                             LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetSelectedForRestore(VSS_ID, VSS_COMPONENT_TYPE,
                                                  LPCWSTR, LPCWSTR,
                                                  boolean) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetRestoreOptions(VSS_ID, VSS_COMPONENT_TYPE,
                                              LPCWSTR, LPCWSTR,
                                              LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetAdditionalRestores(VSS_ID, VSS_COMPONENT_TYPE,
                                                  LPCWSTR, LPCWSTR,
                                                  boolean) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetPreviousBackupStamp(VSS_ID, VSS_COMPONENT_TYPE,
                                                   LPCWSTR, LPCWSTR,
                                                   LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR*) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE BackupComplete(IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE
  AddAlternativeLocationMapping(VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR, LPCWSTR,
                                LPCWSTR, LPCWSTR, boolean, LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE AddRestoreSubcomponent(VSS_ID, VSS_COMPONENT_TYPE,
                                                   LPCWSTR, LPCWSTR, LPCWSTR,
                                                   LPCWSTR, boolean) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE
  SetFileRestoreStatus(VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR, LPCWSTR,
                       VSS_FILE_RESTORE_STATUS) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE AddNewTarget(VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR,
                                         LPCWSTR, LPCWSTR, LPCWSTR, boolean,
                                         LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetRangesFilePath(VSS_ID, VSS_COMPONENT_TYPE,
                                              LPCWSTR, LPCWSTR, UINT,
                                              LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE PreRestore(IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE PostRestore(IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetContext(LONG) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE StartSnapshotSet(VSS_ID*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE AddToSnapshotSet(VSS_PWSZ, VSS_ID,
                                             VSS_ID*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE DoSnapshotSet(IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE DeleteSnapshots(VSS_ID, VSS_OBJECT_TYPE, WINBOOL,
                                            LONG*, VSS_ID*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE ImportSnapshots(IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE BreakSnapshotSet(VSS_ID) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetSnapshotProperties(VSS_ID,
                                                  VSS_SNAPSHOT_PROP*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Query(VSS_ID, VSS_OBJECT_TYPE, VSS_OBJECT_TYPE,
                                  IVssEnumObject**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE IsVolumeSupported(VSS_ID, VSS_PWSZ,
                                              WINBOOL*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE DisableWriterClasses(const VSS_ID*, UINT) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE EnableWriterClasses(const VSS_ID*, UINT) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE DisableWriterInstances(const VSS_ID*,
                                                   UINT) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE ExposeSnapshot(VSS_ID, VSS_PWSZ, LONG, VSS_PWSZ,
                                           VSS_PWSZ*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE RevertToSnapshot(VSS_ID, WINBOOL) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE QueryRevertStatus(VSS_PWSZ, IVssAsync**) override {
    return E_NOTIMPL;
  }
  // IVssBackupComponentsEx
  HRESULT STDMETHODCALLTYPE
  GetWriterMetadataEx(UINT, VSS_ID*, IVssExamineWriterMetadataEx**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetSelectedForRestoreEx(VSS_ID, VSS_COMPONENT_TYPE,
                                                    LPCWSTR, LPCWSTR, boolean,
                                                    VSS_ID) override {
    return E_NOTIMPL;
  }
  // IVssBackupComponentsEx2
  HRESULT STDMETHODCALLTYPE UnexposeSnapshot(VSS_ID) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetAuthoritativeRestore(VSS_ID, VSS_COMPONENT_TYPE,
                                                    LPCWSTR, LPCWSTR,
                                                    boolean) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetRollForward(VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR,
                                           LPCWSTR, VSS_ROLLFORWARD_TYPE,
                                           LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE SetRestoreName(VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR,
                                           LPCWSTR, LPCWSTR) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE BreakSnapshotSetEx(VSS_ID, DWORD,
                                               IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE PreFastRecovery(VSS_ID, DWORD,
                                            IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE FastRecovery(VSS_ID, DWORD, IVssAsync**) override {
    return E_NOTIMPL;
  }
  // IVssBackupComponentsEx3
  HRESULT STDMETHODCALLTYPE GetWriterStatusEx(UINT, VSS_ID*, VSS_ID*, BSTR*,
                                              VSS_WRITER_STATE*, HRESULT*,
                                              HRESULT*, BSTR*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE AddSnapshotToRecoverySet(VSS_ID, DWORD,
                                                     VSS_PWSZ) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE RecoverSet(DWORD, IVssAsync**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID*) override { return E_NOTIMPL; }
};
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

/// One writer as the scripted VSS service reports it.
struct FakeWriter {
  std::wstring name;
  GUID writer_id{};
  GUID instance_id{};
  std::wstring xml;  ///< what SaveAsXML returns
  VSS_WRITER_STATE state = VSS_WS_STABLE;
  HRESULT failure = S_OK;
  HRESULT application_error = S_OK;
  std::wstring application_message;
  /// Per-writer failures of IVssBackupComponents::GetWriterMetadata,
  /// IVssExamineWriterMetadata::GetIdentity and ::SaveAsXML.
  HRESULT get_metadata = S_OK;
  HRESULT get_identity = S_OK;
  HRESULT save_xml = S_OK;
  /// What IVssBackupComponents::GetWriterStatus(Ex) returns for this entry.
  HRESULT get_status = S_OK;
};

/// One asynchronous step (IVssAsync), with every documented outcome:
/// https://learn.microsoft.com/en-us/windows/win32/api/vss/nn-vss-ivssasync
struct AsyncScript {
  HRESULT start = S_OK;  ///< returned by the call that starts the step
  HRESULT wait = S_OK;   ///< returned by IVssAsync::Wait
  /// QueryStatus once finished: VSS_S_ASYNC_FINISHED, a failure, or
  /// VSS_S_ASYNC_CANCELLED (cancelled by someone else).
  HRESULT result = VSS_S_ASYNC_FINISHED;
  bool hangs = false;  ///< still VSS_S_ASYNC_PENDING after Wait
  /// IVssAsync::Cancel: S_OK (cancelled; QueryStatus then says
  /// VSS_S_ASYNC_CANCELLED), VSS_S_ASYNC_FINISHED (finished meanwhile:
  /// QueryStatus then says `result`), VSS_S_ASYNC_CANCELLED, or the error
  /// the step failed with meanwhile.
  HRESULT cancel = S_OK;
};

/// What the session does; the defaults succeed.
struct Script {
  HRESULT create = S_OK;
  HRESULT initialize = S_OK;
  HRESULT set_context = S_OK;
  AsyncScript metadata;  ///< GatherWriterMetadata
  AsyncScript status;    ///< GatherWriterStatus
  AsyncScript prepare;   ///< PrepareForBackup
  HRESULT start_snapshot_set = S_OK;
  bool has_ex3 = true;  ///< offers IVssBackupComponentsEx3
  std::vector<FakeWriter> writers;
};

/// What the code under test did. Every call out of the documented sequence
/// is a violation: the doubles add it here and fail the running test.
struct Log {
  int alive = 0;  ///< objects not yet released
  bool aborted = false;
  bool metadata_freed = false;
  bool status_freed = false;
  bool cancelled = false;
  bool metadata_gathered = false;  ///< GatherWriterMetadata was called
  bool prepared = false;           ///< PrepareForBackup was called
  int writer_xml_reads = 0;        ///< IVssExamineWriterMetadata::SaveAsXML
  LONG context = -1;
  int bootable = -1;         ///< SetBackupState's bBootableSystemState (0 or 1)
  std::vector<DWORD> waits;  ///< IVssAsync::Wait timeouts, in ms
  std::vector<std::wstring> added;  ///< AddComponent: `path\name`
  std::vector<std::string> calls;   ///< every IVssBackupComponents call
  std::vector<std::string> violations;
};

/// Builds the factory the capture takes.
internal::VssFactory fake_factory(const Script& script,
                                  std::shared_ptr<Log> log);

/// GUID from text (test data only).
GUID guid(const char* text);

/// A writer whose metadata is testdata/wmd/`wmd_file`.
FakeWriter fake_writer(const std::string& name, const char* writer_id,
                       const char* instance_id, const std::string& wmd_file);

/// The Registry Writer and SqlServerWriter, both stable.
Script two_writers();

/// The result of one scripted session, and what the code did.
struct Outcome {
  std::shared_ptr<Log> log = std::make_shared<Log>();
  Result<CaptureResult> result = Error{};
};

/// capture_with() against `script`; fails the test when an interface
/// the doubles handed out is still referenced afterwards.
Outcome run_capture(const Script& script, const CaptureOptions& options = {},
                    const HostManifest& host = {});

/// writer_status_with() against `script`, checked the same way.
Result<std::vector<WriterStatus>> run_status(
    const Script& script, const std::shared_ptr<Log>& log,
    const CaptureOptions& options = {});

/// The error text of a failed result, or "ok".
std::string message(const Outcome& r);

}  // namespace vssmeta::testing
