// SPDX-License-Identifier: MIT
// filter_capture(): the --writer and --component filters of write_dump().
#include <algorithm>
#include <string>
#include <vector>

#include "semantics/logical_path.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/dump.h"
#include "vssmeta/known_writers.h"

namespace vssmeta {
namespace {

// A BCD entry matches `--writer` through its own identity (class id,
// instance id, instance name: it has no friendly name) or through the WMD it
// refers to (resolve_writer_entry).
bool entry_matches(const std::vector<std::string>& writers,
                   const WriterComponents& wc,
                   const std::vector<WriterMetadata>& wmds,
                   const std::vector<bool>& matched) {
  if (const auto match = resolve_writer_entry(wmds, wc)) {
    if (matched[match->writer]) return true;
  }
  WriterMetadata own;
  own.identity.writer_id = wc.writer_id;
  own.identity.instance_id = wc.instance_id;
  own.identity.instance_name = wc.instance_name;
  // The name Microsoft gives the class, for entries no WMD names.
  if (const KnownWriter* known = find_known_writer(wc.writer_id)) {
    own.identity.friendly_name = std::string(known->name);
  }
  return std::any_of(writers.begin(), writers.end(), [&](const auto& name) {
    return writer_matches(own, name);
  });
}

class ComponentFilter {
 public:
  explicit ComponentFilter(const std::vector<std::string>& specs) {
    for (const std::string& spec : specs) {
      prefixes_.push_back(internal::logical_key(spec));
    }
  }
  bool empty() const { return prefixes_.empty(); }
  // Compared as logical path keys, at element boundaries: `\Volumes` does
  // not match `VolumesX\y`, and doubled or trailing backslashes do not
  // matter.
  bool matches(const std::string& full_path) const {
    if (prefixes_.empty()) return true;
    const std::string path = internal::logical_key(full_path);
    return std::any_of(prefixes_.begin(), prefixes_.end(), [&](const auto& p) {
      return internal::is_at_or_under(path, p);
    });
  }

 private:
  std::vector<std::string> prefixes_;  // logical path keys
};

template <typename T>
void keep_matching(std::vector<T>& components, const ComponentFilter& filter) {
  if (filter.empty()) return;
  // The kept components are moved, never copied: one can hold 19,000 file
  // lists.
  std::vector<T> kept;
  for (T& c : components) {
    if (filter.matches(c.full_path())) kept.push_back(std::move(c));
  }
  components = std::move(kept);
}

}  // namespace

CaptureSet filter_capture(const CaptureSet& capture,
                          const DumpOptions& options) {
  const ComponentFilter by_component(options.components);
  // A writer named explicitly stays visible (identity only) even when the
  // component filter leaves it nothing; otherwise it would silently vanish.
  const bool named = !options.writers.empty();
  CaptureSet out;
  out.manifest = capture.manifest;
  std::vector<bool> matched(capture.writers.size(), !named);
  for (std::size_t i = 0; i < capture.writers.size(); ++i) {
    const WriterMetadata& w = capture.writers[i];
    if (named) {
      matched[i] = std::any_of(
          options.writers.begin(), options.writers.end(),
          [&](const std::string& name) { return writer_matches(w, name); });
      if (!matched[i]) continue;
    }
    WriterMetadata copy = w;
    keep_matching(copy.components, by_component);
    if (!by_component.empty() && copy.components.empty() && !named) continue;
    out.writers.push_back(std::move(copy));
  }
  for (const BackupComponents& b : capture.backup_components) {
    BackupComponents copy = b;
    copy.writers.clear();
    for (const WriterComponents& wc : b.writers) {
      if (named &&
          !entry_matches(options.writers, wc, capture.writers, matched)) {
        continue;
      }
      WriterComponents kept = wc;
      keep_matching(kept.components, by_component);
      if (!by_component.empty() && kept.components.empty() && !named) continue;
      copy.writers.push_back(std::move(kept));
    }
    out.backup_components.push_back(std::move(copy));
  }
  // Statuses have no components: only --writer chooses among them (by
  // name, writer id or instance id).
  for (const WriterStatus& s : capture.statuses) {
    WriterMetadata own;
    own.identity.writer_id = s.writer_id;
    own.identity.instance_id = s.instance_id;
    own.identity.friendly_name = s.writer_name;
    if (!named || std::any_of(options.writers.begin(), options.writers.end(),
                              [&](const std::string& name) {
                                return writer_matches(own, name);
                              })) {
      out.statuses.push_back(s);
    }
  }
  return out;
}

}  // namespace vssmeta
