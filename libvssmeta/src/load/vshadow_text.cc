// SPDX-License-Identifier: MIT
#include "load/vshadow_text.h"

#include <optional>
#include <string_view>

namespace vssmeta::internal {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Calls f(line, number) for each line (without its newline), numbered from
// 1, until f returns false.
template <typename F>
void for_each_line(std::string_view text, F f) {
  std::size_t number = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!f(text.substr(start, end - start), start, end, number)) return;
    start = end + 1;
    ++number;
  }
}

// The N of a `--[Writer N]--` line.
std::optional<std::size_t> writer_marker(std::string_view line) {
  line = trim(line);
  constexpr std::string_view kOpen = "--[Writer ";
  constexpr std::string_view kClose = "]--";
  if (line.size() <= kOpen.size() + kClose.size() ||
      line.substr(0, kOpen.size()) != kOpen ||
      line.substr(line.size() - kClose.size()) != kClose) {
    return std::nullopt;
  }
  std::string_view digits =
      line.substr(kOpen.size(), line.size() - kOpen.size() - kClose.size());
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  std::size_t n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

bool is_end_marker(std::string_view line) {
  return trim(line) == "--[end of data]--";
}

}  // namespace

std::optional<VshadowWriterText> find_vshadow_writer_xml(
    std::string_view text) {
  VshadowWriterText out;
  std::size_t body_start = 0;  // of the current writer's XML
  bool open = false;
  auto close = [&](std::size_t body_end) {
    if (open) {
      out.writers.back().xml =
          trim(text.substr(body_start, body_end - body_start));
    }
    open = false;
  };
  for_each_line(text, [&](std::string_view line, std::size_t start,
                          std::size_t end, std::size_t number) {
    if (auto n = writer_marker(line)) {
      close(start);
      out.writers.push_back(VshadowWriterXml{*n, {}, number});
      body_start = end < text.size() ? end + 1 : end;
      open = true;
    } else if (!out.writers.empty() && is_end_marker(line)) {
      close(start);
      out.complete = true;
      return false;
    }
    return true;
  });
  close(text.size());
  if (out.writers.empty()) return std::nullopt;
  return out;
}

bool is_vshadow_writer_summary(std::string_view text) {
  bool saw_writer = false;
  bool found = false;
  for_each_line(
      text, [&](std::string_view line, std::size_t, std::size_t, std::size_t) {
        line = trim(line);
        if (line.substr(0, 10) == "* WRITER \"") {
          saw_writer = true;
        } else if (saw_writer && line.substr(0, 10) == "- WriterId") {
          found = true;
          return false;
        }
        return true;
      });
  return found;
}

}  // namespace vssmeta::internal
