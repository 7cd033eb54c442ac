// SPDX-License-Identifier: MIT
#include "semantics/logical_path.h"

#include <algorithm>

#include "text/ascii.h"
#include "vssmeta/hierarchy.h"

namespace vssmeta {
namespace internal {
namespace {

// Calls `f(element)` per non-empty element of `path`.
template <typename F>
void each_element(std::string_view path, F f) {
  while (!path.empty()) {
    const std::size_t end = std::min(path.find('\\'), path.size());
    if (end > 0) f(path.substr(0, end));
    path.remove_prefix(std::min(end + 1, path.size()));
  }
}

}  // namespace

std::vector<std::string_view> logical_elements(std::string_view logical_path) {
  std::vector<std::string_view> out;
  each_element(logical_path, [&](std::string_view e) { out.push_back(e); });
  return out;
}

void append_logical_key(std::string_view logical_path, std::string& out,
                        std::vector<std::size_t>* prefix_ends) {
  each_element(logical_path, [&](std::string_view e) {
    if (!out.empty()) out.push_back('\\');
    append_folded(e, out);
    if (prefix_ends != nullptr) prefix_ends->push_back(out.size());
  });
}

std::string logical_key(std::string_view logical_path) {
  std::string out;
  out.reserve(logical_path.size());
  append_logical_key(logical_path, out);
  return out;
}

std::string component_key(const std::optional<std::string>& logical_path,
                          std::string_view name,
                          std::vector<std::size_t>* prefix_ends) {
  std::string out;
  out.reserve((logical_path ? logical_path->size() : 0) + name.size() + 1);
  if (logical_path) append_logical_key(*logical_path, out, prefix_ends);
  if (!out.empty()) out.push_back('\\');
  append_folded(name, out);
  return out;
}

std::string exact_component_path(const std::optional<std::string>& logical_path,
                                 std::string_view name) {
  std::string out;
  out.reserve((logical_path ? logical_path->size() : 0) + name.size() + 1);
  if (logical_path) {
    each_element(*logical_path, [&](std::string_view e) {
      out += e;
      out.push_back('\\');
    });
  }
  out += name;
  return out;
}

bool is_at_or_under(std::string_view path, std::string_view ancestor) {
  if (ancestor.empty()) return true;
  return path.starts_with(ancestor) &&
         (path.size() == ancestor.size() || path[ancestor.size()] == '\\');
}

bool is_under(std::string_view path, std::string_view ancestor) {
  return path.size() != ancestor.size() && is_at_or_under(path, ancestor);
}

}  // namespace internal

std::vector<std::string> split_logical_path(const std::string& logical_path) {
  std::vector<std::string> out;
  for (std::string_view e : internal::logical_elements(logical_path)) {
    out.emplace_back(e);
  }
  return out;
}

}  // namespace vssmeta
