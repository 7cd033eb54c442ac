// SPDX-License-Identifier: MIT
#pragma once
// Logical paths of components (`Writer:\logical\path\name`): the one place
// that splits, joins and keys them. A logical path is a list of elements
// separated by `\` (never `/`: it names no file); empty elements (leading,
// trailing or doubled `\`) are dropped, and elements compare ignoring the
// case of A-Z (non-ASCII bytes as they are).
//
// A key is the folded elements joined with `\`: "A\\B", "\a\b" and "a\b\"
// share the key "a\b". The key of a component's full path is the key of
// its logical path followed by its folded name.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vssmeta::internal {

/// The non-empty elements of `logical_path`, as written.
std::vector<std::string_view> logical_elements(std::string_view logical_path);

/// Appends the key of `logical_path` to `out` (after a `\` when `out` is
/// not empty).
void append_logical_key(std::string_view logical_path, std::string& out);

/// The key of `logical_path`.
std::string logical_key(std::string_view logical_path);

/// The key of a component's full path: logical path, then name.
std::string component_key(const std::optional<std::string>& logical_path,
                          std::string_view name);

/// `logical\path\name` with empty elements dropped and case kept: the
/// exact spelling XREF-CASE compares.
std::string exact_component_path(const std::optional<std::string>& logical_path,
                                 std::string_view name);

/// Whether the key `path` is `ancestor` or lies below it, at an element
/// boundary ("a\bc" is not below "a\b"). Every key is under the empty one.
bool is_at_or_under(std::string_view path, std::string_view ancestor);

/// Whether the key `path` lies strictly below `ancestor`.
bool is_under(std::string_view path, std::string_view ancestor);

/// The keys of many paths as a tree: a node is a key, its children the keys
/// one element longer. A key's node is reached by splitting it at every `\`,
/// so two paths share a node exactly when they share a key, and the nodes on
/// the way to a path's node are the keys of its ancestors. Adding or finding
/// a path costs O(its length) (no prefix is ever copied or hashed again), so
/// indexing paths costs O(their total length) however deep they nest.
class PathTree {
 public:
  using Node = std::size_t;
  /// The node of no element: the parent of every first element.
  static constexpr Node kRoot = 0;

  PathTree();

  /// Makes room for `nodes` nodes (a hint: adding more is fine).
  void reserve(std::size_t nodes);

  /// The child of `parent` for `element` (compared ignoring the case of
  /// A-Z), added if new.
  Node add(Node parent, std::string_view element);
  std::optional<Node> find(Node parent, std::string_view element) const;

  /// The elements of the last logical path added through it. The next
  /// path starts from the whole elements the two share byte for byte, so
  /// paths in document order (siblings, a chain of nested components) cost
  /// a comparison of their text, not a lookup per element.
  struct Cursor {
    std::string path;
    /// Per element of `path`: where it ends in `path`, and its node.
    std::vector<std::pair<std::size_t, Node>> elements;
    /// How many of `elements` the last path took over from the one before.
    std::size_t reused = 0;
  };

  /// The node of the key of `logical_path` (kRoot for an empty one).
  Node add_logical(std::string_view logical_path);
  Node add_logical(std::string_view logical_path, Cursor& cursor);
  std::optional<Node> find_logical(std::string_view logical_path) const;

  /// The node of `component_key(logical_path, name)`; `logical` receives the
  /// node of the logical path. A present logical path goes through `cursor`
  /// when one is given.
  Node add_component(const std::optional<std::string>& logical_path,
                     std::string_view name, Node* logical = nullptr,
                     Cursor* cursor = nullptr);
  std::optional<Node> find_component(
      const std::optional<std::string>& logical_path,
      std::string_view name) const;

  /// The node of a component named `name` whose logical path has the node
  /// `logical`, if there is one.
  std::optional<Node> find_name(Node logical, std::string_view name) const;

  /// The parent of `node` (kRoot for kRoot).
  Node parent(Node node) const { return parents_[node]; }
  /// Number of nodes, kRoot included: nodes are 0 to size()-1, every
  /// parent numbered before its children.
  std::size_t size() const { return parents_.size(); }

 private:
  // The children of every node in one open-addressing table (linear
  // probing, at most half full): a slot holds a child's hash and number,
  // the child's parent and folded element are kept per node. No allocation
  // per node (a writer with 500,000 components has as many).
  struct Slot {
    std::uint64_t hash = 0;
    Node node = kRoot;  // kRoot: empty (the root is nobody's child)
  };
  std::size_t slot_of(std::uint64_t hash, Node parent,
                      std::string_view element) const;
  void grow();
  // A copy of `element`, folded, in `text_`: the folded elements share a few
  // large blocks instead of one allocation each. Blocks never move, so
  // neither do the views into them.
  const char* keep_folded(std::string_view element);

  std::vector<Slot> slots_;  // a power of two in size
  std::vector<Node> parents_;
  std::vector<std::string_view> folded_;  // per node; empty for kRoot
  std::vector<std::unique_ptr<char[]>> text_;
  char* text_next_ = nullptr;
  std::size_t text_left_ = 0;
};

}  // namespace vssmeta::internal
