// SPDX-License-Identifier: MIT
#include "vssmeta/guid.h"

namespace vssmeta {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char kDigits[] = "0123456789abcdef";

}  // namespace

std::optional<Guid> Guid::parse(std::string_view text) {
  std::string_view body = text;
  if (body.size() == 38 && body.front() == '{' && body.back() == '}') {
    body = body.substr(1, 36);
  }
  if (body.size() != 36) return std::nullopt;
  Guid g;
  std::size_t byte = 0;
  for (std::size_t i = 0; i < 36;) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (body[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    int hi = hex_value(body[i]);
    int lo = hex_value(body[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    g.bytes_[byte++] = static_cast<std::uint8_t>((hi << 4) | lo);
    i += 2;
  }
  if (g.to_string() != text) g.spelling_.assign(text);
  return g;
}

std::string Guid::to_string() const {
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kDigits[bytes_[i] >> 4]);
    out.push_back(kDigits[bytes_[i] & 0xF]);
  }
  return out;
}

std::string Guid::to_braced_string() const {
  std::string out;
  out.reserve(38);
  out.push_back('{');
  out += to_string();
  out.push_back('}');
  return out;
}

std::string Guid::spelling() const {
  return spelling_.empty() ? to_string() : spelling_;
}

bool Guid::is_nil() const {
  for (std::uint8_t b : bytes_) {
    if (b != 0) return false;
  }
  return true;
}

}  // namespace vssmeta
