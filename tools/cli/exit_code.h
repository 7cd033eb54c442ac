// SPDX-License-Identifier: MIT
#pragma once
// The project-wide exit status contract (a bitmask, like abidiff's). Listed
// in the README and in every --help footer; the golden tests check it.

namespace vssmeta::cli {

inline constexpr int kExitOk = 0;        // success, nothing found
inline constexpr int kExitError = 1;     // I/O, malformed input, unsupported
inline constexpr int kExitUsage = 2;     // bad command line
inline constexpr int kExitFindings = 4;  // findings or differences
inline constexpr int kExitSevere = 8;    // error findings, breaking diffs

/// The footer every --help ends with.
inline constexpr const char* kExitCodeHelp =
    "Exit status (bits combine): 0 success; 1 error (I/O, malformed input, "
    "unsupported); 2 usage; 4 findings or differences; 8 error-severity "
    "findings or breaking differences.";

}  // namespace vssmeta::cli
