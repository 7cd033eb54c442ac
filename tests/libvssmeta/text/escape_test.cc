// SPDX-License-Identifier: MIT
// One-line escaping of names and captions in text output.
#include "text/escape.h"

#include <string>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

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

TEST(EscapeControl, KeepsInvalidUtf8AsItIs) {
  // A lone continuation byte, a truncated sequence, an overlong C1 form.
  EXPECT_EQ(escape_control("\x80x\xC2"), "\x80x\xC2");
  EXPECT_EQ(escape_control("\xE0\x82\x9B"), "\xE0\x82\x9B");
  // A lead byte followed by a control: the control is still escaped.
  EXPECT_EQ(escape_control("\xC2\n"), "\xC2\\n");
}

}  // namespace
}  // namespace vssmeta::internal
