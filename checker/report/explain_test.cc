#include "report/explain.h"

#include <gtest/gtest.h>

namespace tc::report {
namespace {

TEST(Explain, InstantiatesWholeWords) {
  EXPECT_EQ(instantiate_description("helper assists victim, by means of helper's choosing", {"helper", "victim"},
                                    {"Finland", "Estonia"}),
            "");  // "helper" twice: not replaced safely
  EXPECT_EQ(instantiate_description("attacker makes an armed attack on victim", {"attacker", "victim"},
                                    {"Russia", "Estonia"}),
            "Russia makes an armed attack on Estonia");
  // "p" inside "party" or "p's" boundaries: only the whole word is replaced.
  EXPECT_EQ(instantiate_description("p's party respects q", {"p", "q"}, {"Latvia", "Poland"}),
            "Latvia's party respects Poland");
}

TEST(Explain, NearbyIdsPreferSharedPrefix) {
  std::vector<std::string> ids{"TC2001-aaaa0000", "TC2101-2e11445a", "TC2001-2e11445a", "TC2201-ffffffff"};
  std::vector<std::string> got = nearby_ids(ids, "TC2001-2e11445b", 2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "TC2001-2e11445a");
  EXPECT_EQ(got[1], "TC2001-aaaa0000");
}

}  // namespace
}  // namespace tc::report
