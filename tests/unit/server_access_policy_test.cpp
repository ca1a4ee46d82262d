#include <gtest/gtest.h>

#include "server/access_policy.h"

namespace rasso::server {
namespace {

TEST(ServerAccessPolicy, RoleNamesRoundTrip) {
  for (const char* name : {"investigator", "supervisor", "analyst", "offender_manager", "scrutiny", "administrator"}) {
    const auto role = role_from_name(name);
    ASSERT_TRUE(role) << name;
    EXPECT_EQ(role_name(*role), name);
  }
  EXPECT_FALSE(role_from_name("Investigator"));
  EXPECT_FALSE(role_from_name("root"));
}

TEST(ServerAccessPolicy, AnalystsAndScrutinySeePseudonyms) {
  EXPECT_FALSE((SessionUser{"a", "", {Role::Analyst}, "XF", ""}.sees_names()));
  EXPECT_FALSE((SessionUser{"s", "", {Role::Scrutiny}, "XF", ""}.sees_names()));
  EXPECT_FALSE((SessionUser{"as", "", {Role::Analyst, Role::Scrutiny}, "XF", ""}.sees_names()));
  EXPECT_TRUE((SessionUser{"i", "", {Role::Investigator}, "XF", ""}.sees_names()));
  EXPECT_TRUE((SessionUser{"o", "", {Role::OffenderManager}, "XF", ""}.sees_names()));
  EXPECT_FALSE((SessionUser{"n", "", {}, "XF", ""}.sees_names()));
}

TEST(ServerAccessPolicy, RouteRolesNeedAnOverlap) {
  const SessionUser analyst{"a", "", {Role::Analyst}, "XF", ""};
  EXPECT_TRUE(analyst.has_any_role({Role::Investigator, Role::Analyst}));
  EXPECT_FALSE(analyst.has_any_role({Role::Administrator}));
  EXPECT_FALSE(analyst.has_any_role({}));
}

TEST(ServerAccessPolicy, ScopeIsTheForceAndOptionallyTheUnit) {
  const SessionUser force_wide{"f", "", {Role::Supervisor}, "XF", ""};
  const SessionUser unit_only{"u", "", {Role::Investigator}, "XF", "XF-U1"};
  EXPECT_TRUE(force_wide.in_scope("XF", "XF-U1"));
  EXPECT_TRUE(force_wide.in_scope("XF", ""));
  EXPECT_FALSE(force_wide.in_scope("YF", "YF-U1"));
  EXPECT_TRUE(unit_only.in_scope("XF", "XF-U1"));
  EXPECT_FALSE(unit_only.in_scope("XF", "XF-U2"));
  EXPECT_FALSE(unit_only.in_scope("XF", "")) << "a record with no unit is for force-wide users only";
  const SessionUser no_force{"n", "", {Role::Supervisor}, "", ""};
  EXPECT_FALSE(no_force.in_scope("", "")) << "a user with no force sees nothing";
}

}  // namespace
}  // namespace rasso::server
