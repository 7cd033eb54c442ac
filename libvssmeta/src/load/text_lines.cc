// SPDX-License-Identifier: MIT
#include "load/text_lines.h"

#include <array>

namespace vssmeta::internal {
namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";            // U+00A0
constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";  // U+202F
constexpr std::string_view kFullColon = "\xEF\xBC\x9A";   // U+FF1A

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

struct QuotePair {
  std::string_view open;
  std::string_view close;
};

constexpr std::array<QuotePair, 5> kQuotes = {{
    {"'", "'"},
    {"\"", "\""},
    {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
    {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
    {"\xC2\xAB", "\xC2\xBB"},          // « »
}};

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
         (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

}  // namespace

std::string_view trim_text(std::string_view s) {
  for (;;) {
    const std::size_t before = s.size();
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    for (std::string_view sp : {kNbsp, kNarrowNbsp}) {
      if (starts_with(s, sp)) s.remove_prefix(sp.size());
      if (ends_with(s, sp)) s.remove_suffix(sp.size());
    }
    if (s.size() == before) return s;
  }
}

std::size_t label_end(std::string_view label) {
  const std::string_view t = trim_text(label);
  if (ends_with(t, ":")) return t.size();
  if (ends_with(t, kFullColon)) return t.size();
  return 0;
}

std::optional<std::string_view> field_value(std::string_view line) {
  std::size_t colon = line.find(':');
  std::size_t width = 1;
  const std::size_t full = line.find(kFullColon);
  if (full != std::string_view::npos &&
      (colon == std::string_view::npos || full < colon)) {
    colon = full;
    width = kFullColon.size();
  }
  if (colon == std::string_view::npos) return std::nullopt;
  return trim_text(line.substr(colon + width));
}

std::optional<Guid> trailing_guid(std::string_view line) {
  if (line.size() < 38 || line.back() != '}') return std::nullopt;
  return Guid::parse(line.substr(line.size() - 38));
}

std::optional<std::string> quoted_writer_name(std::string_view line) {
  if (line.empty() || line.front() == '-' || line.front() == '+') {
    return std::nullopt;
  }
  // The earliest opening quote of any kind decides the kind.
  const QuotePair* pair = nullptr;
  std::size_t open = std::string_view::npos;
  for (const QuotePair& q : kQuotes) {
    const std::size_t at = line.find(q.open);
    if (at < open) {
      open = at;
      pair = &q;
    }
  }
  if (pair != nullptr) {
    const std::size_t begin = open + pair->open.size();
    std::string_view end_trimmed = line;
    while (!end_trimmed.empty() &&
           (end_trimmed.back() == ':' || end_trimmed.back() == '!' ||
            is_blank(end_trimmed.back()))) {
      end_trimmed.remove_suffix(1);
    }
    std::size_t close = std::string_view::npos;
    if (ends_with(end_trimmed, pair->close) &&
        end_trimmed.size() - pair->close.size() >= begin) {
      close = end_trimmed.size() - pair->close.size();
    } else {
      close = line.find(pair->close, begin);
    }
    if (close != std::string_view::npos && close > begin) {
      return std::string(line.substr(begin, close - begin));
    }
  }
  constexpr std::string_view kWriter = "* WRITER ";
  if (starts_with(line, kWriter)) {
    const std::string_view name = trim_text(line.substr(kWriter.size()));
    if (!name.empty()) return std::string(name);
  }
  return std::nullopt;
}

void for_each_clean_line(
    std::string_view text,
    const std::function<void(std::string_view, std::size_t)>& f) {
  bool markdown = false;
  std::string buffer;
  std::size_t number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim_text(text.substr(pos, end - pos));
    ++number;
    pos = end + 1;
    while (!line.empty() && line.front() == '>') {
      line = trim_text(line.substr(1));
    }
    if (line.size() >= 2 && line[0] == '\\' &&
        (line[1] == '-' || line[1] == '*' || line[1] == '+')) {
      markdown = true;
    }
    // "\ Paths affected": an escaped blank starting a Markdown line.
    if (markdown && line.size() >= 2 && line[0] == '\\' && line[1] == ' ') {
      line = trim_text(line.substr(1));
    }
    if (markdown && line.find('\\') != std::string_view::npos) {
      buffer.clear();
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() &&
            is_ascii_punct(line[i + 1])) {
          ++i;
        }
        buffer.push_back(line[i]);
      }
      line = trim_text(buffer);
    }
    f(line, number);
    if (end == text.size()) break;
  }
}

}  // namespace vssmeta::internal
