// SPDX-License-Identifier: MIT
#include "render/dump_json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "model/model_fields.h"
#include "render/json_writer.h"
#include "vssmeta/capture.h"
#include "vssmeta/dump.h"
#include "vssmeta/hresult.h"

namespace vssmeta {
namespace internal {
// Defined in dump.cc: the writer order both views share.
std::vector<const WriterMetadata*> dump_order(const CaptureSet& capture);
}  // namespace internal

namespace {

// Written as the model is walked, never built as a tree first (450,000 file
// lists would make 450,000 objects). Keys come in the order the documents
// read: derived fields first, then the attributes in the order Windows
// writes them.
using internal::JsonWriter;

// Receives `v(xml_name, field)` from internal::visit_fields, so the JSON keys
// are the XML attribute names by construction and cannot drift from the
// reader and serializer. Absent optionals are left out, never null. `skip`
// names a field the caller has already written.
struct FieldWriter {
  JsonWriter& json;
  std::string_view skip;

  void operator()(const char* name, const std::string& v) {
    if (name == skip) return;
    json.key(name);
    json.string(v);
  }
  void operator()(const char* name, const Guid& v) {
    if (name == skip) return;
    json.key(name);
    json.string(v.to_string());
  }
  void operator()(const char* name, const OptionalString& v) {
    if (!v || name == skip) return;
    json.key(name);
    json.string(*v);
  }
  template <typename T>
  void operator()(const char* name, const std::optional<T>& v) {
    if (!v || name == skip) return;
    json.key(name);
    if constexpr (std::is_same_v<T, Guid>) {
      json.string(v->to_string());
    } else if constexpr (std::is_enum_v<T>) {
      json.string(to_xml(*v));
    } else if constexpr (std::is_same_v<T, bool>) {
      json.boolean(*v);
    } else if constexpr (std::is_same_v<T, std::uint32_t>) {
      json.number(*v);
    } else {
      json.string(*v);
    }
  }
};

template <typename T>
void put_fields(JsonWriter& json, const T& model, std::string_view skip = {}) {
  FieldWriter writer{json, skip};
  internal::visit_fields(writer, model);
}

void put_string(JsonWriter& json, std::string_view key,
                std::string_view value) {
  json.key(key);
  json.string(value);
}

void put_attributes(JsonWriter& json,
                    const std::vector<XmlAttribute>& attributes) {
  json.key("attributes");
  json.begin_array();
  for (const XmlAttribute& a : attributes) {
    json.begin_object();
    put_string(json, "name", a.name);
    put_string(json, "value", a.value);
    json.end_object();
  }
  json.end_array();
}

void put_element(JsonWriter& json, const XmlElement& e) {
  json.begin_object();
  put_string(json, "name", e.name);
  put_attributes(json, e.attributes);
  json.key("children");
  json.begin_array();
  for (const XmlElement& c : e.children) put_element(json, c);
  json.end_array();
  if (!e.text.empty()) put_string(json, "text", e.text);
  json.end_object();
}

// Positions (XmlElement::where, ::position) are layout, not content, and are
// left out so that re-encoded or re-wrapped documents give the same JSON.
void put_extras(JsonWriter& json, const char* key, const Extras& x) {
  if (x.empty()) return;
  json.key(key);
  json.begin_object();
  put_attributes(json, x.attributes());
  json.key("elements");
  json.begin_array();
  for (const XmlElement& e : x.elements()) put_element(json, e);
  json.end_array();
  if (!x.text().empty()) put_string(json, "text", x.text());
  json.end_object();
}

void put_source(JsonWriter& json, const SourceInfo& s) {
  json.key("source");
  json.begin_object();
  put_string(json, "file", s.name);
  put_string(json, "encoding", to_string(s.encoding));
  json.key("byteOrderMark");
  json.boolean(s.byte_order_mark);
  json.key("xmlDeclaration");
  json.boolean(s.xml_declaration);
  json.key("rootWrapper");
  json.boolean(s.root_wrapper);
  json.key("xdrSchema");
  json.boolean(s.xdr_schema);
  json.end_object();
}

void put_descriptors(JsonWriter& json, const char* key,
                     const std::vector<FileDescriptor>& list) {
  json.key(key);
  json.begin_array();
  for (const FileDescriptor& d : list) {
    json.begin_object();
    put_string(json, "kind", element_name(d.kind));
    put_fields(json, d);
    put_extras(json, "extras", d.extras);
    json.end_object();
  }
  json.end_array();
}

// Lists of plain model items that only need their fields and extras.
template <typename T>
void put_items(JsonWriter& json, const char* key, const std::vector<T>& list) {
  json.key(key);
  json.begin_array();
  for (const T& item : list) {
    json.begin_object();
    put_fields(json, item);
    put_extras(json, "extras", item.extras);
    json.end_object();
  }
  json.end_array();
}

void put_component(JsonWriter& json, const Component& c) {
  json.begin_object();
  put_string(json, "type", to_xml(c.type));
  put_string(json, "fullPath", c.full_path());
  put_fields(json, c);
  put_descriptors(json, "files", c.files);
  put_items(json, "dependencies", c.dependencies);
  put_extras(json, "extras", c.extras);
  json.end_object();
}

void put_writer(JsonWriter& json, const WriterMetadata& w) {
  json.begin_object();
  put_source(json, w.source);
  put_string(json, "displayName", w.display_name());
  put_fields(json, w);
  put_fields(json, w.identity);
  if (w.restore_method) {
    json.key("restoreMethod");
    json.begin_object();
    put_fields(json, *w.restore_method);
    put_descriptors(json, "alternateLocationMappings",
                    w.restore_method->alternate_location_mappings);
    put_extras(json, "extras", w.restore_method->extras);
    json.end_object();
  }
  std::size_t selectable = 0;
  std::size_t files = 0;
  for (const Component& c : w.components) {
    if (c.is_selectable()) ++selectable;
    files += c.files.size();
  }
  json.key("hasBackupLocations");
  json.boolean(w.has_backup_locations);
  json.key("componentCount");
  json.number(w.components.size());
  json.key("selectableComponentCount");
  json.number(selectable);
  json.key("fileCount");
  json.number(files);
  json.key("components");
  json.begin_array();
  for (const Component& c : w.components) put_component(json, c);
  json.end_array();
  put_descriptors(json, "excludeFiles", w.exclude_files);
  put_descriptors(json, "excludeFilesFromSnapshot", w.exclude_from_snapshot);
  put_extras(json, "extras", w.extras);
  put_extras(json, "identificationExtras", w.identity.extras);
  put_extras(json, "backupLocationsExtras", w.backup_locations_extras);
  if (w.from_text) {
    const TextReconstruction& t = *w.from_text;
    json.key("reconstructedFromText");
    json.begin_object();
    put_string(json, "file", t.where.file);
    json.key("line");
    json.number(static_cast<std::uint64_t>(t.where.line));
    json.key("writerIdKnown");
    json.boolean(t.writer_id_known);
    json.key("components");
    json.begin_array();
    for (const TextComponentFacts& f : t.components) {
      json.begin_object();
      put_string(json, "fullPath", f.full_path);
      if (f.top_level) {
        json.key("topLevel");
        json.boolean(*f.top_level);
      }
      json.key("pathsAffected");
      json.begin_array();
      for (const std::string& p : f.paths_affected) json.string(p);
      json.end_array();
      json.key("volumesAffected");
      json.begin_array();
      for (const std::string& v : f.volumes_affected) json.string(v);
      json.end_array();
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_object();
}

void put_blob(JsonWriter& json, const char* key,
              const std::optional<MetadataBlob>& b) {
  if (!b) return;
  json.key(key);
  json.begin_object();
  put_fields(json, *b);
  put_extras(json, "extras", b->extras);
  json.end_object();
}

void put_bcd_component(JsonWriter& json, const BcdComponent& c) {
  json.begin_object();
  put_string(json, "fullPath", c.full_path());
  put_fields(json, c);
  put_blob(json, "backupMetadata", c.backup_metadata);
  put_blob(json, "restoreMetadata", c.restore_metadata);
  put_items(json, "partialFiles", c.partial_files);
  put_items(json, "differencedFiles", c.differenced_files);
  put_items(json, "directedTargets", c.directed_targets);
  put_descriptors(json, "newTargets", c.new_targets);
  put_descriptors(json, "alternateLocationMappings",
                  c.alternate_location_mappings);
  put_items(json, "restoreSubcomponents", c.restore_subcomponents);
  put_extras(json, "extras", c.extras);
  json.end_object();
}

void put_bcd(JsonWriter& json, const BackupComponents& b) {
  json.begin_object();
  put_source(json, b.source);
  put_fields(json, b);
  json.key("restoreTime");
  json.boolean(b.is_restore_time());
  json.key("writers");
  json.begin_array();
  for (const WriterComponents& wc : b.writers) {
    json.begin_object();
    // writerId first for readers, then the other attributes in order.
    put_string(json, "writerId", wc.writer_id.to_string());
    put_fields(json, wc, "writerId");
    json.key("components");
    json.begin_array();
    for (const BcdComponent& c : wc.components) put_bcd_component(json, c);
    json.end_array();
    put_extras(json, "extras", wc.extras);
    json.end_object();
  }
  json.end_array();
  put_extras(json, "extras", b.extras);
  json.end_object();
}

void put_manifest(JsonWriter& json, const CabManifest& m) {
  json.begin_object();
  put_string(json, "file", m.file);
  if (m.machine_name) put_string(json, "machineName", *m.machine_name);
  if (m.shadow_copy_set_id) {
    put_string(json, "shadowCopySetId", m.shadow_copy_set_id->to_string());
  }
  if (m.backup_components_file) {
    put_string(json, "backupComponentsFile", *m.backup_components_file);
  }
  json.key("writers");
  json.begin_array();
  for (const ManifestWriter& w : m.writers) {
    json.begin_object();
    put_string(json, "name", w.name);
    put_string(json, "metadataFile", w.metadata_file);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

// The fields of status.json's writer entries
// (schemas/capture-status.schema.json), with `printed` when read from text.
void put_status(JsonWriter& json, const WriterStatus& s) {
  json.begin_object();
  put_string(json, "writer_name", s.writer_name);
  put_string(json, "writer_id", s.writer_id.to_string());
  put_string(json, "instance_id", s.instance_id.to_string());
  put_string(json, "state", state_id(s.state));
  json.key("state_code");
  json.number(static_cast<std::uint64_t>(s.state));
  json.key("failed");
  json.boolean(is_failed(s));
  put_string(json, "failure", fmt::format("0x{:08X}", s.failure));
  const HresultInfo info = describe_hresult(s.failure);
  put_string(json, "failure_name", info.name);
  put_string(json, "failure_advice", info.advice);
  if (s.printed) {
    const PrintedStatus& p = *s.printed;
    json.key("printed");
    json.begin_object();
    put_string(json, "file", p.where.file);
    json.key("line");
    json.number(static_cast<std::uint64_t>(p.where.line));
    json.key("state_code");
    json.number(static_cast<std::uint64_t>(p.state_code));
    put_string(json, "state_text", p.state_text);
    put_string(json, "last_error", p.last_error);
    json.key("failure_known");
    json.boolean(p.failure_known);
    json.end_object();
  }
  json.end_object();
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

  JsonWriter json(out);
  json.begin_object();
  put_string(json, "format", "vssmeta-dump");
  json.key("version");
  json.number(static_cast<std::uint64_t>(kDumpJsonVersion));
  json.key("writers");
  json.begin_array();
  for (const WriterMetadata* w : internal::dump_order(shown)) {
    put_writer(json, *w);
  }
  json.end_array();
  json.key("backup_components");
  json.begin_array();
  for (const BackupComponents& b : shown.backup_components) put_bcd(json, b);
  json.end_array();
  json.key("manifest");
  if (shown.manifest) {
    put_manifest(json, *shown.manifest);
  } else {
    json.null();
  }
  // Only when a status text was loaded: other dumps keep their shape.
  if (!shown.statuses.empty()) {
    json.key("statuses");
    json.begin_array();
    for (const WriterStatus& st : shown.statuses) put_status(json, st);
    json.end_array();
  }
  json.end_object();
  json.finish();
  out << '\n';
}

}  // namespace internal
}  // namespace vssmeta
