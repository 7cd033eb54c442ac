// SPDX-License-Identifier: MIT
// Location's text forms, and Origin's "positions are not content" equality.
#include "vssmeta/location.h"

#include <string>

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

TEST(Location, ToStringWithLineAndColumn) {
  EXPECT_EQ(to_string(Location{"f", 3, 7}), "f:3:7");
}

TEST(Location, ToStringWithLineOnly) {
  EXPECT_EQ(to_string(Location{"f", 3, 0}), "f:3");
}

TEST(Location, ToStringWithFileOnly) {
  EXPECT_EQ(to_string(Location{"f", 0, 0}), "f");
}

TEST(Location, ToStringIgnoresColumnWithoutLine) {
  // A column alone means nothing: the line is unknown.
  EXPECT_EQ(to_string(Location{"f", 0, 7}), "f");
}

TEST(Location, ToStringKeepsPathAsGiven) {
  EXPECT_EQ(to_string(Location{"C:\\dir\\writer 1.xml", 12, 345}),
            "C:\\dir\\writer 1.xml:12:345");
  EXPECT_EQ(to_string(Location{"-", 1, 1}), "-:1:1");
}

TEST(Location, DefaultIsEmpty) {
  Location where;
  EXPECT_EQ(where.file, "");
  EXPECT_EQ(where.line, 0U);
  EXPECT_EQ(where.column, 0U);
  EXPECT_EQ(to_string(where), "");
}

TEST(Location, EqualityComparesAllFields) {
  EXPECT_EQ((Location{"f", 3, 7}), (Location{"f", 3, 7}));
  EXPECT_NE((Location{"f", 3, 7}), (Location{"g", 3, 7}));
  EXPECT_NE((Location{"f", 3, 7}), (Location{"f", 4, 7}));
  EXPECT_NE((Location{"f", 3, 7}), (Location{"f", 3, 8}));
}

TEST(Origin, AlwaysEqual) {
  EXPECT_EQ((Origin{1, 1}), (Origin{1, 1}));
  EXPECT_EQ((Origin{1, 1}), (Origin{200, 30}));
  EXPECT_EQ(Origin{}, (Origin{5, 6}));
  EXPECT_FALSE((Origin{1, 2}) != (Origin{3, 4}));
}

TEST(Origin, LocateCombinesFileAndPosition) {
  Location where = locate("doc.xml", Origin{4, 9});
  EXPECT_EQ(where, (Location{"doc.xml", 4, 9}));
  EXPECT_EQ(to_string(where), "doc.xml:4:9");
  EXPECT_EQ(to_string(locate("doc.xml", Origin{})), "doc.xml");
}

}  // namespace
}  // namespace vssmeta
