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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vssmeta::internal {

/// The non-empty elements of `logical_path`, as written.
std::vector<std::string_view> logical_elements(std::string_view logical_path);

/// Appends the key of `logical_path` to `out` (after a `\` when `out` is
/// not empty). `prefix_ends`, when given, receives the length of `out`
/// after each element: the keys of the path's ancestors, shortest first.
void append_logical_key(std::string_view logical_path, std::string& out,
                        std::vector<std::size_t>* prefix_ends = nullptr);

/// The key of `logical_path`.
std::string logical_key(std::string_view logical_path);

/// The key of a component's full path: logical path, then name.
std::string component_key(const std::optional<std::string>& logical_path,
                          std::string_view name,
                          std::vector<std::size_t>* prefix_ends = nullptr);

/// `logical\path\name` with empty elements dropped and case kept: the
/// exact spelling XREF-CASE compares.
std::string exact_component_path(const std::optional<std::string>& logical_path,
                                 std::string_view name);

/// Whether the key `path` is `ancestor` or lies below it, at an element
/// boundary ("a\bc" is not below "a\b"). Every key is under the empty one.
bool is_at_or_under(std::string_view path, std::string_view ancestor);

/// Whether the key `path` lies strictly below `ancestor`.
bool is_under(std::string_view path, std::string_view ancestor);

}  // namespace vssmeta::internal
