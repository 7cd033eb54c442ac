// SPDX-License-Identifier: MIT
// WMD023 (../shared/docs/vss-domain.md §4.1): the same file set listed twice
// in one writer. Kept apart because it is the one WMD rule that relates file
// sets to each other (~450,000 file lists in the largest writers).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "internal/file_sets.h"
#include "internal/rules.h"

namespace vssmeta::internal {
namespace {

const char* yes_no(bool b) { return b ? "yes" : "no"; }

// The hashes of the scan (file_sets.h) grouped by value, document order
// kept among equal hashes: a stable LSD radix sort, 11 bits per pass.
// Linear, and with sequential memory access.
std::vector<FileSetHash> grouped(const std::vector<FileSetHash>& hashes) {
  constexpr unsigned kBits = 11;
  constexpr std::uint32_t kMask = (1U << kBits) - 1;
  std::vector<FileSetHash> from;
  std::vector<FileSetHash> to(hashes.size());
  for (unsigned shift = 0; shift < 32; shift += kBits) {
    const std::vector<FileSetHash>& in = shift == 0 ? hashes : from;
    std::vector<std::size_t> start(kMask + 2, 0);
    for (const FileSetHash& e : in) ++start[((e.hash >> shift) & kMask) + 1];
    for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    for (const FileSetHash& e : in) to[start[(e.hash >> shift) & kMask]++] = e;
    from.swap(to);
    if (to.empty()) to.resize(hashes.size());
  }
  return from;
}

const FileDescriptor& file_of(const WriterMetadata& w, const FileSetHash& e) {
  return w.components[e.component].files[e.file];
}

// A file set whose hash equals an earlier one's: entries[at], and the
// first entry of its run of equal hashes, entries[run].
struct Candidate {
  FileSetHash self;
  FileSetHash run_first;
  std::size_t at;
  std::size_t run;
};

// The earliest entry of the run equal to the candidate, or nullptr (a hash
// collision). For real duplicates that is the run's first entry, so a run
// of n copies costs n comparisons, not n².
const FileSetHash* first_copy(const WriterMetadata& w,
                              const std::vector<FileSetHash>& entries,
                              const Candidate& c) {
  const FileDescriptor& f = file_of(w, c.self);
  for (std::size_t j = c.run; j < c.at; ++j) {
    if (same_file_set(file_of(w, entries[j]), f)) return &entries[j];
  }
  return nullptr;
}

// Asks the CPU for the memory first_copy() will read: a copy and its first
// occurrence lie far apart in a large document, and reading them one after
// the other waited on memory for most of the rule's time.
void prefetch(const WriterMetadata& w, const std::vector<Candidate>& all,
              std::size_t k) {
  constexpr std::size_t kAhead = 8;  // the strings, once the descriptors are
  if (k + 2 * kAhead < all.size()) {
    const Candidate& c = all[k + 2 * kAhead];
    __builtin_prefetch(&file_of(w, c.self));
    __builtin_prefetch(&file_of(w, c.run_first));
  }
  if (k + kAhead < all.size()) {
    const Candidate& c = all[k + kAhead];
    __builtin_prefetch(file_of(w, c.self).path.data());
    __builtin_prefetch(file_of(w, c.run_first).path.data());
  }
}

// The candidates of one writer in document order, so that the findings come
// out sorted.
std::vector<Candidate> candidates(const std::vector<FileSetHash>& entries) {
  std::vector<Candidate> out;
  std::size_t run = 0;  // first entry with the current hash
  for (std::size_t i = 1; i < entries.size(); ++i) {
    if (entries[i].hash != entries[run].hash) {
      run = i;
    } else {
      out.push_back(Candidate{entries[i], entries[run], i, run});
    }
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.self.component, a.self.file) <
           std::tie(b.self.component, b.self.file);
  });
  return out;
}

void check_wmd023(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    const std::vector<FileSetHash> entries =
        grouped(file_set_scan(ctx, wi).hashes);
    const std::vector<Candidate> all = candidates(entries);
    for (std::size_t k = 0; k < all.size(); ++k) {
      prefetch(w, all, k);
      const FileSetHash* first = first_copy(w, entries, all[k]);
      if (first == nullptr) continue;
      const Component& c = w.components[all[k].self.component];
      const FileDescriptor& f = c.files[all[k].self.file];
      const Component& oc = w.components[first->component];
      const FileDescriptor& of = oc.files[first->file];
      r.writer(w, &c, f.where,
               &oc == &c
                   ? fmt::format("file set (path \"{}\", filespec \"{}\", "
                                 "recursive {}) is listed twice in \"{}\" "
                                 "(also at line {}, column {})",
                                 f.path, f.filespec, yes_no(f.is_recursive()),
                                 r.label(w, c), of.where.line, of.where.column)
                   : fmt::format("file set (path \"{}\", filespec \"{}\", "
                                 "recursive {}) of \"{}\" is also listed in "
                                 "\"{}\" at line {}, column {}",
                                 f.path, f.filespec, yes_no(f.is_recursive()),
                                 r.label(w, c), r.label(w, oc), of.where.line,
                                 of.where.column),
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
