// SPDX-License-Identifier: MIT
// build_component_graph() over testdata/graph/deps: two writers with
// cross-writer and dangling dependencies, and a BCD selecting components.
#include "vssmeta/graph.h"

#include <algorithm>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_support.h"
#include "text/ascii.h"

namespace vssmeta {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

constexpr const char* kAlpha = "aaaaaaaa-1111-4111-8111-000000000001";
constexpr const char* kBeta = "bbbbbbbb-1111-4111-8111-000000000002";

std::string id(const char* prefix, const char* writer, const char* path) {
  return std::string(prefix) + ":" + writer + ":" + path;
}

CaptureSet deps_capture() {
  auto loaded = load((testing::testdata_dir() / "graph/deps").string(), {});
  EXPECT_TRUE(loaded.has_value());
  return loaded ? std::move(*loaded) : CaptureSet{};
}

Result<ComponentGraph> build(const GraphOptions& options = {}) {
  return build_component_graph(deps_capture(), options);
}

std::vector<std::string> ids(const ComponentGraph& g) {
  std::vector<std::string> out;
  for (const GraphNode& n : g.nodes) out.push_back(n.id);
  return out;
}

std::vector<std::string> edges(const ComponentGraph& g, GraphEdgeKind kind) {
  std::vector<std::string> out;
  for (const GraphEdge& e : g.edges) {
    if (e.kind == kind) out.push_back(e.from + " -> " + e.to);
  }
  return out;
}

TEST(BuildComponentGraph, NodesHaveStableKeyedIds) {
  auto g = build();
  ASSERT_OK(g);
  EXPECT_EQ(g->nodes.size(), 14U);
  EXPECT_TRUE(std::is_sorted(
      g->nodes.begin(), g->nodes.end(),
      [](const GraphNode& a, const GraphNode& b) { return a.id < b.id; }));
  const GraphNode* orders = g->find(id("c", kAlpha, "server\\orders"));
  ASSERT_NE(orders, nullptr);
  EXPECT_EQ(orders->label, "Orders");
  EXPECT_EQ(orders->path, "Server\\Orders");
  EXPECT_EQ(orders->type, ComponentType::kDatabase);
  EXPECT_EQ(orders->parent, id("p", kAlpha, "server"));
  EXPECT_EQ(orders->writer, std::string("w:") + kAlpha);
  EXPECT_EQ(orders->file_count, 2U);
  EXPECT_TRUE(orders->files.empty());
  EXPECT_TRUE(orders->selectable);
  EXPECT_TRUE(orders->defines_component_set);
  EXPECT_FALSE(orders->in_component_set);
  const GraphNode* archive =
      g->find(id("c", kAlpha, "server\\orders\\archive"));
  ASSERT_NE(archive, nullptr);
  EXPECT_TRUE(archive->in_component_set);
  EXPECT_TRUE(archive->selectable_for_restore);
  EXPECT_EQ(archive->backup_class, BackupClass::kNonselectableSub);
  const GraphNode* server = g->find(id("p", kAlpha, "server"));
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->kind, GraphNodeKind::kPathElement);
}

TEST(BuildComponentGraph, DependenciesCrossWritersAndDangle) {
  auto g = build();
  ASSERT_OK(g);
  EXPECT_THAT(
      edges(*g, GraphEdgeKind::kDependsOn),
      ElementsAre(
          id("c", kAlpha, "cold\\storage\\blobs") + " -> " +
              "m:cccccccc-1111-4111-8111-000000000003:far\\away",
          id("c", kAlpha, "server\\orders") + " -> " + id("c", kBeta, "config"),
          id("c", kAlpha, "server\\orders") + " -> " +
              id("m", kBeta, "gone\\nope"),
          id("c", kBeta, "service") + " -> " +
              id("c", kAlpha, "server\\orders"),
          id("c", kBeta, "service") + " -> " +
              id("m", kAlpha, "\\\\farhost\\server\\orders")));
  const GraphNode* gone = g->find(id("m", kBeta, "gone\\nope"));
  ASSERT_NE(gone, nullptr);
  EXPECT_EQ(gone->kind, GraphNodeKind::kMissing);
  EXPECT_EQ(gone->label, "Beta Writer:\\Gone\\Nope");
  EXPECT_EQ(gone->writer, std::string("w:") + kBeta);
  const GraphNode* far =
      g->find("m:cccccccc-1111-4111-8111-000000000003:far\\away");
  ASSERT_NE(far, nullptr);
  EXPECT_EQ(far->writer, "");
  EXPECT_EQ(far->label, "{cccccccc-1111-4111-8111-000000000003}:\\Far\\Away");
  EXPECT_FALSE(far->remote);
  const GraphNode* remote =
      g->find(id("m", kAlpha, "\\\\farhost\\server\\orders"));
  ASSERT_NE(remote, nullptr);
  EXPECT_TRUE(remote->remote);
  EXPECT_EQ(remote->label, "\\\\FARHOST\\Server\\Orders");
  EXPECT_EQ(remote->caption, "Alpha Writer");
  EXPECT_EQ(remote->writer, "");
}

TEST(BuildComponentGraph, BackupSelectionIsExplicitImplicitOrNot) {
  auto g = build();
  ASSERT_OK(g);
  EXPECT_TRUE(g->has_selection);
  auto sel = [&](const char* writer, const char* path) {
    return g->find(id("c", writer, path))->selection;
  };
  EXPECT_EQ(sel(kAlpha, "server\\orders"), GraphSelection::kExplicit);
  EXPECT_EQ(sel(kAlpha, "server\\orders\\archive"), GraphSelection::kImplicit);
  EXPECT_EQ(sel(kAlpha, "cold\\storage\\blobs"), GraphSelection::kNotIncluded);
  EXPECT_EQ(sel(kBeta, "service"), GraphSelection::kExplicit);
  EXPECT_EQ(sel(kBeta, "config"), GraphSelection::kNotIncluded);

  GraphOptions ignore;
  ignore.ignore_backup = true;
  auto plain = build(ignore);
  ASSERT_OK(plain);
  EXPECT_FALSE(plain->has_selection);
  EXPECT_EQ(plain->find(id("c", kBeta, "service"))->selection,
            GraphSelection::kNoBackup);
}

TEST(BuildComponentGraph, DependersAreTransitive) {
  GraphOptions o;
  o.dependers = "Beta Writer:\\Config";
  auto g = build(o);
  ASSERT_OK(g);
  EXPECT_THAT(ids(*g),
              ElementsAre(id("c", kAlpha, "server\\orders"),
                          id("c", kBeta, "config"), id("c", kBeta, "service")));
  EXPECT_TRUE(edges(*g, GraphEdgeKind::kContains).empty());
  EXPECT_EQ(edges(*g, GraphEdgeKind::kDependsOn).size(), 2U);
  // The clusters keep the writers' names although no writer node is drawn.
  ASSERT_EQ(g->clusters.size(), 2U);
  EXPECT_EQ(g->clusters[0].id, std::string("w:") + kAlpha);
  EXPECT_EQ(g->clusters[0].label, "Alpha Writer");
  EXPECT_EQ(g->clusters[1].label, "Beta Writer");
}

TEST(BuildComponentGraph, DependenciesOnlyKeepsDependencyEdges) {
  GraphOptions o;
  o.dependencies_only = true;
  auto g = build(o);
  ASSERT_OK(g);
  EXPECT_EQ(g->nodes.size(), 7U);
  EXPECT_TRUE(edges(*g, GraphEdgeKind::kContains).empty());
  EXPECT_EQ(edges(*g, GraphEdgeKind::kDependsOn).size(), 5U);
  EXPECT_EQ(g->find(std::string("w:") + kAlpha), nullptr);
}

TEST(BuildComponentGraph, ComponentFocusWithDepthAndDependencies) {
  GraphOptions o;
  o.component = "beta writer:\\SERVICE";
  auto g = build(o);
  ASSERT_OK(g);
  // Service, what it depends on transitively, and their ancestors.
  EXPECT_THAT(ids(*g),
              UnorderedElementsAre(
                  id("c", kAlpha, "server\\orders"), id("p", kAlpha, "server"),
                  std::string("w:") + kAlpha, id("c", kBeta, "config"),
                  id("c", kBeta, "service"), id("m", kBeta, "gone\\nope"),
                  id("m", kAlpha, "\\\\farhost\\server\\orders"),
                  std::string("w:") + kBeta));
  o.component = "Server";
  o.depth = 1;
  auto shallow = build(o);
  ASSERT_OK(shallow);
  EXPECT_NE(shallow->find(id("c", kAlpha, "server\\orders")), nullptr);
  EXPECT_EQ(shallow->find(id("c", kAlpha, "server\\orders\\archive")), nullptr);
}

TEST(BuildComponentGraph, WriterFilterAndDepth) {
  GraphOptions o;
  o.writers = {"beta writer"};
  o.depth = 1;
  auto g = build(o);
  ASSERT_OK(g);
  EXPECT_EQ(g->find(id("c", kBeta, "config\\plugins")), nullptr);
  EXPECT_NE(g->find(id("c", kBeta, "config")), nullptr);
  // Service depends on Alpha's Orders, which is shown with its ancestors.
  EXPECT_NE(g->find(id("c", kAlpha, "server\\orders")), nullptr);
  EXPECT_EQ(g->find(id("c", kAlpha, "cold\\storage\\blobs")), nullptr);
}

TEST(BuildComponentGraph, SiblingsCollapseUnlessPinned) {
  GraphOptions o;
  o.max_siblings = 1;
  o.ignore_backup = true;
  auto g = build(o);
  ASSERT_OK(g);
  // Beta's top level: Config and Service are both on dependency edges.
  EXPECT_EQ(g->find(std::string("more:w:") + kBeta), nullptr);
  // Alpha's top level: Server is pinned (Orders has dependencies), so Cold
  // stays as the one free sibling; nothing collapses there either.
  EXPECT_EQ(g->find(std::string("more:w:") + kAlpha), nullptr);
  o.dependencies_only = false;
  CaptureSet capture = deps_capture();
  for (int i = 0; i < 5; ++i) {
    Component& c = capture.writers[1].components.emplace_back();
    c.name = "Extra" + std::to_string(i);
    c.logical_path = "Config";
  }
  auto more = build_component_graph(capture, o);
  ASSERT_OK(more);
  const GraphNode* m = more->find(std::string("more:c:") + kBeta + ":config");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, GraphNodeKind::kMore);
  EXPECT_EQ(m->label, "+5 more");
  EXPECT_EQ(m->hidden_siblings, 5U);
  EXPECT_EQ(m->hidden_components, 5U);
  EXPECT_NE(more->find(id("c", kBeta, "config\\extra0")), nullptr);
}

TEST(BuildComponentGraph, NestedCollapseCountsEachHiddenComponentOnce) {
  // Beta gets two undeclared path elements with three components each:
  // with one free sibling, Alder stays (its children collapse under it) and
  // Zeta is hidden with its whole subtree, counted once, with no "+N more"
  // left under the hidden Zeta.
  CaptureSet capture = deps_capture();
  for (const char* group : {"Alder", "Zeta"}) {
    for (int i = 0; i < 3; ++i) {
      Component& c = capture.writers[1].components.emplace_back();
      c.name = std::string(group) + std::to_string(i);
      c.logical_path = group;
    }
  }
  GraphOptions o;
  o.max_siblings = 1;
  o.ignore_backup = true;
  auto g = build_component_graph(capture, o);
  ASSERT_OK(g);
  const GraphNode* top = g->find(std::string("more:w:") + kBeta);
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->hidden_siblings, 1U);
  EXPECT_EQ(top->hidden_components, 3U);
  EXPECT_EQ(g->find(std::string("more:p:") + kBeta + ":zeta"), nullptr);
  const GraphNode* alder = g->find(std::string("more:p:") + kBeta + ":alder");
  ASSERT_NE(alder, nullptr);
  EXPECT_EQ(alder->hidden_components, 2U);
  for (const GraphNode& n : g->nodes) {
    if (n.kind == GraphNodeKind::kMore) {
      EXPECT_NE(g->find(n.parent), nullptr) << n.id;
    }
  }
}

TEST(BuildComponentGraph, DuplicatesAndSecondInstancesGetDistinctIds) {
  CaptureSet capture = deps_capture();
  WriterMetadata second = capture.writers[1];
  second.identity.instance_id =
      Guid::parse("bbbbbbbb-3333-4333-8333-000000000002");
  second.components.push_back(second.components.front());  // Config twice
  capture.writers.push_back(std::move(second));
  GraphOptions o;
  o.ignore_backup = true;
  auto g = build_component_graph(capture, o);
  ASSERT_OK(g);
  const std::string first =
      std::string(kBeta) + "/bbbbbbbb-2222-4222-8222-" + "000000000002";
  const std::string other =
      std::string(kBeta) + "/bbbbbbbb-3333-4333-8333-" + "000000000002";
  EXPECT_NE(g->find("w:" + first), nullptr);
  EXPECT_NE(g->find("w:" + other), nullptr);
  EXPECT_NE(g->find("c:" + other + ":config"), nullptr);
  const GraphNode* twice = g->find("c:" + other + ":config#2");
  ASSERT_NE(twice, nullptr);
  EXPECT_EQ(twice->label, "Config");
  EXPECT_EQ(g->clusters.size(), 3U);
}

// A BCD entry names its instance as validate resolves it: the instance id
// first, then the instance name, whatever the capture order.
TEST(BuildComponentGraph, BackupEntryPicksTheInstanceByIdBeforeName) {
  CaptureSet capture = deps_capture();
  capture.writers[1].identity.instance_name = "First";
  WriterMetadata second = capture.writers[1];
  second.identity.instance_id =
      Guid::parse("bbbbbbbb-3333-4333-8333-000000000002");
  second.identity.instance_name = "Second";
  capture.writers.push_back(std::move(second));
  ASSERT_EQ(capture.backup_components.size(), 1U);
  bool found = false;
  for (WriterComponents& e : capture.backup_components[0].writers) {
    if (e.writer_id != *Guid::parse(kBeta)) continue;
    e.instance_id = Guid::parse("bbbbbbbb-3333-4333-8333-000000000002");
    e.instance_name = "First";  // disagrees with the id: the id wins
    found = true;
  }
  ASSERT_TRUE(found);
  auto g = build_component_graph(capture, GraphOptions{});
  ASSERT_OK(g);
  const std::string first =
      std::string(kBeta) + "/bbbbbbbb-2222-4222-8222-" + "000000000002";
  const std::string other =
      std::string(kBeta) + "/bbbbbbbb-3333-4333-8333-" + "000000000002";
  const GraphNode* chosen = g->find("c:" + other + ":service");
  const GraphNode* passed = g->find("c:" + first + ":service");
  ASSERT_NE(chosen, nullptr);
  ASSERT_NE(passed, nullptr);
  EXPECT_EQ(chosen->selection, GraphSelection::kExplicit);
  EXPECT_EQ(passed->selection, GraphSelection::kNotIncluded);
}

// A dependency names a writer class, not an instance: one on the writer's
// own class means its own instance, and a second instance's edges must not
// all point into the first instance.
TEST(BuildComponentGraph, DependencyOnTheOwnClassStaysInTheInstance) {
  CaptureSet capture = deps_capture();
  Dependency on_config;
  on_config.writer_id = *Guid::parse(kBeta);
  on_config.component_name = "Config";
  for (Component& c : capture.writers[1].components) {
    if (c.name == "Plugins") c.dependencies.push_back(on_config);
  }
  WriterMetadata second = capture.writers[1];
  second.identity.instance_id =
      Guid::parse("bbbbbbbb-3333-4333-8333-000000000002");
  capture.writers.push_back(std::move(second));
  GraphOptions o;
  o.ignore_backup = true;
  o.dependencies_only = true;
  auto g = build_component_graph(capture, o);
  ASSERT_OK(g);
  const std::string first =
      "c:" + std::string(kBeta) + "/bbbbbbbb-2222-4222-8222-000000000002:";
  const std::string other =
      "c:" + std::string(kBeta) + "/bbbbbbbb-3333-4333-8333-000000000002:";
  const auto depends = edges(*g, GraphEdgeKind::kDependsOn);
  EXPECT_THAT(depends,
              Contains(first + "config\\plugins -> " + first + "config"));
  EXPECT_THAT(depends,
              Contains(other + "config\\plugins -> " + other + "config"));
  EXPECT_THAT(depends,
              Not(Contains(other + "config\\plugins -> " + first + "config")));
}

TEST(BuildComponentGraph, WithoutShowFilesNoDirectories) {
  auto g = build();
  ASSERT_OK(g);
  for (const GraphNode& n : g->nodes) {
    EXPECT_NE(n.kind, GraphNodeKind::kDirectory) << n.id;
  }
}

TEST(BuildComponentGraph, ShowFilesAddsOneNodePerDirectory) {
  GraphOptions o;
  o.show_files = true;
  auto g = build(o);
  ASSERT_OK(g);
  const std::string archive = id("c", kAlpha, "server\\orders\\archive");
  const GraphNode* d = g->find("d:" + archive + "|d:\\archive");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->kind, GraphNodeKind::kDirectory);
  EXPECT_EQ(d->label, "D:\\Archive");
  EXPECT_EQ(d->parent, archive);
  EXPECT_EQ(d->file_count, 1U);
  EXPECT_EQ(d->recursive_files, 1U);
  EXPECT_THAT(d->files, ElementsAre("* /s"));
  EXPECT_THAT(edges(*g, GraphEdgeKind::kContains),
              Contains(archive + " -> " + d->id));
}

CaptureSet files_capture() {
  auto loaded =
      load((testing::testdata_dir() / "graph/files.xml").string(), {});
  EXPECT_TRUE(loaded.has_value());
  return loaded ? std::move(*loaded) : CaptureSet{};
}

constexpr const char* kFilesComponent =
    "c:cccccccc-1111-4111-8111-000000000003:binaries";

std::vector<std::string> directories(const ComponentGraph& g) {
  std::vector<const GraphNode*> dirs;
  for (const GraphNode& n : g.nodes) {
    if (n.kind == GraphNodeKind::kDirectory) dirs.push_back(&n);
  }
  std::sort(dirs.begin(), dirs.end(),
            [](const auto* a, const auto* b) { return a->order < b->order; });
  std::vector<std::string> out;
  for (const GraphNode* n : dirs) {
    out.push_back(n->label + " " + std::to_string(n->file_count));
  }
  return out;
}

// Paths that differ in case or a trailing backslash are one directory, in
// the order the directories first appear; filespecs are listed once.
TEST(BuildComponentGraph, DirectoriesMergeCaseAndTrailingBackslash) {
  GraphOptions o;
  o.show_files = true;
  o.max_files = 0;
  auto g = build_component_graph(files_capture(), o);
  ASSERT_OK(g);
  EXPECT_THAT(directories(*g),
              ElementsAre("C:\\Prog\\bin 3", "C:\\Prog\\lib 1",
                          "C:\\Prog\\etc 5", "C:\\Prog\\share 1"));
  const GraphNode* bin =
      g->find(std::string("d:") + kFilesComponent + "|c:\\prog\\bin");
  ASSERT_NE(bin, nullptr);
  EXPECT_THAT(bin->files, ElementsAre("*.exe", "*.dll"));
  EXPECT_EQ(bin->recursive_files, 0U);
  EXPECT_EQ(g->find(std::string("more-files:") + kFilesComponent), nullptr);
}

TEST(BuildComponentGraph, MaxFilesCollapsesTheRestIntoOneNode) {
  GraphOptions o;
  o.show_files = true;
  o.max_files = 2;
  auto g = build_component_graph(files_capture(), o);
  ASSERT_OK(g);
  EXPECT_THAT(directories(*g),
              ElementsAre("C:\\Prog\\bin 3", "C:\\Prog\\lib 1"));
  const GraphNode* more = g->find(std::string("more-files:") + kFilesComponent);
  ASSERT_NE(more, nullptr);
  EXPECT_EQ(more->kind, GraphNodeKind::kMore);
  EXPECT_EQ(more->label, "+2 more");
  EXPECT_EQ(more->hidden_siblings, 2U);
  EXPECT_EQ(more->hidden_files, 6U);
  EXPECT_EQ(more->parent, kFilesComponent);
  // Exactly as many as there are: nothing collapses.
  o.max_files = 4;
  auto all = build_component_graph(files_capture(), o);
  ASSERT_OK(all);
  EXPECT_EQ(directories(*all).size(), 4U);
  EXPECT_EQ(all->find(std::string("more-files:") + kFilesComponent), nullptr);
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Node order is dump's: writers by name, then each writer's hierarchy depth
// first with children as dump lists them.
TEST(BuildComponentGraph, OrderFollowsDump) {
  auto capture = load((testing::testdata_dir() / "capture").string(), {});
  ASSERT_OK(capture);
  GraphOptions o;
  o.max_siblings = 0;
  auto g = build_component_graph(*capture, o);
  ASSERT_OK(g);
  std::vector<const GraphNode*> writers;
  const GraphNode* disk0 = nullptr;
  const GraphNode* disk1 = nullptr;
  const GraphNode* disks = nullptr;
  for (const GraphNode& n : g->nodes) {
    if (n.kind == GraphNodeKind::kWriter) writers.push_back(&n);
    if (n.path == "Disks\\harddisk0") disk0 = &n;
    if (n.path == "Disks\\harddisk1") disk1 = &n;
    if (n.path == "Disks" && n.kind == GraphNodeKind::kPathElement) disks = &n;
  }
  ASSERT_NE(disk0, nullptr);
  ASSERT_NE(disk1, nullptr);
  ASSERT_NE(disks, nullptr);
  EXPECT_LT(disks->order, disk0->order);
  EXPECT_LT(disk0->order, disk1->order);
  std::sort(writers.begin(), writers.end(),
            [](const auto* a, const auto* b) { return a->order < b->order; });
  ASSERT_GE(writers.size(), 2U);
  EXPECT_EQ(writers.front()->label, "ASR Writer");
  for (std::size_t i = 1; i < writers.size(); ++i) {
    EXPECT_LE(lower(writers[i - 1]->label), lower(writers[i]->label));
  }
  // Clusters come in the same order.
  ASSERT_EQ(g->clusters.size(), writers.size());
  for (std::size_t i = 0; i < writers.size(); ++i) {
    EXPECT_EQ(g->clusters[i].id, writers[i]->id);
  }
}

TEST(BuildComponentGraph, UnknownNamesAreErrors) {
  GraphOptions o;
  o.writers = {"Gamma"};
  auto g = build(o);
  ASSERT_FALSE(g.has_value());
  EXPECT_EQ(g.error().code, ErrorCode::kInvalidValue);
  EXPECT_EQ(g.error().message, "no writer 'Gamma' in the capture");
  GraphOptions c;
  c.component = "Alpha Writer:\\Nope";
  EXPECT_EQ(build(c).error().message,
            "no component 'Nope' in writer 'Alpha Writer'");
  GraphOptions b;
  b.backup = 3;
  EXPECT_EQ(build(b).error().message,
            "no backup components document #4 (the capture holds 1)");
}

// 4,000 components, each nested under the one before, the middle one
// missing: one node per component and one for the undeclared element, each
// under the one before.
TEST(BuildComponentGraph, DeepChainKeepsEveryLevel) {
  CaptureSet capture;
  capture.writers.push_back(testing::chain_writer(4000, 1999));
  auto g = build_component_graph(capture);
  ASSERT_OK(g);
  std::size_t components = 0;
  std::size_t elements = 0;
  for (const GraphNode& n : g->nodes) {
    components += n.kind == GraphNodeKind::kComponent ? 1 : 0;
    elements += n.kind == GraphNodeKind::kPathElement ? 1 : 0;
  }
  EXPECT_EQ(components, 3999U);
  EXPECT_EQ(elements, 1U);
  const GraphNode* bottom = nullptr;
  for (const GraphNode& n : g->nodes) {
    if (n.kind == GraphNodeKind::kComponent && n.path.ends_with("\\L4000")) {
      bottom = &n;
    }
  }
  ASSERT_NE(bottom, nullptr);
  const GraphNode* parent = g->find(bottom->parent);
  ASSERT_NE(parent, nullptr);
  EXPECT_TRUE(parent->path.ends_with("\\L3998\\L3999"));
}

WriterMetadata writer_of_class(const char* id) {
  WriterMetadata w;
  w.identity.writer_id = *Guid::parse(id);
  w.identity.friendly_name = "Deep";
  w.has_backup_locations = true;
  return w;
}

// A writer of components 200 levels deep under distinct first elements: the
// ids of every level stay short (the path part at most 128 bytes, or 96,
// `~` and a hash), distinct, and the same in a second build; a short path
// keeps its id as written.
TEST(BuildComponentGraph, DeepPathsGetShortStableIds) {
  CaptureSet capture;
  WriterMetadata w = writer_of_class(kAlpha);
  std::string tail;
  for (int level = 1; level < 200; ++level) tail += "\\Element";
  for (int i = 0; i < 3; ++i) {
    Component c;
    c.logical_path = "Top" + std::to_string(i) + tail;
    c.name = "Leaf";
    w.components.push_back(std::move(c));
  }
  Component shallow;
  shallow.logical_path = "Top0\\Element";
  shallow.name = "Near";
  w.components.push_back(std::move(shallow));
  capture.writers.push_back(std::move(w));

  auto g = build_component_graph(capture);
  ASSERT_OK(g);
  const std::string prefix = std::string("c:") + kAlpha + ":";
  std::size_t long_paths = 0;
  std::set<std::string> seen;
  for (const GraphNode& n : g->nodes) {
    EXPECT_TRUE(seen.insert(n.id).second) << n.id;
    if (n.kind != GraphNodeKind::kPathElement &&
        n.kind != GraphNodeKind::kComponent) {
      continue;
    }
    const std::string path_part = n.id.substr(prefix.size());
    EXPECT_LE(path_part.size(), 128U) << n.id;
    const std::string key = internal::fold(n.path);
    if (key.size() <= 128) {
      EXPECT_EQ(path_part, key);
    } else {
      ++long_paths;
      ASSERT_EQ(path_part.size(), 96U + 1 + 16) << n.id;
      EXPECT_EQ(path_part.substr(0, 96), key.substr(0, 96));
      const std::string hash = path_part.substr(96);
      EXPECT_EQ(hash[0], '~') << n.id;
      EXPECT_TRUE(std::all_of(hash.begin() + 1, hash.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      })) << n.id;
    }
  }
  EXPECT_GT(long_paths, 3U * 180);
  EXPECT_NE(g->find(prefix + "top0\\element\\near"), nullptr);
  // The documented form, pinned (FNV-1a of the 1,601-byte folded path,
  // computed apart), so that ids stay the same on every platform.
  std::string leaf = "top0";
  while (leaf.size() < 96) leaf += "\\element";
  leaf.resize(96);
  EXPECT_NE(g->find(prefix + leaf + "~c6826443c9f01944"), nullptr);

  auto again = build_component_graph(capture);
  ASSERT_OK(again);
  EXPECT_EQ(ids(*again), ids(*g));
  EXPECT_EQ(edges(*again, GraphEdgeKind::kContains),
            edges(*g, GraphEdgeKind::kContains));
}

// A short path spelled like another path's abbreviated id does not take
// that node's place: the later node's id gets a `+`.
TEST(BuildComponentGraph, AnIdSpelledLikeAnAbbreviationStaysDistinct) {
  CaptureSet capture;
  WriterMetadata w = writer_of_class(kAlpha);
  Component deep;
  deep.logical_path = std::string(140, 'a');
  deep.name = "Leaf";
  w.components.push_back(std::move(deep));
  capture.writers.push_back(w);
  auto first = build_component_graph(capture);
  ASSERT_OK(first);
  const std::string p_prefix = std::string("p:") + kAlpha + ":";
  std::string abbreviated;
  for (const GraphNode& n : first->nodes) {
    if (n.kind == GraphNodeKind::kPathElement) {
      abbreviated = n.id.substr(p_prefix.size());
    }
  }
  ASSERT_EQ(abbreviated.size(), 96U + 1 + 16);

  Component under;
  under.logical_path = abbreviated;
  under.name = "x";
  capture.writers[0].components.insert(capture.writers[0].components.begin(),
                                       std::move(under));
  auto g = build_component_graph(capture);
  ASSERT_OK(g);
  std::size_t path_elements = 0;
  for (const GraphNode& n : g->nodes) {
    path_elements += n.kind == GraphNodeKind::kPathElement ? 1 : 0;
  }
  EXPECT_EQ(path_elements, 2U);
  const GraphNode* one = g->find(p_prefix + abbreviated);
  const GraphNode* two = g->find(p_prefix + abbreviated + "+");
  ASSERT_NE(one, nullptr);
  ASSERT_NE(two, nullptr);
  EXPECT_NE(one->path, two->path);
}

}  // namespace
}  // namespace vssmeta
