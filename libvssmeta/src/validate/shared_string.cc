// SPDX-License-Identifier: MIT
#include "validate/shared_string.h"

#include <utility>

namespace vssmeta {

Finding::Finding(Diagnostic d, std::string_view writer,
                 std::string_view component, std::string_view hint)
    : diagnostic(std::move(d)) {
  auto own = [](std::string_view text) {
    return text.empty() ? internal::SharedString()
                        : internal::SharedString(std::string(text));
  };
  internal::FindingLabels::set(*this, own(writer), own(component), own(hint));
}

}  // namespace vssmeta
