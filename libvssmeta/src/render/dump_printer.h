// SPDX-License-Identifier: MIT
#pragma once
// The text form of write_dump(): one printer, its parts by concept in
// dump.cc (the order, unknown content, file lists), dump_wmd.cc (writers),
// dump_bcd.cc (backup components documents) and dump_status.cc (cabinet
// manifests and writer status texts).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "render/style.h"
#include "semantics/hierarchy_flat.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/dump.h"

namespace vssmeta::internal {

class DumpPrinter {
 public:
  DumpPrinter(const CaptureSet& capture, const DumpOptions& options,
              std::ostream& out)
      : capture_(capture),
        options_(options),
        out_(out),
        paint_(options.color) {}

  void run();

 private:
  std::string paint(Style style, const std::string& text) const {
    return paint_(style, text);
  }
  // Lines collect in `buffer_`, written to `out_` a block at a time.
  void line(std::size_t indent, std::string_view text) {
    buffer_.append(indent, ' ');
    buffer_ += text;
    end_line();
  }
  void end_line() {
    buffer_ += '\n';
    if (buffer_.size() >= kBlock) flush();
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  static constexpr std::size_t kBlock = std::size_t{1} << 16;

  void extras(const Extras& x, std::size_t indent, std::string_view dash,
              std::string_view owner);
  void element(const XmlElement& e, std::size_t indent, std::string_view dash,
               const std::string& label);
  void descriptors(const std::vector<FileDescriptor>& list, std::size_t indent);

  void writer(const WriterMetadata& w);
  void writer_header(const WriterMetadata& w);
  void text_facts(const TextReconstruction& t);
  void node(const WriterMetadata& w, const FlatHierarchy& tree, std::uint32_t v,
            std::size_t indent, std::size_t column, bool root);
  void component_summary(const Component& c, std::string& out);
  const std::string& flags_text(std::uint32_t flags);

  void backup_components(const BackupComponents& b);
  void bcd_writer(const WriterComponents& wc);
  void bcd_component(const BcdComponent& c, std::size_t indent);
  std::string writer_name(const WriterComponents& wc) const;
  void manifest(const CabManifest& m);
  void statuses(const std::vector<WriterStatus>& list);

  const CaptureSet& capture_;
  const DumpOptions& options_;
  std::ostream& out_;
  Painter paint_;
  std::string buffer_;
  // The last component flags described: siblings mostly share theirs.
  std::optional<std::uint32_t> flags_;
  std::string flags_text_;
};

}  // namespace vssmeta::internal
