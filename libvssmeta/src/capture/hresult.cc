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
  std::string_view cause;
};

constexpr std::string_view kWriterLog =
    "the writer failed: see the Application event log of that writer";

// Sorted by code: the lookup is a binary search. Each entry's advice
// follows what the code's page says it means. Unless an entry cites its
// own page, the pages are:
// - VSS_E_* and VSS_S_*: "Volume Shadow Copy Service Error Codes",
//   https://learn.microsoft.com/en-us/windows/win32/vss/volume-shadow-copy-service-error-codes
//   and the return values of the method that returned them (vsbackup.h);
//   the values and names of the VSS_E_ASRERROR_* and other codes without a
//   page of their own follow vsserror.h (Windows SDK, also in MinGW-w64);
// - E_*, RPC_E_*, REGDB_E_*: "COM Error Codes",
//   https://learn.microsoft.com/en-us/windows/win32/com/com-error-codes-1
//   (and -2 for the RPC_E_ range);
// - ERROR_* and RPC_S_* (HRESULT_FROM_WIN32): "System Error Codes",
//   https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes
constexpr Entry kTable[] = {
    {0x00000000, "S_OK", "", ""},
    {0x00000001, "S_FALSE", "", ""},
    {0x00042309, "VSS_S_ASYNC_PENDING", "the operation is still running", ""},
    {0x0004230A, "VSS_S_ASYNC_FINISHED", "", ""},
    {0x0004230B, "VSS_S_ASYNC_CANCELLED", "the operation was cancelled", ""},
    {0x00042321, "VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED",
     "check that every transported LUN is visible to this machine",
     "only some shadow copies of the set could be imported"},
    {0x80004001, "E_NOTIMPL", "VSS is not available on this system",
     "the method is not implemented on this system"},
    {0x80004002, "E_NOINTERFACE",
     "this Windows version lacks the VSS interface asked for",
     "the object does not offer the interface asked for"},
    {0x80004003, "E_POINTER", "an invalid pointer was passed (a bug)",
     "a null or invalid pointer reached the API"},
    {0x80004005, "E_FAIL",
     "unspecified failure: see the Application and "
     "System event logs (source VSS)",
     "an unspecified error"},
    {0x8000FFFF, "E_UNEXPECTED",
     "unexpected error: see the Application event log (source VSS)",
     "an unexpected failure in the VSS infrastructure"},
    {0x80010106, "RPC_E_CHANGED_MODE",
     "COM was already initialised in another mode on this thread",
     "COM was initialised twice with different threading models"},
    // CoInitializeSecurity was already called in this process: security is
    // the host's, and may keep writers under other accounts from calling
    // back.
    // https://learn.microsoft.com/en-us/windows/win32/api/combaseapi/nf-combaseapi-coinitializesecurity
    {0x80010119, "RPC_E_TOO_LATE",
     "COM security was already set by this process: writers running under "
     "other accounts may be unable to report; capture from a process of its "
     "own",
     "COM security was set before the requester could set it"},
    {0x80040154, "REGDB_E_CLASSNOTREG",
     "the VSS COM classes are not registered: repair Windows (sfc /scannow)",
     "the VSS COM classes are missing from the registry"},
    // Every method's page: the call came out of its sequence (or on an
    // uninitialised object), e.g. IVssBackupComponents::SaveAsXML.
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-saveasxml
    {0x80042301, "VSS_E_BAD_STATE",
     "a VSS call came out of its documented sequence: a bug in the "
     "requester; please report it with the output of the failing command",
     "a call was made out of its documented sequence, or on an object that is "
     "not initialised"},
    {0x80042302, "VSS_E_UNEXPECTED",
     "VSS failed internally: see the Application event log (source VSS)",
     "VSS met an unexpected internal error (logged in the event log)"},
    {0x80042303, "VSS_E_PROVIDER_ALREADY_REGISTERED",
     "nothing to do: the provider is registered",
     "the provider is already registered"},
    {0x80042304, "VSS_E_PROVIDER_NOT_REGISTERED",
     "the shadow copy provider is not registered",
     "the shadow copy provider asked for is not registered"},
    {0x80042306, "VSS_E_PROVIDER_VETO",
     "the provider refused: see the System event log",
     "the provider refused to create the shadow copy (its reason is in the "
     "event log)"},
    {0x80042307, "VSS_E_PROVIDER_IN_USE",
     "retry when no shadow copy operation is running",
     "the provider is in use and cannot be unregistered"},
    {0x80042308, "VSS_E_OBJECT_NOT_FOUND",
     "the writer or component named does not exist",
     "the writer, component, volume or shadow copy named does not exist"},
    {0x8004230C, "VSS_E_VOLUME_NOT_SUPPORTED",
     "shadow copies are not supported on this volume",
     "no provider can make shadow copies of this volume"},
    // AddComponent: a component with this logical path and name was
    // already added.
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent
    {0x8004230D, "VSS_E_OBJECT_ALREADY_EXISTS",
     "the component was already added: name each component once",
     "the object (component, volume, mapping) was already added"},
    {0x8004230E, "VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER",
     "use the system provider, or a provider that supports the volume",
     "the chosen provider does not support this volume"},
    {0x8004230F, "VSS_E_UNEXPECTED_PROVIDER_ERROR",
     "the shadow copy provider failed: see the System event log",
     "the shadow copy provider failed unexpectedly"},
    {0x80042310, "VSS_E_CORRUPT_XML_DOCUMENT",
     "a writer returned corrupt metadata: validate its saved document",
     "a metadata or backup components document is corrupt"},
    {0x80042311, "VSS_E_INVALID_XML_DOCUMENT",
     "a writer returned invalid metadata: validate its saved document",
     "a metadata or backup components document is not valid"},
    {0x80042312, "VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED",
     "back the volumes up in several shadow copy sets",
     "the shadow copy set already holds the most volumes allowed"},
    {0x80042313, "VSS_E_FLUSH_WRITES_TIMEOUT",
     "writes could not be flushed in time: retry when the disk is less busy",
     "the system could not flush I/O buffers within the time allowed (heavy "
     "disk activity)"},
    {0x80042314, "VSS_E_HOLD_WRITES_TIMEOUT",
     "writes could not be held in time: retry when the disk is less busy",
     "the system could not hold I/O writes within the time allowed (heavy disk "
     "activity)"},
    {0x80042315, "VSS_E_UNEXPECTED_WRITER_ERROR", kWriterLog,
     "VSS met problems while sending events to writers"},
    {0x80042316, "VSS_E_SNAPSHOT_SET_IN_PROGRESS",
     "another shadow copy is being created: wait and retry",
     "another shadow copy creation was already running"},
    {0x80042317, "VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED",
     "delete old shadow copies (vssadmin delete shadows), then retry",
     "the volume already has the most shadow copies allowed"},
    {0x80042318, "VSS_E_WRITER_INFRASTRUCTURE",
     "the writer infrastructure is not working: restart the Volume Shadow "
     "Copy service and check the Application event log",
     "VSS could not contact the writers (Event System or VSS service not "
     "running)"},
    {0x80042319, "VSS_E_WRITER_NOT_RESPONDING",
     "a writer did not respond: restart its service",
     "a writer did not answer VSS events in time, or its process hangs"},
    {0x8004231A, "VSS_E_WRITER_ALREADY_SUBSCRIBED",
     "restart the writer's service",
     "the writer is already subscribed to VSS events"},
    {0x8004231B, "VSS_E_UNSUPPORTED_CONTEXT",
     "this Windows edition does not support that context: use the backup "
     "context",
     "the provider does not support the shadow copy context asked for"},
    {0x8004231D, "VSS_E_VOLUME_IN_USE",
     "retry when the other operation has ended",
     "the volume is in use by another shadow copy operation (or its storage "
     "area is)"},
    {0x8004231E, "VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED",
     "remove unused storage associations (vssadmin delete shadowstorage)",
     "the volume has the most shadow copy storage associations allowed"},
    {0x8004231F, "VSS_E_INSUFFICIENT_STORAGE",
     "not enough shadow copy storage: enlarge it (vssadmin resize "
     "shadowstorage)",
     "the shadow copy storage area is too small"},
    {0x80042320, "VSS_E_NO_SNAPSHOTS_IMPORTED",
     "check that the transported LUNs are visible to this machine",
     "none of the shadow copies of the set could be imported"},
    {0x80042321, "VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED",
     "check that every transported LUN is visible to this machine",
     "only some shadow copies of the set could be imported"},
    {0x80042322, "VSS_E_MAXIMUM_NUMBER_OF_REMOTE_MACHINES_REACHED",
     "spread the file shares over several shadow copy sets",
     "the shadow copy set spans the most remote file servers allowed"},
    {0x80042323, "VSS_E_REMOTE_SERVER_UNAVAILABLE",
     "check the network and the file server, then retry",
     "the file server of a share in the set is not reachable"},
    {0x80042324, "VSS_E_REMOTE_SERVER_UNSUPPORTED",
     "enable the File Server VSS Agent Service on the file server",
     "the file server does not support shadow copies of shares"},
    {0x80042325, "VSS_E_REVERT_IN_PROGRESS", "wait until the revert ends",
     "a revert to a shadow copy is in progress on the volume"},
    {0x80042326, "VSS_E_REVERT_VOLUME_LOST", "restore the volume from a backup",
     "the volume was lost while being reverted"},
    {0x80042327, "VSS_E_REBOOT_REQUIRED", "restart the machine, then retry",
     "a provider or a previous operation needs a restart first"},
    {0x80042328, "VSS_E_TRANSACTION_FREEZE_TIMEOUT",
     "the transaction manager did not freeze in time: retry",
     "the Kernel Transaction Manager did not freeze within the time allowed"},
    {0x80042329, "VSS_E_TRANSACTION_THAW_TIMEOUT",
     "the transaction manager did not thaw in time: retry",
     "the Kernel Transaction Manager did not thaw within the time allowed"},
    {0x8004232A, "VSS_E_UNSELECTED_VOLUME", "add the volume, then retry",
     "a volume needed is not part of the shadow copy set or the restore"},
    {0x8004232B, "VSS_E_SNAPSHOT_NOT_IN_SET", "name a shadow copy of this set",
     "the shadow copy is not in the set being worked on"},
    {0x8004232C, "VSS_E_NESTED_VOLUME_LIMIT",
     "reduce the nesting of mount points",
     "volumes are nested (mounted in one another) deeper than VSS supports"},
    {0x8004232D, "VSS_E_VOLUME_NOT_LOCAL",
     "make the shadow copy on the machine that owns the volume",
     "the volume is not a local volume of this machine"},
    {0x8004232E, "VSS_E_CLUSTER_TIMEOUT", "the cluster did not respond in time",
     "a cluster operation did not complete in time"},
    {0x8004232F, "VSS_E_NOT_SUPPORTED", "not supported by this VSS version",
     "the operation is not supported (for example an express writer rule was "
     "broken)"},
    {0x80042336, "VSS_E_WRITERERROR_PARTIAL_FAILURE",
     "some components of the writer failed: see its event log entries",
     "some of the writer's components failed (each component records its own "
     "error)"},
    // The shadow copy set holds only some of the volumes the writer needs
    // to back its component up correctly.
    {0x800423F0, "VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT",
     "the shadow copy set lacks volumes this writer needs: include every "
     "volume that holds its files",
     "the shadow copy set holds only some of the volumes the writer needs"},
    {0x800423F1, "VSS_E_WRITERERROR_OUTOFRESOURCES",
     "the writer ran out of memory or handles: free resources and retry",
     "the writer ran out of memory or other system resources"},
    {0x800423F2, "VSS_E_WRITERERROR_TIMEOUT",
     "the writer timed out between freeze and thaw: retry when the machine "
     "is less busy",
     "the time between freeze and thaw exceeded the writer's timeout"},
    // The writer failed with an error that restarting the whole backup
    // would likely avoid. Read outside a backup (status, capture), it is
    // the writer's last backup's failure, which a capture does not reset.
    {0x800423F3, "VSS_E_WRITERERROR_RETRYABLE",
     "the writer failed in an earlier backup with an error a new backup may "
     "not meet; its status stays until a backup runs or its service "
     "restarts, so capturing again does not clear it",
     "the writer met a transient error that a new backup may not meet"},
    {0x800423F4, "VSS_E_WRITERERROR_NONRETRYABLE",
     "a permanent writer error: restart the writer's service, then see its "
     "event log",
     "the writer met an error that is likely to recur: VSS cannot back up its "
     "data"},
    {0x800423F5, "VSS_E_WRITERERROR_RECOVERY_FAILED",
     "the writer could not recover the shadow copy",
     "the writer failed while recovering (auto-recovering) the shadow copy"},
    {0x800423F6, "VSS_E_BREAK_REVERT_ID_FAILED",
     "see the System event log of the provider",
     "the identity of a broken-off shadow copy could not be reverted"},
    {0x800423F7, "VSS_E_LEGACY_PROVIDER", "use a provider that supports it",
     "the provider is a legacy one that does not support this operation"},
    {0x800423F8, "VSS_E_MISSING_DISK",
     "attach the disk, or exclude it from the recovery",
     "a disk that ASR expects is missing"},
    {0x800423F9, "VSS_E_MISSING_HIDDEN_VOLUME",
     "recreate the volume or use a full-disk recovery",
     "a hidden volume that ASR expects is missing"},
    {0x800423FA, "VSS_E_MISSING_VOLUME",
     "recreate the volume or use a full-disk recovery",
     "a volume that ASR expects is missing"},
    {0x800423FB, "VSS_E_AUTORECOVERY_FAILED",
     "see the Application event log (source VSS)",
     "auto-recovery of the shadow copy failed"},
    {0x800423FC, "VSS_E_DYNAMIC_DISK_ERROR", "see the System event log",
     "an error occurred on a dynamic disk"},
    {0x800423FD, "VSS_E_NONTRANSPORTABLE_BCD",
     "make the backup with a transportable shadow copy context",
     "the backup components document is not meant for transport"},
    {0x800423FE, "VSS_E_CANNOT_REVERT_DISKID",
     "see the System event log of the provider",
     "the disk identity cannot be reverted"},
    {0x800423FF, "VSS_E_RESYNC_IN_PROGRESS", "wait until it ends",
     "a LUN resynchronisation is in progress"},
    {0x80042400, "VSS_E_CLUSTER_ERROR", "see the cluster log",
     "a cluster operation failed"},
    {0x80042401, "VSS_E_ASRERROR_DISK_ASSIGNMENT_FAILED",
     "provide as many disks as the original machine had, each at least as "
     "large",
     "ASR could not assign the disks of the backup to the disks of this "
     "machine"},
    {0x80042402, "VSS_E_ASRERROR_DISK_RECREATION_FAILED",
     "check the target disks, then retry the recovery",
     "ASR could not recreate a volume or disk"},
    {0x80042403, "VSS_E_ASRERROR_NO_ARCPATH",
     "check the boot configuration and the disks",
     "the ARC path of a disk could not be found"},
    {0x80042404, "VSS_E_ASRERROR_MISSING_DYNDISK", "attach the dynamic disk",
     "a dynamic disk that ASR expects is missing"},
    {0x80042405, "VSS_E_ASRERROR_SHARED_CRIDISK",
     "exclude shared disks from the critical set",
     "a critical disk of the backup is a shared (cluster) disk"},
    {0x80042406, "VSS_E_ASRERROR_DATADISK_RDISK0",
     "keep the backup on another disk",
     "the disk holding the backup data is the disk ASR restores the system to"},
    {0x80042407, "VSS_E_ASRERROR_RDISK0_TOOSMALL",
     "restore to a disk at least as large as the original",
     "the system disk of this machine is smaller than the original"},
    {0x80042408, "VSS_E_ASRERROR_CRITICAL_DISKS_TOO_SMALL",
     "provide larger disks",
     "the disks of this machine are too small for the critical volumes"},
    // Some writers' status is unavailable; a writer may have used up its
    // number of concurrent backup and restore sessions.
    {0x80042409, "VSS_E_WRITER_STATUS_NOT_AVAILABLE",
     "a writer's status is not available: it may have reached its maximum "
     "number of backup and restore sessions; wait for other backups to "
     "end",
     "the writer used up its backup and restore sessions, so its status is not "
     "kept"},
    {0x8004240A, "VSS_E_ASRERROR_DYNAMIC_VHD_NOT_SUPPORTED",
     "move the volume to a fixed disk",
     "a critical volume lies on a dynamic virtual hard disk, which ASR does "
     "not support"},
    {0x80042411, "VSS_E_CRITICAL_VOLUME_ON_INVALID_DISK",
     "move the critical volume to a supported disk",
     "a critical volume lies on a disk ASR cannot use"},
    {0x80042412, "VSS_E_ASRERROR_RDISK_FOR_SYSTEM_DISK_NOT_FOUND",
     "provide a disk at least as large as the original system disk",
     "no disk of this machine can take the original system disk"},
    {0x80042413, "VSS_E_ASRERROR_NO_PHYSICAL_DISK_AVAILABLE",
     "attach a physical disk", "ASR found no physical disk to restore to"},
    {0x80042414,
     "VSS_E_ASRERROR_FIXED_PHYSICAL_DISK_AVAILABLE_AFTER_DISK_EXCLUSION",
     "exclude fewer disks",
     "no fixed physical disk remains once the excluded disks are left out"},
    {0x80042415, "VSS_E_ASRERROR_CRITICAL_DISK_CANNOT_BE_EXCLUDED",
     "include every disk that holds a critical volume",
     "a critical disk was excluded from the recovery"},
    {0x80042416, "VSS_E_ASRERROR_SYSTEM_PARTITION_HIDDEN",
     "unhide the system partition", "the system partition is hidden"},
    {0x80042417, "VSS_E_FSS_TIMEOUT", "the file share shadow copy timed out",
     "a file share shadow copy did not complete in time"},
    {0x80070002, "ERROR_FILE_NOT_FOUND", "a file was not found",
     "a file the operation needs is missing"},
    {0x80070005, "E_ACCESSDENIED",
     "access denied: run from an elevated prompt (Run as administrator)",
     "the caller lacks the backup privilege or is not an administrator"},
    {0x8007000E, "E_OUTOFMEMORY", "out of memory",
     "the process ran out of memory or other resources"},
    {0x80070057, "E_INVALIDARG", "an invalid argument was passed (a bug)",
     "a parameter is not valid"},
    {0x80070422, "ERROR_SERVICE_DISABLED",
     "the Volume Shadow Copy service is disabled: set its start type to "
     "Manual (sc config vss start= demand)",
     "the Volume Shadow Copy service is disabled"},
    {0x8007042C, "ERROR_SERVICE_DEPENDENCY_FAIL",
     "a service VSS needs did not start: check the RPC and COM+ services",
     "a service VSS depends on failed to start"},
    {0x800705B4, "ERROR_TIMEOUT", "timed out: retry with a longer timeout",
     "the operation timed out"},
    {0x800706BA, "RPC_S_SERVER_UNAVAILABLE",
     "the VSS service is not reachable: start it (net start vss)",
     "the VSS service cannot be reached over RPC"},
    {0x800706BE, "RPC_S_CALL_FAILED",
     "the call to the VSS service failed: restart the service and retry",
     "the RPC call to the VSS service failed"},
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
    return HresultInfo{code, {}, {}, {}};
  return HresultInfo{code, it->name, it->advice, it->cause};
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
