// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// A deterministic generator of synthetic, Windows-style VSS documents for
/// benchmarks: Writer Metadata Documents shaped like the System Writer's (a
/// few components with tens of thousands of FILE_LIST entries) or like SQL
/// Server's (thousands of `Host\Instance` components with a few files each),
/// and a Backup Components Document selecting their components.
///
/// The output imitates what `IVssExamineWriterMetadata::SaveAsXML` writes:
/// one line, no XML declaration, the `x-schema:#VssWriterMetadataInfo`
/// namespace, `version="1.2"`, `yes`/`no` booleans, verbatim mixed-case
/// paths with environment variables and brace GUIDs. All names and paths are
/// made up from a small vocabulary; nothing is copied from real captures.
///
/// The same options and seed give byte-identical output on every platform
/// (the generator uses only `std::mt19937_64` output, never the
/// implementation-defined standard distributions).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vssmeta::bench {

/// The shape of a generated writer metadata document.
enum class DocumentStyle {
  /// System Writer-like: `component_count` top-level FILE_GROUPs (default 2,
  /// "System Files" and "Win32 Services Files"); the first holds almost all
  /// descriptors, mostly single files under `c:\windows\...`.
  kSystemWriter,
  /// SQL Server writer-like: many FILE_GROUPs with logical paths `HOST` or
  /// `HOST\INSTANCE`, each with a few database and log files.
  kManyComponents,
  /// A chain: `component_count` FILE_GROUPs (default 1000), each nested
  /// under the one before (its logical path is the previous component's full
  /// path), so the total path length grows with the square of the count.
  /// Every third component is not selectable; each has
  /// `files_per_component` FILE_LISTs (default 1).
  kChain,
};

/// "system", "components" or "chain".
const char* to_string(DocumentStyle style);

/// Accepts "system" (also "system-writer"), "components" (also "many",
/// "sql") and "chain". Returns nullopt for anything else.
std::optional<DocumentStyle> parse_style(std::string_view text);

/// Parses a byte count with an optional binary suffix: "200000", "200K",
/// "2M", "1G" (K = 1024). Returns nullopt on a malformed or zero count.
std::optional<std::size_t> parse_byte_size(std::string_view text);

/// What to generate. Zero / nullopt fields take the style's default.
struct GeneratorOptions {
  DocumentStyle style = DocumentStyle::kSystemWriter;
  /// Seeds everything (ids, names, paths). Same seed, same bytes.
  std::uint64_t seed = 1;
  /// Approximate size of the document in bytes. When nonzero it decides how
  /// many descriptors (system style) or components (many-components style)
  /// are written, and `files_per_component` only sets the per-component
  /// file count of the many-components style. The result ends within a few
  /// hundred bytes of the target.
  std::size_t target_bytes = 0;
  /// System style: number of FILE_GROUPs (default 2). Many-components
  /// style: number of components when `target_bytes` is 0 (default 5000).
  std::size_t component_count = 0;
  /// System style without `target_bytes`: descriptors per component
  /// (default 9500). Many-components style: the mean; each component gets
  /// between mean-1 and mean+1 (default 3, so 2 to 4).
  std::size_t files_per_component = 0;
  /// Share of FILE_LIST entries written with `recursive="yes"` (and a
  /// wildcard filespec). Default 0.001 (system) and 0 (many-components);
  /// other entries omit `recursive`, as Windows does.
  std::optional<double> recursive_fraction;
  /// Number of EXCLUDE_FILES elements in BACKUP_LOCATIONS (default 0).
  std::size_t exclude_count = 0;
  /// System style: never write the same (path, filespec, recursive) twice,
  /// compared case-insensitively as Windows does. Off by default, which
  /// keeps the documents of earlier versions byte for byte: their random
  /// picks from a few hot directories and wildcard filespecs repeat about
  /// 6.6 % of the file sets (29,719 of 449,907 at 50 MiB), which real
  /// System Writer documents do not; a repeat is redrawn instead.
  bool distinct_file_sets = false;
  /// For diff benchmarks: with a nonzero fraction, that share of the
  /// FILE_LIST entries is dropped, changed (filespec or recursive flag) or
  /// followed by an extra entry, chosen by a second random stream seeded
  /// with `mutation_seed`. Everything else, including which entries exist
  /// before mutation, is the same as with fraction 0, so two documents with
  /// the same `seed` differ only by these edits.
  double mutation_fraction = 0.0;
  std::uint64_t mutation_seed = 0;
};

/// A component written into a generated document.
struct GeneratedComponent {
  std::string logical_path;  ///< empty when the attribute is omitted
  std::string name;
  std::size_t file_count = 0;  ///< FILE_LIST children
};

/// A generated WMD and what it contains, for checking a parse and for
/// building a matching BCD.
struct GeneratedWriterMetadata {
  std::string xml;
  std::string writer_id;      ///< lower case, no braces
  std::string instance_id;    ///< lower case, no braces
  std::string instance_name;  ///< empty when the attribute is omitted
  std::string friendly_name;
  std::uint32_t backup_schema = 0;  ///< 0 when the attribute is omitted
  DocumentStyle style = DocumentStyle::kSystemWriter;
  std::vector<GeneratedComponent> components;  ///< in document order
  std::size_t file_count = 0;                  ///< FILE_LIST elements in total
  std::size_t exclude_count = 0;               ///< EXCLUDE_FILES elements
};

/// Generates a writer metadata document and its inventory.
GeneratedWriterMetadata generate_writer_metadata_document(
    const GeneratorOptions& options);

/// Generates a writer metadata document; the XML of the above.
std::string generate_writer_metadata(const GeneratorOptions& options);

/// Options of a generated BCD.
struct BackupComponentsOptions {
  /// Seeds the snapshot set id, the choice of components and backup stamps.
  std::uint64_t seed = 1;
  /// Share of each writer's components listed (at least one per writer).
  double selected_fraction = 1.0;
};

/// A one-line BACKUP_COMPONENTS document (`x-schema:#VssComponentMetadata`,
/// `backupType="full"`) with one WRITER_COMPONENTS per writer, listing its
/// components as `componentType="filegroup"` COMPONENTs in document order.
/// Components of writers with a backup schema (SQL-like) get a base64
/// `backupStamp`, as the SQL writer's do.
std::string generate_backup_components(
    std::span<const GeneratedWriterMetadata> writers,
    const BackupComponentsOptions& options = {});

/// Convenience: the BCD for the single writer `options` generates.
std::string generate_backup_components(const GeneratorOptions& options);

}  // namespace vssmeta::bench
