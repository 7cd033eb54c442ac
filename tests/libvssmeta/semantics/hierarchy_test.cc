// SPDX-License-Identifier: MIT
#include "vssmeta/hierarchy.h"

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "semantics/hierarchy_flat.h"
#include "text/ascii.h"

namespace vssmeta {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Component make(std::optional<std::string> logical_path, std::string name) {
  Component c;
  c.logical_path = std::move(logical_path);
  c.name = std::move(name);
  return c;
}

WriterMetadata writer_with(std::vector<Component> components) {
  WriterMetadata w;
  w.has_backup_locations = true;
  w.components = std::move(components);
  return w;
}

std::vector<std::string> names(const std::vector<HierarchyNode>& nodes) {
  std::vector<std::string> out;
  for (const HierarchyNode& n : nodes) out.push_back(n.name);
  return out;
}

// One line per node: indentation, path, and the component indices.
void flatten(const HierarchyNode& n, int depth, std::string& out) {
  out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + n.path;
  for (std::size_t i : n.components) out += " #" + std::to_string(i);
  out += '\n';
  for (const HierarchyNode& c : n.children) flatten(c, depth + 1, out);
}

std::string flatten(const ComponentTree& tree) {
  std::string out;
  for (const HierarchyNode& r : tree.roots) flatten(r, 0, out);
  return out;
}

TEST(SplitLogicalPath, DropsEmptyElements) {
  EXPECT_THAT(split_logical_path(""), IsEmpty());
  EXPECT_THAT(split_logical_path("\\"), IsEmpty());
  EXPECT_THAT(split_logical_path("A"), ElementsAre("A"));
  EXPECT_THAT(split_logical_path("\\A\\\\B\\"), ElementsAre("A", "B"));
  EXPECT_THAT(split_logical_path("WIN-X\\SQL2017"),
              ElementsAre("WIN-X", "SQL2017"));
}

TEST(BuildComponentTree, EmptyWriterHasNoRoots) {
  EXPECT_THAT(build_component_tree(WriterMetadata{}).roots, IsEmpty());
}

TEST(BuildComponentTree, TopLevelComponentsWithAndWithoutLogicalPath) {
  const ComponentTree tree = build_component_tree(
      writer_with({make(std::nullopt, "Registry"), make("", "COM+ REGDB")}));
  EXPECT_EQ(flatten(tree),
            "COM+ REGDB #1\n"
            "Registry #0\n");
}

TEST(BuildComponentTree, NestedPathsAndUndeclaredIntermediates) {
  // The ASR Writer shape: `ASR\ASR`, `Volumes\Volume{...}`, `Disks\harddisk0`
  // and a BCD component; Volumes and Disks are never declared themselves.
  const ComponentTree tree = build_component_tree(writer_with({
      make("ASR", "ASR"),
      make("Volumes", "Volume{c7463aba}"),
      make("Disks", "harddisk0"),
      make("ASR", "BCD"),
      make("Volumes", "Volume{0a1b}"),
  }));
  EXPECT_EQ(flatten(tree),
            "ASR\n"
            "  ASR\\ASR #0\n"
            "  ASR\\BCD #3\n"
            "Disks\n"
            "  Disks\\harddisk0 #2\n"
            "Volumes\n"
            "  Volumes\\Volume{0a1b} #4\n"
            "  Volumes\\Volume{c7463aba} #1\n");
  ASSERT_EQ(tree.roots.size(), 3u);
  EXPECT_FALSE(tree.roots[0].declared());
  EXPECT_TRUE(tree.roots[0].children[0].declared());
}

TEST(BuildComponentTree, DeclaredParentAndDeepChild) {
  // A component may sit both on a declared parent and several levels below
  // it, with an undeclared level in between (the MS docs' QueryLogs case).
  const ComponentTree tree = build_component_tree(writer_with({
      make("writerData\\QueryLogs", "Today"),
      make(std::nullopt, "writerData"),
  }));
  EXPECT_EQ(flatten(tree),
            "writerData #1\n"
            "  writerData\\QueryLogs\n"
            "    writerData\\QueryLogs\\Today #0\n");
  const HierarchyNode& logs = tree.roots.at(0).children.at(0);
  EXPECT_EQ(logs.name, "QueryLogs");
  EXPECT_FALSE(logs.declared());
}

TEST(BuildComponentTree, MergesCaseInsensitivelyKeepingFirstSpelling) {
  const ComponentTree tree = build_component_tree(writer_with({
      make("WIN-X\\SQL2017", "master"),
      make("win-x\\sql2017", "model"),
      make("Win-X", "SQL2017"),
  }));
  EXPECT_EQ(flatten(tree),
            "WIN-X\n"
            "  WIN-X\\SQL2017 #2\n"
            "    WIN-X\\SQL2017\\master #0\n"
            "    WIN-X\\SQL2017\\model #1\n");
}

TEST(BuildComponentTree, ANameSpelledBeforeAPathNamesTheNode) {
  // A declared parent spelled by its component before a later logical path
  // spells it otherwise; duplicate names under it keep the first spelling.
  const ComponentTree tree = build_component_tree(writer_with({
      make(std::nullopt, "Sql"),
      make("SQL", "db"),
      make(std::nullopt, "sQL"),
      make("sql", "DB"),
      make("Other", "x"),
      make(std::nullopt, "OTHER"),
  }));
  EXPECT_EQ(flatten(tree),
            "Other #5\n"
            "  Other\\x #4\n"
            "Sql #0 #2\n"
            "  Sql\\db #1 #3\n");
}

TEST(BuildComponentTree, ExtraBackslashesAreIgnored) {
  const ComponentTree tree = build_component_tree(
      writer_with({make("\\A\\\\B\\", "C"), make("A\\B", "D")}));
  EXPECT_EQ(flatten(tree),
            "A\n"
            "  A\\B\n"
            "    A\\B\\C #0\n"
            "    A\\B\\D #1\n");
}

TEST(BuildComponentTree, DuplicatesShareOneNodeInDocumentOrder) {
  const ComponentTree tree = build_component_tree(writer_with({
      make("A", "x"),
      make("a", "X"),
      make("A", "x"),
  }));
  ASSERT_EQ(tree.roots.size(), 1u);
  ASSERT_EQ(tree.roots[0].children.size(), 1u);
  const HierarchyNode& x = tree.roots[0].children[0];
  EXPECT_EQ(x.name, "x");
  EXPECT_THAT(x.components, ElementsAre(0u, 1u, 2u));
}

TEST(BuildComponentTree, ChildrenSortedByFoldedName) {
  const ComponentTree tree = build_component_tree(writer_with({
      make(std::nullopt, "b"),
      make(std::nullopt, "C"),
      make(std::nullopt, "a"),
      make(std::nullopt, "B2"),
      make(std::nullopt, "_x"),
  }));
  // Folded: "_x" (0x5F) sorts after digits/upper case but before letters.
  EXPECT_THAT(names(tree.roots), ElementsAre("_x", "a", "b", "B2", "C"));
}

TEST(BuildComponentTree, NameIsOneElementEvenWithBackslash) {
  const ComponentTree tree =
      build_component_tree(writer_with({make("A", "x\\y")}));
  ASSERT_EQ(tree.roots.at(0).children.size(), 1u);
  EXPECT_EQ(tree.roots[0].children[0].name, "x\\y");
  EXPECT_EQ(tree.roots[0].children[0].path, "A\\x\\y");
}

// The hierarchy as its definition states it, by brute force: per component,
// its path's elements and then its name, each node keyed by the folded
// elements from the top and named as first spelled; children in iless()
// order. For comparing with the real build on random writers.
std::string reference_tree(const WriterMetadata& w) {
  struct Node {
    std::string name;
    std::string path;
    std::vector<std::size_t> components;
    std::vector<std::string> children;  // keys
  };
  auto fold = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  };
  std::map<std::string, Node> nodes;  // key: folded elements, '\x01'-joined
  std::vector<std::string> roots;
  for (std::size_t i = 0; i < w.components.size(); ++i) {
    const Component& c = w.components[i];
    std::vector<std::string> elements;
    if (c.logical_path) elements = split_logical_path(*c.logical_path);
    elements.push_back(c.name);
    std::string key;
    std::string parent;
    for (const std::string& e : elements) {
      const std::string parent_path = parent.empty() ? "" : nodes[parent].path;
      key += (key.empty() ? "" : "\x01") + fold(e);
      if (!nodes.contains(key)) {
        Node n;
        n.name = e;
        n.path = parent_path.empty() ? e : parent_path + "\\" + e;
        nodes.emplace(key, n);
        (parent.empty() ? roots : nodes[parent].children).push_back(key);
      }
      parent = key;
    }
    nodes[key].components.push_back(i);
  }
  std::string out;
  auto print = [&](auto& self, std::vector<std::string> keys,
                   int depth) -> void {
    std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
      return internal::iless(nodes[a].name, nodes[b].name);
    });
    for (const std::string& k : keys) {
      const Node& n = nodes[k];
      out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + n.path;
      for (std::size_t i : n.components) out += " #" + std::to_string(i);
      out += '\n';
      self(self, n.children, depth + 1);
    }
  };
  print(print, roots, 0);
  return out;
}

TEST(BuildComponentTree, RandomWritersGiveTheTreeOfTheDefinition) {
  // Few distinct elements in both cases, paths with stray backslashes,
  // names with a backslash inside: merges, declared parents, duplicates
  // and first spellings in every order.
  const std::vector<std::string> pieces = {"a", "A", "b", "B", "ab", "aB"};
  std::mt19937 random(12345);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<Component> components;
    const std::size_t n = 1 + pick(40);
    for (std::size_t i = 0; i < n; ++i) {
      std::optional<std::string> path;
      if (pick(4) != 0) {
        path.emplace(pick(6) == 0 ? "\\" : "");
        const std::size_t depth = pick(4);
        for (std::size_t d = 0; d < depth; ++d) {
          if (d > 0) *path += pick(6) == 0 ? "\\\\" : "\\";
          *path += pieces[pick(pieces.size())];
        }
      }
      std::string name = pieces[pick(pieces.size())];
      if (pick(8) == 0) name += "\\" + pieces[pick(pieces.size())];
      components.push_back(make(path, name));
    }
    const WriterMetadata w = writer_with(std::move(components));
    SCOPED_TRACE(round);
    ASSERT_EQ(flatten(build_component_tree(w)), reference_tree(w));
  }
}

// The flat form the public tree is built from (and dump walks): children
// and components in one array each, per node contiguous.
TEST(BuildFlatHierarchy, NodesChildrenAndComponentsInArrays) {
  const WriterMetadata w = writer_with({
      make("A\\B", "x"),
      make("a", "B"),
      make(std::nullopt, "c"),
      make("\\A\\b\\", "X"),
      make(std::nullopt, "_"),
  });
  const internal::FlatHierarchy h = internal::build_flat_hierarchy(w);
  using internal::FlatHierarchy;
  auto names_of = [&](std::span<const std::uint32_t> nodes) {
    std::vector<std::string> out;
    for (std::uint32_t v : nodes) out.emplace_back(h.nodes[v].name);
    return out;
  };
  ASSERT_EQ(h.nodes.size(), 6u);  // the top, A, B, x, c, _
  EXPECT_EQ(h.children.size(), 5u);
  EXPECT_EQ(h.components.size(), 5u);
  EXPECT_EQ(h.nodes[FlatHierarchy::kTop].name, "");
  EXPECT_FALSE(h.nodes[FlatHierarchy::kTop].declared());
  const auto roots = h.children_of(FlatHierarchy::kTop);
  EXPECT_THAT(names_of(roots), ElementsAre("_", "A", "c"));
  const std::uint32_t a = roots[1];
  EXPECT_FALSE(h.nodes[a].declared());
  ASSERT_THAT(names_of(h.children_of(a)), ElementsAre("B"));
  const std::uint32_t b = h.children_of(a)[0];
  EXPECT_THAT(h.components_of(b), ElementsAre(1u));
  ASSERT_THAT(names_of(h.children_of(b)), ElementsAre("x"));
  EXPECT_THAT(h.components_of(h.children_of(b)[0]), ElementsAre(0u, 3u));
  EXPECT_THAT(h.components_of(roots[0]), ElementsAre(4u));
  EXPECT_THAT(h.components_of(roots[2]), ElementsAre(2u));
  EXPECT_TRUE(h.children_of(roots[2]).empty());
}

TEST(BuildComponentTree, SixtyThousandSiblingsUnderThreeGroups) {
  // The System Writer has thousands of components under few parents. Only
  // the result is asserted here; how the build scales (a sibling search per
  // insert would be quadratic) is measured in bench/ (bench/README.md).
  std::vector<Component> many;
  for (int i = 0; i < 60000; ++i) {
    many.push_back(
        make("Root\\Group" + std::to_string(i % 3), "c" + std::to_string(i)));
  }
  const WriterMetadata w = writer_with(std::move(many));
  const ComponentTree tree = build_component_tree(w);
  ASSERT_EQ(tree.roots.size(), 1u);
  ASSERT_EQ(tree.roots[0].children.size(), 3u);
  EXPECT_EQ(tree.roots[0].children[0].children.size(), 20000u);
  const HierarchyNode& group2 = tree.roots[0].children[2];
  EXPECT_EQ(group2.path, "Root\\Group2");
  EXPECT_TRUE(std::is_sorted(
      group2.children.begin(), group2.children.end(),
      [](const auto& a, const auto& b) { return a.name < b.name; }));
  EXPECT_EQ(group2.children.front().path, "Root\\Group2\\c10001");
  EXPECT_EQ(group2.children.back().path, "Root\\Group2\\c9998");
}

}  // namespace
}  // namespace vssmeta
