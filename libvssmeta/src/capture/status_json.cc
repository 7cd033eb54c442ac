// SPDX-License-Identifier: MIT
// Reading back the status.json `vssmeta capture` writes.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "vssmeta/capture.h"

namespace vssmeta {
namespace {

// 1-based line and column (in bytes) of `offset` in `text`.
Location locate_offset(std::string_view text, std::size_t offset,
                       const std::string& file) {
  offset = std::min(offset, text.size());
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return Location{file, line,
                  static_cast<std::uint32_t>(offset - line_start + 1)};
}

std::optional<std::uint32_t> parse_hresult(const std::string& s) {
  if (s.size() != 10 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) {
    return std::nullopt;
  }
  std::uint32_t v = 0;
  for (std::size_t i = 2; i < s.size(); ++i) {
    const char c = s[i];
    std::uint32_t d = 0;
    if (c >= '0' && c <= '9') {
      d = static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      d = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      d = static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    v = v * 16 + d;
  }
  return v;
}

}  // namespace

Result<std::vector<WriterStatus>> parse_status_json(
    std::string_view bytes, const std::string& source_name) {
  using nlohmann::json;
  json root;
  try {
    root = json::parse(bytes.begin(), bytes.end());
  } catch (const json::parse_error& e) {
    // e.byte is 1-based: the byte at which parsing stopped.
    return Error{
        ErrorCode::kMalformedXml,
        fmt::format(
            "not valid JSON: {}",
            std::string(e.what()).substr(std::string(e.what()).find(": ") + 2)),
        locate_offset(bytes, e.byte == 0 ? 0 : e.byte - 1, source_name)};
  }
  const Location top{source_name, 1, 1};
  if (!root.is_object() || !root.contains("format") ||
      root["format"] != "vssmeta-capture-status") {
    return Error{ErrorCode::kUnexpectedRoot,
                 "not a vssmeta status document (\"format\" is not "
                 "\"vssmeta-capture-status\")",
                 top};
  }
  if (!root.contains("version") || root["version"] != 1) {
    return Error{ErrorCode::kUnsupported,
                 "unsupported status document version (this vssmeta reads "
                 "version 1)",
                 top};
  }
  if (!root.contains("writers") || !root["writers"].is_array()) {
    return Error{ErrorCode::kInvalidValue, "\"writers\" is not an array", top};
  }
  std::vector<WriterStatus> out;
  std::size_t n = 0;
  for (const json& w : root["writers"]) {
    ++n;
    auto bad = [&](std::string_view field) {
      return Error{ErrorCode::kInvalidValue,
                   fmt::format("writers[{}]: \"{}\" is missing or invalid",
                               n - 1, field),
                   top};
    };
    if (!w.is_object()) return bad("(entry)");
    WriterStatus s;
    auto text = [&](const char* key) -> const std::string* {
      auto it = w.find(key);
      return it != w.end() && it->is_string()
                 ? it->get_ptr<const std::string*>()
                 : nullptr;
    };
    const std::string* name = text("writer_name");
    if (name == nullptr) return bad("writer_name");
    s.writer_name = *name;
    const std::string* id = text("writer_id");
    const auto writer_id = id ? Guid::parse(*id) : std::nullopt;
    if (!writer_id) return bad("writer_id");
    s.writer_id = *writer_id;
    const std::string* instance = text("instance_id");
    const auto instance_id = instance ? Guid::parse(*instance) : std::nullopt;
    if (!instance_id) return bad("instance_id");
    s.instance_id = *instance_id;
    auto code = w.find("state_code");
    if (code == w.end() || !code->is_number_unsigned() ||
        code->get<std::uint64_t>() > 15) {
      return bad("state_code");
    }
    s.state = writer_state_from(code->get<std::uint32_t>());
    const std::string* failure = text("failure");
    const auto hr = failure ? parse_hresult(*failure) : std::nullopt;
    if (!hr) return bad("failure");
    s.failure = *hr;
    if (const std::string* app = text("application_error")) {
      s.application_error = parse_hresult(*app);
      if (!s.application_error) return bad("application_error");
      if (const std::string* m = text("application_message")) {
        s.application_message = *m;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace vssmeta
