// SPDX-License-Identifier: MIT
#pragma once
// The vssmeta command line: builds the CLI11 app, runs the chosen command and
// returns the exit status. Everything is reachable in-process for tests.

#include <iosfwd>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace vssmeta::cli {

/// The streams a command may use, and facts about them.
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  /// Set once a failed write to `out` has been reported (flush_output()).
  bool out_failed = false;
  /// Set when --keep-going skipped a document that could not be read
  /// (load_inputs()): run() then adds kExitError to the exit status.
  bool input_failed = false;
  /// What commands are done with but need not free: see keep_until_exit().
  std::vector<std::shared_ptr<void>> kept = {};
};

/// Hands a value a command no longer needs (a loaded capture, a diff) to
/// `io` instead of destroying it. main() ends the process without freeing
/// these: freeing the 450,000 file lists of a System Writer document one
/// by one costs more than printing them, and the operating system takes the
/// memory back at once. In-process callers (tests) free them with the Io.
/// Returns the kept value.
template <typename T>
std::decay_t<T>& keep_until_exit(Io& io, T&& value) {
  auto kept = std::make_shared<std::decay_t<T>>(std::forward<T>(value));
  io.kept.push_back(kept);
  return *kept;
}

/// Runs `vssmeta` with `argv` (argv[0] is the program name).
int run(int argc, const char* const* argv, Io& io);

}  // namespace vssmeta::cli
