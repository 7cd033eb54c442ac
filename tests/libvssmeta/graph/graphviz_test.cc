// SPDX-License-Identifier: MIT
// render_graphviz(): SVG parsed as XML (pugixml as the oracle), formats,
// errors, and the real diskshadow capture when ../shared/vss-samples exists.
#include "vssmeta/graphviz.h"

#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "support/test_support.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/dot.h"

namespace vssmeta {
namespace {

std::string dot_of(const ComponentGraph& g, const DotOptions& o = {}) {
  std::ostringstream out;
  write_graph(g, out, o);
  return out.str();
}

#define VSSMETA_REQUIRE_GRAPHVIZ() \
  if (!have_graphviz()) GTEST_SKIP() << "built without Graphviz"

struct Svg {
  pugi::xml_document doc;
  std::size_t count(const char* cls) const {
    return doc
        .select_nodes(
            (std::string("//*[local-name()='g'][@class='") + cls + "']")
                .c_str())
        .size();
  }
  // Every <text> of the drawing, in document order.
  std::multiset<std::string> texts() const {
    std::multiset<std::string> out;
    for (auto t : doc.select_nodes("//*[local-name()='text']")) {
      out.insert(t.node().child_value());
    }
    return out;
  }
};

void parse_svg(const std::string& svg, Svg& out) {
  const pugi::xml_parse_result r = out.doc.load_string(svg.c_str());
  ASSERT_TRUE(r) << r.description();
}

ComponentGraph graph_of(const std::filesystem::path& path,
                        GraphOptions options = {}) {
  auto capture = load(path.string(), {});
  EXPECT_TRUE(capture.has_value());
  auto g = build_component_graph(*capture, options);
  EXPECT_TRUE(g.has_value());
  return g ? std::move(*g) : ComponentGraph{};
}

TEST(RenderGraphviz, WithoutGraphvizIsUnsupported) {
  if (have_graphviz()) GTEST_SKIP() << "built with Graphviz";
  auto r = render_graphviz("digraph { a -> b }", "svg");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(r.error().message,
            "libvssmeta was built without Graphviz; cannot render 'svg'");
  auto direct = render_component_graph(ComponentGraph{}, "png");
  ASSERT_FALSE(direct.has_value());
  EXPECT_EQ(direct.error().code, ErrorCode::kUnsupported);
}

TEST(RenderGraphviz, SvgHasEveryNodeEdgeAndCluster) {
  VSSMETA_REQUIRE_GRAPHVIZ();
  const ComponentGraph g = graph_of(testing::testdata_dir() / "graph/deps");
  DotOptions o;
  o.legend = false;
  auto svg = render_graphviz(dot_of(g, o), "svg");
  ASSERT_OK(svg);
  Svg parsed;
  parse_svg(*svg, parsed);
  EXPECT_EQ(parsed.count("node"), g.nodes.size());
  EXPECT_EQ(parsed.count("edge"), g.edges.size());
  EXPECT_EQ(parsed.count("cluster"), 2U);
  const auto texts = parsed.texts();
  EXPECT_EQ(texts.count("Beta Writer:\\Gone\\Nope"), 1U);
  EXPECT_EQ(texts.count("implicit"), 1U);
}

// deps draws: writer, path element, selectable for restore, component set,
// member, database, dependency target, explicit, implicit, not included; no
// "+N more", no directory, no selectable component outside a set (and with
// a BCD the selection samples stand for plain components). Plus two points
// for each of its two edge kinds.
constexpr std::size_t kDepsLegendNodes = 10 + 4;

TEST(RenderGraphviz, LegendAddsItsNodesAndEdges) {
  VSSMETA_REQUIRE_GRAPHVIZ();
  const ComponentGraph g = graph_of(testing::testdata_dir() / "graph/deps");
  auto svg = render_graphviz(dot_of(g), "svg");
  ASSERT_OK(svg);
  Svg parsed;
  parse_svg(*svg, parsed);
  EXPECT_EQ(parsed.count("node"), g.nodes.size() + kDepsLegendNodes);
  EXPECT_EQ(parsed.count("edge"), g.edges.size() + 2);
  EXPECT_EQ(parsed.count("cluster"), 3U);
  const auto texts = parsed.texts();
  EXPECT_EQ(texts.count("+N more"), 0U);
  EXPECT_EQ(texts.count("directory of files"), 0U);
  EXPECT_EQ(texts.count("database"), 1U);
}

// Graphviz's warnings come back to the caller, never to stderr.
TEST(RenderGraphviz, WarningsAreReturned) {
  VSSMETA_REQUIRE_GRAPHVIZ();
  std::vector<std::string> warnings;
  auto svg =
      render_graphviz("digraph { a [shape=nosuchshape] }", "svg", &warnings);
  ASSERT_OK(svg);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_EQ(warnings[0], "using box for unknown shape nosuchshape");
  std::vector<std::string> none;
  ASSERT_OK(render_graphviz("digraph { a [shape=box] }", "svg", &none));
  EXPECT_TRUE(none.empty());
}

std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& png) {
  auto be32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      v = (v << 8) | static_cast<unsigned char>(png.at(at + i));
    }
    return v;
  };
  return {be32(16), be32(20)};  // IHDR width, height
}

// A bitmap larger than 8,000 px a side is scaled down to fit (cairo would
// refuse over 32,767 px, with a warning); a small one keeps its size.
TEST(RenderGraphviz, BitmapsStayWithin8000Pixels) {
  VSSMETA_REQUIRE_GRAPHVIZ();
  std::string chain = "digraph { rankdir=LR; n0";
  for (int i = 1; i < 600; ++i) chain += " -> n" + std::to_string(i);
  chain += " }";
  std::vector<std::string> warnings;
  auto big = render_graphviz(chain, "png", &warnings);
  ASSERT_OK(big);
  const auto [w, h] = png_size(*big);
  EXPECT_LE(w, 8000U);
  EXPECT_GE(w, 7000U);
  EXPECT_LE(h, 8000U);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  auto small = render_graphviz("digraph { a -> b }", "png");
  ASSERT_OK(small);
  EXPECT_LT(png_size(*small).first, 200U);
}

class BothPaths : public ::testing::TestWithParam<bool> {
 protected:
  // SVG through cgraph calls (true) or through the DOT text (false).
  static Result<std::string> render(const ComponentGraph& g) {
    return GetParam() ? render_component_graph(g, "svg")
                      : render_graphviz(dot_of(g), "svg");
  }
};

INSTANTIATE_TEST_SUITE_P(Cgraph, BothPaths, ::testing::Values(true, false));

TEST_P(BothPaths, AwkwardTextRendersLiterally) {
  VSSMETA_REQUIRE_GRAPHVIZ();
  const ComponentGraph g =
      graph_of(testing::testdata_dir() / "graph/escaping.xml");
  auto svg = render(g);
  ASSERT_OK(svg);
  Svg parsed;
  parse_svg(*svg, parsed);
  const auto texts = parsed.texts();
  EXPECT_EQ(texts.count("Odd \"Writer\" \\ {x} <y>"), 2U);
  EXPECT_EQ(texts.count("{Brace} <b>&"), 1U);
  EXPECT_EQ(texts.count("\"\xC3\x9Cn\xC3\xAF"
                        "c\xC3\xB8"
                        "d\xC3\xA9 \xE2\x9C\x93 tab line"),
            1U);
  EXPECT_EQ(texts.count("two \\n \\l \\N #x `tick` %%\""), 1U);
  EXPECT_EQ(texts.count("\"trailing backslash \\\""), 1U);
  EXPECT_EQ(texts.count("Qu\"ote"), 1U);
}

TEST_P(BothPaths, ControlCharactersAndBadUtf8AreSafe) {
  VSSMETA_REQUIRE_GRAPHVIZ();
  ComponentGraph g;
  GraphNode& n = g.nodes.emplace_back();
  n.id = "c:x:\x01\"\\";
  n.label = std::string("a\x01\x02\0b\xFF\\", 7);
  auto svg = render(g);
  ASSERT_OK(svg);
  Svg parsed;
  parse_svg(*svg, parsed);
  EXPECT_EQ(parsed.texts().count("a\\x01\\x02\\x00b\xEF\xBF\xBD\\"), 1U);
}

TEST(RenderComponentGraph, SameDrawingAsTheDotText) {
  VSSMETA_REQUIRE_GRAPHVIZ();
  const ComponentGraph g = graph_of(testing::testdata_dir() / "graph/deps");
  auto direct = render_component_graph(g, "svg");
  auto via_dot = render_graphviz(dot_of(g), "svg");
  ASSERT_OK(direct);
  ASSERT_OK(via_dot);
  Svg a;
  Svg b;
  parse_svg(*direct, a);
  parse_svg(*via_dot, b);
  EXPECT_EQ(a.count("node"), g.nodes.size() + kDepsLegendNodes);
  EXPECT_EQ(a.count("node"), b.count("node"));
  EXPECT_EQ(a.count("edge"), b.count("edge"));
  EXPECT_EQ(a.count("cluster"), b.count("cluster"));
  EXPECT_EQ(a.texts(), b.texts());
  // The laid-out DOT cgraph writes is itself readable DOT.
  auto dot = render_component_graph(g, "dot");
  ASSERT_OK(dot);
  auto again = render_graphviz(*dot, "svg");
  ASSERT_OK(again);
  Svg c;
  parse_svg(*again, c);
  EXPECT_EQ(c.texts(), a.texts());
}

TEST(RenderGraphviz, BinaryFormatsAndErrors) {
  VSSMETA_REQUIRE_GRAPHVIZ();
  auto png = render_graphviz("digraph { a -> b }", "png");
  ASSERT_OK(png);
  EXPECT_EQ(png->substr(0, 4), "\x89PNG");
  auto pdf = render_graphviz("digraph { a -> b }", "pdf");
  ASSERT_OK(pdf);
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  auto bad_format = render_graphviz("digraph { a }", "no-such-format");
  ASSERT_FALSE(bad_format.has_value());
  EXPECT_EQ(bad_format.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(bad_format.error().message,
            "Graphviz cannot render format 'no-such-format'");
  auto bad_dot = render_graphviz("digraph { a -> ", "svg");
  ASSERT_FALSE(bad_dot.has_value());
  EXPECT_EQ(bad_dot.error().code, ErrorCode::kInvalidValue);
  EXPECT_EQ(
      bad_dot.error().message.rfind("Graphviz cannot read the DOT input", 0),
      0U);
}

TEST(RenderGraphviz, RealCaptureShowsEveryWriterAndComponent) {
  VSSMETA_REQUIRE_GRAPHVIZ();
  VSSMETA_REQUIRE_SAMPLES(samples);
  const auto dir = samples / "diskshadow-ws2012-sql2017";
  auto capture = load(dir.string(), {});
  ASSERT_OK(capture);
  GraphOptions all;
  all.max_siblings = 0;
  auto g = build_component_graph(*capture, all);
  ASSERT_OK(g);
  ASSERT_TRUE(g->has_selection);
  auto svg = render_component_graph(*g, "svg");
  ASSERT_OK(svg);
  Svg parsed;
  parse_svg(*svg, parsed);
  const auto texts = parsed.texts();
  std::size_t explicit_count = 0;
  std::size_t components = 0;
  for (const WriterMetadata& w : capture->writers) {
    EXPECT_GE(texts.count(w.display_name()), 1U) << w.display_name();
    components += w.components.size();
    for (const Component& c : w.components) {
      EXPECT_GE(texts.count(c.name), 1U) << c.name;
    }
  }
  std::size_t component_nodes = 0;
  for (const GraphNode& n : g->nodes) {
    if (n.kind != GraphNodeKind::kComponent) continue;
    ++component_nodes;
    if (n.selection == GraphSelection::kExplicit) ++explicit_count;
  }
  EXPECT_EQ(component_nodes, components);
  EXPECT_GT(explicit_count, 0U);
  // One text line per selected node, plus the legend's sample.
  EXPECT_EQ(texts.count("explicit"), explicit_count + 1);
  std::size_t implicit_count = 0;
  for (const GraphNode& n : g->nodes) {
    implicit_count += n.selection == GraphSelection::kImplicit ? 1U : 0U;
  }
  // The legend has an "implicit" sample only when a node is implicit.
  EXPECT_EQ(texts.count("implicit"),
            implicit_count + (implicit_count > 0 ? 1U : 0U));
  EXPECT_EQ(parsed.count("cluster"), capture->writers.size() + 1);
}

// The System Writer of the shared capture (about 19,000 file lists in some
// 1,900 directories) with files shown: 20 directory nodes and one
// "+K more", a PNG within 8,000 px, and no Graphviz warning.
TEST(RenderGraphviz, RealSystemWriterWithFilesStaysReadable) {
  VSSMETA_REQUIRE_GRAPHVIZ();
  VSSMETA_REQUIRE_SAMPLES(samples);
  auto capture = load((samples / "diskshadow-ws2012-sql2017").string(), {});
  ASSERT_OK(capture);
  GraphOptions o;
  o.writers = {"System Writer"};
  o.show_files = true;
  auto g = build_component_graph(*capture, o);
  ASSERT_OK(g);
  std::size_t directories = 0;
  std::size_t hidden = 0;
  for (const GraphNode& n : g->nodes) {
    directories += n.kind == GraphNodeKind::kDirectory ? 1U : 0U;
    hidden += n.hidden_files;
  }
  EXPECT_LE(directories, 2U * o.max_files);
  EXPECT_GT(hidden, 14000U);
  std::vector<std::string> warnings;
  auto svg = render_component_graph(*g, "svg", {}, &warnings);
  ASSERT_OK(svg);
  EXPECT_LT(svg->size(), 500U * 1024U);
  auto png = render_component_graph(*g, "png", {}, &warnings);
  ASSERT_OK(png);
  EXPECT_LE(png_size(*png).first, 8000U);
  EXPECT_LE(png_size(*png).second, 8000U);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

}  // namespace
}  // namespace vssmeta
