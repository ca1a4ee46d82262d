#include "server/access_policy.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rasso::server {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 6> kRoles = {{
    {Role::Investigator, "investigator"},
    {Role::Supervisor, "supervisor"},
    {Role::Analyst, "analyst"},
    {Role::OffenderManager, "offender_manager"},
    {Role::Scrutiny, "scrutiny"},
    {Role::Administrator, "administrator"},
}};

}  // namespace

std::optional<Role> role_from_name(std::string_view name) {
  for (const auto& [role, role_text] : kRoles) {
    if (role_text == name) return role;
  }
  return std::nullopt;
}

std::string_view role_name(Role role) {
  for (const auto& [known, role_text] : kRoles) {
    if (known == role) return role_text;
  }
  return "unknown";
}

std::string role_names_list() {
  std::string out;
  for (const auto& [role, role_text] : kRoles) out += (out.empty() ? "" : ", ") + std::string(role_text);
  return out;
}

bool SessionUser::has_role(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

bool SessionUser::has_any_role(const std::vector<Role>& allowed) const {
  return std::any_of(allowed.begin(), allowed.end(), [this](Role role) { return has_role(role); });
}

bool SessionUser::sees_names() const {
  return has_any_role({Role::Investigator, Role::Supervisor, Role::OffenderManager, Role::Administrator});
}

bool SessionUser::in_scope(std::string_view record_force, std::string_view record_unit) const {
  if (force_code.empty() || record_force != force_code) return false;
  return unit_code.empty() || record_unit == unit_code;
}

}  // namespace rasso::server
