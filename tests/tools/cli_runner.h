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

/// One way of naming a writer on the command line, and which of the two
/// Quillwort Writer instances of testdata/rules/SET002/ok (instance "One",
/// id a1f4e2d3-1111-..., and "Two", a1f4e2d3-2222-...) it names. Every
/// command accepts every form (writer_matches()).
struct WriterForm {
  const char* spec;
  bool one;
  bool two;
};

inline std::vector<WriterForm> writer_forms() {
  return {
      {"Quillwort Writer", true, true},  // friendly name
      {"QUILLWORT WRITER", true, true},
      {"one", true, false},  // instance name, any case
      {"Two", false, true},
      {"5b1e3c2a-7d4f-4c8e-9a61-0f2d8b7c4e13", true, true},  // class id
      {"{5B1E3C2A-7D4F-4C8E-9A61-0F2D8B7C4E13}", true, true},
      {"a1f4e2d3-1111-4c5d-8e6f-7a8b9c0d1e2f", true, false},  // instance id
      {"{A1F4E2D3-2222-4C5D-8E6F-7A8B9C0D1E2F}", false, true},
  };
}

}  // namespace vssmeta::testing
