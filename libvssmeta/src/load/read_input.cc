// SPDX-License-Identifier: MIT
#include "load/read_input.h"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "load/large_pages.h"
#include "load/xml_document.h"

namespace vssmeta::internal {
namespace {

// `what`, with the system's reason when `error` (an errno value) has one.
std::string with_reason(std::string what, int error) {
  if (error != 0) what += ": " + std::generic_category().message(error);
  return what;
}

// Streams are read in chunks of this size, and each is kept only when it
// fits the limit: an endless stream costs at most the limit plus one chunk.
constexpr std::size_t kReadChunk = std::size_t{64} * 1024;

// `message` says how large the input is, against options.parse.max_bytes.
Error too_large(const std::string& name, std::string message,
                const LoadOptions& options) {
  if (!options.size_limit_note.empty()) {
    message += " (" + options.size_limit_note + ")";
  }
  return Error{ErrorCode::kUnsupported, std::move(message),
               Location{name, 0, 0}};
}

// Appends the rest of `in` to `data`, refusing to hold more than the limit.
Status read_rest(std::istream& in, const std::string& name,
                 const LoadOptions& options, std::string& data) {
  const std::size_t max_bytes = options.parse.max_bytes;
  std::vector<std::string> chunks;
  std::size_t total = data.size();
  std::vector<char> buf(kReadChunk);
  errno = 0;
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got > max_bytes - std::min(total, max_bytes)) {
      return too_large(
          name,
          fmt::format("input is larger than the limit of {} bytes", max_bytes),
          options);
    }
    total += got;
    if (got > 0) chunks.emplace_back(buf.data(), got);
  }
  if (in.bad()) {
    return io_error(name, with_reason("cannot read", errno));
  }
  // A regular file read in one piece has nothing left over: its buffer was
  // reserved and advised by read_file().
  if (chunks.empty()) return {};
  data.reserve(total);
  advise_large_pages(data.data(), data.capacity());
  for (std::string& chunk : chunks) {
    data += chunk;
    std::string().swap(chunk);
  }
  return {};
}

// Whether a path given by name is read: files, folders, and the streams a
// shell hands over (process substitution's FIFO, /dev/stdin, a device).
bool readable(const Kind& kind) {
  return kind.special.empty() || kind.type == fs::file_type::fifo ||
         kind.type == fs::file_type::character ||
         kind.type == fs::file_type::block;
}

}  // namespace

Error io_error(const std::string& name, const std::string& what) {
  return Error{ErrorCode::kIo, what, Location{name, 0, 0}};
}

Result<std::string> read_stream(std::istream& in, const std::string& name,
                                const LoadOptions& options) {
  std::string data;
  if (Status read = read_rest(in, name, options, data); !read) {
    return std::move(read).error();
  }
  return data;
}

Kind kind_of(const fs::path& path) {
  std::error_code ec;
  const fs::file_type type = fs::status(path, ec).type();
  switch (type) {
    case fs::file_type::regular:
    case fs::file_type::directory:
      return {type, {}};
    case fs::file_type::fifo:
      return {type, "FIFO (named pipe)"};
    case fs::file_type::character:
      return {type, "character device"};
    case fs::file_type::block:
      return {type, "block device"};
    case fs::file_type::socket:
      return {type, "socket"};
    case fs::file_type::not_found: {
      std::error_code link_ec;
      if (fs::is_symlink(fs::symlink_status(path, link_ec))) {
        return {type, "dangling symbolic link to '" +
                          fs::read_symlink(path, link_ec).string() + "'"};
      }
      return {type, "no such file or directory"};
    }
    default:
      break;
  }
  if (ec == std::errc::too_many_symbolic_link_levels) {
    return {type, "symbolic link loop"};
  }
  return {type, ec ? ec.message() : std::string("unknown kind of file")};
}

Result<std::string> read_file(const fs::path& path, const std::string& name,
                              const LoadOptions& options) {
  if (Kind kind = kind_of(path); !readable(kind)) {
    return io_error(name, kind.type == fs::file_type::socket
                              ? "cannot read from a socket"
                              : kind.special);
  }
  std::error_code ec;
  const bool regular = fs::is_regular_file(path, ec);
  const auto size = regular ? fs::file_size(path, ec) : 0;
  if (regular && !ec && size > options.parse.max_bytes) {
    return too_large(name,
                     fmt::format("file is {} bytes, more than the limit of {} "
                                 "bytes",
                                 size, options.parse.max_bytes),
                     options);
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return io_error(name, with_reason("cannot open for reading", errno));
  }
  // A regular file is read in one piece (a file that grows meanwhile is
  // read on in chunks, within the limit); anything else in chunks.
  std::string data;
  if (regular && !ec && size > 0) {
    // Room for what the XML parser appends, so that it can take the buffer
    // over as it is (parse_owned_document_in_place).
    data.reserve(static_cast<std::size_t>(size) + kXmlPadding);
    advise_large_pages(data.data(), data.capacity());
    data.resize(static_cast<std::size_t>(size));
    in.read(data.data(), static_cast<std::streamsize>(size));
    data.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (Status read = read_rest(in, name, options, data); !read) {
    return std::move(read).error();
  }
  return data;
}

}  // namespace vssmeta::internal
