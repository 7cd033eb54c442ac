// SPDX-License-Identifier: MIT
#pragma once
// Windows paths as the documents write them: the one normal form every
// command compares paths in, the identity of file sets, the volume a path
// lies on, and filespec matching.
//
// Normal form (a path key): A-Z lowered (Windows paths and environment
// variable names are case-insensitive), `/` read as `\`, each run of `\`
// collapsed to one, except the `\\` that opens a UNC or `\\?\` path, and
// trailing `\` dropped (so `C:\` is `c:`). Environment variables are
// folded but not expanded. Non-ASCII bytes are kept as they are.

#include <cstddef>
#include <string>
#include <string_view>

namespace vssmeta::internal {

/// Appends the normal form of `path` to `out`. No allocation beyond the
/// growth of `out`: the form for hot loops (diff keys 450,000 file sets).
void append_path_key(std::string_view path, std::string& out);

/// The normal form of `path`.
std::string path_key(std::string_view path);

/// Whether `a` and `b` have the same normal form (no allocation).
bool same_path(std::string_view a, std::string_view b);

/// Appends the identity of a file set to `out`: path key, NUL, folded
/// filespec, NUL, `1` when recursive else `0`. Two file sets are the same
/// set exactly when their keys are equal.
void append_file_set_key(std::string_view path, std::string_view filespec,
                         bool recursive, std::string& out);

/// The identity of a file set (see append_file_set_key()).
std::string file_set_key(std::string_view path, std::string_view filespec,
                         bool recursive);

/// Whether two file sets are the same set: same path key, filespecs equal
/// ignoring the case of A-Z, same recursive flag.
bool same_file_set(std::string_view path_a, std::string_view filespec_a,
                   bool recursive_a, std::string_view path_b,
                   std::string_view filespec_b, bool recursive_b);

/// A file set as one path a user can paste: `path\filespec`, trailing
/// backslashes of `path` dropped (`C:\` and `*.*` give `C:\*.*`), the
/// spelling otherwise as written; just `filespec` when `path` is empty.
std::string file_pattern(std::string_view path, std::string_view filespec);

/// Whether a file name matches a Windows filespec: `*` and `?` wildcards
/// ignoring the case of A-Z, and `*.*` matching every name (dot or not).
bool filespec_matches(std::string_view filespec, std::string_view name);

/// Where a path lies, as far as the path alone tells.
struct PathVolume {
  enum class Kind {
    kNone,          ///< relative, rooted without a drive, or empty
    kDrive,         ///< `C:\...`, `\\?\C:\...`, `\\.\C:\...`
    kVolumeGuid,    ///< `\\?\Volume{GUID}\...` (or `\??\Volume{...}`)
    kNetworkShare,  ///< `\\server\share\...`, `\\?\UNC\server\share\...`
    kUnresolved,    ///< starts with an environment variable: `%SystemRoot%`
  };
  Kind kind = Kind::kNone;
  /// The volume in normal form (A-Z lowered, `\` separators): `c:\`,
  /// `\\?\volume{guid}\`, `\\server\share\`, `%systemroot%`; empty for
  /// kNone. Two paths are on the same volume when kind and root are equal.
  std::string root;

  /// Whether the volume is a local one a shadow copy can be made of.
  bool is_local() const {
    return kind == Kind::kDrive || kind == Kind::kVolumeGuid;
  }
  friend bool operator==(const PathVolume&, const PathVolume&) = default;
};

/// The volume `path` lies on.
PathVolume volume_of(std::string_view path);

}  // namespace vssmeta::internal
