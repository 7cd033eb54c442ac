// SPDX-License-Identifier: MIT
// Every malformed input gives one Error with file:line:col and the right
// code; nothing crashes (these run under ASan/UBSan in CI too).
#include <string>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "vssmeta/parse.h"

namespace vssmeta {
namespace {

using testing::read_bytes;
using testing::testdata_dir;

struct BadFile {
  const char* file;
  ErrorCode code;
  const char* message;  // the whole to_string(error)
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const BadFile& c, std::ostream* os) { *os << c.file; }

class InvalidFile : public ::testing::TestWithParam<BadFile> {};

TEST_P(InvalidFile, FailsWithExactMessage) {
  const BadFile& bad = GetParam();
  ParseOptions options;
  options.source_name = std::string("invalid/") + bad.file;
  auto r = parse_document(read_bytes(testdata_dir() / "invalid" / bad.file),
                          options);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(to_string(r.error()), bad.message);
  EXPECT_EQ(r.error().code, bad.code);
}

INSTANTIATE_TEST_SUITE_P(
    Testdata, InvalidFile,
    ::testing::Values(
        BadFile{"empty.xml", ErrorCode::kMalformedXml,
                "invalid/empty.xml:1:1: error: empty input: no XML document"},
        BadFile{"truncated.xml", ErrorCode::kMalformedXml,
                "invalid/truncated.xml:3:18: error: unterminated value of "
                "attribute 'method'"},
        BadFile{"wrong-root.xml", ErrorCode::kUnexpectedRoot,
                "invalid/wrong-root.xml:1:1: error: unexpected root element "
                "<HELLO>: expected WRITER_METADATA or BACKUP_COMPONENTS"},
        BadFile{"no-identification.xml", ErrorCode::kMissingAttribute,
                "invalid/no-identification.xml:1:1: error: WRITER_METADATA "
                "has no IDENTIFICATION"},
        BadFile{"no-writer-id.xml", ErrorCode::kMissingAttribute,
                "invalid/no-writer-id.xml:1:72: error: IDENTIFICATION has no "
                "writerId"},
        BadFile{"bad-guid.xml", ErrorCode::kInvalidValue,
                "invalid/bad-guid.xml:1:88: error: IDENTIFICATION has an "
                "invalid writerId 'not-a-guid'"},
        BadFile{"garbage.bin", ErrorCode::kMalformedXml,
                "invalid/garbage.bin:1:1: error: invalid UTF-8 byte 0x8F"},
        BadFile{"odd-utf16.xml", ErrorCode::kMalformedXml,
                "invalid/odd-utf16.xml:1:307: error: truncated UTF-16 text: "
                "613 bytes is an odd number"},
        BadFile{"billion-laughs.xml", ErrorCode::kUnsupported,
                "invalid/billion-laughs.xml:2:1: error: DOCTYPE declarations "
                "are refused: VSS documents never have one, and entities are "
                "never expanded"},
        BadFile{"xxe.xml", ErrorCode::kUnsupported,
                "invalid/xxe.xml:2:1: error: DOCTYPE declarations are "
                "refused: VSS documents never have one, and entities are "
                "never expanded"},
        BadFile{"deep-nesting.xml", ErrorCode::kUnsupported,
                "invalid/deep-nesting.xml:1:1070: error: elements are nested "
                "deeper than 256 levels"},
        BadFile{"mismatched-tag.xml", ErrorCode::kMalformedXml,
                "invalid/mismatched-tag.xml:7:1: error: </DATABASE> does not "
                "match <FILE_GROUP>"},
        BadFile{"manifest-only.xml", ErrorCode::kUnexpectedRoot,
                "invalid/manifest-only.xml:1:1: error: this is diskshadow's "
                "metadata-cab manifest, not a VSS document; load the folder "
                "that holds it"},
        BadFile{"bad-utf8.xml", ErrorCode::kMalformedXml,
                "invalid/bad-utf8.xml:2:70: error: invalid UTF-8 byte 0xFF"},
        BadFile{"unknown-entity.xml", ErrorCode::kMalformedXml,
                "invalid/unknown-entity.xml:1:478: error: unknown entity "
                "'&nbsp;': only &lt; &gt; &amp; &quot; &apos; and character "
                "references are allowed (entities are never expanded)"},
        BadFile{"duplicate-attribute.xml", ErrorCode::kMalformedXml,
                "invalid/duplicate-attribute.xml:1:591: error: attribute "
                "'selectable' appears twice in <FILE_GROUP>"}),
    [](const auto& test_info) {
      std::string name = test_info.param.file;
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

struct BadText {
  const char* name;
  std::string xml;
  const char* message;
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const BadText& c, std::ostream* os) { *os << c.name; }

class InvalidText : public ::testing::TestWithParam<BadText> {};

TEST_P(InvalidText, FailsWithExactMessage) {
  ParseOptions options;
  options.source_name = "t.xml";
  options.max_depth = 8;
  auto r = parse_document(GetParam().xml, options);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(to_string(r.error()), GetParam().message);
}

const std::string kId =
    "<IDENTIFICATION writerId=\"e8132975-6f93-4464-a53e-1050253ae220\"/>";

INSTANTIATE_TEST_SUITE_P(
    Inline, InvalidText,
    ::testing::Values(
        BadText{"UnclosedRoot", "<WRITER_METADATA>\n" + kId,
                "t.xml:2:66: error: unexpected end of file: "
                "<WRITER_METADATA> is not closed"},
        BadText{"TextBeforeRoot", "hello <WRITER_METADATA/>",
                "t.xml:1:1: error: text before the root element"},
        BadText{"SecondRoot",
                "<WRITER_METADATA>" + kId + "</WRITER_METADATA>\n<X/>",
                "t.xml:2:1: error: a second root element after the end of "
                "the first"},
        BadText{"LessThanInAttribute",
                "<WRITER_METADATA a=\"x<y\">" + kId + "</WRITER_METADATA>",
                "t.xml:1:22: error: '<' in the value of attribute 'a'"},
        BadText{"BadCharacterReference",
                "<WRITER_METADATA a=\"&#0;\">" + kId + "</WRITER_METADATA>",
                "t.xml:1:21: error: '&#0;' is not a valid character "
                "reference"},
        BadText{"BareAmpersand",
                "<WRITER_METADATA a=\"R&D\">" + kId + "</WRITER_METADATA>",
                "t.xml:1:22: error: '&' that does not start a reference "
                "(write &amp;)"},
        BadText{"MissingEquals", "<WRITER_METADATA a \"1\"/>",
                "t.xml:1:20: error: expected '=' after attribute 'a'"},
        BadText{"UnquotedValue", "<WRITER_METADATA a=1/>",
                "t.xml:1:20: error: expected a quoted value for attribute "
                "'a'"},
        BadText{"DeclarationNotFirst",
                "<WRITER_METADATA><?xml version=\"1.0\"?></WRITER_METADATA>",
                "t.xml:1:18: error: XML declaration is only allowed at the "
                "start"},
        BadText{"TooDeep",
                "<WRITER_METADATA>" + kId +
                    "<a><b><c><d><e><f><g><h/></g></f></e></d></c></b></a>"
                    "</WRITER_METADATA>",
                "t.xml:1:104: error: elements are nested deeper than 8 "
                "levels"},
        BadText{"EndTagWithoutStart",
                "<WRITER_METADATA>" + kId + "</WRITER_METADATA></X>",
                "t.xml:1:101: error: unexpected </X>"},
        BadText{"UnterminatedComment", "<WRITER_METADATA><!-- x",
                "t.xml:1:18: error: unterminated comment"},
        BadText{"RootWithoutDocument", "<root><Schema/></root>",
                "t.xml:1:1: error: <root> holds no WRITER_METADATA or "
                "BACKUP_COMPONENTS element"},
        BadText{"InvalidSnapshotIdIsNotFatalButWriterIdIs",
                "<BACKUP_COMPONENTS><WRITER_COMPONENTS writerId=\"x\"/>"
                "</BACKUP_COMPONENTS>",
                "t.xml:1:39: error: WRITER_COMPONENTS has an invalid writerId "
                "'x'"},
        BadText{"LogicalPathDeeperThanTheLimit",
                "<WRITER_METADATA>" + kId +
                    "<BACKUP_LOCATIONS><FILE_GROUP "
                    "logicalPath=\"a\\b\\c\\d\\e\\f\\g\\h\\i\" "
                    "componentName=\"n\"/></BACKUP_LOCATIONS>"
                    "</WRITER_METADATA>",
                "t.xml:1:113: error: FILE_GROUP has a logicalPath of 9 "
                "levels; more than 8 are refused"},
        BadText{"ComponentWithoutName",
                "<WRITER_METADATA>" + kId +
                    "<BACKUP_LOCATIONS><DATABASE logicalPath=\"a\"/>"
                    "</BACKUP_LOCATIONS></WRITER_METADATA>",
                "t.xml:1:101: error: DATABASE has no componentName"}),
    [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(ParseErrors, LogicalPathAtTheLimitIsRead) {
  ParseOptions options;
  options.max_depth = 8;
  auto r = parse_writer_metadata(
      "<WRITER_METADATA>" + kId +
          "<BACKUP_LOCATIONS><FILE_GROUP "
          "logicalPath=\"a\\b\\c\\d\\e\\f\\g\\h\" "
          "componentName=\"n\"/></BACKUP_LOCATIONS></WRITER_METADATA>",
      options);
  ASSERT_TRUE(r.has_value()) << to_string(r.error());
  EXPECT_EQ(r->components.at(0).full_path(), "a\\b\\c\\d\\e\\f\\g\\h\\n");
}

TEST(ParseErrors, InputOverTheSizeLimitIsRefused) {
  ParseOptions options;
  options.source_name = "big.xml";
  options.max_bytes = 10;
  auto r = parse_document("<WRITER_METADATA/>", options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(to_string(r.error()),
            "big.xml: error: input is 18 bytes, more than the limit of 10");
}

TEST(ParseErrors, Utf16ErrorsCountCharactersNotBytes) {
  // "<WRITER_METADATA>\n  <é" in UTF-16LE, then an unpaired surrogate.
  std::u16string text = u"<WRITER_METADATA>\n  <\u00e9";
  std::string bytes("\xFF\xFE", 2);
  for (char16_t c : text) {
    bytes.push_back(static_cast<char>(c & 0xFF));
    bytes.push_back(static_cast<char>(c >> 8));
  }
  bytes += std::string("\x00\xD8", 2);
  ParseOptions options;
  options.source_name = "u.xml";
  auto r = parse_document(bytes, options);
  ASSERT_FALSE(r);
  EXPECT_EQ(to_string(r.error()),
            "u.xml:2:5: error: unpaired UTF-16 surrogate 0xD800");
}

TEST(ParseErrors, ManyAttributesAndEntitiesStayCheap) {
  // A hostile tag: 20,000 distinct attributes, then a duplicate.
  std::string xml = "<WRITER_METADATA";
  for (int i = 0; i < 20000; ++i)
    xml += " a" + std::to_string(i) + "=\"&amp;\"";
  xml += " a7=\"\"/>";
  auto r = parse_document(xml);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "attribute 'a7' appears twice in <WRITER_METADATA>");
}

}  // namespace
}  // namespace vssmeta
