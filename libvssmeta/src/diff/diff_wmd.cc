// SPDX-License-Identifier: MIT
// The WMD half of the diff engine: one writer's root attributes, identity,
// restore method, exclude lists and components (matched by logical path and
// name, then by name alone for moves), with their files and dependencies.

#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "diff/diff_engine.h"
#include "paths/windows_path.h"
#include "semantics/logical_path.h"
#include "text/ascii.h"
#include "vssmeta/enums.h"

namespace vssmeta::internal {
namespace {

std::string describe_component(const Component& c) {
  std::string out(to_xml(c.type));
  if (c.caption && !c.caption->empty()) {
    out += fmt::format(" \"{}\"", *c.caption);
  }
  if (c.is_selectable()) out += ", selectable";
  return out;
}

std::string dependency_target(const Dependency& d) {
  return d.writer_id.to_braced_string() + ":\\" +
         join_component_path(d.logical_path, d.component_name);
}

std::string dependency_key(const Dependency& d) {
  return d.writer_id.to_string() + '\0' +
         component_key(d.logical_path, d.component_name);
}

std::string describe_dependency(const Dependency& d) {
  std::string out = dependency_target(d);
  if (!d.extras.empty()) {
    out += " {" + describe(FieldValues{}, d.extras) + " }";
  }
  return out;
}

void diff_dependencies(const DiffSink& sink, const std::vector<Dependency>& a,
                       const std::vector<Dependency>& b) {
  if (a == b) return;
  std::vector<std::string> ka;
  std::vector<std::string> kb;
  for (const auto& d : a) ka.push_back(dependency_key(d));
  for (const auto& d : b) kb.push_back(dependency_key(d));
  const Matching m = match_keys(ka, kb);
  for (auto [i, j] : m.pairs) {
    const std::string before = describe_dependency(a[i]);
    const std::string after = describe_dependency(b[j]);
    if (before != after) {
      sink.emit(ChangeKind::kModified, "DEPENDENCY", before, after);
    }
  }
  for (std::size_t i : m.removed) {
    sink.emit(ChangeKind::kRemoved, "DEPENDENCY", describe_dependency(a[i]),
              std::nullopt);
  }
  for (std::size_t j : m.added) {
    sink.emit(ChangeKind::kAdded, "DEPENDENCY", std::nullopt,
              describe_dependency(b[j]));
  }
}

// Two versions of one component (matched, the two ends of a move, or a
// recreated volume, whose new name has been reported already).
void diff_component(const DiffSink& writer_sink, const Component& a,
                    const Component& b, bool renamed = false) {
  const DiffSink sink = writer_sink.at(b.full_path());
  const auto va = field_values(a);
  const auto vb = field_values(b);
  if (renamed) {
    diff_values(sink, va, vb, {"componentName"});
  } else if (logical_key(a.logical_path.value_or("")) !=
             logical_key(b.logical_path.value_or(""))) {
    sink.emit(ChangeKind::kMoved, "logicalPath", a.logical_path.value_or(""),
              b.logical_path.value_or(""));
    diff_values(sink, va, vb, {"logicalPath"});
  } else {
    diff_values(sink, va, vb);
  }
  if (a.type != b.type) {
    sink.emit(ChangeKind::kModified, "componentType",
              std::string(to_xml(a.type)), std::string(to_xml(b.type)));
  }
  diff_descriptors(sink, a.files, b.files);
  diff_dependencies(sink, a.dependencies, b.dependencies);
  diff_extras(sink,
              a.type == ComponentType::kDatabase ? "DATABASE" : "FILE_GROUP",
              a.extras, b.extras);
}

// The key under which a removed and an added volume component are one
// volume recreated: a component named `Volume{GUID}` (as the ASR writer
// names the volumes under `Volumes`) keyed by its logical path and its
// caption, which names the volume's drive letter or mount point ("Select
// this volume (E:) if it is a critical volume..."). Empty for any other
// component, and for a volume without a caption to tell it by.
std::string volume_key(const Component& c) {
  const std::string name = fold(c.name);
  if (name.size() < 9 || name.compare(0, 7, "volume{") != 0 ||
      name.back() != '}' || !c.caption || c.caption->empty()) {
    return {};
  }
  return logical_key(c.logical_path.value_or("")) + '\0' + fold(*c.caption);
}

// Keys for pair_unique() over the leftovers of `m`: a volume's key, or a
// key of its own that pairs with nothing (`side` tells the lists apart).
std::vector<std::string> volume_keys(const std::vector<Component>& v,
                                     const std::vector<std::size_t>& which,
                                     char side) {
  std::vector<std::string> out(v.size());
  for (std::size_t i : which) {
    out[i] = volume_key(v[i]);
    if (out[i].empty()) out[i] = side + std::to_string(i);
  }
  return out;
}

void diff_components(const DiffSink& sink, const std::vector<Component>& a,
                     const std::vector<Component>& b) {
  std::vector<std::string> ka;
  std::vector<std::string> kb;
  ka.reserve(a.size());
  kb.reserve(b.size());
  for (const auto& c : a) ka.push_back(component_key(c.logical_path, c.name));
  for (const auto& c : b) kb.push_back(component_key(c.logical_path, c.name));
  Matching m = match_keys(ka, kb);
  // Same name, new logical path, unambiguous: a move.
  std::vector<std::string> na;
  std::vector<std::string> nb;
  if (!m.removed.empty() && !m.added.empty()) {
    na.reserve(a.size());
    nb.reserve(b.size());
    for (const auto& c : a) na.push_back(fold(c.name));
    for (const auto& c : b) nb.push_back(fold(c.name));
  }
  const auto moved = pair_unique(m, na, nb);
  // A volume removed and one added under the same caption: one volume,
  // formatted or recreated (a new volume GUID), not two unrelated ones.
  std::vector<std::pair<std::size_t, std::size_t>> recreated;
  if (!m.removed.empty() && !m.added.empty()) {
    recreated = pair_unique(m, volume_keys(a, m.removed, '-'),
                            volume_keys(b, m.added, '+'));
  }
  for (auto [i, j] : m.pairs) {
    if (!(a[i] == b[j])) diff_component(sink, a[i], b[j]);
  }
  for (auto [i, j] : moved) diff_component(sink, a[i], b[j]);
  for (auto [i, j] : recreated) {
    sink.at(b[j].full_path())
        .emit(ChangeKind::kModified, "volumeRecreated", a[i].name, b[j].name);
    diff_component(sink, a[i], b[j], true);
  }
  for (std::size_t i : m.removed) {
    sink.at(a[i].full_path())
        .emit(ChangeKind::kRemoved, "COMPONENT", describe_component(a[i]),
              std::nullopt);
  }
  for (std::size_t j : m.added) {
    sink.at(b[j].full_path())
        .emit(ChangeKind::kAdded, "COMPONENT", std::nullopt,
              describe_component(b[j]));
  }
}

void diff_restore_method(const DiffSink& sink,
                         const std::optional<RestoreMethod>& a,
                         const std::optional<RestoreMethod>& b) {
  if (!a && !b) return;
  if (!a || !b) {
    const RestoreMethod& present = a ? *a : *b;
    const std::string text = describe(field_values(present), present.extras);
    sink.emit(a ? ChangeKind::kRemoved : ChangeKind::kAdded, "RESTORE_METHOD",
              a ? std::optional(text) : std::nullopt,
              b ? std::optional(text) : std::nullopt);
    diff_descriptors(
        sink,
        a ? a->alternate_location_mappings : std::vector<FileDescriptor>{},
        b ? b->alternate_location_mappings : std::vector<FileDescriptor>{});
    return;
  }
  diff_values(sink, field_values(*a), field_values(*b));
  diff_descriptors(sink, a->alternate_location_mappings,
                   b->alternate_location_mappings);
  diff_extras(sink, "RESTORE_METHOD", a->extras, b->extras);
}

// Descriptors match by kind (unless `any_kind`), path and filespec
// (spelling aside).
std::string descriptor_key(const FileDescriptor& f, bool any_kind) {
  return (any_kind ? std::string() : std::to_string(static_cast<int>(f.kind))) +
         '\0' + path_key(f.path) + '\0' + fold(f.filespec);
}

// What a file list from text cannot say (recursion, alternate path, backup
// type mask, unknown attributes; with `any_kind`, whether a database's file
// list holds database or log files), taken from its twin in `other`.
void fill_descriptors(std::vector<FileDescriptor>& text,
                      const std::vector<FileDescriptor>& other, bool any_kind) {
  std::map<std::string, const FileDescriptor*> twins;
  for (const FileDescriptor& f : other) {
    twins.emplace(descriptor_key(f, any_kind), &f);
  }
  for (FileDescriptor& f : text) {
    const auto hit = twins.find(descriptor_key(f, any_kind));
    if (hit == twins.end()) continue;
    if (any_kind) f.kind = hit->second->kind;
    f.recursive = hit->second->recursive;
    f.alternate_path = hit->second->alternate_path;
    f.backup_type_mask = hit->second->backup_type_mask;
    f.extras = hit->second->extras;
  }
}

// `text`, a writer rebuilt from diskshadow's text, with what that text
// cannot say (unknown_from_text()) taken from `other`, the writer it is
// compared with: only what both sides say is compared, so nothing the text
// never prints is reported as removed or added.
WriterMetadata with_unknowns_from(const WriterMetadata& text,
                                  const WriterMetadata& other) {
  WriterMetadata out = text;
  out.xmlns = other.xmlns;
  out.version = other.version;
  out.backup_schema = other.backup_schema;
  out.extras = other.extras;
  out.has_backup_locations = other.has_backup_locations;
  out.backup_locations_extras = other.backup_locations_extras;
  out.exclude_from_snapshot = other.exclude_from_snapshot;
  WriterIdentity& id = out.identity;
  const WriterIdentity& oid = other.identity;
  if (unknown_from_text(text, TextUnknown::kWriterId)) {
    id.writer_id = oid.writer_id;
    out.exclude_files = other.exclude_files;  // printed in the * WRITER block
  }
  if (unknown_from_text(text, TextUnknown::kInstanceId)) {
    id.instance_id = oid.instance_id;
  }
  id.instance_name = oid.instance_name;
  id.usage = oid.usage;
  id.data_source = oid.data_source;
  id.major_version = oid.major_version;
  id.minor_version = oid.minor_version;
  id.extras = oid.extras;
  if (unknown_from_text(text, TextUnknown::kRestoreMethod)) {
    out.restore_method = other.restore_method;
  } else if (other.restore_method) {
    RestoreMethod& r = *out.restore_method;
    r.service = other.restore_method->service;
    r.user_procedure = other.restore_method->user_procedure;
    r.alternate_location_mappings =
        other.restore_method->alternate_location_mappings;
    r.extras = other.restore_method->extras;
  }
  if (unknown_from_text(text, TextUnknown::kComponents)) {
    out.components = other.components;
    return out;
  }
  std::map<std::string, const Component*> twins;
  for (const Component& c : other.components) {
    twins.emplace(component_key(c.logical_path, c.name), &c);
  }
  for (Component& c : out.components) {
    const auto hit = twins.find(component_key(c.logical_path, c.name));
    if (hit == twins.end()) continue;
    const Component& o = *hit->second;
    c.icon = o.icon;
    c.restore_metadata = o.restore_metadata;
    c.selectable_for_restore = o.selectable_for_restore;
    c.component_flags = o.component_flags;
    c.extras = o.extras;
    if (!c.selectable) c.selectable = o.selectable;
    if (!c.notify_on_backup_complete) {
      c.notify_on_backup_complete = o.notify_on_backup_complete;
    }
    fill_descriptors(
        c.files, o.files,
        c.type == ComponentType::kDatabase &&
            unknown_from_text(text, TextUnknown::kDatabaseFileKinds));
  }
  return out;
}

// Where a writer's facts come from, for the change that says it.
std::string text_provenance(const WriterMetadata& w) {
  return w.from_text ? reconstructed_from_text_note(w.from_text->where)
                     : std::string("read from its XML document");
}

void diff_writer_fields(const DiffSink& sink, const WriterMetadata& a,
                        const WriterMetadata& b);

}  // namespace

void diff_writer(const DiffSink& sink, const WriterMetadata& a,
                 const WriterMetadata& b) {
  if (!a.from_text && !b.from_text) {
    diff_writer_fields(sink, a, b);
    return;
  }
  if (!a.from_text || !b.from_text) {
    sink.emit(ChangeKind::kModified, "reconstructedFromText",
              text_provenance(a), text_provenance(b));
  }
  diff_writer_fields(sink, a.from_text ? with_unknowns_from(a, b) : a,
                     b.from_text ? with_unknowns_from(b, a) : b);
}

namespace {

void diff_writer_fields(const DiffSink& sink, const WriterMetadata& a,
                        const WriterMetadata& b) {
  diff_values(sink, field_values(a), field_values(b));
  diff_extras(sink, "WRITER_METADATA", a.extras, b.extras);
  diff_values(sink, field_values(a.identity), field_values(b.identity));
  diff_extras(sink, "IDENTIFICATION", a.identity.extras, b.identity.extras);
  diff_restore_method(sink, a.restore_method, b.restore_method);
  diff_extras(sink, "BACKUP_LOCATIONS", a.backup_locations_extras,
              b.backup_locations_extras);
  diff_descriptors(sink, a.exclude_files, b.exclude_files);
  diff_descriptors(sink, a.exclude_from_snapshot, b.exclude_from_snapshot);
  diff_components(sink, a.components, b.components);
}

}  // namespace
}  // namespace vssmeta::internal
