// SPDX-License-Identifier: MIT
#include "vssmeta/dump.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

#include "render/dump_json.h"
#include "render/style.h"
#include "text/ascii.h"
#include "text/escape.h"
#include "text/xml_name.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/hierarchy.h"
#include "vssmeta/known_writers.h"

namespace vssmeta {
namespace internal {

std::vector<const WriterMetadata*> dump_order(const CaptureSet& capture) {
  using Key = std::tuple<std::string, std::string, std::string, std::size_t>;
  std::vector<std::pair<Key, const WriterMetadata*>> keyed;
  keyed.reserve(capture.writers.size());
  for (std::size_t i = 0; i < capture.writers.size(); ++i) {
    const WriterMetadata& w = capture.writers[i];
    const WriterIdentity& id = w.identity;
    // The load index makes the order total, so equal keys stay stable.
    keyed.emplace_back(
        Key{fold(w.display_name()), fold(id.instance_name.value_or("")),
            id.instance_id ? id.instance_id->to_string() : "", i},
        &w);
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const WriterMetadata*> out;
  out.reserve(keyed.size());
  for (const auto& entry : keyed) out.push_back(entry.second);
  return out;
}

}  // namespace internal

namespace {

using internal::Style;

// ---------------------------------------------------------------- helpers

// Printable ASCII needs no escaping: most names and paths are written as
// they are, without a copy.
bool is_printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c >= 0x20 && c < 0x7F; });
}

void append_escaped(std::string& out, std::string_view text) {
  if (is_printable_ascii(text)) {
    out += text;
  } else {
    out += internal::escape_control(text);
  }
}

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  append_escaped(out, text);
  out += '"';
}

std::string quoted(const std::string& text) {
  std::string out;
  append_quoted(out, text);
  return out;
}

const char* yes_no(bool value) { return value ? "yes" : "no"; }

template <typename E>
std::string enum_text(E value) {
  std::string_view xml = to_xml(value);
  if (xml.empty()) return fmt::format("?{}", static_cast<int>(value));
  return std::string(xml);
}

std::string braced(const Guid& id) { return id.to_braced_string(); }

// An enumeration field as dump shows it: its value, or the spelling the
// parser kept in `extras` because it knows none such, marked "(unknown)",
// rather than leaving the field out.
template <typename E>
std::optional<std::string> enum_field(const std::optional<E>& value,
                                      const Extras& extras,
                                      std::string_view attribute) {
  if (value) return enum_text(*value);
  for (const XmlAttribute& a : extras.attributes()) {
    if (a.name == attribute) {
      return internal::escape_control(a.value) + " (unknown)";
    }
  }
  return std::nullopt;
}

// `extras` without the attributes dump showed as fields (enum_field).
Extras without_shown(const Extras& extras,
                     std::initializer_list<std::string_view> shown) {
  Extras out = extras;
  auto& attrs = out.mutable_attributes();
  std::erase_if(attrs, [&](const XmlAttribute& a) {
    return std::find(shown.begin(), shown.end(), a.name) != shown.end();
  });
  return out;
}

// "VSS_CF_NOT_SYSTEM_STATE" -> "NOT_SYSTEM_STATE": the prefix is the same on
// every bit of a field and only lengthens the line.
std::string_view short_name(std::string_view vss_name) {
  if (vss_name.substr(0, 4) != "VSS_") return vss_name;
  std::size_t end = vss_name.find('_', 4);
  return end == std::string_view::npos ? vss_name : vss_name.substr(end + 1);
}

std::string describe_bits(std::uint32_t value, std::span<const BitName> bits) {
  std::string out = fmt::format("{:#x}", value);
  if (value == 0) return out;
  std::string names;
  std::uint32_t rest = value;
  for (const BitName& b : bits) {
    if (b.bit == 0 || (value & b.bit) != b.bit) continue;
    if (!names.empty()) names += '|';
    names += short_name(b.vss_name);
    rest &= ~b.bit;
  }
  if (rest != 0)
    names += fmt::format("{}{:#x}", names.empty() ? "" : "|", rest);
  return out + " (" + names + ")";
}

void append_thousands(std::string& out, std::size_t n) {
  char digits[24];
  const auto end = std::to_chars(std::begin(digits), std::end(digits), n).ptr;
  const auto size = static_cast<std::size_t>(end - digits);
  for (std::size_t i = 0; i < size; ++i) {
    if (i != 0 && (size - i) % 3 == 0) out += ',';
    out += digits[i];
  }
}

std::string with_thousands(std::size_t n) {
  std::string out;
  append_thousands(out, n);
  return out;
}

std::string counted(std::size_t n, std::string_view one,
                    std::string_view many) {
  std::string out;
  append_thousands(out, n);
  out += ' ';
  out += n == 1 ? one : many;
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// Terminal columns of escaped text: UTF-8 continuation bytes take none.
std::size_t columns(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string attributes_text(const std::vector<XmlAttribute>& attributes) {
  std::string out;
  for (const XmlAttribute& a : attributes) {
    if (internal::is_namespace_declaration(a.name)) continue;
    out += fmt::format(" {}={}", internal::escape_control(a.name),
                       quoted(a.value));
  }
  return out;
}

std::string slash_path(const std::optional<std::string>& logical_path,
                       const std::string& name) {
  if (!logical_path || logical_path->empty()) return "\\" + name;
  std::string out = "\\" + *logical_path;
  if (out.back() != '\\') out += '\\';
  return out + name;
}

std::string describe(const FileDescriptor& d) {
  std::string out = fmt::format("{} {} \\ {}", element_name(d.kind),
                                internal::escape_control(d.path),
                                internal::escape_control(d.filespec));
  if (d.is_recursive()) out += " (recursive)";
  if (d.alternate_path)
    out += " -> " + internal::escape_control(*d.alternate_path);
  // The default mask is on nearly every descriptor (19,000 times in the
  // System Writer); only a deviation is worth a column.
  if (d.backup_type_mask && *d.backup_type_mask != kDefaultFilespecBackupType) {
    out += " [backup type " +
           describe_bits(*d.backup_type_mask, filespec_backup_type_bits()) +
           "]";
  }
  return out;
}

// ---------------------------------------------------------------- printer

class Printer {
 public:
  Printer(const CaptureSet& capture, const DumpOptions& options,
          std::ostream& out)
      : capture_(capture),
        options_(options),
        out_(out),
        paint_(options.color) {}

  void run();

 private:
  std::string paint(internal::Style style, const std::string& text) const {
    return paint_(style, text);
  }
  // Lines collect in `buffer_`, written to `out_` a block at a time.
  void line(std::size_t indent, std::string_view text) {
    buffer_.append(indent, ' ');
    buffer_ += text;
    end_line();
  }
  void end_line() {
    buffer_ += '\n';
    if (buffer_.size() >= kBlock) flush();
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  static constexpr std::size_t kBlock = std::size_t{1} << 16;

  void extras(const Extras& x, std::size_t indent, std::string_view dash,
              std::string_view owner);
  void element(const XmlElement& e, std::size_t indent, std::string_view dash,
               const std::string& label);
  void descriptors(const std::vector<FileDescriptor>& list, std::size_t indent);

  void writer(const WriterMetadata& w);
  void writer_header(const WriterMetadata& w);
  void text_facts(const TextReconstruction& t);
  void node(const WriterMetadata& w, const HierarchyNode& n, std::size_t indent,
            std::size_t column, bool root);
  void component_summary(const Component& c, std::string& out);
  const std::string& flags_text(std::uint32_t flags);

  void backup_components(const BackupComponents& b);
  void bcd_writer(const WriterComponents& wc);
  void bcd_component(const BcdComponent& c, std::size_t indent);
  std::string writer_name(const WriterComponents& wc) const;
  void manifest(const CabManifest& m);
  void statuses(const std::vector<WriterStatus>& list);

  const CaptureSet& capture_;
  const DumpOptions& options_;
  std::ostream& out_;
  internal::Painter paint_;
  std::string buffer_;
  // The last component flags described: siblings mostly share theirs.
  std::optional<std::uint32_t> flags_;
  std::string flags_text_;
};

void Printer::run() {
  bool first = true;
  auto separate = [&] {
    if (!first) buffer_ += '\n';
    first = false;
  };
  for (const WriterMetadata* w : internal::dump_order(capture_)) {
    separate();
    writer(*w);
  }
  for (const BackupComponents& b : capture_.backup_components) {
    separate();
    backup_components(b);
  }
  if (capture_.manifest) {
    separate();
    manifest(*capture_.manifest);
  }
  if (!capture_.statuses.empty()) {
    separate();
    statuses(capture_.statuses);
  }
  flush();
}

// `owner` names the element for writer-level lines, where position alone
// would not say whose content it is; `dash` marks detail lines in the tree.
void Printer::extras(const Extras& x, std::size_t indent, std::string_view dash,
                     std::string_view owner) {
  if (x.empty()) return;
  std::string in = owner.empty() ? "" : fmt::format(" in {}", owner);
  std::string attrs = attributes_text(x.attributes());
  if (!attrs.empty()) {
    line(indent, paint(Style::kUnknown,
                       fmt::format("{}unknown{}:{}", dash, in, attrs)));
  }
  for (const XmlElement& e : x.elements()) {
    element(e, indent, dash, fmt::format("unknown element{}: ", in));
  }
  if (!x.text().empty()) {
    line(indent,
         paint(Style::kUnknown, fmt::format("{}unknown text{}: {}", dash, in,
                                            quoted(x.text()))));
  }
}

void Printer::element(const XmlElement& e, std::size_t indent,
                      std::string_view dash, const std::string& label) {
  std::string text =
      fmt::format("{}{}<{}{}>", dash, label, internal::escape_control(e.name),
                  attributes_text(e.attributes));
  if (!e.text.empty()) text += " text " + quoted(e.text);
  line(indent, paint(Style::kUnknown, text));
  for (const XmlElement& child : e.children) {
    element(child, indent + 2, "- ", "");
  }
}

// Without --files only descriptors carrying unknown content are listed, so
// that nothing is hidden while the System Writer stays a few lines long.
void Printer::descriptors(const std::vector<FileDescriptor>& list,
                          std::size_t indent) {
  std::size_t shown = 0;
  for (const FileDescriptor& d : list) {
    if (!options_.files && d.extras.empty()) continue;
    if (options_.files && options_.max_files != 0 &&
        shown == options_.max_files) {
      line(indent, fmt::format("- ... and {} more",
                               with_thousands(list.size() - shown)));
      return;
    }
    ++shown;
    line(indent, "- " + describe(d));
    extras(d.extras, indent + 2, "- ", "");
  }
}

void Printer::writer(const WriterMetadata& w) {
  writer_header(w);
  const ComponentTree tree = build_component_tree(w);
  // One name column for the whole tree. Names wider than kMaxColumn (volume
  // GUIDs) do not count: they overflow alone instead of pushing every line
  // of the tree to the right.
  constexpr std::size_t kMaxColumn = 40;
  std::size_t widest = 0;
  auto measure = [&](auto& self, const HierarchyNode& n, std::size_t indent,
                     bool root) -> void {
    const std::size_t used = indent +
                             (is_printable_ascii(n.name)
                                  ? n.name.size()
                                  : columns(internal::escape_control(n.name))) +
                             (root ? 1 : 0);
    if (used <= kMaxColumn) widest = std::max(widest, used);
    for (const HierarchyNode& c : n.children) self(self, c, indent + 2, false);
  };
  for (const HierarchyNode& r : tree.roots) measure(measure, r, 4, true);
  const std::size_t column = widest + 2;
  for (const HierarchyNode& r : tree.roots) node(w, r, 4, column, true);
  if (w.from_text) text_facts(*w.from_text);
}

// What diskshadow's text said beyond the WMD's fields, per component.
void Printer::text_facts(const TextReconstruction& t) {
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

void Printer::writer_header(const WriterMetadata& w) {
  const WriterIdentity& id = w.identity;
  std::string head = id.friendly_name
                         ? "Writer " + quoted(*id.friendly_name)
                         : std::string("Writer (no friendly name)");
  const bool id_unknown = w.from_text && !w.from_text->writer_id_known;
  head += "  " + (id_unknown ? std::string("{writer id not in the text}")
                             : braced(id.writer_id));
  if (!w.source.name.empty())
    head += "  (" + internal::escape_control(w.source.name) + ")";
  line(0, paint(Style::kHeading, head));
  if (w.from_text) {
    line(2, paint(Style::kCaution,
                  fmt::format("reconstructed from text (line {}): only what "
                              "diskshadow printed is known",
                              w.from_text->where.line)));
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

const std::string& Printer::flags_text(std::uint32_t flags) {
  if (flags_ != flags) {
    flags_ = flags;
    flags_text_ = describe_bits(flags, component_flag_bits());
  }
  return flags_text_;
}

void Printer::component_summary(const Component& c, std::string& out) {
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

void Printer::node(const WriterMetadata& w, const HierarchyNode& n,
                   std::size_t indent, std::size_t column, bool root) {
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
  for (std::size_t k = 0; k < n.components.size(); ++k) {
    const Component& c = w.components[n.components[k]];
    begin_line();
    component_summary(c, buffer_);
    if (k > 0) {
      buffer_ += "  ";
      buffer_ += paint(Style::kProblem, "(duplicate)");
    }
    end_line();
    for (const Dependency& d : c.dependencies) {
      line(indent + 2, "- depends on " + braced(d.writer_id) + ":" +
                           internal::escape_control(
                               slash_path(d.logical_path, d.component_name)));
      extras(d.extras, indent + 4, "- ", "");
    }
    descriptors(c.files, indent + 2);
    extras(c.extras, indent + 2, "- ", "");
  }
  for (const HierarchyNode& child : n.children) {
    node(w, child, indent + 2, column, false);
  }
}

void Printer::backup_components(const BackupComponents& b) {
  std::string head = "Backup components document";
  if (!b.source.name.empty())
    head += " (" + internal::escape_control(b.source.name) + ")";
  line(0, paint(Style::kHeading, head));
  std::vector<std::string> parts;
  if (auto v = enum_field(b.backup_type, b.extras, "backupType")) {
    parts.push_back("backup type: " + *v);
  }
  if (auto v = enum_field(b.restore_type, b.extras, "restoreType")) {
    parts.push_back("restore type: " + *v);
  }
  if (b.select_components) {
    parts.push_back(
        fmt::format("select components: {}", yes_no(*b.select_components)));
  }
  if (b.bootable_system_state_backup) {
    parts.push_back(fmt::format("bootable system state: {}",
                                yes_no(*b.bootable_system_state_backup)));
  }
  if (b.partial_file_support) {
    parts.push_back(fmt::format("partial file support: {}",
                                yes_no(*b.partial_file_support)));
  }
  if (b.is_restore_time()) parts.emplace_back("(restore time)");
  if (!parts.empty()) line(2, join(parts, "  "));
  if (b.snapshot_set_id) line(2, "snapshot set: " + braced(*b.snapshot_set_id));
  std::size_t components = 0;
  for (const WriterComponents& wc : b.writers)
    components += wc.components.size();
  line(2, fmt::format("writers: {}, components: {}", b.writers.size(),
                      components));
  extras(without_shown(b.extras, {"backupType", "restoreType"}), 2, "",
         "BACKUP_COMPONENTS");
  for (const WriterComponents& wc : b.writers) bcd_writer(wc);
}

// The BCD names writers by class id only; the friendly name comes from the
// WMD the entry refers to (resolve_writer_entry).
std::string Printer::writer_name(const WriterComponents& wc) const {
  const auto match = resolve_writer_entry(capture_.writers, wc);
  if (!match) {
    const KnownWriter* known = find_known_writer(wc.writer_id);
    return (known ? quoted(std::string(known->name)) + " " : std::string()) +
           paint(Style::kMuted, "(no WMD in this capture)");
  }
  return quoted(capture_.writers[match->writer].display_name());
}

void Printer::bcd_writer(const WriterComponents& wc) {
  std::vector<std::string> parts{
      paint(Style::kHeading, "Writer " + braced(wc.writer_id)) + " " +
      writer_name(wc)};
  if (wc.instance_id) parts.push_back("instance: " + braced(*wc.instance_id));
  if (wc.instance_name) parts.push_back("name: " + quoted(*wc.instance_name));
  if (wc.backup_schema) {
    parts.push_back("backup schema: " +
                    describe_bits(*wc.backup_schema, backup_schema_bits()));
  }
  line(2, join(parts, "  "));
  extras(wc.extras, 4, "- ", "");
  for (const BcdComponent& c : wc.components) bcd_component(c, 4);
}

void Printer::bcd_component(const BcdComponent& c, std::size_t indent) {
  std::string head =
      internal::escape_control(slash_path(c.logical_path, c.name));
  if (c.type) head += "  [" + enum_text(*c.type) + "]";
  if (c.caption) head += "  " + quoted(*c.caption);
  line(indent, head);
  const std::size_t d = indent + 2;
  auto text = [&](std::string_view label, const std::optional<std::string>& v,
                  std::optional<Style> style = std::nullopt) {
    if (!v) return;
    std::string s = fmt::format("- {}: {}", label, quoted(*v));
    line(d, style ? paint(*style, s) : s);
  };
  auto flag = [&](std::string_view label, const std::optional<bool>& v) {
    if (v) line(d, fmt::format("- {}: {}", label, yes_no(*v)));
  };
  auto choice = [&](std::string_view label, const auto& v) {
    if (v) line(d, fmt::format("- {}: {}", label, enum_text(*v)));
  };
  auto blob = [&](std::string_view label,
                  const std::optional<MetadataBlob>& v) {
    if (!v) return;
    line(d,
         fmt::format("- {}: {} chars", label, with_thousands(v->value.size())));
    extras(v->extras, d + 2, "- ", "");
  };
  text("backup stamp", c.backup_stamp);
  text("previous backup stamp", c.previous_backup_stamp);
  text("backup options", c.backup_options);
  text("restore options", c.restore_options);
  flag("backup succeeded", c.backup_succeeded);
  flag("selected for restore", c.selected_for_restore);
  flag("additional restores", c.additional_restores);
  choice("restore target", c.restore_target);
  choice("file restore status", c.file_restore_status);
  text("restore name", c.restore_name);
  flag("authoritative restore", c.authoritative_restore);
  choice("roll forward type", c.roll_forward_type);
  text("roll forward point", c.roll_forward_point);
  text("prepare for backup failure", c.prepare_for_backup_failure_message,
       Style::kProblem);
  text("post snapshot failure", c.post_snapshot_failure_message,
       Style::kProblem);
  text("pre restore failure", c.pre_restore_failure_message, Style::kProblem);
  text("post restore failure", c.post_restore_failure_message, Style::kProblem);
  blob("BACKUP_METADATA", c.backup_metadata);
  blob("RESTORE_METADATA", c.restore_metadata);
  for (const PartialFile& p : c.partial_files) {
    std::string s =
        fmt::format("- PARTIAL_FILE {} \\ {}", internal::escape_control(p.path),
                    internal::escape_control(p.filename));
    if (p.ranges) s += " ranges " + quoted(*p.ranges);
    if (p.metadata)
      s += " metadata " + with_thousands(p.metadata->size()) + " chars";
    line(d, s);
    extras(p.extras, d + 2, "- ", "");
  }
  for (const DifferencedFile& f : c.differenced_files) {
    std::string s = fmt::format("- DIFFERENCED_FILE {} \\ {}",
                                internal::escape_control(f.path),
                                internal::escape_control(f.filespec));
    if (f.recursive.value_or(false)) s += " (recursive)";
    if (f.lsn) s += " lsn " + quoted(*f.lsn);
    if (f.last_modify_time)
      s += " last modified " + quoted(*f.last_modify_time);
    line(d, s);
    extras(f.extras, d + 2, "- ", "");
  }
  for (const DirectedTarget& t : c.directed_targets) {
    line(d, fmt::format(
                "- DIRECTED_TARGET {} \\ {} ranges {} -> {} \\ {} ranges {}",
                internal::escape_control(t.source_path),
                internal::escape_control(t.source_filename),
                quoted(t.source_ranges),
                internal::escape_control(t.destination_path),
                internal::escape_control(t.destination_filename),
                quoted(t.destination_ranges)));
    extras(t.extras, d + 2, "- ", "");
  }
  // BCD lists are short and are the point of a restore review: always shown.
  for (const auto* list : {&c.new_targets, &c.alternate_location_mappings}) {
    for (const FileDescriptor& f : *list) {
      line(d, "- " + describe(f));
      extras(f.extras, d + 2, "- ", "");
    }
  }
  for (const RestoreSubcomponent& s : c.restore_subcomponents) {
    std::string t =
        "- RESTORE_SUBCOMPONENT " +
        internal::escape_control(slash_path(s.logical_path, s.component_name));
    if (s.repair) t += fmt::format(" (repair: {})", yes_no(*s.repair));
    line(d, t);
    extras(s.extras, d + 2, "- ", "");
  }
  extras(c.extras, d, "- ", "");
}

void Printer::manifest(const CabManifest& m) {
  std::vector<std::string> parts;
  if (m.machine_name) parts.push_back("machine " + quoted(*m.machine_name));
  if (m.shadow_copy_set_id) {
    parts.push_back("shadow copy set " + braced(*m.shadow_copy_set_id));
  }
  if (m.backup_components_file) {
    parts.push_back("backup components " + quoted(*m.backup_components_file));
  }
  parts.push_back(counted(m.writers.size(), "writer", "writers"));
  line(0, fmt::format("Manifest ({}): {}", internal::escape_control(m.file),
                      join(parts, ", ")));
}

// One heading per status text, then a line per writer.
void Printer::statuses(const std::vector<WriterStatus>& list) {
  std::size_t i = 0;
  while (i < list.size()) {
    const std::string& file =
        list[i].printed ? list[i].printed->where.file : std::string();
    std::size_t end = i;
    std::size_t failed = 0;
    while (end < list.size() &&
           (list[end].printed ? list[end].printed->where.file
                              : std::string()) == file) {
      if (is_failed(list[end])) ++failed;
      ++end;
    }
    if (i > 0) buffer_ += '\n';
    line(0, paint(Style::kHeading,
                  fmt::format("Writer status ({}): {}, {} failed",
                              internal::escape_control(file),
                              counted(end - i, "writer", "writers"), failed)));
    for (; i < end; ++i) {
      const WriterStatus& s = list[i];
      std::string text =
          fmt::format("- {} {} (instance {}): [{}] {}", quoted(s.writer_name),
                      braced(s.writer_id), braced(s.instance_id),
                      static_cast<std::uint32_t>(s.state), to_string(s.state));
      if (s.printed && !s.printed->failure_known) {
        text += ", last error " + quoted(s.printed->last_error) +
                " (as printed; failure code unknown)";
      } else {
        text += ", last error " + (s.failure == 0 ? std::string("none")
                                                  : format_hresult(s.failure));
      }
      if (s.printed) {
        text += fmt::format(" [line {}]", s.printed->where.line);
      }
      line(2, is_failed(s) ? paint(Style::kProblem, text) : text);
    }
  }
}

}  // namespace

void write_dump(const CaptureSet& capture, std::ostream& out,
                const DumpOptions& options) {
  if (options.format == DumpFormat::kJson) {
    internal::write_dump_json(capture, out, options);
    return;
  }
  // Same rule as the JSON form: the options' filters always apply.
  if (!options.writers.empty() || !options.components.empty()) {
    Printer(filter_capture(capture, options), options, out).run();
    return;
  }
  Printer(capture, options, out).run();
}

}  // namespace vssmeta
