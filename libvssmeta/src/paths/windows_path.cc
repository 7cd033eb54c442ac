// SPDX-License-Identifier: MIT
#include "paths/windows_path.h"

#include "text/ascii.h"
#include "text/glob.h"

namespace vssmeta::internal {
namespace {

constexpr bool is_separator(char c) { return c == '\\' || c == '/'; }

constexpr bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Reads a path's normal form one byte at a time, without building it.
class KeyReader {
 public:
  explicit KeyReader(std::string_view path) : path_(path) {
    while (!path_.empty() && is_separator(path_.back())) path_.remove_suffix(1);
  }
  // The next byte of the normal form; false at its end.
  bool next(char& c) {
    if (at_ == path_.size()) return false;
    const char raw = path_[at_];
    if (!is_separator(raw)) {
      c = ascii_lower(raw);
      ++at_;
      return true;
    }
    c = '\\';
    // The opening `\\` is kept; any other run reads as one `\`.
    if (at_ == 0 && path_.size() > 1 && is_separator(path_[1])) {
      at_ = 1;
      return true;
    }
    while (at_ < path_.size() && is_separator(path_[at_])) ++at_;
    return true;
  }

 private:
  std::string_view path_;
  std::size_t at_ = 0;
};

// The length of a leading `%NAME%`, or 0.
std::size_t variable_length(std::string_view path) {
  if (path.size() < 3 || path[0] != '%') return 0;
  const std::size_t end = path.find('%', 1);
  if (end == std::string_view::npos || end == 1) return 0;
  return end + 1;
}

// `count` path elements of `path` (a root without prefix), or npos when
// there are fewer: the length up to the separator that ends them.
std::size_t elements(std::string_view path, std::size_t count) {
  std::size_t at = 0;
  for (std::size_t k = 0; k < count; ++k) {
    if (at >= path.size() || is_separator(path[at]))
      return std::string_view::npos;
    while (at < path.size() && !is_separator(path[at])) ++at;
    if (k + 1 < count) {
      if (at == path.size()) return std::string_view::npos;
      ++at;
    }
  }
  return at;
}

PathVolume make(PathVolume::Kind kind, std::string_view root) {
  PathVolume v{kind, {}};
  append_path_key(root, v.root);
  if (kind != PathVolume::Kind::kUnresolved) v.root.push_back('\\');
  return v;
}

// `C:` at the start of `path`, followed by a separator or the end.
bool is_drive(std::string_view path) {
  return path.size() >= 2 && is_letter(path[0]) && path[1] == ':' &&
         (path.size() == 2 || is_separator(path[2]));
}

}  // namespace

void append_path_key(std::string_view path, std::string& out) {
  KeyReader reader(path);
  char c = 0;
  while (reader.next(c)) out.push_back(c);
}

std::string path_key(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  append_path_key(path, out);
  return out;
}

bool same_path(std::string_view a, std::string_view b) {
  KeyReader ra(a);
  KeyReader rb(b);
  char ca = 0;
  char cb = 0;
  while (true) {
    const bool more_a = ra.next(ca);
    const bool more_b = rb.next(cb);
    if (more_a != more_b) return false;
    if (!more_a) return true;
    if (ca != cb) return false;
  }
}

void append_file_set_key(std::string_view path, std::string_view filespec,
                         bool recursive, std::string& out) {
  append_path_key(path, out);
  out.push_back('\0');
  append_folded(filespec, out);
  out.push_back('\0');
  out.push_back(recursive ? '1' : '0');
}

std::string file_set_key(std::string_view path, std::string_view filespec,
                         bool recursive) {
  std::string out;
  out.reserve(path.size() + filespec.size() + 3);
  append_file_set_key(path, filespec, recursive, out);
  return out;
}

bool same_file_set(std::string_view path_a, std::string_view filespec_a,
                   bool recursive_a, std::string_view path_b,
                   std::string_view filespec_b, bool recursive_b) {
  return recursive_a == recursive_b && iequals(filespec_a, filespec_b) &&
         same_path(path_a, path_b);
}

bool filespec_matches(std::string_view filespec, std::string_view name) {
  return filespec == "*.*" || glob_matches(filespec, name);
}

PathVolume volume_of(std::string_view path) {
  using Kind = PathVolume::Kind;
  if (const std::size_t n = variable_length(path); n != 0) {
    return make(Kind::kUnresolved, path.substr(0, n));
  }
  if (is_drive(path)) return make(Kind::kDrive, path.substr(0, 2));
  // `\\?\` and `\\.\` (the Win32 device namespace), `\??\` (NT's).
  const bool nt = path.size() >= 4 && is_separator(path[0]) && path[1] == '?' &&
                  path[2] == '?' && is_separator(path[3]);
  if (!nt &&
      (path.size() < 2 || !is_separator(path[0]) || !is_separator(path[1]))) {
    return {};
  }
  const bool device =
      nt || (path.size() >= 4 && (path[2] == '?' || path[2] == '.') &&
             is_separator(path[3]));
  if (!device) {
    const std::size_t n = elements(path.substr(2), 2);
    if (n == std::string_view::npos) return {};
    return make(Kind::kNetworkShare, path.substr(0, 2 + n));
  }
  const std::string_view rest = path.substr(4);
  if (is_drive(rest)) return make(Kind::kDrive, rest.substr(0, 2));
  const std::size_t first = elements(rest, 1);
  if (first == std::string_view::npos) return {};
  const std::string_view name = rest.substr(0, first);
  if (iequals(name, "UNC")) {
    if (first == rest.size()) return {};
    const std::size_t n = elements(rest.substr(first + 1), 2);
    if (n == std::string_view::npos) return {};
    std::string root = "\\\\";
    root += rest.substr(first + 1, n);
    return make(Kind::kNetworkShare, root);
  }
  if (istarts_with(name, "Volume{") && name.back() == '}') {
    std::string root = "\\\\?\\";
    root += name;
    return make(Kind::kVolumeGuid, root);
  }
  return {};
}

std::string file_pattern(std::string_view path, std::string_view filespec) {
  while (path.size() > 1 && (path.back() == '\\' || path.back() == '/')) {
    path.remove_suffix(1);
  }
  std::string out(path);
  if (!out.empty() && out.back() != '\\' && !filespec.empty()) out += '\\';
  out += filespec;
  return out;
}

}  // namespace vssmeta::internal
