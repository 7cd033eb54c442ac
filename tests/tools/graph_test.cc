// SPDX-License-Identifier: MIT
// `vssmeta graph` in-process: goldens for DOT and Mermaid, the views, the
// formats, and the errors.
#include "vssmeta/graph.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "cli/exit_code.h"
#include "tools/cli_runner.h"
#include "vssmeta/graphviz.h"

namespace vssmeta::cli {
namespace {

using testing::matches_golden;
using testing::run_cli;

struct GoldenCase {
  std::vector<std::string> args;
  const char* golden;
};

class GraphGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GraphGolden, MatchesGolden) {
  std::vector<std::string> args = {"graph"};
  args.insert(args.end(), GetParam().args.begin(), GetParam().args.end());
  auto r = run_cli(args);
  EXPECT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(matches_golden(r.out, GetParam().golden));
}

INSTANTIATE_TEST_SUITE_P(
    Views, GraphGolden,
    ::testing::Values(
        GoldenCase{{"graph/deps"}, "graph/deps.dot"},
        GoldenCase{{"graph/deps", "--format", "mermaid"}, "graph/deps.mmd"},
        GoldenCase{{"graph/deps", "--no-selection", "--files", "--no-legend"},
                   "graph/deps-files.dot"},
        GoldenCase{{"graph/deps", "--dependencies", "--no-legend"},
                   "graph/deps-dependencies.dot"},
        GoldenCase{{"graph/deps", "--dependers",
                    "Alpha Writer:\\Server\\Orders", "--no-legend"},
                   "graph/deps-dependers.dot"},
        GoldenCase{{"graph/deps", "--component", "Alpha Writer:\\Server",
                    "--depth", "1", "--no-legend"},
                   "graph/deps-component.dot"},
        GoldenCase{{"graph/deps", "--writer", "Beta Writer", "--no-legend",
                    "--format", "mermaid"},
                   "graph/deps-writer.mmd"},
        GoldenCase{{"capture", "--max-siblings", "2", "--no-legend"},
                   "graph/capture-collapsed.dot"},
        GoldenCase{{"graph/escaping.xml", "--format", "mermaid", "--files"},
                   "graph/escaping.mmd"},
        GoldenCase{{"graph/files.xml", "--files", "--max-files", "2"},
                   "graph/files-max.dot"},
        GoldenCase{{"graph/files.xml", "--files", "--max-files", "0",
                    "--rankdir", "TB", "--no-legend"},
                   "graph/files-all.dot"}));

TEST(Graph, FormatFromExtensionAndAtomicOutput) {
  const testing::TempFolder folder("vssmeta-graph-");
  const auto& dir = folder.path();
  const auto out = dir / "g.mmd";
  auto r = run_cli({"graph", "graph/deps", "-o", out.string()});
  EXPECT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(testing::read_bytes(out).rfind("flowchart LR\n", 0), 0U);
  std::size_t entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1U) << "temporary file left behind";
}

TEST(Graph, UnknownExtensionIsAUsageError) {
  auto r = run_cli({"graph", "graph/deps", "-o", "out.txt"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: cannot tell the format from 'out.txt'; use "
            "--format dot|svg|png|pdf|mermaid\n");
}

TEST(Graph, RefusesBinaryOnATerminal) {
  auto r = run_cli({"graph", "graph/deps", "--format", "png"}, "", true);
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: refusing to write png to a terminal; use -o FILE "
            "or redirect standard output\n");
  EXPECT_EQ(r.out, "");
}

TEST(Graph, UnknownComponentIsAUsageError) {
  auto r = run_cli({"graph", "graph/deps", "--dependers", "Beta Writer:\\X"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: no component 'X' in writer 'Beta Writer'\n");
}

// Numbers out of range are usage errors that say the range: a negative
// --max-siblings used to be taken (as "all"), and --bcd 0 said "not in range
// 0.000000 to 1797693134862315708...".
TEST(Graph, NumbersOutOfRangeAreUsageErrors) {
  struct Case {
    const char* option;
    const char* value;
    const char* message;
  };
  const Case cases[] = {
      {"--max-siblings", "-1",
       "--max-siblings: Value -1 not in range 0 to 1000000"},
      {"--bcd", "0", "--bcd: Value 0 not in range 1 to 1000000"},
      {"--depth", "-1", "--depth: Value -1 not in range 0 to 1000000"},
      {"--max-files", "-3", "--max-files: Value -3 not in range 0 to 1000000"},
  };
  for (const Case& c : cases) {
    auto r = run_cli({"graph", "graph/deps", c.option, c.value});
    EXPECT_EQ(r.exit_code, kExitUsage) << c.option;
    EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
              std::string("vssmeta: error: ") + c.message);
    EXPECT_EQ(r.out, "");
  }
}

TEST(Graph, BcdOutOfRangeIsAUsageError) {
  auto r = run_cli({"graph", "graph/deps", "--bcd", "2"});
  EXPECT_EQ(r.exit_code, kExitUsage);
  EXPECT_EQ(r.err,
            "vssmeta: error: no backup components document #2 (the capture "
            "holds 1)\n");
  EXPECT_EQ(run_cli({"graph", "graph/deps", "--bcd", "1"}).out,
            run_cli({"graph", "graph/deps"}).out);
}

TEST(Graph, MalformedInputFailsWithoutOutput) {
  const testing::TempFolder dir("vssmeta-graph-bad-");
  const auto out = dir.path() / "bad.dot";
  auto r = run_cli({"graph", "invalid/mismatched-tag.xml", "-o", out.string()});
  EXPECT_EQ(r.exit_code, kExitError);
  EXPECT_FALSE(std::filesystem::exists(out));
  // The loader's error, not one about the output format.
  EXPECT_EQ(r.err.rfind("invalid/mismatched-tag.xml:", 0), 0U) << r.err;
}

TEST(Graph, SvgOrAClearErrorWithoutGraphviz) {
  auto r = run_cli({"graph", "graph/deps", "--format", "svg"});
  if (have_graphviz()) {
    EXPECT_EQ(r.exit_code, kExitOk) << r.err;
    EXPECT_NE(r.out.find("<svg"), std::string::npos);
    EXPECT_NE(r.out.find("Beta Writer"), std::string::npos);
  } else {
    EXPECT_EQ(r.exit_code, kExitError);
    EXPECT_EQ(r.err,
              "vssmeta: error: this vssmeta was built without Graphviz and "
              "cannot write svg; write DOT instead (--format dot, or -o "
              "graph.dot) and render it with: dot -Tsvg graph.dot -o "
              "graph.svg\n");
  }
}

TEST(Graph, WriterFilterAcceptsEveryForm) {
  for (const auto& form : testing::writer_forms()) {
    auto r = run_cli({"graph", "--writer", form.spec, "rules/SET002/ok"});
    EXPECT_EQ(r.exit_code, kExitOk) << form.spec << r.err;
    EXPECT_EQ(
        r.out.find("a1f4e2d3-1111-4c5d-8e6f-7a8b9c0d1e2f") != std::string::npos,
        form.one)
        << form.spec;
    EXPECT_EQ(
        r.out.find("a1f4e2d3-2222-4c5d-8e6f-7a8b9c0d1e2f") != std::string::npos,
        form.two)
        << form.spec;
  }
}

}  // namespace
}  // namespace vssmeta::cli
