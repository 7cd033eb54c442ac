// SPDX-License-Identifier: MIT
#include "vssmeta/hresult.h"

#include <algorithm>
#include <array>
#include <iterator>

#include <fmt/format.h>

namespace vssmeta {
namespace {

struct Entry {
  std::uint32_t code;
  std::string_view name;
  std::string_view advice;
};

constexpr std::string_view kWriterLog =
    "the writer failed: see the Application event log of that writer";

// Sorted by code: the lookup is a binary search. Each entry's advice
// follows what the code's page says it means. Unless an entry cites its
// own page, the pages are:
// - VSS_E_* and VSS_S_*: "Volume Shadow Copy Service Error Codes",
//   https://learn.microsoft.com/en-us/windows/win32/vss/volume-shadow-copy-service-error-codes
//   and the return values of the method that returned them (vsbackup.h);
// - E_*, RPC_E_*, REGDB_E_*: "COM Error Codes",
//   https://learn.microsoft.com/en-us/windows/win32/com/com-error-codes-1
//   (and -2 for the RPC_E_ range);
// - ERROR_* and RPC_S_* (HRESULT_FROM_WIN32): "System Error Codes",
//   https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes
constexpr Entry kTable[] = {
    {0x00000000, "S_OK", ""},
    {0x00000001, "S_FALSE", ""},
    {0x00042309, "VSS_S_ASYNC_PENDING", "the operation is still running"},
    {0x0004230A, "VSS_S_ASYNC_FINISHED", ""},
    {0x0004230B, "VSS_S_ASYNC_CANCELLED", "the operation was cancelled"},
    {0x80004001, "E_NOTIMPL", "VSS is not available on this system"},
    {0x80004002, "E_NOINTERFACE",
     "this Windows version lacks the VSS interface asked for"},
    {0x80004003, "E_POINTER", "an invalid pointer was passed (a bug)"},
    {0x80004005, "E_FAIL",
     "unspecified failure: see the Application and "
     "System event logs (source VSS)"},
    {0x8000FFFF, "E_UNEXPECTED",
     "unexpected error: see the Application event log (source VSS)"},
    {0x80010106, "RPC_E_CHANGED_MODE",
     "COM was already initialised in another mode on this thread"},
    // CoInitializeSecurity was already called in this process: security is
    // the host's, and may keep writers under other accounts from calling
    // back.
    // https://learn.microsoft.com/en-us/windows/win32/api/combaseapi/nf-combaseapi-coinitializesecurity
    {0x80010119, "RPC_E_TOO_LATE",
     "COM security was already set by this process: writers running under "
     "other accounts may be unable to report; capture from a process of its "
     "own"},
    {0x80040154, "REGDB_E_CLASSNOTREG",
     "the VSS COM classes are not registered: repair Windows (sfc /scannow)"},
    // Every method's page: the call came out of its sequence (or on an
    // uninitialised object), e.g. IVssBackupComponents::SaveAsXML.
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-saveasxml
    {0x80042301, "VSS_E_BAD_STATE",
     "a VSS call came out of its documented sequence: a bug in the "
     "requester; please report it with the output of the failing command"},
    {0x80042302, "VSS_E_UNEXPECTED",
     "VSS failed internally: see the Application event log (source VSS)"},
    {0x80042304, "VSS_E_PROVIDER_NOT_REGISTERED",
     "the shadow copy provider is not registered"},
    {0x80042306, "VSS_E_PROVIDER_VETO",
     "the provider refused: see the System event log"},
    {0x80042308, "VSS_E_OBJECT_NOT_FOUND",
     "the writer or component named does not exist"},
    {0x8004230C, "VSS_E_VOLUME_NOT_SUPPORTED",
     "shadow copies are not supported on this volume"},
    // AddComponent: a component with this logical path and name was
    // already added.
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent
    {0x8004230D, "VSS_E_OBJECT_ALREADY_EXISTS",
     "the component was already added: name each component once"},
    {0x8004230F, "VSS_E_UNEXPECTED_PROVIDER_ERROR",
     "the shadow copy provider failed: see the System event log"},
    {0x80042310, "VSS_E_CORRUPT_XML_DOCUMENT",
     "a writer returned corrupt metadata: validate its saved document"},
    {0x80042311, "VSS_E_INVALID_XML_DOCUMENT",
     "a writer returned invalid metadata: validate its saved document"},
    {0x80042313, "VSS_E_FLUSH_WRITES_TIMEOUT",
     "writes could not be flushed in time: retry when the disk is less busy"},
    {0x80042314, "VSS_E_HOLD_WRITES_TIMEOUT",
     "writes could not be held in time: retry when the disk is less busy"},
    {0x80042315, "VSS_E_UNEXPECTED_WRITER_ERROR", kWriterLog},
    {0x80042316, "VSS_E_SNAPSHOT_SET_IN_PROGRESS",
     "another shadow copy is being created: wait and retry"},
    {0x80042318, "VSS_E_WRITER_INFRASTRUCTURE",
     "the writer infrastructure is not working: restart the Volume Shadow "
     "Copy service and check the Application event log"},
    {0x80042319, "VSS_E_WRITER_NOT_RESPONDING",
     "a writer did not respond: restart its service"},
    {0x8004231B, "VSS_E_UNSUPPORTED_CONTEXT",
     "this Windows edition does not support that context: use the backup "
     "context"},
    {0x8004231F, "VSS_E_INSUFFICIENT_STORAGE",
     "not enough shadow copy storage: enlarge it (vssadmin resize "
     "shadowstorage)"},
    {0x80042327, "VSS_E_REBOOT_REQUIRED", "restart the machine, then retry"},
    {0x80042328, "VSS_E_TRANSACTION_FREEZE_TIMEOUT",
     "the transaction manager did not freeze in time: retry"},
    {0x80042329, "VSS_E_TRANSACTION_THAW_TIMEOUT",
     "the transaction manager did not thaw in time: retry"},
    {0x8004232E, "VSS_E_CLUSTER_TIMEOUT",
     "the cluster did not respond in time"},
    {0x8004232F, "VSS_E_NOT_SUPPORTED", "not supported by this VSS version"},
    {0x80042336, "VSS_E_WRITERERROR_PARTIAL_FAILURE",
     "some components of the writer failed: see its event log entries"},
    // The shadow copy set holds only some of the volumes the writer needs
    // to back its component up correctly.
    {0x800423F0, "VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT",
     "the shadow copy set lacks volumes this writer needs: include every "
     "volume that holds its files"},
    {0x800423F1, "VSS_E_WRITERERROR_OUTOFRESOURCES",
     "the writer ran out of memory or handles: free resources and retry"},
    {0x800423F2, "VSS_E_WRITERERROR_TIMEOUT",
     "the writer timed out between freeze and thaw: retry when the machine "
     "is less busy"},
    // The writer failed with an error that restarting the whole backup
    // would likely avoid. Read outside a backup (status, capture), it is
    // the writer's last backup's failure, which a capture does not reset.
    {0x800423F3, "VSS_E_WRITERERROR_RETRYABLE",
     "the writer failed in an earlier backup with an error a new backup may "
     "not meet; its status stays until a backup runs or its service "
     "restarts, so capturing again does not clear it"},
    {0x800423F4, "VSS_E_WRITERERROR_NONRETRYABLE",
     "a permanent writer error: restart the writer's service, then see its "
     "event log"},
    {0x800423F5, "VSS_E_WRITERERROR_RECOVERY_FAILED",
     "the writer could not recover the shadow copy"},
    // Some writers' status is unavailable; a writer may have used up its
    // number of concurrent backup and restore sessions.
    {0x80042409, "VSS_E_WRITER_STATUS_NOT_AVAILABLE",
     "a writer's status is not available: it may have reached its maximum "
     "number of backup and restore sessions; wait for other backups to "
     "end"},
    {0x80042417, "VSS_E_FSS_TIMEOUT", "the file share shadow copy timed out"},
    {0x80070002, "ERROR_FILE_NOT_FOUND", "a file was not found"},
    {0x80070005, "E_ACCESSDENIED",
     "access denied: run from an elevated prompt (Run as administrator)"},
    {0x8007000E, "E_OUTOFMEMORY", "out of memory"},
    {0x80070057, "E_INVALIDARG", "an invalid argument was passed (a bug)"},
    {0x80070422, "ERROR_SERVICE_DISABLED",
     "the Volume Shadow Copy service is disabled: set its start type to "
     "Manual (sc config vss start= demand)"},
    {0x8007042C, "ERROR_SERVICE_DEPENDENCY_FAIL",
     "a service VSS needs did not start: check the RPC and COM+ services"},
    {0x800705B4, "ERROR_TIMEOUT", "timed out: retry with a longer timeout"},
    {0x800706BA, "RPC_S_SERVER_UNAVAILABLE",
     "the VSS service is not reachable: start it (net start vss)"},
    {0x800706BE, "RPC_S_CALL_FAILED",
     "the call to the VSS service failed: restart the service and retry"},
};
static_assert(std::is_sorted(std::begin(kTable), std::end(kTable),
                             [](const Entry& a, const Entry& b) {
                               return a.code < b.code;
                             }),
              "kTable must stay sorted by code: the lookup is a binary search");

}  // namespace

HresultInfo describe_hresult(std::uint32_t code) {
  const auto* it = std::lower_bound(
      std::begin(kTable), std::end(kTable), code,
      [](const Entry& e, std::uint32_t c) { return e.code < c; });
  if (it == std::end(kTable) || it->code != code)
    return HresultInfo{code, {}, {}};
  return HresultInfo{code, it->name, it->advice};
}

std::string format_hresult(std::uint32_t code) {
  const HresultInfo info = describe_hresult(code);
  if (info.name.empty()) return fmt::format("0x{:08X}", code);
  return fmt::format("0x{:08X} {}", code, info.name);
}

std::string explain_hresult(std::uint32_t code) {
  const HresultInfo info = describe_hresult(code);
  if (info.advice.empty()) return format_hresult(code);
  return fmt::format("{}: {}", format_hresult(code), info.advice);
}

}  // namespace vssmeta
