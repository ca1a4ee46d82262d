#include "generator/offence_profile.h"

#include "generator/quantile_curve.h"
#include "generator/weighted_choice.h"

namespace rasso {
namespace {

using A = VictimAge;
using G = OffenceGroup;

// Weights per 1000 recorded sexual offences (default): rape about 37%, sexual assault about
// 30%, the rest other and child sexual offences, in line with Home Office recorded-crime
// proportions for England and Wales.
constexpr OffenceProfile kOffences[] = {
    {"19C", 250, 1'000'000, A::Adult, G::Rape, false},
    {"19D", 60, 1'000'000, A::Teen13to15, G::Rape, true},
    {"19E", 30, 1'000'000, A::Under13, G::Rape, true},
    {"19F", 15, 0, A::Adult, G::Rape, false},
    {"19G", 10, 0, A::Teen13to15, G::Rape, true},
    {"19H", 10, 0, A::Under13, G::Rape, true},
    {"17A", 25, 0, A::ThirteenPlus, G::SexualAssault, false},
    {"17B", 10, 0, A::Under13, G::SexualAssault, true},
    {"20A", 230, 1'000'000, A::ThirteenPlus, G::SexualAssault, false},
    {"20B", 40, 1'000'000, A::Under13, G::SexualAssault, true},
    {"21", 25, 800'000, A::Under13, G::ChildSexualOffence, true},
    {"22A", 15, 850'000, A::Adult, G::Other, false},
    {"22B", 40, 850'000, A::Teen13to15, G::ChildSexualOffence, true},
    {"23", 10, 800'000, A::Child4to15, G::Other, true},
    {"70", 5, 700'000, A::Adult, G::Other, false},
    {"71", 15, 800'000, A::Child13to17, G::ChildSexualOffence, true},
    {"72", 3, 900'000, A::Adult, G::Other, false},
    {"73", 10, 800'000, A::Child13to17, G::Other, true},
    {"88A", 20, 800'000, A::Child10to15, G::ChildSexualOffence, true},
    {"88C", 40, 750'000, A::Adult, G::Other, false},
    {"88D", 2, 100'000, A::Adult, G::Other, false},
    {"88E", 135, 850'000, A::Adult, G::Other, false},
};

// Adult victims of sexual offences are young: about half are under 25 (ONS, Crime Survey for
// England and Wales; default curve).
const QuantileCurve kAdultVictimAge({{0, 16}, {15, 18}, {35, 21}, {50, 25}, {70, 33}, {85, 43}, {95, 55}, {100, 85}});
const QuantileCurve kUnder13VictimAge({{0, 2}, {15, 5}, {40, 8}, {70, 11}, {100, 12}});

// Relationship mixes (default), per million.
constexpr Weighted<std::string_view> kAdultRelationships[] = {
    {"partner", 200'000}, {"ex_partner", 150'000}, {"family", 50'000},  {"acquaintance", 330'000},
    {"position_of_trust", 20'000}, {"online_contact", 70'000}, {"stranger", 130'000}, {"unknown", 50'000},
};
constexpr Weighted<std::string_view> kChildRelationships[] = {
    {"partner", 30'000}, {"ex_partner", 20'000}, {"family", 300'000}, {"acquaintance", 350'000},
    {"position_of_trust", 80'000}, {"online_contact", 120'000}, {"stranger", 60'000}, {"unknown", 40'000},
};

}  // namespace

std::span<const OffenceProfile> offence_profiles() { return kOffences; }

int victim_age_at_offence(VictimAge curve, RandomSource& random) {
  switch (curve) {
    case A::Adult: return kAdultVictimAge.sample(random);
    case A::ThirteenPlus:
      return random.chance_ppm(200'000) ? static_cast<int>(random.between(13, 15)) : kAdultVictimAge.sample(random);
    case A::Teen13to15: return static_cast<int>(random.between(13, 15));
    case A::Under13: return kUnder13VictimAge.sample(random);
    case A::Child13to17: return static_cast<int>(random.between(13, 17));
    case A::Child10to15: return static_cast<int>(random.between(10, 15));
    case A::Child4to15: return static_cast<int>(random.between(4, 15));
  }
  return 25;
}

int victim_age_min(VictimAge curve) {
  switch (curve) {
    case A::Adult: return 16;
    case A::ThirteenPlus: case A::Teen13to15: case A::Child13to17: return 13;
    case A::Under13: return 2;
    case A::Child10to15: return 10;
    case A::Child4to15: return 4;
  }
  return 0;
}

int victim_age_max(VictimAge curve) {
  switch (curve) {
    case A::Adult: case A::ThirteenPlus: return 85;
    case A::Teen13to15: case A::Child10to15: case A::Child4to15: return 15;
    case A::Under13: return 12;
    case A::Child13to17: return 17;
  }
  return 120;
}

std::string_view pick_relationship(const OffenceProfile& offence, RandomSource& random) {
  if (offence.code == "23") return "family";
  if (offence.code == "73") return "position_of_trust";
  if (offence.code == "88A" && random.chance_ppm(700'000)) return "online_contact";
  return offence.child_offence ? pick_weighted<std::string_view>(random, kChildRelationships)
                               : pick_weighted<std::string_view>(random, kAdultRelationships);
}

bool is_domestic_relationship(std::string_view relationship) {
  return relationship == "partner" || relationship == "ex_partner" || relationship == "family";
}

}  // namespace rasso
