// SPDX-License-Identifier: MIT
// The subtle parts of the WMD-set rules (SET001..SET007): when a rule stays
// silent on purpose, and how cycles are found.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vssmeta/validate.h"

namespace vssmeta {
namespace {

const char* kClassA = "5b1e3c2a-7d4f-4c8e-9a61-0f2d8b7c4e13";
const char* kClassB = "c94f0d6e-2a83-4b17-8e5c-3d7a1f60b295";
const char* kClassC = "0e7d2b41-95c6-4a3f-b8d0-6c1e4f9a2d78";

Guid guid(const char* text) { return *Guid::parse(text); }

WriterMetadata writer(const char* file, const char* cls, const char* instance,
                      const char* name) {
  WriterMetadata w;
  w.source.name = file;
  w.identity.writer_id = guid(cls);
  w.identity.instance_id = guid(instance);
  w.identity.friendly_name = name;
  Component c;
  c.name = "Data";
  c.selectable = true;
  w.components.push_back(c);
  return w;
}

Dependency dependency(const char* cls, const char* name,
                      std::optional<std::string> logical_path = std::nullopt) {
  Dependency d;
  d.writer_id = guid(cls);
  d.component_name = name;
  d.logical_path = std::move(logical_path);
  return d;
}

std::vector<std::string> messages(const CaptureSet& capture,
                                  std::string_view rule) {
  std::vector<std::string> out;
  for (const Finding& f : validate(capture)) {
    if (f.diagnostic.code == rule) out.push_back(f.diagnostic.message);
  }
  return out;
}

TEST(RulesSet, Set004OnlyForWritersThatWantRestoreEvents) {
  CaptureSet capture;
  capture.writers.push_back(
      writer("a.xml", kClassA, "11111111-1111-1111-1111-111111111111", "A"));
  capture.writers.push_back(
      writer("b.xml", kClassA, "22222222-2222-2222-2222-222222222222", "A"));
  capture.writers[1].components[0].logical_path = "Two";
  RestoreMethod never;
  never.writer_restore = WriterRestore::kNever;
  capture.writers[0].restore_method = never;
  capture.writers[1].restore_method = never;
  EXPECT_TRUE(messages(capture, "SET004").empty());

  // No restore method at all: writerRestore is unknown, so it may want them.
  capture.writers[1].restore_method.reset();
  EXPECT_EQ(messages(capture, "SET004"),
            std::vector<std::string>{
                "writer \"A {5b1e3c2a-7d4f-4c8e-9a61-0f2d8b7c4e13}\" is one "
                "of 2 instances of its class but has no instance name, and "
                "it wants restore events (writerRestore not given)"});
}

TEST(RulesSet, Set005SkipsLoneWritersRemoteTargetsAndOwnClass) {
  CaptureSet capture;
  capture.writers.push_back(
      writer("a.xml", kClassA, "11111111-1111-1111-1111-111111111111", "A"));
  capture.writers[0].components[0].dependencies.push_back(
      dependency(kClassC, "Catalog"));
  EXPECT_TRUE(messages(capture, "SET005").empty()) << "a lone WMD";

  capture.writers.push_back(
      writer("b.xml", kClassB, "22222222-2222-2222-2222-222222222222", "B"));
  EXPECT_EQ(messages(capture, "SET005").size(), 1U);

  auto& deps = capture.writers[0].components[0].dependencies;
  deps[0].logical_path = "\\\\OTHERHOST\\Store";
  EXPECT_TRUE(messages(capture, "SET005").empty()) << "remote target";
  deps[0] = dependency(kClassA, "Missing");
  EXPECT_TRUE(messages(capture, "SET005").empty()) << "own class: WMD041";
}

TEST(RulesSet, Set006MatchesCaseInsensitivelyAndExemptsRemoteTargets) {
  CaptureSet capture;
  capture.writers.push_back(
      writer("a.xml", kClassA, "11111111-1111-1111-1111-111111111111", "A"));
  capture.writers.push_back(
      writer("b.xml", kClassB, "22222222-2222-2222-2222-222222222222", "B"));
  capture.writers[1].components[0].logical_path = "Store";
  auto& deps = capture.writers[0].components[0].dependencies;
  deps.push_back(dependency(kClassB, "DATA", "store"));
  EXPECT_TRUE(messages(capture, "SET006").empty());
  deps[0] = dependency(kClassB, "Data");  // wrong logical path
  EXPECT_EQ(messages(capture, "SET006"),
            std::vector<std::string>{
                "component \"A:\\Data\" depends on \"B:\\Data\", which writer "
                "\"B {c94f0d6e-2a83-4b17-8e5c-3d7a1f60b295}\" does not "
                "declare"});
  deps[0] = dependency(kClassB, "\\\\OTHERHOST\\Data");
  EXPECT_TRUE(messages(capture, "SET006").empty());
}

TEST(RulesSet, Set007ReportsEachCycleOnceAndIgnoresSameWriterEdges) {
  CaptureSet capture;
  capture.writers.push_back(
      writer("a.xml", kClassA, "11111111-1111-1111-1111-111111111111", "A"));
  capture.writers.push_back(
      writer("b.xml", kClassB, "22222222-2222-2222-2222-222222222222", "B"));
  capture.writers.push_back(
      writer("c.xml", kClassC, "33333333-3333-3333-3333-333333333333", "C"));
  // A -> A (own writer, ignored), A -> B -> C: no cycle yet.
  capture.writers[0].components[0].dependencies = {dependency(kClassA, "Data"),
                                                   dependency(kClassB, "Data")};
  capture.writers[1].components[0].dependencies = {dependency(kClassC, "Data")};
  EXPECT_TRUE(messages(capture, "SET007").empty());

  capture.writers[2].components[0].dependencies = {dependency(kClassA, "Data")};
  EXPECT_EQ(messages(capture, "SET007"),
            std::vector<std::string>{
                "components \"A:\\Data\", \"B:\\Data\", \"C:\\Data\" depend "
                "on each other in a cycle"});
}

TEST(RulesSet, Set001And003CompareValuesNotSpellings) {
  CaptureSet capture;
  capture.writers.push_back(
      writer("a.xml", kClassA, "11111111-1111-1111-1111-111111111111", "A"));
  capture.writers.push_back(
      writer("b.xml", kClassA, "{11111111-1111-1111-1111-111111111111}", "A"));
  capture.writers[1].components[0].logical_path = "Two";
  capture.writers[0].identity.instance_name = "Main";
  capture.writers[1].identity.instance_name = "main";
  EXPECT_EQ(messages(capture, "SET001").size(), 1U);
  // Instance names are compared exactly: "main" is not "Main".
  EXPECT_TRUE(messages(capture, "SET003").empty());
  capture.writers[1].identity.instance_name = "Main";
  EXPECT_EQ(messages(capture, "SET003").size(), 1U);
}

}  // namespace
}  // namespace vssmeta
