// SPDX-License-Identifier: MIT
// The diff renderers on a hand-built MetadataDiff: grouping, markers,
// before → after, colour, the summary, and JSON against its schema.
#include "vssmeta/diff_report.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace vssmeta {
namespace {

Change make(ChangeKind kind, Impact impact, std::string writer,
            std::string component, std::string field,
            std::optional<std::string> before,
            std::optional<std::string> after) {
  Change c;
  c.kind = kind;
  c.impact = impact;
  c.writer = std::move(writer);
  c.component = std::move(component);
  c.field = std::move(field);
  c.before = std::move(before);
  c.after = std::move(after);
  return c;
}

MetadataDiff sample() {
  MetadataDiff d;
  d.changes.push_back(make(ChangeKind::kModified, Impact::kBreaking, "W", "",
                           "method", "A", "B"));
  d.changes.push_back(make(ChangeKind::kAdded, Impact::kNotable, "W", "C",
                           "FILE_LIST", std::nullopt, "c:\\x\\*"));
  d.changes.push_back(make(ChangeKind::kMoved, Impact::kBreaking, "W", "New\\D",
                           "logicalPath", "Old", "New"));
  Change bcd = make(ChangeKind::kModified, Impact::kCosmetic, "", "", "caption",
                    std::nullopt, "x");
  bcd.document = DocumentKind::kBackupComponents;
  d.changes.push_back(bcd);
  d.hidden = 2;
  d.ignored = 1;
  return d;
}

TEST(DiffReport, TextGroupsByWriterThenComponent) {
  std::ostringstream out;
  DiffReportOptions o;
  o.before_name = "old";
  o.after_name = "new";
  o.hidden_note = "--all shows them";
  o.ignored_note = "--ignore";
  write_diff(sample(), out, o);
  EXPECT_EQ(out.str(),
            "--- old\n+++ new\n"
            "writer \"W\"\n"
            "  ~ method: A \u2192 B  [breaking]\n"
            "  W:\\C\n"
            "    + FILE_LIST: c:\\x\\*  [notable]\n"
            "  W:\\New\\D\n"
            "    > logicalPath: Old \u2192 New  [breaking]\n"
            "backup components\n"
            "  ~ caption: (absent) \u2192 x  [cosmetic]\n"
            "\n"
            "4 changes: 2 breaking, 1 notable, 1 cosmetic; 2 hidden (instance "
            "and snapshot set ids, --all shows them); 1 ignored (--ignore)\n");
}

TEST(DiffReport, IdenticalSaysSo) {
  std::ostringstream out;
  write_diff(MetadataDiff{}, out);
  EXPECT_EQ(out.str(), "identical\n");
  std::ostringstream brief;
  write_diff(MetadataDiff{}, brief,
             DiffReportOptions{.format = DiffFormat::kBrief});
  EXPECT_EQ(brief.str(), "identical\n");
}

TEST(DiffReport, SummaryStatesHiddenAndIgnoredWithoutNotes) {
  MetadataDiff d;
  d.hidden = 2;
  d.ignored = 1;
  std::ostringstream out;
  write_diff(d, out, DiffReportOptions{.format = DiffFormat::kStat});
  EXPECT_EQ(out.str(),
            "identical; 2 hidden (instance and snapshot set ids); 1 ignored\n");
}

TEST(DiffReport, ColourMarksKindsAndBreaking) {
  std::ostringstream out;
  DiffReportOptions o;
  o.color = true;
  write_diff(sample(), out, o);
  EXPECT_NE(out.str().find("\x1b[33m~\x1b[0m method"), std::string::npos);
  // Bold red, written by fmt as two sequences.
  EXPECT_NE(out.str().find("\x1b[1m\x1b[31m[breaking]\x1b[0m"),
            std::string::npos);
  EXPECT_NE(out.str().find("\x1b[32m+\x1b[0m"), std::string::npos);
  EXPECT_NE(out.str().find("\x1b[36m>\x1b[0m logicalPath"), std::string::npos);
  EXPECT_NE(out.str().find("\x1b[1mwriter \"W\"\x1b[0m\n"), std::string::npos);
}

TEST(DiffReport, BriefIsOneLinePerChange) {
  std::ostringstream out;
  write_diff(sample(), out, DiffReportOptions{.format = DiffFormat::kBrief});
  EXPECT_EQ(out.str().substr(0, out.str().find("4 changes")),
            "~ W method: A \u2192 B  [breaking]\n"
            "+ W:\\C FILE_LIST: c:\\x\\*  [notable]\n"
            "> W:\\New\\D logicalPath: Old \u2192 New  [breaking]\n"
            "~ bcd caption: (absent) \u2192 x  [cosmetic]\n");
}

TEST(DiffReport, StatCountsPerWriter) {
  std::ostringstream out;
  write_diff(sample(), out, DiffReportOptions{.format = DiffFormat::kStat});
  EXPECT_EQ(out.str().substr(0, out.str().find("4 changes")),
            "writer \"W\": 3 changes: 2 breaking, 1 notable, 0 cosmetic\n"
            "backup components: 1 change: 0 breaking, 0 notable, 1 cosmetic\n");
}

// --stat=component: each writer's line, then its components (the writer
// itself as "(writer)", the BCD itself as "(document)") and, below a
// component, the directories its file set changes are in, by kind.
TEST(DiffReport, StatByComponentCountsComponentsAndDirectories) {
  MetadataDiff d = sample();
  d.changes[1].directory = "c:\\x";
  Change more = make(ChangeKind::kRemoved, Impact::kNotable, "W", "C",
                     "FILE_LIST", "C:\\X\\a.txt", std::nullopt);
  more.directory = "C:\\X\\";
  Change root = make(ChangeKind::kAdded, Impact::kNotable, "W", "C",
                     "FILE_LIST", std::nullopt, "C:\\*.ini");
  root.directory = "C:\\";
  d.changes.insert(d.changes.begin() + 2, {more, root});
  std::ostringstream out;
  write_diff(d, out,
             DiffReportOptions{.format = DiffFormat::kStat,
                               .stat_detail = StatDetail::kComponent});
  EXPECT_EQ(out.str().substr(0, out.str().find("6 changes")),
            "writer \"W\": 5 changes: 2 breaking, 3 notable, 0 cosmetic\n"
            "  (writer): 1 change: 1 breaking, 0 notable, 0 cosmetic\n"
            "  W:\\C: 3 changes: 0 breaking, 3 notable, 0 cosmetic\n"
            "    C:\\: 1 added\n"
            "    c:\\x: 1 added, 1 removed\n"
            "  W:\\New\\D: 1 change: 1 breaking, 0 notable, 0 cosmetic\n"
            "backup components: 1 change: 0 breaking, 0 notable, 1 cosmetic\n"
            "  (document): 1 change: 0 breaking, 0 notable, 1 cosmetic\n");
}

// Names and values come from untrusted documents: an escape sequence or a
// line break in them must neither reach a terminal raw nor split a line.
TEST(DiffReport, ControlCharactersInNamesAndValuesAreEscaped) {
  MetadataDiff d;
  d.changes.push_back(make(ChangeKind::kModified, Impact::kCosmetic,
                           "W\x1b[31m\nx", "C\x07", "caption", "a\rb",
                           "\x1b]0;t\x07"));
  DiffReportOptions o;
  o.before_name = "o\x1bld";
  o.after_name = "new";
  std::ostringstream text;
  write_diff(d, text, o);
  EXPECT_EQ(text.str(),
            "--- o\\x1bld\n+++ new\n"
            "writer \"W\\x1b[31m\\nx\"\n"
            "  W\\x1b[31m\\nx:\\C\\x07\n"
            "    ~ caption: a\\rb \u2192 \\x1b]0;t\\x07  [cosmetic]\n"
            "\n1 change: 0 breaking, 0 notable, 1 cosmetic\n");
  std::ostringstream brief;
  write_diff(d, brief, DiffReportOptions{.format = DiffFormat::kBrief});
  EXPECT_EQ(brief.str(),
            "~ W\\x1b[31m\\nx:\\C\\x07 caption: a\\rb \u2192 "
            "\\x1b]0;t\\x07  [cosmetic]\n"
            "1 change: 0 breaking, 0 notable, 1 cosmetic\n");
  std::ostringstream stat;
  write_diff(d, stat, DiffReportOptions{.format = DiffFormat::kStat});
  EXPECT_EQ(stat.str(),
            "writer \"W\\x1b[31m\\nx\": 1 change: 0 breaking, 0 notable, 1 "
            "cosmetic\n1 change: 0 breaking, 0 notable, 1 cosmetic\n");
}

TEST(DiffReport, JsonLeavesOutAbsentValuesAndMatchesTheSchema) {
  std::ostringstream out;
  DiffReportOptions o;
  o.before_name = "a";
  o.after_name = "b";
  o.format = DiffFormat::kJson;
  write_diff(sample(), out, o);
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["format"], "vssmeta-diff");
  EXPECT_EQ(j["summary"]["breaking"], 2);
  EXPECT_EQ(j["summary"]["hidden"], 2);
  EXPECT_FALSE(j["identical"].get<bool>());
  ASSERT_EQ(j["changes"].size(), 4U);
  EXPECT_FALSE(j["changes"][1].contains("before"));
  EXPECT_EQ(j["changes"][2]["kind"], "moved");
  EXPECT_EQ(j["changes"][2]["path"], "W:\\New\\D");
  EXPECT_EQ(j["changes"][3]["document"], "bcd");
  EXPECT_FALSE(j["changes"][1].contains("directory"));
  if (!testing::have_python_jsonschema()) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available";
  }
  EXPECT_EQ(testing::validate_json(out.str(),
                                   testing::schemas_dir() / "diff.schema.json"),
            "");
}

}  // namespace
}  // namespace vssmeta
