// SPDX-License-Identifier: MIT
#include "render/dump_json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/model_fields.h"
#include "vssmeta/dump.h"

namespace vssmeta {
namespace internal {
// Defined in dump.cc: the writer order both views share.
std::vector<const WriterMetadata*> dump_order(const CaptureSet& capture);
}  // namespace internal

namespace {

// Insertion order is kept so the output reads like the documents: derived
// fields first, then the attributes in the order Windows writes them.
using Json = nlohmann::ordered_json;

// Receives `v(xml_name, field)` from internal::visit_fields, so the JSON keys
// are the XML attribute names by construction and cannot drift from the
// reader and serializer. Absent optionals are left out, never null.
struct FieldWriter {
  Json& obj;

  void operator()(const char* name, const std::string& v) { obj[name] = v; }
  void operator()(const char* name, const Guid& v) {
    obj[name] = v.to_string();
  }
  template <typename T>
  void operator()(const char* name, const std::optional<T>& v) {
    if (!v) return;
    if constexpr (std::is_same_v<T, Guid>) {
      obj[name] = v->to_string();
    } else if constexpr (std::is_enum_v<T>) {
      obj[name] = std::string(to_xml(*v));
    } else {
      obj[name] = *v;  // std::string, bool or std::uint32_t
    }
  }
};

template <typename T>
void put_fields(Json& obj, const T& model) {
  FieldWriter writer{obj};
  internal::visit_fields(writer, model);
}

Json attributes_json(const std::vector<XmlAttribute>& attributes) {
  Json out = Json::array();
  for (const XmlAttribute& a : attributes) {
    out.push_back(Json{{"name", a.name}, {"value", a.value}});
  }
  return out;
}

Json element_json(const XmlElement& e) {
  Json out{{"name", e.name}, {"attributes", attributes_json(e.attributes)}};
  Json children = Json::array();
  for (const XmlElement& c : e.children) children.push_back(element_json(c));
  out["children"] = std::move(children);
  if (!e.text.empty()) out["text"] = e.text;
  return out;
}

// Positions (XmlElement::where, ::position) are layout, not content, and are
// left out so that re-encoded or re-wrapped documents give the same JSON.
void put_extras(Json& obj, const char* key, const Extras& x) {
  if (x.empty()) return;
  Json out{{"attributes", attributes_json(x.attributes())}};
  Json elements = Json::array();
  for (const XmlElement& e : x.elements()) elements.push_back(element_json(e));
  out["elements"] = std::move(elements);
  if (!x.text().empty()) out["text"] = x.text();
  obj[key] = std::move(out);
}

Json source_json(const SourceInfo& s) {
  return Json{{"file", s.name},
              {"encoding", to_string(s.encoding)},
              {"byteOrderMark", s.byte_order_mark},
              {"xmlDeclaration", s.xml_declaration},
              {"rootWrapper", s.root_wrapper},
              {"xdrSchema", s.xdr_schema}};
}

Json descriptor_json(const FileDescriptor& d) {
  Json out{{"kind", element_name(d.kind)}};
  put_fields(out, d);
  put_extras(out, "extras", d.extras);
  return out;
}

Json descriptors_json(const std::vector<FileDescriptor>& list) {
  Json out = Json::array();
  for (const FileDescriptor& d : list) out.push_back(descriptor_json(d));
  return out;
}

// Lists of plain model items that only need their fields and extras.
template <typename T>
Json items_json(const std::vector<T>& list) {
  Json out = Json::array();
  for (const T& item : list) {
    Json obj = Json::object();
    put_fields(obj, item);
    put_extras(obj, "extras", item.extras);
    out.push_back(std::move(obj));
  }
  return out;
}

Json component_json(const Component& c) {
  Json out{{"type", std::string(to_xml(c.type))}, {"fullPath", c.full_path()}};
  put_fields(out, c);
  out["files"] = descriptors_json(c.files);
  out["dependencies"] = items_json(c.dependencies);
  put_extras(out, "extras", c.extras);
  return out;
}

Json writer_json(const WriterMetadata& w) {
  Json out{{"source", source_json(w.source)},
           {"displayName", w.display_name()}};
  put_fields(out, w);
  put_fields(out, w.identity);
  if (w.restore_method) {
    Json r = Json::object();
    put_fields(r, *w.restore_method);
    r["alternateLocationMappings"] =
        descriptors_json(w.restore_method->alternate_location_mappings);
    put_extras(r, "extras", w.restore_method->extras);
    out["restoreMethod"] = std::move(r);
  }
  std::size_t selectable = 0;
  std::size_t files = 0;
  Json components = Json::array();
  for (const Component& c : w.components) {
    if (c.is_selectable()) ++selectable;
    files += c.files.size();
    components.push_back(component_json(c));
  }
  out["hasBackupLocations"] = w.has_backup_locations;
  out["componentCount"] = w.components.size();
  out["selectableComponentCount"] = selectable;
  out["fileCount"] = files;
  out["components"] = std::move(components);
  out["excludeFiles"] = descriptors_json(w.exclude_files);
  out["excludeFilesFromSnapshot"] = descriptors_json(w.exclude_from_snapshot);
  put_extras(out, "extras", w.extras);
  put_extras(out, "identificationExtras", w.identity.extras);
  put_extras(out, "backupLocationsExtras", w.backup_locations_extras);
  return out;
}

void put_blob(Json& obj, const char* key,
              const std::optional<MetadataBlob>& b) {
  if (!b) return;
  Json out = Json::object();
  put_fields(out, *b);
  put_extras(out, "extras", b->extras);
  obj[key] = std::move(out);
}

Json bcd_component_json(const BcdComponent& c) {
  Json out{{"fullPath", c.full_path()}};
  put_fields(out, c);
  put_blob(out, "backupMetadata", c.backup_metadata);
  put_blob(out, "restoreMetadata", c.restore_metadata);
  out["partialFiles"] = items_json(c.partial_files);
  out["differencedFiles"] = items_json(c.differenced_files);
  out["directedTargets"] = items_json(c.directed_targets);
  out["newTargets"] = descriptors_json(c.new_targets);
  out["alternateLocationMappings"] =
      descriptors_json(c.alternate_location_mappings);
  out["restoreSubcomponents"] = items_json(c.restore_subcomponents);
  put_extras(out, "extras", c.extras);
  return out;
}

Json bcd_json(const BackupComponents& b) {
  Json out{{"source", source_json(b.source)}};
  put_fields(out, b);
  out["restoreTime"] = b.is_restore_time();
  Json writers = Json::array();
  for (const WriterComponents& wc : b.writers) {
    // writerId first for readers; visit_fields rewrites it in place.
    Json w{{"writerId", wc.writer_id.to_string()}};
    put_fields(w, wc);
    Json components = Json::array();
    for (const BcdComponent& c : wc.components) {
      components.push_back(bcd_component_json(c));
    }
    w["components"] = std::move(components);
    put_extras(w, "extras", wc.extras);
    writers.push_back(std::move(w));
  }
  out["writers"] = std::move(writers);
  put_extras(out, "extras", b.extras);
  return out;
}

Json manifest_json(const CabManifest& m) {
  Json out{{"file", m.file}};
  if (m.machine_name) out["machineName"] = *m.machine_name;
  if (m.shadow_copy_set_id) {
    out["shadowCopySetId"] = m.shadow_copy_set_id->to_string();
  }
  if (m.backup_components_file) {
    out["backupComponentsFile"] = *m.backup_components_file;
  }
  Json writers = Json::array();
  for (const ManifestWriter& w : m.writers) {
    writers.push_back(
        Json{{"name", w.name}, {"metadataFile", w.metadata_file}});
  }
  out["writers"] = std::move(writers);
  return out;
}

}  // namespace

namespace internal {

void write_dump_json(const CaptureSet& capture, std::ostream& out,
                     const DumpOptions& options) {
  // Filtering is idempotent, so callers that already filtered pay only for
  // the copy, and callers that did not still get what the options say.
  std::optional<CaptureSet> filtered;
  if (!options.writers.empty() || !options.components.empty()) {
    filtered = filter_capture(capture, options);
  }
  const CaptureSet& shown = filtered ? *filtered : capture;

  Json doc{{"format", "vssmeta-dump"}, {"version", kDumpJsonVersion}};
  Json writers = Json::array();
  for (const WriterMetadata* w : internal::dump_order(shown)) {
    writers.push_back(writer_json(*w));
  }
  doc["writers"] = std::move(writers);
  Json bcds = Json::array();
  for (const BackupComponents& b : shown.backup_components) {
    bcds.push_back(bcd_json(b));
  }
  doc["backup_components"] = std::move(bcds);
  doc["manifest"] = shown.manifest ? manifest_json(*shown.manifest) : Json();
  // Replace, not throw: names and captions come from untrusted documents and
  // need not be valid UTF-8.
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace internal
}  // namespace vssmeta
