// SPDX-License-Identifier: MIT
#include "semantics/file_sets.h"

#include <algorithm>
#include <cstring>
#include <string>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#define VSSMETA_FILE_SETS_SSE2 1
#endif

#include "paths/windows_path.h"
#include "text/ascii.h"

namespace vssmeta::internal {
namespace {

std::string_view trimmed_path(const FileDescriptor& f) {
  std::string_view p = f.path;
  while (!p.empty() && p.back() == '\\') p.remove_suffix(1);
  return p;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = kOnes * 0x80;

std::uint64_t load8(std::string_view s, std::size_t at) {
  std::uint64_t word;
  std::memcpy(&word, s.data() + at, 8);
  return word;
}

// Whether some byte of `x` is `c` (exact: the borrow of the classic
// zero-byte test only spreads above a byte that is zero).
template <char c>
bool has_byte(std::uint64_t x) {
  const std::uint64_t v = x ^ (kOnes * static_cast<unsigned char>(c));
  return ((v - kOnes) & ~v & kHigh) != 0;
}

// The 0x80 bit of each byte of `x` that is `c`, exactly.
template <char c>
std::uint64_t byte_marks(std::uint64_t x) {
  constexpr std::uint64_t kLow = kOnes * 0x7F;
  const std::uint64_t v = x ^ (kOnes * static_cast<unsigned char>(c));
  return ~(((v & kLow) + kLow) | v | kLow);
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h ^= v;
  h *= 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}

// The bytes of a string shorter than 8: two overlapping 4-byte loads, or
// (below 4) the bytes themselves, zero-padded.
std::uint64_t load_short(std::string_view s) {
  if (s.size() >= 4) {
    std::uint32_t head;
    std::uint32_t tail;
    std::memcpy(&head, s.data(), 4);
    std::memcpy(&tail, s.data() + s.size() - 4, 4);
    return head | std::uint64_t{tail} << 32;
  }
  std::uint64_t word = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    word |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * k);
  }
  return word;
}

// The text of a file set read a word (or, for long paths, 16 bytes) at a
// time, folded and mixed into a hash. What is mixed is a function of the
// string's bytes and length only, so strings equal after folding hash
// alike.
struct Digest {
  std::uint64_t hash = 0x243F6A8885A308D3ULL;

  // Mixes `s` in; returns whether it holds `a` or `b`.
  template <char a, char b>
  bool add(std::string_view s) {
    bool found = false;
    each_word(s, [&](std::uint64_t word, bool) {
      found |= has_byte<a>(word) | has_byte<b>(word);
    });
    return found;
  }

  // Mixes a path with no trailing `\` in, as its normal form (see
  // paths/windows_path.h); returns whether it holds `*` or `?`. The path
  // is read as it is, unless it has a `/` or a run of `\` (rare): then its
  // normal form is built in `buffer` and read. A text is read 16 bytes at a
  // time from 16 bytes on (SSE2), else a word at a time; which depends on
  // its length only, so equal normal forms mix alike.
  bool add_path(std::string_view path, std::string& buffer) {
#if defined(VSSMETA_FILE_SETS_SSE2)
    if (path.size() >= 16) return add_long_path(path, buffer);
#endif
    const Digest start = *this;
    bool found = false;
    bool irregular = false;
    std::uint64_t last_marks = 0;
    std::size_t at = 0;
    each_word(path, [&](std::uint64_t word, bool consecutive) {
      found |= has_byte<'*'>(word) | has_byte<'?'>(word);
      const std::uint64_t marks = byte_marks<'\\'>(word);
      std::uint64_t pairs = marks & (marks >> 8);
      if (at == 0) pairs &= ~std::uint64_t{0x80};  // the opening `\\`
      irregular |= has_byte<'/'>(word) | (pairs != 0) |
                   (consecutive && (last_marks >> 63) != 0 && (marks & 0x80));
      last_marks = marks;
      at += 8;
    });
    if (!irregular) return found;
    *this = start;
    buffer.clear();
    append_path_key(path, buffer);
    add_text(buffer);
    return found;
  }

 private:
  // Mixes the folded bytes of `s` in, as add_path() reads a regular path.
  void add_text(std::string_view s) {
#if defined(VSSMETA_FILE_SETS_SSE2)
    if (s.size() >= 16) {
      each_chunk(s, [](__m128i, std::size_t) {});
      return;
    }
#endif
    each_word(s, [](std::uint64_t, bool) {});
  }

#if defined(VSSMETA_FILE_SETS_SSE2)
  // add_path() of a path of 16 bytes or more.
  bool add_long_path(std::string_view path, std::string& buffer) {
    const Digest start = *this;
    const __m128i star = _mm_set1_epi8('*');
    const __m128i question = _mm_set1_epi8('?');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i slash = _mm_set1_epi8('/');
    int wild = 0;
    unsigned odd = 0;  // bits of `/`, or of a `\` that follows a `\`
    each_chunk(path, [&](__m128i chunk, std::size_t at) {
      wild |= _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, star),
                                             _mm_cmpeq_epi8(chunk, question)));
      const auto marks = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(chunk, backslash)));
      unsigned pairs = marks & (marks >> 1);
      if (at == 0) pairs &= ~1U;  // the opening `\\`
      // A run across two chunks lies inside the next one: chunks after
      // the first start 16 bytes on, or (the last) overlap the one before.
      if (at != 0 && (path[at - 1] == '\\') && (marks & 1U)) pairs |= 1U;
      odd |= pairs | static_cast<unsigned>(
                         _mm_movemask_epi8(_mm_cmpeq_epi8(chunk, slash)));
    });
    if (odd == 0) return wild != 0;
    *this = start;
    buffer.clear();
    append_path_key(path, buffer);
    add_text(buffer);
    return wild != 0;
  }

  // Calls `take(chunk, at)` per 16 bytes of `s` (at least 16), the last
  // overlapping the one before unless the size is a multiple of 16, and
  // mixes the folded bytes in.
  template <typename Take>
  void each_chunk(std::string_view s, Take take) {
    const auto load = [&](std::size_t at) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
    };
    std::size_t i = 0;
    for (; i + 16 <= s.size(); i += 16) mix_chunk(take, load(i), i);
    if (i < s.size()) mix_chunk(take, load(s.size() - 16), s.size() - 16);
    hash = mix(hash, s.size());
  }

  template <typename Take>
  void mix_chunk(Take& take, __m128i chunk, std::size_t at) {
    take(chunk, at);
    // A-Z (0x41..0x5A) moved to -128..-103 as signed bytes, then lowered.
    const __m128i shifted = _mm_add_epi8(chunk, _mm_set1_epi8(0x80 - 'A'));
    const __m128i upper =
        _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i folded =
        _mm_or_si128(chunk, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
    hash = mix(hash, static_cast<std::uint64_t>(_mm_cvtsi128_si64(folded)));
    hash = mix(hash, static_cast<std::uint64_t>(_mm_cvtsi128_si64(
                         _mm_unpackhi_epi64(folded, folded))));
  }
#endif

  // Calls `take(word, consecutive)` per word of `s` and mixes the folded
  // word in; `consecutive` when the word follows the previous one directly
  // (not so for the overlapping last word).
  template <typename Take>
  void each_word(std::string_view s, Take take) {
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      const std::uint64_t word = load8(s, i);
      take(word, i != 0);
      hash = mix(hash, fold_word(word));
    }
    if (i < s.size()) {  // the rest: an overlapping last word if there is one
      const std::uint64_t word =
          s.size() >= 8 ? load8(s, s.size() - 8) : load_short(s);
      take(word, false);
      hash = mix(hash, fold_word(word));
    }
    hash = mix(hash, s.size());  // so that "ab" and "ab\0" differ
  }
};

// The Win32 namespace prefixes `\\?\` and `\??\`, whose `?` is no wildcard.
std::string_view namespace_prefix(std::string_view path) {
  for (std::string_view prefix : {"\\\\?\\", "\\??\\"}) {
    if (path.starts_with(prefix)) return prefix;
  }
  return {};
}

bool kind_mismatch(const Component& c, const FileDescriptor& f) {
  const bool list = f.kind == FileDescriptorKind::kFileList;
  if (c.type == ComponentType::kDatabase) return list;
  if (c.type == ComponentType::kFileGroup) return !list;
  return false;
}

bool has_database_options(const FileDescriptor& f) {
  return f.kind != FileDescriptorKind::kFileList &&
         (f.is_recursive() || (f.alternate_path && !f.alternate_path->empty()));
}

// Empty, or with a directory part.
bool bad_filespec(std::string_view filespec) {
  return filespec.empty() || filespec.find('\\') != std::string_view::npos ||
         filespec.find('/') != std::string_view::npos;
}

// file_set_hash() from the digest of the trimmed path and the filespec.
std::uint32_t hash_of(const Digest& digest, const FileDescriptor& f) {
  return static_cast<std::uint32_t>(
      mix(digest.hash, f.is_recursive() ? 1 : 0) >> 32);
}

FileSetScan scan(const WriterMetadata& w) {
  FileSetScan s;
  std::uint32_t total = 0;
  s.first_position.reserve(w.components.size());
  for (const Component& c : w.components) {
    s.first_position.push_back(total);
    total += static_cast<std::uint32_t>(c.files.size());
  }
  s.hashes.reserve(total);
  std::string buffer;  // normal forms of irregular paths
  // WMD020..WMD022 look at every file set, the other rules at components'.
  const auto any_file_set = [&s](const Component* c, const FileDescriptor& f) {
    const FileSetRef ref{c, &f};
    if (f.path.empty()) s.empty_path.push_back(ref);
    if (has_wildcard(f.path)) s.wildcard_path.push_back(ref);
    if (bad_filespec(f.filespec)) s.bad_filespec.push_back(ref);
  };
  for (std::size_t ci = 0; ci < w.components.size(); ++ci) {
    const Component& c = w.components[ci];
    for (std::size_t fi = 0; fi < c.files.size(); ++fi) {
      const FileDescriptor& f = c.files[fi];
      const FileSetRef ref{&c, &f};
      // One read of the path and filespec for WMD020..WMD023.
      Digest digest;
      const bool star_or_question = digest.add_path(trimmed_path(f), buffer);
      const bool separator = digest.add<'\\', '/'>(f.filespec);
      if (f.path.empty()) s.empty_path.push_back(ref);
      if (star_or_question && has_wildcard(f.path)) {
        s.wildcard_path.push_back(ref);
      }
      if (f.filespec.empty() || separator) s.bad_filespec.push_back(ref);
      if (kind_mismatch(c, f)) s.kind_mismatch.push_back(ref);
      if (has_database_options(f)) s.database_options.push_back(ref);
      if (f.backup_type_mask) {
        const std::uint32_t mask = *f.backup_type_mask;
        if ((mask & ~kFsbtDefined) != 0) s.undefined_mask.push_back(ref);
        if ((mask & kFsbtAllBackupRequired) == 0) s.never_copied.push_back(ref);
      }
      s.hashes.push_back(FileSetHash{
          hash_of(digest, f), static_cast<std::uint32_t>(s.hashes.size())});
    }
  }
  for (const FileDescriptor& f : w.exclude_files) any_file_set(nullptr, f);
  for (const FileDescriptor& f : w.exclude_from_snapshot) {
    any_file_set(nullptr, f);
  }
  if (w.restore_method) {
    for (const FileDescriptor& f :
         w.restore_method->alternate_location_mappings) {
      any_file_set(nullptr, f);
    }
  }
  return s;
}

}  // namespace

FileSetRef FileSetScan::at(const WriterMetadata& w,
                           std::uint32_t position) const {
  // The last component whose first position is at or before `position`.
  const auto next =
      std::upper_bound(first_position.begin(), first_position.end(), position);
  const auto ci = static_cast<std::size_t>(next - first_position.begin()) - 1;
  const Component& c = w.components[ci];
  return FileSetRef{&c, &c.files[position - first_position[ci]]};
}

const FileSetScan& file_set_scan(const CheckContext& ctx, std::size_t writer) {
  const WriterMetadata& w = ctx.capture().writers[writer];
  return ctx.memo<FileSetScan>(&w, [&w] { return scan(w); });
}

bool has_wildcard(std::string_view path) {
  path.remove_prefix(namespace_prefix(path).size());
  // Two memchr scans: find_first_of("*?") tests each character in a loop.
  return path.find('*') != std::string_view::npos ||
         path.find('?') != std::string_view::npos;
}

bool same_file_set(const FileDescriptor& a, const FileDescriptor& b) {
  return internal::same_file_set(a.path, a.filespec, a.is_recursive(), b.path,
                                 b.filespec, b.is_recursive());
}

std::uint32_t file_set_hash(const FileDescriptor& f) {
  Digest digest;
  std::string buffer;
  digest.add_path(trimmed_path(f), buffer);
  digest.add<'\\', '/'>(f.filespec);
  return hash_of(digest, f);
}

}  // namespace vssmeta::internal
