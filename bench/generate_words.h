// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Building blocks of the document generator (generate.h): a portable
/// random stream and the made-up names, Windows paths, file specs and XML
/// fragments it writes. Not a public interface of the benchmarks.

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>

namespace vssmeta::bench {

/// splitmix64: turns related seeds (1, 2, 3...) into unrelated ones.
inline std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// A seeded random stream. Only raw `std::mt19937_64` output is used (its
/// sequence is fixed by the standard), never the implementation-defined
/// standard distributions, so every platform generates the same bytes.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(mix(seed)) {}
  std::uint64_t next() { return engine_(); }
  /// REQUIRES: n > 0. Uniform enough in [0, n) for test data.
  std::size_t below(std::size_t n) {
    return static_cast<std::size_t>(engine_() % n);
  }
  /// In [0, 1).
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  /// REQUIRES: !words.empty().
  std::string_view pick(std::span<const std::string_view> words) {
    return words[below(words.size())];
  }

 private:
  std::mt19937_64 engine_;
};

/// Appends the low `digits` hex digits of `value`.
void append_hex(std::string& out, std::uint64_t value, int digits, bool upper);
/// Appends a random version-4 GUID without braces.
void append_guid(std::string& out, Random& r, bool upper);
/// A random lower-case GUID without braces.
std::string make_guid(Random& r);
/// Appends `n` in decimal.
void append_number(std::string& out, std::uint64_t n);
/// Appends a made-up word such as "crypthost32" ("Crypthost32" if capital).
void append_word(std::string& out, Random& r, bool capital = false);

/// One of the busiest System Writer folders (`c:\windows\system32`, ...).
std::string_view hot_directory(Random& r);
/// A plausible System Writer folder: mostly lower case under `c:\windows`,
/// some `%SystemRoot%`-style, CatRoot brace GUIDs, volume GUID paths and
/// the occasional trailing backslash.
std::string system_directory(Random& r);
/// A `C:\Program Files\...` folder of a service executable.
std::string service_directory(Random& r);
/// Appends a file spec: mostly one file name, sometimes `*.dll`-style
/// wildcards or `Perfc???.dat`-style patterns; always a wildcard when
/// `recursive`.
void append_filespec(std::string& out, Random& r, bool recursive);

/// Appends `<FILE_LIST path=".." filespec=".." [recursive="yes"]
/// filespecBackupType="3855"/>`. The values must need no escaping.
void append_file_list(std::string& out, std::string_view path,
                      std::string_view filespec, bool recursive);
/// Appends ` name="value"`. The value must need no escaping.
void append_attribute(std::string& out, std::string_view name,
                      std::string_view value);
/// Appends `data` in base64 with padding.
void append_base64(std::string& out, const unsigned char* data, std::size_t n);

}  // namespace vssmeta::bench
