// SPDX-License-Identifier: MIT
// write_restore_plan(): text a technician follows (what stops the machine
// first: reboot, services, writers restored without events; then each
// writer; then the numbered steps; then the findings as validate prints
// them), or JSON (schemas/restore-plan.schema.json).
#include <map>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "text/escape.h"
#include "vssmeta/report.h"
#include "vssmeta/restore_plan.h"

namespace vssmeta {
namespace {

using Json = nlohmann::ordered_json;
using internal::escape_control;

constexpr std::size_t kFilesShown = 8;  // file sets listed per component

const char* timing_id(ServiceTiming t) {
  switch (t) {
    case ServiceTiming::kAroundCopy:
      return "around-copy";
    case ServiceTiming::kAfterPostRestore:
      return "after-post-restore";
    case ServiceTiming::kNone:
      break;
  }
  return "none";
}

const char* timing_text(ServiceTiming t) {
  return t == ServiceTiming::kAroundCopy
             ? "stopped before the files are copied, started before "
               "PostRestore"
             : "stopped and started again after PostRestore";
}

std::string file_line(const FileSetPlan& f) {
  std::string out =
      fmt::format("{}\\{}{} -> {}", f.path, f.filespec,
                  f.recursive ? " (recursive)" : "", to_string(f.destination));
  if (!f.target.empty() && f.target != f.path) out += " " + f.target;
  if (f.fallback) out += fmt::format(" (else {})", *f.fallback);
  return escape_control(out);
}

void write_text(const RestorePlan& plan, std::ostream& out, bool color) {
  out << "Restore plan";
  if (!plan.backup_documents.empty()) {
    out << " for "
        << escape_control(
               fmt::format("{}", fmt::join(plan.backup_documents, ", then ")));
  }
  if (plan.restore_document) {
    out << " (restore settings: " << escape_control(*plan.restore_document)
        << ")";
  }
  out << "\n\n";

  std::vector<std::string> certain;
  std::vector<std::string> maybe;
  for (const WriterPlan& w : plan.writers) {
    if (w.reboot_required) {
      certain.push_back(w.name);
    } else if (!w.reboot_reasons.empty()) {
      maybe.push_back(w.name);
    }
  }
  out << "Reboot: "
      << (plan.reboot_required   ? "required"
          : plan.reboot_possible ? "may be needed"
                                 : "not needed")
      << '\n';
  if (!certain.empty()) {
    out << "  required by: "
        << escape_control(fmt::format("{}", fmt::join(certain, ", "))) << '\n';
  }
  if (!maybe.empty()) {
    out << "  needed if their files are in use: "
        << escape_control(fmt::format("{}", fmt::join(maybe, ", "))) << '\n';
  }
  out << "Services stopped:" << (plan.services.empty() ? " none" : "") << '\n';
  for (const ServiceStop& s : plan.services) {
    out << "  "
        << escape_control(s.service.empty() ? "<no service named>" : s.service)
        << " (" << escape_control(s.writer) << "): " << timing_text(s.timing)
        << '\n';
  }
  out << "Restored without writer events: "
      << (plan.without_events.empty()
              ? std::string("none")
              : escape_control(
                    fmt::format("{}", fmt::join(plan.without_events, ", "))))
      << "\n\n";

  out << "Writers\n";
  for (const WriterPlan& w : plan.writers) {
    out << "  " << escape_control(w.name) << "  "
        << w.writer_id.to_braced_string();
    if (w.instance_name) {
      out << "  instance \"" << escape_control(*w.instance_name) << '"';
    }
    out << '\n';
    out << "    method "
        << (w.method ? std::string(to_xml(*w.method)) : std::string("(none)"))
        << ", writer restore "
        << (w.writer_restore ? std::string(to_xml(*w.writer_restore))
                             : std::string("(none)"))
        << ": events " << to_string(w.events) << '\n';
    if (w.service_timing != ServiceTiming::kNone) {
      out << "    service "
          << escape_control(w.service.value_or("<no service named>")) << ": "
          << timing_text(w.service_timing) << '\n';
      if (w.service_timing == ServiceTiming::kAroundCopy &&
          w.events != WriterEvents::kNone) {
        out << "    warning: if the writer runs inside this service, "
               "restarting it before PostRestore gives the writer a new "
               "instance and it misses PostRestore\n";
      }
    }
    for (const std::string& r : w.reboot_reasons) {
      out << "    reboot: " << r << '\n';
    }
    for (const ComponentPlan& c : w.components) {
      out << "    \\" << escape_control(c.path) << "  ("
          << (c.selected_as == SelectedAs::kExplicit
                  ? std::string("explicit")
                  : "restore subcomponent of \\" + escape_control(c.parent))
          << ")\n";
      if (!c.restored_with.empty()) {
        out << "      restored with: "
            << escape_control(
                   fmt::format("\\{}", fmt::join(c.restored_with, ", \\")))
            << '\n';
      }
      for (const std::string& d : c.dependencies) {
        out << "      depends on: " << escape_control(d) << '\n';
      }
      if (c.restore_target) {
        out << "      restore target: " << to_xml(*c.restore_target) << '\n';
      }
      if (c.restore_options) {
        out << "      restore options: " << escape_control(*c.restore_options)
            << '\n';
      }
      if (c.chain.size() > 1) {
        out << "      chain:";
        for (const ChainStep& s : c.chain) {
          out << ' ' << escape_control(s.document) << " ("
              << to_xml(s.backup_type)
              << (s.additional_restores ? ", additional restores" : "") << ')';
        }
        out << '\n';
      }
      std::map<std::string_view, std::size_t> counts;
      for (const FileSetPlan& f : c.files) ++counts[to_string(f.destination)];
      out << "      " << c.files.size()
          << (c.files.size() == 1 ? " file set" : " file sets");
      if (!counts.empty()) {
        out << ":";
        bool first = true;
        for (const auto& [d, n] : counts) {
          out << (first ? " " : ", ") << n << ' ' << d;
          first = false;
        }
      }
      out << '\n';
      for (std::size_t i = 0; i < c.files.size() && i < kFilesShown; ++i) {
        out << "        " << file_line(c.files[i]) << '\n';
      }
      if (c.files.size() > kFilesShown) {
        out << "        ... and " << c.files.size() - kFilesShown
            << " more (--format json lists every one)\n";
      }
    }
  }
  out << "\nSteps\n";
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    out << "  " << i + 1 << ". " << plan.steps[i].action << '\n';
    for (const std::string& d : plan.steps[i].details) {
      out << "     - " << escape_control(d) << '\n';
    }
  }
  out << "\nFindings\n";
  FindingsOptions fo;
  fo.color = color;
  write_findings(plan.findings, out, fo);
}

template <typename T>
Json optional_json(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

void write_json(const RestorePlan& plan, std::ostream& out) {
  Json writers = Json::array();
  Json reboot_writers = Json::array();
  for (const WriterPlan& w : plan.writers) {
    if (!w.reboot_reasons.empty()) {
      reboot_writers.push_back({{"writer", w.name},
                                {"required", w.reboot_required},
                                {"reasons", w.reboot_reasons}});
    }
    Json components = Json::array();
    for (const ComponentPlan& c : w.components) {
      Json files = Json::array();
      for (const FileSetPlan& f : c.files) {
        files.push_back(
            {{"component", f.component},
             {"path", f.path},
             {"filespec", f.filespec},
             {"recursive", f.recursive},
             {"destination", to_string(f.destination)},
             {"target", f.target.empty() ? Json(nullptr) : Json(f.target)},
             {"fallback", optional_json(f.fallback)}});
      }
      Json chain = Json::array();
      for (const ChainStep& s : c.chain) {
        chain.push_back({{"document", s.document},
                         {"backup_type", to_xml(s.backup_type)},
                         {"additional_restores", s.additional_restores}});
      }
      components.push_back(
          {{"path", c.path},
           {"selected_as", c.selected_as == SelectedAs::kExplicit
                               ? "explicit"
                               : "subcomponent"},
           {"parent", c.parent_component ? Json(c.parent) : Json(nullptr)},
           {"restored_with", c.restored_with},
           {"dependencies", c.dependencies},
           {"restore_target",
            c.restore_target ? Json(to_xml(*c.restore_target)) : Json(nullptr)},
           {"restore_options", optional_json(c.restore_options)},
           {"chain", std::move(chain)},
           {"files", std::move(files)}});
    }
    writers.push_back(
        {{"name", w.name},
         {"writer_id", w.writer_id.to_string()},
         {"instance_name", optional_json(w.instance_name)},
         {"method", w.method ? Json(to_xml(*w.method)) : Json(nullptr)},
         {"method_vss_name",
          w.method ? Json(vss_name(*w.method)) : Json(nullptr)},
         {"writer_restore",
          w.writer_restore ? Json(to_xml(*w.writer_restore)) : Json(nullptr)},
         {"events", to_string(w.events)},
         {"service", optional_json(w.service)},
         {"service_timing", timing_id(w.service_timing)},
         {"reboot_required", w.reboot_required},
         {"reboot_reasons", w.reboot_reasons},
         {"components", std::move(components)}});
  }
  Json services = Json::array();
  for (const ServiceStop& s : plan.services) {
    services.push_back(
        {{"service", s.service.empty() ? Json(nullptr) : Json(s.service)},
         {"writer", s.writer},
         {"timing", timing_id(s.timing)}});
  }
  Json steps = Json::array();
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    steps.push_back({{"number", i + 1},
                     {"action", plan.steps[i].action},
                     {"details", plan.steps[i].details}});
  }
  Json findings = Json::array();
  for (const Finding& f : plan.findings) {
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
    findings.push_back(std::move(j));
  }
  const FindingCounts c = plan.findings.counts();
  Json doc{
      {"format", "vssmeta-restore-plan"},
      {"version", 1},
      {"backup_documents", plan.backup_documents},
      {"restore_document", optional_json(plan.restore_document)},
      {"reboot",
       {{"required", plan.reboot_required},
        {"possible", plan.reboot_possible},
        {"writers", std::move(reboot_writers)}}},
      {"services", std::move(services)},
      {"without_events", plan.without_events},
      {"writers", std::move(writers)},
      {"steps", std::move(steps)},
      {"findings", std::move(findings)},
      {"summary",
       {{"errors", c.errors}, {"warnings", c.warnings}, {"infos", c.infos}}}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

void write_restore_plan(const RestorePlan& plan, std::ostream& out,
                        const RestorePlanRenderOptions& options) {
  if (options.format == RestorePlanFormat::kJson) {
    write_json(plan, out);
  } else {
    write_text(plan, out, options.color);
  }
}

}  // namespace vssmeta
