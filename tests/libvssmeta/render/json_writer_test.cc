// SPDX-License-Identifier: MIT
#include "render/json_writer.h"

#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace vssmeta::internal {
namespace {

using Ordered = nlohmann::ordered_json;

// The layout the JSON outputs had when they were built as nlohmann trees.
std::string nlohmann_text(const Ordered& value) {
  return value.dump(2, ' ', false, Ordered::error_handler_t::replace);
}

std::string written(const std::string& value) {
  std::ostringstream out;
  JsonWriter json(out);
  json.string(value);
  json.finish();
  return out.str();
}

TEST(JsonWriter, NestedValuesAreLaidOutAsNlohmannDumps) {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object();
  json.key("name");
  json.string("C:\\Windows \"x\"");
  json.key("empty object");
  json.begin_object();
  json.end_object();
  json.key("empty array");
  json.begin_array();
  json.end_array();
  json.key("list");
  json.begin_array();
  json.number(0);
  json.number(18446744073709551615U);
  json.boolean(true);
  json.null();
  json.begin_object();
  json.key("deep");
  json.begin_array();
  json.boolean(false);
  json.end_array();
  json.end_object();
  json.end_array();
  json.end_object();
  json.finish();

  Ordered expected{{"name", "C:\\Windows \"x\""},
                   {"empty object", Ordered::object()},
                   {"empty array", Ordered::array()},
                   {"list", Ordered::array()}};
  expected["list"] =
      Ordered::array({0U, 18446744073709551615U, true, nullptr,
                      Ordered{{"deep", Ordered::array({false})}}});
  EXPECT_EQ(out.str(), nlohmann_text(expected));
}

TEST(JsonWriter, EveryByteIsEscapedAsNlohmannEscapesIt) {
  for (int c = 0; c < 256; ++c) {
    const std::string s = std::string("a") + static_cast<char>(c) + "b";
    EXPECT_EQ(written(s), nlohmann_text(Ordered(s))) << "byte " << c;
  }
}

TEST(JsonWriter, InvalidUtf8IsReplacedAndValidUtf8Kept) {
  for (const std::string& s :
       {std::string("caf\xC3\xA9"), std::string("\xE2\x80\xAE reversed"),
        std::string("bad \xC3 end"), std::string("\xFF\xFE"),
        std::string("\xF0\x9F\x98\x80\\\"\t")}) {
    EXPECT_EQ(written(s), nlohmann_text(Ordered(s))) << s;
  }
  EXPECT_EQ(written("bad \xC3 end"), "\"bad \xEF\xBF\xBD end\"");
  EXPECT_EQ(written("p\\q\"r"), "\"p\\\\q\\\"r\"");
}

TEST(JsonWriter, LongOutputIsWrittenInBlocksAndComplete) {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_array();
  const std::string item(1000, 'x');
  for (int i = 0; i < 200; ++i) json.string(item);
  json.end_array();
  EXPECT_LT(out.str().size(), 200U * 1000U);  // not all written yet
  json.finish();
  Ordered expected = Ordered::array();
  for (int i = 0; i < 200; ++i) expected.push_back(item);
  EXPECT_EQ(out.str(), nlohmann_text(expected));
}

}  // namespace
}  // namespace vssmeta::internal
