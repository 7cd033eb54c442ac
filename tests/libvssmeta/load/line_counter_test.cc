// SPDX-License-Identifier: MIT
// LineCounter: 1-based lines and columns in code points, LF and CR LF,
// offsets in any order, offsets past the end; count_code_points.
#include "load/line_counter.h"

#include <cstddef>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

// "line:column" of `offset`, from a fresh counter.
std::string position(std::string_view text, std::size_t offset) {
  LineCounter lines(text);
  Origin o = lines.at(offset);
  return std::to_string(o.line) + ":" + std::to_string(o.column);
}

std::string str(const Origin& o) {
  return std::to_string(o.line) + ":" + std::to_string(o.column);
}

TEST(LineCounter, StartIsOneOne) {
  EXPECT_EQ(position("abc", 0), "1:1");
  EXPECT_EQ(position("", 0), "1:1");
}

TEST(LineCounter, ColumnsAreOneBased) {
  EXPECT_EQ(position("abcdef", 1), "1:2");
  EXPECT_EQ(position("abcdef", 5), "1:6");
  EXPECT_EQ(position("abcdef", 6), "1:7");  // the end
}

TEST(LineCounter, LinesAreOneBased) {
  const std::string_view text = "ab\ncd\n\nef";
  EXPECT_EQ(position(text, 2), "1:3");  // the '\n' itself is on line 1
  EXPECT_EQ(position(text, 3), "2:1");
  EXPECT_EQ(position(text, 4), "2:2");
  EXPECT_EQ(position(text, 6), "3:1");  // the empty line
  EXPECT_EQ(position(text, 7), "4:1");
  EXPECT_EQ(position(text, 8), "4:2");
}

TEST(LineCounter, CrLfCountsAsOneLineBreak) {
  const std::string_view text = "ab\r\ncd\r\nef";
  EXPECT_EQ(position(text, 2), "1:3");  // '\r'
  EXPECT_EQ(position(text, 3), "1:4");  // '\n'
  EXPECT_EQ(position(text, 4), "2:1");
  EXPECT_EQ(position(text, 8), "3:1");
  EXPECT_EQ(position(text, 9), "3:2");
}

TEST(LineCounter, ColumnsCountCodePoints) {
  // "é" (2 bytes), "€" (3 bytes), "😀" (4 bytes), then "x".
  const std::string_view text = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x";
  EXPECT_EQ(position(text, 2), "1:2");
  EXPECT_EQ(position(text, 5), "1:3");
  EXPECT_EQ(position(text, 9), "1:4");
  EXPECT_EQ(position(text, 10), "1:5");
}

TEST(LineCounter, MultibyteOnSecondLine) {
  const std::string_view text = "\xC3\xA9\xC3\xA9\n\xC3\xA9z";
  EXPECT_EQ(position(text, 4), "1:3");
  EXPECT_EQ(position(text, 5), "2:1");
  EXPECT_EQ(position(text, 7), "2:2");
}

TEST(LineCounter, IncreasingOffsetsMatchFreshCounters) {
  const std::string text = "<a>\r\n  <b x='\xC3\xA9'/>\n</a>\n";
  LineCounter lines(text);
  for (std::size_t i = 0; i <= text.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(str(lines.at(i)), position(text, i));
  }
}

TEST(LineCounter, SameOffsetTwice) {
  const std::string_view text = "ab\ncd";
  LineCounter lines(text);
  EXPECT_EQ(str(lines.at(4)), "2:2");
  EXPECT_EQ(str(lines.at(4)), "2:2");
}

TEST(LineCounter, OffsetsGoingBackwardsRestart) {
  const std::string_view text = "one\ntwo\nthree\n";
  LineCounter lines(text);
  EXPECT_EQ(str(lines.at(10)), "3:3");
  EXPECT_EQ(str(lines.at(5)), "2:2");
  EXPECT_EQ(str(lines.at(0)), "1:1");
  EXPECT_EQ(str(lines.at(2)), "1:3");
  EXPECT_EQ(str(lines.at(13)), "3:6");
  EXPECT_EQ(str(lines.at(4)), "2:1");
  EXPECT_EQ(str(lines.at(14)), "4:1");
}

TEST(LineCounter, BackwardsWithinTheSameLine) {
  const std::string_view text = "abcdef";
  LineCounter lines(text);
  EXPECT_EQ(str(lines.at(5)), "1:6");
  EXPECT_EQ(str(lines.at(3)), "1:4");
  EXPECT_EQ(str(lines.at(4)), "1:5");
}

TEST(LineCounter, OffsetPastEndClamps) {
  const std::string_view text = "ab\ncd";
  EXPECT_EQ(position(text, 5), "2:3");
  EXPECT_EQ(position(text, 6), "2:3");
  EXPECT_EQ(position(text, 1000), "2:3");
  LineCounter lines(text);
  EXPECT_EQ(str(lines.at(1000)), "2:3");
  EXPECT_EQ(str(lines.at(3)), "2:1");  // and it still goes back
}

TEST(LineCounter, OffsetPastEndOfTextEndingInNewline) {
  EXPECT_EQ(position("ab\n", 99), "2:1");
}

TEST(LineCounter, LongSingleLine) {
  const std::string text(100000, 'x');
  EXPECT_EQ(position(text, 99999), "1:100000");
}

TEST(LineCounter, BackwardsAcrossCheckpointsMatchesFreshCounters) {
  // Several checkpoints' worth of multi-line, non-ASCII text; every
  // backward jump must give what a fresh counter gives.
  std::string text;
  while (text.size() < 3 * LineCounter::kStep + 100) {
    text += "caf\xC3\xA9 line\n\xE2\x82\xAC";
  }
  LineCounter lines(text);
  const std::size_t offsets[] = {text.size() - 1,
                                 5,
                                 2 * LineCounter::kStep + 7,
                                 LineCounter::kStep,
                                 LineCounter::kStep - 1,
                                 3 * LineCounter::kStep + 3,
                                 1};
  for (std::size_t o : offsets) {
    SCOPED_TRACE(o);
    EXPECT_EQ(str(lines.at(o)), position(text, o));
  }
}

TEST(LineCounter, WideTableGivesWhatTheNarrowOneGives) {
  // Texts over 4 GiB keep their line ends in 8 bytes each; a limit of 16
  // bytes takes that path here. Forwards and backwards across checkpoints.
  std::string text;
  while (text.size() < 2 * LineCounter::kStep + 100) {
    text += "caf\xC3\xA9 line\r\n";
  }
  LineCounter narrow(text);
  LineCounter wide(text, false, 16);
  const std::size_t offsets[] = {0,
                                 9,
                                 10,
                                 11,
                                 2 * LineCounter::kStep + 3,
                                 5,
                                 LineCounter::kStep + 1,
                                 text.size()};
  for (std::size_t o : offsets) {
    SCOPED_TRACE(o);
    const std::string expected = position(text, o);
    EXPECT_EQ(str(narrow.at(o)), expected);
    EXPECT_EQ(str(wide.at(o)), expected);
  }
  EXPECT_EQ(str(wide.at(text.size())),
            std::to_string(text.size() / 12 + 1) + ":1");
}

TEST(CountCodePoints, CountsLeadBytes) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  EXPECT_EQ(count_code_points(s.data(), s.data() + s.size()), 4U);
  EXPECT_EQ(count_code_points(s.data(), s.data()), 0U);
  EXPECT_EQ(count_code_points(s.data(), s.data() + 1), 1U);
  EXPECT_EQ(count_code_points(s.data(), s.data() + 3), 2U);
  // A range starting in the middle of a character does not count it.
  EXPECT_EQ(count_code_points(s.data() + 2, s.data() + 6), 1U);
}

TEST(LineCounter, ReboundToACopyWithNulsOverLineEndsKeepsCounting) {
  // pugixml writes NUL over the character after a name, a newline too; the
  // line ends were found before, in the original.
  std::string original = "<a\n b='\xC3\xA9'>\n<c\n/></a>";
  LineCounter lines(original);
  std::string parsed = original;
  for (char& c : parsed) {
    if (c == '\n' || c == '\'') c = '\0';
  }
  lines.rebind(parsed);
  original.assign(original.size(), 'x');  // the original may be gone
  auto where = [&](std::size_t offset) {
    const Origin o = lines.at(offset);
    return std::to_string(o.line) + ":" + std::to_string(o.column);
  };
  EXPECT_EQ(where(3), "2:1");
  EXPECT_EQ(where(9), "2:6");  // after the two-byte character
  EXPECT_EQ(where(13), "3:2");
  EXPECT_EQ(where(14), "3:3");  // the line end itself
  EXPECT_EQ(where(15), "4:1");
  EXPECT_EQ(where(1), "1:2");  // going back
}

}  // namespace
}  // namespace vssmeta::internal
