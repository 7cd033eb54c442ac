// SPDX-License-Identifier: MIT
#include "vssmeta/restore_plan.h"

#include <algorithm>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace vssmeta {
namespace {

using ::testing::HasSubstr;

CaptureSet load_capture(const std::string& folder) {
  auto c = load((testing::testdata_dir() / "restore" / folder).string());
  EXPECT_TRUE(c) << (c ? "" : to_string(c.error()));
  return c ? std::move(*c) : CaptureSet{};
}

RestorePlan plan_of(const CaptureSet& c, const RestorePlanOptions& o = {}) {
  auto p = plan_restore(c, o);
  EXPECT_TRUE(p) << (p ? "" : to_string(p.error()));
  return p ? std::move(*p) : RestorePlan{};
}

// Findings of `rule` about `component` (a `Writer:\path` label), or about
// the writer when `component` is a writer label.
std::size_t count(const RestorePlan& p, std::string_view rule,
                  std::string_view about) {
  return static_cast<std::size_t>(std::count_if(
      p.findings.begin(), p.findings.end(), [&](const Finding& f) {
        return f.diagnostic.code == rule &&
               (f.component() == about ||
                f.writer().substr(0, about.size()) == about);
      }));
}

const WriterPlan* writer(const RestorePlan& p, std::string_view name) {
  for (const WriterPlan& w : p.writers) {
    if (w.name == name) return &w;
  }
  ADD_FAILURE() << "no writer " << name;
  return nullptr;
}

TEST(RestorePlan, EveryMethodGivesItsDestinationEventsAndServices) {
  const CaptureSet c = load_capture("methods");
  const RestorePlan p = plan_of(c);
  struct Want {
    const char* writer;
    FileDestination destination;
    WriterEvents events;
    ServiceTiming timing;
  };
  const Want wants[] = {
      {"Alder IfNone Writer", FileDestination::kOriginalIfAbsent,
       WriterEvents::kNone, ServiceTiming::kNone},
      {"Birch Replace Writer", FileDestination::kOriginalIfReplaceable,
       WriterEvents::kPreRestoreIfFailure, ServiceTiming::kNone},
      {"Cedar StopStart Writer", FileDestination::kOriginal,
       WriterEvents::kBoth, ServiceTiming::kAroundCopy},
      {"Dogwood Alternate Writer", FileDestination::kAlternateLocation,
       WriterEvents::kBoth, ServiceTiming::kNone},
      {"Elm Reboot Writer", FileDestination::kAtReboot, WriterEvents::kNone,
       ServiceTiming::kNone},
      {"Fir RebootIfBusy Writer", FileDestination::kAtRebootIfInUse,
       WriterEvents::kNone, ServiceTiming::kNone},
      {"Ginkgo Custom Writer", FileDestination::kCustom, WriterEvents::kUnknown,
       ServiceTiming::kNone},
      {"Hazel RestoreStopStart Writer", FileDestination::kOriginal,
       WriterEvents::kBoth, ServiceTiming::kAfterPostRestore},
      {"Ivy RestoreStopStart Writer", FileDestination::kOriginal,
       WriterEvents::kPreRestoreIfFailure, ServiceTiming::kAfterPostRestore},
  };
  for (const Want& want : wants) {
    SCOPED_TRACE(want.writer);
    const WriterPlan* w = writer(p, want.writer);
    ASSERT_NE(w, nullptr);
    ASSERT_EQ(w->components.size(), 1U);
    ASSERT_FALSE(w->components[0].files.empty());
    EXPECT_EQ(w->components[0].files[0].destination, want.destination);
    EXPECT_EQ(w->events, want.events);
    EXPECT_EQ(w->service_timing, want.timing);
  }
  // The mapping of RESTORE_IF_NOT_THERE is a fallback; the alternate
  // method's matched mapping is the target, its unmatched file set a
  // finding (RST002), the matched one none.
  EXPECT_EQ(writer(p, "Alder IfNone Writer")->components[0].files[0].fallback,
            "E:\\Alder");
  const auto& dog = writer(p, "Dogwood Alternate Writer")->components[0].files;
  EXPECT_EQ(dog[0].target, "F:\\Dogwood");
  EXPECT_EQ(dog[1].destination, FileDestination::kUnmapped);
  ASSERT_EQ(count(p, "RST002", "Dogwood Alternate Writer:\\Dogwood"), 1U);
  EXPECT_THAT(p.findings.items[0].diagnostic.message, HasSubstr(""));
  // A writer mapping matching none of its file sets (Dogwood's D:\Dogwood\Old)
  // is RST003; Alder's matches.
  EXPECT_EQ(count(p, "RST003", "Dogwood Alternate Writer"), 1U);
  EXPECT_EQ(count(p, "RST003", "Alder IfNone Writer"), 0U);
  // A service method with a name (Cedar, Ivy) is clean, without (Hazel) not.
  EXPECT_EQ(count(p, "RST012", "Hazel RestoreStopStart Writer"), 1U);
  EXPECT_EQ(count(p, "RST012", "Cedar StopStart Writer"), 0U);
  EXPECT_EQ(count(p, "RST012", "Ivy RestoreStopStart Writer"), 0U);
  EXPECT_EQ(writer(p, "Cedar StopStart Writer")->service, "CedarSvc");
  // Reboot: required by Elm (rebootRequired and REPLACE_AT_REBOOT),
  // possible for Fir.
  EXPECT_TRUE(p.reboot_required);
  EXPECT_TRUE(writer(p, "Elm Reboot Writer")->reboot_required);
  EXPECT_FALSE(writer(p, "Fir RebootIfBusy Writer")->reboot_required);
  EXPECT_FALSE(writer(p, "Fir RebootIfBusy Writer")->reboot_reasons.empty());
  EXPECT_THAT(p.without_events,
              ::testing::ElementsAre("Alder IfNone Writer", "Elm Reboot Writer",
                                     "Fir RebootIfBusy Writer"));
}

TEST(RestorePlan, StepsAreInTheDocumentedOrder) {
  const RestorePlan p = plan_of(load_capture("methods"));
  std::vector<std::string> actions;
  for (const RestoreStep& s : p.steps) actions.push_back(s.action);
  EXPECT_THAT(actions, ::testing::ElementsAre(
                           "Initialise for restore", "Select components",
                           "Set restore options", "PreRestore", "Stop services",
                           "Copy files", "Start services", "PostRestore",
                           "Stop and restart services", "Reboot"));
}

TEST(RestorePlan, TargetStatusReportsAbsentWritersOnly) {
  const CaptureSet c = load_capture("methods");
  std::string bytes = testing::read_bytes(testing::testdata_dir() / "restore" /
                                          "target-status.json");
  auto status = parse_status_json(bytes, "target-status.json");
  ASSERT_TRUE(status);
  RestorePlanOptions o;
  o.target_status = *status;
  const RestorePlan p = plan_of(c, o);
  EXPECT_EQ(count(p, "RST013", "Dogwood Alternate Writer"), 1U);
  EXPECT_EQ(count(p, "RST013", "Cedar StopStart Writer"), 0U);
  // Writers without events are restored without the writer anyway.
  EXPECT_EQ(count(p, "RST013", "Elm Reboot Writer"), 0U);
  // Without a target status nobody is absent.
  EXPECT_EQ(count(plan_of(c), "RST013", ""), 0U);
}

TEST(RestorePlan, RestoreTimeSettingsAndTheirFindings) {
  const RestorePlan p = plan_of(load_capture("restore-time"));
  ASSERT_TRUE(p.restore_document);
  // Selection comes from the restore document: Spool is not selected.
  const WriterPlan* larch = writer(p, "Larch Quiet Writer");
  ASSERT_EQ(larch->components.size(), 1U);
  EXPECT_EQ(larch->components[0].path, "Cache");
  EXPECT_EQ(count(p, "RST001", "Larch Quiet Writer:\\Cache"), 1U);
  EXPECT_EQ(count(p, "RST001", "Juniper Data Writer:\\Store"), 0U);
  // Subcomponents: Daily is selectable for restore, Weekly is not.
  const WriterPlan* jun = writer(p, "Juniper Data Writer");
  ASSERT_EQ(jun->components.size(), 2U);
  EXPECT_EQ(jun->components[1].selected_as, SelectedAs::kSubcomponent);
  EXPECT_EQ(jun->components[1].parent, "Store");
  EXPECT_EQ(count(p, "RST009", "Juniper Data Writer:\\Store\\Weekly"), 1U);
  EXPECT_EQ(count(p, "RST009", "Juniper Data Writer:\\Store\\Daily"), 0U);
  // New targets: matched with the schema bit (Juniper) is a destination;
  // one matching nothing is RST003; Kapok lacks the bit (RST004).
  EXPECT_EQ(jun->components[0].files[0].destination,
            FileDestination::kNewTarget);
  EXPECT_EQ(jun->components[0].files[0].target, "R:\\Juniper");
  EXPECT_EQ(count(p, "RST003", "Juniper Data Writer:\\Store"), 1U);
  EXPECT_EQ(count(p, "RST003", "Kapok Plain Writer:\\Files"), 0U);
  EXPECT_EQ(count(p, "RST004", "Kapok Plain Writer:\\Files"), 1U);
  EXPECT_EQ(count(p, "RST004", "Juniper Data Writer:\\Store"), 0U);
  // Roll-forward with the bit is fine; rename and authoritative without.
  EXPECT_EQ(count(p, "RST006", "Juniper Data Writer:\\Store"), 0U);
  EXPECT_EQ(count(p, "RST006", "Kapok Plain Writer:\\Files"), 2U);
  // Another instance id without RESTORE_WITH_MOVE.
  EXPECT_EQ(count(p, "RST005", "Kapok Plain Writer"), 1U);
  EXPECT_EQ(count(p, "RST005", "Juniper Data Writer"), 0U);
  // additionalRestores left on for the only (last) restore.
  EXPECT_EQ(count(p, "RST008", "Juniper Data Writer:\\Store"), 1U);
  EXPECT_EQ(count(p, "RST008", "Kapok Plain Writer:\\Files"), 0U);
}

TEST(RestorePlan, AdditionalRestoreChain) {
  const RestorePlan p = plan_of(load_capture("chain"));
  ASSERT_EQ(p.backup_documents.size(), 3U);
  const ComponentPlan& db = writer(p, "Maple Chain Writer")->components[0];
  ASSERT_EQ(db.chain.size(), 3U);
  EXPECT_EQ(db.chain[0].backup_type, BackupType::kFull);
  EXPECT_TRUE(db.chain[0].additional_restores);
  EXPECT_TRUE(db.chain[1].additional_restores);
  EXPECT_FALSE(db.chain[2].additional_restores);
  // Incremental is in the schema, differential is not.
  EXPECT_EQ(count(p, "RST007", "Maple Chain Writer:\\Db"), 1U);
  EXPECT_THAT(p.findings.items[0].diagnostic.message, HasSubstr("Db"));
  // Step 2 has the flag off, step 3 (last) on: two RST008; step 1 has no
  // restore document, nothing to check.
  EXPECT_EQ(count(p, "RST008", "Maple Chain Writer:\\Db"), 2U);
}

TEST(RestorePlan, DependencyAcrossWriters) {
  const CaptureSet c = load_capture("deps");
  RestorePlanOptions o;
  o.select = {"Nutmeg Ledger Writer"};
  const RestorePlan left_out = plan_of(c, o);
  EXPECT_EQ(count(left_out, "RST011", "Nutmeg Ledger Writer:\\Ledger"), 1U);
  EXPECT_EQ(count(left_out, "RST011", "Nutmeg Ledger Writer:\\Notes"), 0U);
  EXPECT_THAT(
      writer(left_out, "Nutmeg Ledger Writer")->components[0].dependencies,
      ::testing::ElementsAre("Oak Index Writer:\\Index"));
  const RestorePlan both = plan_of(c);
  EXPECT_EQ(count(both, "RST011", ""), 0U);
}

TEST(RestorePlan, AsrRestoreNeedsEveryCriticalVolume) {
  const CaptureSet c = load_capture("asr");
  EXPECT_EQ(count(plan_of(c), "RST014", ""), 0U);
  RestorePlanOptions o;
  o.select = {"ASR Writer:\\Disks\\harddisk0"};
  const RestorePlan p = plan_of(c, o);
  EXPECT_EQ(count(p, "RST014",
                  "ASR Writer:\\Volumes\\Volume{00000000-0000-4000-8000-"
                  "00000000c001}"),
            1U);
  EXPECT_EQ(count(p, "RST014",
                  "ASR Writer:\\Volumes\\Volume{00000000-0000-4000-8000-"
                  "00000000d001}"),
            0U);
}

TEST(RestorePlan, SelectionErrorsAndComponentsOutsideTheBackup) {
  const CaptureSet c = load_capture("deps");
  RestorePlanOptions o;
  o.select = {"Nutmeg Ledger Writer:\\Ledgr"};
  auto bad = plan_restore(c, o);
  ASSERT_FALSE(bad);
  EXPECT_THAT(bad.error().message, HasSubstr("no component 'Ledgr'"));
  CaptureSet no_bcd = c;
  no_bcd.backup_components.clear();
  auto none = plan_restore(no_bcd);
  ASSERT_FALSE(none);
  EXPECT_THAT(none.error().message, HasSubstr("--select"));
  // With --select and no BCD the selection is the backup.
  o.select = {"Oak Index Writer"};
  EXPECT_TRUE(plan_restore(no_bcd, o));
  // A component the BCD does not hold.
  CaptureSet partial = c;
  partial.backup_components[0].writers[0].components.pop_back();  // Notes
  o.select = {"Nutmeg Ledger Writer:\\Notes"};
  const RestorePlan p = plan_of(partial, o);
  EXPECT_EQ(count(p, "RST010", "Nutmeg Ledger Writer:\\Notes"), 1U);
  o.select = {"Nutmeg Ledger Writer:\\Ledger"};
  EXPECT_EQ(count(plan_of(partial, o), "RST010", ""), 0U);
}

TEST(RestorePlan, RulesCiteMicrosoftLearn) {
  ASSERT_EQ(restore_rules().size(), 14U);
  for (const RuleInfo& r : restore_rules()) {
    EXPECT_THAT(std::string(r.reference),
                ::testing::StartsWith("https://learn.microsoft.com/"))
        << r.id;
  }
}

TEST(RestorePlan, StatusJsonErrorsNameTheFile) {
  auto bad = parse_status_json("{\"format\": 1}", "s.json");
  ASSERT_FALSE(bad);
  EXPECT_THAT(to_string(bad.error()), HasSubstr("s.json"));
  EXPECT_FALSE(parse_status_json("not json", "s.json"));
  EXPECT_FALSE(parse_status_json(
      R"({"format":"vssmeta-capture-status","version":1,"writers":[{"writer_name":"a","writer_id":"x","instance_id":"y"}]})",
      "s.json"));
}

TEST(RestorePlan, RealSqlCapture) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  auto c = load((samples / "diskshadow-ws2012-sql2017").generic_string());
  ASSERT_TRUE(c);
  const RestorePlan p = plan_of(*c);
  EXPECT_TRUE(p.reboot_required);
  const WriterPlan* sql = writer(p, "SqlServerWriter");
  ASSERT_NE(sql, nullptr);
  EXPECT_EQ(sql->events, WriterEvents::kBoth);
  ASSERT_EQ(sql->components.size(), 1U);
  EXPECT_EQ(sql->components[0].path, "WIN2012-SQL17-2\\local1");
  EXPECT_EQ(sql->components[0].files[0].destination,
            FileDestination::kOriginalIfReplaceable);
  EXPECT_TRUE(writer(p, "System Writer")->reboot_required);
  EXPECT_TRUE(writer(p, "Registry Writer")->reboot_required);
  EXPECT_TRUE(writer(p, "WMI Writer")->reboot_required);
  EXPECT_EQ(p.without_events.size(), 7U);
  for (const auto* format : {"text", "json"}) {
    std::ostringstream out;
    write_restore_plan(
        p, out,
        {std::string(format) == "json" ? RestorePlanFormat::kJson
                                       : RestorePlanFormat::kText,
         false});
    std::string s = out.str();
    // Paths of the sample folder vary by machine.
    const std::string dir =
        (samples / "diskshadow-ws2012-sql2017").generic_string();
    for (std::size_t at; (at = s.find(dir)) != std::string::npos;) {
      s.replace(at, dir.size(), "<samples>");
    }
    // The goldens keep the plan, not the sample's file lists (the samples
    // are never copied into the project): file set lists are emptied in
    // JSON (which stays valid), left out in text.
    if (std::string(format) == "json") {
      auto j = nlohmann::ordered_json::parse(s);
      for (auto& w : j["writers"]) {
        for (auto& comp : w["components"])
          comp["files"] = nlohmann::json::array();
      }
      s = j.dump(2) + "\n";
    } else {
      std::istringstream lines(s);
      std::string kept;
      for (std::string line; std::getline(lines, line);) {
        if (line.rfind("        ", 0) != 0) kept += line + "\n";
      }
      s = kept;
    }
    EXPECT_TRUE(testing::matches_golden(
        s, std::string("restore/sql2017.") +
               (std::string(format) == "json" ? "json" : "txt")));
    if (std::string(format) == "json" && testing::have_python_jsonschema()) {
      EXPECT_EQ(testing::validate_json(
                    s, testing::schemas_dir() / "restore-plan.schema.json"),
                "");
    }
  }
}

}  // namespace
}  // namespace vssmeta
