#pragma once
// Pseudonyms for users who may not see names (analysts, scrutiny): a keyed BLAKE2b of the
// resolved person id, so the same person always has the same pseudonym (across requests and
// restarts, since the key is kept in the store) and nobody without the key can reverse it. Also
// the coarsened forms shown in place of a date of birth (an age band) and a postcode (district).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"

namespace rasso::server {

class Pseudonymiser {
 public:
  /// `key_hex` is 64 hex digits (32 bytes); an invalid key throws std::invalid_argument (a
  /// programming or store-corruption error, caught at start-up).
  explicit Pseudonymiser(std::string_view key_hex);

  /// A fresh random key as 64 hex digits, for a store that has none yet.
  static std::string generate_key_hex();

  /// "Person P-" and 8 upper-case hex digits, from the resolved id (or, for a record not yet
  /// resolved, from its person_ref). Thread-safe.
  std::string pseudonym(std::uint64_t resolved_id, std::string_view person_ref) const;

 private:
  unsigned char key_[32];
};

/// The ten-year band of the age on `as_of` of someone born on `dob` ("30-39"), or "unknown".
std::string age_band(std::optional<CivilDate> dob, CivilDate as_of);

/// The outward code (district) of a UK postcode ("LS1 4AB" -> "LS1"); empty for a blank one.
std::string postcode_district(std::string_view postcode);

}  // namespace rasso::server
