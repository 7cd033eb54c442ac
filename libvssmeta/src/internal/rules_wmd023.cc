// SPDX-License-Identifier: MIT
// WMD023 (../shared/docs/vss-domain.md §4.1): the same file set listed twice
// in one writer. Kept apart because it is the one WMD rule whose cost grows
// with the file count of the largest writers (~450,000 file lists).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "internal/rules.h"

namespace vssmeta::internal {
namespace {

std::string at(const Origin& o) {
  return fmt::format("line {}, column {}", o.line, o.column);
}

const char* yes_no(bool b) { return b ? "yes" : "no"; }

// File sets compare as Windows would: path and filespec ASCII
// case-insensitive, trailing backslashes of the path dropped, environment
// variables left as written, the recursive flag exactly.
std::string_view trimmed_path(const FileDescriptor& f) {
  std::string_view p = f.path;
  while (!p.empty() && p.back() == '\\') p.remove_suffix(1);
  return p;
}

char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

bool same_file_set(const FileDescriptor& a, const FileDescriptor& b) {
  return a.is_recursive() == b.is_recursive() &&
         iequal(trimmed_path(a), trimmed_path(b)) &&
         iequal(a.filespec, b.filespec);
}

// FNV-1a over the folded key, without building it: this runs once per file
// descriptor (~450,000 in a large System Writer document).
std::uint64_t file_set_hash(const FileDescriptor& f) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto add = [&h](char c) {
    h ^= static_cast<unsigned char>(fold(c));
    h *= 0x100000001b3ULL;
  };
  for (char c : trimmed_path(f)) add(c);
  add('\0');
  for (char c : f.filespec) add(c);
  add(f.is_recursive() ? '1' : '0');
  return h;
}

// Sorting hashes instead of a hash map of folded strings: no allocation per
// descriptor and sequential memory access, O(n log n).
void check_wmd023(const CheckContext& ctx, Reporter& r) {
  struct Entry {
    std::uint64_t hash;
    std::uint32_t component;
    std::uint32_t file;
  };
  for (const WriterMetadata& w : ctx.capture().writers) {
    std::vector<Entry> entries;
    for (std::size_t ci = 0; ci < w.components.size(); ++ci) {
      const auto& files = w.components[ci].files;
      for (std::size_t fi = 0; fi < files.size(); ++fi) {
        entries.push_back(Entry{file_set_hash(files[fi]),
                                static_cast<std::uint32_t>(ci),
                                static_cast<std::uint32_t>(fi)});
      }
    }
    // Ties keep document order, so the first of equal sets is the earliest.
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) {
                return std::tie(a.hash, a.component, a.file) <
                       std::tie(b.hash, b.component, b.file);
              });
    std::size_t run = 0;  // first entry with the current hash
    for (std::size_t i = 1; i < entries.size(); ++i) {
      const Entry& e = entries[i];
      if (e.hash != entries[run].hash) {
        run = i;
        continue;
      }
      const Component& c = w.components[e.component];
      const FileDescriptor& f = c.files[e.file];
      // The earliest equal set of the run: for real duplicates the run's
      // first entry, so a run of n copies costs n comparisons, not n².
      const Entry* first = nullptr;
      for (std::size_t j = run; j < i; ++j) {
        const Entry& o = entries[j];
        if (same_file_set(w.components[o.component].files[o.file], f)) {
          first = &o;
          break;
        }
      }
      if (first == nullptr) continue;
      const Component& oc = w.components[first->component];
      const FileDescriptor& of = oc.files[first->file];
      r.writer(w, &c, f.where,
               &oc == &c
                   ? fmt::format("file set (path \"{}\", filespec \"{}\", "
                                 "recursive {}) is listed twice in \"{}\" "
                                 "(also at {})",
                                 f.path, f.filespec, yes_no(f.is_recursive()),
                                 component_label(w, c), at(of.where))
                   : fmt::format("file set (path \"{}\", filespec \"{}\", "
                                 "recursive {}) of \"{}\" is also listed in "
                                 "\"{}\" at {}",
                                 f.path, f.filespec, yes_no(f.is_recursive()),
                                 component_label(w, c), component_label(w, oc),
                                 at(of.where)),
               "a file should be reported once; the same set in two "
               "components makes a requester back it up twice and restore it "
               "for whichever component it meets first");
    }
  }
}

constexpr Rule kRules[] = {
    {{"WMD023", Severity::kWarning, RuleScope::kWriter,
      "Same file set listed twice",
      "A file can be specified only once; the same (path, filespec, "
      "recursive), compared case-insensitively and ignoring a trailing "
      "backslash, in one component or two makes the backup set ambiguous.",
      "sdk:vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup"
      ".md (remarks); win32:vss-test-writer-tool.md"},
     check_wmd023},
};

}  // namespace

std::span<const Rule> wmd_file_set_rules() { return kRules; }

}  // namespace vssmeta::internal
