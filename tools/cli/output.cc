// SPDX-License-Identifier: MIT
#include "cli/output.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <random>
#include <system_error>

#include "cli/exit_code.h"

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace vssmeta::cli {

bool stdout_is_terminal() {
#ifdef _WIN32
  return _isatty(_fileno(stdout)) != 0;
#else
  return isatty(STDOUT_FILENO) != 0;
#endif
}

bool want_color(std::string_view mode, bool is_terminal) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return is_terminal && (no_color == nullptr || *no_color == '\0');
}

Status write_file_atomically(const std::string& path,
                             std::string_view content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder =
      target.has_parent_path() ? target.parent_path() : fs::path(".");
  const auto fail = [&](const std::string& why) -> Status {
    return Error{ErrorCode::kIo, "cannot write: " + why, Location{path, 0, 0}};
  };
  // Say why before trying: a stream that fails to open gives no reason.
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    return fail("folder '" + folder.string() + "' does not exist");
  if (fs::is_directory(target, ec)) return fail("it is a folder");
  std::random_device rd;
  const fs::path temp = folder / (".vssmeta-" + std::to_string(rd()) + "-" +
                                  target.filename().string() + ".tmp");
  {
    errno = 0;
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (out)
      out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (out) out.close();
    if (!out) {
      const int error = errno;
      std::error_code ignored;
      fs::remove(temp, ignored);
      return fail(error != 0 ? std::generic_category().message(error)
                             : std::string("output error"));
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return fail(ec.message());
  }
  return {};
}

bool is_stdout(const std::string& path) { return path.empty() || path == "-"; }

int write_output(const std::string& path, std::string_view content, Io& io) {
  if (is_stdout(path)) {
    io.out << content;
    io.out.flush();
    return kExitOk;
  }
  auto written = write_file_atomically(path, content);
  if (!written) {
    io.err << to_string(written.error()) << '\n';
    return kExitError;
  }
  return kExitOk;
}

int usage_error(Io& io, std::string_view message) {
  io.err << "vssmeta: error: " << message << '\n';
  return kExitUsage;
}

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const Diagnostic& d : diagnostics) err << to_string(d) << '\n';
}

}  // namespace vssmeta::cli
