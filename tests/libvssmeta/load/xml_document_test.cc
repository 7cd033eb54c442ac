// SPDX-License-Identifier: MIT
// XmlDocument (pugixml plus the loader's own checks): the tree the model
// reader sees, attribute and text decoding, what is skipped, and the exact
// message and offset of every well-formedness error. These cases were the
// hand-written reader's; they hold unchanged for the pugixml-based loader
// (error cases now show the error only: no partial tree is handed out).
#include "load/xml_document.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

constexpr std::size_t kDepth = 256;

void render(pugi::xml_node n, std::string& out) {
  out += "<" + std::string(n.name());
  for (pugi::xml_attribute a : n.attributes()) {
    out += " " + std::string(a.name()) + "=\"" + a.value() + "\"";
  }
  out += ">\n";
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element) {
      render(c, out);
    } else if ((c.type() == pugi::node_pcdata ||
                c.type() == pugi::node_cdata) &&
               *c.value() != '\0') {
      out += "\"" + std::string(c.value()) + "\"\n";
    }
  }
  out += "</" + std::string(n.name()) + ">\n";
}

// The tree of `xml` in document order, one line per start tag (attributes in
// document order), text and end tag, then EOF; or, on error,
// "error @offset: message" (with " (unsupported)" when refused on purpose).
std::string events(std::string_view xml, std::size_t max_depth = kDepth) {
  XmlDocument doc(xml, max_depth);
  if (const auto& e = doc.error()) {
    return "error @" + std::to_string(e->offset) + ": " + e->message +
           (e->unsupported ? " (unsupported)" : "");
  }
  std::string out;
  render(doc.root(), out);
  return out + "EOF";
}

// Only the final line of events(): the error, or EOF.
std::string outcome(std::string_view xml, std::size_t max_depth = kDepth) {
  std::string all = events(xml, max_depth);
  std::size_t nl = all.rfind('\n');
  return nl == std::string::npos ? all : all.substr(nl + 1);
}

struct Attr {
  std::string name;
  std::string value;
  std::size_t offset;
};

// The root's attributes in document order.
std::vector<Attr> root_attributes(const XmlDocument& doc) {
  std::vector<Attr> out;
  for (pugi::xml_attribute a : doc.root().attributes()) {
    out.push_back(Attr{a.name(), a.value(), doc.offset(a)});
  }
  return out;
}

// --- Events ---------------------------------------------------------------

TEST(XmlDocument, NestedElements) {
  EXPECT_EQ(events("<a><b><c></c></b><d></d></a>"),
            "<a>\n<b>\n<c>\n</c>\n</b>\n<d>\n</d>\n</a>\nEOF");
}

TEST(XmlDocument, SelfClosingYieldsStartThenEnd) {
  EXPECT_EQ(events("<a><b x='1'/><c/></a>"),
            "<a>\n<b x=\"1\">\n</b>\n<c>\n</c>\n</a>\nEOF");
}

TEST(XmlDocument, SelfClosingRoot) {
  EXPECT_EQ(events("<root />"), "<root>\n</root>\nEOF");
}

TEST(XmlDocument, SingleRootWithoutError) {
  XmlDocument doc("<a/>", kDepth);
  EXPECT_FALSE(doc.error().has_value());
  EXPECT_STREQ(doc.root().name(), "a");
  EXPECT_FALSE(doc.root().next_sibling());
}

TEST(XmlDocument, ElementOffsetsAreTheirLessThanSign) {
  XmlDocument doc("<a>\n  <b/>\n</a>", kDepth);
  ASSERT_FALSE(doc.error().has_value());
  EXPECT_EQ(doc.offset(doc.root()), 0U);
  pugi::xml_node b = doc.root().first_child();
  EXPECT_STREQ(b.name(), "b");
  EXPECT_EQ(doc.offset(b), 6U);
  EXPECT_FALSE(b.next_sibling());
}

TEST(XmlDocument, AttributesInDocumentOrderWithOffsets) {
  XmlDocument doc("<e b=\"2\" a='1'\n   c = \"3\" />", kDepth);
  const auto attrs = root_attributes(doc);
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

TEST(XmlDocument, BothQuoteStyles) {
  EXPECT_EQ(events("<e a=\"it's\" b='say \"hi\"'/>"),
            "<e a=\"it's\" b=\"say \"hi\"\">\n</e>\nEOF");
}

TEST(XmlDocument, EmptyAttributeValue) {
  EXPECT_EQ(events("<e a=\"\" b=''/>"), "<e a=\"\" b=\"\">\n</e>\nEOF");
}

TEST(XmlDocument, GreaterThanInAttributeValue) {
  EXPECT_EQ(events("<e a='x>y'/>"), "<e a=\"x>y\">\n</e>\nEOF");
}

TEST(XmlDocument, ReferencesInAttributesAreDecoded) {
  XmlDocument doc(
      "<e a='&lt;&gt;&amp;&quot;&apos;' b='caf&#233;' c='&#x1F600;!'"
      " d='plain'/>",
      kDepth);
  const auto attrs = root_attributes(doc);
  ASSERT_EQ(attrs.size(), 4U);
  EXPECT_EQ(attrs[0].value, "<>&\"'");
  EXPECT_EQ(attrs[1].value, "caf\xC3\xA9");
  EXPECT_EQ(attrs[2].value, "\xF0\x9F\x98\x80!");
  EXPECT_EQ(attrs[3].value, "plain");
}

TEST(XmlDocument, ManyDecodedAttributesStayValid) {
  // Each value is decoded in its own place; decoding one must not spoil the
  // next.
  std::string xml = "<e";
  for (int i = 0; i < 40; ++i) {
    xml += " a" + std::to_string(i) + "='" + std::to_string(i) + "&amp;'";
  }
  xml += "/>";
  XmlDocument doc(xml, kDepth);
  const auto attrs = root_attributes(doc);
  ASSERT_EQ(attrs.size(), 40U);
  for (std::size_t i = 0; i < attrs.size(); ++i) {
    EXPECT_EQ(attrs[i].value, std::to_string(i) + "&");
  }
}

TEST(XmlDocument, CharacterReferenceForms) {
  EXPECT_EQ(events("<e a='&#65;&#x42;&#x0043;&#x4a;&#X;'/>"),
            "error @31: '&#X;' is not a valid character reference");
  EXPECT_EQ(events("<e a='&#65;&#x42;&#x0043;&#x4a;&#x4A;'/>"),
            "<e a=\"ABCJJ\">\n</e>\nEOF");
}

TEST(XmlDocument, HighestCharacterReference) {
  EXPECT_EQ(events("<e a='&#x10FFFF;'/>"),
            "<e a=\"\xF4\x8F\xBF\xBF\">\n</e>\nEOF");
}

TEST(XmlDocument, ReferencesInTextAreDecoded) {
  EXPECT_EQ(events("<a>1 &lt; 2 &amp;&amp; caf&#233; &#x1F600;</a>"),
            "<a>\n\"1 < 2 && caf\xC3\xA9 \xF0\x9F\x98\x80\"\n</a>\nEOF");
}

TEST(XmlDocument, RawCrLfInAttributeValueIsKept) {
  XmlDocument doc("<e caption='line 1\r\nline 2\ttab'/>", kDepth);
  const auto attrs = root_attributes(doc);
  ASSERT_EQ(attrs.size(), 1U);
  EXPECT_EQ(attrs[0].value, "line 1\r\nline 2\ttab");
}

TEST(XmlDocument, TextKeptVerbatimIncludingBlanks) {
  EXPECT_EQ(events("<a>  x\r\n y </a>"), "<a>\n\"  x\r\n y \"\n</a>\nEOF");
}

TEST(XmlDocument, TextOffset) {
  XmlDocument doc("<a>  hi</a>", kDepth);
  pugi::xml_node text = doc.root().first_child();
  EXPECT_EQ(text.type(), pugi::node_pcdata);
  EXPECT_STREQ(text.value(), "  hi");
  EXPECT_EQ(doc.offset(text), 3U);
}

TEST(XmlDocument, BlankTextIsSkipped) {
  EXPECT_EQ(events("\r\n<a>\n  <b> \t </b>\r\n</a>\n\n"),
            "<a>\n<b>\n</b>\n</a>\nEOF");
}

TEST(XmlDocument, CommentsAreSkipped) {
  EXPECT_EQ(events("<!-- before --><a><!-- <b> inside --></a><!--after-->"),
            "<a>\n</a>\nEOF");
}

TEST(XmlDocument, CommentSplitsText) {
  EXPECT_EQ(events("<a>x<!-- c -->y</a>"), "<a>\n\"x\"\n\"y\"\n</a>\nEOF");
}

TEST(XmlDocument, ProcessingInstructionsAreSkipped) {
  EXPECT_EQ(events("<?xml version=\"1.0\"?>\n<?xml-stylesheet href='s'?>"
                   "<a><?pi data?></a><?after?>"),
            "<a>\n</a>\nEOF");
}

TEST(XmlDocument, XmlDeclarationIsNoted) {
  XmlDocument with("<?xml version='1.0' encoding='UTF-8'?><a/>", kDepth);
  EXPECT_FALSE(with.error().has_value());
  EXPECT_TRUE(with.saw_declaration());
  XmlDocument without("<?other?><a/>", kDepth);
  EXPECT_FALSE(without.error().has_value());
  EXPECT_FALSE(without.saw_declaration());
}

TEST(XmlDocument, CdataBecomesText) {
  EXPECT_EQ(events("<a><![CDATA[<b>&amp; ]] >]]></a>"),
            "<a>\n\"<b>&amp; ]] >\"\n</a>\nEOF");
}

TEST(XmlDocument, EmptyCdataIsSkipped) {
  EXPECT_EQ(events("<a><![CDATA[]]></a>"), "<a>\n</a>\nEOF");
}

TEST(XmlDocument, LocalNameStripsPrefix) {
  XmlDocument doc("<x:Schema xmlns:x='urn'><ElementType/></x:Schema>", kDepth);
  EXPECT_STREQ(doc.root().name(), "x:Schema");
  EXPECT_EQ(local_name(doc.root().name()), "Schema");
  EXPECT_EQ(local_name(doc.root().first_child().name()), "ElementType");
}

TEST(XmlDocument, NamesWithDigitsDotsDashesAndNonAscii) {
  EXPECT_EQ(
      events("<a-1.b_c d.e-f='1'><\xC3\xA9l/></a-1.b_c>"),
      "<a-1.b_c d.e-f=\"1\">\n<\xC3\xA9l>\n</\xC3\xA9l>\n</a-1.b_c>\nEOF");
}

TEST(XmlDocument, EndTagMayHaveTrailingBlanks) {
  EXPECT_EQ(events("<a></a \r\n>"), "<a>\n</a>\nEOF");
}

TEST(XmlDocument, FiveThousandDistinctAttributes) {
  std::string xml = "<e";
  for (int i = 0; i < 5000; ++i) xml += " a" + std::to_string(i) + "='v'";
  xml += "/>";
  XmlDocument doc(xml, kDepth);
  ASSERT_FALSE(doc.error().has_value()) << doc.error()->message;
  const auto attrs = root_attributes(doc);
  EXPECT_EQ(attrs.size(), 5000U);
  EXPECT_EQ(attrs[4999].name, "a4999");
}

TEST(XmlDocument, DepthAtTheLimitIsAllowed) {
  EXPECT_EQ(outcome("<a><b><c/></b></a>", 3), "EOF");
}

// --- Errors ---------------------------------------------------------------

TEST(XmlDocument, EmptyInputHasNoRoot) {
  EXPECT_EQ(events(""), "error @0: no root element");
  EXPECT_EQ(events(" \n"), "error @2: no root element");
  EXPECT_EQ(events("<!-- only a comment -->"), "error @23: no root element");
}

TEST(XmlDocument, MismatchedEndTag) {
  EXPECT_EQ(events("<a><b></a></b>"), "error @6: </a> does not match <b>");
}

TEST(XmlDocument, EndTagWithoutStart) {
  EXPECT_EQ(events("</a>"), "error @0: unexpected </a>");
  EXPECT_EQ(outcome("<a/></a>"), "error @4: unexpected </a>");
}

TEST(XmlDocument, EndTagNotClosed) {
  EXPECT_EQ(outcome("<a></a x>"), "error @7: expected '>' to end </a>");
}

TEST(XmlDocument, EndTagWithoutName) {
  EXPECT_EQ(outcome("<a></ a>"),
            "error @3: expected an element name after '</'");
}

TEST(XmlDocument, UnexpectedEofInsideElement) {
  EXPECT_EQ(events("<a><b></b>"),
            "error @10: unexpected end of file: <a> is not "
            "closed");
}

TEST(XmlDocument, UnexpectedEofAfterText) {
  EXPECT_EQ(outcome("<a><b>text"),
            "error @10: unexpected end of file: <b> is not closed");
}

TEST(XmlDocument, UnexpectedEofInStartTag) {
  EXPECT_EQ(events("<a><b x='1'"),
            "error @3: unexpected end of file in the start tag of <b>");
}

TEST(XmlDocument, UnterminatedAttributeValue) {
  EXPECT_EQ(events("<a x='1>"),
            "error @3: unterminated value of attribute 'x'");
}

TEST(XmlDocument, DoctypeIsUnsupported) {
  EXPECT_EQ(events("<?xml version='1.0'?>\n<!DOCTYPE a [<!ENTITY e 'x'>]><a/>"),
            "error @22: DOCTYPE declarations are refused: VSS documents never "
            "have one, and entities are never expanded (unsupported)");
}

TEST(XmlDocument, DoctypeInsideElementIsUnsupported) {
  EXPECT_EQ(outcome("<a><!DOCTYPE a></a>"),
            "error @3: DOCTYPE declarations are refused: VSS documents never "
            "have one, and entities are never expanded (unsupported)");
}

TEST(XmlDocument, OtherMarkupDeclaration) {
  EXPECT_EQ(outcome("<a><!ELEMENT a ANY></a>"), "error @3: unexpected '<!'");
}

TEST(XmlDocument, UnterminatedComment) {
  EXPECT_EQ(outcome("<a><!-- no end </a>"), "error @3: unterminated comment");
}

TEST(XmlDocument, UnterminatedCdata) {
  EXPECT_EQ(outcome("<a><![CDATA[x</a>"),
            "error @3: unterminated CDATA section");
}

TEST(XmlDocument, CdataOutsideRoot) {
  EXPECT_EQ(events("<![CDATA[x]]><a/>"),
            "error @0: CDATA section outside the root");
}

TEST(XmlDocument, UnterminatedProcessingInstruction) {
  EXPECT_EQ(events("<?pi data"),
            "error @0: unterminated processing instruction");
}

TEST(XmlDocument, ProcessingInstructionWithoutName) {
  EXPECT_EQ(events("<? x?><a/>"),
            "error @0: expected a processing instruction name after '<?'");
}

TEST(XmlDocument, UnknownEntityInText) {
  EXPECT_EQ(outcome("<a>x &nbsp; y</a>"),
            "error @5: unknown entity '&nbsp;': only &lt; &gt; &amp; &quot; "
            "&apos; and character references are allowed (entities are "
            "never expanded)");
}

TEST(XmlDocument, UnknownEntityInAttribute) {
  EXPECT_EQ(events("<a b='&e;'/>"),
            "error @6: unknown entity '&e;': only &lt; &gt; &amp; &quot; "
            "&apos; and character references are allowed (entities are "
            "never expanded)");
}

TEST(XmlDocument, EntityNamesAreCaseSensitive) {
  EXPECT_EQ(events("<a b='&LT;'/>"),
            "error @6: unknown entity '&LT;': only &lt; &gt; &amp; &quot; "
            "&apos; and character references are allowed (entities are "
            "never expanded)");
}

TEST(XmlDocument, BareAmpersand) {
  EXPECT_EQ(events("<a b='x & y'/>"),
            "error @8: '&' that does not start a reference (write &amp;)");
  EXPECT_EQ(outcome("<a>fish & chips</a>"),
            "error @8: '&' that does not start a reference (write &amp;)");
}

TEST(XmlDocument, BadCharacterReferences) {
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

TEST(XmlDocument, LessThanInAttributeValue) {
  EXPECT_EQ(events("<a b='x<y'/>"),
            "error @7: '<' in the value of attribute 'b'");
}

TEST(XmlDocument, DuplicateAttribute) {
  EXPECT_EQ(events("<a x='1' y='2' x='3'/>"),
            "error @15: attribute 'x' appears twice in <a>");
}

TEST(XmlDocument, DuplicateAttributeWithPrefixIsDistinctFromUnprefixed) {
  EXPECT_EQ(outcome("<a x='1' p:x='2'/>"), "EOF");
}

TEST(XmlDocument, DuplicateAttributeAmongManyUsesSortedPath) {
  // 20 attributes (> 16), the duplicate of a3 being the last one.
  std::string xml = "<a";
  for (int i = 0; i < 19; ++i) xml += " a" + std::to_string(i) + "='v'";
  const std::size_t dup = xml.size() + 1;
  xml += " a3='w'/>";
  EXPECT_EQ(events(xml), "error @" + std::to_string(dup) +
                             ": attribute 'a3' appears twice in <a>");
}

TEST(XmlDocument, DuplicateAttributeAmongManyReportsTheLaterOne) {
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

TEST(XmlDocument, SeventeenDistinctAttributesAreFine) {
  std::string xml = "<a";
  for (int i = 0; i < 17; ++i) xml += " a" + std::to_string(i) + "='v'";
  xml += "/>";
  EXPECT_EQ(outcome(xml), "EOF");
}

TEST(XmlDocument, MissingEquals) {
  EXPECT_EQ(events("<a b 'x'/>"), "error @5: expected '=' after attribute 'b'");
  EXPECT_EQ(events("<a b/>"), "error @4: expected '=' after attribute 'b'");
}

TEST(XmlDocument, UnquotedValue) {
  EXPECT_EQ(events("<a b=x/>"),
            "error @5: expected a quoted value for attribute 'b'");
  EXPECT_EQ(events("<a b = 1>"),
            "error @7: expected a quoted value for attribute 'b'");
}

TEST(XmlDocument, AttributeWithoutBlankBefore) {
  EXPECT_EQ(events("<a b='1'c='2'/>"),
            "error @8: expected a blank, '>' or '/>' in <a>");
}

TEST(XmlDocument, BadAttributeName) {
  EXPECT_EQ(events("<a 1='x'/>"),
            "error @3: expected an attribute name in <a>");
}

TEST(XmlDocument, SlashNotFollowedByGreaterThan) {
  EXPECT_EQ(events("<a / >"), "error @3: expected '>' after '/'");
}

TEST(XmlDocument, StartTagWithoutName) {
  EXPECT_EQ(events("< a/>"), "error @0: expected an element name after '<'");
  EXPECT_EQ(outcome("<a><1/></a>"),
            "error @3: expected an element name after '<'");
}

TEST(XmlDocument, TextBeforeRoot) {
  EXPECT_EQ(events("  \n hello <a/>"),
            "error @4: text before the root element");
}

TEST(XmlDocument, TextAfterRoot) {
  EXPECT_EQ(events("<a/>\n  tail"),
            "error @7: text after the end of the root element");
}

TEST(XmlDocument, SecondRootElement) {
  EXPECT_EQ(events("<a/>\n<b/>"),
            "error @5: a second root element after the end of the "
            "first");
}

TEST(XmlDocument, XmlDeclarationNotAtStart) {
  EXPECT_EQ(events("<a/><?xml version='1.0'?>"),
            "error @4: XML declaration is only allowed at the "
            "start");
  EXPECT_EQ(events("<!-- c --><?xml version='1.0'?><a/>"),
            "error @10: XML declaration is only allowed at the start");
  EXPECT_EQ(events("<?xml version='1.0'?><?XML version='1.0'?><a/>"),
            "error @21: XML declaration is only allowed at the start");
}

TEST(XmlDocument, DepthLimit) {
  EXPECT_EQ(events("<a><b><c><d/></c></b></a>", 3),
            "error @9: elements are nested deeper than 3 "
            "levels (unsupported)");
}

TEST(XmlDocument, DeepNestingIsRefusedWithDefaultLimit) {
  std::string xml;
  for (int i = 0; i < 300; ++i) xml += "<e>";
  EXPECT_EQ(outcome(xml),
            "error @768: elements are nested deeper than 256 levels "
            "(unsupported)");
}

// --- kDeferred: the caller checks the elements as it reads them -----------

std::string message(const std::optional<XmlError>& e) {
  return e ? "@" + std::to_string(e->offset) + ": " + e->message : "none";
}

TEST(XmlDocumentDeferred, ElementsAreLeftToTheCaller) {
  constexpr std::string_view kXml = "<a><b x='&bad;'/></a>";
  XmlDocument checked(kXml, kDepth);
  EXPECT_EQ(message(checked.error()),
            "@9: unknown entity '&bad;': only &lt; &gt; &amp; &quot; &apos; "
            "and character references are allowed (entities are never "
            "expanded)");
  XmlDocument deferred(kXml, kDepth, XmlCheck::kDeferred);
  ASSERT_FALSE(deferred.error().has_value());
  std::vector<XmlAttr> attrs;
  std::string scratch;
  EXPECT_EQ(message(deferred.read_attributes(deferred.root().first_child(),
                                             attrs, scratch)),
            message(checked.error()));
  EXPECT_EQ(message(deferred.check_remaining()), message(checked.error()));
}

TEST(XmlDocumentDeferred, ReadAttributesDecodesIntoScratch) {
  XmlDocument doc("<e a='plain' b='caf&#233; &amp; &lt;x&gt;' c='&#x1F600;'/>",
                  kDepth, XmlCheck::kDeferred);
  ASSERT_FALSE(doc.error().has_value());
  std::vector<XmlAttr> attrs;
  std::string scratch;
  ASSERT_FALSE(doc.read_attributes(doc.root(), attrs, scratch).has_value());
  ASSERT_EQ(attrs.size(), 3U);
  EXPECT_EQ(attrs[0].value, "plain");
  EXPECT_EQ(attrs[1].value, "caf\xC3\xA9 & <x>");
  EXPECT_EQ(attrs[2].value, "\xF0\x9F\x98\x80");
  EXPECT_EQ(attrs[1].name, "b");
  EXPECT_EQ(attrs[1].offset, 13U);
  // The tree is not changed: a second read gives the same values.
  ASSERT_FALSE(doc.read_attributes(doc.root(), attrs, scratch).has_value());
  EXPECT_EQ(attrs[1].value, "caf\xC3\xA9 & <x>");
}

// Values are scanned a word at a time for their end, a reference or a '<':
// each is found wherever it falls in a word, next to bytes >= 0x80 too, and a
// value that ends the document is read to its end.
TEST(XmlDocumentDeferred, ReadAttributesFindsEveryReferenceAndEnd) {
  for (std::size_t before = 0; before < 20; ++before) {
    SCOPED_TRACE(before);
    const std::string lead(before, 'x');
    const std::string xml = "<e a='" + lead + "&amp;\xC3\xA9" + lead + "' b='" +
                            lead + "\xC3\xA9' c='" + lead + "'/>";
    XmlDocument doc(xml, kDepth, XmlCheck::kDeferred);
    ASSERT_FALSE(doc.error().has_value());
    std::vector<XmlAttr> attrs;
    std::string scratch;
    ASSERT_FALSE(doc.read_attributes(doc.root(), attrs, scratch).has_value());
    ASSERT_EQ(attrs.size(), 3U);
    EXPECT_EQ(attrs[0].value, lead + "&\xC3\xA9" + lead);
    EXPECT_EQ(attrs[1].value, lead + "\xC3\xA9");
    EXPECT_EQ(attrs[2].value, lead);

    const std::string less = "<e a='" + lead + "<'/>";
    XmlDocument refused(less, kDepth, XmlCheck::kDeferred);
    ASSERT_FALSE(refused.error().has_value());
    EXPECT_TRUE(
        refused.read_attributes(refused.root(), attrs, scratch).has_value());
  }
}

TEST(XmlDocumentDeferred, ReadAttributesRefusesDuplicatesAndLessThan) {
  std::vector<XmlAttr> attrs;
  std::string scratch;
  XmlDocument twice("<e a='1' b='2' a='3'/>", kDepth, XmlCheck::kDeferred);
  EXPECT_EQ(message(twice.read_attributes(twice.root(), attrs, scratch)),
            "@15: attribute 'a' appears twice in <e>");
  std::string many = "<e";
  for (int i = 0; i < 40; ++i) many += " a" + std::to_string(i) + "='v'";
  many += " a7='again'/>";
  XmlDocument hashed(many, kDepth, XmlCheck::kDeferred);
  EXPECT_EQ(message(hashed.read_attributes(hashed.root(), attrs, scratch)),
            "@" + std::to_string(many.size() - 12) +
                ": attribute 'a7' appears twice in <e>");
}

TEST(XmlDocumentDeferred, ReadTextDecodesTextAndKeepsCdataVerbatim) {
  XmlDocument doc("<e>a&amp;b<![CDATA[&amp;<>]]></e>", kDepth,
                  XmlCheck::kDeferred);
  ASSERT_FALSE(doc.error().has_value());
  std::string text;
  for (pugi::xml_node c = doc.root().first_child(); c; c = c.next_sibling()) {
    ASSERT_FALSE(doc.read_text(c, text).has_value());
  }
  EXPECT_EQ(text, "a&b&amp;<>");
}

TEST(XmlDocumentDeferred, TextBeforeTheRootIsAnErrorAtOnce) {
  XmlDocument doc("x<a/>", kDepth, XmlCheck::kDeferred);
  EXPECT_EQ(message(doc.error()), "@0: text before the root element");
}

TEST(XmlDocumentDeferred, WhatFollowsTheRootWaitsForTheCaller) {
  XmlDocument text("<a/> x", kDepth, XmlCheck::kDeferred);
  EXPECT_FALSE(text.error().has_value());
  EXPECT_EQ(message(text.trailing_error()),
            "@5: text after the end of the root element");
  XmlDocument second("<a/><b/>", kDepth, XmlCheck::kDeferred);
  EXPECT_FALSE(second.error().has_value());
  EXPECT_EQ(message(second.trailing_error()),
            "@4: a second root element after the end of the first");
  XmlDocument clean("<a/>", kDepth, XmlCheck::kDeferred);
  EXPECT_EQ(message(clean.trailing_error()), "none");
  EXPECT_EQ(message(clean.check_remaining()), "none");
}

TEST(XmlDocumentDeferred, DepthIsTheCallersButCheckSubtreeBoundsIt) {
  XmlDocument doc("<a><b><c><d/></c></b></a>", 3, XmlCheck::kDeferred);
  ASSERT_FALSE(doc.error().has_value());
  pugi::xml_node d = doc.root().first_child().first_child().first_child();
  EXPECT_EQ(message(doc.depth_error(d)),
            "@9: elements are nested deeper than 3 levels");
  EXPECT_EQ(message(doc.check_subtree(doc.root().first_child(), 2)),
            "@9: elements are nested deeper than 3 levels");
  EXPECT_EQ(message(doc.check_remaining()),
            "@9: elements are nested deeper than 3 levels");
}

TEST(XmlDocumentDeferred, ParseErrorsAreReportedAsInCheckedMode) {
  constexpr std::string_view kXml = "<a><b x='&bad;'/><c></a>";
  XmlDocument checked(kXml, kDepth);
  XmlDocument deferred(kXml, kDepth, XmlCheck::kDeferred);
  EXPECT_EQ(message(deferred.error()), message(checked.error()));
  EXPECT_NE(message(deferred.error()), "none");
}

TEST(XmlDocumentDeferred, DiscardGivesBackWholeBlocksOfTextAlreadyRead) {
  // <a> holding some 6 MB of <b/> elements, then <c v="last"/>.
  std::string text = "<a>";
  while (text.size() < (std::size_t{6} << 20)) text += "<b v=\"0123456789\"/>";
  const std::size_t c_at = text.size();
  text += "<c v=\"last\"/></a>";
  XmlDocument doc(std::move(text), kDepth, XmlCheck::kDeferred,
                  XmlDocument::InPlace{});
  ASSERT_FALSE(doc.error());
  const std::size_t from = doc.offset(doc.root().first_child());
  auto nuls = [&] {
    const std::string_view t = doc.text();
    return static_cast<std::size_t>(std::count(t.begin(), t.end(), '\0'));
  };
  // pugixml ends every name and value with a NUL of its own.
  const std::size_t nuls_before = nuls();
  pugi::xml_node c = doc.root().child("c");
  ASSERT_EQ(doc.offset(c), c_at);
  while (doc.root().first_child() != c) {
    doc.root().remove_child(doc.root().first_child());
  }
  // Less than a block: nothing goes.
  doc.discard(from, from + (std::size_t{1} << 20));
  EXPECT_EQ(nuls(), nuls_before);
  doc.discard(from, c_at);
#if defined(__linux__)
  // At least the two whole blocks inside 6 MB read as NUL now.
  EXPECT_GE(nuls(), std::size_t{4} << 20);
#else
  EXPECT_EQ(nuls(), nuls_before);
#endif
  // Not a byte from `to` on: <c> reads as before.
  std::vector<XmlAttr> attrs;
  std::string scratch;
  ASSERT_FALSE(doc.read_attributes(c, attrs, scratch));
  ASSERT_EQ(attrs.size(), 1U);
  EXPECT_EQ(attrs[0].value, "last");
  EXPECT_EQ(doc.text().substr(c_at, 3), std::string_view("<c\0", 3));
  EXPECT_FALSE(doc.check_remaining());
}

}  // namespace
}  // namespace vssmeta::internal
