// SPDX-License-Identifier: MIT
#pragma once
// The vssmeta command line: builds the CLI11 app, runs the chosen command and
// returns the exit status. Everything is reachable in-process for tests.

#include <iosfwd>

namespace vssmeta::cli {

/// The streams a command may use, and facts about them.
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  /// Set once a failed write to `out` has been reported (flush_output()).
  bool out_failed = false;
};

/// Runs `vssmeta` with `argv` (argv[0] is the program name).
int run(int argc, const char* const* argv, Io& io);

}  // namespace vssmeta::cli
