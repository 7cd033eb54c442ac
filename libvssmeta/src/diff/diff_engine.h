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

#include "diff/diff_match.h"
#include "text/ascii.h"
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

  // Appends the change; the reference lets a caller add what only it
  // knows (a file set's directory).
  Change& emit(ChangeKind kind, std::string field,
               std::optional<std::string> before,
               std::optional<std::string> after) const;
  // The same sink, scoped to a component.
  DiffSink at(std::string component_path) const;
};

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
