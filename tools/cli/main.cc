// SPDX-License-Identifier: MIT
#include <exception>
#include <iostream>

#include "cli/app.h"
#include "cli/output.h"

int main(int argc, char** argv) {
  try {
    vssmeta::cli::Io io{std::cin, std::cout, std::cerr,
                        vssmeta::cli::stdout_is_terminal()};
    return vssmeta::cli::run(argc, argv, io);
  } catch (const std::exception& e) {
    std::cerr << "vssmeta: internal error: " << e.what() << '\n';
    return 1;
  }
}
