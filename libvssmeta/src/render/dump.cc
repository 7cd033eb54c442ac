// SPDX-License-Identifier: MIT
// write_dump(): the order of writers, and the text form's printer where it
// is not about one kind of document (blocks, unknown content, file lists);
// the JSON form is in dump_json.cc.
#include "vssmeta/dump.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "render/dump_json.h"
#include "render/dump_printer.h"
#include "render/dump_text.h"
#include "text/ascii.h"
#include "text/escape.h"
#include "vssmeta/capture_set.h"

namespace vssmeta {
namespace internal {

std::vector<const WriterMetadata*> dump_order(const CaptureSet& capture) {
  using Key = std::tuple<std::string, std::string, std::string, std::size_t>;
  std::vector<std::pair<Key, const WriterMetadata*>> keyed;
  keyed.reserve(capture.writers.size());
  for (std::size_t i = 0; i < capture.writers.size(); ++i) {
    const WriterMetadata& w = capture.writers[i];
    const WriterIdentity& id = w.identity;
    // The load index makes the order total, so equal keys stay stable.
    keyed.emplace_back(
        Key{fold(w.display_name()), fold(id.instance_name.value_or("")),
            id.instance_id ? id.instance_id->to_string() : "", i},
        &w);
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const WriterMetadata*> out;
  out.reserve(keyed.size());
  for (const auto& entry : keyed) out.push_back(entry.second);
  return out;
}

using namespace dump_text;  // NOLINT(google-build-using-namespace)

void DumpPrinter::run() {
  bool first = true;
  auto separate = [&] {
    if (!first) buffer_ += '\n';
    first = false;
  };
  for (const WriterMetadata* w : dump_order(capture_)) {
    separate();
    writer(*w);
  }
  for (const BackupComponents& b : capture_.backup_components) {
    separate();
    backup_components(b);
  }
  if (capture_.manifest) {
    separate();
    manifest(*capture_.manifest);
  }
  if (!capture_.statuses.empty()) {
    separate();
    statuses(capture_.statuses);
  }
  flush();
}

// `owner` names the element for writer-level lines, where position alone
// would not say whose content it is; `dash` marks detail lines in the tree.
void DumpPrinter::extras(const Extras& x, std::size_t indent,
                         std::string_view dash, std::string_view owner) {
  if (x.empty()) return;
  std::string in = owner.empty() ? "" : fmt::format(" in {}", owner);
  std::string attrs = attributes_text(x.attributes());
  if (!attrs.empty()) {
    line(indent, paint(Style::kUnknown,
                       fmt::format("{}unknown{}:{}", dash, in, attrs)));
  }
  for (const XmlElement& e : x.elements()) {
    element(e, indent, dash, fmt::format("unknown element{}: ", in));
  }
  if (!x.text().empty()) {
    line(indent,
         paint(Style::kUnknown, fmt::format("{}unknown text{}: {}", dash, in,
                                            quoted(x.text()))));
  }
}

void DumpPrinter::element(const XmlElement& e, std::size_t indent,
                          std::string_view dash, const std::string& label) {
  std::string text =
      fmt::format("{}{}<{}{}>", dash, label, escape_control(e.name),
                  attributes_text(e.attributes));
  if (!e.text.empty()) text += " text " + quoted(e.text);
  line(indent, paint(Style::kUnknown, text));
  for (const XmlElement& child : e.children) {
    element(child, indent + 2, "- ", "");
  }
}

// Without --files only descriptors carrying unknown content are listed, so
// that nothing is hidden while the System Writer stays a few lines long.
void DumpPrinter::descriptors(const std::vector<FileDescriptor>& list,
                              std::size_t indent) {
  std::size_t shown = 0;
  for (const FileDescriptor& d : list) {
    if (!options_.files && d.extras.empty()) continue;
    if (options_.files && options_.max_files != 0 &&
        shown == options_.max_files) {
      line(indent, fmt::format("- ... and {} more",
                               with_thousands(list.size() - shown)));
      return;
    }
    ++shown;
    line(indent, "- " + describe(d));
    extras(d.extras, indent + 2, "- ", "");
  }
}

}  // namespace internal

void write_dump(const CaptureSet& capture, std::ostream& out,
                const DumpOptions& options) {
  if (options.format == DumpFormat::kJson) {
    internal::write_dump_json(capture, out, options);
    return;
  }
  // Same rule as the JSON form: the options' filters always apply.
  if (!options.writers.empty() || !options.components.empty()) {
    internal::DumpPrinter(filter_capture(capture, options), options, out).run();
    return;
  }
  internal::DumpPrinter(capture, options, out).run();
}

}  // namespace vssmeta
