// SPDX-License-Identifier: MIT
#include "vssmeta/report.h"

#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/style.h"
#include "text/escape.h"
#include "vssmeta/version.h"

namespace vssmeta {
namespace {

using Json = nlohmann::ordered_json;

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "warning";
}

internal::Style style_of(Severity s) {
  switch (s) {
    case Severity::kError:
      return internal::Style::kError;
    case Severity::kWarning:
      return internal::Style::kWarning;
    case Severity::kInfo:
      return internal::Style::kInfo;
  }
  return internal::Style::kWarning;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

void dump(const Json& j, std::ostream& out) {
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

// The hidden findings, e.g. "3 infos" or "1 warning and 3 infos".
std::string hidden_text(const FindingCounts& h) {
  std::vector<std::string> parts;
  if (h.errors != 0) parts.push_back(plural(h.errors, "error", "errors"));
  if (h.warnings != 0) {
    parts.push_back(plural(h.warnings, "warning", "warnings"));
  }
  if (h.infos != 0) parts.push_back(plural(h.infos, "info", "infos"));
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

void write_text(const Findings& findings, std::ostream& out, bool color) {
  const internal::Painter paint(color);
  for (const Finding& f : findings) {
    const Diagnostic& d = f.diagnostic;
    // File names and messages quote the documents: shown escaped.
    const std::string where = internal::escape_control(to_string(d.where));
    out << where << (where.empty() ? "" : ": ")
        << paint(style_of(d.severity), to_string(d.severity)) << ": "
        << internal::escape_control(d.message) << " [" << d.code << "]\n";
    if (!f.hint().empty()) {
      out << "    hint: " << internal::escape_control(f.hint()) << '\n';
    }
    if (f.writer_from_text) {
      out << "    note: writer "
          << reconstructed_from_text_note(*f.writer_from_text) << '\n';
    }
  }
  out << summary_line(findings) << '\n';
}

void write_json(const Findings& findings, std::ostream& out) {
  Json list = Json::array();
  for (const Finding& f : findings) {
    const Diagnostic& d = f.diagnostic;
    Json j{{"rule", d.code},
           {"severity", to_string(d.severity)},
           {"message", d.message},
           {"file", d.where.file}};
    if (d.where.line != 0) j["line"] = d.where.line;
    if (d.where.column != 0) j["column"] = d.where.column;
    if (!f.writer().empty()) j["writer"] = f.writer();
    if (!f.component().empty()) j["component"] = f.component();
    if (!f.hint().empty()) j["hint"] = f.hint();
    if (f.writer_from_text) {
      j["writerReconstructedFromText"] = {
          {"file", f.writer_from_text->file},
          {"line", f.writer_from_text->line},
          {"note", reconstructed_from_text_note(*f.writer_from_text)}};
    }
    list.push_back(std::move(j));
  }
  const FindingCounts c = findings.counts();
  const FindingCounts& h = findings.hidden;
  Json doc{{"format", "vssmeta-validate"},
           {"version", 1},
           {"findings", std::move(list)},
           {"summary",
            {{"errors", c.errors},
             {"warnings", c.warnings},
             {"infos", c.infos},
             {"hidden",
              {{"errors", h.errors},
               {"warnings", h.warnings},
               {"infos", h.infos}}}}}};
  dump(doc, out);
}

void write_sarif(const Findings& findings, std::ostream& out) {
  Json rule_list = Json::array();
  std::size_t n = 0;
  std::map<std::string_view, std::size_t> index;
  for (const RuleInfo& r : rules()) {
    index[r.id] = n++;
    Json rule{
        {"id", r.id},
        {"shortDescription", {{"text", r.summary}}},
        {"fullDescription", {{"text", r.explanation}}},
        {"help",
         {{"text", fmt::format("{} See {}.", r.explanation, r.reference)}}}};
    if (!r.help_uri.empty()) rule["helpUri"] = r.help_uri;
    rule["defaultConfiguration"] = {{"level", sarif_level(r.severity)}};
    rule["properties"] = {{"scope", to_string(r.scope)},
                          {"audience", to_string(r.audience)},
                          {"evidence", r.evidence}};
    rule_list.push_back(std::move(rule));
  }
  Json results = Json::array();
  for (const Finding& f : findings) {
    const Diagnostic& d = f.diagnostic;
    Json region = Json::object();
    if (d.where.line != 0) region["startLine"] = d.where.line;
    if (d.where.column != 0) region["startColumn"] = d.where.column;
    Json physical{{"artifactLocation", {{"uri", d.where.file}}}};
    if (!region.empty()) physical["region"] = region;
    Json result{
        {"ruleId", d.code},
        {"level", sarif_level(d.severity)},
        {"message",
         {{"text", f.hint().empty()
                       ? d.message
                       : d.message + " Hint: " + std::string(f.hint())}}},
        {"locations", Json::array({{{"physicalLocation", physical}}})}};
    if (auto hit = index.find(d.code); hit != index.end()) {
      result["ruleIndex"] = hit->second;
    }
    if (!f.component().empty() || !f.writer().empty()) {
      Json logical = Json::array();
      if (!f.component().empty()) {
        logical.push_back(
            {{"fullyQualifiedName", f.component()}, {"kind", "component"}});
      } else {
        logical.push_back(
            {{"fullyQualifiedName", f.writer()}, {"kind", "writer"}});
      }
      result["locations"][0]["logicalLocations"] = logical;
    }
    if (f.writer_from_text) {
      result["properties"]["writerReconstructedFromText"] = {
          {"file", f.writer_from_text->file},
          {"line", f.writer_from_text->line},
          {"note", reconstructed_from_text_note(*f.writer_from_text)}};
    }
    results.push_back(std::move(result));
  }
  const FindingCounts& h = findings.hidden;
  Json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
           {"version", "2.1.0"},
           {"runs", Json::array({{{"tool",
                                   {{"driver",
                                     {{"name", "vssmeta"},
                                      {"version", VSSMETA_VERSION_STRING},
                                      {"rules", std::move(rule_list)}}}}},
                                  {"results", std::move(results)},
                                  {"properties",
                                   {{"hidden",
                                     {{"errors", h.errors},
                                      {"warnings", h.warnings},
                                      {"infos", h.infos}}}}}}})}};
  dump(log, out);
}

}  // namespace

void write_findings(const Findings& findings, std::ostream& out,
                    const FindingsOptions& options) {
  switch (options.format) {
    case FindingsFormat::kText:
      write_text(findings, out, options.color);
      return;
    case FindingsFormat::kJson:
      write_json(findings, out);
      return;
    case FindingsFormat::kSarif:
      write_sarif(findings, out);
      return;
  }
}

std::string summary_line(const Findings& findings) {
  const FindingCounts c = findings.counts();
  const FindingCounts& h = findings.hidden;
  std::string out = plural(c.errors, "error", "errors") + ", " +
                    plural(c.warnings, "warning", "warnings");
  if (h.infos == 0) out += ", " + plural(c.infos, "info", "infos");
  if (h.total() != 0) {
    const char* level = h.infos != 0      ? "info"
                        : h.warnings != 0 ? "warning"
                                          : "error";
    out += fmt::format(" ({} not shown: --show {} or --min-severity {})",
                       hidden_text(h), level, level);
  }
  return out;
}

void write_rule_list(std::span<const RuleInfo> rules, std::ostream& out) {
  for (const RuleInfo& r : rules) {
    out << fmt::format("{:<17} {:<8} {:<8} {:<15} {}\n", r.id,
                       to_string(r.severity), to_string(r.audience),
                       to_string(r.scope), r.summary);
  }
}

void write_rule_explanation(const RuleInfo& r, std::ostream& out) {
  out << fmt::format(
      "{} ({}, {}, for the {})\n{}\n\n{}\n\nSeverity: {}\n\nSee: {}\n", r.id,
      to_string(r.severity), to_string(r.scope), to_string(r.audience),
      r.summary, r.explanation, r.evidence, r.reference);
}

}  // namespace vssmeta
