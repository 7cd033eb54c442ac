// SPDX-License-Identifier: MIT
// Reading the host part of a capture's manifest.json for the HTML report.
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "vssmeta/html_report.h"

namespace vssmeta {

Result<HostManifest> parse_host_manifest_json(std::string_view bytes,
                                              const std::string& source_name) {
  using nlohmann::json;
  const Location top{source_name, 1, 1};
  json root = json::parse(bytes.begin(), bytes.end(), nullptr,
                          /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    return Error{ErrorCode::kMalformedXml, "not valid JSON", top};
  }
  if (!root.is_object() || !root.contains("format") ||
      root["format"] != "vssmeta-capture-manifest") {
    return Error{ErrorCode::kUnexpectedRoot,
                 "not a vssmeta capture manifest (\"format\" is not "
                 "\"vssmeta-capture-manifest\")",
                 top};
  }
  HostManifest host;
  auto text = [&](const char* key, std::string& into) -> bool {
    auto it = root.find(key);
    if (it == root.end()) return true;
    if (!it->is_string()) return false;
    into = it->get<std::string>();
    return true;
  };
  for (const auto& [key, into] :
       {std::pair<const char*, std::string*>{"host", &host.host},
        {"os_version", &host.os_version},
        {"time_utc", &host.time_utc},
        {"tool_version", &host.tool_version},
        {"context", &host.context}}) {
    if (!text(key, *into)) {
      return Error{ErrorCode::kInvalidValue,
                   fmt::format("\"{}\" is not a string", key), top};
    }
  }
  if (auto it = root.find("elevated"); it != root.end()) {
    if (!it->is_boolean()) {
      return Error{ErrorCode::kInvalidValue, "\"elevated\" is not a boolean",
                   top};
    }
    host.elevated = it->get<bool>();
  }
  return host;
}

}  // namespace vssmeta
