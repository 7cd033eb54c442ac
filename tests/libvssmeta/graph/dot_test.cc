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
