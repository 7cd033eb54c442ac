// SPDX-License-Identifier: MIT
#pragma once
// Reading a whole file into memory the plain way (one fread into a string
// of the file's size), for the benchmark tools that measure what comes
// after it.

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>

namespace vssmeta::bench {

inline std::optional<std::string> read_whole_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string data;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    const long size = std::ftell(f);
    if (size > 0) data.resize(static_cast<std::size_t>(size));
    std::rewind(f);
  }
  const std::size_t got = std::fread(data.data(), 1, data.size(), f);
  const bool ok = got == data.size() && std::ferror(f) == 0;
  std::fclose(f);
  if (!ok) return std::nullopt;
  return data;
}

}  // namespace vssmeta::bench
