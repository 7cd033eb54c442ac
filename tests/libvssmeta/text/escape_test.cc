// SPDX-License-Identifier: MIT
// One-line escaping of names and captions in text output.
#include "text/escape.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

TEST(IsPrintableAscii, EveryByteAtEveryPlace) {
  EXPECT_TRUE(is_printable_ascii(""));
  EXPECT_TRUE(is_printable_ascii(" ~ C:\\Windows\\System32\\*.dll"));
  // Each byte value alone among printable ones, at every place of strings
  // of 1 to 19 bytes: in a whole word, in the bytes after the last one.
  for (std::size_t size = 1; size < 20; ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      for (int b = 0; b < 256; ++b) {
        std::string text(size, 'a');
        text[at] = static_cast<char>(b);
        EXPECT_EQ(is_printable_ascii(text), b >= 0x20 && b <= 0x7E)
            << "byte " << b << " at " << at << " of " << size;
      }
    }
  }
  // Neighbours of the bounds together, and bytes that carry or borrow
  // into their neighbours.
  EXPECT_TRUE(
      is_printable_ascii(std::string("\x20\x7E\x7E\x20\x21\x7D\x20\x7E", 8)));
  EXPECT_FALSE(
      is_printable_ascii(std::string("\x7E\x7F\x20\x20\x20\x20\x20\x20", 8)));
  EXPECT_FALSE(
      is_printable_ascii(std::string("\x20\x1F\x7E\xFF\x00\x20\x20\x20", 8)));
}

TEST(EscapeControl, EscapesControlBytesOnly) {
  EXPECT_EQ(escape_control(""), "");
  EXPECT_EQ(escape_control("a\r\nb\tc"), "a\\r\\nb\\tc");
  EXPECT_EQ(escape_control(std::string("\x01\x1f\x7f", 3)), "\\x01\\x1f\\x7f");
  EXPECT_EQ(escape_control(std::string("nul\0end", 7)), "nul\\x00end");
  // C1 controls (U+0080..U+009F, e.g. CSI U+009B) start escape sequences on
  // some terminals too.
  EXPECT_EQ(escape_control("a\xC2\x9B"
                           "2Jb\xC2\x80\xC2\x9F\xC2\xA0"),
            "a\\u009b2Jb\\u0080\\u009f\xC2\xA0");
  // UTF-8, backslashes and quotes pass through unchanged.
  EXPECT_EQ(escape_control("C:\\Donn\xC3\xA9"
                           "es \"x\""),
            "C:\\Donn\xC3\xA9"
            "es \"x\"");
}

TEST(EscapeControl, EscapesBidiControlsAndInvisibleFormatCharacters) {
  // U+202E RIGHT-TO-LEFT OVERRIDE: "Writer\u202Eexe.txt" would show as
  // "Writertxt.exe" on a terminal that applies the bidi algorithm.
  EXPECT_EQ(escape_control("Writer\xE2\x80\xAE"
                           "exe.txt"),
            "Writer\\u202eexe.txt");
  // The embeddings, overrides, isolates and marks.
  EXPECT_EQ(escape_control("\xE2\x80\xAA\xE2\x80\xAD\xE2\x81\xA6\xE2\x81\xA9"
                           "\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C"),
            "\\u202a\\u202d\\u2066\\u2069\\u200e\\u200f\\u061c");
  // Zero-width space and joiner, word joiner, BOM, soft hyphen, line
  // separator, and a tag character above U+FFFF.
  EXPECT_EQ(escape_control("a\xE2\x80\x8B"
                           "b\xE2\x80\x8D\xE2\x81\xA0\xEF\xBB\xBF"
                           "\xC2\xAD\xE2\x80\xA8\xF3\xA0\x80\x81"),
            "a\\u200bb\\u200d\\u2060\\ufeff\\u00ad\\u2028\\U000e0001");
  // Visible neighbours stay: U+2010 HYPHEN, U+2030 PER MILLE, U+00AC NOT,
  // U+00AE REGISTERED, U+FFFC, an emoji, Hebrew and Arabic letters.
  const std::string visible =
      "\xE2\x80\x90\xE2\x80\xB0\xC2\xAC\xC2\xAE\xEF\xBF\xBC\xF0\x9F\x98\x80"
      "\xD7\x90\xD8\xA7";
  EXPECT_EQ(escape_control(visible), visible);
}

TEST(IsInvisibleFormat, CoversTheRangesAndTheirEdgesOnly) {
  for (std::uint32_t cp : {0xADU, 0x600U, 0x605U, 0x200BU, 0x200FU, 0x2028U,
                           0x202EU, 0x2060U, 0x2064U, 0x2066U, 0x206FU, 0xFEFFU,
                           0xFFF9U, 0xFFFBU, 0xE0001U, 0xE0020U, 0xE007FU}) {
    EXPECT_TRUE(is_invisible_format(cp)) << std::hex << cp;
  }
  for (std::uint32_t cp :
       {0x41U, 0xACU, 0xAEU, 0x5FFU, 0x606U, 0x200AU, 0x2010U, 0x2027U, 0x202FU,
        0x2065U, 0x2070U, 0xFEFEU, 0xFFFCU, 0xE0000U, 0xE0080U, 0x10FFFFU}) {
    EXPECT_FALSE(is_invisible_format(cp)) << std::hex << cp;
  }
}

TEST(EscapeControl, KeepsInvalidUtf8AsItIs) {
  // A lone continuation byte, a truncated sequence, an overlong C1 form.
  EXPECT_EQ(escape_control("\x80x\xC2"), "\x80x\xC2");
  EXPECT_EQ(escape_control("\xE0\x82\x9B"), "\xE0\x82\x9B");
  // A lead byte followed by a control: the control is still escaped.
  EXPECT_EQ(escape_control("\xC2\n"), "\xC2\\n");
}

}  // namespace
}  // namespace vssmeta::internal
