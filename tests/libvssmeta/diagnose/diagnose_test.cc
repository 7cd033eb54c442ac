// SPDX-License-Identifier: MIT
// diagnose(): verdicts, failures, one test per left-out reason with its
// exact words, volumes, and the real diskshadow capture.

#include "vssmeta/diagnose.h"

#include <algorithm>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/capture_set.h"

namespace vssmeta {
namespace {

using testing::read_bytes;
using testing::testdata_dir;

CaptureSet load_dir(const std::string& relative) {
  auto loaded = load((testdata_dir() / relative).string());
  EXPECT_TRUE(loaded.has_value()) << to_string(loaded.error());
  return loaded ? std::move(*loaded) : CaptureSet{};
}

const WriterCoverage& writer(const Diagnosis& d, const std::string& name) {
  auto it =
      std::find_if(d.writers.begin(), d.writers.end(),
                   [&](const WriterCoverage& w) { return w.name == name; });
  if (it == d.writers.end()) {
    ADD_FAILURE() << "no writer " << name;
    static const WriterCoverage none;
    return none;
  }
  return *it;
}

const ComponentCoverage& component(const WriterCoverage& w,
                                   const std::string& path) {
  auto it =
      std::find_if(w.components.begin(), w.components.end(),
                   [&](const ComponentCoverage& c) { return c.path == path; });
  if (it == w.components.end()) {
    ADD_FAILURE() << "no component " << path;
    static const ComponentCoverage none;
    return none;
  }
  return *it;
}

class DiagnoseVolumes : public ::testing::Test {
 protected:
  void SetUp() override {
    capture_ = load_dir("diagnose/volumes");
    diagnosis_ = diagnose(capture_);
  }
  const ComponentCoverage& ledger(const std::string& path) {
    return component(writer(diagnosis_, "Willow Ledger Writer"), path);
  }
  CaptureSet capture_;
  Diagnosis diagnosis_;
};

TEST_F(DiagnoseVolumes, VerdictIsIncompleteForTheWriterInTheBackup) {
  EXPECT_EQ(diagnosis_.verdict, Verdict::kIncomplete);
  EXPECT_EQ(diagnosis_.verdict_writers,
            std::vector<std::string>{"Willow Ledger Writer"});
  EXPECT_EQ(diagnosis_.counts.volume_not_shadowed, 3U);
  EXPECT_EQ(diagnosis_.counts.split_across_volumes, 1U);
  EXPECT_EQ(diagnosis_.counts.not_selectable, 2U);
  EXPECT_EQ(diagnosis_.counts.dependency_not_in_backup, 1U);
  EXPECT_EQ(diagnosis_.counts.not_selected, 3U);
  EXPECT_NE(diagnosis_.shadow_copy_set.source.find("Manifest.xml"),
            std::string::npos);
  EXPECT_EQ(diagnosis_.shadow_copy_set.volumes,
            std::vector<std::string>{"C:\\"});
}

TEST_F(DiagnoseVolumes, SelectedAndImplicitComponentsHaveNoReason) {
  const ComponentCoverage& main = ledger("Ledger\\Main");
  EXPECT_EQ(main.inclusion, Inclusion::kExplicit);
  EXPECT_FALSE(main.reason.has_value());
  const ComponentCoverage& entries = ledger("Sets\\Journal\\Entries");
  EXPECT_EQ(entries.inclusion, Inclusion::kImplicit);
  EXPECT_EQ(entries.through, "Sets\\Journal");
  EXPECT_FALSE(entries.reason.has_value());
}

TEST_F(DiagnoseVolumes, VolumeNotInTheSet) {
  const ComponentCoverage& c = ledger("Ledger\\Archive");
  EXPECT_EQ(c.reason, LeftOutReason::kVolumeNotShadowed);
  EXPECT_EQ(c.reason_text,
            "its files lie on E:\\, and the shadow copy set holds only C:\\");
  EXPECT_EQ(c.short_reason, "needs E:\\ (not shadowed)");
}

TEST_F(DiagnoseVolumes, SplitAcrossVolumes) {
  const ComponentCoverage& c = ledger("Ledger\\Split");
  EXPECT_EQ(c.reason, LeftOutReason::kSplitAcrossVolumes);
  EXPECT_EQ(c.reason_text,
            "its files lie on C:\\ (shadowed) and on F:\\ (not shadowed): a "
            "backup of it would be inconsistent");
  EXPECT_EQ(c.short_reason, "split: C:\\ shadowed, F:\\ not");
}

TEST_F(DiagnoseVolumes, VolumeGuidPath) {
  const ComponentCoverage& c = ledger("Ledger\\Vault");
  ASSERT_EQ(c.volumes.size(), 1U);
  EXPECT_EQ(c.volumes[0].kind, VolumeKind::kVolumeGuid);
  EXPECT_EQ(c.reason, LeftOutReason::kVolumeNotShadowed);
  EXPECT_EQ(c.reason_text,
            "its files lie on "
            "\\\\?\\Volume{5d8e2a1c-3b4f-4e6a-9d7c-2f1e0a9b8c43}\\, and the "
            "shadow copy set holds only C:\\");
}

TEST_F(DiagnoseVolumes, UncShareIsNotALocalVolume) {
  const ComponentCoverage& c = ledger("Ledger\\Remote");
  ASSERT_EQ(c.volumes.size(), 1U);
  EXPECT_EQ(c.volumes[0].kind, VolumeKind::kNetworkShare);
  EXPECT_EQ(c.reason_text,
            "its files lie on \\\\filer02\\ledger\\ (a network share), and "
            "the shadow copy set holds only C:\\");
  EXPECT_EQ(c.short_reason, "needs \\\\filer02\\ledger\\ (not shadowed)");
}

TEST_F(DiagnoseVolumes, EnvironmentVariableStaysUnresolvedWithoutSystemVolume) {
  const ComponentCoverage& c = ledger("Ledger\\Settings");
  ASSERT_EQ(c.volumes.size(), 1U);
  EXPECT_EQ(c.volumes[0].kind, VolumeKind::kUnresolved);
  EXPECT_EQ(c.volumes[0].name, "%ProgramData%");
  EXPECT_EQ(c.reason, LeftOutReason::kNotSelected);
  EXPECT_EQ(c.reason_text,
            "was not selected; whether it could have been shadowed is "
            "unknown (%ProgramData% is not resolved to a volume)");
  EXPECT_NE(std::find_if(diagnosis_.notes.begin(), diagnosis_.notes.end(),
                         [](const std::string& n) {
                           return n.find("system volume is unknown") !=
                                  std::string::npos;
                         }),
            diagnosis_.notes.end());
}

TEST_F(DiagnoseVolumes, EnvironmentVariableResolvesToTheSystemVolume) {
  DiagnoseOptions options;
  options.system_volume = "c:";
  const Diagnosis d = diagnose(capture_, {}, options);
  const ComponentCoverage& c =
      component(writer(d, "Willow Ledger Writer"), "Ledger\\Settings");
  ASSERT_EQ(c.volumes.size(), 1U);
  EXPECT_EQ(c.volumes[0].name, "C:\\");
  EXPECT_EQ(c.volumes[0].via, "%ProgramData%");
  EXPECT_TRUE(c.volumes[0].shadowed);
  EXPECT_EQ(c.reason_text,
            "was not selected, although every volume it needs was shadowed");
  EXPECT_EQ(d.system_volume, "C:\\");
  EXPECT_EQ(d.system_volume_source, "--system-volume");
}

TEST_F(DiagnoseVolumes, NotSelectedAlthoughShadowed) {
  const ComponentCoverage& c = ledger("Ledger\\Spare");
  EXPECT_EQ(c.reason, LeftOutReason::kNotSelected);
  EXPECT_EQ(c.reason_text,
            "was not selected, although every volume it needs was shadowed");
  EXPECT_EQ(c.short_reason, "not selected");
}

TEST_F(DiagnoseVolumes, DependencyNotInTheBackup) {
  const ComponentCoverage& c = ledger("Ledger\\Reports");
  EXPECT_EQ(c.reason, LeftOutReason::kDependencyNotInBackup);
  EXPECT_EQ(c.reason_text,
            "depends on Willow Index Writer:\\Catalog\\Index, which is not "
            "in the backup");
  EXPECT_EQ(c.short_reason,
            "depends on Willow Index Writer:\\Catalog\\Index (not in backup)");
}

TEST_F(DiagnoseVolumes, RequiredComponentLeftOut) {
  const ComponentCoverage& c = ledger("Config");
  EXPECT_EQ(c.backup_class, BackupClass::kRequired);
  EXPECT_EQ(c.reason, LeftOutReason::kNotSelectable);
  EXPECT_EQ(c.reason_text,
            "is not selectable and has no selectable ancestor: the writer "
            "requires it, yet the backup does not include it");
}

TEST_F(DiagnoseVolumes, NonselectableUnderAnAncestorNotSelected) {
  const ComponentCoverage& group = ledger("Sets\\Group");
  EXPECT_EQ(group.reason, LeftOutReason::kNotSelected);
  const ComponentCoverage& c = ledger("Sets\\Group\\Member");
  EXPECT_EQ(c.reason, LeftOutReason::kNotSelectable);
  EXPECT_EQ(c.reason_text,
            "is not selectable: it is backed up only with \\Sets\\Group, "
            "which was not selected");
  EXPECT_EQ(c.short_reason, "goes with \\Sets\\Group (not selected)");
}

TEST_F(DiagnoseVolumes, WritersOutsideTheBackupTakeOneNote) {
  const WriterCoverage& index = writer(diagnosis_, "Willow Index Writer");
  EXPECT_EQ(index.role, WriterRole::kNotInBackup);
  EXPECT_EQ(index.note, "not in the backup: was not selected");
  EXPECT_EQ(index.problem_count, 0U);
  const WriterCoverage& cache = writer(diagnosis_, "Willow Cache Writer");
  EXPECT_EQ(cache.role, WriterRole::kExcludeListsOnly);
  EXPECT_EQ(cache.note,
            "only exclude lists (1 file set excluded from backups; 1 file set "
            "excluded from shadow copies): nothing to back up");
}

TEST_F(DiagnoseVolumes, FindingsAreLinkedToTheirWriter) {
  const WriterCoverage& ledger_writer =
      writer(diagnosis_, "Willow Ledger Writer");
  EXPECT_NE(
      std::find_if(ledger_writer.findings.begin(), ledger_writer.findings.end(),
                   [](const LinkedFinding& f) { return f.rule == "XREF007"; }),
      ledger_writer.findings.end());
}

TEST_F(DiagnoseVolumes, VolumesListWhoNeedsThem) {
  auto it =
      std::find_if(diagnosis_.volumes.begin(), diagnosis_.volumes.end(),
                   [](const VolumeUse& v) { return v.volume.name == "E:\\"; });
  ASSERT_NE(it, diagnosis_.volumes.end());
  EXPECT_FALSE(it->in_set);
  EXPECT_EQ(it->needed_by,
            std::vector<std::string>{"Willow Ledger Writer (1 component)"});
}

TEST_F(DiagnoseVolumes, LeftOutReasonsAreTheGraphsWords) {
  const auto reasons = left_out_reasons(capture_);
  ASSERT_EQ(reasons.size(), capture_.writers.size());
  const WriterMetadata& w = capture_.writers[0];
  ASSERT_EQ(w.display_name(), "Willow Ledger Writer");
  ASSERT_EQ(reasons[0].size(), w.components.size());
  EXPECT_EQ(reasons[0][0], "");  // Main: selected
  EXPECT_EQ(reasons[0][1], "needs E:\\ (not shadowed)");
  const auto none = left_out_reasons(capture_, 5);
  EXPECT_EQ(none[0][1], "");
}

TEST(Diagnose, FailedBackupWithFailureMessagesAndWriterStatus) {
  const CaptureSet capture = load_dir("diagnose/failed");
  auto status = parse_status_json(
      read_bytes(testdata_dir() / "diagnose/failed/status.json"),
      "status.json");
  ASSERT_OK(status);
  const Diagnosis d = diagnose(capture, *status);
  EXPECT_EQ(d.verdict, Verdict::kFailed);
  ASSERT_EQ(d.failures.size(), 3U);
  EXPECT_EQ(d.failures[0].kind, FailureKind::kBackupFailed);
  EXPECT_EQ(d.failures[0].component, "Ledger\\Main");
  EXPECT_EQ(d.failures[0].what, "backupSucceeded=\"no\"");
  EXPECT_EQ(d.failures[1].kind, FailureKind::kWriterFailed);
  EXPECT_EQ(d.failures[1].what, "failed-at-freeze");
  EXPECT_EQ(d.failures[1].hresult, 0x800423F2U);
  EXPECT_EQ(d.failures[1].code_name, "VSS_E_WRITERERROR_TIMEOUT");
  EXPECT_EQ(d.failures[1].cause,
            "the time between freeze and thaw exceeded the writer's timeout");
  EXPECT_EQ(d.failures[2].kind, FailureKind::kFailureMessage);
  EXPECT_EQ(d.failures[2].what, "prepareForBackupFailureMsg");
  EXPECT_EQ(d.failures[2].message,
            "The ledger journal is locked by another process.");
  EXPECT_EQ(d.failures[2].where.line, 1U);
  EXPECT_EQ(d.verdict_writers,
            std::vector<std::string>{"Willow Ledger Writer"});
}

TEST(Diagnose, SucceededBackupIsNotIncomplete) {
  CaptureSet capture = load_dir("diagnose/failed");
  for (WriterComponents& w : capture.backup_components[0].writers) {
    for (BcdComponent& c : w.components) {
      c.backup_succeeded = true;
      c.prepare_for_backup_failure_message.reset();
    }
  }
  const Diagnosis d = diagnose(capture);
  EXPECT_EQ(d.verdict, Verdict::kSucceeded);
  EXPECT_TRUE(d.failures.empty());
}

TEST(Diagnose, BcdAloneSaysCoverageNeedsTheWritersMetadata) {
  auto capture = load((testdata_dir() / "diagnose/bcd-only.xml").string());
  ASSERT_OK(capture);
  const Diagnosis d = diagnose(*capture);
  EXPECT_EQ(d.verdict, Verdict::kFailed);  // backupSucceeded="no"
  ASSERT_EQ(d.writers.size(), 1U);
  EXPECT_EQ(d.writers[0].role, WriterRole::kNoMetadata);
  EXPECT_EQ(d.writers[0].note,
            "in the backup with 2 components, but the capture has no metadata "
            "of this writer: its coverage cannot be judged");
  EXPECT_EQ(d.notes.front(),
            "the capture has no writer metadata documents: coverage needs the "
            "writers' metadata (diskshadow's WM*.xml or a vssmeta capture); "
            "only what the backup components document records is shown");
}

TEST(Diagnose, NoBackupComponentsDocumentIsNothingToJudge) {
  CaptureSet capture = load_dir("diagnose/volumes");
  capture.backup_components.clear();
  const Diagnosis d = diagnose(capture);
  EXPECT_EQ(d.verdict, Verdict::kNothingToJudge);
  EXPECT_EQ(d.counts.incomplete(), 0U);
  EXPECT_EQ(writer(d, "Willow Ledger Writer").note,
            "no backup components document");
}

TEST(DescribeWriterState, FailedStatesHaveCauseAndAction) {
  const WriterStateInfo freeze =
      describe_writer_state(WriterState::kFailedAtFreeze);
  EXPECT_FALSE(freeze.cause.empty());
  EXPECT_FALSE(freeze.action.empty());
  EXPECT_TRUE(describe_writer_state(WriterState::kStable).cause.empty());
  for (std::uint32_t s = 6; s <= 15; ++s) {
    EXPECT_FALSE(describe_writer_state(writer_state_from(s)).cause.empty())
        << s;
  }
}

TEST(ParseStatusJson, ReadsWhatCaptureWrites) {
  std::vector<WriterStatus> in(1);
  in[0].writer_name = "Willow Ledger Writer";
  in[0].writer_id = *Guid::parse("6f0a7d3e-2c41-4b9e-8a55-1d3c7e9b2f60");
  in[0].instance_id = *Guid::parse("8c2e4a61-5f3b-4d7c-9e1a-0b6d2f8c4a35");
  in[0].state = WriterState::kFailedAtThaw;
  in[0].failure = 0x800423F3;
  in[0].application_error = 0x80004005;
  in[0].application_message = "disk busy";
  std::ostringstream json;
  write_status(in, json, StatusOptions{StatusFormat::kJson});
  auto out = parse_status_json(json.str(), "status.json");
  ASSERT_OK(out);
  ASSERT_EQ(out->size(), 1U);
  EXPECT_EQ((*out)[0].writer_name, "Willow Ledger Writer");
  EXPECT_EQ((*out)[0].writer_id, in[0].writer_id);
  EXPECT_EQ((*out)[0].state, WriterState::kFailedAtThaw);
  EXPECT_EQ((*out)[0].failure, 0x800423F3U);
  EXPECT_EQ((*out)[0].application_error, 0x80004005U);
  EXPECT_EQ((*out)[0].application_message, "disk busy");
}

TEST(ParseStatusJson, BadJsonNamesLineAndColumn) {
  auto r =
      parse_status_json(read_bytes(testdata_dir() / "diagnose/bad-status.json"),
                        "bad-status.json");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kMalformedXml);
  EXPECT_EQ(to_string(r.error()).rfind("bad-status.json:7:1: error: not "
                                       "valid JSON: ",
                                       0),
            0U)
      << to_string(r.error());
}

TEST(ParseStatusJson, BadFieldsAndOtherDocuments) {
  auto other =
      parse_status_json("{\"format\": \"vssmeta-capture-manifest\"}", "m.json");
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(to_string(other.error()),
            "m.json:1:1: error: not a vssmeta status document (\"format\" is "
            "not \"vssmeta-capture-status\")");
  auto field = parse_status_json(
      "{\"format\": \"vssmeta-capture-status\", \"version\": 1, "
      "\"writers\": [{\"writer_name\": \"x\", \"writer_id\": 7}]}",
      "s.json");
  ASSERT_FALSE(field.has_value());
  EXPECT_EQ(to_string(field.error()),
            "s.json:1:1: error: writers[0]: \"writer_id\" is missing or "
            "invalid");
  auto good = parse_status_json(
      "{\"format\": \"vssmeta-capture-status\", \"version\": 1, "
      "\"writers\": []}",
      "s.json");
  ASSERT_OK(good);
  EXPECT_TRUE(good->empty());
}

TEST(DiagnoseSample, DiskshadowSqlCaptureIsIncompleteForSqlServerWriter) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  auto capture = load((samples / "diskshadow-ws2012-sql2017").string());
  ASSERT_OK(capture);
  const Diagnosis d = diagnose(*capture);
  EXPECT_EQ(d.verdict, Verdict::kIncomplete);
  EXPECT_EQ(d.verdict_writers, std::vector<std::string>{"SqlServerWriter"});
  EXPECT_EQ(d.shadow_copy_set.volumes, std::vector<std::string>{"C:\\"});
  const WriterCoverage& sql = writer(d, "SqlServerWriter");
  EXPECT_EQ(component(sql, "WIN2012-SQL17-2\\local1").inclusion,
            Inclusion::kExplicit);
  for (const char* db : {"master", "model", "msdb", "SecondServerDb"}) {
    const ComponentCoverage& c =
        component(sql, std::string("WIN2012-SQL17-2\\") + db);
    EXPECT_EQ(c.reason, LeftOutReason::kVolumeNotShadowed) << db;
    EXPECT_EQ(c.reason_text,
              "its files lie on E:\\, and the shadow copy set holds only C:\\")
        << db;
  }
  const WriterCoverage& asr = writer(d, "ASR Writer");
  EXPECT_EQ(asr.role, WriterRole::kNotInBackup);
  EXPECT_EQ(asr.note,
            "not in the backup: a bootable system state backup without the "
            "ASR Writer is valid, but cannot serve a bare-metal recovery (ASR "
            "recreates the disks and critical volumes)");
  EXPECT_EQ(writer(d, "BITS Writer").role, WriterRole::kExcludeListsOnly);
  EXPECT_EQ(writer(d, "Shadow Copy Optimization Writer").role,
            WriterRole::kExcludeListsOnly);
  EXPECT_EQ(d.system_volume, "C:\\");
}

// A writer rebuilt from diskshadow's text is marked in the diagnosis and
// in the text it prints; one read from XML is not.
TEST(DiagnoseTextWriters, CoverageSaysTheWriterWasReconstructed) {
  CaptureSet capture = load_dir("status/diskshadow-metadata.txt");
  CaptureSet xml = load_dir("wmd/registry-writer.xml");
  merge(capture, std::move(xml));
  const Diagnosis d = diagnose(capture);
  const WriterCoverage& sql = writer(d, "SqlServerWriter");
  ASSERT_TRUE(sql.from_text.has_value());
  EXPECT_EQ(sql.from_text->line, 10U);
  EXPECT_FALSE(writer(d, "Registry Writer").from_text.has_value());
  std::ostringstream out;
  write_diagnosis(d, out);
  EXPECT_NE(out.str().find("  SqlServerWriter: no backup components document\n"
                           "    note: writer reconstructed from text (line "
                           "10): only what diskshadow printed\n"),
            std::string::npos)
      << out.str();
  // NTDS and SqlServerWriter, not the Registry Writer.
  std::size_t notes = 0;
  for (std::size_t at = out.str().find("note: writer reconstructed");
       at != std::string::npos;
       at = out.str().find("note: writer reconstructed", at + 1)) {
    ++notes;
  }
  EXPECT_EQ(notes, 2U);
}

}  // namespace
}  // namespace vssmeta
