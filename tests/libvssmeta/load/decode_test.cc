// SPDX-License-Identifier: MIT
// decode_input: encoding detection, UTF-16 conversion, UTF-8 validation and
// the exact position of every decoding error; append_utf8.
#include "load/decode.h"

#include <cstddef>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace vssmeta::internal {
namespace {

// UTF-16LE bytes of a string of code units.
std::string utf16le(std::u16string_view units) {
  std::string out;
  for (char16_t u : units) {
    out.push_back(static_cast<char>(u & 0xFF));
    out.push_back(static_cast<char>(u >> 8));
  }
  return out;
}

std::string utf16be(std::u16string_view units) {
  std::string out;
  for (char16_t u : units) {
    out.push_back(static_cast<char>(u >> 8));
    out.push_back(static_cast<char>(u & 0xFF));
  }
  return out;
}

const std::string kBomLe("\xFF\xFE", 2);
const std::string kBomBe("\xFE\xFF", 2);
const std::string kBom8("\xEF\xBB\xBF", 3);

// The full text of the error decode_input() returns for `bytes`.
std::string decode_error_text(std::string_view bytes) {
  auto r = decode_input(bytes, "in.xml");
  if (r.has_value()) return "(no error)";
  EXPECT_EQ(r.error().code, ErrorCode::kMalformedXml);
  return to_string(r.error());
}

TEST(DecodeInput, Utf8WithoutBom) {
  const std::string bytes = "<a x=\"\xC3\xA9\"/>";
  auto r = decode_input(bytes, "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), bytes);
  EXPECT_EQ(r->encoding, Encoding::kUtf8);
  EXPECT_FALSE(r->byte_order_mark);
}

TEST(DecodeInput, Utf8WithoutBomIsNotCopied) {
  const std::string bytes = "<a/>";
  auto r = decode_input(bytes, "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text().data(), bytes.data());
}

TEST(DecodeInput, Utf8WithBomStripsIt) {
  const std::string bytes = kBom8 + "<a/>";
  auto r = decode_input(bytes, "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "<a/>");
  EXPECT_EQ(r->encoding, Encoding::kUtf8);
  EXPECT_TRUE(r->byte_order_mark);
}

TEST(DecodeInput, EmptyInputIsEmptyUtf8) {
  auto r = decode_input("", "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "");
  EXPECT_EQ(r->encoding, Encoding::kUtf8);
  EXPECT_FALSE(r->byte_order_mark);
}

TEST(DecodeInput, BomOnly) {
  auto r = decode_input(kBom8, "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "");
  EXPECT_TRUE(r->byte_order_mark);
}

TEST(DecodeInput, Utf16LeWithBom) {
  auto r = decode_input(kBomLe + utf16le(u"<a x=\"\u00E9\u20AC\"/>"), "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "<a x=\"\xC3\xA9\xE2\x82\xAC\"/>");
  EXPECT_EQ(r->encoding, Encoding::kUtf16Le);
  EXPECT_TRUE(r->byte_order_mark);
}

TEST(DecodeInput, Utf16LeWithoutBom) {
  auto r = decode_input(utf16le(u"<a>\u00E9</a>"), "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "<a>\xC3\xA9</a>");
  EXPECT_EQ(r->encoding, Encoding::kUtf16Le);
  EXPECT_FALSE(r->byte_order_mark);
}

TEST(DecodeInput, Utf16BeWithBom) {
  auto r = decode_input(kBomBe + utf16be(u"<a>\u00E9</a>"), "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "<a>\xC3\xA9</a>");
  EXPECT_EQ(r->encoding, Encoding::kUtf16Be);
  EXPECT_TRUE(r->byte_order_mark);
}

TEST(DecodeInput, Utf16BeWithoutBom) {
  auto r = decode_input(utf16be(u"<a>\u00E9</a>"), "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "<a>\xC3\xA9</a>");
  EXPECT_EQ(r->encoding, Encoding::kUtf16Be);
  EXPECT_FALSE(r->byte_order_mark);
}

TEST(DecodeInput, Utf16BomOnly) {
  auto r = decode_input(kBomLe, "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "");
  EXPECT_EQ(r->encoding, Encoding::kUtf16Le);
  EXPECT_TRUE(r->byte_order_mark);
}

TEST(DecodeInput, Utf16SurrogatePairBecomesFourByteUtf8) {
  // U+1F600 is D83D DE00 in UTF-16.
  const std::u16string units = u"<a>\xD83D\xDE00</a>";
  const std::string expected = "<a>\xF0\x9F\x98\x80</a>";
  auto le = decode_input(kBomLe + utf16le(units), "in.xml");
  ASSERT_OK(le);
  EXPECT_EQ(le->text(), expected);
  auto be = decode_input(kBomBe + utf16be(units), "in.xml");
  ASSERT_OK(be);
  EXPECT_EQ(be->text(), expected);
}

TEST(DecodeInput, Utf16HighestCodePoint) {
  // U+10FFFF is DBFF DFFF.
  auto r = decode_input(kBomLe + utf16le(u"\xDBFF\xDFFF"), "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "\xF4\x8F\xBF\xBF");
}

TEST(DecodeInput, Utf16UnpairedHighSurrogate) {
  // Line 2, after "é": the surrogate is the third character.
  EXPECT_EQ(decode_error_text(kBomLe + utf16le(u"<a>\n\u00E9x\xD800y</a>")),
            "in.xml:2:3: error: unpaired UTF-16 surrogate 0xD800");
}

TEST(DecodeInput, Utf16HighSurrogateAtEnd) {
  EXPECT_EQ(decode_error_text(kBomLe + utf16le(u"<a>\xDBFF")),
            "in.xml:1:4: error: unpaired UTF-16 surrogate 0xDBFF");
}

TEST(DecodeInput, Utf16HighSurrogateThenOddByte) {
  // A high surrogate followed by a single byte that would start a low
  // surrogate: there is no complete second unit, so nothing is paired.
  EXPECT_EQ(decode_error_text(kBomBe + utf16be(u"ab\xD83D") + "\xDC"),
            "in.xml:1:3: error: unpaired UTF-16 surrogate 0xD83D");
}

TEST(DecodeInput, Utf16TwoHighSurrogates) {
  EXPECT_EQ(decode_error_text(kBomBe + utf16be(u"ab\xD83D\xD83D")),
            "in.xml:1:3: error: unpaired UTF-16 surrogate 0xD83D");
}

TEST(DecodeInput, Utf16UnpairedLowSurrogate) {
  EXPECT_EQ(decode_error_text(kBomLe + utf16le(u"<a>\r\n\xDC00</a>")),
            "in.xml:2:1: error: unpaired UTF-16 surrogate 0xDC00");
}

TEST(DecodeInput, Utf16UnpairedLowSurrogateBigEndianWithoutBom) {
  EXPECT_EQ(decode_error_text(utf16be(u"<a>\xDFFF</a>")),
            "in.xml:1:4: error: unpaired UTF-16 surrogate 0xDFFF");
}

TEST(DecodeInput, Utf16OddLength) {
  // 8 bytes of "<a/>", then one more byte after a line break.
  std::string bytes = utf16le(u"<a/>\n") + "x";
  EXPECT_EQ(decode_error_text(bytes),
            "in.xml:2:1: error: truncated UTF-16 text: 11 bytes is an odd "
            "number");
}

TEST(DecodeInput, Utf16OddLengthCountsBytesAfterBom) {
  std::string bytes = kBomLe + utf16le(u"<a/>") + "x";
  EXPECT_EQ(decode_error_text(bytes),
            "in.xml:1:5: error: truncated UTF-16 text: 9 bytes is an odd "
            "number");
}

TEST(DecodeInput, Utf16NulCharacter) {
  EXPECT_EQ(
      decode_error_text(kBomLe + utf16le(std::u16string(u"<a>\0</a>", 8))),
      "in.xml:1:4: error: NUL character in UTF-16 text");
}

// vshadow -bc= / -t= and BETest save the BSTR with its terminating U+0000.
TEST(DecodeInput, Utf16LeWithoutBomTrailingNulsDropped) {
  auto r =
      decode_input(utf16le(std::u16string(u"<a>\u00E9</a>\0\0", 10)), "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "<a>\xC3\xA9</a>");
  EXPECT_EQ(r->encoding, Encoding::kUtf16Le);
  EXPECT_FALSE(r->byte_order_mark);
}

TEST(DecodeInput, Utf16BeWithoutBomTrailingNulDropped) {
  auto r = decode_input(utf16be(std::u16string(u"<a/>\0", 5)), "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "<a/>");
  EXPECT_EQ(r->encoding, Encoding::kUtf16Be);
}

TEST(DecodeInput, Utf16WithBomTrailingNulDropped) {
  auto r =
      decode_input(kBomLe + utf16le(std::u16string(u"<a/>\r\n\0", 7)), "x");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), "<a/>\r\n");
}

TEST(DecodeInput, Utf16NulBeforeTrailingTextIsAnError) {
  // Only the NULs at the very end are a terminator; this one is followed
  // by a character (and then trailing NULs, which do not hide it).
  EXPECT_EQ(decode_error_text(utf16le(std::u16string(u"<a/>\n\0\0x\0\0", 10))),
            "in.xml:2:1: error: NUL character in UTF-16 text");
}

TEST(DecodeInput, Utf16OddLengthKeepsTrailingNul) {
  // With an odd byte count the NULs are not a clean terminator: an error.
  std::string bytes = utf16le(std::u16string(u"<a/>\0", 5)) + '\0';
  EXPECT_EQ(decode_error_text(bytes),
            "in.xml:1:5: error: NUL character in UTF-16 text");
}

TEST(DecodeInput, Utf8NulByte) {
  EXPECT_EQ(decode_error_text(std::string("<a>\n<b>\0</b>", 12)),
            "in.xml:2:4: error: NUL character: this is not a text file");
}

TEST(DecodeInput, Utf8NulByteAfterBom) {
  // The BOM is not a character: the NUL is the first one.
  EXPECT_EQ(decode_error_text(kBom8 + std::string("\0abc", 4)),
            "in.xml:1:1: error: NUL character: this is not a text file");
}

TEST(DecodeInput, Utf8NulByteInsideLongAsciiRun) {
  // Past the eight-bytes-at-a-time fast path.
  std::string bytes(40, 'a');
  bytes[29] = '\0';
  EXPECT_EQ(decode_error_text(bytes),
            "in.xml:1:30: error: NUL character: this is not a text file");
}

// The fast path reads blocks of 32 bytes: a NUL, an invalid byte or a valid
// non-ASCII character is found at every place in and across them.
TEST(DecodeInput, EveryPlaceInTheFastPathIsChecked) {
  for (std::size_t at = 0; at < 100; ++at) {
    SCOPED_TRACE(at);
    std::string bytes(100, 'a');
    bytes[at] = '\0';
    if (at >= 2) {  // a NUL in the first two bytes means UTF-16
      EXPECT_EQ(decode_error_text(bytes),
                "in.xml:1:" + std::to_string(at + 1) +
                    ": error: NUL character: this is not a text file");
    }
    bytes[at] = '\xFF';
    EXPECT_EQ(decode_error_text(bytes), "in.xml:1:" + std::to_string(at + 1) +
                                            ": error: invalid UTF-8 byte 0xFF");
    bytes.replace(at, 1, "\xC3\xA9");
    auto r = decode_input(bytes, "in.xml");
    ASSERT_TRUE(r.has_value());
    EXPECT_FALSE(r->ascii);
    EXPECT_EQ(r->text(), bytes);
  }
  auto ascii = decode_input(std::string(100, 'a'), "in.xml");
  ASSERT_TRUE(ascii.has_value());
  EXPECT_TRUE(ascii->ascii);
}

TEST(DecodeInput, Utf8Overlong) {
  EXPECT_EQ(decode_error_text("<a>\xC0\x80</a>"),
            "in.xml:1:4: error: invalid UTF-8 byte 0xC0");
}

TEST(DecodeInput, Utf8OverlongThreeBytes) {
  // E0 80 AF is an overlong '/'.
  EXPECT_EQ(decode_error_text("<a>\xE0\x80\xAF</a>"),
            "in.xml:1:4: error: invalid UTF-8 byte 0xE0");
}

TEST(DecodeInput, Utf8EncodedSurrogate) {
  EXPECT_EQ(decode_error_text("<a>\xED\xA0\x80</a>"),
            "in.xml:1:4: error: invalid UTF-8 byte 0xED");
}

TEST(DecodeInput, Utf8F5Byte) {
  EXPECT_EQ(decode_error_text("<a>\xF5\x80\x80\x80</a>"),
            "in.xml:1:4: error: invalid UTF-8 byte 0xF5");
}

TEST(DecodeInput, Utf8BeyondMaxCodePoint) {
  // F4 90 80 80 would be U+110000.
  EXPECT_EQ(decode_error_text("ab\xF4\x90\x80\x80"),
            "in.xml:1:3: error: invalid UTF-8 byte 0xF4");
}

TEST(DecodeInput, Utf8FfByte) {
  EXPECT_EQ(decode_error_text("ab\xFF"),
            "in.xml:1:3: error: invalid UTF-8 byte 0xFF");
}

TEST(DecodeInput, Utf8LoneContinuationByte) {
  EXPECT_EQ(decode_error_text("abc\x80"),
            "in.xml:1:4: error: invalid UTF-8 byte 0x80");
}

TEST(DecodeInput, Utf8TruncatedSequenceAtEnd) {
  EXPECT_EQ(decode_error_text("<a>\xE2\x82"),
            "in.xml:1:4: error: invalid UTF-8 byte 0xE2");
}

TEST(DecodeInput, Utf8TruncatedSequenceBeforeAscii) {
  EXPECT_EQ(decode_error_text("<a>\xE2\x82</a>"),
            "in.xml:1:4: error: invalid UTF-8 byte 0xE2");
}

TEST(DecodeInput, Utf8ErrorColumnCountsCodePoints) {
  // Line 2 is "é€😀" then a bad byte: three characters in nine bytes, so
  // the bad byte is in column 4, not 10.
  EXPECT_EQ(decode_error_text("<a>\n\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
                              "\xC3(</a>"),
            "in.xml:2:4: error: invalid UTF-8 byte 0xC3");
  EXPECT_EQ(decode_error_text("<a>\n\xC3\xA9x\xFE"),
            "in.xml:2:3: error: invalid UTF-8 byte 0xFE");
}

TEST(DecodeInput, Utf8ErrorAfterBomIsPositionedWithoutIt) {
  EXPECT_EQ(decode_error_text(kBom8 + "ab\n\xC3\xA9\x80"),
            "in.xml:2:2: error: invalid UTF-8 byte 0x80");
}

TEST(DecodeInput, Utf8ErrorAfterCrLf) {
  EXPECT_EQ(decode_error_text("<a>\r\n  \xC1\xBF"),
            "in.xml:2:3: error: invalid UTF-8 byte 0xC1");
}

TEST(DecodeInput, Utf8ValidEdgeCodePoints) {
  // U+0080, U+07FF, U+0800, U+FFFF, U+10000, U+10FFFF; all valid.
  const std::string bytes =
      "\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF"
      "\xBF";
  auto r = decode_input(bytes, "in.xml");
  ASSERT_OK(r);
  EXPECT_EQ(r->text(), bytes);
}

TEST(DecodeInput, TruncatedUtf8BomIsInvalidUtf8) {
  EXPECT_EQ(decode_error_text("\xEF\xBB<a/>"),
            "in.xml:1:1: error: invalid UTF-8 byte 0xEF");
}

TEST(DecodeInput, ErrorNamesTheSource) {
  auto r = decode_input("\xFF", "dir/My File.xml");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(to_string(r.error()),
            "dir/My File.xml:1:1: error: invalid UTF-8 byte 0xFF");
}

TEST(AppendUtf8, OneByte) {
  std::string s = "x";
  append_utf8(s, U'A');
  append_utf8(s, 0x7F);
  EXPECT_EQ(s, "xA\x7F");
}

TEST(AppendUtf8, TwoBytes) {
  std::string s;
  append_utf8(s, 0x80);
  append_utf8(s, 0xE9);
  append_utf8(s, 0x7FF);
  EXPECT_EQ(s, "\xC2\x80\xC3\xA9\xDF\xBF");
}

TEST(AppendUtf8, ThreeBytes) {
  std::string s;
  append_utf8(s, 0x800);
  append_utf8(s, 0x20AC);
  append_utf8(s, 0xFFFF);
  EXPECT_EQ(s, "\xE0\xA0\x80\xE2\x82\xAC\xEF\xBF\xBF");
}

TEST(AppendUtf8, FourBytes) {
  std::string s;
  append_utf8(s, 0x10000);
  append_utf8(s, 0x1F600);
  append_utf8(s, 0x10FFFF);
  EXPECT_EQ(s, "\xF0\x90\x80\x80\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
}

TEST(AppendUtf8, NulIsOneByte) {
  std::string s;
  append_utf8(s, 0);
  EXPECT_EQ(s, std::string(1, '\0'));
}

}  // namespace
}  // namespace vssmeta::internal

namespace vssmeta::internal {
namespace {

// Regression: an ASCII input whose length is a multiple of 32 ended the
// 32-byte fast path exactly at the end, and the terminating byte past the
// input was then read as a NUL character.
TEST(DecodeInput, AsciiMultipleOf32BytesIsValid) {
  for (std::size_t size : {32U, 64U, 224U}) {
    const std::string text(size, 'a');
    auto r = decode_input(std::string_view(text.data(), text.size()), "x");
    ASSERT_TRUE(r.has_value()) << size << ": " << to_string(r.error());
    EXPECT_TRUE(r->ascii);
    EXPECT_EQ(r->text().size(), size);
  }
}

}  // namespace
}  // namespace vssmeta::internal
