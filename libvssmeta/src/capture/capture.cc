// SPDX-License-Identifier: MIT
#include "vssmeta/capture.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "text/ascii.h"
#include "text/escape.h"
#include "vssmeta/selection.h"

namespace vssmeta {
namespace fs = std::filesystem;
namespace {

struct StateNames {
  const char* text;  // vssadmin
  const char* id;
};

constexpr std::array<StateNames, 16> kStates = {{
    {"Unknown", "unknown"},
    {"Stable", "stable"},
    {"Waiting for freeze", "waiting-for-freeze"},
    {"Waiting for thaw", "waiting-for-thaw"},
    {"Waiting for post snapshot", "waiting-for-post-snapshot"},
    {"Waiting for completion", "waiting-for-backup-complete"},
    {"Failed at identify", "failed-at-identify"},
    {"Failed at prepare backup", "failed-at-prepare-backup"},
    {"Failed at prepare snapshot", "failed-at-prepare-snapshot"},
    {"Failed at freeze", "failed-at-freeze"},
    {"Failed at thaw", "failed-at-thaw"},
    {"Failed at post snapshot", "failed-at-post-snapshot"},
    {"Failed at backup complete", "failed-at-backup-complete"},
    {"Failed at pre restore", "failed-at-pre-restore"},
    {"Failed at post restore", "failed-at-post-restore"},
    {"Failed at backup shutdown", "failed-at-backup-shutdown"},
}};

bool reserved_dos_name(std::string_view stem) {
  static constexpr std::array<std::string_view, 4> kPlain = {"CON", "PRN",
                                                             "AUX", "NUL"};
  for (std::string_view r : kPlain) {
    if (internal::iequals(stem, r)) return true;
  }
  if (stem.size() == 4 && (internal::iequals(stem.substr(0, 3), "COM") ||
                           internal::iequals(stem.substr(0, 3), "LPT"))) {
    return stem[3] >= '0' && stem[3] <= '9';
  }
  return false;
}

Error folder_error(const std::string& dir, const std::string& what) {
  return Error{ErrorCode::kIo, what, Location{dir, 0, 0}};
}

Result<std::string> write_file(const fs::path& path, std::string_view bytes,
                               const std::string& name) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return folder_error(name, "cannot write");
  return name;
}

std::string temp_sibling(const fs::path& dir) {
  std::random_device rd;
  return fmt::format("{}.tmp-{:08x}", dir.filename().string(), rd());
}

}  // namespace

const char* to_string(WriterState state) {
  return kStates[static_cast<std::size_t>(state)].text;
}

const char* state_id(WriterState state) {
  return kStates[static_cast<std::size_t>(state)].id;
}

WriterState writer_state_from(std::uint32_t raw) {
  return raw < kStates.size() ? static_cast<WriterState>(raw)
                              : WriterState::kUnknown;
}

bool is_failed(WriterState state) {
  return state >= WriterState::kFailedAtIdentify;
}

bool any_capture_error(const std::vector<CapturedWriter>& writers) {
  return std::any_of(writers.begin(), writers.end(),
                     [](const auto& w) { return !w.capture_error.empty(); });
}

bool is_failed(const WriterStatus& status) {
  return is_failed(status.state) || hresult_failed(status.failure);
}

const char* to_string(CaptureContext context) {
  switch (context) {
    case CaptureContext::kBackup:
      return "backup";
    case CaptureContext::kFileShareBackup:
      return "file-share-backup";
    case CaptureContext::kAppRollback:
      return "app-rollback";
  }
  return "backup";
}

std::string capture_file_name(std::string_view writer_name,
                              const Guid& instance_id) {
  std::string stem;
  for (char c : writer_name) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = std::isalnum(u) != 0 || c == ' ' || c == '-' ||
                      c == '_' || c == '.' || c == '(' || c == ')';
    if (u < 0x80 && keep) {
      stem.push_back(c);
    } else if (stem.empty() || stem.back() != '_') {
      stem.push_back('_');
    }
  }
  auto trim = [](std::string& s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '.')) ++b;
    s.erase(0, b);
  };
  trim(stem);
  if (stem.size() > 64) stem.resize(64);
  trim(stem);
  if (stem.empty()) stem = "writer";
  // "NUL.backup" is as reserved as "NUL": look at the part before a dot.
  if (reserved_dos_name(stem.substr(0, stem.find('.')))) stem.insert(0, "_");
  return fmt::format("{}_{}.xml", stem, instance_id.to_string());
}

Result<std::vector<SelectedComponent>> resolve_selection(
    const std::vector<CapturedWriter>& writers,
    const std::vector<std::string>& refs) {
  std::vector<const WriterMetadata*> wmds;
  wmds.reserve(writers.size());
  for (const CapturedWriter& cw : writers) {
    wmds.push_back(cw.metadata ? &*cw.metadata : nullptr);
  }
  const ResolvedSelection resolved = resolve_references(wmds, refs);
  auto bad = [](const ResolvedReference& r, std::string why) {
    if (!r.candidates.empty()) {
      why += fmt::format(" (closest: {})", fmt::join(r.candidates, ", "));
    }
    return Error{ErrorCode::kInvalidValue,
                 fmt::format("component reference '{}': {}", r.text, why),
                 std::nullopt};
  };
  for (const ResolvedReference& r : resolved.references) {
    if (r.problem == ReferenceProblem::kNoWriter) {
      return bad(r, "no such writer");
    }
    if (r.problem == ReferenceProblem::kNoComponent) {
      return bad(r, "no such component");
    }
    for (const ReferencedComponent& c : r.components) {
      if (c.backup_class == BackupClass::kNonselectableSub) {
        return bad(r, "not selectable: select its selectable ancestor");
      }
    }
  }
  // AddComponent wants the explicit components and every required one of
  // the writers taking part.
  std::vector<SelectedComponent> out;
  for (const WriterSelection& s : resolved.writers) {
    const CapturedWriter& cw = writers[s.writer];
    for (std::size_t i = 0; i < s.index.size(); ++i) {
      const bool named =
          std::binary_search(s.explicit_ids.begin(), s.explicit_ids.end(), i);
      if (!named && s.index.backup_class(i) != BackupClass::kRequired) {
        continue;
      }
      const Component& c = cw.metadata->components[i];
      out.push_back({cw.writer_id, cw.instance_id, c.type,
                     c.logical_path.value_or(""), c.name, !named});
    }
  }
  auto key = [](const SelectedComponent& s) {
    return std::tie(s.writer_id, s.instance_id, s.logical_path, s.name);
  };
  std::sort(out.begin(), out.end(),
            [&](const auto& a, const auto& b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [&](const auto& a, const auto& b) {
                          return internal::iequals(a.logical_path,
                                                   b.logical_path) &&
                                 internal::iequals(a.name, b.name) &&
                                 a.instance_id == b.instance_id;
                        }),
            out.end());
  return out;
}

namespace {

std::string status_json(const std::vector<WriterStatus>& status) {
  nlohmann::ordered_json writers = nlohmann::ordered_json::array();
  for (const WriterStatus& s : status) {
    nlohmann::ordered_json w;
    w["writer_name"] = s.writer_name;
    w["writer_id"] = s.writer_id.to_string();
    w["instance_id"] = s.instance_id.to_string();
    w["state"] = state_id(s.state);
    w["state_code"] = static_cast<std::uint32_t>(s.state);
    w["failed"] = is_failed(s);
    w["failure"] = fmt::format("0x{:08X}", s.failure);
    const HresultInfo info = describe_hresult(s.failure);
    w["failure_name"] = std::string(info.name);
    w["failure_advice"] = std::string(info.advice);
    if (s.application_error) {
      w["application_error"] = fmt::format("0x{:08X}", *s.application_error);
      w["application_message"] = s.application_message;
    }
    if (s.printed) {
      const PrintedStatus& p = *s.printed;
      nlohmann::ordered_json printed;
      printed["file"] = p.where.file;
      printed["line"] = p.where.line;
      printed["state_code"] = p.state_code;
      printed["state_text"] = p.state_text;
      printed["last_error"] = p.last_error;
      printed["failure_known"] = p.failure_known;
      w["printed"] = std::move(printed);
    }
    writers.push_back(std::move(w));
  }
  nlohmann::ordered_json root;
  root["format"] = "vssmeta-capture-status";
  root["version"] = 1;
  root["writers"] = std::move(writers);
  return root.dump(2) + "\n";
}

std::string manifest_json(const CaptureResult& capture) {
  const HostManifest& host = capture.host;
  nlohmann::ordered_json root;
  root["format"] = "vssmeta-capture-manifest";
  root["version"] = 1;
  root["host"] = host.host;
  root["os_version"] = host.os_version;
  root["time_utc"] = host.time_utc;
  root["tool_version"] = host.tool_version;
  root["elevated"] = host.elevated;
  root["context"] = host.context;
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const CapturedWriter& w : capture.writers) {
    nlohmann::ordered_json f;
    if (w.capture_error.empty()) {
      f["file"] = capture_file_name(w.writer_name, w.instance_id);
    }
    f["writer_name"] = w.writer_name;
    f["writer_id"] = w.writer_id.to_string();
    f["instance_id"] = w.instance_id.to_string();
    if (!w.parse_error.empty()) f["parse_error"] = w.parse_error;
    if (!w.capture_error.empty()) f["capture_error"] = w.capture_error;
    files.push_back(std::move(f));
  }
  root["writers"] = std::move(files);
  if (capture.bcd_xml) root["backup_components"] = "backup-components.xml";
  return root.dump(2) + "\n";
}

void write_status_text(const std::vector<WriterStatus>& status,
                       std::ostream& out) {
  for (const WriterStatus& s : status) {
    // A printed number past the VSS states is shown as printed.
    const bool odd_state = s.printed && s.printed->state_code !=
                                            static_cast<std::uint32_t>(s.state);
    out << fmt::format(
        "Writer name: '{}'\n   Writer Id: {}\n   Writer Instance Id: {}\n"
        "   State: [{}] {}\n",
        internal::escape_control(s.writer_name), s.writer_id.to_braced_string(),
        s.instance_id.to_braced_string(),
        odd_state ? s.printed->state_code : static_cast<std::uint32_t>(s.state),
        odd_state ? internal::escape_control(s.printed->state_text) +
                        " (as printed; not a known writer state)"
                  : std::string(to_string(s.state)));
    if (s.printed && !s.printed->failure_known) {
      // A wording we cannot map: shown as printed, never as "No error".
      out << "   Last error: "
          << internal::escape_control(s.printed->last_error)
          << " (as printed; failure code unknown)\n";
    } else if (s.failure == 0) {
      out << "   Last error: No error\n";
    } else {
      out << "   Last error: " << explain_hresult(s.failure) << "\n";
    }
    if (s.application_error && *s.application_error != 0) {
      out << "   Application error: " << format_hresult(*s.application_error);
      if (!s.application_message.empty()) out << " " << s.application_message;
      out << "\n";
    }
    out << "\n";
  }
  const auto failed =
      std::count_if(status.begin(), status.end(),
                    [](const WriterStatus& s) { return is_failed(s); });
  out << fmt::format("{} writers, {} failed\n", status.size(), failed);
}

}  // namespace

void write_status(const std::vector<WriterStatus>& status, std::ostream& out,
                  const StatusOptions& options) {
  switch (options.format) {
    case StatusFormat::kText:
      write_status_text(status, out);
      return;
    case StatusFormat::kJson:
      out << status_json(status);
      return;
  }
}

void write_manifest(const CaptureResult& capture, std::ostream& out) {
  out << manifest_json(capture);
}

Result<CaptureFolder> prepare_capture_folder(const std::string& dir) {
  // "out/" and "out" name the same folder; without this, the folder's name
  // would be empty and its parent "out" itself.
  fs::path target(dir);
  while (!target.empty() && !target.has_filename() &&
         target != target.root_path()) {
    target = target.parent_path();
  }
  if (target.empty() || !target.has_filename()) {
    return folder_error(dir, "not a folder name");
  }
  std::error_code ec;
  // A link, even one to nothing, is there too.
  const fs::file_status st = fs::symlink_status(target, ec);
  if (fs::exists(st) || (ec && st.type() != fs::file_type::not_found)) {
    return folder_error(dir, "already exists: choose a new folder");
  }
  fs::path parent = target.parent_path();
  if (parent.empty()) parent = ".";
  fs::create_directories(parent, ec);
  if (ec) {
    return folder_error(dir,
                        "cannot create its parent folder: " + ec.message());
  }
  const fs::path temp = parent / temp_sibling(target);
  if (!fs::create_directory(temp, ec)) {
    return folder_error(dir, "cannot create folder: " + ec.message());
  }
  return CaptureFolder{target.string(), temp.string()};
}

void discard_capture_folder(const CaptureFolder& folder) {
  std::error_code ec;
  fs::remove_all(folder.temp, ec);
}

Result<std::vector<std::string>> write_capture_folder(
    const CaptureResult& capture, const CaptureFolder& folder) {
  const fs::path temp(folder.temp);
  const std::string& dir = folder.target;
  std::vector<std::string> names;
  auto write_all = [&]() -> Result<std::vector<std::string>> {
    for (const CapturedWriter& w : capture.writers) {
      if (!w.capture_error.empty()) continue;  // no XML: listed in manifest
      std::string name = capture_file_name(w.writer_name, w.instance_id);
      if (std::find(names.begin(), names.end(), name) != names.end()) {
        return folder_error(dir, "two writers share the file name " + name);
      }
      auto r = write_file(temp / name, w.xml, name);
      if (!r) return std::move(r).error();
      names.push_back(std::move(name));
    }
    if (capture.bcd_xml) {
      auto r = write_file(temp / "backup-components.xml", *capture.bcd_xml,
                          "backup-components.xml");
      if (!r) return std::move(r).error();
      names.emplace_back("backup-components.xml");
    }
    for (auto [name, body] : {std::pair<std::string, std::string>{
                                  "status.json", status_json(capture.status)},
                              {"manifest.json", manifest_json(capture)}}) {
      auto r = write_file(temp / name, body, name);
      if (!r) return std::move(r).error();
      names.push_back(name);
    }
    return names;
  };
  auto result = write_all();
  if (!result) {
    discard_capture_folder(folder);
    return result;
  }
  std::error_code ec;
  fs::rename(temp, dir, ec);
  if (ec) {
    // Everything was captured: keep it where it is and say so.
    return folder_error(dir, fmt::format("cannot rename into place: {}; the "
                                         "complete capture is kept in {}",
                                         ec.message(), temp.string()));
  }
  return result;
}

Result<std::vector<std::string>> write_capture_folder(
    const CaptureResult& capture, const std::string& dir) {
  auto folder = prepare_capture_folder(dir);
  if (!folder) return std::move(folder).error();
  return write_capture_folder(capture, *folder);
}

}  // namespace vssmeta
