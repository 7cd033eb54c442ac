// SPDX-License-Identifier: MIT
// ASCII case folding shared by the parser, the capture loader, logical and
// Windows paths, diff --ignore globs; natural file name order.
#include "text/ascii.h"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

TEST(AsciiLower, LowersAToZOnly) {
  EXPECT_EQ(ascii_lower('A'), 'a');
  EXPECT_EQ(ascii_lower('Z'), 'z');
  EXPECT_EQ(ascii_lower('a'), 'a');
  EXPECT_EQ(ascii_lower('@'), '@');  // 'A' - 1
  EXPECT_EQ(ascii_lower('['), '[');  // 'Z' + 1
  EXPECT_EQ(ascii_lower('\\'), '\\');
  EXPECT_EQ(ascii_lower('\xC3'), '\xC3');  // UTF-8 lead byte of 'É'
}

TEST(Iequals, IgnoresTheCaseOfLettersOnly) {
  EXPECT_TRUE(iequals("ROOT", "root"));
  EXPECT_TRUE(iequals(".XmL", ".xml"));
  EXPECT_TRUE(iequals("", ""));
  EXPECT_FALSE(iequals("root", "roots"));
  EXPECT_FALSE(iequals("@", "`"));  // differ by 0x20, but are not letters
  EXPECT_FALSE(iequals("\xC3\x89", "\xC3\xA9"));  // 'É' and 'é' stay apart
}

static_assert(iequals("Writer", "WRITER"));

TEST(Iless, OrdersAsTheFoldedStrings) {
  EXPECT_TRUE(iless("Apple", "banana"));
  EXPECT_FALSE(iless("banana", "Apple"));
  EXPECT_FALSE(iless("ABC", "abc"));
  EXPECT_FALSE(iless("abc", "ABC"));
  EXPECT_TRUE(iless("ab", "ABC"));
  // '_' (0x5F) lies between 'Z' and 'a': "Z" sorts as "z", after it.
  EXPECT_TRUE(iless("_", "Z"));
  EXPECT_FALSE(iless("Z", "_"));
  // Bytes >= 0x80 compare unsigned, after ASCII.
  EXPECT_TRUE(iless("z", "\xC3\xA9"));
}

TEST(IlessKey, AgreesWithIless) {
  const std::vector<std::string> texts = {"",
                                          "a",
                                          "A",
                                          "ab",
                                          "ab\x01",
                                          "abc",
                                          "ABCDEFGH",
                                          "abcdefgh",
                                          "abcdefghi",
                                          "abcdefgH1",
                                          "abcdefg",
                                          "abcdefg\xFF",
                                          "Z",
                                          "[",
                                          "_",
                                          "\xC3\xA9",
                                          std::string("ab\0", 3),
                                          "WIN2016\\SQL",
                                          "win2016\\sql2"};
  for (const std::string& a : texts) {
    for (const std::string& b : texts) {
      const std::uint64_t ka = iless_key(a);
      const std::uint64_t kb = iless_key(b);
      if (ka < kb) {
        EXPECT_TRUE(iless(a, b)) << a << " / " << b;
      }
      if (iless(a, b)) {
        EXPECT_LE(ka, kb) << a << " / " << b;
      }
    }
  }
  EXPECT_EQ(iless_key("ABCDEFGH"), iless_key("abcdefghXYZ"));
  EXPECT_EQ(iless_key("a"), std::uint64_t{0x61} << 56);
}

TEST(IstartsWith, ComparesThePrefixIgnoringCase) {
  EXPECT_TRUE(istarts_with("File=C:\\x", "file="));
  EXPECT_TRUE(istarts_with("abc", ""));
  EXPECT_FALSE(istarts_with("fil", "file"));
  EXPECT_FALSE(istarts_with("\xC3\x89t", "\xC3\xA9"));
}

TEST(Fold, LowersAsciiOnly) {
  EXPECT_EQ(fold("Volume{ABC}\\Boot"), "volume{abc}\\boot");
  EXPECT_EQ(fold(""), "");
  // Non-ASCII bytes (UTF-8 for "É") are left alone.
  EXPECT_EQ(fold("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");
}

TEST(AppendFolded, AppendsAfterWhatIsThere) {
  std::string out = "Keep:";
  append_folded("AbC", out);
  EXPECT_EQ(out, "Keep:abc");
  append_folded("", out);
  EXPECT_EQ(out, "Keep:abc");
}

TEST(FoldWord, FoldsEachByteLikeAsciiLower) {
  // Every byte value in every lane: the word form agrees with ascii_lower.
  for (int b = 0; b < 256; ++b) {
    for (int lane = 0; lane < 8; ++lane) {
      const std::uint64_t word = std::uint64_t{static_cast<unsigned>(b)}
                                 << (8 * lane);
      const auto lowered = static_cast<unsigned char>(
          ascii_lower(static_cast<char>(static_cast<unsigned char>(b))));
      EXPECT_EQ(fold_word(word), std::uint64_t{lowered} << (8 * lane))
          << "byte " << b << " lane " << lane;
    }
  }
  EXPECT_EQ(fold_word(0x5A41'5A41'C389'405BULL), 0x7A61'7A61'C389'405BULL);
}

TEST(NaturalLess, NumbersCompareAsNumbers) {
  EXPECT_TRUE(natural_less("WM2.xml", "WM10.xml"));
  EXPECT_FALSE(natural_less("WM10.xml", "WM2.xml"));
  EXPECT_TRUE(natural_less("wm2.xml", "WM3.xml"));  // case ignored
  EXPECT_TRUE(natural_less("a007", "a8"));          // leading zeros ignored
  // Equal numbers and rest: plain byte order decides ("0" < "7").
  EXPECT_TRUE(natural_less("a007", "a7"));
  EXPECT_FALSE(natural_less("a7", "a007"));
  EXPECT_TRUE(natural_less("a", "ab"));
  EXPECT_FALSE(natural_less("", ""));
  // Equal but for case: plain byte order decides, so the order is strict.
  EXPECT_TRUE(natural_less("ABC", "abc"));
  EXPECT_FALSE(natural_less("abc", "ABC"));
  // Bytes compare unsigned: UTF-8 sorts after ASCII.
  EXPECT_TRUE(natural_less("z", "\xC3\x89"));
}

}  // namespace
}  // namespace vssmeta::internal
