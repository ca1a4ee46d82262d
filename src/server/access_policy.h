#pragma once
// Who may do what: the six roles, a user's scope (a force, optionally one unit) and the checks
// every request makes. Deny by default: a route lists the roles that may call it and a user with
// none of them is refused; a record is visible only inside the user's scope.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rasso::server {

enum class Role { Investigator, Supervisor, Analyst, OffenderManager, Scrutiny, Administrator };

/// The role named `name` ("investigator", "offender_manager", ...), or nullopt.
std::optional<Role> role_from_name(std::string_view name);
/// The role's name as stored and shown.
std::string_view role_name(Role role);
/// Every role name, for messages.
std::string role_names_list();

/// The signed-in user as the request handlers see it.
struct SessionUser {
  std::string username;
  std::string display_name;
  std::vector<Role> roles;
  std::string force_code;  // scope: this force's records
  std::string unit_code;   // empty = every unit of the force

  bool has_role(Role role) const;
  /// True when at least one of the user's roles is in `allowed`.
  bool has_any_role(const std::vector<Role>& allowed) const;
  /// Analysts and scrutiny users see pseudonyms; any other case-work role sees names.
  bool sees_names() const;
  /// True when a record owned by `force_code` / `unit_ref` is inside the user's scope. A record
  /// with no unit is visible only to force-wide users.
  bool in_scope(std::string_view record_force, std::string_view record_unit) const;
};

}  // namespace rasso::server
