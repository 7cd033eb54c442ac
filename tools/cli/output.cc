// SPDX-License-Identifier: MIT
#include "cli/output.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <ostream>
#include <random>
#include <sys/stat.h>
#include <system_error>

#include <fmt/format.h>

#include "cli/exit_code.h"

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace vssmeta::cli {
namespace {

namespace fs = std::filesystem;

// Longer chains of symbolic links are taken for a loop (as Linux does).
constexpr int kMaxLinks = 40;

// The thin layer over the C runtime's descriptors: the same calls on POSIX
// and Windows, with errno set on failure.
#ifdef _WIN32
int open_new(const fs::path& p) {
  return _wopen(p.c_str(), _O_WRONLY | _O_CREAT | _O_EXCL | _O_BINARY,
                _S_IREAD | _S_IWRITE);
}
int open_existing(const fs::path& p) {
  return _wopen(p.c_str(), _O_WRONLY | _O_BINARY);
}
long long write_some(int fd, const char* data, std::size_t size) {
  constexpr std::size_t kMaxWrite = std::size_t{1} << 30;
  return _write(fd, data, static_cast<unsigned>(std::min(size, kMaxWrite)));
}
int sync_file(int fd) { return _commit(fd); }
int close_file(int fd) { return _close(fd); }
#else
int open_new(const fs::path& p) {
  return ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
}
int open_existing(const fs::path& p) {
  return ::open(p.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
}
long long write_some(int fd, const char* data, std::size_t size) {
  return ::write(fd, data, size);
}
int sync_file(int fd) { return ::fsync(fd); }
int close_file(int fd) { return ::close(fd); }
#endif

Error write_error(const std::string& name, const std::string& why) {
  return Error{ErrorCode::kIo, "cannot write: " + why, Location{name, 0, 0}};
}

std::string reason(int error) {
  return error != 0 ? std::generic_category().message(error)
                    : std::string("output error");
}

// Writes all of `content`; 0 or the errno of the failure.
int write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const long long n = write_some(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

// How an -o path is written once symbolic links are followed.
enum class Way {
  kReplace,     // a regular file or nothing yet: temporary file and rename
  kInPlace,     // a character device or FIFO: opened and written as it is
  kDescriptor,  // /dev/stdout, /dev/fd/N: the descriptor this process has
  kRefused,     // anything else; `why` says what it is
};

struct Target {
  Way way = Way::kRefused;
  fs::path path;    // kReplace: the final file, links followed
  std::string why;  // kRefused: "it is a folder", ...
  int fd = -1;      // kDescriptor
};

// The descriptor a name for one of this process's open descriptors means
// (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N), or -1. It is
// written at its position, as a shell redirection is: `{ vssmeta ... -o
// /dev/stdout; echo; } >> log` appends both, where opening the file it
// leads to and renaming over it would drop the echo and the old log.
int named_descriptor(std::string_view path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.substr(0, prefix.size()) != prefix) continue;
    const std::string_view digits = path.substr(prefix.size());
    int fd = -1;
    const auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), fd);
    if (ec == std::errc() && end == digits.data() + digits.size()) return fd;
  }
  return -1;
}

// The end of a chain of symbolic links that leads nowhere (writing through
// it creates the file it names, as a shell redirection does).
Target follow_dangling(fs::path p) {
  for (int links = 0;; ++links) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec))) {
      return Target{Way::kReplace, p, {}};
    }
    if (links == kMaxLinks) break;
    const fs::path to = fs::read_symlink(p, ec);
    if (ec) return Target{Way::kRefused, {}, ec.message()};
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  return Target{Way::kRefused, {}, "it is a symbolic link loop"};
}

Target resolve_target(const std::string& path) {
  if (const int fd = named_descriptor(path); fd >= 0) {
    return Target{Way::kDescriptor, {}, {}, fd};
  }
  const fs::path p(path);
  std::error_code ec;
  const fs::file_status st = fs::status(p, ec);
  switch (st.type()) {
    case fs::file_type::regular: {
      fs::path final_path = fs::canonical(p, ec);
      if (ec) return Target{Way::kRefused, {}, ec.message()};
      return Target{Way::kReplace, final_path, {}};
    }
    case fs::file_type::not_found:
      return follow_dangling(p);
    case fs::file_type::character:
    case fs::file_type::fifo:
      return Target{Way::kInPlace, p, {}};
    case fs::file_type::directory:
      return Target{Way::kRefused, {}, "it is a folder"};
    case fs::file_type::socket:
      return Target{Way::kRefused, {}, "it is a socket"};
    case fs::file_type::block:
      return Target{Way::kRefused, {}, "it is a block device"};
    default:
      break;
  }
  if (ec == std::errc::too_many_symbolic_link_levels) {
    return Target{Way::kRefused, {}, "it is a symbolic link loop"};
  }
  if (ec) return Target{Way::kRefused, {}, ec.message()};
  return Target{
      Way::kRefused, {}, "it is neither a file, a character device nor a FIFO"};
}

// Gives the descriptor `fd` the owner (where allowed) and permission bits
// of the file `like`, before anything is written to it.
void copy_owner_and_mode(int fd, const fs::path& like) {
#ifdef _WIN32
  (void)fd;
  (void)like;
#else
  struct stat st {};
  if (::stat(like.c_str(), &st) != 0) return;
  // Only root may give a file away; for others this keeps their own.
  if (::fchown(fd, st.st_uid, st.st_gid) != 0) errno = 0;
  ::fchmod(fd, st.st_mode & 07777);
#endif
}

Status write_in_place(const std::string& name, const fs::path& path,
                      std::string_view content) {
  const int fd = open_existing(path);
  if (fd < 0) return write_error(name, reason(errno));
  int error = write_all(fd, content);
  if (close_file(fd) != 0 && error == 0) error = errno;
  if (error != 0) return write_error(name, reason(error));
  return {};
}

Status replace_file(const std::string& name, const fs::path& target,
                    std::string_view content) {
  const fs::path folder =
      target.has_parent_path() ? target.parent_path() : fs::path(".");
  // Say why before trying: a missing folder reads as a missing file.
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    return write_error(name, "folder '" + folder.string() + "' does not exist");
  }
  std::random_device rd;
  const fs::path temp = folder / (".vssmeta-" + std::to_string(rd()) + "-" +
                                  target.filename().string() + ".tmp");
  const int fd = open_new(temp);
  if (fd < 0) return write_error(name, reason(errno));
  if (fs::exists(target, ec)) copy_owner_and_mode(fd, target);
  int error = write_all(fd, content);
  if (error == 0 && sync_file(fd) != 0) error = errno;
  if (close_file(fd) != 0 && error == 0) error = errno;
  if (error == 0) {
    fs::rename(temp, target, ec);
    if (!ec) return {};
  }
  std::error_code ignored;
  fs::remove(temp, ignored);
  return write_error(name, error != 0 ? reason(error) : ec.message());
}

}  // namespace

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
  const Target target = resolve_target(path);
  switch (target.way) {
    case Way::kReplace:
      return replace_file(path, target.path, content);
    case Way::kInPlace:
      return write_in_place(path, target.path, content);
    case Way::kDescriptor:
      if (int error = write_all(target.fd, content); error != 0) {
        return write_error(path, reason(error));
      }
      return {};
    case Way::kRefused:
      break;
  }
  return write_error(path, target.why);
}

bool is_stdout(const std::string& path) { return path.empty() || path == "-"; }

int check_output(const std::string& path,
                 const std::vector<std::string>& inputs, Io& io) {
  if (is_stdout(path)) return kExitOk;
  const auto refuse = [&](const std::string& why) {
    return usage_error(io,
                       fmt::format("refusing to write to '{}': {}", path, why));
  };
  const Target target = resolve_target(path);
  // A device or FIFO is written in place, replacing nothing: standard
  // input and output may well be the same terminal.
  if (target.way == Way::kInPlace || target.way == Way::kDescriptor) {
    return kExitOk;
  }
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::equivalent(path, input, ec)) {
      return refuse("it is an input");
    }
  }
  if (target.way == Way::kRefused) return refuse(target.why);
  const fs::path folder =
      target.path.has_parent_path() ? target.path.parent_path() : ".";
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec) &&
        fs::equivalent(folder, input, ec)) {
      return refuse(fmt::format("it is in the input folder '{}'", input));
    }
  }
  return kExitOk;
}

int flush_output(Io& io) {
  if (io.out_failed) return kExitError;
  if (io.out) {
    errno = 0;
    io.out.flush();
    if (io.out) return kExitOk;
  }
  // errno still holds the failure of the write or flush that failed.
  const int error = errno;
  io.out_failed = true;
  io.err << "vssmeta: error: cannot write to standard output"
         << (error != 0 ? ": " + reason(error) : std::string()) << '\n';
  return kExitError;
}

int write_output(const std::string& path, std::string_view content, Io& io) {
  if (is_stdout(path)) {
    errno = 0;
    io.out << content;
    return flush_output(io);
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
  for (const Diagnostic& d : diagnostics) {
    if (d.severity >= Severity::kWarning) err << to_string(d) << '\n';
  }
}

}  // namespace vssmeta::cli
