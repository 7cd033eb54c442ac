// SPDX-License-Identifier: MIT
// The self-contained HTML report: verdict, writers, failures, coverage,
// findings, hierarchy and diff, in that order, each a <section> with a
// stable id. Every piece of document text goes through html_escape().
#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diagnose/report.h"
#include "render/report_html_assets.h"
#include "render/report_html_escape.h"
#include "render/report_html_internal.h"
#include "vssmeta/diff_report.h"
#include "vssmeta/hresult.h"
#include "vssmeta/html_report.h"

namespace vssmeta {
namespace {

using internal::html_escape;

std::string e(std::string_view text) { return html_escape(text); }

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

const char* verdict_class(Verdict v) {
  switch (v) {
    case Verdict::kSucceeded:
      return "v-succeeded";
    case Verdict::kIncomplete:
      return "v-incomplete";
    case Verdict::kFailed:
      return "v-failed";
    case Verdict::kNothingToJudge:
      return "v-nothing";
  }
  return "v-nothing";
}

const char* severity_class(Severity s) {
  switch (s) {
    case Severity::kError:
      return "s-error";
    case Severity::kWarning:
      return "s-warning";
    case Severity::kInfo:
      return "s-info";
  }
  return "s-info";
}

std::string writer_label(const std::string& name,
                         const std::optional<std::string>& instance) {
  if (instance && !instance->empty() && *instance != name) {
    return fmt::format("{} ({})", name, *instance);
  }
  return name;
}

// The host name: the capture's manifest.json, else diskshadow's manifest.
std::string host_name(const HtmlReportInput& in) {
  if (in.host && !in.host->host.empty()) return in.host->host;
  if (in.capture != nullptr && in.capture->manifest &&
      in.capture->manifest->machine_name) {
    return *in.capture->manifest->machine_name;
  }
  return {};
}

// The status of a writer: same class and instance id, else the only status
// of its class.
const WriterStatus* find_status(const std::vector<WriterStatus>& status,
                                const Guid& writer_id,
                                const std::optional<Guid>& instance_id) {
  const WriterStatus* only = nullptr;
  std::size_t of_class = 0;
  for (const WriterStatus& s : status) {
    if (s.writer_id != writer_id) continue;
    if (instance_id && s.instance_id == *instance_id) return &s;
    only = &s;
    ++of_class;
  }
  return of_class == 1 ? only : nullptr;
}

void write_head(const HtmlReportOptions& options, const std::string& title,
                std::ostream& out) {
  const std::string_view css = internal::report_css();
  const std::string_view js = internal::report_js();
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
         "<meta charset=\"utf-8\">\n"
         // Only this page's own style sheet and script, by hash; nothing is
         // ever fetched (no images, fonts, frames, connections or forms).
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
         "'none'; style-src "
      << internal::csp_hash(css) << "; script-src " << internal::csp_hash(js)
      << "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n"
         "<meta name=\"generator\" content=\""
      << e(options.generator) << "\">\n<title>" << e(title) << "</title>\n"
      << "<style>" << css << "</style>\n</head>\n<body>\n";
}

struct SectionLink {
  const char* id;
  const char* label;
};

void write_header(const HtmlReportInput& in, bool hierarchy,
                  const std::string& title, std::ostream& out) {
  std::vector<SectionLink> links;
  if (in.diagnosis != nullptr) links.push_back({"verdict", "Verdict"});
  if (in.capture != nullptr && in.diagnosis != nullptr) {
    links.push_back({"writers", "Writers"});
  }
  if (in.diagnosis != nullptr) {
    links.push_back({"failures", "Failures"});
    links.push_back({"coverage", "Coverage"});
  }
  if (in.findings != nullptr) links.push_back({"findings", "Findings"});
  if (hierarchy) {
    links.push_back({"hierarchy", "Hierarchy"});
  }
  if (in.diff != nullptr) links.push_back({"diff", "Changes"});
  out << "<header class=\"page\">\n<h1>" << e(title) << "</h1>\n";
  if (links.size() > 1) {
    out << "<nav class=\"toc\" aria-label=\"Sections\">";
    for (const SectionLink& l : links) {
      out << "<a href=\"#" << l.id << "\">" << l.label << "</a>";
    }
    out << "</nav>\n";
  }
  out << "</header>\n<main>\n";
}

// Section 1: the verdict and what the page is about.
void write_verdict(const HtmlReportInput& in, std::ostream& out) {
  const Diagnosis& d = *in.diagnosis;
  out << "<section id=\"verdict\">\n<h2>Verdict</h2>\n<div class=\"verdict "
      << verdict_class(d.verdict) << "\">\n<p><span class=\"word\">"
      << e(to_string(d.verdict)) << "</span>" << e(internal::verdict_who(d))
      << "</p>\n<p>" << e(internal::verdict_text(d)) << "</p>\n";
  for (const std::string& note : d.notes) {
    out << "<p class=\"muted\">Note: " << e(note) << "</p>\n";
  }
  out << "</div>\n<dl class=\"facts\">\n";
  auto fact = [&](std::string_view term, const std::string& value) {
    if (value.empty()) return;
    out << "<dt>" << term << "</dt><dd>" << value << "</dd>\n";
  };
  if (const std::string host = host_name(in); !host.empty()) {
    fact("Host", e(host));
  }
  if (in.host) {
    fact("Time (UTC)", e(in.host->time_utc));
    fact("Windows", e(in.host->os_version));
    if (!in.host->context.empty()) {
      fact("Capture", e(fmt::format("{} context, by {}{}", in.host->context,
                                    in.host->tool_version,
                                    in.host->elevated ? ", elevated" : "")));
    }
  }
  if (!d.backup_source.empty()) {
    std::string backup = e(d.backup_source);
    std::vector<std::string> facts;
    if (d.backup_type) facts.emplace_back(to_xml(*d.backup_type));
    if (d.bootable_system_state) facts.emplace_back("bootable system state");
    if (!facts.empty()) {
      backup += e(fmt::format(" ({})", fmt::join(facts, ", ")));
    }
    fact("Backup document", backup);
  }
  const ShadowCopySet& set = d.shadow_copy_set;
  {
    std::string text;
    if (set.id)
      text =
          "<span class=\"mono\">" + e(set.id->to_braced_string()) + "</span> ";
    if (set.known()) {
      text += e(set.volumes.empty()
                    ? std::string("no volume")
                    : fmt::format("{}", fmt::join(set.volumes, ", ")));
      text += " <span class=\"muted\">(from " + e(set.source) + ")</span>";
    } else {
      text +=
          "<span class=\"muted\">its volumes are not recorded in the "
          "capture</span>";
    }
    fact("Shadow copy set", text);
  }
  if (!d.system_volume.empty()) {
    fact("System volume", e(fmt::format("{} (from {})", d.system_volume,
                                        d.system_volume_source)));
  }
  if (in.capture != nullptr) {
    std::size_t components = 0;
    for (const WriterMetadata& w : in.capture->writers) {
      components += w.components.size();
    }
    fact("Documents",
         e(fmt::format("{} ({}), {}",
                       plural(in.capture->writers.size(), "writer document",
                              "writer documents"),
                       plural(components, "component", "components"),
                       plural(in.capture->backup_components.size(),
                              "backup components document",
                              "backup components documents"))));
  }
  if (!in.inputs.empty()) {
    std::string inputs;
    for (const std::string& i : in.inputs) {
      if (!inputs.empty()) inputs += ", ";
      inputs += "<span class=\"mono\">" + e(i) + "</span>";
    }
    fact("Inputs", inputs);
  }
  out << "</dl>\n</section>\n";
}

// Section 2: one row per writer.
void write_writers(const HtmlReportInput& in, std::ostream& out) {
  const Diagnosis& d = *in.diagnosis;
  const CaptureSet& capture = *in.capture;
  out << "<section id=\"writers\">\n<h2>Writers</h2>\n";
  if (d.writers.empty()) {
    out << "<p>No writers in the capture.</p>\n</section>\n";
    return;
  }
  out << "<p class=\"filter\"><label>Filter writers: <input type=\"search\" "
         "data-filter=\"writers-table\" placeholder=\"name, id, state\">"
         "</label></p>\n"
         "<table id=\"writers-table\" class=\"sortable\">\n<thead><tr>"
         "<th>Writer</th><th>Class id</th><th>State</th><th>Last error</th>"
         "<th>Backup</th><th class=\"num\">Selected</th>"
         "<th class=\"num\">Selectable</th><th class=\"num\">Components</th>"
         "<th class=\"num\">Findings</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < d.writers.size(); ++i) {
    const WriterCoverage& w = d.writers[i];
    std::optional<Guid> instance;
    if (w.writer && *w.writer < capture.writers.size()) {
      instance = capture.writers[*w.writer].identity.instance_id;
    }
    const WriterStatus* s = find_status(in.status, w.writer_id, instance);
    std::size_t selectable = 0;
    for (const ComponentCoverage& c : w.components) {
      if (c.backup_class == BackupClass::kOptionalTop ||
          c.backup_class == BackupClass::kSelectableSub) {
        ++selectable;
      }
    }
    const bool failed = s != nullptr && is_failed(*s);
    const bool problem = failed || w.problem_count != 0;
    out << "<tr id=\"writer-" << i << "\""
        << (problem ? " class=\"problem\"" : "")
        << "><td class=\"name\"><a href=\"#coverage-" << i << "\">"
        << e(writer_label(w.name, w.instance_name))
        << "</a></td><td class=\"mono id\">"
        << e(w.writer_id.to_braced_string()) << "</td>";
    if (s == nullptr) {
      out << "<td class=\"muted nowrap\">unknown</td><td></td>";
    } else {
      out << "<td class=\"nowrap" << (is_failed(s->state) ? " bad" : "")
          << "\">" << e(state_id(s->state)) << "</td><td"
          << (s->failure != 0 ? " class=\"bad mono nowrap\""
                              : " class=\"mono nowrap\"")
          << ">" << e(s->failure != 0 ? format_hresult(s->failure) : "S_OK")
          << "</td>";
    }
    out << "<td>" << e(to_string(w.role)) << "</td>";
    const bool counts = w.role != WriterRole::kNoMetadata;
    auto num = [&](std::size_t n) {
      out << "<td class=\"num\">" << (counts ? std::to_string(n) : "")
          << "</td>";
    };
    num(w.explicit_count);
    num(selectable);
    num(w.components.size());
    out << "<td class=\"num" << (w.findings.empty() ? "" : " warn")
        << "\"><a href=\"#coverage-" << i << "\">" << w.findings.size()
        << "</a></td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
  if (in.status.empty()) {
    out << "<p class=\"muted\">Writer states are unknown: give the capture's "
           "status.json, or the text of <code>vssadmin list writers</code>, "
           "to see them.</p>\n";
  }
  out << "</section>\n";
}

// Section 3: failures with cause and action.
void write_failures(const Diagnosis& d, std::ostream& out) {
  out << "<section id=\"failures\">\n<h2>Failures</h2>\n";
  if (d.failures.empty()) {
    out << "<p class=\"ok\">None recorded.</p>\n</section>\n";
    return;
  }
  for (std::size_t i = 0; i < d.failures.size(); ++i) {
    const Failure& f = d.failures[i];
    std::string head = f.writer;
    if (!f.component.empty()) head += ":\\" + f.component;
    std::string what = f.what;
    if (f.hresult) what += ", " + format_hresult(*f.hresult);
    out << "<article class=\"failure\" id=\"failure-" << i << "\">\n<h3>"
        << e(head) << "</h3>\n<p><strong>" << e(to_string(f.kind))
        << "</strong> <span class=\"mono\">(" << e(what) << ")</span></p>\n";
    if (!f.message.empty()) {
      out << "<blockquote>" << e(f.message) << "</blockquote>\n";
    }
    out << "<dl class=\"facts\">";
    if (!f.cause.empty()) out << "<dt>Cause</dt><dd>" << e(f.cause) << "</dd>";
    if (!f.action.empty()) {
      out << "<dt>Action</dt><dd>" << e(f.action) << "</dd>";
    }
    if (f.where.line != 0) {
      out << "<dt>At</dt><dd class=\"mono\">" << e(to_string(f.where))
          << "</dd>";
    }
    out << "</dl>\n</article>\n";
  }
  out << "</section>\n";
}

std::string volume_list(const std::vector<VolumeRef>& volumes, bool set_known) {
  std::string out;
  for (const VolumeRef& v : volumes) {
    if (!out.empty()) out += ", ";
    const bool bad = set_known && !v.shadowed;
    out += bad ? "<span class=\"bad mono\">" : "<span class=\"mono\">";
    out += e(v.name);
    out += "</span>";
    if (!v.via.empty() && v.via != v.name) {
      out += " <span class=\"muted\">(" + e(v.via) + ")</span>";
    }
  }
  return out;
}

// Section 4: per writer what the backup covered; the volumes.
void write_coverage(const Diagnosis& d, std::ostream& out) {
  out << "<section id=\"coverage\">\n<h2>Coverage</h2>\n";
  if (d.writers.empty()) out << "<p>No writers.</p>\n";
  for (std::size_t i = 0; i < d.writers.size(); ++i) {
    const WriterCoverage& w = d.writers[i];
    std::vector<std::string> counts;
    if (w.role == WriterRole::kInBackup) {
      if (w.explicit_count) {
        counts.push_back(fmt::format("{} selected", w.explicit_count));
      }
      if (w.implicit_count) {
        counts.push_back(fmt::format("{} implicit", w.implicit_count));
      }
      if (w.left_out_count) {
        counts.push_back(fmt::format("{} left out", w.left_out_count));
      }
    }
    const bool open = w.problem_count != 0 || !w.findings.empty() ||
                      (w.role == WriterRole::kInBackup && w.left_out_count);
    out << "<details id=\"coverage-" << i << "\"" << (open ? " open" : "")
        << ">\n<summary>" << e(writer_label(w.name, w.instance_name))
        << " <span class=\"muted\">&mdash; " << e(to_string(w.role));
    if (!counts.empty()) {
      out << ", " << e(fmt::format("{}", fmt::join(counts, ", ")));
    }
    if (w.problem_count != 0) {
      out << "</span> <span class=\"pill bad\">"
          << e(plural(w.problem_count, "problem", "problems"));
    }
    out << "</span></summary>\n";
    if (w.from_text) {
      out << "<p>"
          << e("Writer " + reconstructed_from_text_note(*w.from_text) + ".")
          << "</p>\n";
    }
    if (!w.note.empty()) out << "<p>" << e(w.note) << "</p>\n";
    if (!w.components.empty()) {
      out << "<table class=\"sortable\">\n<thead><tr><th>Component</th>"
             "<th>Class</th><th>In backup</th><th>Volumes</th>"
             "<th>Reason</th></tr></thead>\n<tbody>\n";
      for (const ComponentCoverage& c : w.components) {
        const bool in_backup = w.role == WriterRole::kInBackup;
        std::string inclusion;
        const char* cls = "inc-none";
        switch (c.inclusion) {
          case Inclusion::kExplicit:
            inclusion = "selected";
            cls = "inc-explicit";
            break;
          case Inclusion::kImplicit:
            inclusion = "implicit (through " + c.through + ")";
            cls = "inc-implicit";
            break;
          case Inclusion::kNone:
            inclusion = in_backup ? "left out" : "no";
            break;
        }
        const bool problem =
            c.reason && *c.reason != LeftOutReason::kNotSelected;
        out << "<tr" << (problem ? " class=\"problem\"" : "")
            << "><td class=\"mono path\">" << e(c.path)
            << "</td><td class=\"nowrap\">" << e(to_string(c.backup_class))
            << "</td><td class=\"" << cls << "\">" << e(inclusion)
            << "</td><td>" << volume_list(c.volumes, d.shadow_copy_set.known())
            << "</td><td>" << e(c.reason_text) << "</td></tr>\n";
      }
      out << "</tbody>\n</table>\n";
    }
    if (!w.findings.empty()) {
      out << "<p><strong>Findings about this writer</strong></p>\n<ul>\n";
      for (const LinkedFinding& f : w.findings) {
        out << "<li><span class=\"" << severity_class(f.severity) << "\">"
            << e(to_string(f.severity)) << "</span> <span class=\"mono\">"
            << e(f.rule) << "</span> " << e(f.message)
            << " <span class=\"muted mono\">" << e(to_string(f.where))
            << "</span></li>\n";
      }
      out << "</ul>\n";
    }
    out << "</details>\n";
  }
  out << "<h3 id=\"volumes\">Volumes</h3>\n";
  if (d.volumes.empty()) {
    out << "<p class=\"muted\">No volume is named by the writers' "
           "components or the shadow copy set.</p>\n";
  } else {
    out << "<table class=\"sortable\">\n<thead><tr><th>Volume</th><th>Kind"
           "</th><th>Shadowed</th><th>Needed by</th></tr></thead>\n<tbody>\n";
    for (const VolumeUse& v : d.volumes) {
      std::string state;
      const char* cls = "";
      switch (v.volume.kind) {
        case VolumeKind::kUnresolved:
          state = "unresolved (the system volume is unknown)";
          cls = " class=\"warn\"";
          break;
        case VolumeKind::kNetworkShare:
          state = v.in_set ? "network share, shadowed"
                           : "network share, not a local volume";
          if (!v.in_set) cls = " class=\"bad\"";
          break;
        default:
          state = !d.shadow_copy_set.known() ? "not known"
                  : v.in_set                 ? "yes"
                                             : "no";
          if (d.shadow_copy_set.known()) {
            cls = v.in_set ? " class=\"ok\"" : " class=\"bad\"";
          }
          break;
      }
      out << "<tr><td class=\"mono\">" << e(v.volume.name) << "</td><td>"
          << e(to_string(v.volume.kind)) << "</td><td" << cls << ">" << e(state)
          << "</td><td>"
          << e(v.needed_by.empty()
                   ? std::string("no writer's components")
                   : fmt::format("{}", fmt::join(v.needed_by, ", ")))
          << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</section>\n";
}

// Section 5: validate findings.
void write_findings(const Findings& findings, const std::string& hidden_note,
                    std::ostream& out) {
  out << "<section id=\"findings\">\n<h2>Findings</h2>\n";
  const FindingCounts counts = findings.counts();
  std::vector<std::string> parts;
  parts.push_back(plural(counts.errors, "error", "errors"));
  parts.push_back(plural(counts.warnings, "warning", "warnings"));
  if (counts.infos != 0 || findings.hidden.infos == 0) {
    parts.push_back(plural(counts.infos, "info", "infos"));
  }
  out << "<p>" << e(fmt::format("{}", fmt::join(parts, ", ")));
  const std::size_t hidden = findings.hidden.total();
  if (hidden != 0) {
    out << " <span class=\"muted\">("
        << e(fmt::format("{} below the minimum severity not shown{}", hidden,
                         hidden_note.empty() ? "" : ": " + hidden_note))
        << ")</span>";
  }
  out << "</p>\n";
  if (findings.empty()) {
    out << "</section>\n";
    return;
  }
  out << "<table class=\"sortable\">\n<thead><tr><th>Severity</th>"
         "<th>Rule</th><th>Finding</th><th>About</th><th>Location</th>"
         "</tr></thead>\n<tbody>\n";
  std::size_t n = 0;
  for (const Finding& f : findings) {
    const Diagnostic& dg = f.diagnostic;
    const RuleInfo* rule = find_rule(dg.code);
    out << "<tr id=\"finding-" << n++ << "\"><td class=\""
        << severity_class(dg.severity) << " nowrap\" data-sort=\""
        << static_cast<int>(Severity::kError) - static_cast<int>(dg.severity)
        << "\">" << e(to_string(dg.severity))
        << "</td><td class=\"mono nowrap\">";
    if (rule != nullptr && !rule->help_uri.empty()) {
      out << "<a href=\"" << e(rule->help_uri)
          << "\" rel=\"noopener noreferrer\" title=\"" << e(rule->summary)
          << "\">" << e(dg.code) << "</a>";
    } else if (rule != nullptr) {
      out << "<abbr title=\"" << e(rule->summary) << "\">" << e(dg.code)
          << "</abbr>";
    } else {
      out << e(dg.code);
    }
    out << "</td><td>" << e(dg.message);
    if (!f.hint().empty()) {
      out << "<br><span class=\"muted\">" << e(f.hint()) << "</span>";
    }
    if (rule != nullptr && !rule->explanation.empty()) {
      out << "<details><summary>Why</summary>" << e(rule->explanation)
          << "</details>";
    }
    out << "</td><td>" << e(!f.component().empty() ? f.component() : f.writer())
        << "</td><td class=\"mono path\">" << e(to_string(dg.where))
        << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

const char* change_marker(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "+";
    case ChangeKind::kRemoved:
      return "-";
    case ChangeKind::kModified:
      return "~";
    case ChangeKind::kMoved:
      return ">";
  }
  return "~";
}

// Section 7: the semantic diff, grouped by impact.
void write_diff_section(const HtmlReportInput& in,
                        const HtmlReportOptions& options, std::ostream& out) {
  const MetadataDiff& diff = *in.diff;
  out << "<section id=\"diff\">\n<h2>Changes</h2>\n";
  if (!in.diff_before.empty() || !in.diff_after.empty()) {
    out << "<p>From <span class=\"mono\">" << e(in.diff_before)
        << "</span> to <span class=\"mono\">" << e(in.diff_after)
        << "</span></p>\n";
  }
  const ChangeCounts counts = diff.counts();
  out << "<p>"
      << e(diff.empty()
               ? std::string("identical")
               : fmt::format("{}: {} breaking, {} notable, {} "
                             "cosmetic",
                             plural(counts.total(), "change", "changes"),
                             counts.breaking, counts.notable, counts.cosmetic));
  if (diff.hidden != 0) {
    out << " <span class=\"muted\">"
        << e(fmt::format("({} instance and snapshot set id changes not "
                         "shown{})",
                         diff.hidden,
                         options.diff_hidden_note.empty()
                             ? ""
                             : ": " + options.diff_hidden_note))
        << "</span>";
  }
  if (diff.ignored != 0) {
    out << " <span class=\"muted\">"
        << e(fmt::format("({} ignored)", diff.ignored)) << "</span>";
  }
  out << "</p>\n";
  static constexpr Impact kOrder[] = {Impact::kBreaking, Impact::kNotable,
                                      Impact::kCosmetic};
  for (const Impact impact : kOrder) {
    const std::size_t n = diff.count(impact);
    if (n == 0) continue;
    out << "<h3 id=\"diff-" << to_string(impact) << "\">"
        << e(fmt::format("{} ({})", to_string(impact), n)) << "</h3>\n"
        << "<table class=\"sortable\">\n<thead><tr><th>Change</th>"
           "<th>Where</th><th>Field</th><th>Before</th><th>After</th>"
           "</tr></thead>\n<tbody>\n";
    for (const Change& c : diff.changes) {
      if (c.impact != impact) continue;
      std::string where = c.path();
      if (c.document == DocumentKind::kBackupComponents) {
        where = where.empty() ? "backup components" : "bcd " + where;
      }
      out << "<tr class=\"" << (impact == Impact::kBreaking ? "problem" : "")
          << "\"><td>" << change_marker(c.kind) << ' ' << e(to_string(c.kind))
          << "</td><td class=\"mono path\">" << e(where)
          << "</td><td class=\"mono\">" << e(c.field) << "</td><td>"
          << e(c.before.value_or("")) << "</td><td>" << e(c.after.value_or(""))
          << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</section>\n";
}

}  // namespace

void write_html_report(const HtmlReportInput& input, std::ostream& out,
                       const HtmlReportOptions& options) {
  std::string title = options.title;
  if (title.empty()) {
    const std::string host = host_name(input);
    title = input.diagnosis == nullptr && input.diff != nullptr
                ? "VSS metadata changes"
                : "VSS backup report";
    if (!host.empty()) title += " \xE2\x80\x94 " + host;  // em dash
  }
  const HtmlReportInput& in = input;
  const bool hierarchy = options.hierarchy && in.capture != nullptr;
  write_head(options, title, out);
  write_header(in, hierarchy, title, out);
  if (in.diagnosis != nullptr) write_verdict(in, out);
  if (in.capture != nullptr && in.diagnosis != nullptr) write_writers(in, out);
  if (in.diagnosis != nullptr) {
    write_failures(*in.diagnosis, out);
    write_coverage(*in.diagnosis, out);
  }
  if (in.findings != nullptr)
    write_findings(*in.findings, options.hidden_note, out);
  if (hierarchy) {
    internal::write_hierarchy_section(*in.capture, options, out);
  }
  if (in.diff != nullptr) write_diff_section(in, options, out);
  out << "</main>\n<footer class=\"page\">Made by " << e(options.generator)
      << " from the documents named above; this page loads nothing from "
         "anywhere and reads the same with scripts disabled.</footer>\n"
      << "<script>" << internal::report_js() << "</script>\n</body>\n</html>\n";
}

}  // namespace vssmeta
