// SPDX-License-Identifier: MIT
// Reads status.json (schemas/capture-status.schema.json): the target
// machine's writers for `restore-plan --target-status`.
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "vssmeta/restore_plan.h"

namespace vssmeta {
namespace {

Error bad(const std::string& name, const std::string& what) {
  return Error{
      ErrorCode::kInvalidValue,
      fmt::format("not a vssmeta writer status (status.json): {}", what),
      Location{name, 0, 0}};
}

}  // namespace

Result<std::vector<WriterStatus>> parse_status_json(std::string_view bytes,
                                                    const std::string& name) {
  const nlohmann::json doc = nlohmann::json::parse(bytes, nullptr, false);
  if (doc.is_discarded()) return bad(name, "the text is not JSON");
  if (!doc.is_object() || !doc.contains("format") ||
      doc["format"] != "vssmeta-capture-status") {
    return bad(name, "\"format\" is not \"vssmeta-capture-status\"");
  }
  if (!doc.contains("version") || doc["version"] != 1) {
    return bad(name, "\"version\" is not 1");
  }
  if (!doc.contains("writers") || !doc["writers"].is_array()) {
    return bad(name, "\"writers\" is not an array");
  }
  std::vector<WriterStatus> out;
  std::size_t n = 0;
  for (const nlohmann::json& w : doc["writers"]) {
    ++n;
    auto text = [&](const char* key) -> std::optional<std::string> {
      if (!w.is_object() || !w.contains(key) || !w[key].is_string()) {
        return std::nullopt;
      }
      return w[key].get<std::string>();
    };
    const auto writer_name = text("writer_name");
    const auto writer_id = text("writer_id");
    const auto instance_id = text("instance_id");
    std::optional<Guid> wid =
        writer_id ? Guid::parse(*writer_id) : std::nullopt;
    std::optional<Guid> iid =
        instance_id ? Guid::parse(*instance_id) : std::nullopt;
    if (!writer_name || !wid || !iid) {
      return bad(name, fmt::format("writer {} lacks a writer_name, or a "
                                   "writer_id or instance_id GUID",
                                   n));
    }
    WriterStatus s;
    s.writer_name = *writer_name;
    s.writer_id = *wid;
    s.instance_id = *iid;
    if (w.contains("state_code") && w["state_code"].is_number_unsigned()) {
      s.state = writer_state_from(w["state_code"].get<std::uint32_t>());
    }
    if (const auto f = text("failure")) {
      const char* first = f->data() + (f->rfind("0x", 0) == 0 ? 2 : 0);
      const char* last = f->data() + f->size();
      const auto [end, ec] = std::from_chars(first, last, s.failure, 16);
      if (ec != std::errc() || end != last || first == last) {
        return bad(name, fmt::format("writer {} has a failure that is not a "
                                     "hexadecimal HRESULT",
                                     n));
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace vssmeta
