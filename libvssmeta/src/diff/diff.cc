// SPDX-License-Identifier: MIT
// diff(): pairs the documents of two captures, runs the per-document
// engines (diff_wmd.cc, diff_bcd.cc), then classifies,
// filters and sorts the changes.

#include "vssmeta/diff.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

#include "diff/diff_engine.h"
#include "paths/windows_path.h"
#include "semantics/logical_path.h"
#include "text/ascii.h"
#include "text/glob.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/known_writers.h"

namespace vssmeta {

using internal::count_of;
using internal::fold;

const char* to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kRemoved:
      return "removed";
    case ChangeKind::kModified:
      return "modified";
    case ChangeKind::kMoved:
      return "moved";
  }
  return "modified";
}

const char* to_string(Impact impact) {
  switch (impact) {
    case Impact::kCosmetic:
      return "cosmetic";
    case Impact::kNotable:
      return "notable";
    case Impact::kBreaking:
      return "breaking";
  }
  return "notable";
}

const char* to_string(DocumentKind document) {
  return document == DocumentKind::kWriterMetadata ? "wmd" : "bcd";
}

std::string Change::path() const {
  if (component.empty()) return writer;
  return writer + ":\\" + component;
}

std::size_t MetadataDiff::count(Impact impact) const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(),
                    [&](const Change& c) { return c.impact == impact; }));
}

ChangeCounts MetadataDiff::counts() const {
  ChangeCounts n;
  for (const Change& c : changes) {
    switch (c.impact) {
      case Impact::kBreaking:
        ++n.breaking;
        break;
      case Impact::kNotable:
        ++n.notable;
        break;
      case Impact::kCosmetic:
        ++n.cosmetic;
        break;
    }
  }
  return n;
}

namespace {

// The change records of a file descriptor are named after its element.
bool is_descriptor_field(std::string_view f) {
  return f == "FILE_LIST" || f == "DATABASE_FILES" ||
         f == "DATABASE_LOGFILES" || f == "EXCLUDE_FILES" ||
         f == "EXCLUDE_FILES_FROM_SNAPSHOT" ||
         f == "ALTERNATE_LOCATION_MAPPING" || f == "NEW_TARGET";
}

// The disk signature an ASR writer `Disks\harddiskN` caption names ("Select
// to include disk #0 (of signature 0x9c93ebc7) for ASR restore."), or empty.
std::string disk_signature(std::string_view caption) {
  constexpr std::string_view kWord = "signature 0x";
  const std::string folded = fold(caption);
  const std::size_t at = folded.find(kWord);
  if (at == std::string::npos) return {};
  const std::size_t from = at + kWord.size();
  std::size_t end = from;
  while (end < folded.size() &&
         std::isxdigit(static_cast<unsigned char>(folded[end])) != 0) {
    ++end;
  }
  return folded.substr(from, end - from);
}

bool is_caption_field(std::string_view f) {
  return f == "caption" || f == "componentCaption";
}

}  // namespace

Impact classify(const Change& c) {
  const std::string_view f = c.field;
  const bool wmd = c.document == DocumentKind::kWriterMetadata;
  if (f == "instanceId" || f == "snapshotSetId") return Impact::kCosmetic;
  if (c.kind == ChangeKind::kMoved) return Impact::kBreaking;
  if (f == "WRITER" || (wmd && f == "COMPONENT")) {
    return c.kind == ChangeKind::kRemoved ? Impact::kBreaking
                                          : Impact::kNotable;
  }
  if (f == "declaredByWriter") return Impact::kBreaking;
  if (c.kind == ChangeKind::kModified && c.before && c.after &&
      fold(*c.before) == fold(*c.after)) {
    return Impact::kCosmetic;  // letter case only
  }
  if (c.kind == ChangeKind::kModified && c.before && c.after &&
      is_caption_field(f)) {
    // The disk behind an ASR `harddiskN` changed: the numbering moved.
    const std::string was = disk_signature(*c.before);
    const std::string now = disk_signature(*c.after);
    if (!was.empty() && !now.empty() && was != now) {
      return Impact::kNotable;
    }
  }
  if (c.kind == ChangeKind::kModified && c.before && c.after &&
      is_descriptor_field(f) &&
      internal::path_key(*c.before) == internal::path_key(*c.after)) {
    return Impact::kCosmetic;  // path spelling only: `/`, `\\`, case
  }
  if (wmd && (f == "componentType" || f == "method" || f == "writerRestore" ||
              f == "writerId")) {
    return Impact::kBreaking;
  }
  if (wmd && (f == "selectable" || f == "selectableForRestore")) {
    return c.before == "yes" && c.after == "no" ? Impact::kBreaking
                                                : Impact::kNotable;
  }
  if (is_caption_field(f) || f == "icon" || f == "friendlyName" ||
      f == "version" || f == "xmlns") {
    return Impact::kCosmetic;
  }
  return Impact::kNotable;
}

namespace {

bool is_hidden_by_default(const Change& c) {
  return c.field == "instanceId" || c.field == "snapshotSetId";
}

bool is_ignored(const Change& c, const DiffOptions& options) {
  if (options.ignore.empty()) return false;
  const std::string path = c.path();
  return std::any_of(
      options.ignore.begin(), options.ignore.end(), [&](const std::string& p) {
        return internal::glob_matches(p, c.field) ||
               internal::glob_matches(p, path) ||
               (!c.writer.empty() && internal::glob_matches(p, c.writer));
      });
}

// Entity changes (a writer, a component) open their group.
int field_rank(const Change& c) {
  return c.field == "WRITER" || c.field == "WRITER_COMPONENTS" ||
                 c.field == "COMPONENT" || c.kind == ChangeKind::kMoved
             ? 0
             : 1;
}

MetadataDiff finish(std::vector<Change> changes, const DiffOptions& options) {
  MetadataDiff out;
  out.changes.reserve(changes.size());
  for (Change& c : changes) {
    c.impact = classify(c);
    if (!options.show_all && is_hidden_by_default(c)) {
      ++out.hidden;
    } else if (is_ignored(c, options)) {
      ++out.ignored;
    } else {
      out.changes.push_back(std::move(c));
    }
  }
  auto key = [](const Change& c) {
    return std::make_tuple(c.document, fold(c.writer), c.writer.size(),
                           fold(c.component), field_rank(c));
  };
  std::vector<std::pair<decltype(key(out.changes.front())), std::size_t>> order;
  order.reserve(out.changes.size());
  for (std::size_t i = 0; i < out.changes.size(); ++i) {
    order.emplace_back(key(out.changes[i]), i);
  }
  const auto& v = out.changes;
  std::sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    const Change& a = v[x.second];
    const Change& b = v[y.second];
    return std::tie(a.writer, a.component, a.field, a.kind, a.before, a.after) <
           std::tie(b.writer, b.component, b.field, b.kind, b.before, b.after);
  });
  std::vector<Change> sorted;
  sorted.reserve(v.size());
  for (const auto& [k, i] : order) sorted.push_back(std::move(out.changes[i]));
  out.changes = std::move(sorted);
  return out;
}

// Signatures of a writer's content, so that several instances of one class
// with the same instance name still pair with their own versions: the
// component paths, and (finer) the components with their file descriptors.
std::string content_signature(const WriterMetadata& w, bool with_files) {
  std::vector<std::string> parts;
  parts.reserve(w.components.size());
  for (const auto& c : w.components) {
    std::string part = internal::component_key(c.logical_path, c.name);
    if (with_files) {
      std::vector<std::string> files;
      for (const FileDescriptor& f : c.files) {
        files.push_back(fmt::format(
            "{}|{}|{}|{}", static_cast<int>(f.kind), internal::path_key(f.path),
            fold(f.filespec), f.is_recursive() ? 1 : 0));
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) part += '\t' + f;
    }
    parts.push_back(std::move(part));
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts) out += p + '\n';
  return out;
}

// Pairs the leftovers of `m` by coarser keys; the pairs join `m.pairs`.
void rematch(internal::Matching& m, const std::vector<std::string>& ka,
             const std::vector<std::string>& kb) {
  std::vector<std::string> ra;
  std::vector<std::string> rb;
  for (std::size_t i : m.removed) ra.push_back(ka[i]);
  for (std::size_t j : m.added) rb.push_back(kb[j]);
  internal::Matching second = internal::match_keys(ra, rb);
  for (auto [x, y] : second.pairs) {
    m.pairs.emplace_back(m.removed[x], m.added[y]);
  }
  std::vector<std::size_t> removed;
  std::vector<std::size_t> added;
  for (std::size_t x : second.removed) removed.push_back(m.removed[x]);
  for (std::size_t y : second.added) added.push_back(m.added[y]);
  m.removed = std::move(removed);
  m.added = std::move(added);
}

// Labels: the display name, with the instance name when two writers of the
// capture share a display name.
std::vector<std::string> writer_labels(const std::vector<WriterMetadata>& ws) {
  std::map<std::string, std::size_t> seen;
  for (const auto& w : ws) ++seen[fold(w.display_name())];
  std::vector<std::string> out;
  for (const auto& w : ws) {
    std::string label = w.display_name();
    if (seen[fold(label)] > 1 && w.identity.instance_name) {
      label += " (" + *w.identity.instance_name + ")";
    } else if (seen[fold(label)] > 1 && w.identity.instance_id) {
      label += " (instance " + w.identity.instance_id->to_braced_string() + ")";
    }
    out.push_back(std::move(label));
  }
  return out;
}

// A BCD writer no WMD names: Microsoft's name for its class
// (known_writers.h), else its instance name, else its class id.
std::string bcd_label(const WriterComponents& w) {
  if (const KnownWriter* known = find_known_writer(w.writer_id)) {
    return std::string(known->name);
  }
  return w.instance_name ? *w.instance_name : w.writer_id.to_braced_string();
}

std::string describe_writer(const WriterMetadata& w) {
  std::string out = w.identity.writer_id.to_braced_string();
  if (w.identity.instance_name) {
    out += " \"" + *w.identity.instance_name + "\"";
  }
  out += ", " + count_of(w.components.size(), "component");
  return out;
}

// A component an old BCD selected that the new capture's writer no longer
// declares: a saved backup of it could not be restored through the writer.
void check_declared(const CaptureSet& before, const CaptureSet& after,
                    const internal::WriterLabel& label,
                    std::vector<Change>& out) {
  // Per WMD of the new capture, built when a BCD entry refers to it.
  std::map<std::size_t, std::set<std::string>> declared;
  auto declared_by = [&](std::size_t wmd) -> const std::set<std::string>& {
    auto [it, fresh] = declared.try_emplace(wmd);
    if (fresh) {
      for (const auto& c : after.writers[wmd].components) {
        it->second.insert(internal::component_key(c.logical_path, c.name));
      }
    }
    return it->second;
  };
  std::set<std::pair<std::string, std::string>> reported;
  for (const auto& bcd : before.backup_components) {
    for (const auto& w : bcd.writers) {
      const auto match = resolve_writer_entry(after.writers, w);
      if (!match) continue;
      const std::set<std::string>& names = declared_by(match->writer);
      for (const auto& c : w.components) {
        const std::string key = internal::component_key(c.logical_path, c.name);
        if (names.count(key) != 0) continue;
        internal::DiffSink sink{&out, DocumentKind::kBackupComponents, label(w),
                                c.full_path()};
        if (!reported.emplace(sink.writer, key).second) continue;
        sink.emit(ChangeKind::kModified, "declaredByWriter", "yes", "no");
      }
    }
  }
}

}  // namespace

MetadataDiff diff(const CaptureSet& before, const CaptureSet& after,
                  const DiffOptions& options) {
  std::vector<Change> changes;
  const auto labels_a = writer_labels(before.writers);
  const auto labels_b = writer_labels(after.writers);
  std::vector<std::string> ka;
  std::vector<std::string> kb;
  for (const auto& w : before.writers) {
    ka.push_back(
        internal::writer_key(w.identity.writer_id, w.identity.instance_name));
  }
  for (const auto& w : after.writers) {
    kb.push_back(
        internal::writer_key(w.identity.writer_id, w.identity.instance_name));
  }
  // The content signatures only decide between several instances of one
  // key: a key that occurs at most once on each side pairs by key alone
  // whatever its content, so its writers get no signature (building one
  // sorts every file of the writer: 450,000 for the System Writer). A key
  // holds one NUL (writer_key), and XML text none, so the NUL after it ends
  // the key: signatures never mix two keys.
  std::map<std::string_view, std::pair<std::size_t, std::size_t>> uses;
  for (const auto& k : ka) ++uses[k].first;
  for (const auto& k : kb) ++uses[k].second;
  auto shared = [&](const std::string& k) {
    const auto [a, b] = uses[k];
    return a > 1 || b > 1;
  };
  std::vector<std::string> ca;  // key and component paths
  std::vector<std::string> cb;
  std::vector<std::string> fa;  // key, component paths and files
  std::vector<std::string> fb;
  auto sign = [&](const WriterMetadata& w, const std::string& k,
                  std::vector<std::string>& c, std::vector<std::string>& f) {
    const bool need = shared(k);
    c.push_back(k + '\0' + (need ? content_signature(w, false) : ""));
    f.push_back(k + '\0' + (need ? content_signature(w, true) : ""));
  };
  for (std::size_t i = 0; i < before.writers.size(); ++i) {
    sign(before.writers[i], ka[i], ca, fa);
  }
  for (std::size_t j = 0; j < after.writers.size(); ++j) {
    sign(after.writers[j], kb[j], cb, fb);
  }
  // By key and full content first, so duplicate instances pair with their
  // own versions; then by key and components; then by key alone (the
  // writer changed).
  internal::Matching m = internal::match_keys(fa, fb);
  rematch(m, ca, cb);
  rematch(m, ka, kb);
  for (auto [i, j] : m.pairs) {
    if (before.writers[i] == after.writers[j]) continue;
    internal::DiffSink sink{
        &changes, DocumentKind::kWriterMetadata, labels_b[j], {}};
    internal::diff_writer(sink, before.writers[i], after.writers[j]);
  }
  for (std::size_t i : m.removed) {
    internal::DiffSink{&changes, DocumentKind::kWriterMetadata, labels_a[i], {}}
        .emit(ChangeKind::kRemoved, "WRITER",
              describe_writer(before.writers[i]), std::nullopt);
  }
  for (std::size_t j : m.added) {
    internal::DiffSink{&changes, DocumentKind::kWriterMetadata, labels_b[j], {}}
        .emit(ChangeKind::kAdded, "WRITER", std::nullopt,
              describe_writer(after.writers[j]));
  }

  // BCD writers are named after the WMD they refer to (new side first).
  const internal::WriterLabel label = [&](const WriterComponents& w) {
    if (const auto hit = resolve_writer_entry(after.writers, w)) {
      return labels_b[hit->writer];
    }
    if (const auto hit = resolve_writer_entry(before.writers, w)) {
      return labels_a[hit->writer];
    }
    return bcd_label(w);
  };
  const auto& ba = before.backup_components;
  const auto& bb = after.backup_components;
  for (std::size_t i = 0; i < std::max(ba.size(), bb.size()); ++i) {
    if (i < ba.size() && i < bb.size()) {
      internal::diff_backup_components(changes, ba[i], bb[i], label);
      continue;
    }
    const BackupComponents& only = i < ba.size() ? ba[i] : bb[i];
    const std::string text = internal::count_of(only.writers.size(), "writer");
    internal::DiffSink sink{&changes, DocumentKind::kBackupComponents, {}, {}};
    sink.emit(i < ba.size() ? ChangeKind::kRemoved : ChangeKind::kAdded,
              "BACKUP_COMPONENTS",
              i < ba.size() ? std::optional(text) : std::nullopt,
              i < ba.size() ? std::nullopt : std::optional(text));
  }
  check_declared(before, after, label, changes);
  return finish(std::move(changes), options);
}

MetadataDiff diff(const WriterMetadata& before, const WriterMetadata& after,
                  const DiffOptions& options) {
  std::vector<Change> changes;
  internal::DiffSink sink{
      &changes, DocumentKind::kWriterMetadata, after.display_name(), {}};
  internal::diff_writer(sink, before, after);
  return finish(std::move(changes), options);
}

MetadataDiff diff(const BackupComponents& before, const BackupComponents& after,
                  const DiffOptions& options) {
  std::vector<Change> changes;
  internal::diff_backup_components(changes, before, after, bcd_label);
  return finish(std::move(changes), options);
}

}  // namespace vssmeta
