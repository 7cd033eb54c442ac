// SPDX-License-Identifier: MIT
// write_graph() in DOT and Mermaid.
#include "vssmeta/dot.h"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace vssmeta {
namespace {

using testing::matches_golden;

ComponentGraph load_graph(const char* relative, GraphOptions options = {}) {
  auto capture = load((testing::testdata_dir() / relative).string(), {});
  EXPECT_TRUE(capture.has_value());
  auto g = build_component_graph(*capture, options);
  EXPECT_TRUE(g.has_value());
  ComponentGraph out = g ? std::move(*g) : ComponentGraph{};
  out.backup_source = "backup.xml";  // portable goldens
  return out;
}

std::string dot_of(const ComponentGraph& g, DotOptions o = {}) {
  std::ostringstream out;
  write_graph(g, out, o);
  return out.str();
}

std::string mermaid_of(const ComponentGraph& g, DotOptions o = {}) {
  o.format = GraphFormat::kMermaid;
  return dot_of(g, o);
}

TEST(WriteGraphDot, DependencyCaptureMatchesGolden) {
  const ComponentGraph g = load_graph("graph/deps");
  const std::string dot = dot_of(g);
  EXPECT_TRUE(matches_golden(dot, "graph/lib-deps.dot"));
  EXPECT_EQ(dot, dot_of(load_graph("graph/deps"))) << "not deterministic";
}

// Writers rebuilt from diskshadow's text: their node and cluster say so,
// in DOT and in Mermaid; writers read from XML do not.
TEST(WriteGraphDot, WritersReconstructedFromTextAreLabelled) {
  const ComponentGraph g = load_graph("status/diskshadow-metadata.txt");
  const std::string note =
      "reconstructed from text (line 10): only what diskshadow printed is "
      "known";
  const std::string dot = dot_of(g);
  EXPECT_NE(dot.find("label=\"SqlServerWriter\\n" + note + "\"; style="),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("{a65faa63-5ea8-4ebc-9dbd-a0c4db26912a}\\n" + note),
            std::string::npos);
  EXPECT_NE(mermaid_of(g).find("[\"SqlServerWriter<br/>" + note + "\"]"),
            std::string::npos)
      << mermaid_of(g);
  EXPECT_EQ(dot_of(load_graph("graph/deps")).find("reconstructed from text"),
            std::string::npos);
}

// The legend shows the styles the drawing uses, and no others.
TEST(WriteGraphDot, LegendShowsOnlyUsedStyles) {
  GraphOptions files;
  files.show_files = true;
  files.max_files = 1;
  const std::string with_files = dot_of(load_graph("graph/files.xml", files));
  for (const char* used :
       {"legend:01writer", "legend:04selectable", "legend:11more",
        "legend:12directory", "legend:contains-from"}) {
    EXPECT_NE(with_files.find(used), std::string::npos) << used;
  }
  for (const char* unused :
       {"legend:02path", "legend:03required", "legend:08database",
        "legend:10missing", "legend:13explicit", "legend:depends-from"}) {
    EXPECT_EQ(with_files.find(unused), std::string::npos) << unused;
  }
  const std::string deps = dot_of(load_graph("graph/deps"));
  EXPECT_NE(deps.find("legend:08database"), std::string::npos);
  EXPECT_NE(deps.find("legend:depends-from"), std::string::npos);
  EXPECT_EQ(deps.find("legend:12directory"), std::string::npos);
  EXPECT_EQ(deps.find("legend:11more"), std::string::npos);
}

// LR turns a TB layout: siblings go in reverse so that they read top-down
// in dump's order; TB keeps dump's order left to right.
TEST(WriteGraphDot, SiblingsFollowDumpOrder) {
  GraphOptions files;
  files.show_files = true;
  const ComponentGraph g = load_graph("graph/files.xml", files);
  DotOptions lr;
  lr.legend = false;
  const std::string left_right = dot_of(g, lr);
  ASSERT_NE(left_right.find("|c:\\\\prog\\\\share\" ["), std::string::npos);
  ASSERT_NE(left_right.find("|c:\\\\prog\\\\bin\" ["), std::string::npos);
  EXPECT_LT(left_right.find("|c:\\\\prog\\\\share\" ["),
            left_right.find("|c:\\\\prog\\\\bin\" ["));
  DotOptions tb = lr;
  tb.rankdir = "TB";
  const std::string top_bottom = dot_of(g, tb);
  EXPECT_GT(top_bottom.find("|c:\\\\prog\\\\share\" ["),
            top_bottom.find("|c:\\\\prog\\\\bin\" ["));
}

TEST(WriteGraphDot, EscapingCaptureMatchesGolden) {
  DotOptions o;
  o.legend = false;
  GraphOptions files;
  files.show_files = true;
  EXPECT_TRUE(matches_golden(dot_of(load_graph("graph/escaping.xml", files), o),
                             "graph/lib-escaping.dot"));
}

TEST(WriteGraphDot, CommentIsTheFirstLineOrNone) {
  const ComponentGraph g;
  EXPECT_EQ(dot_of(g).substr(0, 41),
            "// component graph (libvssmeta)\ndigraph \"");
  DotOptions o;
  o.comment = "made by a tool";
  EXPECT_EQ(dot_of(g, o).substr(0, 26), "// made by a tool\ndigraph ");
  o.comment.clear();
  EXPECT_EQ(dot_of(g, o).substr(0, 9), "digraph \"");
}

TEST(WriteGraphDot, EveryLineOfAnIdIsQuoted) {
  ComponentGraph g;
  GraphNode& n = g.nodes.emplace_back();
  n.id = "c:w:a\"b\\";
  n.kind = GraphNodeKind::kComponent;
  n.label = "x\x01y";
  DotOptions o;
  o.legend = false;
  const std::string dot = dot_of(g, o);
  EXPECT_NE(dot.find("  \"c:w:a\\\"b\\\\\" [label=\"x\\\\x01y\\n0 files\""),
            std::string::npos)
      << dot;
}

TEST(WriteGraphMermaid, DependencyCaptureMatchesGolden) {
  const ComponentGraph g = load_graph("graph/deps");
  EXPECT_TRUE(matches_golden(mermaid_of(g), "graph/lib-deps.mmd"));
}

TEST(WriteGraphMermaid, EscapingCaptureMatchesGolden) {
  DotOptions o;
  o.legend = false;
  const std::string text = mermaid_of(load_graph("graph/escaping.xml"), o);
  EXPECT_EQ(text.find("\"Odd \"W"), std::string::npos);
  EXPECT_NE(text.find("Odd #quot;Writer#quot; \\ {x} #lt;y#gt;"),
            std::string::npos)
      << text;
  EXPECT_TRUE(matches_golden(text, "graph/lib-escaping.mmd"));
}

}  // namespace
}  // namespace vssmeta
