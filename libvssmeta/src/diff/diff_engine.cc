// SPDX-License-Identifier: MIT
#include "diff/diff_engine.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <type_traits>

#include <fmt/format.h>

#include "model/model_fields.h"
#include "paths/windows_path.h"
#include "semantics/file_sets.h"
#include "text/ascii.h"
#include "text/xml_name.h"
#include "vssmeta/enums.h"

namespace vssmeta::internal {

Change& DiffSink::emit(ChangeKind kind, std::string field,
                       std::optional<std::string> before,
                       std::optional<std::string> after) const {
  Change& c = out->emplace_back();
  c.kind = kind;
  c.document = document;
  c.writer = writer;
  c.component = component;
  c.field = std::move(field);
  c.before = std::move(before);
  c.after = std::move(after);
  return c;
}

DiffSink DiffSink::at(std::string component_path) const {
  DiffSink s = *this;
  s.component = std::move(component_path);
  return s;
}

namespace {

// Attributes with a documented default: absent reads as the default, so
// writing the default out is not a change.
std::optional<std::string> default_of(std::string_view name) {
  static const std::map<std::string_view, std::string_view> kDefaults = {
      {"selectable", "no"},
      {"selectableForRestore", "no"},
      {"recursive", "no"},
      {"rebootRequired", "no"},
      {"selectedForRestore", "no"},
      {"additionalRestores", "no"},
      {"restoreMetadata", "no"},
      {"notifyOnBackupComplete", "no"},
      {"componentFlags", "0x0"},
      {"backupSchema", "0x0"},
      {"filespecBackupType", "0xf0f"},
  };
  auto it = kDefaults.find(name);
  if (it == kDefaults.end()) return std::nullopt;
  return std::string(it->second);
}

bool is_bit_field(std::string_view name) {
  return name == "componentFlags" || name == "backupSchema" ||
         name == "filespecBackupType";
}

struct Collector {
  FieldValues values;

  void operator()(const char* name, const std::string& v) {
    values.emplace_back(name, v);
  }
  void operator()(const char* name, const Guid& v) {
    values.emplace_back(name, v.to_braced_string());
  }
  void operator()(const char* name, const OptionalString& v) {
    values.emplace_back(name,
                        v ? std::optional<std::string>(*v) : default_of(name));
  }
  template <typename T>
  void operator()(const char* name, const std::optional<T>& v) {
    if (!v) {
      values.emplace_back(name, default_of(name));
    } else if constexpr (std::is_same_v<T, Guid>) {
      values.emplace_back(name, v->to_braced_string());
    } else if constexpr (std::is_same_v<T, bool>) {
      values.emplace_back(name, *v ? "yes" : "no");
    } else if constexpr (std::is_enum_v<T>) {
      values.emplace_back(name, std::string(to_xml(*v)));
    } else if constexpr (std::is_same_v<T, std::uint32_t>) {
      values.emplace_back(name, is_bit_field(name) ? fmt::format("{:#x}", *v)
                                                   : std::to_string(*v));
    } else {
      values.emplace_back(name, *v);
    }
  }
};

template <typename T>
FieldValues collect(const T& x) {
  Collector c;
  visit_fields(c, x);
  return std::move(c.values);
}

}  // namespace

FieldValues field_values(const WriterMetadata& x) { return collect(x); }
FieldValues field_values(const WriterIdentity& x) { return collect(x); }
FieldValues field_values(const RestoreMethod& x) { return collect(x); }
FieldValues field_values(const Component& x) { return collect(x); }
FieldValues field_values(const Dependency& x) { return collect(x); }
FieldValues field_values(const BackupComponents& x) { return collect(x); }
FieldValues field_values(const WriterComponents& x) { return collect(x); }
FieldValues field_values(const BcdComponent& x) { return collect(x); }
FieldValues field_values(const MetadataBlob& x) { return collect(x); }
FieldValues field_values(const PartialFile& x) { return collect(x); }
FieldValues field_values(const DifferencedFile& x) { return collect(x); }
FieldValues field_values(const DirectedTarget& x) { return collect(x); }
FieldValues field_values(const RestoreSubcomponent& x) { return collect(x); }

void diff_values(const DiffSink& sink, const FieldValues& a,
                 const FieldValues& b,
                 std::initializer_list<std::string_view> skip) {
  // Both lists come from the same field table: same names, same order.
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i].second == b[i].second) continue;
    const std::string_view name = a[i].first;
    if (std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
    sink.emit(ChangeKind::kModified, std::string(name), a[i].second,
              b[i].second);
  }
}

namespace {

std::string canonical_attributes(const std::vector<XmlAttribute>& attrs) {
  std::vector<std::string> parts;
  for (const XmlAttribute& a : attrs) {
    if (is_namespace_declaration(a.name)) continue;
    parts.push_back(fmt::format(" {}=\"{}\"", a.name, a.value));
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

std::vector<std::string> canonical_elements(
    const std::vector<XmlElement>& elements) {
  std::vector<std::string> out;
  out.reserve(elements.size());
  for (const XmlElement& e : elements) out.push_back(canonical(e));
  std::sort(out.begin(), out.end());
  return out;
}

std::string element_name(const std::string& canonical_text) {
  const auto end = canonical_text.find_first_of(" />", 1);
  return canonical_text.substr(1, end - 1);
}

}  // namespace

std::string canonical(const XmlElement& e) {
  std::string out = "<" + e.name + canonical_attributes(e.attributes);
  if (e.children.empty() && e.text.empty()) return out + "/>";
  out += ">";
  for (const auto& c : canonical_elements(e.children)) out += c;
  out += e.text;
  return out + "</" + e.name + ">";
}

void diff_extras(const DiffSink& sink, std::string_view element,
                 const Extras& a, const Extras& b) {
  if (a == b) return;
  std::map<std::string,
           std::pair<std::optional<std::string>, std::optional<std::string>>>
      attrs;
  for (const XmlAttribute& x : a.attributes()) {
    if (!is_namespace_declaration(x.name)) attrs[x.name].first = x.value;
  }
  for (const XmlAttribute& x : b.attributes()) {
    if (!is_namespace_declaration(x.name)) attrs[x.name].second = x.value;
  }
  for (const auto& [name, values] : attrs) {
    if (values.first == values.second) continue;
    const ChangeKind kind = !values.first    ? ChangeKind::kAdded
                            : !values.second ? ChangeKind::kRemoved
                                             : ChangeKind::kModified;
    sink.emit(kind, fmt::format("{}@{}", element, name), values.first,
              values.second);
  }
  const auto ea = canonical_elements(a.elements());
  const auto eb = canonical_elements(b.elements());
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < ea.size() || j < eb.size()) {
    if (j == eb.size() || (i < ea.size() && ea[i] < eb[j])) {
      sink.emit(ChangeKind::kRemoved,
                fmt::format("{}/{}", element, element_name(ea[i])), ea[i],
                std::nullopt);
      ++i;
    } else if (i == ea.size() || eb[j] < ea[i]) {
      sink.emit(ChangeKind::kAdded,
                fmt::format("{}/{}", element, element_name(eb[j])),
                std::nullopt, eb[j]);
      ++j;
    } else {
      ++i;
      ++j;
    }
  }
  if (a.text() != b.text()) {
    auto text = [](const Extras& x) {
      return x.text().empty() ? std::nullopt
                              : std::optional<std::string>(x.text());
    };
    sink.emit(ChangeKind::kModified, fmt::format("{}#text", element), text(a),
              text(b));
  }
}

std::string describe(const FieldValues& values, const Extras& extras) {
  std::string out;
  for (const auto& [name, value] : values) {
    if (!value) continue;
    if (!out.empty()) out += ' ';
    out += fmt::format("{}=\"{}\"", name, *value);
  }
  if (!extras.empty()) {
    out += canonical_attributes(extras.attributes());
    for (const auto& e : canonical_elements(extras.elements())) out += e;
    out += extras.text();
  }
  return out;
}

std::string describe(const FileDescriptor& f) {
  std::string out = file_pattern(f.path, f.filespec);
  if (f.is_recursive()) out += " (recursive)";
  if (f.alternate_path) out += " -> " + *f.alternate_path;
  if (f.backup_type_mask_or_default() != kDefaultFilespecBackupType) {
    out += fmt::format(" [filespecBackupType={:#x}]",
                       f.backup_type_mask_or_default());
  }
  if (!f.extras.empty()) {
    out += " {" + describe(FieldValues{}, f.extras) + " }";
  }
  return out;
}

namespace {

// A trailing backslash does not change what a path names.
std::string_view trimmed(std::string_view path) {
  while (path.size() > 1 && (path.back() == '\\' || path.back() == '/')) {
    path.remove_suffix(1);
  }
  return path;
}

bool same_descriptor(const FileDescriptor& a, const FileDescriptor& b) {
  return trimmed(a.path) == trimmed(b.path) && a.filespec == b.filespec &&
         a.is_recursive() == b.is_recursive() &&
         a.alternate_path == b.alternate_path &&
         a.backup_type_mask_or_default() == b.backup_type_mask_or_default() &&
         a.extras == b.extras;
}

// The matching key of a descriptor: path key (paths/windows_path.h), kind
// and, when `with_spec`, folded filespec and recursive flag: the file set's
// identity plus its kind. Written into `out`, whose storage is reused: no
// allocation per descriptor. The byte layout fixes the order of the diff's
// leftovers: keep it.
void descriptor_key(const FileDescriptor& f, bool with_spec, std::string& out) {
  out.clear();
  append_path_key(f.path, out);
  out.push_back('\0');
  out.push_back(static_cast<char>('A' + static_cast<int>(f.kind)));
  if (!with_spec) return;
  out.push_back('\0');
  append_folded(f.filespec, out);
  out.push_back(f.is_recursive() ? 'r' : '-');
}

// A hash of each descriptor's key: its file set's (semantics/file_sets.h,
// which reads the strings a word at a time instead of building the key)
// and its kind. Equal keys hash alike.
std::vector<std::uint32_t> descriptor_hashes(
    const std::vector<FileDescriptor>& v) {
  std::vector<std::uint32_t> out;
  out.reserve(v.size());
  for (const FileDescriptor& f : v) {
    out.push_back(file_set_hash(f) ^
                  (static_cast<std::uint32_t>(f.kind) * 0x9E3779B9U));
  }
  return out;
}

// Coarse keys (kind and path) of the leftovers only; "" elsewhere.
std::vector<std::string> leftover_keys(const std::vector<FileDescriptor>& v,
                                       const std::vector<std::size_t>& which) {
  std::vector<std::string> out(v.size());
  for (std::size_t i : which) descriptor_key(v[i], false, out[i]);
  return out;
}

}  // namespace

void diff_descriptors(const DiffSink& sink,
                      const std::vector<FileDescriptor>& a,
                      const std::vector<FileDescriptor>& b) {
  // Fast path: the same list, element by element (the common case).
  if (a.size() == b.size()) {
    bool same = true;
    for (std::size_t i = 0; same && i < a.size(); ++i) {
      same = a[i].kind == b[i].kind && same_descriptor(a[i], b[i]);
    }
    if (same) return;
  }
  auto key = [&](bool old_side, std::size_t i) {
    std::string k;
    descriptor_key(old_side ? a[i] : b[i], true, k);
    return k;
  };
  // Unchanged entries are spelled alike: no normalising needed to confirm.
  auto equal = [&](std::size_t i, std::size_t j) {
    const FileDescriptor& x = a[i];
    const FileDescriptor& y = b[j];
    if (x.kind == y.kind && x.is_recursive() == y.is_recursive() &&
        x.path == y.path && x.filespec == y.filespec) {
      return true;
    }
    return key(true, i) == key(false, j);
  };
  Matching m =
      match_hashed(descriptor_hashes(a), descriptor_hashes(b), equal, key);
  auto changed =
      pair_unique(m, leftover_keys(a, m.removed), leftover_keys(b, m.added));
  // The pairs come in hash order; comparing them in document order reads
  // both lists front to back instead of jumping around (the changes are
  // sorted in the end, whatever the order they are found in).
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> partner(a.size(), kNone);
  for (auto [i, j] : m.pairs) partner[i] = j;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t j = partner[i];
    if (j == kNone || same_descriptor(a[i], b[j])) continue;
    changed.emplace_back(i, j);
  }
  for (auto [i, j] : changed) {
    sink.emit(ChangeKind::kModified, element_name(b[j].kind), describe(a[i]),
              describe(b[j]))
        .directory = b[j].path;
  }
  for (std::size_t i : m.removed) {
    sink.emit(ChangeKind::kRemoved, element_name(a[i].kind), describe(a[i]),
              std::nullopt)
        .directory = a[i].path;
  }
  for (std::size_t j : m.added) {
    sink.emit(ChangeKind::kAdded, element_name(b[j].kind), std::nullopt,
              describe(b[j]))
        .directory = b[j].path;
  }
}

void diff_described(const DiffSink& sink, const char* element,
                    const std::vector<std::string>& a,
                    const std::vector<std::string>& b) {
  const Matching m = match_keys(a, b);
  for (std::size_t i : m.removed) {
    sink.emit(ChangeKind::kRemoved, element, a[i], std::nullopt);
  }
  for (std::size_t j : m.added) {
    sink.emit(ChangeKind::kAdded, element, std::nullopt, b[j]);
  }
}

std::string writer_key(const Guid& id,
                       const std::optional<std::string>& instance_name) {
  return id.to_string() + '\0' + fold(instance_name.value_or(""));
}

}  // namespace vssmeta::internal
