// SPDX-License-Identifier: MIT
// Error's text forms, the ErrorCode names, the Result<T> API with its
// warnings, and Status (Result<void>).
#include "vssmeta/result.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

TEST(Error, ToStringWithFullLocation) {
  Error e{ErrorCode::kMissingAttribute, "missing attribute 'writerId'",
          Location{"bad.xml", 3, 17}};
  EXPECT_EQ(to_string(e), "bad.xml:3:17: error: missing attribute 'writerId'");
}

TEST(Error, ToStringWithLineOnly) {
  Error e{ErrorCode::kMalformedXml, "oops", Location{"bad.xml", 3, 0}};
  EXPECT_EQ(to_string(e), "bad.xml:3: error: oops");
}

TEST(Error, ToStringWithFileOnly) {
  Error e{ErrorCode::kIo, "cannot open file", Location{"missing.xml", 0, 0}};
  EXPECT_EQ(to_string(e), "missing.xml: error: cannot open file");
}

TEST(Error, ToStringWithoutLocation) {
  Error e{ErrorCode::kInternal, "something broke", std::nullopt};
  EXPECT_EQ(to_string(e), "error: something broke");
}

TEST(Error, ToStringWithEmptyFileNameHasNoPrefix) {
  Error e{ErrorCode::kInvalidValue, "bad value", Location{"", 0, 0}};
  EXPECT_EQ(to_string(e), "error: bad value");
}

TEST(Error, ToStringEscapesControlCharacters) {
  Error e{ErrorCode::kMalformedXml, "bad name 'x\x1b[31m\ny'",
          Location{"f\r", 3, 4}};
  EXPECT_EQ(to_string(e), "f\\r:3:4: error: bad name 'x\\x1b[31m\\ny'");
}

TEST(Error, DefaultIsInternalWithoutLocation) {
  Error e;
  EXPECT_EQ(e.code, ErrorCode::kInternal);
  EXPECT_EQ(e.message, "");
  EXPECT_FALSE(e.where.has_value());
}

TEST(ErrorCode, Names) {
  EXPECT_STREQ(to_string(ErrorCode::kIo), "io");
  EXPECT_STREQ(to_string(ErrorCode::kMalformedXml), "malformed-xml");
  EXPECT_STREQ(to_string(ErrorCode::kUnexpectedRoot), "unexpected-root");
  EXPECT_STREQ(to_string(ErrorCode::kMissingAttribute), "missing-attribute");
  EXPECT_STREQ(to_string(ErrorCode::kInvalidValue), "invalid-value");
  EXPECT_STREQ(to_string(ErrorCode::kUnsupported), "unsupported");
  EXPECT_STREQ(to_string(ErrorCode::kInternal), "internal");
}

TEST(ErrorCode, OutOfRangeIsInternal) {
  EXPECT_STREQ(to_string(static_cast<ErrorCode>(99)), "internal");
}

Result<int> half(int n) {
  if (n % 2 != 0) {
    return Error{ErrorCode::kInvalidValue, "odd", Location{"n", 1, 1}};
  }
  return n / 2;
}

TEST(Result, HoldsValue) {
  Result<int> r = half(8);
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(r.value(), 4);
  EXPECT_EQ(*r, 4);
}

TEST(Result, HoldsError) {
  Result<int> r = half(7);
  ASSERT_FALSE(r.has_value());
  EXPECT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
  EXPECT_EQ(to_string(r.error()), "n:1:1: error: odd");
}

TEST(Result, OperatorBoolInCondition) {
  int taken = 0;
  if (auto r = half(10)) taken = *r;
  EXPECT_EQ(taken, 5);
  if (auto r = half(3)) taken = -1;
  EXPECT_EQ(taken, 5);
}

TEST(Result, ValueIsMutable) {
  Result<std::string> r = std::string("abc");
  r.value() += "d";
  *r += "e";
  r->push_back('f');
  EXPECT_EQ(r.value(), "abcdef");
  EXPECT_EQ(r->size(), 6U);
}

TEST(Result, ConstAccess) {
  const Result<std::string> r = std::string("xyz");
  EXPECT_EQ(r.value(), "xyz");
  EXPECT_EQ(*r, "xyz");
  EXPECT_EQ(r->front(), 'x');
}

TEST(Result, MovesValueOut) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(42);
  ASSERT_TRUE(r.has_value());
  std::unique_ptr<int> p = std::move(r).value();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, 42);
}

TEST(Result, MovesErrorOut) {
  Result<std::unique_ptr<int>> r =
      Error{ErrorCode::kIo, "cannot read", Location{"f.xml", 0, 0}};
  ASSERT_FALSE(r.has_value());
  Error e = std::move(r).error();
  EXPECT_EQ(e.code, ErrorCode::kIo);
  EXPECT_EQ(e.message, "cannot read");
  ASSERT_TRUE(e.where.has_value());
  EXPECT_EQ(e.where->file, "f.xml");
}

TEST(Result, MoveConstructs) {
  Result<std::vector<int>> a = std::vector<int>{1, 2, 3};
  Result<std::vector<int>> b = std::move(a);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(*b, (std::vector<int>{1, 2, 3}));
}

TEST(Result, CopyAssignsAcrossStates) {
  Result<int> r = 1;
  r = half(5);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message, "odd");
  r = half(6);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(*r, 3);
}

Diagnostic note(const char* code) {
  return Diagnostic{Severity::kWarning, code, "odd spelling",
                    Location{"w.xml", 2, 5}};
}

TEST(Result, CarriesWarningsWithAValueOrAnError) {
  Result<int> plain = 1;
  EXPECT_TRUE(plain.warnings().empty());
  Result<int> ok = Result<int>(2).with_warnings({note("guid-case")});
  ASSERT_EQ(ok.warnings().size(), 1U);
  EXPECT_EQ(to_string(ok.warnings()[0]),
            "w.xml:2:5: warning: odd spelling [guid-case]");
  Result<int> failed = half(3);
  failed.with_warnings({note("a"), note("b")});
  ASSERT_FALSE(failed);
  ASSERT_EQ(failed.warnings().size(), 2U);
  EXPECT_EQ(failed.warnings()[1].code, "b");
  Diagnostics taken = std::move(failed).warnings();
  EXPECT_EQ(taken.size(), 2U);
}

Status check_even(int n) {
  if (n % 2 != 0) return Error{ErrorCode::kInvalidValue, "odd", std::nullopt};
  return {};
}

TEST(Status, SuccessOrError) {
  const Status ok = check_even(4);
  EXPECT_TRUE(ok.has_value());
  EXPECT_TRUE(static_cast<bool>(ok));
  Status bad = check_even(5);
  ASSERT_FALSE(bad);
  EXPECT_EQ(to_string(bad.error()), "error: odd");
  const Error moved = std::move(bad).error();
  EXPECT_EQ(moved.code, ErrorCode::kInvalidValue);
  const Status warned = Status().with_warnings({note("x")});
  EXPECT_TRUE(warned);
  EXPECT_EQ(warned.warnings().size(), 1U);
}

}  // namespace
}  // namespace vssmeta
