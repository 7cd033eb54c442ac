// SPDX-License-Identifier: MIT
#pragma once
// XML names with a meaning of their own to the reader and the writers.

#include <string_view>

namespace vssmeta::internal {

/// True for `xmlns` and `xmlns:*`: namespace declarations, which Extras keep
/// (so documents are written back as they were) but which are not content.
constexpr bool is_namespace_declaration(std::string_view name) {
  return name == "xmlns" || name.substr(0, 6) == "xmlns:";
}

}  // namespace vssmeta::internal
