// SPDX-License-Identifier: MIT
#include "cli/commands/rendered.h"

#include <algorithm>
#include <string_view>

#include "cli/exit_code.h"
#include "cli/output.h"

namespace vssmeta::cli {

namespace {

constexpr std::size_t kBlock = std::size_t{1} << 20;

}  // namespace

RenderedOutput::RenderedOutput() : stream_(&blocks_) {}

std::string& RenderedOutput::Blocks::room() {
  if (blocks.empty() || blocks.back().size() == kBlock) {
    blocks.emplace_back().reserve(kBlock);
  }
  return blocks.back();
}

RenderedOutput::Blocks::int_type RenderedOutput::Blocks::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return 0;
  room() += traits_type::to_char_type(c);
  return c;
}

std::streamsize RenderedOutput::Blocks::xsputn(const char* s,
                                               std::streamsize n) {
  std::string_view text(s, static_cast<std::size_t>(n));
  while (!text.empty()) {
    std::string& block = room();
    const std::size_t take = std::min(text.size(), kBlock - block.size());
    block.append(text.data(), take);
    text.remove_prefix(take);
  }
  return n;
}

int RenderedOutput::write(const std::string& path, Io& io) {
  const std::vector<std::string>& blocks = blocks_.blocks;
  if (is_stdout(path)) {
    for (const std::string& block : blocks) {
      if (int rc = write_output(path, block, io); rc != kExitOk) return rc;
    }
    if (blocks.empty()) return write_output(path, {}, io);
    return kExitOk;
  }
  std::string whole;
  std::size_t size = 0;
  for (const std::string& block : blocks) size += block.size();
  whole.reserve(size);
  for (const std::string& block : blocks) whole += block;
  return write_output(path, whole, io);
}

}  // namespace vssmeta::cli
