// SPDX-License-Identifier: MIT
// WMD023 (../shared/docs/vss-domain.md §4.1): the same file set listed twice
// in one writer. Kept apart because it is the one WMD rule that relates file
// sets to each other (~450,000 file lists in the largest writers).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "internal/file_sets.h"
#include "internal/rules.h"

namespace vssmeta::internal {
namespace {

const char* yes_no(bool b) { return b ? "yes" : "no"; }

// The hashes of the scan (file_sets.h) grouped by value, document order
// kept among equal hashes: a stable LSD radix sort, one byte per pass.
// Linear, and with sequential memory access.
std::vector<FileSetHash> grouped(const std::vector<FileSetHash>& hashes) {
  std::vector<FileSetHash> a = hashes;
  std::vector<FileSetHash> b(a.size());
  for (unsigned shift = 0; shift < 32; shift += 8) {
    std::size_t start[257] = {};
    for (const FileSetHash& e : a) ++start[((e.hash >> shift) & 0xFF) + 1];
    for (std::size_t d = 1; d < 257; ++d) start[d] += start[d - 1];
    for (const FileSetHash& e : a) b[start[(e.hash >> shift) & 0xFF]++] = e;
    a.swap(b);
  }
  return a;
}

void check_wmd023(const CheckContext& ctx, Reporter& r) {
  const auto& writers = ctx.capture().writers;
  for (std::size_t wi = 0; wi < writers.size(); ++wi) {
    const WriterMetadata& w = writers[wi];
    const std::vector<FileSetHash> entries =
        grouped(file_set_scan(ctx, wi).hashes);
    std::size_t run = 0;  // first entry with the current hash
    for (std::size_t i = 1; i < entries.size(); ++i) {
      const FileSetHash& e = entries[i];
      if (e.hash != entries[run].hash) {
        run = i;
        continue;
      }
      const Component& c = w.components[e.component];
      const FileDescriptor& f = c.files[e.file];
      // The earliest equal set of the run: for real duplicates the run's
      // first entry, so a run of n copies costs n comparisons, not n².
      const FileSetHash* first = nullptr;
      for (std::size_t j = run; j < i; ++j) {
        const FileSetHash& o = entries[j];
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
