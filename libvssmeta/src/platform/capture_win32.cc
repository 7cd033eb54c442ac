// SPDX-License-Identifier: MIT
// The capture back end on Windows: a VSS requester session (COM), from
// CreateVssBackupComponents to AbortBackup, without any snapshot.
#include "platform/capture_win32.h"

#include <chrono>
#include <ctime>
#include <utility>

#include <fmt/format.h>

#include "vssmeta/parse.h"

namespace vssmeta {
namespace internal {
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
  ~Bstr() { SysFreeString(s_); }
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

// Waits for one asynchronous step; cancels it when the timeout expires.
Status wait(IVssAsync* async, std::string_view call, unsigned timeout_seconds) {
  const DWORD ms = timeout_seconds * 1000U;
  HRESULT hr = async->Wait(ms);
  if (FAILED(hr)) return vss_error(fmt::format("{} (waiting)", call), hr);
  HRESULT status = S_OK;
  hr = async->QueryStatus(&status, nullptr);
  if (FAILED(hr)) return vss_error(fmt::format("{} (status)", call), hr);
  if (status == VSS_S_ASYNC_PENDING) {
    async->Cancel();
    return Error{ErrorCode::kIo,
                 fmt::format("{}: timed out after {} s: a writer does not "
                             "respond; retry with a longer timeout, or "
                             "restart the writer's service",
                             call, timeout_seconds),
                 std::nullopt};
  }
  if (status == VSS_S_ASYNC_CANCELLED) return vss_error(call, status);
  if (FAILED(status)) return vss_error(call, status);
  return {};
}

// Starts one of the Gather* calls and waits for it.
using GatherCall =
    HRESULT (STDMETHODCALLTYPE IVssBackupComponents::*)(IVssAsync**);
Status gather(IVssBackupComponents* vss, GatherCall start,
              std::string_view call, unsigned timeout) {
  ComRef<IVssAsync> async;
  const HRESULT hr = (vss->*start)(async.put());
  if (FAILED(hr)) return vss_error(call, hr);
  return wait(async.get(), call, timeout);
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

// One session: created, initialised for backup, aborted at the end.
class Session {
 public:
  Status open(const CaptureOptions& options, const VssFactory& factory) {
    HRESULT hr = factory(vss_.put());
    if (FAILED(hr)) return vss_error("CreateVssBackupComponents", hr);
    if (!vss_) return vss_error("CreateVssBackupComponents", E_POINTER);
    hr = vss_->InitializeForBackup(nullptr);
    if (FAILED(hr)) return vss_error("InitializeForBackup", hr);
    initialised_ = true;
    hr = vss_->SetContext(native_context(options.context));
    if (FAILED(hr)) return vss_error("SetContext", hr);
    hr = vss_->SetBackupState(true, true, VSS_BT_FULL, false);
    if (FAILED(hr)) return vss_error("SetBackupState", hr);
    return {};
  }
  Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session() {
    if (initialised_) vss_->AbortBackup();
  }
  IVssBackupComponents* operator->() const { return vss_.get(); }
  IVssBackupComponents* get() const { return vss_.get(); }

 private:
  ComRef<IVssBackupComponents> vss_;
  bool initialised_ = false;
};

Result<std::vector<CapturedWriter>> gather_metadata(IVssBackupComponents* vss,
                                                    unsigned timeout) {
  auto gathered = gather(vss, &IVssBackupComponents::GatherWriterMetadata,
                         "GatherWriterMetadata", timeout);
  if (!gathered) return std::move(gathered).error();
  Finally free_metadata([vss] { vss->FreeWriterMetadata(); });
  UINT count = 0;
  HRESULT hr = vss->GetWriterMetadataCount(&count);
  if (FAILED(hr)) return vss_error("GetWriterMetadataCount", hr);
  std::vector<CapturedWriter> writers;
  for (UINT i = 0; i < count; ++i) {
    VSS_ID instance{};
    ComRef<IVssExamineWriterMetadata> examine;
    hr = vss->GetWriterMetadata(i, &instance, examine.put());
    if (FAILED(hr)) return vss_error("GetWriterMetadata", hr);
    VSS_ID instance_id{};
    VSS_ID writer_id{};
    Bstr name;
    VSS_USAGE_TYPE usage{};
    VSS_SOURCE_TYPE source{};
    hr = examine->GetIdentity(&instance_id, &writer_id, name.put(), &usage,
                              &source);
    if (FAILED(hr))
      return vss_error("IVssExamineWriterMetadata::GetIdentity", hr);
    Bstr xml;
    hr = examine->SaveAsXML(xml.put());
    if (FAILED(hr))
      return vss_error("IVssExamineWriterMetadata::SaveAsXML", hr);
    CapturedWriter w;
    w.writer_name = to_utf8(name.get());
    w.writer_id = to_guid(writer_id);
    w.instance_id = to_guid(instance_id);
    w.xml = xml_to_utf8(xml.get());
    writers.push_back(std::move(w));
  }
  return writers;
}

Result<std::vector<WriterStatus>> gather_status(IVssBackupComponents* vss,
                                                unsigned timeout) {
  auto gathered = gather(vss, &IVssBackupComponents::GatherWriterStatus,
                         "GatherWriterStatus", timeout);
  if (!gathered) return std::move(gathered).error();
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
      if (FAILED(hr)) return vss_error("GetWriterStatusEx", hr);
      s.application_error = u32(application);
      s.application_message = to_utf8(message.get());
    } else {
      hr = vss->GetWriterStatus(i, &instance, &writer, name.put(), &state,
                                &failure);
      if (FAILED(hr)) return vss_error("GetWriterStatus", hr);
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

Result<std::string> save_bcd(IVssBackupComponents* vss,
                             const std::vector<CapturedWriter>& writers,
                             const std::vector<std::string>& select) {
  auto selection = resolve_selection(writers, select);
  if (!selection) return std::move(selection).error();
  for (const SelectedComponent& c : *selection) {
    const std::wstring path = to_wide(c.logical_path);
    const std::wstring name = to_wide(c.name);
    HRESULT hr = vss->AddComponent(
        to_native(c.instance_id), to_native(c.writer_id), native_type(c.type),
        path.empty() ? nullptr : path.c_str(), name.c_str());
    if (FAILED(hr)) {
      return vss_error(fmt::format("AddComponent {}", c.name), hr);
    }
  }
  Bstr xml;
  HRESULT hr = vss->SaveAsXML(xml.put());
  if (FAILED(hr)) return vss_error("IVssBackupComponents::SaveAsXML", hr);
  return xml_to_utf8(xml.get());
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
  auto writers = gather_metadata(session.get(), options.timeout_seconds);
  if (!writers) return std::move(writers).error();
  result.writers = std::move(*writers);
  // Parsed here, not while gathering: `status` gathers metadata only so
  // that the writers report their state, and never reads it.
  for (CapturedWriter& w : result.writers) {
    ParseOptions po;
    po.source_name = capture_file_name(w.writer_name, w.instance_id);
    auto parsed = parse_writer_metadata(w.xml, po);
    if (parsed) {
      w.metadata = std::move(*parsed);
    } else {
      w.parse_error = to_string(parsed.error());
    }
  }
  auto status = gather_status(session.get(), options.timeout_seconds);
  if (!status) return std::move(status).error();
  result.status = std::move(*status);
  if (options.save_bcd) {
    auto bcd = save_bcd(session.get(), result.writers, options.select);
    if (!bcd) return std::move(bcd).error();
    result.bcd_xml = std::move(*bcd);
  }
  return result;
}

Result<std::vector<WriterStatus>> writer_status_with(
    const CaptureOptions& options, const VssFactory& factory) {
  Session session;
  auto opened = session.open(options, factory);
  if (!opened) return std::move(opened).error();
  // Writers report status only once their metadata was gathered.
  auto writers = gather_metadata(session.get(), options.timeout_seconds);
  if (!writers) return std::move(writers).error();
  return gather_status(session.get(), options.timeout_seconds);
}

}  // namespace internal

namespace {

// COM for the calling thread, for the duration of one capture.
class ComScope {
 public:
  ComScope() : hr_(CoInitializeEx(nullptr, COINIT_MULTITHREADED)) {
    if (SUCCEEDED(hr_)) {
      // Writers call back into the requester: identify-level security.
      CoInitializeSecurity(
          nullptr, -1, nullptr, nullptr, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
          RPC_C_IMP_LEVEL_IDENTIFY, nullptr, EOAC_NONE, nullptr);
    }
  }
  ComScope(const ComScope&) = delete;
  ComScope& operator=(const ComScope&) = delete;
  ~ComScope() {
    if (SUCCEEDED(hr_)) CoUninitialize();
  }
  HRESULT status() const { return hr_ == RPC_E_CHANGED_MODE ? S_OK : hr_; }

 private:
  HRESULT hr_;
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
  ComScope com;
  if (FAILED(com.status())) {
    return internal::vss_error("CoInitializeEx", com.status());
  }
  return internal::capture_with(options, create_backup_components,
                                this_host(options));
}

Result<std::vector<WriterStatus>> capture_writer_status(
    const CaptureOptions& options) {
  ComScope com;
  if (FAILED(com.status())) {
    return internal::vss_error("CoInitializeEx", com.status());
  }
  return internal::writer_status_with(options, create_backup_components);
}

}  // namespace vssmeta
