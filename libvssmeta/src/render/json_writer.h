// SPDX-License-Identifier: MIT
#pragma once
// A streaming JSON writer: values are written as they are produced, never
// held in a tree. The layout is byte for byte nlohmann::json's
// `dump(2, ' ', false, error_handler_t::replace)` (the form the JSON outputs
// have always had), and strings that need escaping or hold non-ASCII bytes
// are escaped by nlohmann-json itself. Keys are the caller's constants and
// are written as given.

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vssmeta::internal {

class JsonWriter {
 public:
  /// Writes to `out` in blocks; finish() writes what is left.
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// The key of the next value in the current object.
  void key(std::string_view name);

  void string(std::string_view value);
  void boolean(bool value);
  void number(std::uint64_t value);
  void null();

  /// Writes the buffered text to the stream.
  void finish();

 private:
  struct Frame {
    bool object = false;
    std::size_t count = 0;
  };
  void open(char bracket);
  void close(char bracket);
  void before_value();
  void indent(std::size_t depth) { buffer_.append(2 * depth, ' '); }
  void flush_if_full();

  std::ostream& out_;
  std::string buffer_;
  std::vector<Frame> frames_;
};

}  // namespace vssmeta::internal
