// SPDX-License-Identifier: MIT
#include "vssmeta/parse.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "load/model_reader.h"
#include "load/xml_document.h"
#include "support/test_support.h"

namespace vssmeta {
namespace {

using testing::read_bytes;
using testing::testdata_dir;

WriterMetadata load_wmd(const std::string& relative,
                        Diagnostics* warnings = nullptr) {
  ParseOptions options;
  options.source_name = relative;
  auto r =
      parse_writer_metadata(read_bytes(testdata_dir() / relative), options);
  EXPECT_TRUE(r.has_value()) << (r ? "" : to_string(r.error()));
  if (warnings != nullptr) *warnings = r.warnings();
  return r ? std::move(*r) : WriterMetadata{};
}

BackupComponents load_bcd(const std::string& relative) {
  ParseOptions options;
  options.source_name = relative;
  auto r =
      parse_backup_components(read_bytes(testdata_dir() / relative), options);
  EXPECT_TRUE(r.has_value()) << (r ? "" : to_string(r.error()));
  return r ? std::move(*r) : BackupComponents{};
}

const Component* find_component(const WriterMetadata& w,
                                const std::string& full_path) {
  for (const Component& c : w.components) {
    if (c.full_path() == full_path) return &c;
  }
  return nullptr;
}

TEST(ParseWriterMetadata, ReadsIdentityAndRestoreMethod) {
  WriterMetadata w = load_wmd("wmd/sql-writer.xml");
  EXPECT_EQ(w.identity.writer_id,
            *Guid::parse("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a"));
  EXPECT_EQ(w.identity.instance_id,
            Guid::parse("97e6e0ef-df12-4009-9e6b-165474834200"));
  EXPECT_EQ(w.identity.instance_name, "Microsoft SQL Server 2019:SQLWriter");
  EXPECT_EQ(w.identity.friendly_name, "SqlServerWriter");
  EXPECT_EQ(w.identity.usage, UsageType::kUserData);
  EXPECT_EQ(w.identity.data_source, SourceType::kTransactedDb);
  EXPECT_EQ(w.identity.major_version, 0U);
  EXPECT_EQ(w.backup_schema, 881U);
  EXPECT_EQ(w.version, "1.2");
  EXPECT_EQ(w.xmlns, kWriterMetadataNamespace);
  ASSERT_TRUE(w.restore_method.has_value());
  EXPECT_EQ(w.restore_method->method, RestoreMethodType::kRestoreIfCanReplace);
  EXPECT_EQ(w.restore_method->writer_restore, WriterRestore::kAlways);
  EXPECT_EQ(w.restore_method->reboot_required, false);
}

TEST(ParseWriterMetadata, KeepsComponentsAndExcludesInDocumentOrder) {
  WriterMetadata w = load_wmd("wmd/sql-writer.xml");
  ASSERT_EQ(w.components.size(), 6U);
  EXPECT_EQ(w.components[3].full_path(), "KESTREL-SRV04\\Payroll");
  EXPECT_EQ(w.components[3].notify_on_backup_complete, true);
  EXPECT_EQ(w.components[3].component_flags, 2U);
  EXPECT_FALSE(w.components[3].caption.has_value());
  EXPECT_EQ(w.exclude_files.size(), 2U);
  EXPECT_EQ(w.exclude_files[0].kind, FileDescriptorKind::kExclude);
  EXPECT_EQ(w.exclude_files[0].recursive, false);
}

TEST(ParseWriterMetadata, AbsentRecursiveStaysAbsent) {
  WriterMetadata w = load_wmd("wmd/system-writer.xml");
  const Component* files = find_component(w, "System Files");
  ASSERT_NE(files, nullptr);
  EXPECT_EQ(files->files.size(), 52U);
  auto recursive = std::count_if(
      files->files.begin(), files->files.end(),
      [](const FileDescriptor& d) { return d.recursive.has_value(); });
  EXPECT_EQ(recursive, 5);
  EXPECT_EQ(files->selectable, false);
  const Component* services = find_component(w, "Win32 Services Files");
  ASSERT_NE(services, nullptr);
  EXPECT_EQ(services->flags(), kComponentFlagNotSystemState);
}

TEST(ParseWriterMetadata, SiblingsShareARepeatedLogicalPathOrCaption) {
  // A writer with 500,000 components under one logical path stores the
  // path once: the loader hands consecutive equal values the same text.
  const std::string xml =
      "<WRITER_METADATA><IDENTIFICATION "
      "writerId=\"3f2b9c1e-7d4a-4e59-9a61-0c8e5b2d7f13\"/><BACKUP_LOCATIONS>"
      "<FILE_GROUP logicalPath=\"HOST\\INSTANCE-WITH-A-LONG-NAME\" "
      "componentName=\"a\" caption=\"Database\"/>"
      "<FILE_GROUP logicalPath=\"HOST\\INSTANCE-WITH-A-LONG-NAME\" "
      "componentName=\"b\" caption=\"Database\"/>"
      "<FILE_GROUP logicalPath=\"HOST\\OTHER\" componentName=\"c\" "
      "caption=\"Database\"/>"
      "<FILE_GROUP logicalPath=\"HOST\\INSTANCE-WITH-A-LONG-NAME\" "
      "componentName=\"d\"/>"
      "</BACKUP_LOCATIONS></WRITER_METADATA>";
  auto r = parse_writer_metadata(xml, ParseOptions{});
  ASSERT_TRUE(r.has_value()) << to_string(r.error());
  const std::vector<Component>& c = r->components;
  ASSERT_EQ(c.size(), 4U);
  EXPECT_TRUE(c[0].logical_path.shares_with(c[1].logical_path));
  EXPECT_FALSE(c[1].logical_path.shares_with(c[2].logical_path));
  EXPECT_EQ(c[2].logical_path, "HOST\\OTHER");
  // Equal again, not shared: only the previous value is remembered.
  EXPECT_EQ(c[3].logical_path, c[0].logical_path);
  EXPECT_TRUE(c[0].caption.shares_with(c[2].caption));
  EXPECT_FALSE(c[3].caption.has_value());
  EXPECT_EQ(c[0].full_path(), "HOST\\INSTANCE-WITH-A-LONG-NAME\\a");
}

TEST(ParseWriterMetadata, KeepsCrLfInsideCaptions) {
  WriterMetadata w = load_wmd("wmd/asr-writer.xml");
  std::size_t with_crlf = 0;
  for (const Component& c : w.components) {
    if (c.caption && c.caption->find("\r\n") != std::string::npos) ++with_crlf;
  }
  EXPECT_EQ(with_crlf, 4U);
}

TEST(ParseWriterMetadata, ReadsDatabaseComponentsAndDependencies) {
  WriterMetadata w = load_wmd("wmd/ntds-writer.xml");
  const Component* ntds = find_component(w, "C:_Windows_NTDS\\ntds");
  ASSERT_NE(ntds, nullptr);
  EXPECT_EQ(ntds->type, ComponentType::kDatabase);
  EXPECT_EQ(ntds->caption, "");
  EXPECT_EQ(ntds->component_flags, 3U);
  ASSERT_EQ(ntds->files.size(), 3U);
  EXPECT_EQ(ntds->files[0].kind, FileDescriptorKind::kDatabaseFiles);
  EXPECT_EQ(ntds->files[1].kind, FileDescriptorKind::kDatabaseLogFiles);
  EXPECT_EQ(ntds->files[2].kind, FileDescriptorKind::kDatabaseLogFiles);
  ASSERT_EQ(ntds->dependencies.size(), 1U);
  EXPECT_EQ(ntds->dependencies[0].writer_id,
            *Guid::parse("afbab4a2-367d-4d15-a586-71dbb18f8485"));
  EXPECT_EQ(ntds->dependencies[0].component_name, "Registry");
  ASSERT_TRUE(w.restore_method.has_value());
  EXPECT_EQ(w.restore_method->method, RestoreMethodType::kCustom);
  EXPECT_EQ(w.restore_method->service, "NTDS");
  EXPECT_EQ(w.restore_method->writer_restore, WriterRestore::kIfReplaceFails);
}

TEST(ParseWriterMetadata, ReadsAlternateLocationMappingsAndIcons) {
  WriterMetadata w = load_wmd("wmd/hyperv-writer.xml");
  ASSERT_TRUE(w.restore_method.has_value());
  ASSERT_EQ(w.restore_method->alternate_location_mappings.size(), 1U);
  const FileDescriptor& m = w.restore_method->alternate_location_mappings[0];
  EXPECT_EQ(m.kind, FileDescriptorKind::kAlternateLocationMapping);
  EXPECT_EQ(m.path, "V:\\VMs\\build-agent-02");
  EXPECT_EQ(m.alternate_path, "W:\\HyperV-Restore\\build-agent-02");
  const Component* store = find_component(w, "Initial Store");
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->icon.has_value());
  ASSERT_FALSE(store->files.empty());
  EXPECT_TRUE(store->files[0].alternate_path.has_value());
}

TEST(ParseWriterMetadata, WritersWithoutRestoreMethodOrComponents) {
  WriterMetadata bits = load_wmd("wmd/bits-writer.xml");
  EXPECT_FALSE(bits.restore_method.has_value());
  EXPECT_TRUE(bits.components.empty());
  ASSERT_EQ(bits.exclude_files.size(), 2U);
  WriterMetadata wmi = load_wmd("wmd/wmi-writer.xml");
  ASSERT_TRUE(wmi.restore_method.has_value());
  EXPECT_EQ(wmi.restore_method->method, RestoreMethodType::kRestoreAtReboot);
}

TEST(ParseWriterMetadata, UpperCaseGuidsEqualLowerCaseAndKeepSpelling) {
  WriterMetadata w = load_wmd("wmd/task-scheduler-writer.xml");
  EXPECT_EQ(w.identity.writer_id,
            *Guid::parse("d61d61c8-d73a-4eee-8cdd-f6f9786b7124"));
  EXPECT_EQ(w.identity.writer_id.spelling(),
            "D61D61C8-D73A-4EEE-8CDD-F6F9786B7124");
}

TEST(ParseWriterMetadata, KeepsUnknownContentAndWarnsWithPositions) {
  Diagnostics diagnostics;
  WriterMetadata w = load_wmd("wmd/unknown-content.xml", &diagnostics);
  // The unknown usage spelling stays verbatim among the extra attributes.
  EXPECT_FALSE(w.identity.usage.has_value());
  ASSERT_EQ(w.identity.extras.attributes().size(), 2U);
  EXPECT_EQ(w.identity.extras.attributes()[0].name, "usage");
  EXPECT_EQ(w.identity.extras.attributes()[0].value, "SOMETHING_NEW");
  EXPECT_EQ(w.identity.extras.attributes()[1].name, "futureFlag");
  ASSERT_EQ(w.components.size(), 2U);
  EXPECT_EQ(w.components[0].caption,
            "Accounts & Ledgers for Caf\xC3\xA9 Nordlys");
  EXPECT_EQ(w.components[1].name, "Bokf\xC3\xB8ring");
  ASSERT_EQ(w.components[0].extras.elements().size(), 1U);
  const XmlElement& future = w.components[0].extras.elements()[0];
  EXPECT_EQ(future.name, "FUTURE_ELEMENT");
  EXPECT_EQ(future.position, 1U);  // after the FILE_LIST
  ASSERT_EQ(future.children.size(), 1U);
  EXPECT_EQ(future.children[0].name, "CHILD");
  EXPECT_EQ(future.children[0].attributes[0].value, "2");
  ASSERT_EQ(w.backup_locations_extras.elements().size(), 1U);
  EXPECT_EQ(w.backup_locations_extras.elements()[0].position, 1U);

  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(to_string(d));
  const std::vector<std::string> expected = {
      "wmd/unknown-content.xml:2:194: warning: usage=\"SOMETHING_NEW\" on "
      "IDENTIFICATION: not a spelling this version knows; kept verbatim "
      "[unknown-value]",
      "wmd/unknown-content.xml:2:281: warning: unknown attribute "
      "futureFlag=\"1\" on IDENTIFICATION kept [unknown-attribute]",
      "wmd/unknown-content.xml:6:101: warning: unknown attribute "
      "futureFlag=\"1\" on FILE_LIST kept [unknown-attribute]",
      "wmd/unknown-content.xml:7:4: warning: unknown element "
      "<FUTURE_ELEMENT> kept [unknown-element]",
      "wmd/unknown-content.xml:12:3: warning: unknown element "
      "<FUTURE_ELEMENT> kept [unknown-element]",
  };
  EXPECT_EQ(lines, expected);
}

TEST(ParseWriterMetadata, InvalidOptionalValuesAreKeptVerbatim) {
  ParseOptions options;
  options.source_name = "x.xml";
  auto r = parse_writer_metadata(
      "<WRITER_METADATA><IDENTIFICATION writerId=\"{E8132975-6F93-4464-A53E-"
      "1050253AE220}\" instanceId=\"nope\" majorVersion=\"-1\"/>"
      "<BACKUP_LOCATIONS><FILE_GROUP componentName=\"c\" selectable=\"true\"/>"
      "</BACKUP_LOCATIONS></WRITER_METADATA>",
      options);
  ASSERT_OK(r);
  const Diagnostics& diagnostics = r.warnings();
  EXPECT_FALSE(r->identity.instance_id.has_value());
  EXPECT_FALSE(r->identity.major_version.has_value());
  EXPECT_FALSE(r->components[0].selectable.has_value());
  EXPECT_EQ(r->components[0].extras.attributes(),
            (std::vector<XmlAttribute>{{"selectable", "true", 1}}));
  ASSERT_EQ(diagnostics.size(), 3U);
  EXPECT_EQ(to_string(diagnostics[0]),
            "x.xml:1:84: warning: instanceId=\"nope\" on IDENTIFICATION: not "
            "a GUID; kept verbatim [invalid-value]");
  EXPECT_EQ(to_string(diagnostics[1]),
            "x.xml:1:102: warning: majorVersion=\"-1\" on IDENTIFICATION: "
            "expected a decimal number up to 4294967295; kept verbatim "
            "[invalid-value]");
  EXPECT_EQ(to_string(diagnostics[2]),
            "x.xml:1:169: warning: selectable=\"true\" on FILE_GROUP: expected "
            "yes or no; kept verbatim [invalid-value]");
}

TEST(ParseWriterMetadata, WarningFloodsAreCut) {
  std::string xml =
      "<WRITER_METADATA><IDENTIFICATION writerId=\"e8132975-6f93-"
      "4464-a53e-1050253ae220\"/><BACKUP_LOCATIONS>";
  for (int i = 0; i < 150; ++i) xml += "<X/>";
  xml += "</BACKUP_LOCATIONS></WRITER_METADATA>";
  auto r = parse_writer_metadata(xml);
  ASSERT_OK(r);
  const Diagnostics& diagnostics = r.warnings();
  EXPECT_EQ(r->backup_locations_extras.elements().size(), 150U);
  ASSERT_EQ(diagnostics.size(), 101U);
  EXPECT_EQ(diagnostics.back().message,
            "50 more 'unknown-element' warnings not shown");
}

TEST(ParseWriterMetadata, NamespacePrefixesAndEmptyNamespacesMatchLocalNames) {
  auto r = parse_writer_metadata(
      "<v:WRITER_METADATA xmlns:v=\"x-schema:#VssWriterMetadataInfo\">"
      "<v:IDENTIFICATION writerId=\"e8132975-6f93-4464-a53e-1050253ae220\"/>"
      "<BACKUP_LOCATIONS xmlns=\"\"><FILE_GROUP componentName=\"c\"/>"
      "</BACKUP_LOCATIONS></v:WRITER_METADATA>");
  ASSERT_OK(r);
  ASSERT_EQ(r->components.size(), 1U);
  EXPECT_EQ(r->components[0].name, "c");
}

TEST(ParseDocument, SixEncodingsAndWrappingsGiveEqualModels) {
  const char* files[] = {"utf8.xml",        "utf8-bom-decl.xml",
                         "utf16le-bom.xml", "utf16le-nobom.xml",
                         "utf16be-bom.xml", "wrapped.xml"};
  std::vector<WriterMetadata> models;
  for (const char* f : files) {
    models.push_back(load_wmd(std::string("encodings/") + f));
  }
  for (std::size_t i = 1; i < models.size(); ++i) {
    EXPECT_EQ(models[i], models[0]) << files[i];
  }
  EXPECT_EQ(models[0].components.at(0).caption,
            "Registre syst\xC3\xA8me \xC3\xA9t\xC3\xA9");
  EXPECT_EQ(models[0].source.encoding, Encoding::kUtf8);
  EXPECT_TRUE(models[1].source.byte_order_mark);
  EXPECT_TRUE(models[1].source.xml_declaration);
  EXPECT_EQ(models[2].source.encoding, Encoding::kUtf16Le);
  EXPECT_EQ(models[3].source.encoding, Encoding::kUtf16Le);
  EXPECT_FALSE(models[3].source.byte_order_mark);
  EXPECT_EQ(models[4].source.encoding, Encoding::kUtf16Be);
  EXPECT_TRUE(models[5].source.root_wrapper);
  EXPECT_TRUE(models[5].source.xdr_schema);
}

TEST(ParseDocument, DetectsTheKindOfDocument) {
  auto wmd = parse_document(read_bytes(testdata_dir() / "wmd/bits-writer.xml"));
  ASSERT_OK(wmd);
  EXPECT_TRUE(std::holds_alternative<WriterMetadata>(*wmd));
  auto bcd =
      parse_document(read_bytes(testdata_dir() / "bcd/sql-full-backup.xml"));
  ASSERT_OK(bcd);
  EXPECT_TRUE(std::holds_alternative<BackupComponents>(*bcd));
}

TEST(ParseWriterMetadata, RefusesABackupComponentsDocument) {
  ParseOptions options;
  options.source_name = "b.xml";
  auto r = parse_writer_metadata(
      read_bytes(testdata_dir() / "bcd/sql-full-backup.xml"), options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnexpectedRoot);
  EXPECT_EQ(to_string(r.error()),
            "b.xml:1:1: error: expected a writer metadata document "
            "(WRITER_METADATA), found a backup components document "
            "(BACKUP_COMPONENTS)");
}

TEST(ParseBackupComponents, ReadsDocumentStateAndWriters) {
  BackupComponents b = load_bcd("bcd/sql-full-backup.xml");
  EXPECT_EQ(b.backup_type, BackupType::kFull);
  EXPECT_EQ(b.select_components, true);
  EXPECT_EQ(b.bootable_system_state_backup, true);
  EXPECT_EQ(b.partial_file_support, false);
  EXPECT_EQ(b.snapshot_set_id,
            Guid::parse("6deb3f83-945c-4dd9-b86a-16ec61db3007"));
  ASSERT_EQ(b.writers.size(), 5U);
  const WriterComponents& sql = b.writers[2];
  EXPECT_EQ(sql.backup_schema, 881U);
  EXPECT_EQ(sql.instance_name, "Microsoft SQL Server 2019:SQLWriter");
  // The redundant namespace declaration is kept, not interpreted.
  EXPECT_EQ(sql.extras.attributes(),
            (std::vector<XmlAttribute>{
                {"xmlns", "x-schema:#VssComponentMetadata", 0}}));
  ASSERT_EQ(sql.components.size(), 2U);
  EXPECT_EQ(sql.components[0].full_path(), "KESTREL-SRV04\\Payroll");
  EXPECT_EQ(sql.components[0].backup_stamp, "CAAAAIBqBM21ddoB");
  ASSERT_TRUE(sql.components[0].backup_metadata.has_value());
  EXPECT_EQ(sql.components[0].backup_metadata->extras.attributes(),
            (std::vector<XmlAttribute>{{"xmlns", "", 0}}));
  EXPECT_FALSE(b.is_restore_time());
}

TEST(ParseBackupComponents, ReadsRestoreTimeFields) {
  BackupComponents b = load_bcd("bcd/restore-session.xml");
  EXPECT_TRUE(b.is_restore_time());
  EXPECT_EQ(b.backup_type, BackupType::kDifferential);
  EXPECT_EQ(b.restore_type, RestoreType::kByCopy);
  const BcdComponent* payroll = nullptr;
  const BcdComponent* ntds = nullptr;
  for (const auto& w : b.writers) {
    for (const auto& c : w.components) {
      if (c.name == "Payroll") payroll = &c;
      if (c.name == "ntds") ntds = &c;
    }
  }
  ASSERT_NE(payroll, nullptr);
  EXPECT_EQ(payroll->previous_backup_stamp, "CAAAAIBqBM21ddoB");
  EXPECT_EQ(payroll->restore_target, RestoreTarget::kDirected);
  EXPECT_EQ(payroll->file_restore_status, FileRestoreStatus::kAll);
  EXPECT_EQ(payroll->partial_files.size(), 1U);
  EXPECT_EQ(payroll->differenced_files.size(), 1U);
  EXPECT_EQ(payroll->directed_targets.size(), 1U);
  EXPECT_TRUE(payroll->restore_metadata.has_value());
  ASSERT_NE(ntds, nullptr);
  EXPECT_EQ(ntds->restore_options, "\"Authoritative\"=\"All\"");
  EXPECT_EQ(ntds->authoritative_restore, true);
  EXPECT_EQ(ntds->roll_forward_type, RollForwardType::kPartial);
  ASSERT_EQ(ntds->restore_subcomponents.size(), 1U);
  EXPECT_EQ(ntds->restore_subcomponents[0].component_name, "ReserveLogs");
  EXPECT_EQ(ntds->restore_subcomponents[0].repair, false);
}

TEST(ParseBackupComponents, ReadsUtf16) {
  BackupComponents b = load_bcd("encodings/utf16le-bom.bcd.xml");
  EXPECT_EQ(b.source.encoding, Encoding::kUtf16Le);
  ASSERT_EQ(b.writers.size(), 1U);
  ASSERT_EQ(b.writers[0].components.size(), 1U);
  EXPECT_TRUE(b.writers[0].components[0].caption.has_value());
}

// --- parse_owned_document: the bytes are freed once a VSS document parsed --

// A writer with a component on line 3, a file list at column 59 and an
// unknown attribute (one warning).
constexpr const char* kSmallWriter =
    "<WRITER_METADATA>\n<IDENTIFICATION writerId="
    "\"3f2b9c1e-7d4a-4e59-9a61-0c8e5b2d7f13\" friendlyName=\"W\"/>\n"
    "<BACKUP_LOCATIONS><FILE_GROUP componentName=\"c\" x=\"&amp;\">"
    "<FILE_LIST path=\"C:\\a\" filespec=\"*\"/></FILE_GROUP>"
    "</BACKUP_LOCATIONS>\n</WRITER_METADATA>";

TEST(ParseOwnedDocument, FreesTheBytesOfAVssDocumentAndGivesTheSameModel) {
  const std::string xml = kSmallWriter;
  std::string bytes = xml;
  ParseOptions options;
  options.source_name = "w.xml";
  auto owned = internal::parse_owned_document(bytes, options);
  ASSERT_TRUE(owned) << owned.error().message;
  EXPECT_TRUE(bytes.empty());
  auto viewed = parse_document(xml, options);
  ASSERT_TRUE(viewed);
  EXPECT_EQ(*owned, *viewed);
  EXPECT_EQ(owned.warnings(), viewed.warnings());
  const auto& c = std::get<WriterMetadata>(*owned).components.at(0);
  EXPECT_EQ(c.where.line, 3U);
  EXPECT_EQ(c.files.at(0).where.column, 59U);
}

TEST(ParseOwnedDocument, KeepsTheBytesOfOtherFilesAndErrors) {
  ParseOptions options;
  options.source_name = "m.xml";
  std::string manifest = "<Manifest><Writer Name='x'/></Manifest>";
  const std::string manifest_copy = manifest;
  auto other = internal::parse_owned_document(manifest, options);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kUnexpectedRoot);
  EXPECT_EQ(manifest, manifest_copy);
  std::string broken = "<WRITER_METADATA><IDENTIFICATION></WRITER_METADATA>";
  const std::string broken_copy = broken;
  auto error = internal::parse_owned_document(broken, options);
  ASSERT_FALSE(error);
  EXPECT_EQ(error.error().message,
            parse_document(broken_copy, options).error().message);
  EXPECT_EQ(broken, broken_copy);
}

TEST(ParseOwnedDocument, Utf16InputGivesTheSamePositions) {
  const std::u16string xml =
      u"<BACKUP_COMPONENTS>\n  <WRITER_COMPONENTS writerId="
      u"\"3f2b9c1e-7d4a-4e59-9a61-0c8e5b2d7f13\" caf\u00e9=\"1\"/>"
      u"</BACKUP_COMPONENTS>";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : xml) {
    bytes.push_back(static_cast<char>(c & 0xFF));
    bytes.push_back(static_cast<char>(c >> 8));
  }
  ParseOptions options;
  options.source_name = "b.xml";
  std::string copy = bytes;
  auto owned = internal::parse_owned_document(copy, options);
  auto viewed = parse_document(bytes, options);
  ASSERT_TRUE(owned);
  ASSERT_TRUE(viewed);
  EXPECT_TRUE(copy.empty());
  ASSERT_EQ(owned.warnings().size(), 1U);
  EXPECT_EQ(owned.warnings(), viewed.warnings());
  EXPECT_EQ(to_string(owned.warnings()[0].where), "b.xml:2:70");
}

TEST(ParseOwnedDocument, AnErrorInNonAsciiTextIsCountedInTheOriginal) {
  // The parsed copy is released on error (found by fuzz_dump under ASan:
  // the columns were counted in the released copy).
  std::string bytes =
      "<WRITER_METADATA a='\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
      "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9'>\n\xC3\xA9<x></y>"
      "</WRITER_METADATA>";
  ParseOptions options;
  options.source_name = "e.xml";
  auto r = internal::parse_owned_document(bytes, options);
  ASSERT_FALSE(r);
  EXPECT_EQ(to_string(r.error()), "e.xml:2:5: error: </y> does not match <x>");
  EXPECT_FALSE(bytes.empty());
}

// --- parse_owned_document_in_place: no copy; anything but a VSS document
// read without error gives nothing, for the caller to read again ----------

TEST(ParseOwnedDocumentInPlace, GivesTheSameModelWarningsAndPositions) {
  const std::string xml = kSmallWriter;
  ParseOptions options;
  options.source_name = "w.xml";
  for (const bool padded : {false, true}) {
    std::string bytes;
    if (padded) bytes.reserve(xml.size() + internal::kXmlPadding);
    bytes = xml;
    auto in_place = internal::parse_owned_document_in_place(bytes, options);
    ASSERT_TRUE(in_place.has_value());
    ASSERT_TRUE(*in_place) << in_place->error().message;
    EXPECT_TRUE(bytes.empty());
    auto viewed = parse_document(xml, options);
    ASSERT_TRUE(viewed);
    EXPECT_EQ(**in_place, *viewed);
    EXPECT_EQ(in_place->warnings(), viewed.warnings());
    EXPECT_EQ(in_place->warnings().size(), 1U);  // the unknown attribute x
    const auto& c = std::get<WriterMetadata>(**in_place).components.at(0);
    EXPECT_EQ(c.where.line, 3U);
    EXPECT_EQ(c.files.at(0).where.column, 59U);
    EXPECT_EQ(c.extras.attributes().at(0).value, "&");
  }
}

TEST(ParseOwnedDocumentInPlace, ALargeDocumentKeepsEveryColumnAsItsTextGoes) {
  // Some 9 MB on one line, with two-byte characters everywhere: the loader
  // gives back the text behind each element read (whole 2 MiB blocks), and
  // the columns of what follows are still counted in the original text
  // (counting the released bytes, which read as NUL, would add one column
  // per two-byte character).
  const std::string e_acute = "\xC3\xA9";
  std::string xml =
      "<WRITER_METADATA><IDENTIFICATION writerId="
      "\"3f2b9c1e-7d4a-4e59-9a61-0c8e5b2d7f13\"/><BACKUP_LOCATIONS>";
  std::size_t code_points = xml.size();  // ASCII so far
  std::vector<std::uint32_t> component_columns;
  std::vector<std::uint32_t> file_columns;
  constexpr int kComponents = 65000;
  for (int i = 0; i < kComponents; ++i) {
    component_columns.push_back(static_cast<std::uint32_t>(code_points + 1));
    std::string head =
        fmt::format("<FILE_GROUP componentName=\"c{}\" caption=\"{}{}\">", i,
                    e_acute, e_acute);
    xml += head;
    code_points += head.size() - 2;  // two characters of two bytes
    file_columns.push_back(static_cast<std::uint32_t>(code_points + 1));
    std::string file = "<FILE_LIST path=\"D:\\";
    for (int k = 0; k < 20; ++k) file += e_acute;
    file += "\" filespec=\"*\"/></FILE_GROUP>";
    xml += file;
    code_points += file.size() - 20;
  }
  // The last component's unknown attribute: a warning at its column.
  const std::size_t warning_column = code_points + 31;
  xml +=
      "<FILE_GROUP componentName=\"z\" x=\"1\"/></BACKUP_LOCATIONS>"
      "</WRITER_METADATA>";
  ASSERT_GT(xml.size(), std::size_t{8} << 20);
  ParseOptions options;
  options.source_name = "big.xml";
  std::string bytes = xml;
  auto r = internal::parse_owned_document_in_place(bytes, options);
  ASSERT_TRUE(r.has_value());
  ASSERT_TRUE(*r) << (*r).error().message;
  const auto& w = std::get<WriterMetadata>(**r);
  ASSERT_EQ(w.components.size(), std::size_t{kComponents} + 1);
  for (int i = 0; i < kComponents; ++i) {
    const Component& c = w.components[static_cast<std::size_t>(i)];
    ASSERT_EQ(c.where.column, component_columns[static_cast<std::size_t>(i)])
        << i;
    ASSERT_EQ(c.files.at(0).where.column,
              file_columns[static_cast<std::size_t>(i)])
        << i;
    ASSERT_EQ(c.files[0].path.size(), 3U + 40U) << i;
    ASSERT_EQ(*c.caption, e_acute + e_acute) << i;
  }
  ASSERT_EQ(r->warnings().size(), 1U);
  EXPECT_EQ(to_string(r->warnings()[0].where),
            fmt::format("big.xml:1:{}", warning_column));
  // The same document read from a copy gives the same model.
  auto viewed = parse_document(xml, options);
  ASSERT_TRUE(viewed);
  EXPECT_EQ(**r, *viewed);
  EXPECT_EQ(r->warnings(), viewed.warnings());
}

TEST(ParseOwnedDocumentInPlace, LeavesOtherEncodingsAlone) {
  ParseOptions options;
  options.source_name = "b.xml";
  // UTF-16, and UTF-8 with a byte order mark: the bytes are not the text.
  std::string utf16 = "\xFF\xFE<\0x\0/\0>\0";
  std::string bom = "\xEF\xBB\xBF<BACKUP_COMPONENTS/>";
  for (std::string* bytes : {&utf16, &bom}) {
    const std::string copy = *bytes;
    EXPECT_FALSE(internal::parse_owned_document_in_place(*bytes, options));
    EXPECT_EQ(*bytes, copy);
  }
}

TEST(ParseOwnedDocumentInPlace, ErrorsAndOtherXmlTakeTheBytesAndGiveNothing) {
  ParseOptions options;
  options.source_name = "e.xml";
  for (std::string bytes : {
           std::string("<Manifest><Writer Name='x'/></Manifest>"),
           std::string("<WRITER_METADATA><IDENTIFICATION></WRITER_METADATA>"),
           std::string("<WRITER_METADATA a='1' a='2'/>"),
           std::string("<WRITER_METADATA><IDENTIFICATION writerId='x'/>"
                       "</WRITER_METADATA>"),
       }) {
    SCOPED_TRACE(bytes);
    EXPECT_FALSE(internal::parse_owned_document_in_place(bytes, options));
    EXPECT_TRUE(bytes.empty());
  }
}

}  // namespace
}  // namespace vssmeta
