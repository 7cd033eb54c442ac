// SPDX-License-Identifier: MIT
// Loads the document named on the command line and prints its writer.
#include <iostream>

#include "vssmeta/vssmeta.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  auto capture = vssmeta::load(argv[1]);
  for (const vssmeta::Diagnostic& d : capture.warnings()) {
    std::cerr << vssmeta::to_string(d) << '\n';
  }
  if (!capture) {
    std::cerr << vssmeta::to_string(capture.error()) << '\n';
    return 1;
  }
  for (const auto& w : capture->writers) std::cout << w.display_name() << '\n';
  return capture->writers.empty() ? 1 : 0;
}
