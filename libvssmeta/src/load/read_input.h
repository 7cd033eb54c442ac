// SPDX-License-Identifier: MIT
#pragma once
// Reading what the loader is given by name or as a stream: what a path is
// (links followed, special files named), and its bytes within the size
// limit, with errors that name the input.

#include <filesystem>
#include <istream>
#include <string>

#include "vssmeta/capture_set.h"

namespace vssmeta::internal {

namespace fs = std::filesystem;

/// An I/O error naming the input `name`.
Error io_error(const std::string& name, const std::string& what);

/// What a path is, links followed, and what to call it when it is neither a
/// regular file nor a folder ("FIFO (named pipe)", "symbolic link loop").
struct Kind {
  fs::file_type type = fs::file_type::none;
  std::string special;
};

Kind kind_of(const fs::path& path);

/// The bytes of a stream, refusing more than options.parse.max_bytes (an
/// endless stream costs at most the limit plus one read chunk).
Result<std::string> read_stream(std::istream& in, const std::string& name,
                                const LoadOptions& options);

/// The bytes of the file, FIFO or device at `path` (named `name` in
/// errors), within the size limit; a regular file is read in one piece,
/// with room reserved for what the XML parser appends (kXmlPadding).
Result<std::string> read_file(const fs::path& path, const std::string& name,
                              const LoadOptions& options);

}  // namespace vssmeta::internal
