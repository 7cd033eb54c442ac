// SPDX-License-Identifier: MIT
// Component references (`Writer:\logical\path\name`, `Writer`) resolved
// against a capture's writers: the one set of rules behind a live capture's
// selection and a simulated one.
#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "semantics/logical_path.h"
#include "text/ascii.h"
#include "vssmeta/hierarchy.h"
#include "vssmeta/selection.h"

namespace vssmeta {
namespace {

// Edit distance ignoring the case of A-Z, a swap of two neighbours counting
// as one edit ("dupm" is one from "dump"): optimal string alignment, in
// three rows.
std::size_t distance(std::string_view a, std::string_view b) {
  auto same = [&](std::size_t i, std::size_t j) {
    return internal::ascii_lower(a[i]) == internal::ascii_lower(b[j]);
  };
  std::vector<std::size_t> before(b.size() + 1), row(b.size() + 1),
      next(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    next[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      next[j] = std::min({row[j] + 1, next[j - 1] + 1,
                          row[j - 1] + (same(i - 1, j - 1) ? 0 : 1)});
      if (i > 1 && j > 1 && same(i - 1, j - 2) && same(i - 2, j - 1)) {
        next[j] = std::min(next[j], before[j - 2] + 1);
      }
    }
    std::swap(before, row);
    std::swap(row, next);
  }
  return row[b.size()];
}

// Letters and digits only, lower case: "SQL Server" and "SqlServerWriter"
// compare as "sqlserver" and "sqlserverwriter".
std::string squeezed(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) out.push_back(c);
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c + 32));
  }
  return out;
}

class Resolver {
 public:
  explicit Resolver(const std::vector<const WriterMetadata*>& writers)
      : writers_(writers), indexes_(writers.size()) {}

  const ComponentIndex& index(std::size_t w) {
    if (!indexes_[w]) indexes_[w].emplace(*writers_[w]);
    return *indexes_[w];
  }
  // The index of writer w, moved out: the last use.
  ComponentIndex take(std::size_t w) {
    index(w);
    return std::move(*indexes_[w]);
  }

  ResolvedReference resolve(const std::string& text);

 private:
  void find_components(ResolvedReference& r);
  std::vector<std::string> writer_names() const;

  const std::vector<const WriterMetadata*>& writers_;
  std::vector<std::optional<ComponentIndex>> indexes_;
};

ResolvedReference Resolver::resolve(const std::string& text) {
  ResolvedReference r;
  r.text = text;
  const ComponentRef ref = parse_component_ref(text);
  r.writer = ref.writer.empty() ? text : ref.writer;
  if (!ref.writer.empty()) r.path = ref.path;
  for (std::size_t w = 0; w < writers_.size(); ++w) {
    if (writers_[w] != nullptr && writer_matches(*writers_[w], r.writer)) {
      r.writers.push_back(w);
    }
  }
  if (r.writers.empty()) {
    r.problem = ReferenceProblem::kNoWriter;
    r.candidates = closest_names(writer_names(), r.writer);
    return r;
  }
  find_components(r);
  if (r.components.empty()) {
    r.problem = ReferenceProblem::kNoComponent;
    std::vector<std::string> paths;
    for (std::size_t w : r.writers) {
      for (const Component& c : writers_[w]->components) {
        paths.push_back(c.full_path());
      }
    }
    r.candidates = closest_names(paths, r.path);
  }
  return r;
}

void Resolver::find_components(ResolvedReference& r) {
  std::vector<std::string> elements = split_logical_path(r.path);
  std::string name;
  std::optional<std::string> logical;
  if (!elements.empty()) {
    name = std::move(elements.back());
    elements.pop_back();
    logical.emplace();
    for (const std::string& e : elements) {
      if (!logical->empty()) logical->push_back('\\');
      *logical += e;
    }
  }
  for (std::size_t w : r.writers) {
    const ComponentIndex& in = index(w);
    if (r.path.empty()) {
      // The writer alone: what a backup of it adds explicitly at the top.
      for (std::size_t c = 0; c < in.size(); ++c) {
        const BackupClass k = in.backup_class(c);
        if (k == BackupClass::kRequired || k == BackupClass::kOptionalTop) {
          r.components.push_back({w, c, k});
        }
      }
    } else if (!name.empty()) {
      for (std::size_t c : in.find(logical, name)) {
        r.components.push_back({w, c, in.backup_class(c)});
      }
    }
  }
  if (!r.components.empty() || r.path.empty()) return;
  // No component there: an organising node (ASR's `Volumes`) names the
  // topmost components below it, those without a declared ancestor there.
  const std::string key = internal::logical_key(r.path);
  for (std::size_t w : r.writers) {
    const ComponentIndex& in = index(w);
    const auto& components = writers_[w]->components;
    std::vector<bool> below(components.size());
    for (std::size_t c = 0; c < components.size(); ++c) {
      below[c] = internal::is_at_or_under(
          internal::logical_key(components[c].full_path()), key);
    }
    auto under = [&](std::size_t c) { return bool(below[c]); };
    for (std::size_t c = 0; c < components.size(); ++c) {
      if (!below[c]) continue;
      const auto& up = in.ancestors(c);
      if (std::none_of(up.begin(), up.end(), under)) {
        r.components.push_back({w, c, in.backup_class(c)});
      }
    }
  }
  r.subtree = !r.components.empty();
}

std::vector<std::string> Resolver::writer_names() const {
  std::vector<std::string> out;
  for (const WriterMetadata* w : writers_) {
    if (w == nullptr) continue;
    out.push_back(w->display_name());
    if (w->identity.instance_name) out.push_back(*w->identity.instance_name);
  }
  return out;
}

}  // namespace

std::vector<std::string> closest_names(const std::vector<std::string>& names,
                                       std::string_view wanted) {
  const std::size_t last = wanted.rfind('\\');
  const std::size_t tail =
      last == std::string_view::npos ? wanted.size() : wanted.size() - last - 1;
  const std::size_t limit = std::max<std::size_t>(1, tail / 3);
  const std::string part = squeezed(wanted);
  std::vector<std::pair<std::size_t, const std::string*>> near;
  for (const std::string& n : names) {
    const std::size_t d = distance(n, wanted);
    // A typo away, or the name written another way ("SQL Server" for
    // SqlServerWriter): ranked after every typo.
    if (d <= limit) {
      near.emplace_back(d, &n);
    } else if (const std::string whole = squeezed(n);
               part.size() >= 3 && 2 * part.size() >= whole.size() &&
               whole.find(part) != std::string::npos) {
      near.emplace_back(limit + 1, &n);
    }
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& x, const auto& y) {
    return x.first < y.first;
  });
  std::vector<std::string> out;
  for (const auto& [d, n] : near) {
    if (out.size() == 3) break;
    if (std::find(out.begin(), out.end(), *n) == out.end()) out.push_back(*n);
  }
  return out;
}

std::string describe_unmatched(const ResolvedReference& r) {
  std::string out =
      r.problem == ReferenceProblem::kNoWriter
          ? fmt::format("no writer '{}' in the capture", r.writer)
      : r.path.empty()
          ? fmt::format("no top-level component in writer '{}'", r.writer)
      : r.writer.empty()
          ? fmt::format("no component or path '{}' in the capture", r.path)
          : fmt::format("no component '{}' in writer '{}'", r.path, r.writer);
  if (!r.candidates.empty()) {
    out += fmt::format(" (closest: {})", fmt::join(r.candidates, ", "));
  }
  return out;
}

const ResolvedReference* ResolvedSelection::first_unmatched() const {
  for (const ResolvedReference& r : references) {
    if (r.problem != ReferenceProblem::kNone) return &r;
  }
  return nullptr;
}

ResolvedSelection resolve_references(
    const std::vector<const WriterMetadata*>& writers,
    const std::vector<std::string>& select,
    const std::vector<std::string>& exclude) {
  Resolver resolver(writers);
  ResolvedSelection out;
  std::map<std::size_t, std::vector<std::size_t>> chosen;  // writer -> ids
  for (const std::string& s : select) {
    ResolvedReference r = resolver.resolve(s);
    for (const ReferencedComponent& c : r.components) {
      chosen[c.writer].push_back(c.component);
    }
    out.references.push_back(std::move(r));
  }
  for (const std::string& x : exclude) {
    ResolvedReference r = resolver.resolve(x);
    for (const ReferencedComponent& c : r.components) {
      auto& ids = chosen[c.writer];
      ids.erase(std::remove(ids.begin(), ids.end(), c.component), ids.end());
    }
    out.references.push_back(std::move(r));
  }
  for (auto& [w, ids] : chosen) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.empty()) continue;
    ComponentIndex index = resolver.take(w);
    InclusionResult inclusion = compute_inclusion(index, ids);
    out.writers.push_back(
        {w, std::move(ids), std::move(inclusion), std::move(index)});
  }
  return out;
}

ResolvedSelection resolve_references(const std::vector<WriterMetadata>& writers,
                                     const std::vector<std::string>& select,
                                     const std::vector<std::string>& exclude) {
  std::vector<const WriterMetadata*> all;
  all.reserve(writers.size());
  for (const WriterMetadata& w : writers) all.push_back(&w);
  return resolve_references(all, select, exclude);
}

}  // namespace vssmeta
