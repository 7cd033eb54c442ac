// SPDX-License-Identifier: MIT
#pragma once
// One pass over every file set of a writer, shared by the WMD file-set rules
// (WMD018..WMD023, WMD026, WMD027). A large System Writer document has about
// 450,000 file lists: walking them once per rule cost more than loading the
// document. The scan keeps, per rule, the few file sets that break it, and
// for WMD023 the hash of every component file set; the rules then only
// report. Computed once per writer and validate() call (CheckContext::memo).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "validate/rules.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta::internal {

/// A file set and the component holding it; nullptr for the writer's
/// exclude lists and alternate location mappings.
struct FileSetRef {
  const Component* component = nullptr;
  const FileDescriptor* file = nullptr;
};

/// file_set_hash() of a component file set, and the set's position among
/// all component file sets of the writer (in document order). Eight bytes:
/// the large writers have hundreds of thousands.
struct FileSetHash {
  std::uint32_t hash = 0;
  std::uint32_t position = 0;
};

/// What the file-set rules need of one writer. Each list is in document
/// order: components' files, then EXCLUDE_FILES, EXCLUDE_FROM_SNAPSHOT and
/// alternate location mappings (the last three for WMD020..WMD022 only).
struct FileSetScan {
  std::vector<FileSetRef> kind_mismatch;     ///< WMD018
  std::vector<FileSetRef> database_options;  ///< WMD019
  std::vector<FileSetRef> empty_path;        ///< WMD020
  std::vector<FileSetRef> wildcard_path;     ///< WMD021
  std::vector<FileSetRef> bad_filespec;      ///< WMD022
  std::vector<FileSetRef> undefined_mask;    ///< WMD026
  std::vector<FileSetRef> never_copied;      ///< WMD027
  std::vector<FileSetHash> hashes;           ///< every component file set
  /// Position of each component's first file set.
  std::vector<std::uint32_t> first_position;

  /// The component file set at `position` (O(log components)).
  FileSetRef at(const WriterMetadata& w, std::uint32_t position) const;
};

/// The scan of capture().writers[writer], computed on first use. Each rule
/// skips the writers it is silent about (Reporter::silent_about) before
/// asking, so that under the default audience the file lists of Microsoft's
/// writers are never scanned.
const FileSetScan& file_set_scan(const CheckContext& ctx, std::size_t writer);

/// VSS_FILE_SPEC_BACKUP_TYPE (sdk:vss/ne-vss-vss_file_spec_backup_type.md):
/// every defined bit, and the four *_BACKUP_REQUIRED bits.
inline constexpr std::uint32_t kFsbtDefined = 0x10F0F;
inline constexpr std::uint32_t kFsbtAllBackupRequired = 0x0000F;

/// Whether a path has a wildcard, not counting the `?` of the Win32
/// namespace prefixes `\\?\` and `\??\` (the in-box ASR writer lists
/// `\\?\Volume{...}\Boot`).
bool has_wildcard(std::string_view path);

/// internal::same_file_set() (paths/windows_path.h) of two descriptors:
/// paths in normal form, filespecs ignoring case, the recursive flag.
bool same_file_set(const FileDescriptor& a, const FileDescriptor& b);

/// A hash of the folded (path, filespec, recursive): equal for file sets
/// same_file_set() calls equal. Reads the strings a word at a time
/// (paths of 16 bytes or more 16 at a time, with SSE2).
std::uint32_t file_set_hash(const FileDescriptor& f);

}  // namespace vssmeta::internal
