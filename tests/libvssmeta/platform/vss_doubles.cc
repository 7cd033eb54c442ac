// SPDX-License-Identifier: MIT
#include "libvssmeta/platform/vss_doubles.h"

#include <string>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"  // COM objects, see .h
#endif

namespace vssmeta::testing {
namespace {

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

class FakeAsync : public Counted<IVssAsync> {
 public:
  FakeAsync(std::shared_ptr<Log> log, HRESULT result, bool hangs)
      : Counted(std::move(log)), result_(result), hangs_(hangs) {}
  HRESULT STDMETHODCALLTYPE Cancel() override {
    log().cancelled = true;
    cancelled_ = true;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Wait(DWORD /*ms*/) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE QueryStatus(HRESULT* status,
                                        INT* /*reserved*/) override {
    if (cancelled_) {
      *status = VSS_S_ASYNC_CANCELLED;
    } else {
      *status = hangs_ ? VSS_S_ASYNC_PENDING : result_;
    }
    return S_OK;
  }

 protected:
  bool accepts(REFIID riid) const override {
    return riid == __uuidof(IVssAsync);
  }

 private:
  HRESULT result_;
  bool hangs_;
  bool cancelled_ = false;
};

class FakeExamine : public Counted<NotImplementedExamine> {
 public:
  FakeExamine(std::shared_ptr<Log> log, const FakeWriter& w)
      : Counted(std::move(log)), w_(w) {}
  HRESULT STDMETHODCALLTYPE GetIdentity(VSS_ID* instance, VSS_ID* writer,
                                        BSTR* name, VSS_USAGE_TYPE* usage,
                                        VSS_SOURCE_TYPE* source) override {
    *instance = w_.instance_id;
    *writer = w_.writer_id;
    *name = SysAllocString(w_.name.c_str());
    *usage = VSS_UT_USERDATA;
    *source = VSS_ST_OTHER;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* xml) override {
    *xml = SysAllocString(w_.xml.c_str());
    return S_OK;
  }

 protected:
  bool accepts(REFIID riid) const override {
    return riid == __uuidof(IVssExamineWriterMetadata);
  }

 private:
  FakeWriter w_;
};

std::wstring guid_text(const GUID& g) {
  wchar_t buf[64] = {};
  StringFromGUID2(g, buf, 64);
  std::wstring s(buf);
  return s.substr(1, s.size() - 2);  // no braces
}

class FakeBackup : public Counted<NotImplementedBackupComponents> {
 public:
  FakeBackup(std::shared_ptr<Log> log, Script script)
      : Counted(log), script_(std::move(script)), log_ptr_(std::move(log)) {}

  HRESULT STDMETHODCALLTYPE InitializeForBackup(BSTR /*xml*/) override {
    return script_.initialize;
  }
  HRESULT STDMETHODCALLTYPE SetContext(LONG context) override {
    log().context = context;
    return script_.set_context;
  }
  HRESULT STDMETHODCALLTYPE SetBackupState(boolean select, boolean /*bootable*/,
                                           VSS_BACKUP_TYPE type,
                                           boolean /*partial*/) override {
    return select && type == VSS_BT_FULL ? S_OK : E_INVALIDARG;
  }
  HRESULT STDMETHODCALLTYPE GatherWriterMetadata(IVssAsync** async) override {
    if (FAILED(script_.gather_metadata)) return script_.gather_metadata;
    gathered_ = true;
    *async = new FakeAsync(log_ptr_, script_.metadata_result,
                           script_.metadata_hangs);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterMetadataCount(UINT* count) override {
    if (!gathered_) return VSS_E_BAD_STATE;
    *count = static_cast<UINT>(script_.writers.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterMetadata(
      UINT i, VSS_ID* instance, IVssExamineWriterMetadata** out) override {
    if (!gathered_ || i >= script_.writers.size()) return E_INVALIDARG;
    *instance = script_.writers[i].instance_id;
    *out = new FakeExamine(log_ptr_, script_.writers[i]);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE FreeWriterMetadata() override {
    log().metadata_freed = true;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GatherWriterStatus(IVssAsync** async) override {
    if (!gathered_) return VSS_E_BAD_STATE;
    *async =
        new FakeAsync(log_ptr_, script_.status_result, script_.status_hangs);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterStatusCount(UINT* count) override {
    *count = static_cast<UINT>(script_.writers.size());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE FreeWriterStatus() override {
    log().status_freed = true;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterStatus(UINT i, VSS_ID* instance,
                                            VSS_ID* writer, BSTR* name,
                                            VSS_WRITER_STATE* state,
                                            HRESULT* failure) override {
    if (i >= script_.writers.size()) return E_INVALIDARG;
    const FakeWriter& w = script_.writers[i];
    *instance = w.instance_id;
    *writer = w.writer_id;
    *name = SysAllocString(w.name.c_str());
    *state = w.state;
    *failure = w.failure;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetWriterStatusEx(UINT i, VSS_ID* instance,
                                              VSS_ID* writer, BSTR* name,
                                              VSS_WRITER_STATE* state,
                                              HRESULT* failure,
                                              HRESULT* application,
                                              BSTR* message) override {
    HRESULT hr = GetWriterStatus(i, instance, writer, name, state, failure);
    if (FAILED(hr)) return hr;
    *application = script_.writers[i].application_error;
    *message = SysAllocString(script_.writers[i].application_message.c_str());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE AddComponent(VSS_ID instance, VSS_ID writer,
                                         VSS_COMPONENT_TYPE type, LPCWSTR path,
                                         LPCWSTR name) override {
    std::wstring key = path != nullptr ? std::wstring(path) + L"\\" : L"";
    key += name;
    log().added.push_back(key);
    components_.push_back(
        {instance, writer, type, path != nullptr ? path : L"", name});
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* xml) override {
    // The document AddComponent built, as VSS writes it (UTF-16 text).
    std::wstring doc =
        L"<?xml version=\"1.0\" encoding=\"UTF-16\"?><BACKUP_COMPONENTS "
        L"xmlns=\"x-schema:#VssComponentMetadata\" version=\"1.2\" "
        L"bootableSystemStateBackup=\"yes\" selectComponents=\"yes\" "
        L"backupType=\"full\" partialFileSupport=\"no\">";
    for (const Added& c : components_) {
      doc += L"<WRITER_COMPONENTS instanceId=\"" + guid_text(c.instance) +
             L"\" writerId=\"" + guid_text(c.writer) + L"\"><COMPONENT ";
      if (!c.path.empty()) doc += L"logicalPath=\"" + c.path + L"\" ";
      doc += L"componentName=\"" + c.name + L"\" componentType=\"" +
             (c.type == VSS_CT_DATABASE ? L"database" : L"filegroup") +
             L"\"/></WRITER_COMPONENTS>";
    }
    doc += L"</BACKUP_COMPONENTS>";
    *xml = SysAllocString(doc.c_str());
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE AbortBackup() override {
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
  Script script_;
  std::shared_ptr<Log> log_ptr_;
  bool gathered_ = false;
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

GUID guid(const char* text) {
  const std::string braced = std::string("{") + text + "}";
  const std::wstring wide(braced.begin(), braced.end());
  GUID g{};
  CLSIDFromString(wide.c_str(), &g);
  return g;
}

}  // namespace vssmeta::testing
