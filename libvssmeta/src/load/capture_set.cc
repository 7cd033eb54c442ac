// SPDX-License-Identifier: MIT
#include "vssmeta/capture_set.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "load/decode.h"
#include "load/line_counter.h"
#include "load/text_capture.h"
#include "load/xml_document.h"
#include "text/ascii.h"

namespace vssmeta {
namespace fs = std::filesystem;
namespace {

Error io_error(const std::string& name, const std::string& what) {
  return Error{ErrorCode::kIo, what, Location{name, 0, 0}};
}

// `what`, with the system's reason when `error` (an errno value) has one.
std::string with_reason(std::string what, int error) {
  if (error != 0) what += ": " + std::generic_category().message(error);
  return what;
}

// Streams are read in chunks of this size, and each is kept only when it
// fits the limit: an endless stream costs at most the limit plus one chunk.
constexpr std::size_t kReadChunk = std::size_t{64} * 1024;

// `message` says how large the input is, against options.parse.max_bytes.
Error too_large(const std::string& name, std::string message,
                const LoadOptions& options) {
  if (!options.size_limit_note.empty()) {
    message += " (" + options.size_limit_note + ")";
  }
  return Error{ErrorCode::kUnsupported, std::move(message),
               Location{name, 0, 0}};
}

// Appends the rest of `in` to `data`, refusing to hold more than the limit.
Status read_rest(std::istream& in, const std::string& name,
                 const LoadOptions& options, std::string& data) {
  const std::size_t max_bytes = options.parse.max_bytes;
  std::vector<std::string> chunks;
  std::size_t total = data.size();
  std::vector<char> buf(kReadChunk);
  errno = 0;
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got > max_bytes - std::min(total, max_bytes)) {
      return too_large(
          name,
          fmt::format("input is larger than the limit of {} bytes", max_bytes),
          options);
    }
    total += got;
    if (got > 0) chunks.emplace_back(buf.data(), got);
  }
  if (in.bad()) {
    return io_error(name, with_reason("cannot read", errno));
  }
  data.reserve(total);
  for (std::string& chunk : chunks) {
    data += chunk;
    std::string().swap(chunk);
  }
  return {};
}

Result<std::string> read_stream(std::istream& in, const std::string& name,
                                const LoadOptions& options) {
  std::string data;
  if (Status read = read_rest(in, name, options, data); !read) {
    return std::move(read).error();
  }
  return data;
}

// What a path is, links followed, and what to call it when it is neither a
// regular file nor a folder ("FIFO (named pipe)", "symbolic link loop").
struct Kind {
  fs::file_type type = fs::file_type::none;
  std::string special;
};

Kind kind_of(const fs::path& path) {
  std::error_code ec;
  const fs::file_type type = fs::status(path, ec).type();
  switch (type) {
    case fs::file_type::regular:
    case fs::file_type::directory:
      return {type, {}};
    case fs::file_type::fifo:
      return {type, "FIFO (named pipe)"};
    case fs::file_type::character:
      return {type, "character device"};
    case fs::file_type::block:
      return {type, "block device"};
    case fs::file_type::socket:
      return {type, "socket"};
    case fs::file_type::not_found: {
      std::error_code link_ec;
      if (fs::is_symlink(fs::symlink_status(path, link_ec))) {
        return {type, "dangling symbolic link to '" +
                          fs::read_symlink(path, link_ec).string() + "'"};
      }
      return {type, "no such file or directory"};
    }
    default:
      break;
  }
  if (ec == std::errc::too_many_symbolic_link_levels) {
    return {type, "symbolic link loop"};
  }
  return {type, ec ? ec.message() : std::string("unknown kind of file")};
}

// Whether a path given by name is read: files, folders, and the streams a
// shell hands over (process substitution's FIFO, /dev/stdin, a device).
bool readable(const Kind& kind) {
  return kind.special.empty() || kind.type == fs::file_type::fifo ||
         kind.type == fs::file_type::character ||
         kind.type == fs::file_type::block;
}

Result<std::string> read_file(const fs::path& path, const std::string& name,
                              const LoadOptions& options) {
  if (Kind kind = kind_of(path); !readable(kind)) {
    return io_error(name, kind.type == fs::file_type::socket
                              ? "cannot read from a socket"
                              : kind.special);
  }
  std::error_code ec;
  const bool regular = fs::is_regular_file(path, ec);
  const auto size = regular ? fs::file_size(path, ec) : 0;
  if (regular && !ec && size > options.parse.max_bytes) {
    return too_large(name,
                     fmt::format("file is {} bytes, more than the limit of {} "
                                 "bytes",
                                 size, options.parse.max_bytes),
                     options);
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return io_error(name, with_reason("cannot open for reading", errno));
  }
  // A regular file is read in one piece (a file that grows meanwhile is
  // read on in chunks, within the limit); anything else in chunks.
  std::string data;
  if (regular && !ec && size > 0) {
    data.resize(static_cast<std::size_t>(size));
    in.read(data.data(), static_cast<std::streamsize>(size));
    data.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (Status read = read_rest(in, name, options, data); !read) {
    return std::move(read).error();
  }
  return data;
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
  // The *.xml files, and every entry that is no file nor folder (said
  // once each, in order, and skipped: a FIFO would block, a loop fail).
  std::vector<std::pair<std::string, std::string>> entries;  // name, special
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    Kind kind = kind_of(it->path());
    const bool xml_file =
        kind.type == fs::file_type::regular && has_xml_extension(it->path());
    if (xml_file || !kind.special.empty()) {
      entries.emplace_back(it->path().filename().string(),
                           std::move(kind.special));
    }
  }
  if (ec) return io_error(name, "cannot list folder: " + ec.message());
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return internal::natural_less(a.first, b.first);
  });
  for (const auto& [file, special] : entries) {
    const std::string file_name = (fs::path(name) / file).generic_string();
    if (!special.empty()) {
      warnings.push_back(Diagnostic{Severity::kWarning, "skipped-file",
                                    "skipped: " + special,
                                    Location{file_name, 0, 0}});
      continue;
    }
    auto bytes = read_file(dir / file, file_name, options);
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
  // Writer status or metadata text (vssadmin, diskshadow, vshadow -ws).
  if (auto text = internal::load_text_capture(bytes, name)) {
    return std::move(*text);
  }
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
    auto bytes =
        read_stream(stdin_stream ? *stdin_stream : std::cin, "-", options);
    if (!bytes) return std::move(bytes).error();
    return load_document(*bytes, "-", options);
  }
  const fs::path p(path);
  if (kind_of(p).type == fs::file_type::directory) {
    return load_folder(p, path, options);
  }
  auto bytes = read_file(p, path, options);
  if (!bytes) return std::move(bytes).error();
  return load_document(*bytes, path, options);
}

void merge(CaptureSet& into, CaptureSet&& more) {
  for (auto& w : more.writers) into.writers.push_back(std::move(w));
  for (auto& b : more.backup_components) {
    into.backup_components.push_back(std::move(b));
  }
  if (!into.manifest && more.manifest) into.manifest = std::move(more.manifest);
  for (auto& s : more.statuses) into.statuses.push_back(std::move(s));
}

}  // namespace vssmeta
