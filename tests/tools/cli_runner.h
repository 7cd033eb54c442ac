// SPDX-License-Identifier: MIT
#pragma once
// Runs vssmeta::cli::run() in-process with captured streams, from testdata/.

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "support/test_support.h"

namespace vssmeta::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline CliResult run_cli(std::vector<std::string> args,
                         const std::string& stdin_text = "",
                         bool terminal = false) {
  args.insert(args.begin(), "vssmeta");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::istringstream in(stdin_text);
  std::ostringstream out;
  std::ostringstream err;
  cli::Io io{in, out, err, terminal};
  // Paths in goldens are relative to testdata/, as in the binary-level runs.
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(testdata_dir());
  CliResult r;
  r.exit_code = cli::run(static_cast<int>(argv.size()), argv.data(), io);
  std::filesystem::current_path(cwd);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace vssmeta::testing
