// SPDX-License-Identifier: MIT
// SourceInfo: encoding names, defaults, and "storage is not content"
// equality.
#include "vssmeta/source_info.h"

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

TEST(Encoding, Names) {
  EXPECT_STREQ(to_string(Encoding::kUtf8), "utf-8");
  EXPECT_STREQ(to_string(Encoding::kUtf16Le), "utf-16le");
  EXPECT_STREQ(to_string(Encoding::kUtf16Be), "utf-16be");
}

TEST(Encoding, OutOfRangeIsUtf8) {
  EXPECT_STREQ(to_string(static_cast<Encoding>(7)), "utf-8");
}

TEST(SourceInfo, Defaults) {
  SourceInfo info;
  EXPECT_EQ(info.name, "");
  EXPECT_EQ(info.encoding, Encoding::kUtf8);
  EXPECT_FALSE(info.byte_order_mark);
  EXPECT_FALSE(info.xml_declaration);
  EXPECT_FALSE(info.root_wrapper);
  EXPECT_FALSE(info.xdr_schema);
}

TEST(SourceInfo, AlwaysComparesEqual) {
  SourceInfo a;
  SourceInfo b;
  b.name = "Manifest.xml";
  b.encoding = Encoding::kUtf16Le;
  b.byte_order_mark = true;
  b.xml_declaration = true;
  b.root_wrapper = true;
  b.xdr_schema = true;
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a != b);
}

}  // namespace
}  // namespace vssmeta
