#include <gtest/gtest.h>

#include <set>

#include "diag/diagnostics.h"

TEST(DiagnosticKinds, CodesAreUnique) {
  std::set<std::string_view> codes;
  for (tc::DiagKind kind : tc::all_diag_kinds()) EXPECT_TRUE(codes.insert(tc::diag_code(kind)).second);
}
