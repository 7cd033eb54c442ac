// SPDX-License-Identifier: MIT
#include "vssmeta/capture_set.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

#include <fmt/format.h>

#include "load/decode.h"
#include "load/line_counter.h"
#include "load/xml_document.h"
#include "text/ascii.h"

namespace vssmeta {
namespace fs = std::filesystem;
namespace {

Error io_error(const std::string& name, const std::string& what) {
  return Error{ErrorCode::kIo, what, Location{name, 0, 0}};
}

Result<std::string> read_stream(std::istream& in, const std::string& name,
                                std::size_t max_bytes) {
  std::string data;
  char buf[65536];
  while (in) {
    in.read(buf, sizeof buf);
    data.append(buf, static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes) {
      return Error{
          ErrorCode::kUnsupported,
          fmt::format("input is larger than the limit of {} bytes", max_bytes),
          Location{name, 0, 0}};
    }
  }
  if (in.bad()) return io_error(name, "cannot read");
  return data;
}

Result<std::string> read_file(const fs::path& path, const std::string& name,
                              std::size_t max_bytes) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return Error{ErrorCode::kUnsupported,
                 fmt::format("file is {} bytes, more than the limit of {}",
                             size, max_bytes),
                 Location{name, 0, 0}};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code exists_ec;
    const bool exists = fs::exists(path, exists_ec);
    return io_error(
        name, exists ? "cannot open for reading" : "no such file or directory");
  }
  return read_stream(in, name, max_bytes);
}

bool has_xml_extension(const fs::path& p) {
  return internal::iequals(p.extension().string(), ".xml");
}

std::string decode_manifest_name(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 1 < s.size() && s[i + 1] == 's') {
      out.push_back(' ');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

void append(Diagnostics& into, Diagnostics&& more) {
  into.insert(into.end(), std::make_move_iterator(more.begin()),
              std::make_move_iterator(more.end()));
}

void add_document(CaptureSet& set, Document&& doc) {
  if (auto* w = std::get_if<WriterMetadata>(&doc)) {
    set.writers.push_back(std::move(*w));
  } else {
    set.backup_components.push_back(std::get<BackupComponents>(std::move(doc)));
  }
}

// Reads the folder's documents into `set`, collecting warnings; stops at
// the first file that cannot be read or parsed.
Status read_folder(const fs::path& dir, const std::string& name,
                   const LoadOptions& options, CaptureSet& set,
                   Diagnostics& warnings) {
  std::error_code ec;
  std::vector<std::string> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && has_xml_extension(it->path())) {
      files.push_back(it->path().filename().string());
    }
  }
  if (ec) return io_error(name, "cannot list folder: " + ec.message());
  std::sort(files.begin(), files.end(),
            [](const std::string& a, const std::string& b) {
              return internal::natural_less(a, b);
            });
  for (const std::string& file : files) {
    const std::string file_name = (fs::path(name) / file).generic_string();
    auto bytes = read_file(dir / file, file_name, options.parse.max_bytes);
    if (!bytes) return std::move(bytes).error();
    ParseOptions po = options.parse;
    po.source_name = file_name;
    auto doc = parse_document(*bytes, po);
    append(warnings, std::move(doc).warnings());
    if (doc) {
      add_document(set, std::move(*doc));
      continue;
    }
    if (doc.error().code != ErrorCode::kUnexpectedRoot) {
      return std::move(doc).error();
    }
    if (auto manifest = parse_cab_manifest(*bytes, po);
        manifest && !set.manifest) {
      set.manifest = std::move(*manifest);
      continue;
    }
    warnings.push_back(Diagnostic{
        Severity::kWarning, "skipped-file", "skipped: " + doc.error().message,
        doc.error().where.value_or(Location{file_name, 0, 0})});
  }
  if (set.writers.empty() && set.backup_components.empty()) {
    return io_error(name,
                    "folder holds no writer metadata or backup "
                    "components document (*.xml)");
  }
  if (set.manifest && set.manifest->writers.size() != set.writers.size()) {
    warnings.push_back(Diagnostic{
        Severity::kWarning, "manifest-mismatch",
        fmt::format("the manifest lists {} writers but the folder holds {} "
                    "writer metadata documents",
                    set.manifest->writers.size(), set.writers.size()),
        Location{set.manifest->file, 0, 0}});
  }
  return {};
}

Result<CaptureSet> load_folder(const fs::path& dir, const std::string& name,
                               const LoadOptions& options) {
  CaptureSet set;
  Diagnostics warnings;
  Status read = read_folder(dir, name, options, set, warnings);
  Result<CaptureSet> result =
      read ? Result<CaptureSet>(std::move(set)) : std::move(read).error();
  return std::move(result).with_warnings(std::move(warnings));
}

// One document from `bytes`, named `name`.
Result<CaptureSet> load_document(std::string_view bytes,
                                 const std::string& name,
                                 const LoadOptions& options) {
  ParseOptions po = options.parse;
  po.source_name = name;
  auto doc = parse_document(bytes, po);
  Diagnostics warnings = std::move(doc).warnings();
  Result<CaptureSet> result = [&]() -> Result<CaptureSet> {
    if (!doc) return std::move(doc).error();
    CaptureSet set;
    add_document(set, std::move(*doc));
    return set;
  }();
  return std::move(result).with_warnings(std::move(warnings));
}

}  // namespace

Result<CabManifest> parse_cab_manifest(std::string_view bytes,
                                       const ParseOptions& options) {
  auto decoded = internal::decode_input(bytes, options.source_name);
  if (!decoded) return std::move(decoded).error();
  const std::string_view text = decoded->text();
  internal::XmlDocument xml(text, options.max_depth);
  internal::LineCounter lines(text);
  auto where = [&](std::size_t offset) {
    const Origin o = lines.at(offset);
    return Location{options.source_name, o.line, o.column};
  };
  if (const auto& e = xml.error()) {
    return Error{ErrorCode::kMalformedXml, e->message, where(e->offset)};
  }
  const pugi::xml_node root = xml.root();
  if (internal::local_name(root.name()) != "Manifest") {
    return Error{ErrorCode::kUnexpectedRoot,
                 fmt::format("<{}> is not a diskshadow manifest", root.name()),
                 where(xml.offset(root))};
  }
  CabManifest m;
  m.file = options.source_name;
  auto attr = [](pugi::xml_node e,
                 const char* n) -> std::optional<std::string> {
    if (pugi::xml_attribute a = e.attribute(n)) return std::string(a.value());
    return std::nullopt;
  };
  // Every element in document order (the depth is bounded by XmlDocument).
  for (pugi::xml_node e = root; e;) {
    const std::string_view n = internal::local_name(e.name());
    if (n == "ShadowCopySet") {
      m.machine_name = attr(e, "MachineName");
      if (auto g = attr(e, "GUID")) {
        if (auto id = Guid::parse(*g)) m.shadow_copy_set_id = *id;
      }
    } else if (n == "BackupComponents") {
      m.backup_components_file = attr(e, "File");
    } else if (n == "Writer") {
      m.writers.push_back(
          ManifestWriter{decode_manifest_name(attr(e, "Name").value_or("")),
                         attr(e, "MetadataFile").value_or("")});
    }
    e = internal::next_element(e, root);
  }
  return m;
}

Result<CaptureSet> load(const std::string& path, const LoadOptions& options,
                        std::istream* stdin_stream) {
  if (path == "-") {
    auto bytes = read_stream(stdin_stream ? *stdin_stream : std::cin, "-",
                             options.parse.max_bytes);
    if (!bytes) return std::move(bytes).error();
    return load_document(*bytes, "-", options);
  }
  std::error_code ec;
  const fs::path p(path);
  if (fs::is_directory(p, ec)) return load_folder(p, path, options);
  auto bytes = read_file(p, path, options.parse.max_bytes);
  if (!bytes) return std::move(bytes).error();
  return load_document(*bytes, path, options);
}

void merge(CaptureSet& into, CaptureSet&& more) {
  for (auto& w : more.writers) into.writers.push_back(std::move(w));
  for (auto& b : more.backup_components) {
    into.backup_components.push_back(std::move(b));
  }
  if (!into.manifest && more.manifest) into.manifest = std::move(more.manifest);
}

}  // namespace vssmeta
