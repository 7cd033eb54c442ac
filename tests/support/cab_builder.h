// SPDX-License-Identifier: MIT
#pragma once
// Builds cabinet files in memory for the tests, from the layout Microsoft
// documents for the cabinet format (CFHEADER, CFFOLDER, CFFILE, CFDATA):
// one folder, stored without compression, data blocks of up to 32 KiB and
// no checksums. Declared sizes and names can be anything, to make hostile
// cabinets.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace vssmeta::testing {

struct CabEntry {
  std::string name;
  std::string data;
  /// The size CFFILE declares; -1 = data.size().
  std::int64_t declared = -1;
};

namespace cab_detail {
inline void u8(std::string& s, unsigned v) {
  s.push_back(static_cast<char>(v & 0xFF));
}
inline void u16(std::string& s, unsigned v) {
  u8(s, v);
  u8(s, v >> 8);
}
inline void u32(std::string& s, std::uint32_t v) {
  u16(s, v & 0xFFFF);
  u16(s, v >> 16);
}
}  // namespace cab_detail

/// An uncompressed single-folder cabinet holding `entries` in order.
inline std::string make_cab(const std::vector<CabEntry>& entries) {
  using namespace cab_detail;
  std::string data;
  for (const CabEntry& e : entries) data += e.data;
  std::size_t files_size = 0;
  for (const CabEntry& e : entries) files_size += 16 + e.name.size() + 1;
  const std::size_t header = 36;
  const std::size_t folder = 8;
  const std::size_t first_file = header + folder;
  const std::size_t first_data = first_file + files_size;
  const std::size_t block = 32768;
  const std::size_t blocks = (data.size() + block - 1) / block;
  const std::size_t total = first_data + blocks * 8 + data.size();
  std::string out;
  out += "MSCF";
  u32(out, 0);
  u32(out, static_cast<std::uint32_t>(total));
  u32(out, 0);
  u32(out, static_cast<std::uint32_t>(first_file));
  u32(out, 0);
  u8(out, 3);  // version 1.3
  u8(out, 1);
  u16(out, 1);  // folders
  u16(out, static_cast<unsigned>(entries.size()));
  u16(out, 0);       // flags
  u16(out, 0x1234);  // set id
  u16(out, 0);       // index in set
  // CFFOLDER
  u32(out, static_cast<std::uint32_t>(first_data));
  u16(out, static_cast<unsigned>(blocks));
  u16(out, 0);  // no compression
  std::uint32_t offset = 0;
  for (const CabEntry& e : entries) {
    const auto size = e.declared >= 0
                          ? static_cast<std::uint32_t>(e.declared)
                          : static_cast<std::uint32_t>(e.data.size());
    u32(out, size);
    u32(out, offset);
    u16(out, 0);       // folder 0
    u16(out, 0x5B82);  // 2025-12-02
    u16(out, 0x6000);  // 12:00
    u16(out, 0x20);    // archive
    out += e.name;
    out.push_back('\0');
    offset += static_cast<std::uint32_t>(e.data.size());
  }
  for (std::size_t at = 0; at < data.size(); at += block) {
    const std::size_t n = std::min(block, data.size() - at);
    u32(out, 0);  // no checksum
    u16(out, static_cast<unsigned>(n));
    u16(out, static_cast<unsigned>(n));
    out.append(data, at, n);
  }
  return out;
}

}  // namespace vssmeta::testing
