// SPDX-License-Identifier: MIT
// diff(): matching, normalisation, impact classes, hiding and ignoring, on
// the hand-written pairs in testdata/diff/ and on the real capture in
// ../shared/vss-samples (skipped when absent; modified only in a temp dir).
#include "vssmeta/diff.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/parse.h"
#include "vssmeta/serialize.h"

namespace vssmeta {
namespace {

CaptureSet load_set(const std::filesystem::path& path) {
  auto set = load(path.string(), LoadOptions{});
  EXPECT_TRUE(set.has_value()) << (set ? "" : to_string(set.error()));
  return set ? std::move(*set) : CaptureSet{};
}

CaptureSet load_diff(const std::string& name) {
  return load_set(testing::testdata_dir() / "diff" / name);
}

MetadataDiff diff_with_base(const std::string& name,
                            const DiffOptions& options = {}) {
  return diff(load_diff("base.xml"), load_diff(name), options);
}

const Change* find(const MetadataDiff& d, const std::string& field) {
  for (const Change& c : d.changes) {
    if (c.field == field) return &c;
  }
  return nullptr;
}

TEST(Diff, SameMeaningIsIdentical) {
  for (const char* name : {"base.xml", "same-reordered.xml", "same-utf16le.xml",
                           "same-oneline.xml"}) {
    const MetadataDiff d = diff_with_base(name);
    EXPECT_TRUE(d.empty()) << name << ": " << d.changes.front().field;
    EXPECT_EQ(d.hidden, 0U) << name;
  }
}

TEST(Diff, ComponentAddedIsNotable) {
  const MetadataDiff d = diff_with_base("component-added.xml");
  ASSERT_EQ(d.changes.size(), 1U);
  const Change& c = d.changes[0];
  EXPECT_EQ(c.kind, ChangeKind::kAdded);
  EXPECT_EQ(c.field, "COMPONENT");
  EXPECT_EQ(c.path(), "Fernwood Archive Writer:\\Reports");
  EXPECT_EQ(c.impact, Impact::kNotable);
  EXPECT_EQ(c.after, "filegroup \"Monthly reports\", selectable");
  EXPECT_FALSE(c.before.has_value());
}

TEST(Diff, ComponentRemovedIsBreaking) {
  const MetadataDiff d = diff_with_base("component-removed.xml");
  ASSERT_EQ(d.changes.size(), 1U);
  EXPECT_EQ(d.changes[0].kind, ChangeKind::kRemoved);
  EXPECT_EQ(d.changes[0].component, "Config\\Templates");
  EXPECT_TRUE(d.has_breaking());
}

TEST(Diff, LogicalPathChangeIsAMoveNotRemoveAndAdd) {
  const MetadataDiff d = diff_with_base("component-moved.xml");
  ASSERT_EQ(d.changes.size(), 1U);
  const Change& c = d.changes[0];
  EXPECT_EQ(c.kind, ChangeKind::kMoved);
  EXPECT_EQ(c.field, "logicalPath");
  EXPECT_EQ(c.before, "Logs");
  EXPECT_EQ(c.after, "History");
  EXPECT_EQ(c.component, "History\\Archive");
  EXPECT_EQ(c.impact, Impact::kBreaking);
}

TEST(Diff, FilespecChangeIsOneChangedDescriptor) {
  const MetadataDiff d = diff_with_base("filespec-changed.xml");
  ASSERT_EQ(d.changes.size(), 2U);
  EXPECT_EQ(d.changes[0].kind, ChangeKind::kAdded);
  EXPECT_EQ(d.changes[0].after,
            "C:\\Program Files\\Fernwood\\Config\\Schemas\\*.xsd");
  EXPECT_EQ(d.changes[1].kind, ChangeKind::kModified);
  EXPECT_EQ(d.changes[1].field, "FILE_LIST");
  EXPECT_EQ(d.changes[1].before, "C:\\Program Files\\Fernwood\\Config\\*.ini");
  EXPECT_EQ(d.changes[1].after, "C:\\Program Files\\Fernwood\\Config\\*.cfg");
  EXPECT_EQ(d.count(Impact::kNotable), 2U);
  const ChangeCounts n = d.counts();
  EXPECT_EQ(n.breaking, 0U);
  EXPECT_EQ(n.notable, 2U);
  EXPECT_EQ(n.cosmetic, 0U);
  EXPECT_EQ(n.total(), 2U);
  EXPECT_FALSE(d.empty());
  EXPECT_FALSE(d.has_breaking());
}

TEST(Diff, SelectableToNonselectableIsBreaking) {
  const MetadataDiff d = diff_with_base("selectability-flipped.xml");
  ASSERT_EQ(d.changes.size(), 1U);
  EXPECT_EQ(d.changes[0].field, "selectable");
  EXPECT_EQ(d.changes[0].impact, Impact::kBreaking);
  // The other direction only widens what a requester may do.
  const MetadataDiff back =
      diff(load_diff("selectability-flipped.xml"), load_diff("base.xml"));
  ASSERT_EQ(back.changes.size(), 1U);
  EXPECT_EQ(back.changes[0].impact, Impact::kNotable);
}

TEST(Diff, RestoreMethodAndWriterRestoreAreBreaking) {
  const MetadataDiff d = diff_with_base("restore-method-changed.xml");
  ASSERT_NE(find(d, "method"), nullptr);
  EXPECT_EQ(find(d, "method")->impact, Impact::kBreaking);
  EXPECT_EQ(find(d, "writerRestore")->impact, Impact::kBreaking);
  EXPECT_EQ(find(d, "rebootRequired")->impact, Impact::kNotable);
  EXPECT_EQ(find(d, "rebootRequired")->after, "yes");
}

TEST(Diff, DependencyChangeIsRemovedPlusAdded) {
  const MetadataDiff d = diff_with_base("dependency-changed.xml");
  ASSERT_EQ(d.changes.size(), 2U);
  EXPECT_EQ(d.changes[0].kind, ChangeKind::kAdded);
  EXPECT_EQ(d.changes[0].after,
            "{e8132975-6f93-4464-a53e-1050253ae220}:\\System Files");
  EXPECT_EQ(d.changes[1].kind, ChangeKind::kRemoved);
  EXPECT_EQ(d.changes[1].component, "Ledger");
}

TEST(Diff, InstanceIdsAreHiddenUnlessShowAll) {
  const MetadataDiff d = diff_with_base("instance-id-changed.xml");
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.hidden, 1U);
  DiffOptions all;
  all.show_all = true;
  const MetadataDiff shown = diff_with_base("instance-id-changed.xml", all);
  ASSERT_EQ(shown.changes.size(), 1U);
  EXPECT_EQ(shown.changes[0].field, "instanceId");
  EXPECT_EQ(shown.changes[0].impact, Impact::kCosmetic);
  EXPECT_EQ(shown.changes[0].after, "{0b9d8c7e-1f2a-4b3c-8d4e-5f6a7b8c9d0e}");
}

TEST(Diff, UnknownContentIsReported) {
  const MetadataDiff d = diff_with_base("unknown-content.xml");
  ASSERT_EQ(d.changes.size(), 2U);
  EXPECT_EQ(d.changes[0].field, "BACKUP_LOCATIONS/FERNWOOD_HINT");
  EXPECT_EQ(d.changes[0].after,
            "<FERNWOOD_HINT level=\"2\">keep</FERNWOOD_HINT>");
  EXPECT_EQ(d.changes[1].field, "IDENTIFICATION@vendorBuild");
  EXPECT_EQ(d.changes[1].after, "2.1.7");
}

TEST(Diff, IgnorePatternsMatchFieldPathOrWriter) {
  DiffOptions options;
  options.ignore = {"REBOOTREQUIRED"};
  MetadataDiff d = diff_with_base("restore-method-changed.xml", options);
  EXPECT_EQ(d.changes.size(), 2U);
  EXPECT_EQ(d.ignored, 1U);
  options.ignore = {"fernwood archive writer"};
  d = diff_with_base("restore-method-changed.xml", options);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.ignored, 3U);
  options.ignore = {"*:\\Config*"};
  d = diff_with_base("filespec-changed.xml", options);
  EXPECT_TRUE(d.empty());
}

TEST(Diff, CapturesMatchWritersByClassNotFileName) {
  const MetadataDiff d =
      diff(load_diff("capture-old"), load_diff("capture-new"));
  // Registry moved from WM1 to WM0 and got a new instance id: nothing shown.
  for (const Change& c : d.changes) {
    EXPECT_FALSE(c.document == DocumentKind::kWriterMetadata &&
                 c.writer == "Registry Writer")
        << c.field;
  }
  EXPECT_EQ(d.hidden, 2U);  // Registry's instance id, the snapshot set id
  const Change* declared = find(d, "declaredByWriter");
  ASSERT_NE(declared, nullptr);
  EXPECT_EQ(declared->path(), "Fernwood Archive Writer:\\Config\\Templates");
  EXPECT_EQ(declared->impact, Impact::kBreaking);
  ASSERT_NE(find(d, "WRITER"), nullptr);
  EXPECT_EQ(find(d, "WRITER")->writer, "BITS Writer");
  EXPECT_EQ(find(d, "WRITER")->kind, ChangeKind::kAdded);
  EXPECT_EQ(d.count(Impact::kBreaking), 2U);
}

TEST(Diff, InstancesOfOneClassPairByInstanceNameThenContent) {
  auto wmd = [](const char* instance, const char* component) {
    std::string xml =
        "<WRITER_METADATA><IDENTIFICATION "
        "writerId=\"3f1c9a2e-5b7d-4e8a-9c61-2d4f8b0e7a13\" friendlyName=\"F\"";
    if (instance != nullptr)
      xml += std::string(" instanceName=\"") + instance + "\"";
    xml += "/><BACKUP_LOCATIONS><FILE_GROUP componentName=\"";
    xml += component;
    xml += "\"/></BACKUP_LOCATIONS></WRITER_METADATA>";
    auto parsed = parse_writer_metadata(xml);
    EXPECT_TRUE(parsed.has_value());
    return *parsed;
  };
  CaptureSet a;
  a.writers = {wmd("one", "A"), wmd("two", "B"), wmd(nullptr, "X"),
               wmd(nullptr, "Y")};
  CaptureSet b;
  b.writers = {wmd(nullptr, "Y"), wmd("two", "B"), wmd(nullptr, "X"),
               wmd("one", "A")};
  EXPECT_TRUE(diff(a, b).empty());
  b.writers[3] = wmd("one", "A2");
  const MetadataDiff d = diff(a, b);
  ASSERT_EQ(d.changes.size(), 2U);
  EXPECT_EQ(d.changes[0].writer, "F (one)");
  EXPECT_EQ(d.changes[0].component, "A");
  EXPECT_EQ(d.changes[1].component, "A2");
}

// A BCD writer entry is labelled after, and checked against, the WMD it
// refers to (resolve_writer_entry), not the last WMD of its class.
TEST(Diff, BcdEntriesAreLabelledByTheInstanceTheyReferTo) {
  CaptureSet a;
  for (const char* instance : {"one", "two"}) {
    WriterMetadata w;
    w.identity.writer_id = *Guid::parse("3f1c9a2e-5b7d-4e8a-9c61-2d4f8b0e7a13");
    w.identity.friendly_name = "F";
    w.identity.instance_name = instance;
    a.writers.push_back(std::move(w));
  }
  // Only instance "one" declares A: the entry's component stays declared.
  a.writers[0].components.emplace_back().name = "A";
  WriterComponents entry;
  entry.writer_id = a.writers[0].identity.writer_id;
  entry.instance_name = "one";
  BcdComponent c;
  c.name = "A";
  c.backup_stamp = "1";
  entry.components.push_back(c);
  a.backup_components.emplace_back().writers.push_back(entry);
  CaptureSet b = a;
  b.backup_components[0].writers[0].components[0].backup_stamp = "2";
  const MetadataDiff d = diff(a, b);
  ASSERT_EQ(d.changes.size(), 1U);
  EXPECT_EQ(d.changes[0].writer, "F (one)");
  EXPECT_EQ(d.changes[0].field, "backupStamp");
}

// Unnamed instances of one class that declare the same components pair by
// their files too: swapping the instances' order and changing one file of
// one of them reports that one change, labelled so the instance is known.
TEST(Diff, UnnamedInstancesPairByTheirFiles) {
  auto wmd = [](const char* instance_id, const char* dir) {
    std::string xml =
        "<WRITER_METADATA><IDENTIFICATION "
        "writerId=\"3f1c9a2e-5b7d-4e8a-9c61-2d4f8b0e7a13\" instanceId=\"";
    xml += instance_id;
    xml +=
        "\" friendlyName=\"F\"/><BACKUP_LOCATIONS><FILE_GROUP "
        "componentName=\"A\"><FILE_LIST path=\"";
    xml += dir;
    xml +=
        "\" filespec=\"*\"/></FILE_GROUP></BACKUP_LOCATIONS>"
        "</WRITER_METADATA>";
    auto parsed = parse_writer_metadata(xml);
    EXPECT_TRUE(parsed.has_value());
    return *parsed;
  };
  constexpr const char* kOne = "11111111-1111-4111-8111-111111111111";
  constexpr const char* kTwo = "22222222-2222-4222-8222-222222222222";
  CaptureSet a;
  a.writers = {wmd(kOne, "C:\\one"), wmd(kTwo, "C:\\two")};
  CaptureSet b;
  b.writers = {wmd(kTwo, "C:\\three"), wmd(kOne, "C:\\one")};
  const MetadataDiff d = diff(a, b);
  ASSERT_EQ(d.changes.size(), 2U);
  for (const Change& c : d.changes) {
    EXPECT_EQ(c.writer, "F (instance {22222222-2222-4222-8222-222222222222})");
    EXPECT_EQ(c.field, "FILE_LIST");
  }
  EXPECT_EQ(d.changes[0].after.value_or(""), "C:\\three\\*");
  EXPECT_EQ(d.changes[1].before.value_or(""), "C:\\two\\*");
}

TEST(Diff, SingleWmdOverloadReportsAClassIdChange) {
  auto a = load_diff("base.xml");
  auto b = load_diff("base.xml");
  b.writers[0].identity.writer_id =
      *Guid::parse("e8132975-6f93-4464-a53e-1050253ae220");
  const MetadataDiff d = diff(a.writers[0], b.writers[0]);
  ASSERT_EQ(d.changes.size(), 1U);
  EXPECT_EQ(d.changes[0].field, "writerId");
  EXPECT_EQ(d.changes[0].impact, Impact::kBreaking);
  // As captures, the writers do not match: one removed, one added.
  const MetadataDiff as_sets = diff(a, b);
  ASSERT_EQ(as_sets.changes.size(), 2U);
  EXPECT_EQ(as_sets.changes[0].field, "WRITER");
}

TEST(Diff, SingleBcdOverloadLabelsWritersByInstanceName) {
  auto a = load_diff("bcd-base.xml");
  auto b = load_diff("bcd-changed.xml");
  const MetadataDiff d = diff(a.backup_components[0], b.backup_components[0]);
  ASSERT_NE(find(d, "backupType"), nullptr);
  EXPECT_EQ(find(d, "backupType")->after, "differential");
  EXPECT_EQ(find(d, "backupSucceeded")->path(), "Fernwood:\\Config");
  EXPECT_EQ(find(d, "WRITER_COMPONENTS")->kind, ChangeKind::kRemoved);
  EXPECT_EQ(d.hidden, 1U);
}

TEST(Diff, ClassifyIsTheOnePlaceForImpact) {
  Change c;
  c.field = "caption";
  c.before = "a";
  c.after = "b";
  EXPECT_EQ(classify(c), Impact::kCosmetic);
  c.field = "service";
  EXPECT_EQ(classify(c), Impact::kNotable);
  c.after = "A";  // case only
  EXPECT_EQ(classify(c), Impact::kCosmetic);
  c.field = "componentType";
  c.after = "database";
  EXPECT_EQ(classify(c), Impact::kBreaking);
  c.document = DocumentKind::kBackupComponents;
  EXPECT_EQ(classify(c), Impact::kNotable);
  c.field = "COMPONENT";
  c.kind = ChangeKind::kRemoved;
  EXPECT_EQ(classify(c), Impact::kNotable);  // dropped from a selection
  c.document = DocumentKind::kWriterMetadata;
  EXPECT_EQ(classify(c), Impact::kBreaking);
  c.field = "WRITER";
  c.kind = ChangeKind::kAdded;
  EXPECT_EQ(classify(c), Impact::kNotable);
  c.kind = ChangeKind::kModified;
  c.field = "volumeRecreated";
  c.before = "Volume{1}";
  c.after = "Volume{2}";
  EXPECT_EQ(classify(c), Impact::kNotable);
}

// The ASR writer's `Disks\harddiskN` caption names the disk's signature: a
// new signature under the same number means the disks were renumbered,
// which matters to an ASR restore; any other caption change is cosmetic.
TEST(Diff, DiskSignatureInACaptionIsNotable) {
  Change c;
  c.field = "caption";
  c.before =
      "Select to include disk #0 (of signature 0x9c93ebc7) for ASR "
      "restore.";
  c.after =
      "Select to include disk #0 (of signature 0x629F16E1) for ASR "
      "restore.";
  EXPECT_EQ(classify(c), Impact::kNotable);
  c.after =
      "Select to include disk #0 (of signature 0x9C93EBC7) in the ASR "
      "restore.";  // reworded, same disk (hex case does not count)
  EXPECT_EQ(classify(c), Impact::kCosmetic);
  c.after = "Select to include disk #0 for ASR restore.";  // signature gone
  EXPECT_EQ(classify(c), Impact::kCosmetic);
  c.field = "componentCaption";
  c.before = "disk (signature 0x1)";
  c.after = "disk (signature 0x2)";
  EXPECT_EQ(classify(c), Impact::kNotable);
}

// A file descriptor whose path is only spelled otherwise (slashes, doubled
// backslashes, case) is the same set of files: cosmetic, like letter case.
TEST(Diff, PathSpellingOfADescriptorIsCosmetic) {
  Change c;
  c.kind = ChangeKind::kModified;
  c.field = "FILE_LIST";
  c.before = "C:\\Program Files\\App\\*.ini";
  c.after = "c:/Program Files//App\\*.ini";
  EXPECT_EQ(classify(c), Impact::kCosmetic);
  c.after = "C:\\Program Files\\App2\\*.ini";
  EXPECT_EQ(classify(c), Impact::kNotable);
  c.field = "service";  // not a path: a slash is another value
  c.before = "a/b";
  c.after = "a\\b";
  EXPECT_EQ(classify(c), Impact::kNotable);
}

// The issue-10 example: `D:\Fernhill\Ledgers` and `D:/Fernhill/Ledgers` are
// one file set. diff pairs them (a cosmetic respelling, not a removed and an
// added set), and validate agrees: the two in one component are a WMD023
// duplicate (testdata/rules/WMD023/trigger-forward-slashes.xml).
TEST(Diff, ForwardSlashesNameTheSameFileSet) {
  const auto capture = [](const char* path) {
    FileDescriptor f;
    f.kind = FileDescriptorKind::kFileList;
    f.path = path;
    f.filespec = "*.ldg";
    Component c;
    c.type = ComponentType::kFileGroup;
    c.name = "Ledgers";
    c.files.push_back(f);
    WriterMetadata w;
    w.identity.friendly_name = "Fernhill Archive Writer";
    w.components.push_back(c);
    CaptureSet set;
    set.writers.push_back(w);
    return set;
  };
  const MetadataDiff d =
      diff(capture("D:\\Fernhill\\Ledgers"), capture("D:/Fernhill/Ledgers"));
  ASSERT_EQ(d.changes.size(), 1U);
  EXPECT_EQ(d.changes[0].kind, ChangeKind::kModified);
  EXPECT_EQ(d.changes[0].field, "FILE_LIST");
  EXPECT_EQ(d.changes[0].before, "D:\\Fernhill\\Ledgers\\*.ldg");
  EXPECT_EQ(d.changes[0].after, "D:/Fernhill/Ledgers\\*.ldg");
  EXPECT_EQ(d.changes[0].impact, Impact::kCosmetic);
}

TEST(Diff, ToStringNames) {
  EXPECT_STREQ(to_string(ChangeKind::kMoved), "moved");
  EXPECT_STREQ(to_string(Impact::kBreaking), "breaking");
  EXPECT_STREQ(to_string(DocumentKind::kBackupComponents), "bcd");
}

TEST(DiffConformance, RealCaptureIsIdenticalToItself) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const auto folder = samples / "diskshadow-ws2012-sql2017";
  const MetadataDiff d = diff(load_set(folder), load_set(folder));
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.hidden, 0U);
}

TEST(DiffConformance, ModifiedCopyReportsTheChangeByName) {
  VSSMETA_REQUIRE_SAMPLES(samples);
  const auto folder = samples / "diskshadow-ws2012-sql2017";
  const CaptureSet original = load_set(folder);
  // The first writer with a captioned component: in a copy of the capture
  // made in a temp dir (the samples are never changed), its file is
  // rewritten with that component's caption and selectability changed.
  const WriterMetadata* target = nullptr;
  for (const auto& w : original.writers) {
    if (!w.components.empty() && w.components[0].caption) {
      target = &w;
      break;
    }
  }
  ASSERT_NE(target, nullptr);
  namespace fs = std::filesystem;
  const auto tmp =
      fs::temp_directory_path() /
      ("vssmeta-diff-conformance-" + std::to_string(std::random_device{}()));
  fs::remove_all(tmp);
  fs::copy(folder, tmp);
  // The samples are read-only and so are their copies: Windows would refuse
  // to rewrite or delete them.
  for (const auto& e : fs::directory_iterator(tmp))
    fs::permissions(e.path(), fs::perms::owner_write, fs::perm_options::add);
  WriterMetadata edited = *target;
  edited.components[0].caption = *edited.components[0].caption + " (edited)";
  edited.components[0].selectable = !edited.components[0].is_selectable();
  {
    std::ofstream out(
        tmp / std::filesystem::path(target->source.name).filename(),
        std::ios::binary | std::ios::trunc);
    ASSERT_TRUE(out);
    out << to_xml(edited);
  }
  const CaptureSet copy = load_set(tmp);
  std::filesystem::remove_all(tmp);
  const MetadataDiff d = diff(original, copy);
  ASSERT_EQ(d.changes.size(), 2U);
  const std::string path =
      target->display_name() + ":\\" + target->components[0].full_path();
  for (const Change& c : d.changes) EXPECT_EQ(c.path(), path);
  ASSERT_NE(find(d, "caption"), nullptr);
  EXPECT_EQ(find(d, "caption")->impact, Impact::kCosmetic);
  EXPECT_NE(find(d, "selectable"), nullptr);
  EXPECT_EQ(d.hidden, 0U);
}

}  // namespace
}  // namespace vssmeta
