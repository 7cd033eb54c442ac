// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The component graph of a capture: writers, the logical-path hierarchy of
/// their components, cross-writer dependencies and, with a backup
/// components document, what a backup selected. Plain value types that the
/// renderers in `dot.h` (DOT, Mermaid) and `graphviz.h` (SVG, PNG, PDF)
/// draw; node ids come from stable keys so outputs diff cleanly.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "vssmeta/capture_set.h"
#include "vssmeta/enums.h"
#include "vssmeta/export.h"
#include "vssmeta/result.h"
#include "vssmeta/selection.h"

namespace vssmeta {

/// What a graph node stands for.
enum class GraphNodeKind {
  kWriter,       ///< a writer (one per WMD); the root of its cluster
  kPathElement,  ///< a logical-path element no component declares
  kComponent,    ///< a component (FILE_GROUP or DATABASE)
  kMissing,      ///< a dependency target absent from the capture
  kMore,         ///< "+N more": siblings collapsed by GraphOptions
  /// One directory of a component's file descriptors (GraphOptions::
  /// show_files): every descriptor whose path is that directory, counted.
  kDirectory,
};

/// "writer", "path", "component", "missing", "more", "directory".
VSSMETA_EXPORT const char* to_string(GraphNodeKind kind);

/// How the backup described by the BCD includes a component.
enum class GraphSelection {
  kNoBackup,     ///< no BCD was given (or the writer took no part)
  kExplicit,     ///< listed in the BCD
  kImplicit,     ///< included through a selectable ancestor
  kNotIncluded,  ///< the BCD does not include it
};

/// "none", "explicit", "implicit", "not included".
VSSMETA_EXPORT const char* to_string(GraphSelection selection);

/// One node. Fields that do not apply to a kind keep their defaults.
struct GraphNode {
  /// Stable id: `w:<writer>`, `p:<writer>:<path>`, `c:<writer>:<path>`,
  /// `m:<writer>:<path>` (`m:<writer>:\\<path>` for a remote target) or
  /// `more:<parent id>`, where `<writer>` is the
  /// lower-case writer class id (plus `/<instance id>` when one class has
  /// several instances) and `<path>` the case-folded full path. In `p:` and
  /// `c:` ids a path longer than 128 bytes is abbreviated to its first 96
  /// bytes, `~` and 16 hex digits of a hash of the whole (FNV-1a), so that
  /// ids stay short however deep a path nests; `+` is appended to an id
  /// that would repeat another node's.
  std::string id;
  GraphNodeKind kind = GraphNodeKind::kComponent;
  /// The id of the writer node whose cluster holds this node; empty for a
  /// missing target whose writer is not in the capture.
  std::string writer;
  /// The containment parent (writer, path element or component), empty
  /// for writers and missing targets.
  std::string parent;
  /// What the node shows: the writer's display name, the path element or
  /// component name, `Writer:\path` for a missing target, "+N more".
  std::string label;
  /// The full path inside the writer (`logical\path\name`); for writers
  /// the braced class id; for directories the directory as the first of
  /// its descriptors writes it.
  std::string path;
  /// The component caption; for writers the instance name; for remote
  /// targets the target writer's name.
  std::optional<std::string> caption;
  // Components only.
  ComponentType type = ComponentType::kFileGroup;
  bool selectable = false;              ///< selectable for backup
  bool selectable_for_restore = false;  ///< selectable for restore
  BackupClass backup_class = BackupClass::kRequired;
  /// A selectable component with descendants: it defines a component set.
  bool defines_component_set = false;
  /// Has a selectable ancestor: member of another component's set.
  bool in_component_set = false;
  /// File descriptors of the component, or of the directory.
  std::size_t file_count = 0;
  /// Directories only: the distinct filespecs of its descriptors in
  /// document order (plus ` /s` when recursive).
  std::vector<std::string> files;
  /// Directories only: how many of its descriptors are recursive.
  std::size_t recursive_files = 0;
  GraphSelection selection = GraphSelection::kNoBackup;
  /// For kNotIncluded: why the component was left out, in the words of
  /// `vssmeta diagnose` (left_out_reasons(): `needs E:\ (not shadowed)`).
  std::string reason;
  // Missing targets: true when the target is remote (`\\host\...`).
  bool remote = false;
  // "+N more" nodes: collapsed siblings and all components beneath them.
  std::size_t hidden_siblings = 0;
  std::size_t hidden_components = 0;
  /// "+N more" directories (`more-files:`): their file descriptors.
  std::size_t hidden_files = 0;
  /// Writers rebuilt from diskshadow's metadata text: where the writer
  /// starts in the text (WriterMetadata::from_text); renderers add
  /// reconstructed_from_text_note() to the node and its cluster.
  std::optional<Location> from_text;
  /// Position in `vssmeta dump`'s order (writers by name, then the
  /// hierarchy depth first, children as dump lists them); renderers draw
  /// siblings in this order.
  std::size_t order = 0;
};

/// What an edge means.
enum class GraphEdgeKind {
  kContains,   ///< writer or path element to child (logical path)
  kDependsOn,  ///< explicit dependency, dependent to target
};

/// "contains", "depends on".
VSSMETA_EXPORT const char* to_string(GraphEdgeKind kind);

/// One edge between two node ids.
struct GraphEdge {
  std::string from;
  std::string to;
  GraphEdgeKind kind = GraphEdgeKind::kContains;
};

/// A writer's cluster: drawn around the nodes whose `writer` is `id`, even
/// when the writer node itself is not in the view.
struct GraphCluster {
  std::string id;     ///< the writer node's id
  std::string label;  ///< the writer's display name
  /// As GraphNode::from_text: the writer was rebuilt from text.
  std::optional<Location> from_text;
};

/// The graph: nodes sorted by id, edges by (kind, from, to), clusters in
/// dump's order (writers by name). GraphNode::order gives the drawing
/// order.
struct ComponentGraph {
  std::vector<GraphNode> nodes;
  std::vector<GraphCluster> clusters;
  std::vector<GraphEdge> edges;
  /// True when a BCD decided the selection of the nodes.
  bool has_selection = false;
  /// Name of the BCD used, when has_selection.
  std::string backup_source;

  /// The node with this id, or null. O(log n).
  VSSMETA_EXPORT const GraphNode* find(const std::string& id) const;
};

/// What to put in the graph. The default is every writer and component,
/// with more than 50 siblings collapsed.
struct GraphOptions {
  /// Only these writers (friendly name, instance name or class GUID,
  /// case-insensitive); empty means all. Dependency targets in other
  /// writers are still shown.
  std::vector<std::string> writers;
  /// Focus on this component or path element: `Writer:\path\name` or
  /// `path\name` (searched in every writer). Shows its subtree and what it
  /// depends on (transitively).
  std::optional<std::string> component;
  /// Containment levels shown below the focus (or below each writer
  /// without `component`); nullopt = unlimited, 0 = the focus only.
  std::optional<std::size_t> depth;
  /// Only components taking part in a dependency, and dependency edges.
  bool dependencies_only = false;
  /// Only this component and everything that depends on it, transitively
  /// (reverse dependency edges), with dependency edges.
  std::optional<std::string> dependers;
  /// Children of one node beyond this many collapse into a "+N more" node;
  /// 0 keeps all. Nodes on a dependency edge or the focus are never
  /// collapsed.
  std::size_t max_siblings = 50;
  /// Add one kDirectory node per directory of each shown component's file
  /// descriptors (in document order), contained by the component.
  bool show_files = false;
  /// With show_files: at most this many directory nodes per component, the
  /// rest in one "+K more" node (0 = all).
  std::size_t max_files = 20;
  /// Index into CaptureSet::backup_components of the BCD whose selection
  /// is shown; nullopt uses the first BCD, if any.
  std::optional<std::size_t> backup = std::nullopt;
  /// Ignore every BCD.
  bool ignore_backup = false;
};

/// Builds the graph of `capture`. Errors: kInvalidValue when a writer
/// filter, `component` or `dependers` names nothing in the capture, or
/// `backup` is out of range (the message says which).
VSSMETA_EXPORT Result<ComponentGraph> build_component_graph(
    const CaptureSet& capture, const GraphOptions& options = {});

}  // namespace vssmeta
