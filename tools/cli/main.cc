// SPDX-License-Identifier: MIT
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/app.h"
#include "cli/output.h"

int main(int argc, char** argv) {
  try {
    vssmeta::cli::Io io{std::cin, std::cout, std::cerr,
                        vssmeta::cli::stdout_is_terminal()};
    const int status = vssmeta::cli::run(argc, argv, io);
    // End here, without destroying `io`: what the command kept
    // (keep_until_exit) is returned to the system with the process instead
    // of being freed object by object. std::_Exit() flushes no stream, so
    // flush them first.
    std::cout.flush();
    std::fflush(nullptr);
    std::_Exit(status);
  } catch (const std::exception& e) {
    std::cerr << "vssmeta: internal error: " << e.what() << '\n';
    return 1;
  }
}
