#include "server/password_hasher.h"

#include <sodium.h>

namespace rasso::server {

Result<std::string> hash_password(std::string_view password, const PasswordCost& cost) {
  if (password.size() < 8) return Error{"invalid_input", "a password needs at least 8 characters"};
  if (password.size() > 1024) return Error{"invalid_input", "a password may have at most 1024 characters"};
  if (sodium_init() < 0) return Error{"internal", "libsodium could not start"};
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), cost.ops_limit, cost.mem_limit_bytes) != 0) {
    return Error{"internal", "password hashing failed (out of memory?)"};
  }
  return std::string(hash);
}

bool verify_password(std::string_view hash, std::string_view password) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || sodium_init() < 0) return false;
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace rasso::server
