// SPDX-License-Identifier: MIT
// dump's text form of a writer: header, restore method, component tree.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "render/dump_printer.h"
#include "render/dump_text.h"
#include "text/escape.h"

namespace vssmeta::internal {

using namespace dump_text;  // NOLINT(google-build-using-namespace)

void DumpPrinter::writer(const WriterMetadata& w) {
  writer_header(w);
  const FlatHierarchy tree = build_flat_hierarchy(w);
  // One name column for the whole tree. Names wider than kMaxColumn (volume
  // GUIDs) do not count: they overflow alone instead of pushing every line
  // of the tree to the right.
  constexpr std::size_t kMaxColumn = 40;
  // Nodes in the order they are numbered (parents first, names in the
  // order the writer's memory holds them), not in the tree's name order:
  // each node's depth from its parent's.
  std::size_t widest = 0;
  std::vector<std::uint32_t> depth(tree.nodes.size(), 0);
  for (std::uint32_t v = 0; v < tree.nodes.size(); ++v) {
    for (std::uint32_t c : tree.children_of(v)) depth[c] = depth[v] + 1;
    if (v == FlatHierarchy::kTop) continue;
    const std::string_view name = tree.nodes[v].name;
    // Roots are written with a leading `\`, at indent 4.
    const std::size_t used =
        2 + 2 * std::size_t{depth[v]} +
        (is_printable_ascii(name) ? name.size()
                                  : columns(escape_control(name))) +
        (depth[v] == 1 ? 1 : 0);
    if (used <= kMaxColumn) widest = std::max(widest, used);
  }
  const std::size_t column = widest + 2;
  for (std::uint32_t r : tree.children_of(FlatHierarchy::kTop)) {
    node(w, tree, r, 4, column, true);
  }
  if (w.from_text) text_facts(*w.from_text);
}

// What diskshadow's text said beyond the WMD's fields, per component.
void DumpPrinter::text_facts(const TextReconstruction& t) {
  for (const TextComponentFacts& f : t.components) {
    std::vector<std::string> parts;
    if (f.top_level)
      parts.push_back(std::string("top level: ") + yes_no(*f.top_level));
    auto list = [](const std::vector<std::string>& items) {
      std::vector<std::string> out;
      out.reserve(items.size());
      for (const std::string& i : items) out.push_back(quoted(i));
      return join(out, ", ");
    };
    if (!f.paths_affected.empty()) {
      parts.push_back("paths affected: " + list(f.paths_affected));
    }
    if (!f.volumes_affected.empty()) {
      parts.push_back("volumes affected: " + list(f.volumes_affected));
    }
    if (parts.empty()) continue;
    line(2,
         fmt::format("text on {}: {}", quoted(f.full_path), join(parts, "; ")));
  }
}

void DumpPrinter::writer_header(const WriterMetadata& w) {
  const WriterIdentity& id = w.identity;
  std::string head = id.friendly_name
                         ? "Writer " + quoted(*id.friendly_name)
                         : std::string("Writer (no friendly name)");
  head += "  " + writer_id_text(w);
  if (!w.source.name.empty())
    head += "  (" + escape_control(w.source.name) + ")";
  line(0, paint(Style::kHeading, head));
  if (w.from_text) {
    line(2, paint(Style::kCaution,
                  reconstructed_from_text_note(w.from_text->where)));
  }

  std::vector<std::string> parts;
  if (id.instance_id) parts.push_back("instance: " + braced(*id.instance_id));
  if (id.instance_name) parts.push_back("name: " + quoted(*id.instance_name));
  if (!parts.empty()) line(2, join(parts, "  "));

  parts.clear();
  if (auto v = enum_field(id.usage, id.extras, "usage")) {
    parts.push_back("usage: " + *v);
  }
  if (auto v = enum_field(id.data_source, id.extras, "dataSource")) {
    parts.push_back("data source: " + *v);
  }
  if (id.major_version || id.minor_version) {
    auto number = [](const std::optional<std::uint32_t>& v) {
      return v ? std::to_string(*v) : std::string("?");
    };
    parts.push_back(fmt::format("version: {}.{}", number(id.major_version),
                                number(id.minor_version)));
  }
  if (w.backup_schema) {
    parts.push_back("backup schema: " +
                    describe_bits(*w.backup_schema, backup_schema_bits()));
  }
  if (!parts.empty()) line(2, join(parts, "  "));
  extras(w.extras, 2, "", "WRITER_METADATA");
  extras(without_shown(id.extras, {"usage", "dataSource"}), 2, "",
         "IDENTIFICATION");

  if (!w.restore_method) {
    line(2, w.from_text ? "restore: (not in the text)"
                        : "restore: (no RESTORE_METHOD)");
  } else {
    const RestoreMethod& r = *w.restore_method;
    parts.clear();
    if (auto v = enum_field(r.method, r.extras, "method")) {
      parts.push_back("method " + *v);
    }
    if (auto v = enum_field(r.writer_restore, r.extras, "writerRestore")) {
      parts.push_back("writer restore " + *v);
    }
    if (r.reboot_required) {
      parts.push_back(
          fmt::format("reboot required {}", yes_no(*r.reboot_required)));
    }
    if (r.service) parts.push_back("service " + quoted(*r.service));
    if (r.user_procedure)
      parts.push_back("user procedure " + quoted(*r.user_procedure));
    if (!r.alternate_location_mappings.empty()) {
      parts.push_back(fmt::format("alternate location mappings: {}",
                                  r.alternate_location_mappings.size()));
    }
    line(2,
         "restore: " + (parts.empty()
                            ? std::string("(RESTORE_METHOD without attributes)")
                            : join(parts, ", ")));
    extras(without_shown(r.extras, {"method", "writerRestore"}), 2, "",
           "RESTORE_METHOD");
    descriptors(r.alternate_location_mappings, 4);
  }

  parts.clear();
  if (!w.exclude_files.empty()) {
    parts.push_back(fmt::format("exclude files: {}", w.exclude_files.size()));
  }
  if (!w.exclude_from_snapshot.empty()) {
    parts.push_back(fmt::format("exclude from snapshot: {}",
                                w.exclude_from_snapshot.size()));
  }
  if (!parts.empty()) line(2, join(parts, ", "));
  descriptors(w.exclude_files, 4);
  descriptors(w.exclude_from_snapshot, 4);

  std::size_t selectable = 0;
  std::size_t files = 0;
  for (const Component& c : w.components) {
    if (c.is_selectable()) ++selectable;
    files += c.files.size();
  }
  if (!w.has_backup_locations) {
    line(2, w.from_text ? "components: 0 (none in the text)"
                        : "components: 0 (no BACKUP_LOCATIONS)");
  } else {
    line(2, fmt::format("components: {} ({} selectable), files: {}",
                        with_thousands(w.components.size()),
                        with_thousands(selectable), with_thousands(files)));
  }
  extras(w.backup_locations_extras, 2, "", "BACKUP_LOCATIONS");
}

const std::string& DumpPrinter::flags_text(std::uint32_t flags) {
  if (flags_ != flags) {
    flags_ = flags;
    flags_text_ = describe_bits(flags, component_flag_bits());
  }
  return flags_text_;
}

void DumpPrinter::component_summary(const Component& c, std::string& out) {
  out += '[';
  out += enum_text(c.type);
  out += ", ";
  if (c.is_selectable()) {
    out += "selectable";
  } else {
    out += paint(Style::kCaution, "not selectable");
  }
  auto tag = [&](std::string_view text) {
    out += ", ";
    out += text;
  };
  if (c.is_selectable_for_restore()) tag("selectable for restore");
  if (c.notify_on_backup_complete.value_or(false)) {
    tag("notify on backup complete");
  }
  if (c.restore_metadata.value_or(false)) tag("restore metadata");
  if (c.flags() != 0) {
    tag("flags ");
    out += flags_text(c.flags());
  }
  if (c.icon) {
    tag("icon ");
    append_thousands(out, c.icon->size());
    out += " chars";
  }
  out += ']';
  if (c.caption) {
    out += "  ";
    append_quoted(out, *c.caption);
  }

  std::size_t lists = 0;
  std::size_t databases = 0;
  std::size_t logs = 0;
  std::size_t other = 0;
  for (const FileDescriptor& d : c.files) {
    switch (d.kind) {
      case FileDescriptorKind::kFileList:
        ++lists;
        break;
      case FileDescriptorKind::kDatabaseFiles:
        ++databases;
        break;
      case FileDescriptorKind::kDatabaseLogFiles:
        ++logs;
        break;
      default:
        ++other;
        break;
    }
  }
  out += "  ";
  bool any = false;
  auto count = [&](std::size_t n, std::string_view one, std::string_view many) {
    if (n == 0) return;
    if (any) out += ", ";
    any = true;
    append_thousands(out, n);
    out += ' ';
    out += n == 1 ? one : many;
  };
  count(lists, "file", "files");
  count(databases, "database file", "database files");
  count(logs, "database log", "database logs");
  count(other, "other", "others");
  if (!any) out += paint(Style::kCaution, "no files");
}

void DumpPrinter::node(const WriterMetadata& w, const FlatHierarchy& tree,
                       std::uint32_t v, std::size_t indent, std::size_t column,
                       bool root) {
  const FlatHierarchy::Node& n = tree.nodes[v];
  std::string name = root ? "\\" : "";
  append_escaped(name, n.name);
  const std::size_t used = indent + columns(name);
  const std::size_t pad = used + 2 <= column ? column - used : 2;
  auto begin_line = [&] {
    buffer_.append(indent, ' ');
    buffer_ += name;
    buffer_.append(pad, ' ');
  };
  if (!n.declared()) {
    begin_line();
    buffer_ += paint(Style::kMuted, "(undeclared)");
    end_line();
  }
  const auto components = tree.components_of(v);
  for (std::size_t k = 0; k < components.size(); ++k) {
    const Component& c = w.components[components[k]];
    begin_line();
    component_summary(c, buffer_);
    if (k > 0) {
      buffer_ += "  ";
      buffer_ += paint(Style::kProblem, "(duplicate)");
    }
    end_line();
    for (const Dependency& d : c.dependencies) {
      line(indent + 2,
           "- depends on " + braced(d.writer_id) + ":" +
               escape_control(slash_path(d.logical_path, d.component_name)));
      extras(d.extras, indent + 4, "- ", "");
    }
    descriptors(c.files, indent + 2);
    extras(c.extras, indent + 2, "- ", "");
  }
  for (std::uint32_t child : tree.children_of(v)) {
    node(w, tree, child, indent + 2, column, false);
  }
}

}  // namespace vssmeta::internal
