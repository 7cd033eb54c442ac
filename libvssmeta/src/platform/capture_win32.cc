// SPDX-License-Identifier: MIT
// The capture back end on Windows: a VSS requester session (COM), from
// CreateVssBackupComponents to AbortBackup, without any snapshot. The call
// sequence follows Microsoft's pages (cited at each step) and the VShadow
// sample (Samples/VShadowVolumeShadowCopy/cpp in Windows-classic-samples);
// docs/windows.md lists it.
#include "platform/capture_win32.h"

#include <chrono>
#include <ctime>
#include <utility>

#include <fmt/format.h>

#include "vssmeta/parse.h"

namespace vssmeta {
namespace internal {

void (*free_bstr)(BSTR) = [](BSTR s) { SysFreeString(s); };

namespace {

// Owns one COM reference.
template <typename T>
class ComRef {
 public:
  ComRef() = default;
  ComRef(const ComRef&) = delete;
  ComRef& operator=(const ComRef&) = delete;
  ~ComRef() {
    if (p_ != nullptr) p_->Release();
  }
  T** put() { return &p_; }
  T* get() const { return p_; }
  T* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  T* p_ = nullptr;
};

// Frees a BSTR the API returned.
class Bstr {
 public:
  Bstr() = default;
  Bstr(const Bstr&) = delete;
  Bstr& operator=(const Bstr&) = delete;
  ~Bstr() {
    if (s_ != nullptr) free_bstr(s_);
  }
  BSTR* put() { return &s_; }
  const wchar_t* get() const { return s_ != nullptr ? s_ : L""; }

 private:
  BSTR s_ = nullptr;
};

// Runs `f` at scope exit.
template <typename F>
class Finally {
 public:
  explicit Finally(F f) : f_(std::move(f)) {}
  Finally(const Finally&) = delete;
  Finally& operator=(const Finally&) = delete;
  ~Finally() { f_(); }

 private:
  F f_;
};

std::uint32_t u32(HRESULT hr) { return static_cast<std::uint32_t>(hr); }

Error vss_error(std::string_view call, HRESULT hr) {
  const ErrorCode code =
      u32(hr) == 0x80004001U ? ErrorCode::kUnsupported : ErrorCode::kIo;
  return Error{code, fmt::format("{}: {}", call, explain_hresult(u32(hr))),
               std::nullopt};
}

Guid to_guid(const GUID& g) {
  const std::string text = fmt::format(
      "{:08x}-{:04x}-{:04x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
      g.Data1, g.Data2, g.Data3, g.Data4[0], g.Data4[1], g.Data4[2], g.Data4[3],
      g.Data4[4], g.Data4[5], g.Data4[6], g.Data4[7]);
  return Guid::parse(text).value_or(Guid{});
}

GUID to_native(const Guid& g) {
  const auto& b = g.bytes();
  GUID out{};
  out.Data1 = (static_cast<unsigned long>(b[0]) << 24) |
              (static_cast<unsigned long>(b[1]) << 16) |
              (static_cast<unsigned long>(b[2]) << 8) | b[3];
  out.Data2 = static_cast<unsigned short>((b[4] << 8) | b[5]);
  out.Data3 = static_cast<unsigned short>((b[6] << 8) | b[7]);
  for (int i = 0; i < 8; ++i) out.Data4[i] = b[static_cast<std::size_t>(8 + i)];
  return out;
}

// The timeout IVssAsync::Wait takes: 0 is no limit, and the product is
// computed in 64 bits and capped below INFINITE, so that it never wraps.
DWORD wait_ms(unsigned timeout_seconds) {
  if (timeout_seconds == 0) return INFINITE;
  const std::uint64_t ms = std::uint64_t{timeout_seconds} * 1000U;
  return ms >= INFINITE ? INFINITE - 1 : static_cast<DWORD>(ms);
}

Error timed_out(std::string_view call, unsigned timeout_seconds) {
  return Error{ErrorCode::kIo,
               fmt::format("{}: timed out after {} s: a writer does not "
                           "respond; retry with a longer timeout, or "
                           "restart the writer's service",
                           call, timeout_seconds),
               std::nullopt};
}

// Waits for one asynchronous step; when the timeout expires, cancels it and
// waits for the cancellation. Every outcome IVssAsync documents is read:
// https://learn.microsoft.com/en-us/windows/win32/api/vss/nf-vss-ivssasync-wait
// https://learn.microsoft.com/en-us/windows/win32/api/vss/nf-vss-ivssasync-querystatus
// https://learn.microsoft.com/en-us/windows/win32/api/vss/nf-vss-ivssasync-cancel
Status wait(IVssAsync* async, std::string_view call, unsigned timeout_seconds) {
  const DWORD ms = wait_ms(timeout_seconds);
  HRESULT hr = async->Wait(ms);
  if (FAILED(hr)) return vss_error(fmt::format("{} (waiting)", call), hr);
  HRESULT status = S_OK;
  hr = async->QueryStatus(&status, nullptr);
  if (FAILED(hr)) return vss_error(fmt::format("{} (status)", call), hr);
  if (status == VSS_S_ASYNC_PENDING) {
    const HRESULT cancel = async->Cancel();
    // A step that failed before Cancel makes Cancel return its error.
    if (FAILED(cancel)) return vss_error(call, cancel);
    if (cancel == S_OK) {
      // Cancelled: the step ends soon after; wait for it before AbortBackup.
      hr = async->Wait(ms);
      if (FAILED(hr))
        return vss_error(fmt::format("{} (cancelling)", call), hr);
    }
    // VSS_S_ASYNC_FINISHED: it completed before Cancel, and its outcome
    // counts; after a cancellation the status says VSS_S_ASYNC_CANCELLED,
    // unless the step finished first.
    hr = async->QueryStatus(&status, nullptr);
    if (FAILED(hr)) return vss_error(fmt::format("{} (status)", call), hr);
    if (status == VSS_S_ASYNC_CANCELLED || status == VSS_S_ASYNC_PENDING) {
      return timed_out(call, timeout_seconds);
    }
  }
  if (status == VSS_S_ASYNC_CANCELLED) return vss_error(call, status);
  if (FAILED(status)) return vss_error(call, status);
  return {};
}

// Starts one of the asynchronous calls and waits for it.
using AsyncCall =
    HRESULT (STDMETHODCALLTYPE IVssBackupComponents::*)(IVssAsync**);
Status run_async(IVssBackupComponents* vss, AsyncCall start,
                 std::string_view call, unsigned timeout) {
  ComRef<IVssAsync> async;
  const HRESULT hr = (vss->*start)(async.put());
  if (FAILED(hr)) return vss_error(call, hr);
  return wait(async.get(), call, timeout);
}

// VSS_CTX_FILE_SHARE_BACKUP is VSS_VOLSNAP_ATTR_NO_WRITERS: "without
// writer involvement"; the sample gathers writer metadata only when the
// context has writers (create.cpp, CreateSnapshotSet).
// https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_snapshot_context
bool has_writers(CaptureContext c) {
  return c != CaptureContext::kFileShareBackup;
}

LONG native_context(CaptureContext c) {
  switch (c) {
    case CaptureContext::kBackup:
      return VSS_CTX_BACKUP;
    case CaptureContext::kFileShareBackup:
      return VSS_CTX_FILE_SHARE_BACKUP;
    case CaptureContext::kAppRollback:
      return VSS_CTX_APP_ROLLBACK;
  }
  return VSS_CTX_BACKUP;
}

VSS_COMPONENT_TYPE native_type(ComponentType t) {
  return t == ComponentType::kDatabase ? VSS_CT_DATABASE : VSS_CT_FILEGROUP;
}

// One session: created, initialised for backup; at the end the writer
// metadata is freed (last: AddComponent and PrepareForBackup need it) and
// the backup aborted (no snapshot is ever made).
class Session {
 public:
  Status open(const CaptureOptions& options, const VssFactory& factory) {
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-createvssbackupcomponents
    HRESULT hr = factory(vss_.put());
    if (FAILED(hr)) return vss_error("CreateVssBackupComponents", hr);
    if (!vss_) return vss_error("CreateVssBackupComponents", E_POINTER);
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-initializeforbackup
    hr = vss_->InitializeForBackup(nullptr);
    if (FAILED(hr)) return vss_error("InitializeForBackup", hr);
    initialised_ = true;
    // Once only, before the other calls:
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-setcontext
    hr = vss_->SetContext(native_context(options.context));
    if (FAILED(hr)) return vss_error("SetContext", hr);
    // Component mode, full; bootable system state only when asked:
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-setbackupstate
    hr = vss_->SetBackupState(true, options.bootable_system_state, VSS_BT_FULL,
                              false);
    if (FAILED(hr)) return vss_error("SetBackupState", hr);
    return {};
  }
  // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-gatherwritermetadata
  Status gather_metadata(unsigned timeout) {
    auto gathered =
        run_async(vss_.get(), &IVssBackupComponents::GatherWriterMetadata,
                  "GatherWriterMetadata", timeout);
    if (gathered) metadata_ = true;
    return gathered;
  }
  Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session() {
    // Freed metadata is gone for this instance: so only here, at the end.
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-freewritermetadata
    if (metadata_) vss_->FreeWriterMetadata();
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-abortbackup
    if (initialised_) vss_->AbortBackup();
  }
  IVssBackupComponents* operator->() const { return vss_.get(); }
  IVssBackupComponents* get() const { return vss_.get(); }

 private:
  ComRef<IVssBackupComponents> vss_;
  bool initialised_ = false;
  bool metadata_ = false;
};

std::string call_failed(std::string_view call, HRESULT hr) {
  return fmt::format("{}: {}", call, explain_hresult(u32(hr)));
}

// The warning for a writer status entry that could not be read.
void skip_status(const CaptureOptions& options, UINT index, UINT count,
                 const std::string& failure) {
  if (!options.on_warning) return;
  options.on_warning(fmt::format(
      "writer status {} of {} could not be read ({}): that writer is left "
      "out of the status",
      index + 1, count, failure));
}

// Every writer's identity and XML. A writer whose GetWriterMetadata,
// GetIdentity or SaveAsXML fails keeps what was known and says what failed
// (capture_error): one broken writer does not discard the others.
Result<std::vector<CapturedWriter>> read_metadata(IVssBackupComponents* vss) {
  UINT count = 0;
  HRESULT hr = vss->GetWriterMetadataCount(&count);
  if (FAILED(hr)) return vss_error("GetWriterMetadataCount", hr);
  std::vector<CapturedWriter> writers;
  for (UINT i = 0; i < count; ++i) {
    CapturedWriter& w = writers.emplace_back();
    VSS_ID instance{};
    ComRef<IVssExamineWriterMetadata> examine;
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-getwritermetadata
    hr = vss->GetWriterMetadata(i, &instance, examine.put());
    if (FAILED(hr) || !examine) {
      w.capture_error =
          call_failed("GetWriterMetadata", FAILED(hr) ? hr : E_POINTER);
      continue;
    }
    w.instance_id = to_guid(instance);
    VSS_ID instance_id{};
    VSS_ID writer_id{};
    Bstr name;
    VSS_USAGE_TYPE usage{};
    VSS_SOURCE_TYPE source{};
    hr = examine->GetIdentity(&instance_id, &writer_id, name.put(), &usage,
                              &source);
    if (FAILED(hr)) {
      w.capture_error =
          call_failed("IVssExamineWriterMetadata::GetIdentity", hr);
      continue;
    }
    w.writer_name = to_utf8(name.get());
    w.writer_id = to_guid(writer_id);
    w.instance_id = to_guid(instance_id);
    Bstr xml;
    hr = examine->SaveAsXML(xml.put());
    if (FAILED(hr)) {
      w.capture_error = call_failed("IVssExamineWriterMetadata::SaveAsXML", hr);
      continue;
    }
    w.xml = xml_to_utf8(xml.get());
  }
  return writers;
}

// https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-gatherwriterstatus
// An entry whose GetWriterStatus(Ex) fails is left out with a warning (what
// failed, decoded): one unreadable status does not discard the others,
// as one unreadable writer's metadata does not (read_metadata).
Result<std::vector<WriterStatus>> gather_status(IVssBackupComponents* vss,
                                                const CaptureOptions& options) {
  const unsigned timeout = options.timeout_seconds;
  auto gathered = run_async(vss, &IVssBackupComponents::GatherWriterStatus,
                            "GatherWriterStatus", timeout);
  if (!gathered) return std::move(gathered).error();
  // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-freewriterstatus
  Finally free_status([vss] { vss->FreeWriterStatus(); });
  ComRef<IVssBackupComponentsEx3> ex3;
  // Windows 8 and later; on failure ex3 stays null and GetWriterStatus is used.
  vss->QueryInterface(IID_IVssBackupComponentsEx3,
                      reinterpret_cast<void**>(ex3.put()));
  UINT count = 0;
  HRESULT hr = vss->GetWriterStatusCount(&count);
  if (FAILED(hr)) return vss_error("GetWriterStatusCount", hr);
  std::vector<WriterStatus> out;
  for (UINT i = 0; i < count; ++i) {
    VSS_ID instance{};
    VSS_ID writer{};
    Bstr name;
    VSS_WRITER_STATE state{};
    HRESULT failure = S_OK;
    WriterStatus s;
    if (ex3) {
      HRESULT application = S_OK;
      Bstr message;
      hr = ex3->GetWriterStatusEx(i, &instance, &writer, name.put(), &state,
                                  &failure, &application, message.put());
      if (FAILED(hr)) {
        skip_status(options, i, count, call_failed("GetWriterStatusEx", hr));
        continue;
      }
      s.application_error = u32(application);
      s.application_message = to_utf8(message.get());
    } else {
      hr = vss->GetWriterStatus(i, &instance, &writer, name.put(), &state,
                                &failure);
      if (FAILED(hr)) {
        skip_status(options, i, count, call_failed("GetWriterStatus", hr));
        continue;
      }
    }
    s.writer_name = to_utf8(name.get());
    s.writer_id = to_guid(writer);
    s.instance_id = to_guid(instance);
    s.state = writer_state_from(static_cast<std::uint32_t>(state));
    s.failure = u32(failure);
    out.push_back(std::move(s));
  }
  return out;
}

// The documented sequence as far as PrepareForBackup, which has the writers
// fill in their parts of the backup components document; no volume is
// added and no snapshot made.
Status prepare_bcd(IVssBackupComponents* vss,
                   const std::vector<CapturedWriter>& writers,
                   const std::vector<std::string>& select, unsigned timeout) {
  auto selection = resolve_selection(writers, select);
  if (!selection) return std::move(selection).error();
  for (const SelectedComponent& c : *selection) {
    const std::wstring path = to_wide(c.logical_path);
    const std::wstring name = to_wide(c.name);
    // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent
    HRESULT hr = vss->AddComponent(
        to_native(c.instance_id), to_native(c.writer_id), native_type(c.type),
        path.empty() ? nullptr : path.c_str(), name.c_str());
    if (FAILED(hr)) {
      return vss_error(fmt::format("AddComponent {}", c.name), hr);
    }
  }
  // Required before PrepareForBackup in a backup:
  // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-startsnapshotset
  VSS_ID snapshot_set{};
  HRESULT hr = vss->StartSnapshotSet(&snapshot_set);
  if (FAILED(hr)) return vss_error("StartSnapshotSet", hr);
  // https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-prepareforbackup
  return run_async(vss, &IVssBackupComponents::PrepareForBackup,
                   "PrepareForBackup", timeout);
}

// Never before PrepareForBackup, which has the document filled in:
// https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-saveasxml
Result<std::string> save_bcd(IVssBackupComponents* vss) {
  Bstr xml;
  HRESULT hr = vss->SaveAsXML(xml.put());
  if (FAILED(hr)) return vss_error("IVssBackupComponents::SaveAsXML", hr);
  return xml_to_utf8(xml.get());
}

void warn(const CaptureOptions& options, const std::string& text) {
  if (options.on_warning) options.on_warning(text);
}

}  // namespace

std::string to_utf8(const wchar_t* text) {
  const int n =
      WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
  if (n <= 1) return {};
  std::string out(static_cast<std::size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), n, nullptr, nullptr);
  out.pop_back();  // the terminator
  return out;
}

std::wstring to_wide(const std::string& text) {
  if (text.empty()) return {};
  const int size = static_cast<int>(text.size());
  const int n = MultiByteToWideChar(CP_UTF8, 0, text.data(), size, nullptr, 0);
  std::wstring out(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, text.data(), size, out.data(), n);
  return out;
}

std::string xml_to_utf8(const wchar_t* text) {
  std::string xml = to_utf8(text);
  if (xml.rfind("<?xml", 0) != 0) return xml;
  const std::size_t end = xml.find("?>");
  for (const char* spelling : {"UTF-16", "utf-16", "Utf-16"}) {
    const std::size_t at = xml.find(spelling);
    if (at != std::string::npos && at < end) {
      xml.replace(at, 6, "UTF-8");
      break;
    }
  }
  return xml;
}

Result<CaptureResult> capture_with(const CaptureOptions& options,
                                   const VssFactory& factory,
                                   const HostManifest& host) {
  Session session;
  auto opened = session.open(options, factory);
  if (!opened) return std::move(opened).error();
  CaptureResult result;
  result.host = host;
  if (!has_writers(options.context)) {
    warn(options, fmt::format("context {} involves no writers: the capture "
                              "holds no writer metadata or status",
                              to_string(options.context)));
  } else {
    auto gathered = session.gather_metadata(options.timeout_seconds);
    if (!gathered) return std::move(gathered).error();
    auto writers = read_metadata(session.get());
    if (!writers) return std::move(writers).error();
    result.writers = std::move(*writers);
  }
  // Parsed here, not while gathering: `status` never reads the XML.
  for (CapturedWriter& w : result.writers) {
    if (!w.capture_error.empty()) continue;
    ParseOptions po;
    po.source_name = capture_file_name(w.writer_name, w.instance_id);
    auto parsed = parse_writer_metadata(w.xml, po);
    if (parsed) {
      w.metadata = std::move(*parsed);
    } else {
      w.parse_error = to_string(parsed.error());
    }
  }
  if (options.save_bcd) {
    auto prepared = prepare_bcd(session.get(), result.writers, options.select,
                                options.timeout_seconds);
    if (!prepared) return std::move(prepared).error();
  }
  // After PrepareForBackup when there is one, as the sample does: the
  // status then shows writers that failed to prepare.
  if (has_writers(options.context)) {
    auto status = gather_status(session.get(), options);
    if (!status) return std::move(status).error();
    result.status = std::move(*status);
  }
  if (options.save_bcd) {
    auto bcd = save_bcd(session.get());
    if (!bcd) return std::move(bcd).error();
    result.bcd_xml = std::move(*bcd);
  }
  return result;
}

Result<std::vector<WriterStatus>> writer_status_with(
    const CaptureOptions& options, const VssFactory& factory) {
  if (!has_writers(options.context)) {
    return Error{ErrorCode::kInvalidValue,
                 fmt::format("context {} involves no writers: no status",
                             to_string(options.context)),
                 std::nullopt};
  }
  Session session;
  auto opened = session.open(options, factory);
  if (!opened) return std::move(opened).error();
  // Writers report status only once their metadata was gathered; the
  // metadata itself is never read.
  auto gathered = session.gather_metadata(options.timeout_seconds);
  if (!gathered) return std::move(gathered).error();
  return gather_status(session.get(), options);
}

// https://learn.microsoft.com/en-us/windows/win32/api/objidlbase/nn-objidlbase-iglobaloptions
// CLSID_GlobalOptions, spelled out: MinGW has it only in libuuid.
constexpr CLSID kClsidGlobalOptions = {
    0x0000034B, 0x0000, 0x0000, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

ComCalls system_com_calls() {
  ComCalls com;
  com.is_wow64 = [] {
    BOOL wow64 = FALSE;
    return IsWow64Process(GetCurrentProcess(), &wow64) != 0 && wow64 != FALSE;
  };
  com.initialize = [] { return CoInitializeEx(nullptr, COINIT_MULTITHREADED); };
  com.initialize_security = [] {
    // As the VShadow sample, any writer may call back (no security
    // descriptor) at packet privacy; writers may identify the requester,
    // not impersonate it.
    return CoInitializeSecurity(
        nullptr, -1, nullptr, nullptr, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
        RPC_C_IMP_LEVEL_IDENTIFY, nullptr, EOAC_NONE, nullptr);
  };
  com.no_exception_handling = [] {
    ComRef<IGlobalOptions> options;
    HRESULT hr = CoCreateInstance(
        kClsidGlobalOptions, nullptr, CLSCTX_INPROC_SERVER,
        __uuidof(IGlobalOptions), reinterpret_cast<void**>(options.put()));
    if (FAILED(hr)) return hr;
    return options->Set(COMGLB_EXCEPTION_HANDLING,
                        COMGLB_EXCEPTION_DONOT_HANDLE);
  };
  com.uninitialize = [] { CoUninitialize(); };
  return com;
}

Result<bool> start_com(const ComCalls& com,
                       const std::function<void(const std::string&)>& warn) {
  // VSS applications must run natively: a 32-bit requester under WOW64 is
  // unsupported since Windows Vista:
  // https://learn.microsoft.com/en-us/windows/win32/vss/volume-shadow-copy-service-portal
  // https://learn.microsoft.com/en-us/windows/win32/vss/usage-conventions
  if (com.is_wow64()) {
    return Error{ErrorCode::kUnsupported,
                 "this is a 32-bit process on 64-bit Windows (WOW64), where "
                 "VSS does not support 32-bit requesters: use a 64-bit build",
                 std::nullopt};
  }
  // https://learn.microsoft.com/en-us/windows/win32/api/combaseapi/nf-combaseapi-coinitializeex
  const HRESULT init = com.initialize();
  // RPC_E_CHANGED_MODE: the thread is already in a single-threaded
  // apartment; COM works there too, and security is still ours to set.
  if (FAILED(init) && init != RPC_E_CHANGED_MODE) {
    return vss_error("CoInitializeEx", init);
  }
  const bool owed = SUCCEEDED(init);
  auto fail = [&](Error e) -> Result<bool> {
    if (owed) com.uninitialize();
    return e;
  };
  // https://learn.microsoft.com/en-us/windows/win32/api/combaseapi/nf-combaseapi-coinitializesecurity
  const HRESULT security = com.initialize_security();
  if (security == RPC_E_TOO_LATE) {
    if (warn) {
      warn(call_failed("CoInitializeSecurity", security) +
           "; the capture may be incomplete");
    }
  } else if (FAILED(security)) {
    return fail(vss_error("CoInitializeSecurity", security));
  }
  // Requesters should set COMGLB_EXCEPTION_DONOT_HANDLE, since COM's
  // exception handling can mask fatal errors ("Disabling COM Exception
  // Handling"):
  // https://learn.microsoft.com/en-us/windows/win32/vss/security-considerations-for-requestors
  const HRESULT exceptions = com.no_exception_handling();
  if (FAILED(exceptions) && warn) {
    warn(call_failed("IGlobalOptions::Set(COMGLB_EXCEPTION_HANDLING)",
                     exceptions) +
         "; COM may hide a crash inside a VSS call");
  }
  return owed;
}

}  // namespace internal

namespace {

// COM for the calling thread, for the duration of one capture.
class ComScope {
 public:
  explicit ComScope(const CaptureOptions& options)
      : com_(internal::system_com_calls()),
        started_(internal::start_com(com_, options.on_warning)) {}
  ComScope(const ComScope&) = delete;
  ComScope& operator=(const ComScope&) = delete;
  ~ComScope() {
    if (started_ && *started_) com_.uninitialize();
  }
  const Result<bool>& started() const { return started_; }

 private:
  internal::ComCalls com_;
  Result<bool> started_;
};

bool elevated() {
  HANDLE token = nullptr;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return false;
  TOKEN_ELEVATION elevation{};
  DWORD size = 0;
  const bool ok = GetTokenInformation(token, TokenElevation, &elevation,
                                      sizeof elevation, &size) != 0;
  CloseHandle(token);
  return ok && elevation.TokenIsElevated != 0;
}

std::string os_version() {
  // GetVersionEx lies to unmanifested programs; RtlGetVersion does not.
  using RtlGetVersionFn = LONG(WINAPI*)(OSVERSIONINFOW*);
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  OSVERSIONINFOW info{};
  info.dwOSVersionInfoSize = sizeof info;
  if (ntdll != nullptr) {
    auto fn = reinterpret_cast<RtlGetVersionFn>(
        reinterpret_cast<void*>(GetProcAddress(ntdll, "RtlGetVersion")));
    if (fn != nullptr && fn(&info) == 0) {
      return fmt::format("Windows {}.{}.{}", info.dwMajorVersion,
                         info.dwMinorVersion, info.dwBuildNumber);
    }
  }
  return "Windows";
}

HostManifest this_host(const CaptureOptions& options) {
  HostManifest host;
  wchar_t name[256] = {};
  DWORD size = 256;
  if (GetComputerNameExW(ComputerNameDnsHostname, name, &size)) {
    host.host = internal::to_utf8(name);
  }
  host.os_version = os_version();
  const std::time_t now =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_s(&utc, &now);
  char stamp[32] = {};
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
  host.time_utc = stamp;
  host.tool_version = options.tool_version;
  host.elevated = elevated();
  host.context = to_string(options.context);
  return host;
}

HRESULT create_backup_components(IVssBackupComponents** out) {
  return CreateVssBackupComponents(out);
}

}  // namespace

bool capture_supported() { return true; }

Result<CaptureResult> capture(const CaptureOptions& options) {
  ComScope com(options);
  if (!com.started()) return com.started().error();
  return internal::capture_with(options, create_backup_components,
                                this_host(options));
}

Result<std::vector<WriterStatus>> capture_writer_status(
    const CaptureOptions& options) {
  ComScope com(options);
  if (!com.started()) return com.started().error();
  return internal::writer_status_with(options, create_backup_components);
}

}  // namespace vssmeta
