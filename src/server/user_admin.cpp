#include "server/user_admin.h"

#include "server/access_policy.h"

namespace rasso::server {
namespace {

bool valid_username(const std::string& name) {
  if (name.size() < 2 || name.size() > 64) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

AuditEvent user_event(const AdminActor& by, const std::string& action, const std::string& processing,
                      const std::string& username, const nlohmann::json& details) {
  AuditEvent event;
  event.occurred_at = by.now;
  event.actor = by.actor;
  event.action = action;
  event.processing = processing;
  event.subject_type = "user";
  event.subject_id = username;
  event.purpose = by.purpose;
  event.correlation_id = by.correlation_id.empty() ? action + "-" + by.now : by.correlation_id;
  event.details_json = details.dump();
  return event;
}

Result<UserRecord> existing(Store& store, const std::string& username) {
  auto found = store.find_user(username);
  if (!found) return found.error();
  if (!*found) return Error{"not_found", "no user called '" + username + "'"};
  return std::move(**found);
}

}  // namespace

Result<UserRecord> add_user(Store& store, const NewUser& user, const PasswordCost& cost, const AdminActor& by,
                            const CodeTables* codes) {
  if (!valid_username(user.username)) {
    return Error{"invalid_input", "username must be 2-64 characters of a-z, 0-9, '.', '_' or '-'"};
  }
  if (user.roles.empty()) return Error{"invalid_input", "a user needs at least one role: " + role_names_list()};
  for (const std::string& role : user.roles) {
    if (!role_from_name(role)) return Error{"invalid_input", "unknown role '" + role + "'; roles are " + role_names_list()};
  }
  if (user.force_code.empty()) return Error{"invalid_input", "a user needs a force_code (their scope)"};
  if (codes != nullptr) {
    const CodeTable* forces = codes->table("force");
    if (forces != nullptr && forces->find(user.force_code) == nullptr) {
      return Error{"invalid_input", "force_code '" + user.force_code + "' is not in the force code table"};
    }
  }
  auto hash = hash_password(user.password, cost);
  if (!hash) return hash.error();
  UserRecord record;
  record.username = user.username;
  record.display_name = user.display_name.empty() ? user.username : user.display_name;
  record.password_hash = *hash;
  record.roles = user.roles;
  record.force_code = user.force_code;
  record.unit_code = user.unit_code;
  record.created_at = by.now;
  const nlohmann::json details = {{"roles", record.roles}, {"force_code", record.force_code}, {"unit_code", record.unit_code}};
  Status added = store.add_user(record, user_event(by, "user.add", "collection", record.username, details));
  if (!added) return added.error();
  return record;
}

Result<UserRecord> disable_user(Store& store, const std::string& username, const AdminActor& by) {
  auto user = existing(store, username);
  if (!user) return user.error();
  user->disabled = true;
  Status updated = store.update_user(*user, false, user_event(by, "user.disable", "erasure", username, nlohmann::json::object()));
  if (!updated) return updated.error();
  return std::move(*user);
}

Result<UserRecord> reset_password(Store& store, const std::string& username, const std::string& password,
                                  const PasswordCost& cost, const AdminActor& by) {
  auto user = existing(store, username);
  if (!user) return user.error();
  auto hash = hash_password(password, cost);
  if (!hash) return hash.error();
  const bool was_locked = user->locked;
  user->password_hash = *hash;
  user->locked = false;
  Status updated = store.update_user(
      *user, true, user_event(by, "user.reset_password", "alteration", username, {{"unlocked", was_locked}}));
  if (!updated) return updated.error();
  return std::move(*user);
}

nlohmann::json user_json(const UserRecord& user) {
  return {{"username", user.username},
          {"display_name", user.display_name},
          {"roles", user.roles},
          {"force_code", user.force_code},
          {"unit_code", user.unit_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(user.unit_code)},
          {"disabled", user.disabled},
          {"locked", user.locked},
          {"created_at", user.created_at}};
}

}  // namespace rasso::server
