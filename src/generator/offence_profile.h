#pragma once
// OffenceProfile: what each Home Office sexual-offence code implies about its crimes — how
// common it is, the sex and age of its victims (19C-E female victims, 19F-H male; 19E/19H under
// 13, ...), how likely suspects are to be known to the victim, and how it tends to end. The
// codes are those of data/reference/codes/offence.csv.

#include <cstdint>
#include <span>
#include <string_view>

#include "generator/random_source.h"

namespace rasso {

enum class OffenceGroup : std::uint8_t { Rape, SexualAssault, ChildSexualOffence, Other };

/// Which age curve a victim's age at the offence is drawn from.
enum class VictimAge : std::uint8_t {
  Adult,        // 16 and over, skewed young
  ThirteenPlus, // 13 and over: some teenagers, mostly adults
  Teen13to15,   // 13-15
  Under13,      // 0-12, mostly 6-12
  Child13to17,  // 13-17
  Child10to15,  // 10-15 (grooming)
  Child4to15,   // 4-15 (sexual activity involving a child under 16 and familial offences)
};

struct OffenceProfile {
  std::string_view code;
  std::uint32_t weight;         // relative frequency among recorded sexual offences
  std::uint32_t female_victim_ppm;
  VictimAge victim_age;
  OffenceGroup group;
  bool child_offence;           // a child sexual offence for the relationship mix
};

/// Every offence code the generator uses, with its profile.
std::span<const OffenceProfile> offence_profiles();

/// A victim's age in whole years at the time of the offence, drawn from `curve`.
int victim_age_at_offence(VictimAge curve, RandomSource& random);

/// The youngest and oldest age `curve` can produce.
int victim_age_min(VictimAge curve);
int victim_age_max(VictimAge curve);

/// A suspect's relationship to the victim (a code of codes/relationship.csv), by offence kind.
std::string_view pick_relationship(const OffenceProfile& offence, RandomSource& random);

/// True if the relationship makes the crime domestic abuse (partner, former partner, family).
bool is_domestic_relationship(std::string_view relationship);

}  // namespace rasso
