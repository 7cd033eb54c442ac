// SPDX-License-Identifier: MIT
// The subtle parts of WMD024..WMD044 (rules_wmd2.cc): how file sets and
// dependencies are compared, what is reported once, which hierarchy counts,
// and that the real in-box writers raise no error from these rules. The
// plain trigger/no-trigger cases live in testdata/rules/WMD0NN/.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/parse.h"
#include "vssmeta/validate.h"

namespace vssmeta {
namespace {

constexpr const char* kClass = "3f2b8c1e-7d4a-4e59-9a61-0c8e5b2d7f13";

// A WMD of the fictional Fernhill Archive Writer around `components`.
std::string wmd(const std::string& components, const std::string& root = "",
                const std::string& restore_children = "") {
  std::string rm =
      "<RESTORE_METHOD method=\"RESTORE_IF_CAN_BE_REPLACED\" "
      "writerRestore=\"never\" rebootRequired=\"no\"";
  rm += restore_children.empty() ? "/>"
                                 : ">" + restore_children + "</RESTORE_METHOD>";
  return "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" "
         "version=\"1.2\"" +
         root + "><IDENTIFICATION writerId=\"" + kClass +
         "\" instanceId=\"c0a4e7d2-5b19-4f3e-8d6a-91e2f7b3a845\" "
         "friendlyName=\"Fernhill\" usage=\"USER_DATA\" "
         "dataSource=\"OTHER\"/>" +
         rm + "<BACKUP_LOCATIONS>" + components +
         "</BACKUP_LOCATIONS></WRITER_METADATA>";
}

// A FILE_GROUP; `attrs` go on the element, `body` inside it.
std::string group(const std::string& lp, const std::string& name,
                  bool selectable, const std::string& attrs = "",
                  const std::string& body = "") {
  std::string out = "<FILE_GROUP";
  if (!lp.empty()) out += " logicalPath=\"" + lp + "\"";
  out += " componentName=\"" + name + "\" selectable=\"" +
         (selectable ? "yes" : "no") + "\"" + attrs + ">" + body +
         "</FILE_GROUP>";
  return out;
}

std::string file_list(const std::string& path, const std::string& spec,
                      bool recursive) {
  return "<FILE_LIST path=\"" + path + "\" filespec=\"" + spec +
         "\" recursive=\"" + (recursive ? "yes" : "no") + "\"/>";
}

std::string dependency(const std::string& writer, const std::string& lp,
                       const std::string& name) {
  std::string out = "<DEPENDENCY writerId=\"" + writer + "\"";
  if (!lp.empty()) out += " logicalPath=\"" + lp + "\"";
  return out + " componentName=\"" + name + "\"/>";
}

// The messages of `rule`'s findings for one document.
std::vector<std::string> run(const std::string& rule, const std::string& xml) {
  auto parsed = parse_writer_metadata(xml);
  EXPECT_TRUE(parsed.has_value()) << (parsed ? "" : to_string(parsed.error()));
  if (!parsed) return {};
  CaptureSet capture;
  capture.writers.push_back(std::move(*parsed));
  std::vector<std::string> out;
  for (const Finding& f : validate(capture)) {
    if (f.diagnostic.code == rule) out.push_back(f.diagnostic.message);
  }
  return out;
}

TEST(RulesWmd2Table, SeveritiesFollowTheCatalogue) {
  const std::pair<const char*, Severity> expected[] = {
      {"WMD024", Severity::kError},   {"WMD025", Severity::kError},
      {"WMD026", Severity::kError},   {"WMD027", Severity::kInfo},
      {"WMD028", Severity::kError},   {"WMD029", Severity::kError},
      {"WMD030", Severity::kError},   {"WMD031", Severity::kError},
      {"WMD032", Severity::kWarning}, {"WMD033", Severity::kInfo},
      {"WMD034", Severity::kWarning}, {"WMD035", Severity::kWarning},
      {"WMD036", Severity::kWarning}, {"WMD037", Severity::kInfo},
      {"WMD038", Severity::kInfo},    {"WMD039", Severity::kInfo},
      {"WMD040", Severity::kInfo},    {"WMD041", Severity::kError},
      {"WMD042", Severity::kError},   {"WMD043", Severity::kWarning},
      {"WMD044", Severity::kInfo},
  };
  for (const auto& [id, severity] : expected) {
    const RuleInfo* r = find_rule(id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_EQ(r->severity, severity) << id;
    EXPECT_EQ(r->scope, RuleScope::kWriter) << id;
  }
  EXPECT_EQ(find_rule("WMD045"), nullptr) << "WMD045 is a non-rule";
}

TEST(RulesWmd2Mapping, ComparesPathsLikeWindowsButKeepsRecursion) {
  const std::string files =
      group("", "Data", true, "", file_list(R"(D:\Data)", "*.dat", true));
  // Case and a trailing backslash do not matter...
  EXPECT_TRUE(
      run("WMD024", wmd(files, "",
                        R"(<ALTERNATE_LOCATION_MAPPING path="d:\DATA\" )"
                        R"(filespec="*.DAT" recursive="yes" )"
                        R"(alternatePath="E:\R"/>)"))
          .empty());
  // ...the recursive flag does.
  EXPECT_EQ(run("WMD024", wmd(files, "",
                              R"(<ALTERNATE_LOCATION_MAPPING path="D:\Data" )"
                              R"(filespec="*.dat" alternatePath="E:\R"/>)"))
                .size(),
            1U);
  // Exclude lists are not component file sets.
  EXPECT_EQ(
      run("WMD024",
          wmd(group("", "Data", true) +
                  R"(<EXCLUDE_FILES path="D:\Data" filespec="*.dat" )"
                  R"(recursive="yes"/>)",
              "",
              R"(<ALTERNATE_LOCATION_MAPPING path="D:\Data" )"
              R"(filespec="*.dat" recursive="yes" alternatePath="E:\R"/>)"))
          .size(),
      1U);
}

TEST(RulesWmd2Schema, AbsentSchemaIsZeroAndCombinationsAreChecked) {
  const std::string c = group("", "Data", true);
  for (const char* rule :
       {"WMD028", "WMD029", "WMD030", "WMD031", "WMD032", "WMD033", "WMD034"}) {
    EXPECT_TRUE(run(rule, wmd(c)).empty()) << rule;
  }
  // The real SQL Server writer's 881 = DIFFERENTIAL | COPY | TIMESTAMPED |
  // LAST_MODIFY | NEW_TARGET | RESTORE_WITH_MOVE is consistent.
  const std::string sql = " backupSchema=\"881\"";
  for (const char* rule : {"WMD028", "WMD029", "WMD030", "WMD031"}) {
    EXPECT_TRUE(run(rule, wmd(c, sql)).empty()) << rule;
  }
  // Incremental alone also satisfies TIMESTAMPED and LAST_MODIFY (0x62)...
  EXPECT_TRUE(run("WMD030", wmd(c, " backupSchema=\"98\"")).empty());
  EXPECT_TRUE(run("WMD031", wmd(c, " backupSchema=\"98\"")).empty());
  // ...but not EXCLUSIVE_INCREMENTAL_DIFFERENTIAL, which needs both (0x6).
  EXPECT_EQ(run("WMD029", wmd(c, " backupSchema=\"6\"")).size(), 1U);
  // Every named bit is defined: 0xF7FF raises nothing, 0x0800 does.
  EXPECT_TRUE(run("WMD028", wmd(c, " backupSchema=\"63487\"")).empty());
  EXPECT_EQ(run("WMD028", wmd(c, " backupSchema=\"2048\"")),
            std::vector<std::string>{
                "backup schema 2048 (0x800) of writer Fernhill "
                "{3f2b8c1e-7d4a-4e59-9a61-0c8e5b2d7f13} has undefined bits "
                "0x800"});
}

TEST(RulesWmd2Schema, LogNeedsALogFileInAnyComponent) {
  const std::string log_db =
      "<DATABASE componentName=\"Db\" selectable=\"yes\">"
      "<DATABASE_LOGFILES path=\"D:\\Logs\" filespec=\"*.log\"/></DATABASE>";
  const std::string root = " backupSchema=\"8\"";
  EXPECT_EQ(run("WMD032", wmd(group("", "A", true), root)).size(), 1U);
  // The log file may be in any component, not only the first.
  EXPECT_TRUE(run("WMD032", wmd(group("", "A", true) + log_db, root)).empty());
}

TEST(RulesWmd2Icon, EmptyAndMalformedBase64AreReportedValidIsNot) {
  auto icon = [](const std::string& v) {
    return wmd(group("", "A", true, " icon=\"" + v + "\""));
  };
  EXPECT_TRUE(run("WMD036", icon("AAABAA==")).empty());
  EXPECT_TRUE(run("WMD036", icon("AAAB")).empty());
  EXPECT_EQ(run("WMD036", icon("")).size(), 1U);
  EXPECT_EQ(run("WMD036", icon("AAABA")).size(), 1U);     // length
  EXPECT_EQ(run("WMD036", icon("AA=BAA==")).size(), 1U);  // inner padding
  EXPECT_EQ(run("WMD036", icon("AAAB====")).size(), 1U);  // too much padding
  EXPECT_TRUE(run("WMD036", wmd(group("", "A", true))).empty());
}

TEST(RulesWmd2Selectability, RestoreFlagCountsAncestorsThroughUndeclaredNodes) {
  // "Top" is selectable; "Top\Undeclared\Leaf" has it as an ancestor although
  // the middle element is not a component.
  const std::string leaf =
      group("Top\\Undeclared", "Leaf", false, " selectableForRestore=\"yes\"");
  EXPECT_TRUE(run("WMD038", wmd(group("", "Top", true) + leaf)).empty());
  EXPECT_EQ(run("WMD038", wmd(group("", "Top", false) + leaf)).size(), 1U);
  // A selectable-for-restore ancestor is not enough: backup selectability
  // decides whether the component can be implicit.
  EXPECT_EQ(
      run("WMD038",
          wmd(group("", "Top", false, " selectableForRestore=\"yes\"") + leaf))
          .size(),
      2U);
}

TEST(RulesWmd2Hierarchy, UndeclaredNodeReportedOncePerWriterAnyCase) {
  const auto got = run("WMD039", wmd(group("Volumes", "Volume{1}", true) +
                                     group("VOLUMES", "Volume{2}", true) +
                                     group("Volumes\\", "Volume{3}", true) +
                                     group("", "Disks", false) +
                                     group("Disks", "harddisk0", true)));
  ASSERT_EQ(got.size(), 1U);
  EXPECT_EQ(got[0],
            "logical path element \"Volumes\" of writer Fernhill "
            "{3f2b8c1e-7d4a-4e59-9a61-0c8e5b2d7f13} is not a declared "
            "component (first used by \"Fernhill:\\Volumes\\Volume{1}\")");
}

TEST(RulesWmd2Hierarchy, AmbiguityOnlyForRequiredComponentsWithAncestors) {
  // Top-level required component: no ancestor, no ambiguity.
  EXPECT_TRUE(run("WMD040", wmd(group("", "Executables", false))).empty());
  // Under a selectable component it is a nonselectable subcomponent.
  EXPECT_TRUE(run("WMD040", wmd(group("", "Executables", true) +
                                group("Executables", "ConfigFiles", false)))
                  .empty());
  // A selectable child of a nonselectable parent is optional, not required.
  EXPECT_TRUE(run("WMD040", wmd(group("", "Executables", false) +
                                group("Executables", "ConfigFiles", true)))
                  .empty());
  const auto got =
      run("WMD040", wmd(group("", "Executables", false) +
                        group("Executables", "ConfigFiles", false)));
  ASSERT_EQ(got.size(), 1U);
  EXPECT_NE(got[0].find("\"Fernhill:\\Executables\""), std::string::npos);
}

TEST(RulesWmd2Dependency, DuplicatesCompareIdsByValueAndNamesByCase) {
  const std::string reg = "afbab4a2-367d-4d15-a586-71dbb18f8485";
  const std::string reg_braced_upper = "{AFBAB4A2-367D-4D15-A586-71DBB18F8485}";
  auto deps = [&](const std::string& body) {
    return wmd(group("", "A", true, "", body));
  };
  EXPECT_EQ(run("WMD043", deps(dependency(reg, "", "Registry") +
                               dependency(reg_braced_upper, "", "REGISTRY")))
                .size(),
            1U);
  // An absent and an empty logical path are the same.
  EXPECT_EQ(
      run("WMD043",
          deps(dependency(reg, "", "Registry") + "<DEPENDENCY writerId=\"" +
               reg + "\" logicalPath=\"\" componentName=\"Registry\"/>"))
          .size(),
      1U);
  // Same name under another logical path is another component.
  EXPECT_TRUE(run("WMD043", deps(dependency(reg, "", "Registry") +
                                 dependency(reg, "Hive", "Registry")))
                  .empty());
  // Three copies: two findings, each pointing back at the first.
  const auto three =
      run("WMD043", deps(dependency(reg, "", "R") + dependency(reg, "", "R") +
                         dependency(reg, "", "R")));
  ASSERT_EQ(three.size(), 2U);
  EXPECT_NE(three[1].find("(also at line 1, column"), std::string::npos);
}

TEST(RulesWmd2Dependency, OwnClassMatchesWhateverTheSpelling) {
  const std::string own = "{3F2B8C1E-7D4A-4E59-9A61-0C8E5B2D7F13}";
  EXPECT_EQ(
      run("WMD041", wmd(group("", "A", true, "", dependency(own, "", "B"))))
          .size(),
      1U);
}

TEST(RulesWmd2Dependency, RemoteEitherInPathOrName) {
  const std::string sql = "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a";
  auto one = [&](const std::string& lp, const std::string& name) {
    return run("WMD044",
               wmd(group("", "A", true, "", dependency(sql, lp, name))))
        .size();
  };
  EXPECT_EQ(one("\\\\HOST\\Inst", "Db"), 1U);
  EXPECT_EQ(one("", "\\\\HOST\\Db"), 1U);
  EXPECT_EQ(one("\\HOST\\Inst", "Db"), 0U);  // one backslash: not remote
  EXPECT_EQ(one("HOST", "Db"), 0U);
}

TEST(RulesWmd2RealCapture, InBoxWritersRaiseNoErrorFromTheseRules) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  auto capture =
      load((samples / "diskshadow-ws2012-sql2017").string(), LoadOptions{});
  ASSERT_OK(capture);
  std::size_t notify = 0;
  for (const Finding& f : validate(*capture)) {
    const std::string& id = f.diagnostic.code;
    if (id < "WMD024" || id > "WMD044") continue;
    EXPECT_NE(f.diagnostic.severity, Severity::kError)
        << to_string(f.diagnostic);
    if (id == "WMD037") ++notify;
  }
  // The SQL Server writer sets notifyOnBackupComplete on its databases.
  EXPECT_GT(notify, 0U);
}

}  // namespace
}  // namespace vssmeta
