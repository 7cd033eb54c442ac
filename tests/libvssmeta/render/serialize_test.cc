// SPDX-License-Identifier: MIT
#include "vssmeta/serialize.h"

#include <filesystem>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "load/xml_document.h"
#include "support/test_support.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/metadata_text.h"
#include "vssmeta/parse.h"

namespace vssmeta {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;
using testing::testdata_dir;

std::string save(const Document& doc) {
  return std::visit([](const auto& d) { return to_xml(d); }, doc);
}

// Every document in testdata/ that should load.
std::vector<fs::path> good_documents() {
  std::vector<fs::path> out;
  for (const char* dir : {"wmd", "bcd", "encodings", "capture"}) {
    for (const auto& e : fs::directory_iterator(testdata_dir() / dir)) {
      if (e.path().filename() != "Manifest.xml") out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Serialize, RoundTripGivesAnEqualModelForEveryTestDocument) {
  const auto files = good_documents();
  ASSERT_GE(files.size(), 25U);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    auto first = parse_document(read_bytes(file));
    ASSERT_OK(first);
    const std::string xml = save(*first);
    auto second = parse_document(xml);
    ASSERT_OK(second);
    EXPECT_TRUE(*first == *second);
    // Saving again is a fixed point.
    EXPECT_EQ(save(*second), xml);
  }
}

// --indent: the same model back from every test document (the loader
// drops whitespace-only text), and the layout is a fixed point too.
TEST(Serialize, IndentedOutputLoadsAsTheSameModel) {
  for (const fs::path& file : good_documents()) {
    SCOPED_TRACE(file.string());
    auto first = parse_document(read_bytes(file));
    ASSERT_OK(first);
    const XmlLayout layout{.indent = 2};
    const std::string xml =
        std::visit([&](const auto& d) { return to_xml(d, layout); }, *first);
    auto second = parse_document(xml);
    ASSERT_OK(second);
    EXPECT_TRUE(*first == *second);
    EXPECT_EQ(
        std::visit([&](const auto& d) { return to_xml(d, layout); }, *second),
        xml);
  }
}

// One element a line, two spaces a level; an element holding text keeps its
// content exactly (whitespace there would be content), an empty element
// stays one tag.
TEST(Serialize, IndentPutsEachElementOnALineButLeavesTextAlone) {
  const std::string xml =
      "<WRITER_METADATA><IDENTIFICATION writerId=\"e8132975-6f93-4464-a53e-"
      "1050253ae220\"/><BACKUP_LOCATIONS><FILE_GROUP componentName=\"a\">"
      "<FILE_LIST path=\"C:\\x\" filespec=\"*\"/></FILE_GROUP>"
      "<NEW x=\"1\">text<SUB><DEEP/></SUB></NEW><OTHER><SUB/></OTHER>"
      "</BACKUP_LOCATIONS></WRITER_METADATA>";
  auto doc = parse_writer_metadata(xml);
  ASSERT_OK(doc);
  EXPECT_EQ(to_xml(*doc, XmlLayout{.indent = 2}),
            "<WRITER_METADATA>\n"
            "  <IDENTIFICATION writerId=\"e8132975-6f93-4464-a53e-"
            "1050253ae220\"/>\n"
            "  <BACKUP_LOCATIONS>\n"
            "    <FILE_GROUP componentName=\"a\">\n"
            "      <FILE_LIST path=\"C:\\x\" filespec=\"*\"/>\n"
            "    </FILE_GROUP>\n"
            "    <NEW x=\"1\">text<SUB><DEEP/></SUB></NEW>\n"
            "    <OTHER>\n"
            "      <SUB/>\n"
            "    </OTHER>\n"
            "  </BACKUP_LOCATIONS>\n"
            "</WRITER_METADATA>");
  EXPECT_EQ(to_xml(*doc), xml);  // the default is still one line
}

TEST(Serialize, OutputIsWellFormedForAnIndependentParser) {
  for (const fs::path& file : good_documents()) {
    SCOPED_TRACE(file.string());
    auto doc = parse_document(read_bytes(file));
    ASSERT_OK(doc);
    const std::string xml = save(*doc);
    pugi::xml_document oracle;
    pugi::xml_parse_result parsed = oracle.load_buffer(
        xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    EXPECT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
  }
}

TEST(Serialize, WritesWindowsSpellings) {
  WriterMetadata w;
  w.xmlns = kWriterMetadataNamespace;
  w.version = "1.2";
  w.identity.writer_id = *Guid::parse("E8132975-6F93-4464-A53E-1050253AE220");
  w.identity.friendly_name = "System Writer";
  w.identity.usage = UsageType::kBootableSystemState;
  w.identity.data_source = SourceType::kOther;
  RestoreMethod& r = w.restore_method.emplace();
  r.method = RestoreMethodType::kRestoreAtRebootIfCannotReplace;
  r.writer_restore = WriterRestore::kNever;
  r.reboot_required = false;
  w.has_backup_locations = true;
  Component& c = w.components.emplace_back();
  c.name = "System Files";
  c.selectable = false;
  c.component_flags = 4;
  FileDescriptor& f = c.files.emplace_back();
  f.path = "%systemroot%\\system32";
  f.filespec = "*.dll";
  f.backup_type_mask = 3855;
  FileDescriptor& x = w.exclude_files.emplace_back();
  x.kind = FileDescriptorKind::kExclude;
  x.path = "C:\\a";
  x.filespec = "b";
  x.recursive = true;
  EXPECT_EQ(to_xml(w),
            "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" "
            "version=\"1.2\"><IDENTIFICATION "
            "writerId=\"E8132975-6F93-4464-A53E-1050253AE220\" "
            "friendlyName=\"System Writer\" usage=\"BOOTABLE_SYSTEM_STATE\" "
            "dataSource=\"OTHER\"/><RESTORE_METHOD "
            "method=\"REPLACE_AT_REBOOT_IF_CANNOT_REPLACE\" "
            "writerRestore=\"never\" rebootRequired=\"no\"/>"
            "<BACKUP_LOCATIONS><FILE_GROUP componentName=\"System Files\" "
            "selectable=\"no\" componentFlags=\"4\"><FILE_LIST "
            "path=\"%systemroot%\\system32\" filespec=\"*.dll\" "
            "filespecBackupType=\"3855\"/></FILE_GROUP><EXCLUDE_FILES "
            "path=\"C:\\a\" filespec=\"b\" recursive=\"yes\"/>"
            "</BACKUP_LOCATIONS></WRITER_METADATA>");
}

TEST(Serialize, EscapesMarkupAndControlCharactersButKeepsCrLf) {
  WriterMetadata w;
  w.identity.writer_id = Guid();
  w.has_backup_locations = true;
  Component& c = w.components.emplace_back();
  c.name = "a&b<c>\"d\"";
  c.caption = std::string("line1\r\nline2\x01");
  c.type = ComponentType::kDatabase;
  const std::string xml = to_xml(w);
  EXPECT_NE(xml.find("componentName=\"a&amp;b&lt;c&gt;&quot;d&quot;\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("caption=\"line1\r\nline2&#1;\""), std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<DATABASE "), std::string::npos);
  auto back = parse_writer_metadata(xml);
  ASSERT_OK(back);
  EXPECT_EQ(back->components[0].name, c.name);
  EXPECT_EQ(back->components[0].caption, c.caption);
}

TEST(Serialize, PutsUnknownElementsBackWhereTheyWere) {
  const std::string xml =
      "<WRITER_METADATA><IDENTIFICATION writerId=\"e8132975-6f93-4464-a53e-"
      "1050253ae220\"/><BACKUP_LOCATIONS><FILE_GROUP componentName=\"a\"/>"
      "<NEW x=\"1\">text<SUB/></NEW><FILE_GROUP componentName=\"b\"/>"
      "</BACKUP_LOCATIONS><TAIL/></WRITER_METADATA>";
  auto doc = parse_writer_metadata(xml);
  ASSERT_OK(doc);
  EXPECT_EQ(to_xml(*doc), xml);
}

TEST(Serialize, BackupComponentsKeepNamespaceOddities) {
  const std::string bytes =
      read_bytes(testdata_dir() / "bcd/sql-full-backup.xml");
  auto bcd = parse_backup_components(bytes);
  ASSERT_OK(bcd);
  const std::string xml = to_xml(*bcd);
  EXPECT_NE(
      xml.find("<WRITER_COMPONENTS xmlns=\"x-schema:#VssComponentMetadata\""),
      std::string::npos)
      << "namespace declarations first, as Windows writes them: "
      << xml.substr(0, 400);
  EXPECT_NE(xml.find("<BACKUP_METADATA metadata=\""), std::string::npos);
  EXPECT_NE(xml.find("<BACKUP_METADATA xmlns=\"\" metadata=\""),
            std::string::npos);
}

// The VSS document element of a parsed file: the root, or the document inside
// a <root> wrapper.
pugi::xml_node document_element(const pugi::xml_document& d) {
  pugi::xml_node root = d.document_element();
  for (pugi::xml_node c : root.children()) {
    const std::string_view n = c.name();
    if (n == "WRITER_METADATA" || n == "BACKUP_COMPONENTS") return c;
  }
  return root;
}

// "name: attr attr ..." for every element, in document order.
std::string attribute_orders(pugi::xml_node element) {
  std::vector<std::string> lines;
  for (pugi::xml_node e = element; e;) {
    std::string line = e.name();
    line += ':';
    for (pugi::xml_attribute a : e.attributes()) {
      line += ' ';
      line += a.name();
    }
    lines.push_back(std::move(line));
    e = internal::next_element(e, element);
  }
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

std::string attribute_orders_of(const std::string& xml) {
  pugi::xml_document d;
  // Any encoding: pugixml detects it (UTF-16 samples).
  EXPECT_TRUE(d.load_buffer(xml.data(), xml.size(), pugi::parse_default));
  return attribute_orders(document_element(d));
}

// Every document in testdata/ and, when present, the real samples next to
// the repository: load, write, load gives an equal model, and every element
// keeps its place and its attributes in the order they were written.
TEST(Serialize, RoundTripKeepsModelAndAttributeOrder) {
  std::vector<fs::path> files = good_documents();
  const fs::path samples = testdata_dir() / "../../shared/vss-samples";
  std::size_t sample_count = 0;
  std::error_code ec;
  if (fs::is_directory(samples, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(samples, ec)) {
      if (e.is_regular_file() && e.path().extension() == ".xml" &&
          e.path().filename() != "Manifest.xml") {
        files.push_back(e.path());
        ++sample_count;
      }
    }
  }
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    const std::string bytes = read_bytes(file);
    auto first = parse_document(bytes);
    if (!first && sample_count > 0 &&
        first.error().code == ErrorCode::kUnexpectedRoot) {
      continue;  // a sample folder may hold other XML files
    }
    ASSERT_OK(first);
    const std::string xml = save(*first);
    auto second = parse_document(xml);
    ASSERT_OK(second);
    EXPECT_TRUE(*first == *second);
    EXPECT_EQ(attribute_orders_of(xml), attribute_orders_of(bytes));
  }
}

// What to_xml writes back for the document in `xml`.
std::string written_back(std::string_view xml) {
  auto doc = parse_document(xml);
  EXPECT_TRUE(static_cast<bool>(doc));
  return doc ? save(*doc) : std::string();
}

TEST(Serialize, KnownChildrenGoBackInTheOrderTheyWereWritten) {
  // Found by fuzzing: RESTORE_METHOD after BACKUP_LOCATIONS, with a second
  // BACKUP_LOCATIONS kept as unknown content between them, came back with
  // RESTORE_METHOD first, so the unknown element moved.
  const std::string wmd =
      "<WRITER_METADATA><IDENTIFICATION writerId=\"3f2b8c1e-7d4a-4e59-9a61-"
      "0c8e5b2d7f13\"/><BACKUP_LOCATIONS/><BACKUP_LOCATIONS/><RESTORE_METHOD/>"
      "</WRITER_METADATA>";
  auto first = parse_document(wmd);
  ASSERT_OK(first);
  EXPECT_EQ(save(*first), wmd);
  auto second = parse_document(save(*first));
  ASSERT_OK(second);
  EXPECT_TRUE(*first == *second);

  // Files and dependencies interleaved inside a component, and BCD children
  // out of the model's usual order, each with an unknown element among them.
  const std::string component =
      "<WRITER_METADATA><IDENTIFICATION writerId=\"3f2b8c1e-7d4a-4e59-9a61-"
      "0c8e5b2d7f13\"/><BACKUP_LOCATIONS><EXCLUDE_FILES path=\"x\" "
      "filespec=\"*\"/><FILE_GROUP componentName=\"c\"><FILE_LIST path=\"a\" "
      "filespec=\"*\"/><DEPENDENCY writerId=\"3f2b8c1e-7d4a-4e59-9a61-"
      "0c8e5b2d7f13\" componentName=\"d\"/><X/><FILE_LIST path=\"b\" "
      "filespec=\"*\"/></FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>";
  EXPECT_EQ(written_back(component), component);
  const std::string bcd =
      "<BACKUP_COMPONENTS><WRITER_COMPONENTS writerId=\"3f2b8c1e-7d4a-4e59-"
      "9a61-0c8e5b2d7f13\" componentType=\"filegroup\"><COMPONENT "
      "componentName=\"c\" componentType=\"filegroup\"><RESTORE_SUBCOMPONENT "
      "logicalPath=\"p\" componentName=\"s\"/><Y/><BACKUP_METADATA "
      "metadata=\"m\"/></COMPONENT></WRITER_COMPONENTS></BACKUP_COMPONENTS>";
  EXPECT_EQ(written_back(bcd), bcd);
}

TEST(Serialize, ModelBuiltInCodeKeepsTheModelsOrder) {
  WriterMetadata w;
  w.restore_method.emplace();
  w.has_backup_locations = true;
  const std::string xml = to_xml(w);
  EXPECT_LT(xml.find("<RESTORE_METHOD"), xml.find("<BACKUP_LOCATIONS")) << xml;
}

TEST(Serialize, KeepsAttributeOrderAroundNamespaceDeclarations) {
  // Minimal cases found by fuzzing: the namespace declaration used to be
  // written first.
  const std::string bcd = written_back(
      "<BACKUP_COMPONENTS m=\"\" xmlns:=\"\"></BACKUP_COMPONENTS>");
  EXPECT_NE(bcd.find("<BACKUP_COMPONENTS m=\"\" xmlns:=\"\"/>"),
            std::string::npos)
      << bcd;
  const std::string wmd = written_back(
      "<WRITER_METADATA><IDENTIFICATION writerId=\"3f2b9c1e-7d4a-4e59-9a61-"
      "0c8e5b2d7f13\"/><BACKUP_LOCATIONS e=\"\" xmlns=\"\">"
      "</BACKUP_LOCATIONS></WRITER_METADATA>");
  EXPECT_NE(wmd.find("<BACKUP_LOCATIONS e=\"\" xmlns=\"\"/>"),
            std::string::npos)
      << wmd;
}

TEST(Serialize, UnknownEnumValueStaysWhereItWas) {
  const std::string xml =
      "<WRITER_METADATA><IDENTIFICATION writerId=\"3f2b9c1e-7d4a-4e59-9a61-"
      "0c8e5b2d7f13\" instanceName=\"i\" usage=\"FUTURE\" "
      "friendlyName=\"f\"/></WRITER_METADATA>";
  auto w = parse_writer_metadata(xml);
  ASSERT_OK(w);
  ASSERT_EQ(w->identity.extras.attributes().size(), 1U);
  EXPECT_EQ(w->identity.extras.attributes()[0].position, 2U);
  EXPECT_NE(to_xml(*w).find("instanceName=\"i\" usage=\"FUTURE\" "
                            "friendlyName=\"f\""),
            std::string::npos)
      << to_xml(*w);
}

TEST(Serialize, AttributesWithoutPositionGoAfterTheKnownOnes) {
  WriterMetadata w;
  w.identity.writer_id = *Guid::parse("3f2b9c1e-7d4a-4e59-9a61-0c8e5b2d7f13");
  w.identity.extras.mutable_attributes() = {{"futureFlag", "1"},
                                            {"xmlns:x", "urn:x"}};
  const std::string xml = to_xml(w);
  EXPECT_NE(xml.find("<IDENTIFICATION xmlns:x=\"urn:x\" writerId=\"3f2b9c1e-"
                     "7d4a-4e59-9a61-0c8e5b2d7f13\" futureFlag=\"1\"/>"),
            std::string::npos)
      << xml;
}

// A writer rebuilt from diskshadow's text saves as the XML of what the text
// said; the mark of the reconstruction (`from_text`: where the text was,
// what it printed beyond the WMD) is not document content and does not
// survive. Everything else does.
TEST(Serialize, WriterRebuiltFromTextKeepsEverythingButTheMark) {
  auto text =
      load((testdata_dir() / "status" / "diskshadow-metadata.txt").string());
  ASSERT_OK(text);
  ASSERT_EQ(text->writers.size(), 2U);
  for (const WriterMetadata& w : text->writers) {
    SCOPED_TRACE(w.display_name());
    ASSERT_TRUE(w.from_text.has_value());
    const std::string xml = to_xml(w);
    auto again = parse_document(xml);
    ASSERT_OK(again);
    const auto* reloaded = std::get_if<WriterMetadata>(&*again);
    ASSERT_NE(reloaded, nullptr);
    EXPECT_FALSE(reloaded->from_text.has_value());
    EXPECT_FALSE(*reloaded == w);
    WriterMetadata unmarked = w;
    unmarked.from_text.reset();
    EXPECT_TRUE(*reloaded == unmarked) << xml;
  }
}

// A component whose type diskshadow's text did not name (a type line that is
// neither VSS_CT_DATABASE nor VSS_CT_FILEGROUP: loaded as undefined, with a
// warning) has no element of its own in XML: it is written as a FILE_GROUP,
// the element of every component that is not a database, and reloads as one
// (found by fuzz_roundtrip).
TEST(Serialize, ComponentOfUndefinedTypeIsWrittenAsAFileGroup) {
  const std::string text =
      "* WRITER \"W\"\n"
      "+ Component \"W:\\Pkoget\\\"\n"
      "    - Name: \n"
      "    - Logical path: Pkoget\n"
      "    - Type: \"3855\"/>\n";
  auto rebuilt = parse_metadata_text(text);
  ASSERT_OK(rebuilt);
  ASSERT_EQ(rebuilt->size(), 1U);
  const WriterMetadata& w = rebuilt->front();
  ASSERT_EQ(w.components.size(), 1U);
  EXPECT_EQ(w.components[0].type, ComponentType::kUndefined);
  const std::string xml = to_xml(w);
  EXPECT_NE(xml.find("<FILE_GROUP logicalPath=\"Pkoget\" componentName=\"\"/>"),
            std::string::npos)
      << xml;
  auto again = parse_document(xml);
  ASSERT_OK(again);
  const auto* reloaded = std::get_if<WriterMetadata>(&*again);
  ASSERT_NE(reloaded, nullptr);
  ASSERT_EQ(reloaded->components.size(), 1U);
  EXPECT_EQ(reloaded->components[0].type, ComponentType::kFileGroup);
  WriterMetadata expected = w;
  expected.from_text.reset();
  expected.components[0].type = ComponentType::kFileGroup;
  EXPECT_TRUE(*reloaded == expected) << xml;
}

}  // namespace
}  // namespace vssmeta
