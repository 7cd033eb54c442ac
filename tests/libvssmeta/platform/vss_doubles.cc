// SPDX-License-Identifier: MIT
#include "libvssmeta/platform/vss_doubles.h"

#include <functional>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "support/test_support.h"

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"  // COM objects, see .h
#endif

namespace vssmeta::testing {
namespace {

// The BSTRs the doubles handed out and the code has not freed yet
// (internal::free_bstr is pointed at free_counted while a session runs).
std::set<BSTR>& outstanding_bstrs() {
  static std::set<BSTR> s;
  return s;
}

BSTR alloc_bstr(const wchar_t* text) {
  BSTR s = SysAllocString(text);
  outstanding_bstrs().insert(s);
  return s;
}

void free_counted(BSTR s) {
  if (outstanding_bstrs().erase(s) == 0) {
    ADD_FAILURE() << "SysFreeString of a BSTR the doubles never handed out";
  }
  SysFreeString(s);
}

// Counts BSTRs for one session; fails the test on any left unfreed.
class BstrCheck {
 public:
  BstrCheck() : saved_(internal::free_bstr) {
    outstanding_bstrs().clear();
    internal::free_bstr = free_counted;
  }
  BstrCheck(const BstrCheck&) = delete;
  BstrCheck& operator=(const BstrCheck&) = delete;
  ~BstrCheck() {
    internal::free_bstr = saved_;
    EXPECT_EQ(outstanding_bstrs().size(), 0U) << "a BSTR was never freed";
    for (BSTR s : outstanding_bstrs()) SysFreeString(s);
    outstanding_bstrs().clear();
  }

 private:
  void (*saved_)(BSTR);
};

// IUnknown, counted in the Log: QueryInterface answers IUnknown and what
// accepts() agrees to.
template <typename Base>
class Counted : public Base {
 public:
  explicit Counted(std::shared_ptr<Log> log) : log_(std::move(log)) {
    ++log_->alive;
  }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
  virtual ~Counted() { --log_->alive; }

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    if (riid == __uuidof(IUnknown) || accepts(riid)) {
      AddRef();
      *out = static_cast<Base*>(this);
      return S_OK;
    }
    *out = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++refs_; }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG n = --refs_;
    if (n == 0) delete this;
    return n;
  }

 protected:
  virtual bool accepts(REFIID riid) const = 0;
  Log& log() const { return *log_; }

 private:
  std::shared_ptr<Log> log_;
  ULONG refs_ = 1;
};

// Pages the state machine below follows (Microsoft Learn, vsbackup.h and
// vss.h), and the VShadow sample (Samples/VShadowVolumeShadowCopy/cpp in
// microsoft/Windows-classic-samples: vssclient.cpp, create.cpp, shadow.cpp).
constexpr const char* kApi =
    "https://learn.microsoft.com/en-us/windows/win32/api/";
constexpr const char* kSample =
    "VShadow sample (Windows-classic-samples VShadowVolumeShadowCopy)";

// The session's state, shared by the backup components object and the
// objects it hands out (which may be released after it).
struct State {
  std::shared_ptr<Log> log;
  bool initialised = false;
  bool context_set = false;
  LONG context = VSS_CTX_BACKUP;
  bool backup_state_set = false;
  bool select_components = false;
  bool metadata_started = false;
  bool metadata_done = false;   // the code saw the gather end (any outcome)
  bool metadata_ready = false;  // ... and succeed
  bool metadata_freed = false;
  bool status_started = false;
  bool status_ready = false;
  bool status_done = false;
  bool status_freed = false;
  bool snapshot_set_started = false;
  bool prepare_started = false;
  bool prepare_ready = false;
  bool aborted = false;

  void violation(const std::string& call, const std::string& why,
                 const std::string& page) {
    const std::string text = call + ": " + why + " (" + page + ")";
    log->violations.push_back(text);
    ADD_FAILURE() << "VSS call out of the documented sequence: " << text;
  }
  // False (and a violation) unless `ok`.
  bool require(bool ok, const std::string& call, const std::string& why,
               const std::string& page) {
    if (!ok) violation(call, why, page);
    return ok;
  }
};

// IVssAsync: Wait, QueryStatus and Cancel with every documented outcome.
// Released, it checks that the code read the outcome of what it did:
// https://learn.microsoft.com/en-us/windows/win32/api/vss/nf-vss-ivssasync-wait
// https://learn.microsoft.com/en-us/windows/win32/api/vss/nf-vss-ivssasync-querystatus
// https://learn.microsoft.com/en-us/windows/win32/api/vss/nf-vss-ivssasync-cancel
class FakeAsync : public Counted<IVssAsync> {
 public:
  using Done = std::function<void(HRESULT)>;
  FakeAsync(std::shared_ptr<State> state, std::string call,
            const AsyncScript& script, Done done)
      : Counted(state->log),
        state_(std::move(state)),
        call_(std::move(call)),
        script_(script),
        done_(std::move(done)),
        finished_(!script.hangs),
        result_(script.result) {}
  ~FakeAsync() override {
    if (!waited_) {
      state_->violation(call_, "IVssAsync released without Wait", kSample);
    } else if (!read_after_wait_ && SUCCEEDED(script_.wait)) {
      state_->violation(call_, "Wait's outcome never read with QueryStatus",
                        std::string(kApi) + "vss/nf-vss-ivssasync-wait");
    }
    if (must_wait_after_cancel_) {
      state_->violation(call_, "nothing waited for the cancelled step",
                        std::string(kApi) + "vss/nf-vss-ivssasync-cancel");
    }
  }
  HRESULT STDMETHODCALLTYPE Cancel() override {
    log().cancelled = true;
    read_after_wait_ = false;  // the step changed: its outcome is new
    if (script_.cancel == S_OK && !finished_) {
      cancelled_ = true;
      must_wait_after_cancel_ = true;
    } else if (script_.cancel == VSS_S_ASYNC_FINISHED) {
      finished_ = true;
    } else if (script_.cancel == VSS_S_ASYNC_CANCELLED) {
      cancelled_ = true;
    } else if (FAILED(script_.cancel)) {
      finished_ = true;
      result_ = script_.cancel;
      read_after_wait_ = true;  // Cancel's answer is the step's outcome
    }
    return script_.cancel;
  }
  HRESULT STDMETHODCALLTYPE Wait(DWORD ms) override {
    log().waits.push_back(ms);
    waited_ = true;
    read_after_wait_ = false;
    must_wait_after_cancel_ = false;
    return script_.wait;
  }
  HRESULT STDMETHODCALLTYPE QueryStatus(HRESULT* status,
                                        INT* /*reserved*/) override {
    read_after_wait_ = waited_;
    if (cancelled_) {
      *status = VSS_S_ASYNC_CANCELLED;
    } else {
      *status = finished_ ? result_ : VSS_S_ASYNC_PENDING;
    }
    if (*status != VSS_S_ASYNC_PENDING && done_) done_(*status);
    return S_OK;
  }

 protected:
  bool accepts(REFIID riid) const override {
    return riid == __uuidof(IVssAsync);
  }

 private:
  std::shared_ptr<State> state_;
  std::string call_;
  AsyncScript script_;
  Done done_;
  bool finished_;
  HRESULT result_;
  bool cancelled_ = false;
  bool waited_ = false;
  bool read_after_wait_ = false;
  bool must_wait_after_cancel_ = false;
};

// IVssExamineWriterMetadata: one writer's metadata, valid until
// FreeWriterMetadata (FreeWriterMetadata page).
class FakeExamine : public Counted<NotImplementedExamine> {
 public:
  FakeExamine(std::shared_ptr<State> state, const FakeWriter& w)
      : Counted(state->log), state_(std::move(state)), w_(w) {}
  HRESULT STDMETHODCALLTYPE GetIdentity(VSS_ID* instance, VSS_ID* writer,
                                        BSTR* name, VSS_USAGE_TYPE* usage,
                                        VSS_SOURCE_TYPE* source) override {
    if (!usable("IVssExamineWriterMetadata::GetIdentity"))
      return VSS_E_BAD_STATE;
    if (FAILED(w_.get_identity)) return w_.get_identity;
    *instance = w_.instance_id;
    *writer = w_.writer_id;
    *name = alloc_bstr(w_.name.c_str());
    *usage = VSS_UT_USERDATA;
    *source = VSS_ST_OTHER;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* xml) override {
    if (!usable("IVssExamineWriterMetadata::SaveAsXML")) return VSS_E_BAD_STATE;
    ++log().writer_xml_reads;
    if (FAILED(w_.save_xml)) return w_.save_xml;
    *xml = alloc_bstr(w_.xml.c_str());
    return S_OK;
  }

 protected:
  bool accepts(REFIID riid) const override {
    return riid == __uuidof(IVssExamineWriterMetadata);
  }

 private:
  bool usable(const char* call) {
    return state_->require(
        !state_->metadata_freed, call, "used after FreeWriterMetadata",
        std::string(kApi) +
            "vsbackup/nf-vsbackup-ivssbackupcomponents-freewritermetadata");
  }
  std::shared_ptr<State> state_;
  FakeWriter w_;
};

std::wstring guid_text(const GUID& g) {
  wchar_t buf[64] = {};
  StringFromGUID2(g, buf, 64);
  std::wstring s(buf);
  return s.substr(1, s.size() - 2);  // no braces
}

std::string page(const char* method) {
  return std::string(kApi) + "vsbackup/nf-vsbackup-ivssbackupcomponents-" +
         method;
}

// IVssBackupComponents as a state machine: created -> initialised
// (InitializeForBackup) -> context set (SetContext, once, first) -> backup
// state set (SetBackupState) -> metadata gathering (GatherWriterMetadata,
// not in a context without writers) -> gathered (its IVssAsync seen
// finished) -> status gathering -> status gathered -> status freed;
// components added (AddComponent) -> snapshot set started
// (StartSnapshotSet) -> prepared (PrepareForBackup seen finished) -> BCD
// saved (SaveAsXML) -> metadata freed (FreeWriterMetadata, last) -> aborted
// (AbortBackup). A call in a state its page does not allow is a violation
// and returns VSS_E_BAD_STATE, as the pages document.
class FakeBackup : public Counted<NotImplementedBackupComponents> {
 public:
  FakeBackup(std::shared_ptr<Log> log, Script script)
      : Counted(log),
        script_(std::move(script)),
        s_(std::make_shared<State>()) {
    s_->log = std::move(log);
  }
  ~FakeBackup() override {
    // A backup that ends after StartSnapshotSet and before DoSnapshotSet
    // returns must call AbortBackup (AbortBackup page).
    if (s_->snapshot_set_started && !s_->aborted) {
      s_->violation("IVssBackupComponents", "released without AbortBackup",
                    page("abortbackup"));
    }
  }

  HRESULT STDMETHODCALLTYPE InitializeForBackup(BSTR /*xml*/) override {
    call("InitializeForBackup");
    if (!s_->require(!s_->initialised, "InitializeForBackup", "called twice",
                     page("initializeforbackup")))
      return VSS_E_BAD_STATE;
    if (FAILED(script_.initialize)) return script_.initialize;
    s_->initialised = true;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetContext(LONG context) override {
    call("SetContext");
    // Once only, before most other calls (SetContext page).
    if (!s_->require(s_->initialised && !s_->context_set &&
                         !s_->backup_state_set && !s_->metadata_started,
                     "SetContext",
                     "only once, after InitializeForBackup and before any "
                     "other call",
                     page("setcontext")))
      return VSS_E_BAD_STATE;
    log().context = context;
    if (FAILED(script_.set_context)) return script_.set_context;
    s_->context_set = true;
    s_->context = context;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetBackupState(boolean select, boolean bootable,
                                           VSS_BACKUP_TYPE type,
                                           boolean /*partial*/) override {
    call("SetBackupState");
    if (!s_->require(s_->initialised && !s_->prepare_started, "SetBackupState",
                     "after InitializeForBackup, before PrepareForBackup",
                     page("setbackupstate")))
      return VSS_E_BAD_STATE;
    log().bootable = bootable ? 1 : 0;
    s_->backup_state_set = true;
    s_->select_components = select != 0;
    return type == VSS_BT_FULL ? S_OK : E_INVALIDARG;
  }
  HRESULT STDMETHODCALLTYPE GatherWriterMetadata(IVssAsync** async) override {
    call("GatherWriterMetadata");
    log().metadata_gathered = true;
    if (!s_->require(s_->initialised && !s_->metadata_started,
                     "GatherWriterMetadata", "once, after InitializeForBackup",
                     page("gatherwritermetadata")))
      return VSS_E_BAD_STATE;
    // VSS_CTX_FILE_SHARE_BACKUP is VSS_VOLSNAP_ATTR_NO_WRITERS: the sample
    // gathers metadata only when the context has writers (create.cpp).
    s_->require((s_->context & VSS_VOLSNAP_ATTR_NO_WRITERS) == 0,
                "GatherWriterMetadata",
                "the context involves no writers: nothing to gather",
                std::string(kSample) + ", " + page("setcontext"));
    if (FAILED(script_.metadata.start)) return script_.metadata.start;
    s_->metadata_started = true;
    auto s = s_;
    *async = new FakeAsync(s_, "GatherWriterMetadata", script_.metadata,
                           [s](HRESULT hr) {
                             s->metadata_done = true;
                             s->metadata_ready = hr == VSS_S_ASYNC_FINISHED;
                           });
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterMetadataCount(UINT* count) override {
    call("GetWriterMetadataCount");
    if (!metadata_usable("GetWriterMetadataCount")) return VSS_E_BAD_STATE;
    *count = static_cast<UINT>(script_.writers.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterMetadata(
      UINT i, VSS_ID* instance, IVssExamineWriterMetadata** out) override {
    call("GetWriterMetadata");
    if (!metadata_usable("GetWriterMetadata")) return VSS_E_BAD_STATE;
    if (i >= script_.writers.size()) return E_INVALIDARG;
    if (FAILED(script_.writers[i].get_metadata))
      return script_.writers[i].get_metadata;
    *instance = script_.writers[i].instance_id;
    *out = new FakeExamine(s_, script_.writers[i]);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE FreeWriterMetadata() override {
    call("FreeWriterMetadata");
    // Never before GatherWriterMetadata completed; freed metadata cannot
    // be recovered by this instance (FreeWriterMetadata page).
    if (!s_->require(s_->metadata_done && !s_->metadata_freed,
                     "FreeWriterMetadata",
                     "once, after GatherWriterMetadata completed",
                     page("freewritermetadata")))
      return VSS_E_BAD_STATE;
    s_->metadata_freed = true;
    log().metadata_freed = true;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GatherWriterStatus(IVssAsync** async) override {
    call("GatherWriterStatus");
    // Writers report status once their metadata was gathered, and the
    // sample reads status while the metadata is still held.
    if (!s_->require(s_->metadata_ready && !s_->metadata_freed,
                     "GatherWriterStatus",
                     "needs gathered metadata that was not freed",
                     page("gatherwriterstatus") + ", " + kSample))
      return VSS_E_BAD_STATE;
    if (FAILED(script_.status.start)) return script_.status.start;
    s_->status_started = true;
    s_->status_freed = false;
    auto s = s_;
    *async = new FakeAsync(s_, "GatherWriterStatus", script_.status,
                           [s](HRESULT hr) {
                             s->status_done = true;
                             s->status_ready = hr == VSS_S_ASYNC_FINISHED;
                           });
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterStatusCount(UINT* count) override {
    call("GetWriterStatusCount");
    if (!status_usable("GetWriterStatusCount")) return VSS_E_BAD_STATE;
    *count = static_cast<UINT>(script_.writers.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE FreeWriterStatus() override {
    call("FreeWriterStatus");
    if (!s_->require(s_->status_done && !s_->status_freed, "FreeWriterStatus",
                     "once, after GatherWriterStatus completed",
                     page("freewriterstatus")))
      return VSS_E_BAD_STATE;
    s_->status_freed = true;
    s_->status_ready = false;
    log().status_freed = true;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterStatus(UINT i, VSS_ID* instance,
                                            VSS_ID* writer, BSTR* name,
                                            VSS_WRITER_STATE* state,
                                            HRESULT* failure) override {
    call("GetWriterStatus");
    if (!status_usable("GetWriterStatus")) return VSS_E_BAD_STATE;
    return status_of(i, instance, writer, name, state, failure);
  }
  HRESULT STDMETHODCALLTYPE GetWriterStatusEx(UINT i, VSS_ID* instance,
                                              VSS_ID* writer, BSTR* name,
                                              VSS_WRITER_STATE* state,
                                              HRESULT* failure,
                                              HRESULT* application,
                                              BSTR* message) override {
    call("GetWriterStatusEx");
    if (!status_usable("GetWriterStatusEx")) return VSS_E_BAD_STATE;
    HRESULT hr = status_of(i, instance, writer, name, state, failure);
    if (FAILED(hr)) return hr;
    *application = script_.writers[i].application_error;
    *message = alloc_bstr(script_.writers[i].application_message.c_str());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE AddComponent(VSS_ID instance, VSS_ID writer,
                                         VSS_COMPONENT_TYPE type, LPCWSTR path,
                                         LPCWSTR name) override {
    call("AddComponent");
    if (!metadata_usable("AddComponent")) return VSS_E_BAD_STATE;
    if (!s_->require(s_->select_components && !s_->prepare_started,
                     "AddComponent",
                     "needs SetBackupState(select components) and comes "
                     "before PrepareForBackup",
                     page("addcomponent")))
      return VSS_E_BAD_STATE;
    std::wstring key = path != nullptr ? std::wstring(path) + L"\\" : L"";
    key += name;
    for (const std::wstring& k : log().added) {
      if (k == key) return VSS_E_OBJECT_ALREADY_EXISTS;
    }
    log().added.push_back(key);
    components_.push_back(
        {instance, writer, type, path != nullptr ? path : L"", name});
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE StartSnapshotSet(VSS_ID* id) override {
    call("StartSnapshotSet");
    // Before PrepareForBackup in a backup (StartSnapshotSet page).
    if (!s_->require(s_->initialised && !s_->snapshot_set_started &&
                         !s_->prepare_started,
                     "StartSnapshotSet",
                     "once, after InitializeForBackup, before "
                     "PrepareForBackup",
                     page("startsnapshotset")))
      return VSS_E_BAD_STATE;
    if (FAILED(script_.start_snapshot_set)) return script_.start_snapshot_set;
    s_->snapshot_set_started = true;
    *id = guid("5e7f3c52-8a35-4c4b-9e1e-0f5b7a3d2c10");
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE PrepareForBackup(IVssAsync** async) override {
    call("PrepareForBackup");
    log().prepared = true;
    if (!metadata_usable("PrepareForBackup")) return VSS_E_BAD_STATE;
    if (!s_->require(
            s_->backup_state_set && s_->snapshot_set_started &&
                !s_->prepare_started,
            "PrepareForBackup",
            "once, after SetBackupState and StartSnapshotSet",
            page("prepareforbackup") + ", " + page("startsnapshotset")))
      return VSS_E_BAD_STATE;
    if (FAILED(script_.prepare.start)) return script_.prepare.start;
    s_->prepare_started = true;
    auto s = s_;
    *async = new FakeAsync(
        s_, "PrepareForBackup", script_.prepare,
        [s](HRESULT hr) { s->prepare_ready = hr == VSS_S_ASYNC_FINISHED; });
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* xml) override {
    call("SaveAsXML");
    // Not before PrepareForBackup: until then neither the requester nor
    // the writers have filled the document in (SaveAsXML page).
    if (!s_->require(s_->prepare_ready, "SaveAsXML",
                     "the backup components document before "
                     "PrepareForBackup completed",
                     page("saveasxml")))
      return VSS_E_BAD_STATE;
    // The document AddComponent built, as VSS writes it (UTF-16 text).
    std::wstring doc =
        L"<?xml version=\"1.0\" encoding=\"UTF-16\"?><BACKUP_COMPONENTS "
        L"xmlns=\"x-schema:#VssComponentMetadata\" version=\"1.2\" "
        L"bootableSystemStateBackup=\"";
    doc += log().bootable == 1 ? L"yes" : L"no";
    doc +=
        L"\" selectComponents=\"yes\" backupType=\"full\" "
        L"partialFileSupport=\"no\">";
    for (const Added& c : components_) {
      doc += L"<WRITER_COMPONENTS instanceId=\"" + guid_text(c.instance) +
             L"\" writerId=\"" + guid_text(c.writer) + L"\"><COMPONENT ";
      if (!c.path.empty()) doc += L"logicalPath=\"" + c.path + L"\" ";
      doc += L"componentName=\"" + c.name + L"\" componentType=\"" +
             (c.type == VSS_CT_DATABASE ? L"database" : L"filegroup") +
             L"\"/></WRITER_COMPONENTS>";
    }
    doc += L"</BACKUP_COMPONENTS>";
    *xml = alloc_bstr(doc.c_str());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE AbortBackup() override {
    call("AbortBackup");
    if (!s_->require(s_->initialised && !s_->aborted, "AbortBackup",
                     "once, on an initialised object", page("abortbackup")))
      return VSS_E_BAD_STATE;
    s_->aborted = true;
    log().aborted = true;
    return S_OK;
  }

 protected:
  bool accepts(REFIID riid) const override {
    if (riid == __uuidof(IVssBackupComponents)) return true;
    return script_.has_ex3 && (riid == __uuidof(IVssBackupComponentsEx) ||
                               riid == __uuidof(IVssBackupComponentsEx2) ||
                               riid == __uuidof(IVssBackupComponentsEx3));
  }

 private:
  struct Added {
    VSS_ID instance;
    VSS_ID writer;
    VSS_COMPONENT_TYPE type;
    std::wstring path;
    std::wstring name;
  };
  void call(const char* name) {
    log().calls.emplace_back(name);
    if (s_->aborted) {
      s_->violation(name, "called after AbortBackup", page("abortbackup"));
    }
  }
  bool metadata_usable(const std::string& call) {
    return s_->require(s_->metadata_ready, call,
                       "before GatherWriterMetadata completed",
                       page("gatherwritermetadata")) &&
           s_->require(!s_->metadata_freed, call,
                       "used after FreeWriterMetadata",
                       page("freewritermetadata"));
  }
  bool status_usable(const std::string& call) {
    return s_->require(s_->status_ready && !s_->status_freed, call,
                       "outside a completed GatherWriterStatus",
                       page("gatherwriterstatus"));
  }
  HRESULT status_of(UINT i, VSS_ID* instance, VSS_ID* writer, BSTR* name,
                    VSS_WRITER_STATE* state, HRESULT* failure) const {
    if (i >= script_.writers.size()) return E_INVALIDARG;
    const FakeWriter& w = script_.writers[i];
    if (FAILED(w.get_status)) return w.get_status;
    *instance = w.instance_id;
    *writer = w.writer_id;
    *name = alloc_bstr(w.name.c_str());
    *state = w.state;
    *failure = w.failure;
    return S_OK;
  }
  Script script_;
  std::shared_ptr<State> s_;
  std::vector<Added> components_;
};

}  // namespace

internal::VssFactory fake_factory(const Script& script,
                                  std::shared_ptr<Log> log) {
  return [script, log](IVssBackupComponents** out) -> HRESULT {
    if (FAILED(script.create)) return script.create;
    *out = new FakeBackup(log, script);
    return S_OK;
  };
}

FakeWriter fake_writer(const std::string& name, const char* writer_id,
                       const char* instance_id, const std::string& wmd_file) {
  FakeWriter w;
  w.name = internal::to_wide(name);
  w.writer_id = guid(writer_id);
  w.instance_id = guid(instance_id);
  w.xml = internal::to_wide(read_bytes(testdata_dir() / "wmd" / wmd_file));
  return w;
}

Script two_writers() {
  Script s;
  s.writers = {
      fake_writer("Registry Writer", "afbab4a2-367d-4d15-a586-71dbb18f8485",
                  "9f88d149-91e6-4f13-9153-84e74e5b68d7",
                  "registry-writer.xml"),
      fake_writer("SqlServerWriter", "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a",
                  "97e6e0ef-df12-4009-9e6b-165474834200", "sql-writer.xml")};
  return s;
}

Outcome run_capture(const Script& script, const CaptureOptions& options,
                    const HostManifest& host) {
  Outcome r;
  {
    BstrCheck bstrs;
    r.result =
        internal::capture_with(options, fake_factory(script, r.log), host);
  }
  EXPECT_EQ(r.log->alive, 0) << "an interface was never released";
  return r;
}

Result<std::vector<WriterStatus>> run_status(const Script& script,
                                             const std::shared_ptr<Log>& log,
                                             const CaptureOptions& options) {
  Result<std::vector<WriterStatus>> status = Error{};
  {
    BstrCheck bstrs;
    status = internal::writer_status_with(options, fake_factory(script, log));
  }
  EXPECT_EQ(log->alive, 0) << "an interface was never released";
  return status;
}

std::string message(const Outcome& r) {
  return r.result ? std::string("ok") : to_string(r.result.error());
}

GUID guid(const char* text) {
  const std::string braced = std::string("{") + text + "}";
  const std::wstring wide(braced.begin(), braced.end());
  GUID g{};
  CLSIDFromString(wide.c_str(), &g);
  return g;
}

}  // namespace vssmeta::testing
