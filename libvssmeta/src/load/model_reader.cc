// SPDX-License-Identifier: MIT
#include "load/model_reader.h"

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "load/attribute_binder.h"
#include "load/large_pages.h"
#include "load/line_counter.h"
#include "load/xml_document.h"
#include "model/model_fields.h"
#include "text/ascii.h"

namespace vssmeta::internal {
namespace {

// A flood of identical warnings (a hostile or generated document) is cut
// short per code; the cut itself is reported once at the end.
constexpr std::size_t kMaxWarningsPerCode = 100;

enum class Child { kHandled, kUnknown, kFailed };

class ModelReader {
 public:
  ModelReader(XmlDocument& xml, LineCounter& lines, SourceInfo source,
              std::size_t max_depth)
      : xml_(xml),
        lines_(lines),
        source_(std::move(source)),
        max_depth_(max_depth) {}

  /// Logical paths are bounded like element nesting: every command walks
  /// the component hierarchy, and a path of thousands of levels (hostile
  /// input; real writers use a handful) would cost quadratic output.
  std::size_t max_depth() const { return max_depth_; }

  /// The document, or the first error; with the warnings either way.
  Result<Document> read() {
    Result<Document> result = read_model();
    if (!result && !xml_failed_) {
      // A well-formedness error anywhere wins over a model error: the
      // document is not XML, whatever else is wrong with it.
      if (auto e = xml_.check_remaining()) result = xml_error(*e);
    }
    return std::move(result).with_warnings(std::move(warnings_));
  }

  // Used by AttributeBinder.
  /// The value of attribute `name` as an OptionalString, sharing the text
  /// of the previous value of that attribute when it is the same (siblings
  /// repeat their logicalPath: one text for all of them).
  OptionalString shared(std::string_view name, std::string_view value) {
    for (auto& [n, last] : last_shared_) {
      if (n != name) continue;
      if (*last != value) last = OptionalString(std::string(value));
      return last;
    }
    last_shared_.emplace_back(name, OptionalString(std::string(value)));
    return last_shared_.back().second;
  }
  void warn(Origin where, const char* code, std::string message);
  void set_error(ErrorCode code, Origin where, std::string message) {
    if (!error_) error_ = Error{code, std::move(message), location(where)};
  }
  bool failed() const { return error_.has_value(); }
  /// Records an error of the XML layer; false, for `return fail_xml(...)`.
  bool fail_xml(const XmlError& e) {
    if (!error_) {
      error_ = xml_error(e);
      xml_failed_ = true;
    }
    return false;
  }
  Origin at(std::size_t offset) { return lines_.at(offset); }
  Origin at(pugi::xml_node node) { return lines_.at(xml_.offset(node)); }

 private:
  using Node = pugi::xml_node;
  Location location(Origin o) const {
    return Location{source_.name, o.line, o.column};
  }
  Error xml_error(const XmlError& e) {
    return Error{
        e.unsupported ? ErrorCode::kUnsupported : ErrorCode::kMalformedXml,
        e.message, location(at(e.offset))};
  }
  Result<Document> read_model();
  const std::vector<XmlAttr>* attributes(Node element);
  template <typename T>
  bool bind(Node element, Origin where, T& model, Extras& extras);
  template <typename F>
  bool read_children(Node parent, Extras& extras, F&& on_child);
  bool read_unknown(Node element, XmlElement& out, std::size_t position);
  template <typename T>
  bool read_leaf(Node element, T& model, Extras& extras, Origin& where);

  void reserve_files(std::vector<FileDescriptor>& files, std::size_t start,
                     std::size_t now);
  bool read_writer_metadata(Node element, WriterMetadata& w);
  bool read_backup_locations(Node element, WriterMetadata& w);
  bool read_component(Node element, Component& c);
  bool read_backup_components(Node element, BackupComponents& b);
  bool read_writer_components(Node element, WriterComponents& wc);
  bool read_bcd_component(Node element, BcdComponent& c);
  void finish_warnings();

  XmlDocument& xml_;
  LineCounter& lines_;
  SourceInfo source_;
  std::optional<Error> error_;
  std::map<std::string, std::size_t, std::less<>> warning_counts_;
  Diagnostics warnings_;
  std::vector<XmlAttr> attrs_;  // of the element being bound, reused
  std::string scratch_;         // decoded values of attrs_, when needed
  // The last value of each OptionalString attribute, for shared(); the
  // names are the field table's literals.
  std::vector<std::pair<std::string_view, OptionalString>> last_shared_;
  std::size_t max_depth_;
  std::size_t depth_ = 1;  // nesting of the children being read
  bool xml_failed_ = false;
};

// The loader's notes are warnings, except how Windows' own writers spell
// things (upper and lower case in one GUID): an info, which commands do
// not print and validate reports for writer authors.
namespace {
Severity loader_severity(std::string_view code) {
  return code == "guid-case" ? Severity::kInfo : Severity::kWarning;
}
}  // namespace

void ModelReader::warn(Origin where, const char* code, std::string message) {
  std::size_t& n = warning_counts_[code];
  if (++n > kMaxWarningsPerCode) return;
  warnings_.push_back(Diagnostic{loader_severity(code), code,
                                 std::move(message), location(where)});
}

void ModelReader::finish_warnings() {
  for (const auto& [code, n] : warning_counts_) {
    if (n > kMaxWarningsPerCode) {
      warnings_.push_back(
          Diagnostic{loader_severity(code), code,
                     fmt::format("{} more '{}' warnings not shown",
                                 n - kMaxWarningsPerCode, code),
                     Location{source_.name, 0, 0}});
    }
  }
}

// The attributes of `element`, checked and decoded (XmlCheck::kDeferred),
// or null after an error.
const std::vector<XmlAttr>* ModelReader::attributes(Node element) {
  if (auto e = xml_.read_attributes(element, attrs_, scratch_)) {
    fail_xml(*e);
    return nullptr;
  }
  return &attrs_;
}

template <typename T>
bool ModelReader::bind(Node element, Origin where, T& model, Extras& extras) {
  const std::vector<XmlAttr>* attrs = attributes(element);
  if (attrs == nullptr) return false;
  AttributeBinder binder(*this, element.name(), *attrs, where);
  visit_fields(binder, model);
  if (failed()) return false;
  binder.finish(extras);
  return true;
}

// Reads the children of `parent` in document order and frees each element
// once read, so the tree shrinks while the model grows; so does the text:
// once an element is read, the text from the first child to the next one
// holds only freed elements and text already copied, and the positions of
// the line counter have passed it (see XmlDocument::discard()).
template <typename F>
bool ModelReader::read_children(Node parent, Extras& extras, F&& on_child) {
  struct Deeper {
    std::size_t& depth;
    explicit Deeper(std::size_t& d) : depth(++d) {}
    ~Deeper() { --depth; }
  } deeper(depth_);
  std::size_t position = 0;
  const Node first = parent.first_child();
  const std::size_t read_from = first ? xml_.offset(first) : 0;
  for (Node c = first; c;) {
    const Node next = c.next_sibling();
    switch (c.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata: {
        if (*c.value() == '\0') break;
        if (extras.text().empty()) {
          warn(at(c), "unexpected-text", "text content kept verbatim");
        }
        if (auto e = xml_.read_text(c, extras.mutable_text())) {
          return fail_xml(*e);
        }
        break;
      }
      case pugi::node_element: {
        if (depth_ > max_depth_) return fail_xml(*xml_.depth_error(c));
        Child r = on_child(c, local_name(c.name()));
        if (r == Child::kFailed) return false;
        if (r == Child::kUnknown) {
          warn(at(c), "unknown-element",
               fmt::format("unknown element <{}> kept", c.name()));
          XmlElement e;
          if (!read_unknown(c, e, position)) return false;
          extras.mutable_elements().push_back(std::move(e));
        }
        ++position;
        parent.remove_child(c);
        if (next && xml_.would_discard(read_from, lines_.position())) {
          xml_.discard(read_from,
                       std::min(xml_.offset(next), lines_.position()));
        }
        break;
      }
      default:
        break;
    }
    c = next;
  }
  return true;
}

// Recursion is bounded: read_children() and this refuse nesting deeper
// than max_depth before going down.
bool ModelReader::read_unknown(Node element, XmlElement& out,
                               std::size_t position) {
  out.name.assign(element.name());
  out.position = position;
  out.where = at(element);
  const std::vector<XmlAttr>* attrs = attributes(element);
  if (attrs == nullptr) return false;
  out.attributes.reserve(attrs->size());
  std::size_t attribute_position = 0;
  for (const XmlAttr& a : *attrs) {
    out.attributes.push_back(XmlAttribute{
        std::string(a.name), std::string(a.value), attribute_position++});
  }
  ++depth_;
  std::size_t child_position = 0;
  bool ok = true;
  for (Node c = element.first_child(); c && ok; c = c.next_sibling()) {
    switch (c.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        if (auto e = xml_.read_text(c, out.text)) ok = fail_xml(*e);
        break;
      case pugi::node_element:
        if (depth_ > max_depth_) {
          ok = fail_xml(*xml_.depth_error(c));
          break;
        }
        out.children.emplace_back();
        ok = read_unknown(c, out.children.back(), child_position++);
        break;
      default:
        break;
    }
  }
  --depth_;
  return ok;
}

template <typename T>
bool ModelReader::read_leaf(Node element, T& model, Extras& extras,
                            Origin& where) {
  where = at(element);
  if (!bind(element, where, model, extras)) return false;
  return read_children(element, extras,
                       [](Node, std::string_view) { return Child::kUnknown; });
}

// A System Writer-like component holds hundreds of thousands of file lists.
// Growing its vector by doubling would copy it repeatedly and, at the last
// step, hold 1.5 times its final size; instead, once a list is large, reserve
// what the rest of the input can hold at the density seen so far. Untouched
// reserved pages cost no resident memory.
void ModelReader::reserve_files(std::vector<FileDescriptor>& files,
                                std::size_t start, std::size_t now) {
  constexpr std::size_t kLargeList = 4096;
  if (files.size() < kLargeList || files.size() != files.capacity()) return;
  const std::size_t per_file =
      std::max<std::size_t>(1, (now - start) / files.size());
  files.reserve(files.size() + (xml_.size() - now) / per_file + 16);
  advise_large_pages(files.data(), files.capacity() * sizeof(FileDescriptor));
}

Child handled(bool ok) { return ok ? Child::kHandled : Child::kFailed; }

bool ModelReader::read_writer_metadata(Node element, WriterMetadata& w) {
  w.where = at(element);
  if (!bind(element, w.where, w, w.extras)) return false;
  bool identification = false;
  bool restore = false;
  bool ok =
      read_children(element, w.extras, [&](Node e, std::string_view name) {
        if (name == "IDENTIFICATION" && !identification) {
          identification = true;
          return handled(
              read_leaf(e, w.identity, w.identity.extras, w.identity.where));
        }
        if (name == "RESTORE_METHOD" && !restore) {
          restore = true;
          RestoreMethod& m = w.restore_method.emplace();
          m.where = at(e);
          if (!bind(e, m.where, m, m.extras)) return Child::kFailed;
          return handled(
              read_children(e, m.extras, [&](Node child, std::string_view n) {
                if (n != "ALTERNATE_LOCATION_MAPPING") return Child::kUnknown;
                FileDescriptor& d =
                    m.alternate_location_mappings.emplace_back();
                d.kind = FileDescriptorKind::kAlternateLocationMapping;
                return handled(read_leaf(child, d, d.extras, d.where));
              }));
        }
        if (name == "BACKUP_LOCATIONS" && !w.has_backup_locations) {
          return handled(read_backup_locations(e, w));
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

bool ModelReader::read_backup_locations(Node element, WriterMetadata& w) {
  w.has_backup_locations = true;
  w.backup_locations_where = at(element);
  const std::vector<XmlAttr>* attrs = attributes(element);
  if (attrs == nullptr) return false;
  AttributeBinder binder(*this, element.name(), *attrs,
                         w.backup_locations_where);
  binder.finish(w.backup_locations_extras);
  // A writer may declare hundreds of thousands of components: count them
  // first (one walk over the siblings) rather than grow the vector by
  // doubling, which moves every component read so far each time.
  std::size_t components = 0;
  for (Node e = element.first_child(); e; e = e.next_sibling()) {
    if (e.type() != pugi::node_element) continue;
    const std::string_view name = local_name(e.name());
    if (name == "FILE_GROUP" || name == "DATABASE") ++components;
  }
  w.components.reserve(w.components.size() + components);
  advise_large_pages(w.components.data(),
                     w.components.capacity() * sizeof(Component));
  return read_children(
      element, w.backup_locations_extras, [&](Node e, std::string_view name) {
        if (name == "FILE_GROUP" || name == "DATABASE") {
          Component& c = w.components.emplace_back();
          c.type = name == "DATABASE" ? ComponentType::kDatabase
                                      : ComponentType::kFileGroup;
          return handled(read_component(e, c));
        }
        if (name == "EXCLUDE_FILES") {
          FileDescriptor& d = w.exclude_files.emplace_back();
          d.kind = FileDescriptorKind::kExclude;
          return handled(read_leaf(e, d, d.extras, d.where));
        }
        if (name == "EXCLUDE_FILES_FROM_SNAPSHOT") {
          FileDescriptor& d = w.exclude_from_snapshot.emplace_back();
          d.kind = FileDescriptorKind::kExcludeFromSnapshot;
          return handled(read_leaf(e, d, d.extras, d.where));
        }
        return Child::kUnknown;
      });
}

bool ModelReader::read_component(Node element, Component& c) {
  const std::size_t start = xml_.offset(element);
  c.where = at(start);
  if (!bind(element, c.where, c, c.extras)) return false;
  return read_children(element, c.extras, [&](Node e, std::string_view name) {
    reserve_files(c.files, start, xml_.offset(e));
    FileDescriptorKind kind{};
    if (name == "FILE_LIST") {
      kind = FileDescriptorKind::kFileList;
    } else if (name == "DATABASE_FILES") {
      kind = FileDescriptorKind::kDatabaseFiles;
    } else if (name == "DATABASE_LOGFILES") {
      kind = FileDescriptorKind::kDatabaseLogFiles;
    } else if (name == "DEPENDENCY") {
      Dependency& d = c.dependencies.emplace_back();
      return handled(read_leaf(e, d, d.extras, d.where));
    } else {
      return Child::kUnknown;
    }
    FileDescriptor& d = c.files.emplace_back();
    d.kind = kind;
    return handled(read_leaf(e, d, d.extras, d.where));
  });
}

bool ModelReader::read_backup_components(Node element, BackupComponents& b) {
  b.where = at(element);
  if (!bind(element, b.where, b, b.extras)) return false;
  return read_children(element, b.extras, [&](Node e, std::string_view name) {
    if (name != "WRITER_COMPONENTS") return Child::kUnknown;
    return handled(read_writer_components(e, b.writers.emplace_back()));
  });
}

bool ModelReader::read_writer_components(Node element, WriterComponents& wc) {
  wc.where = at(element);
  if (!bind(element, wc.where, wc, wc.extras)) return false;
  return read_children(element, wc.extras, [&](Node e, std::string_view name) {
    if (name != "COMPONENT") return Child::kUnknown;
    return handled(read_bcd_component(e, wc.components.emplace_back()));
  });
}

bool ModelReader::read_bcd_component(Node element, BcdComponent& c) {
  c.where = at(element);
  if (!bind(element, c.where, c, c.extras)) return false;
  return read_children(element, c.extras, [&](Node e, std::string_view name) {
    auto blob = [&](std::optional<MetadataBlob>& slot) {
      if (slot) return Child::kUnknown;  // a second one stays verbatim
      MetadataBlob& m = slot.emplace();
      return handled(read_leaf(e, m, m.extras, m.where));
    };
    auto descriptor = [&](std::vector<FileDescriptor>& list,
                          FileDescriptorKind kind) {
      FileDescriptor& d = list.emplace_back();
      d.kind = kind;
      return handled(read_leaf(e, d, d.extras, d.where));
    };
    auto leaf = [&](auto& list) {
      auto& x = list.emplace_back();
      return handled(read_leaf(e, x, x.extras, x.where));
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
  if (const auto& e = xml_.error()) {
    xml_failed_ = true;
    return xml_error(*e);
  }
  const Node top = xml_.root();
  const Origin root_where = at(top);
  const std::string root_name = top.name();
  std::optional<Document> doc;
  // The document element itself, or a child of a <root> wrapper; false when
  // `element` is neither kind of document.
  auto read = [&](Node element, std::string_view name) {
    if (name == "WRITER_METADATA") {
      WriterMetadata w;
      if (!read_writer_metadata(element, w)) return false;
      doc = std::move(w);
    } else if (name == "BACKUP_COMPONENTS") {
      BackupComponents b;
      if (!read_backup_components(element, b)) return false;
      doc = std::move(b);
    }
    return true;
  };
  const std::string_view top_name = local_name(top.name());
  if (iequals(top_name, "root")) {
    source_.root_wrapper = true;
    // The wrapper itself is only checked; what it holds besides the
    // document is checked whole.
    if (attributes(top) == nullptr) return std::move(*error_);
    std::string discarded;
    depth_ = 2;
    for (Node c = top.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        if (auto e = xml_.read_text(c, discarded)) {
          fail_xml(*e);
          return std::move(*error_);
        }
        discarded.clear();
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local_name(c.name());
      if (!doc && (name == "WRITER_METADATA" || name == "BACKUP_COMPONENTS")) {
        if (depth_ > max_depth_) fail_xml(*xml_.depth_error(c));
        if (failed() || !read(c, name)) return std::move(*error_);
        continue;
      }
      if (auto e = xml_.check_subtree(c, 2)) {
        fail_xml(*e);
        return std::move(*error_);
      }
      // XDR schemas are expected, anything else is reported.
      if (name == "Schema") {
        source_.xdr_schema = true;
      } else {
        warn(at(c), "ignored-element",
             fmt::format("<{}> inside <{}> ignored", c.name(), root_name));
      }
    }
  } else if (top_name == "WRITER_METADATA" || top_name == "BACKUP_COMPONENTS") {
    if (!read(top, top_name)) return std::move(*error_);
  } else if (top_name == "Manifest") {
    return Error{ErrorCode::kUnexpectedRoot,
                 "this is diskshadow's metadata-cab manifest, not a VSS "
                 "document; load the folder that holds it",
                 location(root_where)};
  } else {
    return Error{ErrorCode::kUnexpectedRoot,
                 fmt::format("unexpected root element <{}>: expected "
                             "WRITER_METADATA or BACKUP_COMPONENTS",
                             top.name()),
                 location(root_where)};
  }
  if (!doc) {
    return Error{ErrorCode::kUnexpectedRoot,
                 fmt::format("<{}> holds no WRITER_METADATA or "
                             "BACKUP_COMPONENTS element",
                             root_name),
                 location(root_where)};
  }
  if (const auto& e = xml_.trailing_error()) {
    xml_failed_ = true;
    return xml_error(*e);
  }
  source_.xml_declaration = xml_.saw_declaration();
  finish_warnings();
  std::visit([&](auto& d) { d.source = source_; }, *doc);
  return std::move(*doc);
}

// Whether the tree is a VSS document (the model reader will read it), as
// opposed to a file that a caller may still want to read otherwise (a
// diskshadow manifest).
bool is_vss_document(pugi::xml_node root) {
  auto named = [](pugi::xml_node e) {
    const std::string_view name = local_name(e.name());
    return name == "WRITER_METADATA" || name == "BACKUP_COMPONENTS";
  };
  if (named(root)) return true;
  if (!iequals(local_name(root.name()), "root")) return false;
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && named(c)) return true;
  }
  return false;
}

}  // namespace

Result<Document> read_document(std::string_view text, bool ascii,
                               SourceInfo source, const ParseOptions& options,
                               const std::function<void()>& release) {
  // The line ends are found before pugixml overwrites some of them.
  LineCounter lines(text, ascii);
  XmlDocument xml(text, options.max_depth, XmlCheck::kDeferred);
  // A document that failed has released its copy: its error is counted in
  // `text`, which the caller still holds then.
  if (!xml.error()) lines.rebind(xml.text());
  if (release && !xml.error() && is_vss_document(xml.root())) {
    release();  // `text` is gone from here on
  }
  ModelReader reader(xml, lines, std::move(source), options.max_depth);
  Result<Document> result = reader.read();
  xml.release();
  return result;
}

std::optional<Result<Document>> read_document_in_place(
    std::string& text, bool ascii, SourceInfo source,
    const ParseOptions& options) {
  // The line ends are found before pugixml overwrites some of them.
  LineCounter lines(text, ascii);
  XmlDocument xml(std::move(text), options.max_depth, XmlCheck::kDeferred,
                  XmlDocument::InPlace{});
  std::string().swap(text);
  if (xml.error() || !is_vss_document(xml.root())) return std::nullopt;
  lines.rebind(xml.text());
  ModelReader reader(xml, lines, std::move(source), options.max_depth);
  Result<Document> result = reader.read();
  xml.release();
  if (!result) return std::nullopt;
  return result;
}

}  // namespace vssmeta::internal
