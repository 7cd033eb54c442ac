// SPDX-License-Identifier: MIT
// The BCD half of the diff engine: the document's backup and restore
// settings, the writers that took part (matched by class id and instance
// name) and their selected components (matched by logical path and name)
// with stamps, results, restore settings and the lists they carry. A writer
// on one side only is reported with each of its components.

#include <string>
#include <vector>

#include "diff/diff_engine.h"
#include "semantics/logical_path.h"
#include "vssmeta/enums.h"

namespace vssmeta::internal {
namespace {

template <typename T>
std::vector<std::string> described(const std::vector<T>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const T& x : items) out.push_back(describe(field_values(x), x.extras));
  return out;
}

void diff_blob(const DiffSink& sink, const char* element,
               const std::optional<MetadataBlob>& a,
               const std::optional<MetadataBlob>& b) {
  if (a == b) return;
  auto text = [](const std::optional<MetadataBlob>& x) {
    return x ? std::optional(describe(field_values(*x), x->extras))
             : std::nullopt;
  };
  const ChangeKind kind = !a   ? ChangeKind::kAdded
                          : !b ? ChangeKind::kRemoved
                               : ChangeKind::kModified;
  sink.emit(kind, element, text(a), text(b));
}

void diff_component(const DiffSink& writer_sink, const BcdComponent& a,
                    const BcdComponent& b) {
  const DiffSink sink = writer_sink.at(b.full_path());
  diff_values(sink, field_values(a), field_values(b));
  diff_blob(sink, "BACKUP_METADATA", a.backup_metadata, b.backup_metadata);
  diff_blob(sink, "RESTORE_METADATA", a.restore_metadata, b.restore_metadata);
  diff_described(sink, "PARTIAL_FILE", described(a.partial_files),
                 described(b.partial_files));
  diff_described(sink, "DIFFERENCED_FILE", described(a.differenced_files),
                 described(b.differenced_files));
  diff_described(sink, "DIRECTED_TARGET", described(a.directed_targets),
                 described(b.directed_targets));
  diff_descriptors(sink, a.new_targets, b.new_targets);
  diff_descriptors(sink, a.alternate_location_mappings,
                   b.alternate_location_mappings);
  diff_described(sink, "RESTORE_SUBCOMPONENT",
                 described(a.restore_subcomponents),
                 described(b.restore_subcomponents));
  diff_extras(sink, "COMPONENT", a.extras, b.extras);
}

// A selected component as an added or removed line shows it: its type and
// the stamps an incremental or differential backup chain rests on.
std::string describe_component(const BcdComponent& c) {
  std::string out = c.type ? std::string(to_xml(*c.type)) : "component";
  if (c.backup_stamp) out += " backupStamp=\"" + *c.backup_stamp + "\"";
  if (c.previous_backup_stamp) {
    out += " previousBackupStamp=\"" + *c.previous_backup_stamp + "\"";
  }
  return out;
}

// Every component of a writer that is only on one side, by name: what the
// backup gained or lost with it (the writer's own line gives the count).
void emit_components(const DiffSink& sink, const WriterComponents& w,
                     ChangeKind kind) {
  for (const BcdComponent& c : w.components) {
    const std::string text = describe_component(c);
    sink.at(c.full_path())
        .emit(kind, "COMPONENT",
              kind == ChangeKind::kRemoved ? std::optional(text) : std::nullopt,
              kind == ChangeKind::kAdded ? std::optional(text) : std::nullopt);
  }
}

void diff_writer_components(const DiffSink& sink, const WriterComponents& a,
                            const WriterComponents& b) {
  diff_values(sink, field_values(a), field_values(b), {"writerId"});
  diff_extras(sink, "WRITER_COMPONENTS", a.extras, b.extras);
  std::vector<std::string> ka;
  std::vector<std::string> kb;
  for (const auto& c : a.components) {
    ka.push_back(component_key(c.logical_path, c.name));
  }
  for (const auto& c : b.components) {
    kb.push_back(component_key(c.logical_path, c.name));
  }
  const Matching m = match_keys(ka, kb);
  for (auto [i, j] : m.pairs) {
    if (!(a.components[i] == b.components[j])) {
      diff_component(sink, a.components[i], b.components[j]);
    }
  }
  for (std::size_t i : m.removed) {
    sink.at(a.components[i].full_path())
        .emit(ChangeKind::kRemoved, "COMPONENT",
              describe_component(a.components[i]), std::nullopt);
  }
  for (std::size_t j : m.added) {
    sink.at(b.components[j].full_path())
        .emit(ChangeKind::kAdded, "COMPONENT", std::nullopt,
              describe_component(b.components[j]));
  }
}

}  // namespace

void diff_backup_components(std::vector<Change>& out, const BackupComponents& a,
                            const BackupComponents& b,
                            const WriterLabel& label) {
  DiffSink sink{&out, DocumentKind::kBackupComponents, {}, {}};
  diff_values(sink, field_values(a), field_values(b));
  diff_extras(sink, "BACKUP_COMPONENTS", a.extras, b.extras);
  std::vector<std::string> ka;
  std::vector<std::string> kb;
  for (const auto& w : a.writers) {
    ka.push_back(writer_key(w.writer_id, w.instance_name));
  }
  for (const auto& w : b.writers) {
    kb.push_back(writer_key(w.writer_id, w.instance_name));
  }
  const Matching m = match_keys(ka, kb);
  for (auto [i, j] : m.pairs) {
    if (a.writers[i] == b.writers[j]) continue;
    DiffSink w = sink;
    w.writer = label(b.writers[j]);
    diff_writer_components(w, a.writers[i], b.writers[j]);
  }
  auto describe_writer = [](const WriterComponents& w) {
    std::string text = w.writer_id.to_braced_string();
    if (w.instance_name) text += " \"" + *w.instance_name + "\"";
    text += ", " + count_of(w.components.size(), "component");
    return text;
  };
  for (std::size_t i : m.removed) {
    DiffSink w = sink;
    w.writer = label(a.writers[i]);
    w.emit(ChangeKind::kRemoved, "WRITER_COMPONENTS",
           describe_writer(a.writers[i]), std::nullopt);
    emit_components(w, a.writers[i], ChangeKind::kRemoved);
  }
  for (std::size_t j : m.added) {
    DiffSink w = sink;
    w.writer = label(b.writers[j]);
    w.emit(ChangeKind::kAdded, "WRITER_COMPONENTS", std::nullopt,
           describe_writer(b.writers[j]));
    emit_components(w, b.writers[j], ChangeKind::kAdded);
  }
}

}  // namespace vssmeta::internal
