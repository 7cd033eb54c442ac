// SPDX-License-Identifier: MIT
#pragma once
// The VSS requester session behind capture(), with the factory of
// IVssBackupComponents injected so that tests replay scripted sessions.
// Windows only; private to the library and its tests.

#include <windows.h>
// clang-format off: vss.h and vswriter.h must come before vsbackup.h.
#include <vsbackup.h>
#include <vss.h>
#include <vswriter.h>
// clang-format on

#include <functional>
#include <string>
#include <vector>

#include "vssmeta/capture.h"

namespace vssmeta::internal {

/// Creates the backup components object (CreateVssBackupComponents in
/// production). On success `*out` holds one reference the caller releases.
using VssFactory = std::function<HRESULT(IVssBackupComponents** out)>;

/// Frees every BSTR the API returns: SysFreeString, or what a test puts
/// here to count them.
extern void (*free_bstr)(BSTR);

/// The whole capture against `factory`; `host` is copied into the result.
Result<CaptureResult> capture_with(const CaptureOptions& options,
                                   const VssFactory& factory,
                                   const HostManifest& host);

/// GatherWriterStatus only.
Result<std::vector<WriterStatus>> writer_status_with(
    const CaptureOptions& options, const VssFactory& factory);

/// The process-wide calls capture() makes before any VSS call, injectable
/// so that tests replay every outcome.
struct ComCalls {
  std::function<bool()> is_wow64;                  ///< IsWow64Process
  std::function<HRESULT()> initialize;             ///< CoInitializeEx (MTA)
  std::function<HRESULT()> initialize_security;    ///< CoInitializeSecurity
  std::function<HRESULT()> no_exception_handling;  ///< IGlobalOptions::Set
  std::function<void()> uninitialize;              ///< CoUninitialize
};

/// The production calls.
ComCalls system_com_calls();

/// Prepares COM for a requester: refuses a 32-bit process on 64-bit
/// Windows (kUnsupported), initialises COM (a thread already in another
/// apartment is used as it is), sets process-wide security so that writers
/// running under other accounts can call back, and asks COM not to swallow
/// exceptions (COMGLB_EXCEPTION_DONOT_HANDLE). Security set first by the
/// host process (RPC_E_TOO_LATE) and a failed IGlobalOptions::Set are
/// warnings; any other failure is an error. True when CoUninitialize is
/// owed (on error nothing is owed).
Result<bool> start_com(const ComCalls& com,
                       const std::function<void(const std::string&)>& warn);

/// UTF-16 from the API to UTF-8; an XML declaration naming UTF-16 is
/// rewritten to name UTF-8, since the text is saved as UTF-8.
std::string xml_to_utf8(const wchar_t* text);
std::string to_utf8(const wchar_t* text);
std::wstring to_wide(const std::string& text);

}  // namespace vssmeta::internal
