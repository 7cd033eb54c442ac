// SPDX-License-Identifier: MIT
#pragma once
// The component hierarchy of vssmeta/hierarchy.h as flat arrays: no string,
// vector or allocation per node, for the commands that walk the hierarchy of
// a writer with hundreds of thousands of components (dump). The public
// ComponentTree is built from it: one algorithm.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "vssmeta/writer_metadata.h"

namespace vssmeta::internal {

struct FlatHierarchy {
  struct Node {
    /// The path element as first spelled: a view into the writer's strings
    /// (valid while the writer lives, unchanged). Empty for the top.
    std::string_view name;
    std::uint32_t first_child = 0;  ///< into `children`
    std::uint32_t child_count = 0;
    std::uint32_t first_component = 0;  ///< into `components`
    std::uint32_t component_count = 0;

    bool declared() const { return component_count != 0; }
  };
  static constexpr std::uint32_t kTop = 0;

  /// [kTop]: no path element, the parent of the top-level elements.
  std::vector<Node> nodes;
  /// Each node's children, contiguous, sorted case-insensitively by name.
  std::vector<std::uint32_t> children;
  /// Indices into WriterMetadata::components of the components declared at
  /// each node, contiguous, in document order (more than one only in an
  /// invalid document).
  std::vector<std::uint32_t> components;

  std::span<const std::uint32_t> children_of(std::uint32_t node) const {
    const Node& n = nodes[node];
    return {children.data() + n.first_child, n.child_count};
  }
  std::span<const std::uint32_t> components_of(std::uint32_t node) const {
    const Node& n = nodes[node];
    return {components.data() + n.first_component, n.component_count};
  }
};

/// The hierarchy of `wmd`, in O(n log n) for n components (fewer than 2^32).
FlatHierarchy build_flat_hierarchy(const WriterMetadata& wmd);

}  // namespace vssmeta::internal
