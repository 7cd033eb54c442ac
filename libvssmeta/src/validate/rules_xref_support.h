// SPDX-License-Identifier: MIT
#pragma once
// Helpers shared by the cross-document rules (rules_xref.cc for selection
// and schema, rules_xref_files.cc for file sets and restore fields): BCD
// identities resolved in the WMDs, and a directory index of file sets.

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "paths/windows_path.h"
#include "semantics/logical_path.h"
#include "validate/rules.h"
#include "vssmeta/hierarchy.h"

namespace vssmeta::internal::xref {

// A BCD identity resolved in a WMD: the component, and whether only a
// case-insensitive comparison found it (XREF-CASE).
struct ComponentMatch {
  std::optional<std::size_t> index;
  bool case_only = false;
};

inline ComponentMatch match_component(
    const ComponentIndex& index, const std::optional<std::string>& logical_path,
    const std::string& name) {
  const std::vector<std::size_t> hits = index.find(logical_path, name);
  if (hits.empty()) return {};
  const std::string want = exact_component_path(logical_path, name);
  for (std::size_t h : hits) {
    const Component& c = index.writer().components[h];
    if (exact_component_path(c.logical_path, c.name) == want) {
      return {h, false};
    }
  }
  return {hits.front(), true};
}

inline bool is_remote(const Dependency& d) {
  auto starts = [](const std::optional<std::string>& s) {
    return s && s->rfind("\\\\", 0) == 0;
  };
  return starts(d.logical_path) || d.component_name.rfind("\\\\", 0) == 0;
}

inline bool component_mode(const BackupComponents& b) {
  return b.select_components.value_or(true);
}

// One BCD writer entry resolved against its WMD.
struct EntryView {
  const WriterComponents* entry = nullptr;
  std::optional<std::size_t> wi;          // index into capture().writers
  std::vector<ComponentMatch> matches;    // per BCD component
  std::vector<std::size_t> explicit_ids;  // WMD indices of the matches
};

inline std::vector<EntryView> resolve(const CheckContext& ctx,
                                      const BackupComponents& b) {
  std::vector<EntryView> out;
  out.reserve(b.writers.size());
  for (const WriterComponents& e : b.writers) {
    EntryView v;
    v.entry = &e;
    v.wi = ctx.writer_for(e);
    if (v.wi) {
      const ComponentIndex& index = ctx.index(*v.wi);
      v.matches.reserve(e.components.size());
      for (const BcdComponent& c : e.components) {
        v.matches.push_back(match_component(index, c.logical_path, c.name));
        if (v.matches.back().index) {
          v.explicit_ids.push_back(*v.matches.back().index);
        }
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

// Cross-document rules only make sense when the capture holds WMDs: a BCD
// validated alone gets the BCD rules only.
inline bool has_wmds(const CheckContext& ctx) {
  return !ctx.capture().writers.empty();
}

inline const WriterMetadata* wmd_of(const CheckContext& ctx,
                                    const EntryView& v) {
  return v.wi ? &ctx.capture().writers[*v.wi] : nullptr;
}

inline std::string bcd_label(const CheckContext& ctx, const EntryView& v,
                             const BcdComponent& c) {
  const WriterMetadata* w = wmd_of(ctx, v);
  const std::string name =
      w != nullptr ? w->display_name() : v.entry->writer_id.to_braced_string();
  return fmt::format("{}:\\{}", name, c.full_path());
}

// Runs `f(b, views)` for every BCD when the capture holds WMDs.
template <typename F>
void for_each_bcd(const CheckContext& ctx, F f) {
  if (!has_wmds(ctx)) return;
  for (const BackupComponents& b : ctx.capture().backup_components) {
    // Every XREF rule walks the same resolution: compute it once.
    f(b, ctx.memo<std::vector<EntryView>>(&b, [&] { return resolve(ctx, b); }));
  }
}

// --- file sets --------------------------------------------------------------

inline std::string file_set_text(const std::string& path,
                                 const std::string& filespec, bool recursive) {
  return fmt::format("{}\\{}{}", path, filespec,
                     recursive ? " (recursive)" : "");
}

inline bool is_component_file(const FileDescriptor& f) {
  return f.kind == FileDescriptorKind::kFileList ||
         f.kind == FileDescriptorKind::kDatabaseFiles ||
         f.kind == FileDescriptorKind::kDatabaseLogFiles;
}

// The directories of a component set's file sets, for O(depth · log n)
// "at or under" questions instead of a scan per entry.
class DirIndex {
 public:
  DirIndex(const WriterMetadata& w, const std::vector<std::size_t>& members) {
    for (std::size_t m : members) {
      for (const FileDescriptor& f : w.components[m].files) {
        if (!is_component_file(f)) continue;
        const std::string dir = path_key(f.path);
        all_.emplace(dir, &f);
        if (f.is_recursive()) recursive_.emplace(dir, &f);
      }
    }
  }
  /// A file set whose directory is `path`.
  const FileDescriptor* same(const std::string& path) const {
    auto hit = all_.find(path_key(path));
    return hit == all_.end() ? nullptr : hit->second;
  }
  /// A file set whose directory is `path` or one of its parents (only
  /// recursive file sets when `recursive_only`).
  const FileDescriptor* covering(const std::string& path,
                                 bool recursive_only) const {
    const auto& dirs = recursive_only ? recursive_ : all_;
    std::string dir = path_key(path);
    while (true) {
      auto hit = dirs.find(dir);
      if (hit != dirs.end()) return hit->second;
      const auto cut = dir.rfind('\\');
      if (cut == std::string::npos || cut == 0) return nullptr;
      dir.resize(cut);
    }
  }
  /// A file set whose directory lies strictly below `path`.
  const FileDescriptor* below(const std::string& path) const {
    const std::string prefix = path_key(path) + '\\';
    auto it = all_.lower_bound(prefix);
    if (it != all_.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
      return it->second;
    }
    return nullptr;
  }

 private:
  std::multimap<std::string, const FileDescriptor*> all_;
  std::multimap<std::string, const FileDescriptor*> recursive_;
};

// Per BCD component of one entry: the WMD components of its component set
// (itself plus the components it includes implicitly).
inline std::vector<std::vector<std::size_t>> component_sets(
    const CheckContext& ctx, const EntryView& v) {
  std::vector<std::vector<std::size_t>> out(v.matches.size());
  if (!v.wi) return out;
  const ComponentIndex& index = ctx.index(*v.wi);
  const InclusionResult inc = compute_inclusion(index, v.explicit_ids);
  std::map<std::size_t, std::size_t> bcd_of;
  for (std::size_t k = 0; k < v.matches.size(); ++k) {
    if (v.matches[k].index) {
      bcd_of.emplace(*v.matches[k].index, k);
      out[k].push_back(*v.matches[k].index);
    }
  }
  for (std::size_t i = 0; i < index.size(); ++i) {
    if (inc.inclusion[i] != Inclusion::kImplicit || !inc.defining[i]) continue;
    auto hit = bcd_of.find(*inc.defining[i]);
    if (hit != bcd_of.end()) out[hit->second].push_back(i);
  }
  return out;
}

// Runs f(b, v, w, k, c, set) for every matched BCD component.
template <typename F>
void for_each_matched(const CheckContext& ctx, F f) {
  for_each_bcd(
      ctx, [&](const BackupComponents& b, const std::vector<EntryView>& views) {
        for (const EntryView& v : views) {
          const WriterMetadata* w = wmd_of(ctx, v);
          if (w == nullptr) continue;
          // Several rules walk the same component sets: compute them once.
          const auto& sets = ctx.memo<std::vector<std::vector<std::size_t>>>(
              &v, [&] { return component_sets(ctx, v); });
          for (std::size_t k = 0; k < v.matches.size(); ++k) {
            if (!v.matches[k].index) continue;
            f(b, v, *w, k, v.entry->components[k], sets[k]);
          }
        }
      });
}

// The keys of every file set of a component set.
inline std::set<std::string> set_keys(const WriterMetadata& w,
                                      const std::vector<std::size_t>& members) {
  std::set<std::string> keys;
  for (std::size_t m : members) {
    for (const FileDescriptor& f : w.components[m].files) {
      if (is_component_file(f)) {
        keys.insert(file_set_key(f.path, f.filespec, f.is_recursive()));
      }
    }
  }
  return keys;
}

// f(subcomponent, match).
template <typename F>
void for_each_restore_sub(const CheckContext& ctx, F f) {
  for_each_bcd(
      ctx, [&](const BackupComponents& b, const std::vector<EntryView>& views) {
        for (const EntryView& v : views) {
          const WriterMetadata* w = wmd_of(ctx, v);
          if (w == nullptr) continue;
          const ComponentIndex& index = ctx.index(*v.wi);
          std::vector<bool> is_explicit(index.size(), false);
          for (std::size_t i : v.explicit_ids) is_explicit[i] = true;
          for (std::size_t k = 0; k < v.matches.size(); ++k) {
            const BcdComponent& c = v.entry->components[k];
            for (const RestoreSubcomponent& s : c.restore_subcomponents) {
              f(b, v, *w, index, is_explicit, k, c, s,
                match_component(index, s.logical_path, s.component_name));
            }
          }
        }
      });
}

inline std::string sub_label(const WriterMetadata& w,
                             const RestoreSubcomponent& s) {
  return fmt::format("{}:\\{}", w.display_name(),
                     join_component_path(s.logical_path, s.component_name));
}

}  // namespace vssmeta::internal::xref
