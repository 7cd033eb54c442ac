// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// The component hierarchy a writer's logical paths describe. A component
/// with logical path `A\B` and name `C` sits at `A\B\C`; path elements that
/// no component declares (ASR's `Volumes`, `Disks`) become undeclared nodes.
/// Path elements match case-insensitively, as Windows does.

#include <cstddef>
#include <string>
#include <vector>

#include "vssmeta/export.h"
#include "vssmeta/writer_metadata.h"

namespace vssmeta {

/// One path element of the hierarchy.
struct HierarchyNode {
  std::string name;  ///< the path element, as first spelled
  std::string path;  ///< the elements from the top, joined with `\`
  /// Indices into WriterMetadata::components of the components declared at
  /// exactly this path (more than one only in an invalid document).
  std::vector<std::size_t> components;
  /// Sorted case-insensitively by name.
  std::vector<HierarchyNode> children;

  bool declared() const { return !components.empty(); }
};

/// The forest of one writer: the roots are the top-level path elements.
struct ComponentTree {
  std::vector<HierarchyNode> roots;
};

/// Builds the tree in O(n log n) for n components.
VSSMETA_EXPORT ComponentTree build_component_tree(const WriterMetadata& wmd);

/// Splits a logical path at backslashes, dropping empty elements.
VSSMETA_EXPORT std::vector<std::string> split_logical_path(
    const std::string& logical_path);

}  // namespace vssmeta
