// SPDX-License-Identifier: MIT
// Diagnostic's GCC-style text form and the severity names.
#include "vssmeta/diagnostic.h"

#include <string>

#include <gtest/gtest.h>

namespace vssmeta {
namespace {

TEST(Diagnostic, ToStringWithFullLocation) {
  Diagnostic d{Severity::kWarning, "code", "msg", Location{"f", 1, 2}};
  EXPECT_EQ(to_string(d), "f:1:2: warning: msg [code]");
}

TEST(Diagnostic, ToStringWithRuleId) {
  Diagnostic d{Severity::kError, "WMD001", "component 'Logs' has no files",
               Location{"w.xml", 14, 5}};
  EXPECT_EQ(to_string(d),
            "w.xml:14:5: error: component 'Logs' has no files [WMD001]");
}

TEST(Diagnostic, ToStringInfo) {
  Diagnostic d{Severity::kInfo, "unknown-element", "skipped <FOO>",
               Location{"w.xml", 2, 0}};
  EXPECT_EQ(to_string(d), "w.xml:2: info: skipped <FOO> [unknown-element]");
}

TEST(Diagnostic, ToStringWithFileOnly) {
  Diagnostic d{Severity::kWarning, "x", "whole file", Location{"w.xml", 0, 0}};
  EXPECT_EQ(to_string(d), "w.xml: warning: whole file [x]");
}

TEST(Diagnostic, ToStringWithoutLocation) {
  Diagnostic d{Severity::kWarning, "x", "nowhere", Location{}};
  EXPECT_EQ(to_string(d), "warning: nowhere [x]");
}

// Messages quote attribute values of untrusted documents: an escape sequence
// in one must not reach the terminal raw.
TEST(Diagnostic, ToStringEscapesControlCharacters) {
  Diagnostic d{Severity::kWarning, "invalid-value",
               "instanceId=\"\x1b]0;t\x07\" is not a GUID",
               Location{"a\x1b[2Jb.xml", 2, 66}};
  EXPECT_EQ(to_string(d),
            "a\\x1b[2Jb.xml:2:66: warning: instanceId=\"\\x1b]0;t\\x07\" is "
            "not a GUID [invalid-value]");
}

TEST(Diagnostic, DefaultSeverityIsWarning) {
  Diagnostic d;
  EXPECT_EQ(d.severity, Severity::kWarning);
}

TEST(Diagnostic, EqualityComparesEveryField) {
  const Diagnostic a{Severity::kWarning, "c", "m", Location{"f", 1, 2}};
  EXPECT_EQ(a, (Diagnostic{Severity::kWarning, "c", "m", Location{"f", 1, 2}}));
  EXPECT_NE(a, (Diagnostic{Severity::kError, "c", "m", Location{"f", 1, 2}}));
  EXPECT_NE(a, (Diagnostic{Severity::kWarning, "d", "m", Location{"f", 1, 2}}));
  EXPECT_NE(a, (Diagnostic{Severity::kWarning, "c", "n", Location{"f", 1, 2}}));
  EXPECT_NE(a, (Diagnostic{Severity::kWarning, "c", "m", Location{"f", 1, 3}}));
}

TEST(Severity, Names) {
  EXPECT_STREQ(to_string(Severity::kInfo), "info");
  EXPECT_STREQ(to_string(Severity::kWarning), "warning");
  EXPECT_STREQ(to_string(Severity::kError), "error");
}

TEST(Severity, OutOfRangeIsError) {
  EXPECT_STREQ(to_string(static_cast<Severity>(42)), "error");
}

}  // namespace
}  // namespace vssmeta
