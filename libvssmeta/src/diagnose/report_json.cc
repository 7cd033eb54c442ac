// SPDX-License-Identifier: MIT
// The JSON form of a diagnosis (schemas/diagnose.schema.json), and
// write_diagnosis().
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "diagnose/report.h"

namespace vssmeta {
namespace internal {
namespace {

using Json = nlohmann::ordered_json;

Json location(const Location& where) {
  if (where.file.empty() && where.line == 0) return nullptr;
  return to_string(where);
}

const char* class_id(BackupClass c) {
  switch (c) {
    case BackupClass::kRequired:
      return "required";
    case BackupClass::kOptionalTop:
      return "optional";
    case BackupClass::kNonselectableSub:
      return "nonselectable-sub";
    case BackupClass::kSelectableSub:
      return "selectable-sub";
  }
  return "required";
}

const char* inclusion_id(Inclusion i) {
  switch (i) {
    case Inclusion::kExplicit:
      return "explicit";
    case Inclusion::kImplicit:
      return "implicit";
    case Inclusion::kNone:
      return "none";
  }
  return "none";
}

Json finding(const LinkedFinding& f) {
  Json j;
  j["severity"] = to_string(f.severity);
  j["rule"] = f.rule;
  j["message"] = f.message;
  j["component"] = f.component.empty() ? Json(nullptr) : Json(f.component);
  j["location"] = location(f.where);
  return j;
}

Json volume(const VolumeRef& v) {
  Json j;
  j["name"] = v.name;
  j["kind"] = to_string(v.kind);
  j["via"] = v.via.empty() ? Json(nullptr) : Json(v.via);
  j["shadowed"] = v.shadowed;
  return j;
}

}  // namespace

void write_diagnosis_json(const Diagnosis& d, std::ostream& out) {
  Json root;
  root["format"] = "vssmeta-diagnose";
  root["version"] = 1;
  root["verdict"] = to_string(d.verdict);
  root["verdict_writers"] = d.verdict_writers;
  const ProblemCounts& c = d.counts;
  root["counts"] = {{"failures", c.failures},
                    {"volume_not_shadowed", c.volume_not_shadowed},
                    {"split_across_volumes", c.split_across_volumes},
                    {"not_selectable", c.not_selectable},
                    {"dependency_not_in_backup", c.dependency_not_in_backup},
                    {"not_selected", c.not_selected},
                    {"findings", c.findings}};
  if (d.backup_source.empty()) {
    root["backup"] = nullptr;
  } else {
    root["backup"] = {
        {"source", d.backup_source},
        {"type", d.backup_type ? Json(std::string(to_xml(*d.backup_type)))
                               : Json(nullptr)},
        {"bootable_system_state", d.bootable_system_state}};
  }
  Json failures = Json::array();
  for (const Failure& f : d.failures) {
    Json j;
    j["kind"] = to_string(f.kind);
    j["writer"] = f.writer;
    j["component"] = f.component.empty() ? Json(nullptr) : Json(f.component);
    j["what"] = f.what;
    j["message"] = f.message;
    j["hresult"] =
        f.hresult ? Json(fmt::format("0x{:08X}", *f.hresult)) : Json(nullptr);
    j["code_name"] = f.code_name.empty() ? Json(nullptr) : Json(f.code_name);
    j["cause"] = f.cause;
    j["action"] = f.action;
    j["location"] = location(f.where);
    failures.push_back(std::move(j));
  }
  root["failures"] = std::move(failures);
  Json writers = Json::array();
  for (const WriterCoverage& w : d.writers) {
    Json j;
    j["name"] = w.name;
    j["writer_id"] = w.writer_id.to_string();
    j["instance_name"] =
        w.instance_name ? Json(*w.instance_name) : Json(nullptr);
    if (w.from_text) {
      j["reconstructed_from_text"] = {
          {"file", w.from_text->file},
          {"line", w.from_text->line},
          {"note", reconstructed_from_text_note(*w.from_text)}};
    }
    j["role"] = to_string(w.role);
    j["note"] = w.note.empty() ? Json(nullptr) : Json(w.note);
    j["explicit"] = w.explicit_count;
    j["implicit"] = w.implicit_count;
    j["left_out"] = w.left_out_count;
    j["problems"] = w.problem_count;
    Json components = Json::array();
    for (const ComponentCoverage& cc : w.components) {
      Json k;
      k["path"] = cc.path;
      k["class"] = class_id(cc.backup_class);
      k["inclusion"] = inclusion_id(cc.inclusion);
      k["through"] = cc.through.empty() ? Json(nullptr) : Json(cc.through);
      Json vols = Json::array();
      for (const VolumeRef& v : cc.volumes) vols.push_back(volume(v));
      k["volumes"] = std::move(vols);
      if (cc.reason) {
        k["reason"] = to_string(*cc.reason);
        k["reason_text"] = cc.reason_text;
        k["short_reason"] = cc.short_reason;
      } else {
        k["reason"] = nullptr;
        k["reason_text"] = nullptr;
        k["short_reason"] = nullptr;
      }
      components.push_back(std::move(k));
    }
    j["components"] = std::move(components);
    Json fs = Json::array();
    for (const LinkedFinding& f : w.findings) fs.push_back(finding(f));
    j["findings"] = std::move(fs);
    writers.push_back(std::move(j));
  }
  root["writers"] = std::move(writers);
  const ShadowCopySet& set = d.shadow_copy_set;
  root["shadow_copy_set"] = {
      {"id", set.id ? Json(set.id->to_string()) : Json(nullptr)},
      {"source", set.known() ? Json(set.source) : Json(nullptr)},
      {"volumes", set.volumes}};
  root["system_volume"] =
      d.system_volume.empty()
          ? Json(nullptr)
          : Json{{"name", d.system_volume}, {"source", d.system_volume_source}};
  Json volumes = Json::array();
  for (const VolumeUse& v : d.volumes) {
    Json j;
    j["name"] = v.volume.name;
    j["kind"] = to_string(v.volume.kind);
    j["in_set"] = v.in_set;
    j["needed_by"] = v.needed_by;
    volumes.push_back(std::move(j));
  }
  root["volumes"] = std::move(volumes);
  Json backup_findings = Json::array();
  for (const LinkedFinding& f : d.backup_findings) {
    backup_findings.push_back(finding(f));
  }
  root["backup_findings"] = std::move(backup_findings);
  root["notes"] = d.notes;
  out << root.dump(2) << '\n';
}

}  // namespace internal

void write_diagnosis(const Diagnosis& diagnosis, std::ostream& out,
                     const DiagnosisOptions& options) {
  switch (options.format) {
    case DiagnosisFormat::kText:
      internal::write_diagnosis_text(diagnosis, out, options.color);
      return;
    case DiagnosisFormat::kJson:
      internal::write_diagnosis_json(diagnosis, out);
      return;
  }
}

}  // namespace vssmeta
