// SPDX-License-Identifier: MIT
#pragma once
// The pieces the diff engine shares between documents: the change sink,
// key normalisation, sort-based matching, generic attribute comparison over
// the model's field table, and unknown-content comparison. diff_wmd.cc and
// diff_bcd.cc walk one document kind each; diff.cc matches writers across
// captures, classifies, filters and sorts.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vssmeta/backup_components.h"
#include "vssmeta/diff.h"
#include "vssmeta/extras.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta::internal {

// Collects changes for one writer (or one BCD level) at a time.
struct DiffSink {
  std::vector<Change>* out = nullptr;
  DocumentKind document = DocumentKind::kWriterMetadata;
  std::string writer;
  std::string component;

  void emit(ChangeKind kind, std::string field,
            std::optional<std::string> before,
            std::optional<std::string> after) const;
  // The same sink, scoped to a component.
  DiffSink at(std::string component_path) const;
};

// "1 component", "2 components".
std::string count_of(std::size_t n, const char* noun);
// ASCII lower case (Windows compares names case-insensitively).
std::string fold(std::string_view text);
// A Windows path as a matching key: folded, `/` as `\`, runs of `\`
// collapsed, trailing `\` removed.
std::string path_key(std::string_view path);
// The same into `out`, reusing its storage.
void path_key_into(std::string_view path, std::string& out);
// A logical path as a matching key: path_key without leading `\` either.
std::string logical_key(const std::optional<std::string>& logical_path);

// The result of matching two key lists: index pairs, then the indexes left
// on either side, each in ascending key order (then document order).
struct Matching {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> removed;  // into the old list
  std::vector<std::size_t> added;    // into the new list
};
// Sorts both key lists and merges them: equal keys pair up in document
// order. O(n log n).
Matching match_keys(const std::vector<std::string>& old_keys,
                    const std::vector<std::string>& new_keys);
// The same over 64-bit hashes of the keys (cheaper to sort than long
// strings with common prefixes). `equal(i, j)` confirms a lone pair with
// equal hashes; longer runs of one hash (repeated keys, collisions) are
// matched by `key(is_old_side, index)`, sorted. So a collision never pairs
// different keys, and repeated keys never cost more than n log n.
// Leftovers are in hash order.
Matching match_hashed(
    const std::vector<std::uint64_t>& old_hashes,
    const std::vector<std::uint64_t>& new_hashes,
    const std::function<bool(std::size_t, std::size_t)>& equal,
    const std::function<std::string(bool, std::size_t)>& key);
// Pairs leftovers of a first matching by a coarser key, but only where that
// key occurs exactly once on each side; the pairs move out of `m.removed`
// and `m.added` into the result.
std::vector<std::pair<std::size_t, std::size_t>> pair_unique(
    Matching& m, const std::vector<std::string>& old_keys,
    const std::vector<std::string>& new_keys);

// One attribute as the diff sees it: the XML name and the value as text
// (booleans yes/no, flags in hex, GUIDs braced lower case), nullopt when
// absent. Attributes with a documented default read as that default.
using FieldValues =
    std::vector<std::pair<const char*, std::optional<std::string>>>;
FieldValues field_values(const WriterMetadata& x);
FieldValues field_values(const WriterIdentity& x);
FieldValues field_values(const RestoreMethod& x);
FieldValues field_values(const Component& x);
FieldValues field_values(const Dependency& x);
FieldValues field_values(const BackupComponents& x);
FieldValues field_values(const WriterComponents& x);
FieldValues field_values(const BcdComponent& x);
FieldValues field_values(const MetadataBlob& x);
FieldValues field_values(const PartialFile& x);
FieldValues field_values(const DifferencedFile& x);
FieldValues field_values(const DirectedTarget& x);
FieldValues field_values(const RestoreSubcomponent& x);

// Emits a kModified change for each attribute whose value differs, except
// those named in `skip`.
void diff_values(const DiffSink& sink, const FieldValues& a,
                 const FieldValues& b,
                 std::initializer_list<std::string_view> skip = {});

// Unknown content as one canonical string: attributes sorted by name (no
// namespace declarations), child elements canonical and sorted, text.
std::string canonical(const XmlElement& e);
// Compares the unknown content of one element (`element` names it in the
// field: `ELEMENT@attr`, `ELEMENT/CHILD`, `ELEMENT#text`).
void diff_extras(const DiffSink& sink, std::string_view element,
                 const Extras& a, const Extras& b);

// `attr=value ...` of every present attribute plus unknown content: how an
// added or removed element without its own identity is shown and matched.
std::string describe(const FieldValues& values, const Extras& extras);
// A file descriptor shown as `path\filespec`, ` (recursive)`, ` -> alt`,
// ` [filespecBackupType=0x...]` when not the default, plus unknown content.
std::string describe(const FileDescriptor& f);

// Descriptor lists (FILE_LIST/DATABASE_*, EXCLUDE_*, mappings): matched by
// (kind, path, filespec, recursive); leftovers with the same (kind, path)
// one to one are reported as one changed descriptor.
void diff_descriptors(const DiffSink& sink,
                      const std::vector<FileDescriptor>& a,
                      const std::vector<FileDescriptor>& b);
// Lists of elements that are their attributes (partial files, ...): a
// sorted multiset difference of their descriptions.
void diff_described(const DiffSink& sink, const char* element,
                    const std::vector<std::string>& a,
                    const std::vector<std::string>& b);

// diff_wmd.cc: every change between two versions of one writer.
void diff_writer(const DiffSink& sink, const WriterMetadata& a,
                 const WriterMetadata& b);

// diff_bcd.cc: every change between two BCDs. `label` names a writer of
// the BCD (its friendly name when a WMD of the capture knows it).
using WriterLabel = std::function<std::string(const WriterComponents&)>;
void diff_backup_components(std::vector<Change>& out, const BackupComponents& a,
                            const BackupComponents& b,
                            const WriterLabel& label);
// The key writers of a BCD match by: class id and folded instance name.
std::string writer_key(const Guid& id,
                       const std::optional<std::string>& instance_name);

}  // namespace vssmeta::internal
