#pragma once
// What the store keeps about the people who use the server: their accounts (roles, scope,
// password hash, disabled, locked), the failed sign-ins that lead to a lockout (kept so a restart
// does not clear them), and small named settings such as the pseudonym key.

#include <string>
#include <vector>

namespace rasso {

struct UserRecord {
  std::string username;
  std::string display_name;
  std::string password_hash;      // argon2id string from libsodium's crypto_pwhash_str
  std::vector<std::string> roles; // investigator, supervisor, analyst, offender_manager, scrutiny, administrator
  std::string force_code;         // scope: the force whose records the user may see
  std::string unit_code;          // optional narrower scope; empty = the whole force
  bool disabled = false;
  bool locked = false;            // set after too many failed sign-ins; cleared by a password reset
  std::string created_at;         // ISO 8601 UTC
};

}  // namespace rasso
