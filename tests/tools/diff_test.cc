// SPDX-License-Identifier: MIT
// `vssmeta diff` in-process: golden outputs for the pairs in testdata/diff/,
// exit statuses, options, JSON against its schema, and the git diff driver
// in a real repository made in a temp dir.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "tools/cli_runner.h"

namespace vssmeta::cli {
namespace {

using testing::CliResult;
using testing::matches_golden;
using testing::run_cli;

CliResult diff_base(const std::string& other,
                    std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"diff", "--color", "never"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("diff/base.xml");
  args.push_back("diff/" + other);
  return run_cli(args);
}

struct Pair {
  const char* file;
  int exit_code;
};

TEST(DiffCli, GoldenPerPair) {
  const Pair pairs[] = {
      {"component-added.xml", kExitFindings},
      {"component-removed.xml", kExitFindings | kExitSevere},
      {"component-moved.xml", kExitFindings | kExitSevere},
      {"filespec-changed.xml", kExitFindings},
      {"selectability-flipped.xml", kExitFindings | kExitSevere},
      {"restore-method-changed.xml", kExitFindings | kExitSevere},
      {"dependency-changed.xml", kExitFindings},
      {"unknown-content.xml", kExitFindings},
  };
  for (const Pair& p : pairs) {
    const CliResult r = diff_base(p.file);
    EXPECT_EQ(r.exit_code, p.exit_code) << p.file << "\n" << r.err;
    std::string stem(p.file);
    stem.resize(stem.size() - 4);
    EXPECT_TRUE(matches_golden(r.out, "diff/" + stem + ".txt")) << p.file;
  }
}

TEST(DiffCli, SameMeaningExitsZero) {
  for (const char* f : {"same-reordered.xml", "same-utf16le.xml",
                        "same-oneline.xml", "instance-id-changed.xml"}) {
    const CliResult r = diff_base(f);
    EXPECT_EQ(r.exit_code, kExitOk) << f << r.out;
    EXPECT_EQ(r.err, "") << f;
  }
  EXPECT_EQ(diff_base("same-reordered.xml").out,
            "--- diff/base.xml\n+++ diff/same-reordered.xml\nidentical\n");
}

TEST(DiffCli, AllShowsInstanceIds) {
  const CliResult r = diff_base("instance-id-changed.xml", {"--all"});
  EXPECT_EQ(r.exit_code, kExitFindings);
  EXPECT_TRUE(matches_golden(r.out, "diff/instance-id-changed-all.txt"));
}

TEST(DiffCli, CaptureFolders) {
  const CliResult r = run_cli(
      {"diff", "--color", "never", "diff/capture-old", "diff/capture-new"});
  EXPECT_EQ(r.exit_code, kExitFindings | kExitSevere) << r.err;
  EXPECT_TRUE(matches_golden(r.out, "diff/capture.txt"));
  const CliResult brief =
      run_cli({"diff", "--brief", "diff/capture-old", "diff/capture-new"});
  EXPECT_TRUE(matches_golden(brief.out, "diff/capture-brief.txt"));
  const CliResult stat =
      run_cli({"diff", "--stat", "diff/capture-old", "diff/capture-new"});
  EXPECT_TRUE(matches_golden(stat.out, "diff/capture-stat.txt"));
}

TEST(DiffCli, StatByComponentAndDirectory) {
  const CliResult stat = run_cli(
      {"diff", "--stat=component", "diff/capture-old", "diff/capture-new"});
  EXPECT_EQ(stat.exit_code, kExitFindings | kExitSevere) << stat.err;
  EXPECT_TRUE(matches_golden(stat.out, "diff/capture-stat-component.txt"));
  EXPECT_EQ(
      run_cli({"diff", "--stat=writer", "diff/capture-old", "diff/capture-new"})
          .out,
      run_cli({"diff", "--stat", "diff/capture-old", "diff/capture-new"}).out);
  const CliResult bad =
      run_cli({"diff", "--stat=file", "diff/capture-old", "diff/capture-new"});
  EXPECT_EQ(bad.exit_code, kExitUsage);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err.substr(0, bad.err.find('\n')),
            "vssmeta: error: --stat: file not in {writer,component}");
}

// The ASR writer after its disks were renumbered and its D: volume was
// recreated: the signatures are notable, the volume is one change.
TEST(DiffCli, AsrDisksRenumberedAndVolumeRecreated) {
  const CliResult r = run_cli({"diff", "--color", "never", "wmd/asr-writer.xml",
                               "diff/asr-disks-renumbered.xml"});
  EXPECT_EQ(r.exit_code, kExitFindings) << r.err;
  EXPECT_TRUE(matches_golden(r.out, "diff/asr-disks-renumbered.txt"));
}

TEST(DiffCli, BcdPairs) {
  const CliResult changed =
      run_cli({"diff", "--color", "never", "diff/bcd-base.xml",
               "diff/bcd-changed.xml"});
  EXPECT_EQ(changed.exit_code, kExitFindings);
  EXPECT_TRUE(matches_golden(changed.out, "diff/bcd-changed.txt"));
  const CliResult restore =
      run_cli({"diff", "--color", "never", "diff/bcd-base.xml",
               "diff/bcd-restore.xml"});
  EXPECT_EQ(restore.exit_code, kExitFindings);
  EXPECT_TRUE(matches_golden(restore.out, "diff/bcd-restore.txt"));
}

TEST(DiffCli, JsonMatchesGoldenAndSchema) {
  const CliResult r = run_cli(
      {"diff", "--format", "json", "diff/capture-old", "diff/capture-new"});
  EXPECT_EQ(r.exit_code, kExitFindings | kExitSevere);
  EXPECT_TRUE(matches_golden(r.out, "diff/capture.json"));
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["breaking"], 2);
  if (!testing::have_python_jsonschema()) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available";
  }
  EXPECT_EQ(testing::validate_json(r.out,
                                   testing::schemas_dir() / "diff.schema.json"),
            "");
}

TEST(DiffCli, IgnoreSuppressesAndCanClearTheBreakingBit) {
  const CliResult r = diff_base("restore-method-changed.xml",
                                {"--ignore", "method", "--ignore", "writer*"});
  EXPECT_EQ(r.exit_code, kExitFindings);
  EXPECT_EQ(r.out.substr(r.out.find("writer \"")),
            "writer \"Fernwood Archive Writer\"\n"
            "  ~ rebootRequired: no \u2192 yes  [notable]\n\n"
            "1 change: 0 breaking, 1 notable, 0 cosmetic; 2 ignored "
            "(--ignore)\n");
}

// -q means what it means in every command: no warnings, the results stay.
TEST(DiffCli, QuietKeepsTheResultsAndDropsWarnings) {
  const CliResult r = diff_base("component-removed.xml", {"-q"});
  EXPECT_EQ(r.exit_code, kExitFindings | kExitSevere);
  EXPECT_EQ(r.out, diff_base("component-removed.xml", {}).out);
  EXPECT_NE(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST(DiffCli, ColorAlwaysAndAutoOnATerminal) {
  const CliResult always =
      run_cli({"diff", "--color", "always", "diff/base.xml",
               "diff/component-removed.xml"});
  EXPECT_NE(always.out.find("\x1b[31m-\x1b[0m COMPONENT"), std::string::npos);
  const CliResult piped =
      run_cli({"diff", "diff/base.xml", "diff/component-removed.xml"});
  EXPECT_EQ(piped.out.find('\x1b'), std::string::npos);
}

TEST(DiffCli, OutputFileIsWrittenWhole) {
  const testing::TempFolder dir("vssmeta-diff-cli-output-");
  const auto out = dir.path() / "out.txt";
  const CliResult r = diff_base("component-moved.xml", {"-o", out.string()});
  EXPECT_EQ(r.exit_code, kExitFindings | kExitSevere);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(
      matches_golden(testing::read_bytes(out), "diff/component-moved.txt"));
}

TEST(DiffCli, AWriterDocumentAgainstABackupDocumentIsAUsageError) {
  CliResult r = run_cli({"diff", "diff/base.xml", "diff/bcd-base.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "vssmeta: error: diff/base.xml holds only writer metadata "
            "documents and diff/bcd-base.xml only backup components "
            "documents: diff compares documents of one kind\n");
  // A folder holding both kinds compares with either.
  EXPECT_NE(
      run_cli({"diff", "diff/capture-old", "diff/bcd-base.xml"}).exit_code,
      kExitUsage);
}

TEST(DiffCli, UsageAndInputErrors) {
  CliResult r = run_cli({"diff", "diff/base.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: diff wants OLD NEW (or git's 7 or 9 "
            "external-diff arguments), got 1 path\n");
  r = run_cli({"diff", "--brief", "--stat", "diff/base.xml", "diff/base.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  r = run_cli(
      {"diff", "--format", "json", "--stat", "diff/base.xml", "diff/base.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: --brief and --stat are text layouts; JSON has "
            "one\n");
  EXPECT_EQ(r.out, "");
  r = run_cli({"diff", "-", "-"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  r = run_cli({"diff", "--format", "yaml", "diff/base.xml", "diff/base.xml"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  r = run_cli({"diff", "diff/base.xml", "invalid/truncated.xml"});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("invalid/truncated.xml:", 0), 0U) << r.err;
  r = run_cli({"diff", "diff/base.xml", "diff/no-such-file.xml"});
  EXPECT_EQ(r.exit_code, kExitError);
}

TEST(DiffCli, StdinIsOneSide) {
  const std::string text = testing::read_bytes(
      testing::testdata_dir() / "diff" / "selectability-flipped.xml");
  const CliResult r = run_cli({"diff", "--brief", "diff/base.xml", "-"}, text);
  EXPECT_EQ(r.exit_code, kExitFindings | kExitSevere) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "~ Fernwood Archive Writer:\\Config selectable: yes \u2192 no  "
            "[breaking]");
}

TEST(DiffCli, GitExternalDiffArguments) {
  // path old-file old-hex old-mode new-file new-hex new-mode
  const CliResult r = run_cli(
      {"diff", "--color", "never", "writer.xml", "diff/base.xml", "1111111",
       "100644", "diff/component-removed.xml", "2222222", "100644"});
  EXPECT_EQ(r.exit_code, kExitOk);  // git wants 0 from an external diff
  EXPECT_TRUE(matches_golden(r.out, "diff/git-external.txt"));
  // A rename: two more arguments, the new path and git's message.
  const CliResult renamed = run_cli(
      {"diff", "--stat", "old.xml", "diff/base.xml", "1111111", "100644",
       "diff/base.xml", "1111111", "100644", "new.xml", "similarity 100%"});
  EXPECT_EQ(renamed.exit_code, kExitOk);
  EXPECT_EQ(renamed.out, "--- a/old.xml\n+++ b/new.xml\nidentical\n");
  // A new file: the old side is /dev/null.
  const CliResult added =
      run_cli({"diff", "--stat", "writer.xml", "/dev/null", ".", ".",
               "diff/base.xml", "2222222", "100644"});
  EXPECT_EQ(added.exit_code, kExitOk);
  EXPECT_EQ(added.out,
            "--- a/writer.xml\n+++ b/writer.xml\n"
            "writer \"Fernwood Archive Writer\": 1 change: 0 breaking, 1 "
            "notable, 0 cosmetic\n1 change: 0 breaking, 1 notable, 0 "
            "cosmetic\n");
}

#ifdef VSSMETA_CLI_PATH
// Runs `command` in a shell; returns its exit status.
int sh(const std::string& command) {
  return std::system(command.c_str());  // NOLINT(cert-env33-c)
}

TEST(DiffCli, WorksAsAGitDiffDriverInARealRepository) {
  if (sh("git --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no git";
  const testing::TempFolder folder("vssmeta-diff-git-test-");
  const auto& repo = folder.path();
  const auto data = testing::testdata_dir() / "diff";
  const std::string q = "'" + repo.string() + "'";
  const std::string bin = std::string("'") + VSSMETA_CLI_PATH + "'";
  const std::string setup =
      "cd " + q +
      " && git init -q && git config user.email t@example.invalid"
      " && git config user.name t"
      " && printf '*.xml diff=vssmeta\\n' > .gitattributes"
      // The lines README.md documents:
      " && git config diff.vssmeta.command \"" +
      bin +
      " diff --color never\""
      " && git config diff.vssmeta.textconv \"" +
      bin +
      " dump --color never\""
      " && cp '" +
      (data / "base.xml").string() +
      "' writer.xml"
      " && git add . && git commit -qm one"
      " && cp '" +
      (data / "selectability-flipped.xml").string() + "' writer.xml";
  ASSERT_EQ(sh(setup), 0);
  ASSERT_EQ(sh("cd " + q + " && git diff > ext.out"), 0);
  EXPECT_TRUE(matches_golden(testing::read_bytes(repo / "ext.out"),
                             "diff/git-repo.txt"));
  // --no-ext-diff: git's own line diff of `vssmeta dump` (textconv).
  ASSERT_EQ(sh("cd " + q + " && git diff --no-ext-diff > conv.out"), 0);
  const std::string conv = testing::read_bytes(repo / "conv.out");
  EXPECT_NE(conv.find("diff --git a/writer.xml b/writer.xml"),
            std::string::npos)
      << conv;
  EXPECT_NE(conv.find("\n-"), std::string::npos) << conv;
  EXPECT_NE(conv.find("\n+"), std::string::npos) << conv;
  // A new file: git passes /dev/null as the old side.
  ASSERT_EQ(sh("cd " + q + " && cp '" + (data / "bcd-base.xml").string() +
               "' backup.xml && git add backup.xml"
               " && git diff --cached -- backup.xml > new.out"),
            0);
  const std::string added = testing::read_bytes(repo / "new.out");
  EXPECT_NE(added.find("--- a/backup.xml\n+++ b/backup.xml\n"),
            std::string::npos)
      << added;
  EXPECT_NE(added.find("+ BACKUP_COMPONENTS: 2 writers  [notable]"),
            std::string::npos)
      << added;
}

// The forms docs/commands.md documents for history: git runs a driver's
// `command` in the log family only with --ext-diff; without it, textconv.
TEST(DiffCli, GitLogAndShowUseTheDriverWithExtDiffAndTextconvWithout) {
  if (sh("git --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no git";
  const testing::TempFolder folder("vssmeta-diff-git-log-test-");
  const auto& repo = folder.path();
  const auto data = testing::testdata_dir() / "diff";
  const std::string q = "'" + repo.string() + "'";
  const std::string bin = std::string("'") + VSSMETA_CLI_PATH + "'";
  const std::string setup =
      "cd " + q +
      " && git init -q && git config user.email t@example.invalid"
      " && git config user.name t && git config core.pager cat"
      " && printf '*.xml diff=vssmeta\\n' > .gitattributes"
      " && git config diff.vssmeta.command \"" +
      bin +
      " diff --color never\""
      " && git config diff.vssmeta.textconv \"" +
      bin +
      " dump --color never\""
      " && cp '" +
      (data / "base.xml").string() +
      "' writer.xml && git add . && git commit -qm one"
      " && cp '" +
      (data / "selectability-flipped.xml").string() +
      "' writer.xml && git commit -qam two";
  ASSERT_EQ(sh(setup), 0);
  const std::string semantic = testing::read_bytes(
      testing::testdata_dir() / "expected" / "diff" / "git-repo.txt");
  const auto run_git = [&](const std::string& args, const std::string& out) {
    EXPECT_EQ(sh("cd " + q + " && git " + args + " > " + out), 0) << args;
    return testing::read_bytes(repo / out);
  };
  // --ext-diff: the semantic diff, in the log and in show.
  const std::string log_ext = run_git("log -p --ext-diff -1", "log-ext.out");
  EXPECT_NE(log_ext.find(semantic), std::string::npos) << log_ext;
  const std::string show_ext = run_git("show --ext-diff HEAD", "show-ext.out");
  EXPECT_NE(show_ext.find(semantic), std::string::npos) << show_ext;
  // Without it: git's line diff of `vssmeta dump` (textconv), not the XML.
  const std::string log_conv = run_git("log -p -1", "log-conv.out");
  EXPECT_EQ(log_conv.find("~ selectable: yes"), std::string::npos) << log_conv;
  EXPECT_NE(log_conv.find("diff --git a/writer.xml b/writer.xml"),
            std::string::npos)
      << log_conv;
  EXPECT_NE(log_conv.find("\n-    \\Config      [filegroup, selectable]"),
            std::string::npos)
      << log_conv;
  EXPECT_NE(log_conv.find("\n+    \\Config      [filegroup, not selectable]"),
            std::string::npos)
      << log_conv;
  EXPECT_EQ(log_conv.find("<WRITER_METADATA"), std::string::npos) << log_conv;
  const std::string show_conv = run_git("show HEAD", "show-conv.out");
  EXPECT_NE(show_conv.find("\n+    \\Config      [filegroup, not selectable]"),
            std::string::npos)
      << show_conv;
  EXPECT_EQ(show_conv.find("~ selectable: yes"), std::string::npos)
      << show_conv;
}
#endif

// One side rebuilt from diskshadow's text (issue #13): the diff says so and
// leaves out what the text never carries (usage, data source, version,
// schema, restore service, flags, recursion, database file kinds); what it
// does carry is compared. JSON matches its schema.
TEST(DiffCli, XmlAgainstTextSaysWhichSideWasReconstructed) {
  const CliResult r =
      run_cli({"diff", "capture/WM5.xml", "status/diskshadow-metadata.txt"});
  EXPECT_EQ(r.exit_code, kExitFindings | kExitSevere) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(matches_golden(r.out, "diff/xml-vs-text.txt"));
  for (const char* field : {"usage", "dataSource", "majorVersion",
                            "backupSchema", "recursive", "componentFlags"}) {
    EXPECT_EQ(r.out.find(field), std::string::npos) << field;
  }
  // Both sides from XML: no such change.
  const CliResult xml = run_cli({"diff", "capture/WM5.xml", "capture/WM5.xml"});
  EXPECT_EQ(xml.out.find("reconstructedFromText"), std::string::npos);
  const CliResult json = run_cli({"diff", "--format", "json", "capture/WM5.xml",
                                  "status/diskshadow-metadata.txt"});
  EXPECT_NE(json.out.find("\"field\": \"reconstructedFromText\""),
            std::string::npos)
      << json.out;
  if (!testing::have_python_jsonschema()) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available";
  }
  EXPECT_EQ(testing::validate_json(json.out,
                                   testing::schemas_dir() / "diff.schema.json"),
            "");
}

}  // namespace
}  // namespace vssmeta::cli
