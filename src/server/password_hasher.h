#pragma once
// Password hashing with argon2id (libsodium crypto_pwhash_str). The cost is configurable: the
// interactive limits by default, lower in tests so they stay fast. A stored hash carries its own
// parameters, so a hash made at one cost verifies at any other.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rasso::server {

struct PasswordCost {
  unsigned long long ops_limit = 2;          // crypto_pwhash_OPSLIMIT_INTERACTIVE
  std::size_t mem_limit_bytes = 64u << 20;   // crypto_pwhash_MEMLIMIT_INTERACTIVE
};

/// The argon2id hash string of `password`. Error "invalid_input" for a password shorter than 8
/// characters or longer than 1024; "internal" if the hashing fails (out of memory).
Result<std::string> hash_password(std::string_view password, const PasswordCost& cost);

/// True when `password` matches `hash` (false for a malformed hash).
bool verify_password(std::string_view hash, std::string_view password);

}  // namespace rasso::server
