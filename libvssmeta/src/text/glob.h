// SPDX-License-Identifier: MIT
#pragma once
// The one glob matcher: `*` (any run, empty included) and `?` (any one
// byte), ignoring the case of A-Z. diff --ignore patterns and Windows
// filespecs (paths/windows_path.h filespec_matches) use it.

#include <string_view>

namespace vssmeta::internal {

/// Whether `text` matches `pattern` as a whole. Iterative with one
/// backtrack point: O(n·m) worst case, linear for the patterns people write.
bool glob_matches(std::string_view pattern, std::string_view text);

}  // namespace vssmeta::internal
