// SPDX-License-Identifier: MIT
#pragma once
// The two forms of write_diagnosis().

#include <ostream>
#include <string>

#include "vssmeta/diagnose.h"

namespace vssmeta::internal {

void write_diagnosis_text(const Diagnosis& d, std::ostream& out, bool color);
void write_diagnosis_json(const Diagnosis& d, std::ostream& out);

/// The verdict's words after `Verdict: failed`: what failed and what is
/// not covered (`1 failure; 2 components not covered (...)`); shared by
/// the text and the HTML report.
std::string verdict_text(const Diagnosis& d);
/// ` for Writer A, Writer B` for a failed or incomplete verdict, else "".
std::string verdict_who(const Diagnosis& d);

}  // namespace vssmeta::internal
