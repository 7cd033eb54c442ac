// SPDX-License-Identifier: MIT
#include "vssmeta/parse.h"

#include <functional>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "load/decode.h"
#include "load/model_reader.h"

namespace vssmeta {

namespace {

// parse_document(); `owner`, if given, holds `bytes` and may be freed.
Result<Document> parse(std::string_view bytes, const ParseOptions& options,
                       std::string* owner) {
  if (bytes.size() > options.max_bytes) {
    return Error{ErrorCode::kUnsupported,
                 fmt::format("input is {} bytes, more than the limit of {}",
                             bytes.size(), options.max_bytes),
                 Location{options.source_name, 0, 0}};
  }
  if (bytes.empty()) {
    return Error{ErrorCode::kMalformedXml, "empty input: no XML document",
                 Location{options.source_name, 1, 1}};
  }
  auto decoded = internal::decode_input(bytes, options.source_name);
  if (!decoded) return std::move(decoded).error();
  SourceInfo source;
  source.name = options.source_name;
  source.encoding = decoded->encoding;
  source.byte_order_mark = decoded->byte_order_mark;
  std::function<void()> release;
  if (owner != nullptr) {
    std::string* converted = decoded->converted();  // UTF-16 input
    release = [owner, converted] {
      std::string().swap(*owner);
      if (converted != nullptr) std::string().swap(*converted);
    };
  }
  return internal::read_document(decoded->text(), decoded->ascii,
                                 std::move(source), options, release);
}

}  // namespace

Result<Document> parse_document(std::string_view bytes,
                                const ParseOptions& options) {
  return parse(bytes, options, nullptr);
}

namespace internal {

Result<Document> parse_owned_document(std::string& bytes,
                                      const ParseOptions& options) {
  return parse(bytes, options, &bytes);
}

std::optional<Result<Document>> parse_owned_document_in_place(
    std::string& bytes, const ParseOptions& options) {
  if (bytes.empty() || bytes.size() > options.max_bytes) return std::nullopt;
  auto decoded = internal::decode_input(bytes, options.source_name);
  // UTF-8 without a byte order mark: the bytes are the text.
  if (!decoded || decoded->converted() != nullptr ||
      decoded->text().data() != bytes.data() ||
      decoded->text().size() != bytes.size()) {
    return std::nullopt;
  }
  SourceInfo source;
  source.name = options.source_name;
  source.encoding = decoded->encoding;
  source.byte_order_mark = decoded->byte_order_mark;
  return read_document_in_place(bytes, decoded->ascii, std::move(source),
                                options);
}

}  // namespace internal

namespace {

template <typename T>
Result<T> parse_as(std::string_view bytes, const ParseOptions& options,
                   const char* wanted, const char* got) {
  auto doc = parse_document(bytes, options);
  if (!doc) {
    Diagnostics warnings = std::move(doc).warnings();
    return Result<T>(std::move(doc).error()).with_warnings(std::move(warnings));
  }
  Result<T> result = [&]() -> Result<T> {
    if (auto* t = std::get_if<T>(&*doc)) return std::move(*t);
    const Origin where =
        std::visit([](const auto& d) { return d.where; }, *doc);
    return Error{ErrorCode::kUnexpectedRoot,
                 fmt::format("expected a {}, found a {}", wanted, got),
                 locate(options.source_name, where)};
  }();
  return std::move(result).with_warnings(std::move(doc).warnings());
}

}  // namespace

Result<WriterMetadata> parse_writer_metadata(std::string_view bytes,
                                             const ParseOptions& options) {
  return parse_as<WriterMetadata>(
      bytes, options, "writer metadata document (WRITER_METADATA)",
      "backup components document (BACKUP_COMPONENTS)");
}

Result<BackupComponents> parse_backup_components(std::string_view bytes,
                                                 const ParseOptions& options) {
  return parse_as<BackupComponents>(
      bytes, options, "backup components document (BACKUP_COMPONENTS)",
      "writer metadata document (WRITER_METADATA)");
}

}  // namespace vssmeta
