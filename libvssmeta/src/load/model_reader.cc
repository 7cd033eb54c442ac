// SPDX-License-Identifier: MIT
#include "load/model_reader.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <type_traits>

#include <fmt/format.h>

#include "load/line_counter.h"
#include "load/xml_reader.h"
#include "model/model_fields.h"
#include "text/ascii.h"
#include "text/xml_name.h"

namespace vssmeta::internal {
namespace {

// A flood of identical warnings (a hostile or generated document) is cut
// short per code; the cut itself is reported once at the end.
constexpr std::size_t kMaxWarningsPerCode = 100;

enum class Child { kHandled, kUnknown, kFailed };

bool mixed_case_hex(std::string_view s) {
  bool lower = false;
  bool upper = false;
  for (char c : s) {
    lower |= c >= 'a' && c <= 'f';
    upper |= c >= 'A' && c <= 'F';
  }
  return lower && upper;
}

class ModelReader {
 public:
  ModelReader(std::string_view text, bool ascii, SourceInfo source,
              const ParseOptions& options)
      : xml_(text, options.max_depth),
        lines_(text, ascii),
        source_(std::move(source)) {}

  /// The document, or the first error; with the warnings either way.
  Result<Document> read() {
    Result<Document> result = read_model();
    return std::move(result).with_warnings(std::move(warnings_));
  }

  // Used by AttributeBinder.
  void warn(Origin where, const char* code, std::string message);
  void set_error(ErrorCode code, Origin where, std::string message) {
    if (!error_) error_ = Error{code, std::move(message), location(where)};
  }
  bool failed() const { return error_.has_value(); }
  Origin here() { return lines_.at(xml_.offset()); }
  Origin at(std::size_t offset) { return lines_.at(offset); }

 private:
  Location location(Origin o) const {
    return Location{source_.name, o.line, o.column};
  }
  Result<Document> read_model();
  bool next();
  template <typename T>
  bool bind(T& model, Extras& extras);
  template <typename F>
  bool read_children(Extras& extras, F&& on_child);
  bool read_unknown(XmlElement& out, std::size_t position);
  template <typename T>
  bool read_leaf(T& model, Extras& extras, Origin& where);

  void reserve_files(std::vector<FileDescriptor>& files, std::size_t start);
  bool read_writer_metadata(WriterMetadata& w);
  bool read_backup_locations(WriterMetadata& w);
  bool read_component(Component& c);
  bool read_backup_components(BackupComponents& b);
  bool read_writer_components(WriterComponents& wc);
  bool read_bcd_component(BcdComponent& c);
  void finish_warnings();

  XmlReader xml_;
  LineCounter lines_;
  SourceInfo source_;
  std::optional<Error> error_;
  std::map<std::string, std::size_t, std::less<>> warning_counts_;
  Diagnostics warnings_;
};

// Binds the attributes of the current start tag to model fields; see
// model_fields.h. Values that cannot be interpreted are left unbound, so they
// end up verbatim in Extras, and reported.
class AttributeBinder {
 public:
  AttributeBinder(ModelReader& reader, std::string_view element,
                  const std::vector<XmlAttr>& attrs, Origin where)
      : reader_(reader), element_(element), attrs_(attrs), where_(where) {
    if (attrs.size() > 64) overflow_.assign(attrs.size() - 64, false);
  }

  void operator()(std::string_view name, std::string& field) {
    if (const XmlAttr* a = find(name)) {
      field.assign(a->value);
    } else {
      missing(name);
    }
  }
  void operator()(std::string_view name, std::optional<std::string>& field) {
    if (const XmlAttr* a = find(name)) field.emplace(a->value);
  }
  void operator()(std::string_view name, std::optional<bool>& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) return;
    if (a->value == "yes") {
      field = true;
    } else if (a->value == "no") {
      field = false;
    } else {
      reject(*a, "invalid-value", "expected yes or no");
    }
  }
  void operator()(std::string_view name, std::optional<std::uint32_t>& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) return;
    std::uint32_t v = 0;
    const char* b = a->value.data();
    const char* e = b + a->value.size();
    auto [p, ec] = std::from_chars(b, e, v);
    if (a->value.empty() || ec != std::errc() || p != e) {
      reject(*a, "invalid-value", "expected a decimal number up to 4294967295");
    } else {
      field = v;
    }
  }
  template <typename E>
  requires std::is_enum_v<E>
  void operator()(std::string_view name, std::optional<E>& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) return;
    if (auto v = from_xml<E>(a->value)) {
      field = *v;
    } else {
      reject(*a, "unknown-value", "not a spelling this version knows");
    }
  }
  void operator()(std::string_view name, Guid& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) {
      missing(name);
      return;
    }
    if (auto g = Guid::parse(a->value)) {
      field = *g;
      check_case(*a);
    } else if (!reader_.failed()) {
      reader_.set_error(
          ErrorCode::kInvalidValue, reader_.at(a->offset),
          fmt::format("{} has an invalid {} '{}'", element_, name, a->value));
    }
  }
  void operator()(std::string_view name, std::optional<Guid>& field) {
    const XmlAttr* a = find(name);
    if (a == nullptr) return;
    if (auto g = Guid::parse(a->value)) {
      field = *g;
      check_case(*a);
    } else {
      reject(*a, "invalid-value", "not a GUID");
    }
  }

  /// Moves every attribute no field took into `extras`, in document order.
  void finish(Extras& extras) {
    const std::size_t n = attrs_.size();
    if (n < 64 && used_bits_ == (std::uint64_t{1} << n) - 1) return;
    for (std::size_t i = 0; i < n; ++i) {
      if (used(i)) continue;
      const XmlAttr& a = attrs_[i];
      extras.mutable_attributes().push_back(
          XmlAttribute{std::string(a.name), std::string(a.value)});
      if (!is_namespace_declaration(a.name) && !rejected(i)) {
        reader_.warn(reader_.at(a.offset), "unknown-attribute",
                     fmt::format("unknown attribute {}=\"{}\" on {} kept",
                                 a.name, a.value, element_));
      }
    }
  }

 private:
  // Attributes usually come in the order the field table asks for them, so
  // the search starts after the previous hit: one comparison per field.
  // Names are unique (the reader refuses duplicates), so a hit is final.
  const XmlAttr* find(std::string_view name) {
    const std::size_t n = attrs_.size();
    for (std::size_t i = next_; i < n; ++i) {
      if (attrs_[i].name == name) return take(i);
    }
    for (std::size_t i = 0; i < next_ && i < n; ++i) {
      if (attrs_[i].name == name) return take(i);
    }
    return nullptr;
  }
  const XmlAttr* take(std::size_t i) {
    set_used(i, true);
    next_ = i + 1;
    return &attrs_[i];
  }
  void missing(std::string_view name) {
    reader_.set_error(ErrorCode::kMissingAttribute, where_,
                      fmt::format("{} has no {}", element_, name));
  }
  void reject(const XmlAttr& a, const char* code, const char* why) {
    auto index = static_cast<std::size_t>(&a - attrs_.data());
    set_used(index, false);
    rejected_.push_back(index);
    reader_.warn(reader_.at(a.offset), code,
                 fmt::format("{}=\"{}\" on {}: {}; kept verbatim", a.name,
                             a.value, element_, why));
  }
  bool rejected(std::size_t i) const {
    for (std::size_t r : rejected_) {
      if (r == i) return true;
    }
    return false;
  }
  void check_case(const XmlAttr& a) {
    if (mixed_case_hex(a.value)) {
      reader_.warn(reader_.at(a.offset), "guid-case",
                   fmt::format("{}=\"{}\" on {} mixes upper and lower case",
                               a.name, a.value, element_));
    }
  }

  ModelReader& reader_;
  std::string_view element_;
  const std::vector<XmlAttr>& attrs_;
  Origin where_;
  // Which attributes a field took: a bit mask for the usual handful (no
  // allocation per element: this runs ~450,000 times for a large writer),
  // a vector beyond 64.
  bool used(std::size_t i) const {
    return i < 64 ? ((used_bits_ >> i) & 1U) != 0 : overflow_[i - 64];
  }
  void set_used(std::size_t i, bool value) {
    if (i < 64) {
      const std::uint64_t bit = std::uint64_t{1} << i;
      used_bits_ = value ? (used_bits_ | bit) : (used_bits_ & ~bit);
    } else {
      overflow_[i - 64] = value;
    }
  }
  std::uint64_t used_bits_ = 0;
  std::size_t next_ = 0;
  std::vector<bool> overflow_;
  std::vector<std::size_t> rejected_;
};

void ModelReader::warn(Origin where, const char* code, std::string message) {
  std::size_t& n = warning_counts_[code];
  if (++n > kMaxWarningsPerCode) return;
  warnings_.push_back(Diagnostic{Severity::kWarning, code, std::move(message),
                                 location(where)});
}

void ModelReader::finish_warnings() {
  for (const auto& [code, n] : warning_counts_) {
    if (n > kMaxWarningsPerCode) {
      warnings_.push_back(
          Diagnostic{Severity::kWarning, code,
                     fmt::format("{} more '{}' warnings not shown",
                                 n - kMaxWarningsPerCode, code),
                     Location{source_.name, 0, 0}});
    }
  }
}

bool ModelReader::next() {
  if (xml_.next()) return true;
  const XmlError& e = xml_.error();
  if (!error_) {
    error_ = Error{
        e.unsupported ? ErrorCode::kUnsupported : ErrorCode::kMalformedXml,
        e.message, location(lines_.at(e.offset))};
  }
  return false;
}

template <typename T>
bool ModelReader::bind(T& model, Extras& extras) {
  AttributeBinder binder(*this, xml_.name(), xml_.attributes(), here());
  visit_fields(binder, model);
  if (failed()) return false;
  binder.finish(extras);
  return true;
}

template <typename F>
bool ModelReader::read_children(Extras& extras, F&& on_child) {
  std::size_t position = 0;
  for (;;) {
    if (!next()) return false;
    switch (xml_.event()) {
      case XmlEvent::kEnd:
        return true;
      case XmlEvent::kText:
        if (extras.text().empty()) {
          warn(here(), "unexpected-text", "text content kept verbatim");
        }
        extras.mutable_text().append(xml_.text());
        break;
      case XmlEvent::kStart: {
        Child c = on_child(xml_.local_name());
        if (c == Child::kFailed) return false;
        if (c == Child::kUnknown) {
          warn(here(), "unknown-element",
               fmt::format("unknown element <{}> kept", xml_.name()));
          XmlElement e;
          if (!read_unknown(e, position)) return false;
          extras.mutable_elements().push_back(std::move(e));
        }
        ++position;
        break;
      }
      case XmlEvent::kEof:
        return true;  // the reader reports unclosed elements itself
    }
  }
}

bool ModelReader::read_unknown(XmlElement& out, std::size_t position) {
  out.name.assign(xml_.name());
  out.position = position;
  out.where = here();
  for (const XmlAttr& a : xml_.attributes()) {
    out.attributes.push_back(
        XmlAttribute{std::string(a.name), std::string(a.value)});
  }
  std::size_t child_position = 0;
  for (;;) {
    if (!next()) return false;
    switch (xml_.event()) {
      case XmlEvent::kEnd:
      case XmlEvent::kEof:
        return true;
      case XmlEvent::kText:
        out.text.append(xml_.text());
        break;
      case XmlEvent::kStart:
        out.children.emplace_back();
        if (!read_unknown(out.children.back(), child_position++)) return false;
        break;
    }
  }
}

template <typename T>
bool ModelReader::read_leaf(T& model, Extras& extras, Origin& where) {
  where = here();
  if (!bind(model, extras)) return false;
  return read_children(extras,
                       [](std::string_view) { return Child::kUnknown; });
}

// A System Writer-like component holds hundreds of thousands of file lists.
// Growing its vector by doubling would copy it repeatedly and, at the last
// step, hold 1.5 times its final size; instead, once a list is large, reserve
// what the rest of the input can hold at the density seen so far. Untouched
// reserved pages cost no resident memory.
void ModelReader::reserve_files(std::vector<FileDescriptor>& files,
                                std::size_t start) {
  constexpr std::size_t kLargeList = 4096;
  if (files.size() < kLargeList || files.size() != files.capacity()) return;
  const std::size_t now = xml_.offset();
  const std::size_t per_file =
      std::max<std::size_t>(1, (now - start) / files.size());
  files.reserve(files.size() + (xml_.input_size() - now) / per_file + 16);
}

Child handled(bool ok) { return ok ? Child::kHandled : Child::kFailed; }

bool ModelReader::read_writer_metadata(WriterMetadata& w) {
  w.where = here();
  if (!bind(w, w.extras)) return false;
  bool identification = false;
  bool restore = false;
  bool ok = read_children(w.extras, [&](std::string_view name) {
    if (name == "IDENTIFICATION" && !identification) {
      identification = true;
      return handled(
          read_leaf(w.identity, w.identity.extras, w.identity.where));
    }
    if (name == "RESTORE_METHOD" && !restore) {
      restore = true;
      RestoreMethod& m = w.restore_method.emplace();
      m.where = here();
      if (!bind(m, m.extras)) return Child::kFailed;
      return handled(read_children(m.extras, [&](std::string_view child) {
        if (child != "ALTERNATE_LOCATION_MAPPING") return Child::kUnknown;
        FileDescriptor& d = m.alternate_location_mappings.emplace_back();
        d.kind = FileDescriptorKind::kAlternateLocationMapping;
        return handled(read_leaf(d, d.extras, d.where));
      }));
    }
    if (name == "BACKUP_LOCATIONS" && !w.has_backup_locations) {
      return handled(read_backup_locations(w));
    }
    return Child::kUnknown;
  });
  if (!ok) return false;
  if (!identification) {
    set_error(ErrorCode::kMissingAttribute, w.where,
              "WRITER_METADATA has no IDENTIFICATION");
    return false;
  }
  return true;
}

bool ModelReader::read_backup_locations(WriterMetadata& w) {
  w.has_backup_locations = true;
  w.backup_locations_where = here();
  AttributeBinder binder(*this, xml_.name(), xml_.attributes(), here());
  binder.finish(w.backup_locations_extras);
  return read_children(w.backup_locations_extras, [&](std::string_view name) {
    if (name == "FILE_GROUP" || name == "DATABASE") {
      Component& c = w.components.emplace_back();
      c.type = name == "DATABASE" ? ComponentType::kDatabase
                                  : ComponentType::kFileGroup;
      return handled(read_component(c));
    }
    if (name == "EXCLUDE_FILES") {
      FileDescriptor& d = w.exclude_files.emplace_back();
      d.kind = FileDescriptorKind::kExclude;
      return handled(read_leaf(d, d.extras, d.where));
    }
    if (name == "EXCLUDE_FILES_FROM_SNAPSHOT") {
      FileDescriptor& d = w.exclude_from_snapshot.emplace_back();
      d.kind = FileDescriptorKind::kExcludeFromSnapshot;
      return handled(read_leaf(d, d.extras, d.where));
    }
    return Child::kUnknown;
  });
}

bool ModelReader::read_component(Component& c) {
  c.where = here();
  const std::size_t start = xml_.offset();
  if (!bind(c, c.extras)) return false;
  return read_children(c.extras, [&](std::string_view name) {
    reserve_files(c.files, start);
    FileDescriptorKind kind{};
    if (name == "FILE_LIST") {
      kind = FileDescriptorKind::kFileList;
    } else if (name == "DATABASE_FILES") {
      kind = FileDescriptorKind::kDatabaseFiles;
    } else if (name == "DATABASE_LOGFILES") {
      kind = FileDescriptorKind::kDatabaseLogFiles;
    } else if (name == "DEPENDENCY") {
      Dependency& d = c.dependencies.emplace_back();
      return handled(read_leaf(d, d.extras, d.where));
    } else {
      return Child::kUnknown;
    }
    FileDescriptor& d = c.files.emplace_back();
    d.kind = kind;
    return handled(read_leaf(d, d.extras, d.where));
  });
}

bool ModelReader::read_backup_components(BackupComponents& b) {
  b.where = here();
  if (!bind(b, b.extras)) return false;
  return read_children(b.extras, [&](std::string_view name) {
    if (name != "WRITER_COMPONENTS") return Child::kUnknown;
    return handled(read_writer_components(b.writers.emplace_back()));
  });
}

bool ModelReader::read_writer_components(WriterComponents& wc) {
  wc.where = here();
  if (!bind(wc, wc.extras)) return false;
  return read_children(wc.extras, [&](std::string_view name) {
    if (name != "COMPONENT") return Child::kUnknown;
    return handled(read_bcd_component(wc.components.emplace_back()));
  });
}

bool ModelReader::read_bcd_component(BcdComponent& c) {
  c.where = here();
  if (!bind(c, c.extras)) return false;
  return read_children(c.extras, [&](std::string_view name) {
    auto blob = [&](std::optional<MetadataBlob>& slot) {
      if (slot) return Child::kUnknown;  // a second one stays verbatim
      MetadataBlob& m = slot.emplace();
      return handled(read_leaf(m, m.extras, m.where));
    };
    auto descriptor = [&](std::vector<FileDescriptor>& list,
                          FileDescriptorKind kind) {
      FileDescriptor& d = list.emplace_back();
      d.kind = kind;
      return handled(read_leaf(d, d.extras, d.where));
    };
    auto leaf = [&](auto& list) {
      auto& x = list.emplace_back();
      return handled(read_leaf(x, x.extras, x.where));
    };
    if (name == "BACKUP_METADATA") return blob(c.backup_metadata);
    if (name == "RESTORE_METADATA") return blob(c.restore_metadata);
    if (name == "PARTIAL_FILE") return leaf(c.partial_files);
    if (name == "DIFFERENCED_FILE") return leaf(c.differenced_files);
    if (name == "DIRECTED_TARGET") return leaf(c.directed_targets);
    if (name == "RESTORE_SUBCOMPONENT") return leaf(c.restore_subcomponents);
    if (name == "NEW_TARGET") {
      return descriptor(c.new_targets, FileDescriptorKind::kNewTarget);
    }
    if (name == "ALTERNATE_LOCATION_MAPPING") {
      return descriptor(c.alternate_location_mappings,
                        FileDescriptorKind::kAlternateLocationMapping);
    }
    return Child::kUnknown;
  });
}

Result<Document> ModelReader::read_model() {
  std::optional<Document> doc;
  Origin root_where;
  std::string root_name;
  for (;;) {
    if (!next()) return std::move(*error_);
    XmlEvent ev = xml_.event();
    if (ev == XmlEvent::kEof) break;
    if (ev != XmlEvent::kStart) continue;
    std::string_view name = xml_.local_name();
    const bool top = xml_.depth() == 1;
    if (top) {
      root_where = here();
      root_name.assign(xml_.name());
    }
    if (top && iequals(name, "root") && !doc) {
      source_.root_wrapper = true;
      continue;  // its children are the candidates
    }
    const bool candidate = top || (source_.root_wrapper && xml_.depth() == 2);
    if (candidate && !doc && name == "WRITER_METADATA") {
      WriterMetadata w;
      if (!read_writer_metadata(w)) return std::move(*error_);
      doc = std::move(w);
      continue;
    }
    if (candidate && !doc && name == "BACKUP_COMPONENTS") {
      BackupComponents b;
      if (!read_backup_components(b)) return std::move(*error_);
      doc = std::move(b);
      continue;
    }
    if (top && name == "Manifest") {
      return Error{ErrorCode::kUnexpectedRoot,
                   "this is diskshadow's metadata-cab manifest, not a VSS "
                   "document; load the folder that holds it",
                   location(root_where)};
    }
    if (top) {
      return Error{ErrorCode::kUnexpectedRoot,
                   fmt::format("unexpected root element <{}>: expected "
                               "WRITER_METADATA or BACKUP_COMPONENTS",
                               xml_.name()),
                   location(root_where)};
    }
    // Inside a <root> wrapper: XDR schemas are expected, anything else is
    // reported. Either way the subtree is consumed.
    if (name == "Schema") {
      source_.xdr_schema = true;
    } else {
      warn(here(), "ignored-element",
           fmt::format("<{}> inside <{}> ignored", xml_.name(), root_name));
    }
    XmlElement skipped;
    if (!read_unknown(skipped, 0)) return std::move(*error_);
  }
  if (!doc) {
    return Error{ErrorCode::kUnexpectedRoot,
                 fmt::format("<{}> holds no WRITER_METADATA or "
                             "BACKUP_COMPONENTS element",
                             root_name),
                 location(root_where)};
  }
  source_.xml_declaration = xml_.saw_declaration();
  finish_warnings();
  std::visit([&](auto& d) { d.source = source_; }, *doc);
  return std::move(*doc);
}

}  // namespace

Result<Document> read_document(std::string_view text, bool ascii,
                               SourceInfo source, const ParseOptions& options) {
  ModelReader reader(text, ascii, std::move(source), options);
  return reader.read();
}

}  // namespace vssmeta::internal
