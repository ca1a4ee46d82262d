#include "server/pseudonymiser.h"

#include <sodium.h>

#include <stdexcept>

namespace rasso::server {

Pseudonymiser::Pseudonymiser(std::string_view key_hex) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  std::size_t length = 0;
  if (key_hex.size() != 64 ||
      sodium_hex2bin(key_, sizeof key_, key_hex.data(), key_hex.size(), nullptr, &length, nullptr) != 0 ||
      length != sizeof key_) {
    throw std::invalid_argument("the pseudonym key must be 64 hex digits");
  }
}

std::string Pseudonymiser::generate_key_hex() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  unsigned char key[32];
  randombytes_buf(key, sizeof key);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, key, sizeof key);
  return hex;
}

std::string Pseudonymiser::pseudonym(std::uint64_t resolved_id, std::string_view person_ref) const {
  const std::string subject = resolved_id != 0 ? "R" + std::to_string(resolved_id) : "P" + std::string(person_ref);
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(subject.data()), subject.size(), key_,
                     sizeof key_);
  char hex[9];
  sodium_bin2hex(hex, sizeof hex, digest, 4);
  std::string out = "Person P-";
  for (const char c : std::string_view(hex, 8)) out += static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
  return out;
}

std::string age_band(std::optional<CivilDate> dob, CivilDate as_of) {
  if (!dob || *dob > as_of) return "unknown";
  int age = as_of.year() - dob->year();
  if (as_of.month() < dob->month() || (as_of.month() == dob->month() && as_of.day() < dob->day())) --age;
  if (age < 18) return "under 18";
  const int low = age / 10 * 10;
  return std::to_string(low < 18 ? 18 : low) + "-" + std::to_string(low + 9);
}

std::string postcode_district(std::string_view postcode) {
  const std::size_t space = postcode.find(' ');
  if (space != std::string_view::npos) return std::string(postcode.substr(0, space));
  // A full postcode written without its space: the inward code is always the last three characters.
  if (postcode.size() > 4) return std::string(postcode.substr(0, postcode.size() - 3));
  return std::string(postcode);
}

}  // namespace rasso::server
