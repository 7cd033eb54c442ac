// SPDX-License-Identifier: MIT
#include "internal/diff_engine.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <type_traits>

#include <fmt/format.h>

#include "internal/model_fields.h"
#include "vssmeta/enums.h"

namespace vssmeta::internal {

void DiffSink::emit(ChangeKind kind, std::string field,
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
}

DiffSink DiffSink::at(std::string component_path) const {
  DiffSink s = *this;
  s.component = std::move(component_path);
  return s;
}

std::string count_of(std::size_t n, const char* noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string fold(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void path_key_into(std::string_view path, std::string& out) {
  out.clear();
  for (char c : path) {
    if (c == '/') c = '\\';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '\\' && !out.empty() && out.back() == '\\') continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == '\\') out.pop_back();
}

std::string path_key(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  path_key_into(path, out);
  return out;
}

std::string logical_key(const std::optional<std::string>& logical_path) {
  if (!logical_path) return {};
  std::string key = path_key(*logical_path);
  if (!key.empty() && key.front() == '\\') key.erase(0, 1);
  return key;
}

namespace {

std::vector<std::size_t> sorted_order(const std::vector<std::string>& keys) {
  std::vector<std::size_t> order(keys.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const int c = keys[x].compare(keys[y]);
    return c != 0 ? c < 0 : x < y;
  });
  return order;
}

}  // namespace

Matching match_keys(const std::vector<std::string>& old_keys,
                    const std::vector<std::string>& new_keys) {
  const auto a = sorted_order(old_keys);
  const auto b = sorted_order(new_keys);
  Matching m;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && old_keys[a[i]] < new_keys[b[j]])) {
      m.removed.push_back(a[i++]);
    } else if (i == a.size() || new_keys[b[j]] < old_keys[a[i]]) {
      m.added.push_back(b[j++]);
    } else {
      m.pairs.emplace_back(a[i++], b[j++]);
    }
  }
  return m;
}

Matching match_hashed(
    const std::vector<std::uint64_t>& old_hashes,
    const std::vector<std::uint64_t>& new_hashes,
    const std::function<bool(std::size_t, std::size_t)>& equal,
    const std::function<std::string(bool, std::size_t)>& key) {
  auto order = [](const std::vector<std::uint64_t>& h) {
    std::vector<std::pair<std::uint64_t, std::size_t>> o(h.size());
    for (std::size_t i = 0; i < h.size(); ++i) o[i] = {h[i], i};
    std::sort(o.begin(), o.end());
    return o;
  };
  const auto a = order(old_hashes);
  const auto b = order(new_hashes);
  Matching m;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
      m.removed.push_back(a[i++].second);
    } else if (i == a.size() || b[j].first < a[i].first) {
      m.added.push_back(b[j++].second);
    } else {
      // A run of one hash on both sides: almost always one element each,
      // confirmed with `equal`. Longer runs (repeated keys, collisions) are
      // matched by their real keys, sorted: never pairwise.
      const std::uint64_t h = a[i].first;
      std::size_t ie = i;
      std::size_t je = j;
      while (ie < a.size() && a[ie].first == h) ++ie;
      while (je < b.size() && b[je].first == h) ++je;
      if (ie - i == 1 && je - j == 1) {
        if (equal(a[i].second, b[j].second)) {
          m.pairs.emplace_back(a[i].second, b[j].second);
        } else {
          m.removed.push_back(a[i].second);
          m.added.push_back(b[j].second);
        }
      } else {
        std::vector<std::string> ra;
        std::vector<std::string> rb;
        for (std::size_t x = i; x < ie; ++x)
          ra.push_back(key(true, a[x].second));
        for (std::size_t y = j; y < je; ++y)
          rb.push_back(key(false, b[y].second));
        const Matching run = match_keys(ra, rb);
        for (auto [x, y] : run.pairs) {
          m.pairs.emplace_back(a[i + x].second, b[j + y].second);
        }
        for (std::size_t x : run.removed) m.removed.push_back(a[i + x].second);
        for (std::size_t y : run.added) m.added.push_back(b[j + y].second);
      }
      i = ie;
      j = je;
    }
  }
  return m;
}

std::vector<std::pair<std::size_t, std::size_t>> pair_unique(
    Matching& m, const std::vector<std::string>& old_keys,
    const std::vector<std::string>& new_keys) {
  if (m.removed.empty() || m.added.empty()) return {};
  std::vector<std::string> a;
  std::vector<std::string> b;
  for (std::size_t i : m.removed) a.push_back(old_keys[i]);
  for (std::size_t j : m.added) b.push_back(new_keys[j]);
  Matching coarse = match_keys(a, b);
  std::vector<bool> taken_a(a.size());
  std::vector<bool> taken_b(b.size());
  // Keep only coarse keys that occur once on each side.
  std::map<std::string_view, std::pair<std::size_t, std::size_t>> counts;
  for (const auto& k : a) ++counts[k].first;
  for (const auto& k : b) ++counts[k].second;
  std::vector<std::pair<std::size_t, std::size_t>> unique;
  for (auto [x, y] : coarse.pairs) {
    const auto& c = counts[a[x]];
    if (c.first != 1 || c.second != 1) continue;
    taken_a[x] = taken_b[y] = true;
    unique.emplace_back(m.removed[x], m.added[y]);
  }
  std::vector<std::size_t> removed;
  std::vector<std::size_t> added;
  for (std::size_t x = 0; x < a.size(); ++x) {
    if (!taken_a[x]) removed.push_back(m.removed[x]);
  }
  for (std::size_t y = 0; y < b.size(); ++y) {
    if (!taken_b[y]) added.push_back(m.added[y]);
  }
  m.removed = std::move(removed);
  m.added = std::move(added);
  return unique;
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

namespace {

// A trailing backslash does not change what a path names.
std::string_view trimmed(std::string_view path) {
  while (path.size() > 1 && (path.back() == '\\' || path.back() == '/')) {
    path.remove_suffix(1);
  }
  return path;
}

}  // namespace

std::string describe(const FileDescriptor& f) {
  std::string out(trimmed(f.path));
  if (!out.empty() && out.back() != '\\' && !f.filespec.empty()) out += '\\';
  out += f.filespec;
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

bool same_descriptor(const FileDescriptor& a, const FileDescriptor& b) {
  return trimmed(a.path) == trimmed(b.path) && a.filespec == b.filespec &&
         a.is_recursive() == b.is_recursive() &&
         a.alternate_path == b.alternate_path &&
         a.backup_type_mask_or_default() == b.backup_type_mask_or_default() &&
         a.extras == b.extras;
}

// The matching key of a descriptor: kind, normalised path and, when
// `with_spec`, folded filespec and recursive flag. Written into `out`, whose
// storage is reused: no allocation per descriptor.
void descriptor_key(const FileDescriptor& f, bool with_spec, std::string& out) {
  path_key_into(f.path, out);
  out.push_back('\0');
  out.push_back(static_cast<char>('A' + static_cast<int>(f.kind)));
  if (!with_spec) return;
  out.push_back('\0');
  for (char c : f.filespec) {
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  out.push_back(f.is_recursive() ? 'r' : '-');
}

std::vector<std::uint64_t> descriptor_hashes(
    const std::vector<FileDescriptor>& v) {
  std::vector<std::uint64_t> out;
  out.reserve(v.size());
  std::string key;
  for (const FileDescriptor& f : v) {
    descriptor_key(f, true, key);
    out.push_back(std::hash<std::string_view>{}(key));
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
  std::string ka;
  std::string kb;
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
  for (auto [i, j] : m.pairs) {
    if (same_descriptor(a[i], b[j])) continue;
    changed.emplace_back(i, j);
  }
  for (auto [i, j] : changed) {
    sink.emit(ChangeKind::kModified, element_name(b[j].kind), describe(a[i]),
              describe(b[j]));
  }
  for (std::size_t i : m.removed) {
    sink.emit(ChangeKind::kRemoved, element_name(a[i].kind), describe(a[i]),
              std::nullopt);
  }
  for (std::size_t j : m.added) {
    sink.emit(ChangeKind::kAdded, element_name(b[j].kind), std::nullopt,
              describe(b[j]));
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
