// SPDX-License-Identifier: MIT
// The DOT and Mermaid label escaping behind write_graph().
#include "graph/escape.h"

#include <string>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

TEST(DotEscape, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(dot_escape("plain {x} <y> & |z|"), "plain {x} <y> & |z|");
  EXPECT_EQ(dot_escape("a\"b"), "a\\\"b");
  EXPECT_EQ(dot_escape("C:\\Windows\\"), "C:\\\\Windows\\\\");
  EXPECT_EQ(dot_escape("\\n \\l \\N"), "\\\\n \\\\l \\\\N");
  EXPECT_EQ(dot_escape("one\ntwo\r\n"), "one\\ntwo\\n");
  EXPECT_EQ(dot_escape("tab\there"), "tab here");
  EXPECT_EQ(dot_escape(std::string("nul\0x\x01\x7f", 7)),
            "nul\\\\x00x\\\\x01\\\\x7F");
  EXPECT_EQ(dot_escape("\xC3\xBC\xE2\x9C\x93"), "\xC3\xBC\xE2\x9C\x93");
  EXPECT_EQ(dot_escape("bad\xFF\xC3"), "bad\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(dot_escape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(DotEscape, ShowsInvisibleFormatCharactersAsCodes) {
  // U+202E RIGHT-TO-LEFT OVERRIDE would show "Writer" reversed.
  EXPECT_EQ(dot_escape("a\xE2\x80\xAEWriter"), "a\\\\u202eWriter");
  EXPECT_EQ(dot_escape("zero\xE2\x80\x8Bwidth"), "zero\\\\u200bwidth");
  EXPECT_EQ(dot_escape("\xE2\x80\x90"), "\xE2\x80\x90");  // U+2010 HYPHEN
}

TEST(MermaidEscape, ShowsInvisibleFormatCharactersAsCodes) {
  EXPECT_EQ(mermaid_escape("a\xE2\x80\xAEWriter"), "a\\u202eWriter");
  EXPECT_EQ(mermaid_escape("\xE2\x81\xA6x"), "\\u2066x");
  EXPECT_EQ(mermaid_escape("\xE2\x80\x90"), "\xE2\x80\x90");
}

TEST(MermaidEscape, UsesEntityCodes) {
  EXPECT_EQ(mermaid_escape("a\"b"), "a#quot;b");
  EXPECT_EQ(mermaid_escape("<b>&#1`"), "#lt;b#gt;#amp;#35;1#96;");
  EXPECT_EQ(mermaid_escape("C:\\{x}[y](z)"), "C:\\{x}[y](z)");
  EXPECT_EQ(mermaid_escape("one\ntwo\r"), "one<br/>two");
  EXPECT_EQ(mermaid_escape(std::string("\x01\0", 2)), "\\x01\\x00");
  EXPECT_EQ(mermaid_escape("\xC3\xBC\xFF"), "\xC3\xBC\xEF\xBF\xBD");
}

}  // namespace
}  // namespace vssmeta::internal
