// SPDX-License-Identifier: MIT
// The UTF-8 decoder behind every code point escaper.
#include "text/utf8.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

// Each decoded code point as U+XXXX, each invalid byte as !XX.
std::string decode(std::string_view s) {
  std::string out;
  each_code_point(
      s,
      [&](std::string_view bytes, std::uint32_t cp) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X/%zu ", cp, bytes.size());
        out += buf;
      },
      [&](std::string_view byte) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "!%02X ",
                      static_cast<unsigned char>(byte[0]));
        EXPECT_EQ(byte.size(), 1U);
        out += buf;
      });
  return out;
}

TEST(EachCodePoint, DecodesEveryLength) {
  EXPECT_EQ(decode(""), "");
  EXPECT_EQ(decode("A\x7F"), "U+0041/1 U+007F/1 ");
  EXPECT_EQ(decode("\xC3\x89"), "U+00C9/2 ");
  EXPECT_EQ(decode("\xE2\x86\x92"), "U+2192/3 ");
  EXPECT_EQ(decode("\xF0\x9F\x98\x80"), "U+1F600/4 ");
  EXPECT_EQ(decode("\xF4\x8F\xBF\xBF"), "U+10FFFF/4 ");
}

TEST(EachCodePoint, ReportsEachBadByteOnce) {
  EXPECT_EQ(decode("\x80"), "!80 ");                  // lone continuation
  EXPECT_EQ(decode("\xC3"), "!C3 ");                  // truncated
  EXPECT_EQ(decode("\xC3x"), "!C3 U+0078/1 ");        // broken sequence
  EXPECT_EQ(decode("\xC0\x80"), "!C0 !80 ");          // overlong NUL
  EXPECT_EQ(decode("\xED\xA0\x80"), "!ED !A0 !80 ");  // surrogate D800
  EXPECT_EQ(decode("\xF4\x90\x80\x80"), "!F4 !90 !80 !80 ");  // > U+10FFFF
  EXPECT_EQ(decode("\xFF"), "!FF ");
}

TEST(Replacement, IsUPlusFffdInUtf8) {
  EXPECT_EQ(decode(kReplacement), "U+FFFD/3 ");
}

}  // namespace
}  // namespace vssmeta::internal
