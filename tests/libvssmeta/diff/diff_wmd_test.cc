// SPDX-License-Identifier: MIT
// diff_writer(): the WMD walk on in-memory models, for the cases the file
// pairs in testdata/diff/ do not cover.
#include <gtest/gtest.h>

#include "diff/diff_engine.h"

namespace vssmeta::internal {
namespace {

std::vector<Change> run(const WriterMetadata& a, const WriterMetadata& b) {
  std::vector<Change> out;
  diff_writer(DiffSink{&out, DocumentKind::kWriterMetadata, "W", ""}, a, b);
  return out;
}

Component component(const char* lp, const char* name) {
  Component c;
  if (lp != nullptr) c.logical_path = lp;
  c.name = name;
  return c;
}

TEST(DiffWmd, RestoreMethodAddedAndRemoved) {
  WriterMetadata a;
  WriterMetadata b;
  b.restore_method.emplace();
  b.restore_method->method = RestoreMethodType::kCustom;
  FileDescriptor m;
  m.kind = FileDescriptorKind::kAlternateLocationMapping;
  m.path = "C:\\A";
  m.filespec = "*";
  m.alternate_path = "D:\\B";
  b.restore_method->alternate_location_mappings.push_back(m);
  auto out = run(a, b);
  ASSERT_EQ(out.size(), 2U);
  EXPECT_EQ(out[0].field, "RESTORE_METHOD");
  EXPECT_EQ(out[0].kind, ChangeKind::kAdded);
  EXPECT_EQ(out[0].after, "method=\"CUSTOM\" rebootRequired=\"no\"");
  EXPECT_EQ(out[1].field, "ALTERNATE_LOCATION_MAPPING");
  EXPECT_EQ(out[1].after, "C:\\A\\* -> D:\\B");
  out = run(b, a);
  ASSERT_EQ(out.size(), 2U);
  EXPECT_EQ(out[0].kind, ChangeKind::kRemoved);
}

TEST(DiffWmd, ExcludeListsAreWriterLevelDescriptors) {
  WriterMetadata a;
  WriterMetadata b;
  FileDescriptor x;
  x.kind = FileDescriptorKind::kExclude;
  x.path = "%TEMP%";
  x.filespec = "*";
  b.exclude_files.push_back(x);
  const auto out = run(a, b);
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].field, "EXCLUDE_FILES");
  EXPECT_EQ(out[0].component, "");
}

TEST(DiffWmd, TypeChangeAndMoveWithFieldChanges) {
  WriterMetadata a;
  WriterMetadata b;
  a.components = {component("Old", "Db"), component(nullptr, "Top")};
  b.components = {component(nullptr, "Top"), component("New", "Db")};
  b.components[1].type = ComponentType::kDatabase;
  b.components[1].caption = "cap";
  const auto out = run(a, b);
  ASSERT_EQ(out.size(), 3U);
  EXPECT_EQ(out[0].kind, ChangeKind::kMoved);
  EXPECT_EQ(out[0].component, "New\\Db");
  EXPECT_EQ(out[1].field, "caption");
  EXPECT_EQ(out[2].field, "componentType");
  EXPECT_EQ(out[2].after, "database");
}

TEST(DiffWmd, AmbiguousMovesStayRemovedAndAdded) {
  WriterMetadata a;
  WriterMetadata b;
  a.components = {component("A", "X"), component("B", "X")};
  b.components = {component("C", "X"), component("D", "X")};
  const auto out = run(a, b);
  ASSERT_EQ(out.size(), 4U);
  for (const Change& c : out) EXPECT_EQ(c.field, "COMPONENT");
}

TEST(DiffWmd, CaseOnlyRenamesAreFieldChangesNotMoves) {
  WriterMetadata a;
  WriterMetadata b;
  a.components = {component("Host", "db")};
  b.components = {component("HOST", "DB")};
  const auto out = run(a, b);
  ASSERT_EQ(out.size(), 2U);
  EXPECT_EQ(out[0].field, "logicalPath");
  EXPECT_EQ(out[0].kind, ChangeKind::kModified);
  EXPECT_EQ(out[1].field, "componentName");
}

TEST(DiffWmd, DependencySpellingIsAChangedDependency) {
  WriterMetadata a;
  a.components = {component(nullptr, "C")};
  Dependency d;
  d.writer_id = *Guid::parse("afbab4a2-367d-4d15-a586-71dbb18f8485");
  d.component_name = "Registry";
  a.components[0].dependencies.push_back(d);
  WriterMetadata b = a;
  b.components[0].dependencies[0].component_name = "REGISTRY";
  const auto out = run(a, b);
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].kind, ChangeKind::kModified);
  EXPECT_EQ(out[0].after, "{afbab4a2-367d-4d15-a586-71dbb18f8485}:\\REGISTRY");
}

// A volume the ASR writer lists under a new GUID with the caption of one
// it no longer lists (the same drive letter): one volume recreated, not
// two unrelated changes; its other changes are still reported.
TEST(DiffWmd, VolumeWithNewGuidAndSameCaptionIsRecreated) {
  auto volume = [](const char* name, const char* caption) {
    Component c = component("Volumes", name);
    c.caption = caption;
    return c;
  };
  WriterMetadata a;
  WriterMetadata b;
  a.components.push_back(volume("Volume{aaaa}", "Select this volume (E:)"));
  a.components.push_back(volume("Volume{cccc}", "Select this volume (F:)"));
  b.components.push_back(volume("volume{BBBB}", "Select this volume (E:)"));
  b.components.back().selectable = true;
  b.components.push_back(volume("Volume{dddd}", "Select this volume (G:)"));
  const auto out = run(a, b);
  ASSERT_EQ(out.size(), 4U);
  EXPECT_EQ(out[0].kind, ChangeKind::kModified);
  EXPECT_EQ(out[0].field, "volumeRecreated");
  EXPECT_EQ(out[0].before, "Volume{aaaa}");
  EXPECT_EQ(out[0].after, "volume{BBBB}");
  EXPECT_EQ(out[0].component, "Volumes\\volume{BBBB}");
  EXPECT_EQ(out[1].field, "selectable");
  EXPECT_EQ(out[1].component, "Volumes\\volume{BBBB}");
  // Another caption (another drive letter): removed and added.
  EXPECT_EQ(out[2].kind, ChangeKind::kRemoved);
  EXPECT_EQ(out[2].component, "Volumes\\Volume{cccc}");
  EXPECT_EQ(out[3].kind, ChangeKind::kAdded);
  EXPECT_EQ(out[3].component, "Volumes\\Volume{dddd}");
}

TEST(DiffWmd, OnlyUnambiguousVolumesPairAndOnlyVolumes) {
  WriterMetadata a;
  WriterMetadata b;
  for (const char* name : {"Volume{1}", "Volume{2}"}) {
    a.components.push_back(component("Volumes", name));
    a.components.back().caption = "same";
  }
  b.components.push_back(component("Volumes", "Volume{3}"));
  b.components.back().caption = "same";  // two old ones say "same": which?
  a.components.push_back(component("Disks", "harddisk0"));
  a.components.back().caption = "disk";
  b.components.push_back(component("Disks", "harddisk9"));
  b.components.back().caption = "disk";  // not a volume
  a.components.push_back(component("Volumes", "Volume{5}"));
  b.components.push_back(component("Volumes", "Volume{6}"));  // no caption
  const auto out = run(a, b);
  for (const Change& c : out) {
    EXPECT_NE(c.field, "volumeRecreated") << c.component;
    EXPECT_EQ(c.field, "COMPONENT") << c.component;
  }
  EXPECT_EQ(out.size(), 7U);  // 4 removed, 3 added
}

// A file set's change carries the directory it names, for --stat.
TEST(DiffWmd, DescriptorChangesCarryTheirDirectory) {
  WriterMetadata a;
  WriterMetadata b;
  a.components.push_back(component(nullptr, "C"));
  b.components.push_back(component(nullptr, "C"));
  FileDescriptor f;
  f.path = "D:\\Data\\";
  f.filespec = "*.mdf";
  b.components[0].files.push_back(f);
  const auto out = run(a, b);
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].directory, "D:\\Data\\");
  EXPECT_EQ(out[0].after, "D:\\Data\\*.mdf");
}

// One side rebuilt from diskshadow's text: the diff says so, compares what
// the text carries, and never reports what it cannot carry (usage, schema,
// service, flags, recursion) as removed.
TEST(DiffWmd, ReconstructedSideComparesOnlyWhatTheTextSays) {
  WriterMetadata xml;
  xml.identity.friendly_name = "SqlServerWriter";
  xml.identity.usage = UsageType::kUserData;
  xml.identity.data_source = SourceType::kTransactedDb;
  xml.backup_schema = 0x2;
  RestoreMethod method;
  method.method = RestoreMethodType::kRestoreIfCanReplace;
  method.service = "MSSQLSERVER";
  xml.restore_method = method;
  Component payroll = component("KESTREL-SRV04", "Payroll");
  payroll.selectable = true;
  payroll.caption = "Payroll";
  payroll.component_flags = 1;
  FileDescriptor f;
  f.path = "E:\\SQLData";
  f.filespec = "payroll.mdf";
  f.recursive = false;
  payroll.files.push_back(f);
  xml.components.push_back(payroll);

  WriterMetadata text = xml;
  text.identity.usage.reset();
  text.identity.data_source.reset();
  text.backup_schema.reset();
  text.restore_method->service.reset();
  text.components[0].component_flags.reset();
  text.components[0].files[0].recursive.reset();
  text.from_text = TextReconstruction{};
  text.from_text->where = Location{"meta.txt", 10, 1};
  text.from_text->writer_id_known = true;

  auto changes = run(xml, text);
  ASSERT_EQ(changes.size(), 1U);
  EXPECT_EQ(changes[0].field, "reconstructedFromText");
  EXPECT_EQ(changes[0].before, "read from its XML document");
  EXPECT_EQ(changes[0].after,
            "reconstructed from text (line 10): only what diskshadow printed "
            "is known");

  // What the text does carry is compared as ever.
  text.components[0].caption = "Payroll database";
  changes = run(text, xml);
  ASSERT_EQ(changes.size(), 2U);
  EXPECT_EQ(changes[1].field, "caption");
  EXPECT_EQ(changes[1].before, "Payroll database");
  EXPECT_EQ(changes[1].after, "Payroll");

  // Two XML documents: the same differences are all reported.
  text.from_text.reset();
  EXPECT_GT(run(xml, text).size(), 4U);
}

}  // namespace
}  // namespace vssmeta::internal
