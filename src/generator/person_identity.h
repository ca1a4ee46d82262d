#pragma once
// The true people behind the person records. A true person is stored as a few bytes
// (PersonCore: date of birth, sex, home force); everything else about them — names, ethnicity,
// addresses, PNC ID, CRO number — is derived from (seed, true id) whenever one of their records
// is written, so millions of people cost little memory and every record of a person starts
// from the same truth.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "generator/force_area.h"
#include "generator/name_data.h"
#include "generator/random_source.h"
#include "generator/weighted_choice.h"

namespace rasso {

enum class Sex : std::uint8_t { Male, Female };

/// How a person first came into the data; decides how likely they are to have a PNC record.
enum class PersonKind : std::uint8_t { Victim, Suspect, Witness };

struct PersonCore {
  std::int32_t dob_days = 0;  // CivilDate days since epoch
  Sex sex = Sex::Male;
  PersonKind kind = PersonKind::Victim;
  std::uint8_t home_force = 0;  // index into GeneratorOptions::forces
};

struct Address {
  std::string line;      // "12 Church Road, Birmingham"
  std::string postcode;  // "B15 2TT"
  std::size_t district = 0;
};

/// A PNC ID (year of first entry, serial) or a CRO number (serial, year).
struct PoliceNumber {
  int year = 0;
  long serial = 0;
};

struct TrueIdentity {
  std::string_view forename;
  std::string_view middle_name;      // empty if none
  std::string surname;
  std::string alternative_surname;   // a previous or married surname; empty if none
  CivilDate dob = CivilDate::from_days(0);
  Sex sex = Sex::Male;
  std::string_view ethnicity;        // ONS 18+1 code (never blank in truth)
  bool disabled = false;
  Address home;
  std::optional<Address> previous_home;
  std::optional<PoliceNumber> pnc;
  std::optional<PoliceNumber> cro;   // set for people with a previous conviction
};

class IdentityFactory {
 public:
  /// `areas` holds one ForceArea per force, in GeneratorOptions::forces order.
  IdentityFactory(const NameData& names, std::uint64_t seed, CivilDate as_of, const std::vector<ForceArea>& areas);

  /// The identity of true person `true_id`; the same arguments always give the same identity.
  TrueIdentity identity(std::uint32_t true_id, const PersonCore& core) const;

  /// Just the PNC ID of a person (cheaper than identity()); nullopt if they have none.
  std::optional<PoliceNumber> pnc_of(std::uint32_t true_id, const PersonCore& core) const;

  const NameData& names() const { return names_; }

 private:
  std::string_view pick_forename(RandomSource& random, Sex sex, int birth_year, bool modern_names) const;
  std::string pick_surname(RandomSource& random, bool south_asian, Sex sex) const;
  Address make_address(RandomSource& random, std::uint8_t home_force) const;

  const NameData& names_;
  std::uint64_t seed_;
  CivilDate as_of_;
  const std::vector<ForceArea>& areas_;
  WeightedChoice male_forenames_;
  WeightedChoice female_forenames_;
  WeightedChoice historic_ranks_;           // rank 1..100 of a historic year's list
  WeightedChoice surnames_;
  std::vector<std::string> rare_surnames_;  // synthesised for the long tail of surnames
  WeightedChoice rare_surname_choice_;
  WeightedChoice south_asian_male_;    // over names.surnames; zero outside kSouthAsianSurnames
  WeightedChoice south_asian_female_;
};

/// England and Wales population by ethnic group (codes of codes/ethnicity.csv, excluding NS),
/// weights in tenths of a percent.
std::span<const Weighted<std::string_view>> ethnicity_shares();

/// A date of birth, uniformly among those that make someone exactly `age` years old on `on`.
CivilDate birth_date_for_age(CivilDate on, int age, RandomSource& random);

/// Whole years from `dob` to `on` (age on that date).
int age_on(CivilDate dob, CivilDate on);

/// "1998/0123456X": a PNC ID in its long form, with the check character it should have.
std::string format_pnc_id(const PoliceNumber& pnc, bool short_year);
/// "123456/98X": a CRO number with its check character (same letters as the PNC check).
std::string format_cro_number(const PoliceNumber& cro);

}  // namespace rasso
