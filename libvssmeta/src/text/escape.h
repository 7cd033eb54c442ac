// SPDX-License-Identifier: MIT
#pragma once
// Text made safe for one line of terminal output.

#include <string>
#include <string_view>

namespace vssmeta::internal {

/// `text` with control characters escaped so that one line stays one line:
/// `\r`, `\n`, `\t`, other C0 controls and DEL as `\xNN`, C1 controls (valid
/// UTF-8 U+0080..U+009F, CSI among them) as `\u00NN`. Every other byte,
/// invalid UTF-8 included, is kept as it is.
std::string escape_control(std::string_view text);

}  // namespace vssmeta::internal
