// SPDX-License-Identifier: MIT
#include "vssmeta/diff_report.h"

#include <map>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "paths/windows_path.h"
#include "render/style.h"
#include "text/escape.h"
#include "vssmeta/dump.h"

namespace vssmeta {
namespace {

using Json = nlohmann::ordered_json;
using internal::Painter;
using internal::Style;

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

Style marker_style(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return Style::kAdded;
    case ChangeKind::kRemoved:
      return Style::kProblem;
    case ChangeKind::kModified:
      return Style::kCaution;
    case ChangeKind::kMoved:
      return Style::kMoved;
  }
  return Style::kCaution;
}

std::string painted_marker(const Painter& paint, ChangeKind kind) {
  return paint(marker_style(kind), std::string(1, marker(kind)));
}

// Names and values come from untrusted documents: control characters (an
// escape sequence, a line break) are shown escaped, never sent raw.
std::string value(const std::optional<std::string>& v) {
  return v ? internal::escape_control(*v) : "(absent)";
}

// `field: before → after` (or the one value of an added or removed thing),
// then the impact.
std::string change_body(const Change& c, const Painter& paint) {
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
         (c.impact == Impact::kBreaking ? paint(Style::kError, impact)
                                        : impact);
}

std::string change_line(const Change& c, const Painter& paint) {
  return painted_marker(paint, c.kind) + " " + change_body(c, paint);
}

std::string group_title(const Change& c) {
  if (c.document == DocumentKind::kWriterMetadata) {
    return fmt::format("writer \"{}\"", internal::escape_control(c.writer));
  }
  if (c.writer.empty()) return "backup components";
  return fmt::format("backup components, writer \"{}\"",
                     internal::escape_control(c.writer));
}

void write_header(const DiffReportOptions& o, const Painter& paint,
                  std::ostream& out) {
  if (o.before_name.empty() && o.after_name.empty()) return;
  out << paint(Style::kHeading,
               "--- " + internal::escape_control(o.before_name))
      << '\n'
      << paint(Style::kHeading, "+++ " + internal::escape_control(o.after_name))
      << '\n';
}

std::string counts_text(const ChangeCounts& n) {
  return fmt::format("{} {}: {} breaking, {} notable, {} cosmetic", n.total(),
                     n.total() == 1 ? "change" : "changes", n.breaking,
                     n.notable, n.cosmetic);
}

// The summary line: `N changes: ...` or `identical`, then the hidden and
// ignored counts with the caller's notes.
std::string summary(const MetadataDiff& diff, const DiffReportOptions& o) {
  std::string out =
      diff.empty() ? std::string("identical") : counts_text(diff.counts());
  if (diff.hidden != 0) {
    out += fmt::format("; {} hidden (instance and snapshot set ids{}{})",
                       diff.hidden, o.hidden_note.empty() ? "" : ", ",
                       o.hidden_note);
  }
  if (diff.ignored != 0) {
    out += fmt::format("; {} ignored", diff.ignored);
    if (!o.ignored_note.empty()) out += " (" + o.ignored_note + ")";
  }
  return out;
}

void write_text(const MetadataDiff& diff, std::ostream& out,
                const DiffReportOptions& options) {
  const Painter paint(options.color);
  write_header(options, paint, out);
  const Change* previous = nullptr;
  for (const Change& c : diff.changes) {
    const bool new_group = previous == nullptr ||
                           previous->document != c.document ||
                           previous->writer != c.writer;
    if (new_group) {
      out << paint(Style::kHeading, group_title(c)) << '\n';
    }
    if (!c.component.empty() &&
        (new_group || previous->component != c.component)) {
      out << "  " << paint(Style::kHeading, internal::escape_control(c.path()))
          << '\n';
    }
    out << (c.component.empty() ? "  " : "    ") << change_line(c, paint)
        << '\n';
    previous = &c;
  }
  if (!diff.empty()) out << '\n';
  out << summary(diff, options) << '\n';
}

void write_brief(const MetadataDiff& diff, std::ostream& out,
                 const DiffReportOptions& options) {
  const Painter paint(options.color);
  for (const Change& c : diff.changes) {
    std::string where = internal::escape_control(c.path());
    if (c.document == DocumentKind::kBackupComponents) {
      where = where.empty() ? "bcd" : "bcd " + where;
    }
    out << painted_marker(paint, c.kind) << ' ' << where << ' '
        << change_body(c, paint) << '\n';
  }
  out << summary(diff, options) << '\n';
}

void add_to(ChangeCounts& n, Impact impact) {
  if (impact == Impact::kBreaking) {
    ++n.breaking;
  } else if (impact == Impact::kNotable) {
    ++n.notable;
  } else {
    ++n.cosmetic;
  }
}

// Changes to the file sets in one directory, by kind.
struct DirectoryCounts {
  std::string shown;  // the first spelling met, trailing backslashes dropped
  std::size_t added = 0;
  std::size_t removed = 0;
  std::size_t modified = 0;
};

std::string directory_text(const DirectoryCounts& d) {
  std::string out;
  auto part = [&](std::size_t n, const char* what) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", n, what);
  };
  part(d.added, "added");
  part(d.removed, "removed");
  part(d.modified, "modified");
  return out;
}

// One component (or the writer or BCD itself) of a stat group.
struct ComponentStat {
  std::string title;
  ChangeCounts counts;
  std::map<std::string, DirectoryCounts> directories;  // by path key
};

struct GroupStat {
  std::string title;
  ChangeCounts counts;
  std::vector<ComponentStat> components;
};

void write_stat(const MetadataDiff& diff, std::ostream& out,
                const DiffReportOptions& options) {
  write_header(options, Painter(options.color), out);
  const bool detail = options.stat_detail == StatDetail::kComponent;
  // Changes are sorted by group, then component, already; keep that order.
  std::vector<GroupStat> groups;
  const Change* previous = nullptr;
  for (const Change& c : diff.changes) {
    const bool new_group = previous == nullptr ||
                           previous->document != c.document ||
                           previous->writer != c.writer;
    if (new_group) groups.push_back({group_title(c), {}, {}});
    GroupStat& g = groups.back();
    add_to(g.counts, c.impact);
    if (detail) {
      if (new_group || previous->component != c.component) {
        std::string title = !c.component.empty() ? c.path()
                            : !c.writer.empty()  ? std::string("(writer)")
                                                 : std::string("(document)");
        g.components.push_back({internal::escape_control(title), {}, {}});
      }
      ComponentStat& cs = g.components.back();
      add_to(cs.counts, c.impact);
      if (!c.directory.empty()) {
        DirectoryCounts& d = cs.directories[internal::path_key(c.directory)];
        if (d.shown.empty()) {
          std::string shown = internal::file_pattern(c.directory, "");
          if (!shown.empty() && shown.back() == ':')
            shown += '\\';  // `C:` reads as `C:\`, the root
          d.shown = internal::escape_control(shown);
        }
        switch (c.kind) {
          case ChangeKind::kAdded:
            ++d.added;
            break;
          case ChangeKind::kRemoved:
            ++d.removed;
            break;
          case ChangeKind::kModified:
          case ChangeKind::kMoved:
            ++d.modified;
            break;
        }
      }
    }
    previous = &c;
  }
  for (const GroupStat& g : groups) {
    out << g.title << ": " << counts_text(g.counts) << '\n';
    for (const ComponentStat& cs : g.components) {
      out << "  " << cs.title << ": " << counts_text(cs.counts) << '\n';
      for (const auto& [key, d] : cs.directories) {
        out << "    " << d.shown << ": " << directory_text(d) << '\n';
      }
    }
  }
  out << summary(diff, options) << '\n';
}

void write_json(const MetadataDiff& diff, std::ostream& out,
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
    if (!c.directory.empty()) j["directory"] = c.directory;
    changes.push_back(std::move(j));
  }
  const ChangeCounts n = diff.counts();
  Json doc{{"format", "vssmeta-diff"},
           {"version", 1},
           {"before", options.before_name},
           {"after", options.after_name},
           {"identical", diff.empty()},
           {"summary",
            {{"changes", diff.changes.size()},
             {"breaking", n.breaking},
             {"notable", n.notable},
             {"cosmetic", n.cosmetic},
             {"hidden", diff.hidden},
             {"ignored", diff.ignored}}},
           {"changes", std::move(changes)}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

void write_diff(const MetadataDiff& diff, std::ostream& out,
                const DiffReportOptions& options) {
  switch (options.format) {
    case DiffFormat::kText:
      write_text(diff, out, options);
      return;
    case DiffFormat::kBrief:
      write_brief(diff, out, options);
      return;
    case DiffFormat::kStat:
      write_stat(diff, out, options);
      return;
    case DiffFormat::kJson:
      write_json(diff, out, options);
      return;
  }
}

}  // namespace vssmeta
