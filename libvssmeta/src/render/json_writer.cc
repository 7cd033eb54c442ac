// SPDX-License-Identifier: MIT
#include "render/json_writer.h"

#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "text/escape.h"

namespace vssmeta::internal {

namespace {

constexpr std::size_t kBlock = std::size_t{1} << 16;

}  // namespace

void JsonWriter::before_value() {
  if (frames_.empty()) return;
  Frame& top = frames_.back();
  if (top.object) return;  // key() wrote the separator
  buffer_ += top.count++ == 0 ? "\n" : ",\n";
  indent(frames_.size());
}

void JsonWriter::key(std::string_view name) {
  Frame& top = frames_.back();
  buffer_ += top.count++ == 0 ? "\n" : ",\n";
  indent(frames_.size());
  buffer_ += '"';
  buffer_ += name;
  buffer_ += "\": ";
}

void JsonWriter::open(char bracket) {
  before_value();
  buffer_ += bracket;
  frames_.push_back(Frame{bracket == '{', 0});
}

void JsonWriter::close(char bracket) {
  const bool empty = frames_.back().count == 0;
  frames_.pop_back();
  if (!empty) {
    buffer_ += '\n';
    indent(frames_.size());
  }
  buffer_ += bracket;
  flush_if_full();
}

void JsonWriter::string(std::string_view value) {
  before_value();
  // Printable ASCII is written as nlohmann-json writes it: as it is, with a
  // backslash before '"' and '\\' (every Windows path has some). Anything
  // else (control characters, non-ASCII bytes, invalid UTF-8) goes through
  // nlohmann-json itself.
  if (is_printable_ascii(value)) {
    buffer_ += '"';
    for (std::size_t at = 0; at < value.size();) {
      const std::size_t special = value.find_first_of("\"\\", at);
      const std::size_t end =
          special == std::string_view::npos ? value.size() : special;
      buffer_.append(value.data() + at, end - at);
      if (end == value.size()) break;
      buffer_ += '\\';
      buffer_ += value[end];
      at = end + 1;
    }
    buffer_ += '"';
  } else {
    // Replace, not throw: names and captions come from untrusted documents
    // and need not be valid UTF-8.
    buffer_ += nlohmann::json(value).dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  flush_if_full();
}

void JsonWriter::boolean(bool value) {
  before_value();
  buffer_ += value ? "true" : "false";
}

void JsonWriter::number(std::uint64_t value) {
  before_value();
  fmt::format_to(std::back_inserter(buffer_), "{}", value);
}

void JsonWriter::null() {
  before_value();
  buffer_ += "null";
}

void JsonWriter::flush_if_full() {
  if (buffer_.size() >= kBlock) finish();
}

void JsonWriter::finish() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

}  // namespace vssmeta::internal
