// SPDX-License-Identifier: MIT
#include "text/xml_name.h"

#include <gtest/gtest.h>

namespace vssmeta::internal {
namespace {

TEST(IsNamespaceDeclaration, RecognisesXmlnsAndItsPrefixedForm) {
  EXPECT_TRUE(is_namespace_declaration("xmlns"));
  EXPECT_TRUE(is_namespace_declaration("xmlns:dt"));
  EXPECT_FALSE(is_namespace_declaration("xmlnsFlag"));
  EXPECT_FALSE(is_namespace_declaration("XMLNS"));  // XML names are exact
  EXPECT_FALSE(is_namespace_declaration("usage"));
  EXPECT_FALSE(is_namespace_declaration(""));
}

}  // namespace
}  // namespace vssmeta::internal
