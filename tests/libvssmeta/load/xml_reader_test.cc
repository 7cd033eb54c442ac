// SPDX-License-Identifier: MIT
// XmlReader: the event sequence, attribute and text decoding, what is
// skipped, and the exact message and offset of every well-formedness error.
#include "load/xml_reader.h"

#include <cstddef>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

constexpr std::size_t kDepth = 256;

// The events of `xml`, one per line:
//   <name a="v" ...>   start tag (attributes in document order)
//   </name>            end tag
//   "text"             text
//   EOF
// or, on error, the events so far then "error @offset: message" (with
// " (unsupported)" when refused on purpose).
std::string events(std::string_view xml, std::size_t max_depth = kDepth) {
  XmlReader reader(xml, max_depth);
  std::string out;
  for (int guard = 0; guard < 100000; ++guard) {
    if (!reader.next()) {
      const XmlError& e = reader.error();
      out += "error @" + std::to_string(e.offset) + ": " + e.message;
      if (e.unsupported) out += " (unsupported)";
      return out;
    }
    switch (reader.event()) {
      case XmlEvent::kStart:
        out += "<" + std::string(reader.name());
        for (const XmlAttr& a : reader.attributes()) {
          out +=
              " " + std::string(a.name) + "=\"" + std::string(a.value) + "\"";
        }
        out += ">\n";
        break;
      case XmlEvent::kEnd:
        out += "</" + std::string(reader.name()) + ">\n";
        break;
      case XmlEvent::kText:
        out += "\"" + std::string(reader.text()) + "\"\n";
        break;
      case XmlEvent::kEof:
        return out + "EOF";
    }
  }
  return out + "(no end)";
}

// Only the final line of events(): the error, or EOF.
std::string outcome(std::string_view xml, std::size_t max_depth = kDepth) {
  std::string all = events(xml, max_depth);
  std::size_t nl = all.rfind('\n');
  return nl == std::string::npos ? all : all.substr(nl + 1);
}

// --- Events ---------------------------------------------------------------

TEST(XmlReader, NestedElements) {
  EXPECT_EQ(events("<a><b><c></c></b><d></d></a>"),
            "<a>\n<b>\n<c>\n</c>\n</b>\n<d>\n</d>\n</a>\nEOF");
}

TEST(XmlReader, SelfClosingYieldsStartThenEnd) {
  EXPECT_EQ(events("<a><b x='1'/><c/></a>"),
            "<a>\n<b x=\"1\">\n</b>\n<c>\n</c>\n</a>\nEOF");
}

TEST(XmlReader, SelfClosingRoot) {
  EXPECT_EQ(events("<root />"), "<root>\n</root>\nEOF");
}

TEST(XmlReader, EofRepeats) {
  XmlReader reader("<a/>", kDepth);
  ASSERT_TRUE(reader.next());
  ASSERT_TRUE(reader.next());
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kEof);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kEof);
}

TEST(XmlReader, DepthAndOffsets) {
  const std::string_view xml = "<a>\n  <b/>\n</a>";
  XmlReader reader(xml, kDepth);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kStart);
  EXPECT_EQ(reader.depth(), 1U);
  EXPECT_EQ(reader.offset(), 0U);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kStart);
  EXPECT_EQ(reader.name(), "b");
  EXPECT_EQ(reader.depth(), 2U);
  EXPECT_EQ(reader.offset(), 6U);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kEnd);
  EXPECT_EQ(reader.name(), "b");
  EXPECT_EQ(reader.depth(), 1U);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kEnd);
  EXPECT_EQ(reader.name(), "a");
  EXPECT_EQ(reader.depth(), 0U);
  EXPECT_EQ(reader.offset(), 11U);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kEof);
}

TEST(XmlReader, AttributesInDocumentOrderWithOffsets) {
  const std::string_view xml = "<e b=\"2\" a='1'\n   c = \"3\" />";
  XmlReader reader(xml, kDepth);
  ASSERT_TRUE(reader.next());
  const auto& attrs = reader.attributes();
  ASSERT_EQ(attrs.size(), 3U);
  EXPECT_EQ(attrs[0].name, "b");
  EXPECT_EQ(attrs[0].value, "2");
  EXPECT_EQ(attrs[0].offset, 3U);
  EXPECT_EQ(attrs[1].name, "a");
  EXPECT_EQ(attrs[1].value, "1");
  EXPECT_EQ(attrs[1].offset, 9U);
  EXPECT_EQ(attrs[2].name, "c");
  EXPECT_EQ(attrs[2].value, "3");
  EXPECT_EQ(attrs[2].offset, 18U);
}

TEST(XmlReader, BothQuoteStyles) {
  EXPECT_EQ(events("<e a=\"it's\" b='say \"hi\"'/>"),
            "<e a=\"it's\" b=\"say \"hi\"\">\n</e>\nEOF");
}

TEST(XmlReader, EmptyAttributeValue) {
  EXPECT_EQ(events("<e a=\"\" b=''/>"), "<e a=\"\" b=\"\">\n</e>\nEOF");
}

TEST(XmlReader, GreaterThanInAttributeValue) {
  EXPECT_EQ(events("<e a='x>y'/>"), "<e a=\"x>y\">\n</e>\nEOF");
}

TEST(XmlReader, ReferencesInAttributesAreDecoded) {
  XmlReader reader(
      "<e a='&lt;&gt;&amp;&quot;&apos;' b='caf&#233;' c='&#x1F600;!'"
      " d='plain'/>",
      kDepth);
  ASSERT_TRUE(reader.next());
  const auto& attrs = reader.attributes();
  ASSERT_EQ(attrs.size(), 4U);
  EXPECT_EQ(attrs[0].value, "<>&\"'");
  EXPECT_EQ(attrs[1].value, "caf\xC3\xA9");
  EXPECT_EQ(attrs[2].value, "\xF0\x9F\x98\x80!");
  EXPECT_EQ(attrs[3].value, "plain");
}

TEST(XmlReader, ManyDecodedAttributesStayValid) {
  // Each decoded value lives in its own buffer; growing the buffers while
  // reading later attributes must not spoil the earlier views.
  std::string xml = "<e";
  for (int i = 0; i < 40; ++i) {
    xml += " a" + std::to_string(i) + "='" + std::to_string(i) + "&amp;'";
  }
  xml += "/>";
  XmlReader reader(xml, kDepth);
  ASSERT_TRUE(reader.next());
  const auto& attrs = reader.attributes();
  ASSERT_EQ(attrs.size(), 40U);
  for (std::size_t i = 0; i < attrs.size(); ++i) {
    EXPECT_EQ(attrs[i].value, std::to_string(i) + "&");
  }
}

TEST(XmlReader, CharacterReferenceForms) {
  EXPECT_EQ(events("<e a='&#65;&#x42;&#x0043;&#x4a;&#X;'/>"),
            "error @31: '&#X;' is not a valid character reference");
  EXPECT_EQ(events("<e a='&#65;&#x42;&#x0043;&#x4a;&#x4A;'/>"),
            "<e a=\"ABCJJ\">\n</e>\nEOF");
}

TEST(XmlReader, HighestCharacterReference) {
  EXPECT_EQ(events("<e a='&#x10FFFF;'/>"),
            "<e a=\"\xF4\x8F\xBF\xBF\">\n</e>\nEOF");
}

TEST(XmlReader, ReferencesInTextAreDecoded) {
  EXPECT_EQ(events("<a>1 &lt; 2 &amp;&amp; caf&#233; &#x1F600;</a>"),
            "<a>\n\"1 < 2 && caf\xC3\xA9 \xF0\x9F\x98\x80\"\n</a>\nEOF");
}

TEST(XmlReader, RawCrLfInAttributeValueIsKept) {
  XmlReader reader("<e caption='line 1\r\nline 2\ttab'/>", kDepth);
  ASSERT_TRUE(reader.next());
  ASSERT_EQ(reader.attributes().size(), 1U);
  EXPECT_EQ(reader.attributes()[0].value, "line 1\r\nline 2\ttab");
}

TEST(XmlReader, TextKeptVerbatimIncludingBlanks) {
  EXPECT_EQ(events("<a>  x\r\n y </a>"), "<a>\n\"  x\r\n y \"\n</a>\nEOF");
}

TEST(XmlReader, TextOffset) {
  XmlReader reader("<a>  hi</a>", kDepth);
  ASSERT_TRUE(reader.next());
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kText);
  EXPECT_EQ(reader.text(), "  hi");
  EXPECT_EQ(reader.offset(), 3U);
}

TEST(XmlReader, BlankTextIsSkipped) {
  EXPECT_EQ(events("\r\n<a>\n  <b> \t </b>\r\n</a>\n\n"),
            "<a>\n<b>\n</b>\n</a>\nEOF");
}

TEST(XmlReader, CommentsAreSkipped) {
  EXPECT_EQ(events("<!-- before --><a><!-- <b> inside --></a><!--after-->"),
            "<a>\n</a>\nEOF");
}

TEST(XmlReader, CommentSplitsText) {
  EXPECT_EQ(events("<a>x<!-- c -->y</a>"), "<a>\n\"x\"\n\"y\"\n</a>\nEOF");
}

TEST(XmlReader, ProcessingInstructionsAreSkipped) {
  EXPECT_EQ(events("<?xml version=\"1.0\"?>\n<?xml-stylesheet href='s'?>"
                   "<a><?pi data?></a><?after?>"),
            "<a>\n</a>\nEOF");
}

TEST(XmlReader, XmlDeclarationIsNoted) {
  XmlReader with("<?xml version='1.0' encoding='UTF-8'?><a/>", kDepth);
  ASSERT_TRUE(with.next());
  EXPECT_TRUE(with.saw_declaration());
  XmlReader without("<?other?><a/>", kDepth);
  ASSERT_TRUE(without.next());
  EXPECT_FALSE(without.saw_declaration());
}

TEST(XmlReader, CdataBecomesText) {
  EXPECT_EQ(events("<a><![CDATA[<b>&amp; ]] >]]></a>"),
            "<a>\n\"<b>&amp; ]] >\"\n</a>\nEOF");
}

TEST(XmlReader, EmptyCdataIsSkipped) {
  EXPECT_EQ(events("<a><![CDATA[]]></a>"), "<a>\n</a>\nEOF");
}

TEST(XmlReader, LocalNameStripsPrefix) {
  XmlReader reader("<x:Schema xmlns:x='urn'><ElementType/></x:Schema>", kDepth);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.name(), "x:Schema");
  EXPECT_EQ(reader.local_name(), "Schema");
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.name(), "ElementType");
  EXPECT_EQ(reader.local_name(), "ElementType");
  ASSERT_TRUE(reader.next());  // </ElementType>
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kEnd);
  EXPECT_EQ(reader.local_name(), "Schema");
}

TEST(XmlReader, NamesWithDigitsDotsDashesAndNonAscii) {
  EXPECT_EQ(
      events("<a-1.b_c d.e-f='1'><\xC3\xA9l/></a-1.b_c>"),
      "<a-1.b_c d.e-f=\"1\">\n<\xC3\xA9l>\n</\xC3\xA9l>\n</a-1.b_c>\nEOF");
}

TEST(XmlReader, EndTagMayHaveTrailingBlanks) {
  EXPECT_EQ(events("<a></a \r\n>"), "<a>\n</a>\nEOF");
}

TEST(XmlReader, FiveThousandDistinctAttributes) {
  std::string xml = "<e";
  for (int i = 0; i < 5000; ++i) xml += " a" + std::to_string(i) + "='v'";
  xml += "/>";
  XmlReader reader(xml, kDepth);
  ASSERT_TRUE(reader.next()) << reader.error().message;
  EXPECT_EQ(reader.attributes().size(), 5000U);
  EXPECT_EQ(reader.attributes()[4999].name, "a4999");
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kEnd);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.event(), XmlEvent::kEof);
}

TEST(XmlReader, DepthAtTheLimitIsAllowed) {
  EXPECT_EQ(outcome("<a><b><c/></b></a>", 3), "EOF");
}

// --- Errors ---------------------------------------------------------------

TEST(XmlReader, EmptyInputHasNoRoot) {
  EXPECT_EQ(events(""), "error @0: no root element");
  EXPECT_EQ(events(" \n"), "error @2: no root element");
  EXPECT_EQ(events("<!-- only a comment -->"), "error @23: no root element");
}

TEST(XmlReader, MismatchedEndTag) {
  EXPECT_EQ(events("<a><b></a></b>"),
            "<a>\n<b>\nerror @6: </a> does not match <b>");
}

TEST(XmlReader, EndTagWithoutStart) {
  EXPECT_EQ(events("</a>"), "error @0: unexpected </a>");
  EXPECT_EQ(outcome("<a/></a>"), "error @4: unexpected </a>");
}

TEST(XmlReader, EndTagNotClosed) {
  EXPECT_EQ(outcome("<a></a x>"), "error @7: expected '>' to end </a>");
}

TEST(XmlReader, EndTagWithoutName) {
  EXPECT_EQ(outcome("<a></ a>"),
            "error @3: expected an element name after '</'");
}

TEST(XmlReader, UnexpectedEofInsideElement) {
  EXPECT_EQ(events("<a><b></b>"),
            "<a>\n<b>\n</b>\nerror @10: unexpected end of file: <a> is not "
            "closed");
}

TEST(XmlReader, UnexpectedEofAfterText) {
  EXPECT_EQ(outcome("<a><b>text"),
            "error @10: unexpected end of file: <b> is not closed");
}

TEST(XmlReader, UnexpectedEofInStartTag) {
  EXPECT_EQ(events("<a><b x='1'"),
            "<a>\nerror @3: unexpected end of file in the start tag of <b>");
}

TEST(XmlReader, UnterminatedAttributeValue) {
  EXPECT_EQ(events("<a x='1>"),
            "error @3: unterminated value of attribute 'x'");
}

TEST(XmlReader, DoctypeIsUnsupported) {
  EXPECT_EQ(events("<?xml version='1.0'?>\n<!DOCTYPE a [<!ENTITY e 'x'>]><a/>"),
            "error @22: DOCTYPE declarations are refused: VSS documents never "
            "have one, and entities are never expanded (unsupported)");
}

TEST(XmlReader, DoctypeInsideElementIsUnsupported) {
  EXPECT_EQ(outcome("<a><!DOCTYPE a></a>"),
            "error @3: DOCTYPE declarations are refused: VSS documents never "
            "have one, and entities are never expanded (unsupported)");
}

TEST(XmlReader, OtherMarkupDeclaration) {
  EXPECT_EQ(outcome("<a><!ELEMENT a ANY></a>"), "error @3: unexpected '<!'");
}

TEST(XmlReader, UnterminatedComment) {
  EXPECT_EQ(outcome("<a><!-- no end </a>"), "error @3: unterminated comment");
}

TEST(XmlReader, UnterminatedCdata) {
  EXPECT_EQ(outcome("<a><![CDATA[x</a>"),
            "error @3: unterminated CDATA section");
}

TEST(XmlReader, CdataOutsideRoot) {
  EXPECT_EQ(events("<![CDATA[x]]><a/>"),
            "error @0: CDATA section outside the root");
}

TEST(XmlReader, UnterminatedProcessingInstruction) {
  EXPECT_EQ(events("<?pi data"),
            "error @0: unterminated processing instruction");
}

TEST(XmlReader, ProcessingInstructionWithoutName) {
  EXPECT_EQ(events("<? x?><a/>"),
            "error @0: expected a processing instruction name after '<?'");
}

TEST(XmlReader, UnknownEntityInText) {
  EXPECT_EQ(outcome("<a>x &nbsp; y</a>"),
            "error @5: unknown entity '&nbsp;': only &lt; &gt; &amp; &quot; "
            "&apos; and character references are allowed (entities are "
            "never expanded)");
}

TEST(XmlReader, UnknownEntityInAttribute) {
  EXPECT_EQ(events("<a b='&e;'/>"),
            "error @6: unknown entity '&e;': only &lt; &gt; &amp; &quot; "
            "&apos; and character references are allowed (entities are "
            "never expanded)");
}

TEST(XmlReader, EntityNamesAreCaseSensitive) {
  EXPECT_EQ(events("<a b='&LT;'/>"),
            "error @6: unknown entity '&LT;': only &lt; &gt; &amp; &quot; "
            "&apos; and character references are allowed (entities are "
            "never expanded)");
}

TEST(XmlReader, BareAmpersand) {
  EXPECT_EQ(events("<a b='x & y'/>"),
            "error @8: '&' that does not start a reference (write &amp;)");
  EXPECT_EQ(outcome("<a>fish & chips</a>"),
            "error @8: '&' that does not start a reference (write &amp;)");
}

TEST(XmlReader, BadCharacterReferences) {
  EXPECT_EQ(events("<a b='&#0;'/>"),
            "error @6: '&#0;' is not a valid character reference");
  EXPECT_EQ(events("<a b='&#xD800;'/>"),
            "error @6: '&#xD800;' is not a valid character reference");
  EXPECT_EQ(events("<a b='&#xDFFF;'/>"),
            "error @6: '&#xDFFF;' is not a valid character reference");
  EXPECT_EQ(events("<a b='&#x110000;'/>"),
            "error @6: '&#x110000;' is not a valid character reference");
  EXPECT_EQ(events("<a b='&#;'/>"),
            "error @6: '&#;' is not a valid character reference");
  EXPECT_EQ(events("<a b='&#x;'/>"),
            "error @6: '&#x;' is not a valid character reference");
  EXPECT_EQ(events("<a b='&#12a;'/>"),
            "error @6: '&#12a;' is not a valid character reference");
  EXPECT_EQ(events("<a b='&#xG1;'/>"),
            "error @6: '&#xG1;' is not a valid character reference");
  // More than eight digits, even if the value would be small.
  EXPECT_EQ(events("<a b='&#000000065;'/>"),
            "error @6: '&#000000065;' is not a valid character reference");
  EXPECT_EQ(outcome("<a>ok &#0; </a>"),
            "error @6: '&#0;' is not a valid character reference");
}

TEST(XmlReader, LessThanInAttributeValue) {
  EXPECT_EQ(events("<a b='x<y'/>"),
            "error @7: '<' in the value of attribute 'b'");
}

TEST(XmlReader, DuplicateAttribute) {
  EXPECT_EQ(events("<a x='1' y='2' x='3'/>"),
            "error @15: attribute 'x' appears twice in <a>");
}

TEST(XmlReader, DuplicateAttributeWithPrefixIsDistinctFromUnprefixed) {
  EXPECT_EQ(outcome("<a x='1' p:x='2'/>"), "EOF");
}

TEST(XmlReader, DuplicateAttributeAmongManyUsesSortedPath) {
  // 20 attributes (> 16), the duplicate of a3 being the last one.
  std::string xml = "<a";
  for (int i = 0; i < 19; ++i) xml += " a" + std::to_string(i) + "='v'";
  const std::size_t dup = xml.size() + 1;
  xml += " a3='w'/>";
  EXPECT_EQ(events(xml), "error @" + std::to_string(dup) +
                             ": attribute 'a3' appears twice in <a>");
}

TEST(XmlReader, DuplicateAttributeAmongManyReportsTheLaterOne) {
  // The duplicate comes first in sort order ("a" < "a0...") and appears
  // both at the start and in the middle; the later occurrence is reported.
  std::string xml = "<big a='1'";
  for (int i = 0; i < 10; ++i) xml += " a" + std::to_string(i) + "='v'";
  const std::size_t dup = xml.size() + 1;
  xml += " a='2'";
  for (int i = 10; i < 20; ++i) xml += " a" + std::to_string(i) + "='v'";
  xml += "/>";
  EXPECT_EQ(events(xml), "error @" + std::to_string(dup) +
                             ": attribute 'a' appears twice in <big>");
}

TEST(XmlReader, SeventeenDistinctAttributesAreFine) {
  std::string xml = "<a";
  for (int i = 0; i < 17; ++i) xml += " a" + std::to_string(i) + "='v'";
  xml += "/>";
  EXPECT_EQ(outcome(xml), "EOF");
}

TEST(XmlReader, MissingEquals) {
  EXPECT_EQ(events("<a b 'x'/>"), "error @5: expected '=' after attribute 'b'");
  EXPECT_EQ(events("<a b/>"), "error @4: expected '=' after attribute 'b'");
}

TEST(XmlReader, UnquotedValue) {
  EXPECT_EQ(events("<a b=x/>"),
            "error @5: expected a quoted value for attribute 'b'");
  EXPECT_EQ(events("<a b = 1>"),
            "error @7: expected a quoted value for attribute 'b'");
}

TEST(XmlReader, AttributeWithoutBlankBefore) {
  EXPECT_EQ(events("<a b='1'c='2'/>"),
            "error @8: expected a blank, '>' or '/>' in <a>");
}

TEST(XmlReader, BadAttributeName) {
  EXPECT_EQ(events("<a 1='x'/>"),
            "error @3: expected an attribute name in <a>");
}

TEST(XmlReader, SlashNotFollowedByGreaterThan) {
  EXPECT_EQ(events("<a / >"), "error @3: expected '>' after '/'");
}

TEST(XmlReader, StartTagWithoutName) {
  EXPECT_EQ(events("< a/>"), "error @0: expected an element name after '<'");
  EXPECT_EQ(outcome("<a><1/></a>"),
            "error @3: expected an element name after '<'");
}

TEST(XmlReader, TextBeforeRoot) {
  EXPECT_EQ(events("  \n hello <a/>"),
            "error @4: text before the root element");
}

TEST(XmlReader, TextAfterRoot) {
  EXPECT_EQ(events("<a/>\n  tail"),
            "<a>\n</a>\nerror @7: text after the end of the root element");
}

TEST(XmlReader, SecondRootElement) {
  EXPECT_EQ(events("<a/>\n<b/>"),
            "<a>\n</a>\nerror @5: a second root element after the end of the "
            "first");
}

TEST(XmlReader, XmlDeclarationNotAtStart) {
  EXPECT_EQ(events("<a/><?xml version='1.0'?>"),
            "<a>\n</a>\nerror @4: XML declaration is only allowed at the "
            "start");
  EXPECT_EQ(events("<!-- c --><?xml version='1.0'?><a/>"),
            "error @10: XML declaration is only allowed at the start");
  EXPECT_EQ(events("<?xml version='1.0'?><?XML version='1.0'?><a/>"),
            "error @21: XML declaration is only allowed at the start");
}

TEST(XmlReader, DepthLimit) {
  EXPECT_EQ(events("<a><b><c><d/></c></b></a>", 3),
            "<a>\n<b>\n<c>\nerror @9: elements are nested deeper than 3 "
            "levels (unsupported)");
}

TEST(XmlReader, DeepNestingIsRefusedWithDefaultLimit) {
  std::string xml;
  for (int i = 0; i < 300; ++i) xml += "<e>";
  EXPECT_EQ(outcome(xml),
            "error @768: elements are nested deeper than 256 levels "
            "(unsupported)");
}

}  // namespace
}  // namespace vssmeta::internal
