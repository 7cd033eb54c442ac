// SPDX-License-Identifier: MIT
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/app.h"
#include "cli/output.h"

#ifndef _WIN32
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace {

// A closed standard descriptor would be reused by the next file opened (an
// input, or the temporary file of -o), and what is meant for it would land
// there. Each closed one is held by /dev/null opened for reading: reads see
// the end of input, writes fail (EBADF) and are reported.
void hold_closed_standard_descriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    // open() takes the lowest free descriptor: `fd` itself.
    if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) open("/dev/null", O_RDONLY);
  }
}

}  // namespace
#endif

int main(int argc, char** argv) {
#ifndef _WIN32
  hold_closed_standard_descriptors();
#endif
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
