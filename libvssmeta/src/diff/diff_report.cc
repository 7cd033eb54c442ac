// SPDX-License-Identifier: MIT
#include "vssmeta/diff_report.h"

#include <map>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "text/escape.h"
#include "vssmeta/dump.h"

namespace vssmeta {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kReset = "\x1b[0m";

char marker(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return '+';
    case ChangeKind::kRemoved:
      return '-';
    case ChangeKind::kModified:
      return '~';
    case ChangeKind::kMoved:
      return '>';
  }
  return '~';
}

const char* marker_color(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "\x1b[32m";
    case ChangeKind::kRemoved:
      return "\x1b[31m";
    case ChangeKind::kModified:
      return "\x1b[33m";
    case ChangeKind::kMoved:
      return "\x1b[36m";
  }
  return "";
}

std::string paint(bool color, const char* code, const std::string& text) {
  return color ? std::string(code) + text + kReset : text;
}

// Names and values come from untrusted documents: control characters (an
// escape sequence, a line break) are shown escaped, never sent raw.
std::string value(const std::optional<std::string>& v) {
  return v ? internal::escape_control(*v) : "(absent)";
}

// `field: before → after` (or the one value of an added or removed thing),
// then the impact.
std::string change_body(const Change& c, bool color) {
  std::string text;
  switch (c.kind) {
    case ChangeKind::kAdded:
      text = fmt::format("{}: {}", internal::escape_control(c.field),
                         value(c.after));
      break;
    case ChangeKind::kRemoved:
      text = fmt::format("{}: {}", internal::escape_control(c.field),
                         value(c.before));
      break;
    case ChangeKind::kModified:
    case ChangeKind::kMoved:
      text = fmt::format("{}: {} \u2192 {}", internal::escape_control(c.field),
                         value(c.before), value(c.after));
      break;
  }
  const std::string impact = fmt::format("[{}]", to_string(c.impact));
  return text + "  " +
         (c.impact == Impact::kBreaking ? paint(color, "\x1b[1;31m", impact)
                                        : impact);
}

std::string change_line(const Change& c, bool color) {
  return paint(color, marker_color(c.kind), std::string(1, marker(c.kind))) +
         " " + change_body(c, color);
}

std::string group_title(const Change& c) {
  if (c.document == DocumentKind::kWriterMetadata) {
    return fmt::format("writer \"{}\"", internal::escape_control(c.writer));
  }
  if (c.writer.empty()) return "backup components";
  return fmt::format("backup components, writer \"{}\"",
                     internal::escape_control(c.writer));
}

void write_header(const DiffReportOptions& o, std::ostream& out) {
  if (o.before_name.empty() && o.after_name.empty()) return;
  out << paint(o.color, "\x1b[1m",
               "--- " + internal::escape_control(o.before_name))
      << '\n'
      << paint(o.color, "\x1b[1m",
               "+++ " + internal::escape_control(o.after_name))
      << '\n';
}

std::string counts(std::size_t breaking, std::size_t notable,
                   std::size_t cosmetic) {
  const std::size_t total = breaking + notable + cosmetic;
  return fmt::format("{} {}: {} breaking, {} notable, {} cosmetic", total,
                     total == 1 ? "change" : "changes", breaking, notable,
                     cosmetic);
}

}  // namespace

std::string diff_summary(const MetadataDiff& diff) {
  std::string out = diff.identical() ? std::string("identical")
                                     : counts(diff.count(Impact::kBreaking),
                                              diff.count(Impact::kNotable),
                                              diff.count(Impact::kCosmetic));
  if (diff.hidden != 0) {
    out += fmt::format(
        "; {} hidden (instance and snapshot set ids, --all "
        "shows them)",
        diff.hidden);
  }
  if (diff.ignored != 0) {
    out += fmt::format("; {} ignored (--ignore)", diff.ignored);
  }
  return out;
}

void write_diff_text(const MetadataDiff& diff, std::ostream& out,
                     const DiffReportOptions& options) {
  write_header(options, out);
  const Change* previous = nullptr;
  for (const Change& c : diff.changes) {
    const bool new_group = previous == nullptr ||
                           previous->document != c.document ||
                           previous->writer != c.writer;
    if (new_group) {
      out << paint(options.color, "\x1b[1m", group_title(c)) << '\n';
    }
    if (!c.component.empty() &&
        (new_group || previous->component != c.component)) {
      out << "  "
          << paint(options.color, "\x1b[1m", internal::escape_control(c.path()))
          << '\n';
    }
    out << (c.component.empty() ? "  " : "    ")
        << change_line(c, options.color) << '\n';
    previous = &c;
  }
  if (!diff.identical()) out << '\n';
  out << diff_summary(diff) << '\n';
}

void write_diff_brief(const MetadataDiff& diff, std::ostream& out,
                      const DiffReportOptions& options) {
  for (const Change& c : diff.changes) {
    std::string where = internal::escape_control(c.path());
    if (c.document == DocumentKind::kBackupComponents) {
      where = where.empty() ? "bcd" : "bcd " + where;
    }
    out << paint(options.color, marker_color(c.kind),
                 std::string(1, marker(c.kind)))
        << ' ' << where << ' ' << change_body(c, options.color) << '\n';
  }
  out << diff_summary(diff) << '\n';
}

void write_diff_stat(const MetadataDiff& diff, std::ostream& out,
                     const DiffReportOptions& options) {
  write_header(options, out);
  struct Counts {
    std::size_t n[3] = {0, 0, 0};
  };
  // Changes are sorted by group already; keep that order.
  std::vector<std::pair<std::string, Counts>> groups;
  const Change* previous = nullptr;
  for (const Change& c : diff.changes) {
    if (previous == nullptr || previous->document != c.document ||
        previous->writer != c.writer) {
      groups.emplace_back(group_title(c), Counts{});
    }
    ++groups.back().second.n[static_cast<int>(c.impact)];
    previous = &c;
  }
  for (const auto& [title, n] : groups) {
    out << title << ": " << counts(n.n[2], n.n[1], n.n[0]) << '\n';
  }
  out << diff_summary(diff) << '\n';
}

void write_diff_json(const MetadataDiff& diff, std::ostream& out,
                     const DiffReportOptions& options) {
  Json changes = Json::array();
  for (const Change& c : diff.changes) {
    Json j{{"document", to_string(c.document)},
           {"kind", to_string(c.kind)},
           {"impact", to_string(c.impact)},
           {"writer", c.writer},
           {"component", c.component},
           {"path", c.path()},
           {"field", c.field}};
    if (c.before) j["before"] = *c.before;
    if (c.after) j["after"] = *c.after;
    changes.push_back(std::move(j));
  }
  Json doc{{"format", "vssmeta-diff"},
           {"version", 1},
           {"before", options.before_name},
           {"after", options.after_name},
           {"identical", diff.identical()},
           {"summary",
            {{"changes", diff.changes.size()},
             {"breaking", diff.count(Impact::kBreaking)},
             {"notable", diff.count(Impact::kNotable)},
             {"cosmetic", diff.count(Impact::kCosmetic)},
             {"hidden", diff.hidden},
             {"ignored", diff.ignored}}},
           {"changes", std::move(changes)}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace vssmeta
