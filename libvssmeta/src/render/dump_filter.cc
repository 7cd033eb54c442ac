// SPDX-License-Identifier: MIT
// filter_capture(): the --writer and --component filters of write_dump().
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "semantics/logical_path.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/dump.h"
#include "vssmeta/known_writers.h"
#include "vssmeta/selection.h"

namespace vssmeta {
namespace {

// A BCD entry's own identity: class id, instance id, instance name (it has
// no friendly name) and the name Microsoft gives the class, for entries no
// WMD names.
WriterMetadata own_identity(const WriterComponents& wc) {
  WriterMetadata own;
  own.identity.writer_id = wc.writer_id;
  own.identity.instance_id = wc.instance_id;
  own.identity.instance_name = wc.instance_name;
  if (const KnownWriter* known = find_known_writer(wc.writer_id)) {
    own.identity.friendly_name = std::string(known->name);
  }
  return own;
}

// A BCD entry matches `--writer` through its own identity or through the WMD
// it refers to (resolve_writer_entry).
bool entry_matches(const std::vector<std::string>& writers,
                   const WriterComponents& wc,
                   const std::vector<WriterMetadata>& wmds,
                   const std::vector<bool>& matched) {
  if (const auto match = resolve_writer_entry(wmds, wc)) {
    if (matched[match->writer]) return true;
  }
  const WriterMetadata own = own_identity(wc);
  return std::any_of(writers.begin(), writers.end(), [&](const auto& name) {
    return writer_matches(own, name);
  });
}

// `--component` specs: `logical\path\name` or `Writer:\logical\path\name`
// (the form validate, diff and graph print), each matching the components at
// or below its path, in the writers its writer part names (every writer
// without one).
class ComponentFilter {
 public:
  explicit ComponentFilter(const std::vector<std::string>& specs) {
    for (const std::string& spec : specs) {
      ComponentRef ref = parse_component_ref(spec);
      if (ref.writer.empty()) ref.path = spec;
      specs_.push_back(
          {std::move(ref.writer), internal::logical_key(ref.path)});
    }
    any_ = !specs_.empty();
  }
  // No filter given: everything matches.
  bool empty() const { return !any_; }
  // A spec names this (writer's view of the) filter's writer.
  bool applies() const { return !specs_.empty(); }
  // The specs that apply to a writer (all when it has none).
  ComponentFilter for_writer(const WriterMetadata& w) const {
    ComponentFilter out;
    for (const Spec& s : specs_) {
      if (s.writer.empty() || writer_matches(w, s.writer))
        out.specs_.push_back(s);
    }
    out.any_ = any_;
    return out;
  }
  // Compared as logical path keys, at element boundaries: `\Volumes` does
  // not match `VolumesX\y`, and doubled or trailing backslashes do not
  // matter.
  bool matches(const std::string& full_path) const {
    if (!any_) return true;
    const std::string path = internal::logical_key(full_path);
    return std::any_of(specs_.begin(), specs_.end(), [&](const Spec& s) {
      return internal::is_at_or_under(path, s.key);
    });
  }

 private:
  ComponentFilter() = default;
  struct Spec {
    std::string writer;  // empty: every writer
    std::string key;     // logical path key
  };
  std::vector<Spec> specs_;
  bool any_ = false;  // a filter was given (specs_ may be empty for a writer)
};

// A writer of the BCD entry for --writer and --component: its WMD's identity
// when the capture has it, else the entry's own (class id, instance id,
// instance name) and the name Microsoft gives the class.
WriterMetadata entry_identity(const WriterComponents& wc,
                              const std::vector<WriterMetadata>& wmds) {
  if (const auto match = resolve_writer_entry(wmds, wc)) {
    WriterMetadata named;
    named.identity = wmds[match->writer].identity;
    return named;
  }
  return own_identity(wc);
}

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
    keep_matching(copy.components, by_component.for_writer(w));
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
      keep_matching(kept.components, by_component.for_writer(
                                         entry_identity(wc, capture.writers)));
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

std::optional<std::string> unmatched_filter(const CaptureSet& capture,
                                            const DumpOptions& options) {
  if (options.writers.empty() && options.components.empty()) {
    return std::nullopt;  // nothing asked, nothing missed (and no copying)
  }
  // Every writer the capture names, in order: WMDs, BCD entries, statuses;
  // their identities are all that names them (writer_matches).
  std::vector<WriterMetadata> writers;
  writers.reserve(capture.writers.size());
  for (const WriterMetadata& w : capture.writers) {
    writers.emplace_back().identity = w.identity;
  }
  for (const BackupComponents& b : capture.backup_components) {
    for (const WriterComponents& wc : b.writers) {
      if (!resolve_writer_entry(capture.writers, wc)) {
        writers.push_back(entry_identity(wc, capture.writers));
      }
    }
  }
  for (const WriterStatus& st : capture.statuses) {
    WriterMetadata& own = writers.emplace_back();
    own.identity.writer_id = st.writer_id;
    own.identity.instance_id = st.instance_id;
    own.identity.friendly_name = st.writer_name;
  }
  auto names = [&] {
    std::vector<std::string> out;
    for (const WriterMetadata& w : writers) {
      out.push_back(w.display_name());
      if (w.identity.instance_name) out.push_back(*w.identity.instance_name);
    }
    return out;
  };
  auto any_named = [&](const std::string& name) {
    return std::any_of(writers.begin(), writers.end(),
                       [&](const auto& w) { return writer_matches(w, name); });
  };
  for (const std::string& name : options.writers) {
    if (any_named(name)) continue;
    ResolvedReference r;
    r.text = r.writer = name;
    r.problem = ReferenceProblem::kNoWriter;
    r.candidates = closest_names(names(), name);
    return describe_unmatched(r);
  }
  // Component filters look where the writer filters keep.
  DumpOptions by_writer;
  by_writer.writers = options.writers;
  const CaptureSet kept = filter_capture(capture, by_writer);
  for (const std::string& spec : options.components) {
    ComponentRef ref = parse_component_ref(spec);
    if (ref.writer.empty()) ref.path = spec;
    if (!ref.writer.empty() && !any_named(ref.writer)) {
      ResolvedReference r;
      r.text = spec;
      r.writer = ref.writer;
      r.problem = ReferenceProblem::kNoWriter;
      r.candidates = closest_names(names(), ref.writer);
      return describe_unmatched(r);
    }
    const ComponentFilter one({spec});
    std::vector<std::string> paths;
    bool found = false;
    auto look = [&](const WriterMetadata& owner, const auto& components) {
      const ComponentFilter mine = one.for_writer(owner);
      if (!mine.applies()) return;
      for (const auto& c : components) {
        std::string path = c.full_path();
        if (mine.matches(path)) {
          found = true;
          return;
        }
        paths.push_back(std::move(path));
      }
    };
    for (const WriterMetadata& w : kept.writers) {
      if (!found) look(w, w.components);
    }
    for (const BackupComponents& b : kept.backup_components) {
      for (const WriterComponents& wc : b.writers) {
        if (!found) look(entry_identity(wc, capture.writers), wc.components);
      }
    }
    if (found) continue;
    ResolvedReference r;
    r.text = spec;
    r.writer = ref.writer;
    r.path = ref.path;
    r.problem = ReferenceProblem::kNoComponent;
    r.candidates = closest_names(paths, ref.path);
    return describe_unmatched(r);
  }
  return std::nullopt;
}

}  // namespace vssmeta
