// SPDX-License-Identifier: MIT
// WMD023 (../shared/docs/vss-domain.md §4.1): the same file set listed twice
// in one writer. Kept apart because it is the one WMD rule that relates file
// sets to each other (~450,000 file lists in the largest writers).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "algo/radix_sort.h"
#include "semantics/file_sets.h"
#include "validate/rules.h"

namespace vssmeta::internal {
namespace {

const char* yes_no(bool b) { return b ? "yes" : "no"; }

// A file set whose hash equals an earlier one's: entries[at], and the
// first entry of its run of equal hashes, entries[run].
struct Candidate {
  FileSetRef self;
  FileSetRef run_first;
  std::size_t at;
  std::size_t run;
  std::uint32_t position;  // of `self`
};

// The earliest entry of the run equal to the candidate, or nullptr (a hash
// collision). For real duplicates that is the run's first entry, so a run
// of n copies costs n comparisons, not n².
std::optional<FileSetRef> first_copy(const WriterMetadata& w,
                                     const FileSetScan& scan,
                                     const std::vector<FileSetHash>& entries,
                                     const Candidate& c) {
  if (same_file_set(*c.run_first.file, *c.self.file)) return c.run_first;
  for (std::size_t j = c.run + 1; j < c.at; ++j) {
    const FileSetRef other = scan.at(w, entries[j].position);
    if (same_file_set(*other.file, *c.self.file)) return other;
  }
  return std::nullopt;
}

// A hint only: compilers without the builtin (MSVC) skip it.
inline void prefetch_address(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(address);
#else
  (void)address;
#endif
}

// Asks the CPU for the memory first_copy() will read: a copy and its first
// occurrence lie far apart in a large document, and reading them one after
// the other waited on memory for most of the rule's time.
void prefetch(const std::vector<Candidate>& all, std::size_t k) {
  constexpr std::size_t kAhead = 8;  // the strings, once the descriptors are
  if (k + 2 * kAhead < all.size()) {
    const Candidate& c = all[k + 2 * kAhead];
    prefetch_address(c.self.file);
    prefetch_address(c.run_first.file);
  }
  if (k + kAhead < all.size()) {
    const Candidate& c = all[k + kAhead];
    prefetch_address(c.self.file->path.data());
    prefetch_address(c.run_first.file->path.data());
  }
}

// The candidates among the grouped entries of `w`, in document order so
// that the findings come out sorted.
std::vector<Candidate> candidates(const WriterMetadata& w,
                                  const FileSetScan& scan,
                                  const std::vector<FileSetHash>& entries) {
  std::vector<Candidate> out;
  std::size_t run = 0;  // first entry with the current hash
  for (std::size_t i = 1; i < entries.size(); ++i) {
    const FileSetHash& e = entries[i];
    if (e.hash != entries[run].hash) {
      run = i;
    } else {
      out.push_back(Candidate{scan.at(w, e.position),
                              scan.at(w, entries[run].position), i, run,
                              e.position});
    }
  }
  return radix_sorted_by(std::move(out),
                         [](const Candidate& c) { return c.position; });
}

// `file set (path "p", filespec "s", recursive no) is listed twice in "L"
// (also at line 1, column 2)`, or `... of "L" is also listed in "M" at line
// 1, column 2` when `other` (the first copy's component) is given. Built by
// appending: a large writer can have tens of thousands of copies, and
// parsing a format string at run time cost more than the rest of a finding.
std::string message(const FileDescriptor& f, const std::string& label,
                    const std::string* other, Origin also) {
  std::string m;
  m.reserve(120 + f.path.size() + f.filespec.size() + 2 * label.size());
  m += "file set (path \"";
  m += f.path;
  m += "\", filespec \"";
  m += f.filespec;
  m += "\", recursive ";
  m += yes_no(f.is_recursive());
  m += other == nullptr ? ") is listed twice in \"" : ") of \"";
  m += label;
  if (other == nullptr) {
    m += "\" (also at line ";
  } else {
    m += "\" is also listed in \"";
    m += *other;
    m += "\" at line ";
  }
  m += std::to_string(also.line);
  m += ", column ";
  m += std::to_string(also.column);
  if (other == nullptr) m += ')';
  return m;
}

void check_wmd023(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    if (r.silent_about(w)) continue;  // then not scanned at all
    const FileSetScan& scan = file_set_scan(ctx, wi);
    const std::vector<FileSetHash> entries = radix_sorted_by(
        scan.hashes, [](const FileSetHash& e) { return e.hash; });
    const std::vector<Candidate> all = candidates(w, scan, entries);
    for (std::size_t k = 0; k < all.size(); ++k) {
      prefetch(all, k);
      const std::optional<FileSetRef> first =
          first_copy(w, scan, entries, all[k]);
      if (!first) continue;
      const Component& c = *all[k].self.component;
      const FileDescriptor& f = *all[k].self.file;
      const Component& oc = *first->component;
      const FileDescriptor& of = *first->file;
      r.writer(w, &c, f.where,
               message(f, r.label(w, c), &oc == &c ? nullptr : &r.label(w, oc),
                       of.where),
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
      ".md; win32:vss-test-writer-tool.md"},
     check_wmd023},
};

}  // namespace

std::span<const Rule> wmd_file_set_rules() { return kRules; }

}  // namespace vssmeta::internal
