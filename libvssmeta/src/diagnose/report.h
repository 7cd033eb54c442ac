// SPDX-License-Identifier: MIT
#pragma once
// The two forms of write_diagnosis().

#include <ostream>

#include "vssmeta/diagnose.h"

namespace vssmeta::internal {

void write_diagnosis_text(const Diagnosis& d, std::ostream& out, bool color);
void write_diagnosis_json(const Diagnosis& d, std::ostream& out);

}  // namespace vssmeta::internal
