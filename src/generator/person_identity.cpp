#include "generator/person_identity.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "core/identifier_formats.h"

namespace rasso {
namespace {

// Stream kinds for mix_seed, so each derived value has its own independent sequence.
constexpr std::uint64_t kIdentityStream = 0x1D;
constexpr std::uint64_t kPncStream = 0x9C;

// England and Wales population by ethnic group, Census 2021 (TS021), in tenths of a percent,
// rounded. The generator uses the national mix for every force.
constexpr Weighted<std::string_view> kEthnicity[] = {
    {"W1", 744}, {"W2", 9}, {"W3", 1}, {"W9", 62}, {"M1", 9},  {"M2", 4},  {"M3", 8},  {"M9", 7},  {"A1", 31},
    {"A2", 27},  {"A3", 11}, {"A4", 7}, {"A9", 16}, {"B1", 10}, {"B2", 25}, {"B9", 5}, {"O2", 6}, {"O9", 16},
};

// Surnames in surnames.csv most often held by people of Indian, Pakistani or Bangladeshi heritage.
constexpr std::string_view kSouthAsianSurnames[] = {"Patel", "Khan",    "Begum", "Singh", "Ali",    "Hussain", "Ahmed",
                                                    "Kaur",  "Akhtar", "Mahmood", "Iqbal", "Rahman", "Shah",    "Bibi", "Miah"};

// Endings of English locative surnames, joined to the first syllable of a listed surname to
// make the long tail of rarer surnames (surnames.csv covers only about 40% of people).
constexpr std::string_view kSurnameEndings[] = {"ton",  "ley",  "field", "wood",  "ford",   "worth", "well",
                                                "by",   "ham",  "ridge", "more",  "shaw",   "croft", "dale",
                                                "hurst", "land", "stone", "wick", "brook",  "combe", "bury",
                                                "ington", "thorpe", "stead", "cott", "hall"};

constexpr std::string_view kStreetNames[] = {
    "Church", "Station", "Park",    "Victoria", "High",     "Mill",    "School", "Manor",  "Green",   "Queens",
    "Kings",  "New",     "Grange",  "Albert",   "Springfield", "Chapel", "Windsor", "Highfield", "Main", "North",
    "South",  "West",    "Oak",     "Elm",      "Beech",    "Ash",     "Willow", "Cedar",  "Meadow",  "Orchard",
    "Cross",  "York",    "Stanley", "Alexandra", "Richmond", "George", "Mount",  "Hill",   "Brook",   "Lime"};
constexpr Weighted<std::string_view> kStreetTypes[] = {{"Road", 40}, {"Street", 25}, {"Lane", 10}, {"Avenue", 8},
                                                       {"Close", 7}, {"Drive", 5},   {"Way", 3},   {"Crescent", 2}};

// Letters Royal Mail uses in the last two places of an inward code.
constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

bool is_vowel(char c) {
  switch (c | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
  }
}

// The first syllable of a name: up to the end of its first vowel run and the consonants after it.
std::string first_syllable(std::string_view name) {
  std::size_t i = 1;
  while (i < name.size() && !is_vowel(name[i])) ++i;
  while (i < name.size() && is_vowel(name[i])) ++i;
  while (i < name.size() && !is_vowel(name[i]) && name[i] != 'y') ++i;
  return std::string(name.substr(0, i));
}

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool ascii_letters_only(std::string_view name) {
  return std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

std::vector<std::uint64_t> weights_of(const std::vector<NameWeight>& names) {
  std::vector<std::uint64_t> weights;
  weights.reserve(names.size());
  for (const NameWeight& name : names) weights.push_back(name.weight);
  return weights;
}

// The ONS historic list to use for someone born in `birth_year`: the nearest listed year.
const HistoricForenames& historic_for(const std::vector<HistoricForenames>& historic, int birth_year) {
  const HistoricForenames* best = &historic.front();
  for (const HistoricForenames& year : historic) {
    if (std::abs(year.year - birth_year) < std::abs(best->year - birth_year)) best = &year;
  }
  return *best;
}

}  // namespace

CivilDate birth_date_for_age(CivilDate on, int age, RandomSource& random) {
  const CivilDate latest = on.plus_months(-12 * age);
  const CivilDate earliest = on.plus_months(-12 * (age + 1)).plus_days(1);
  return CivilDate::from_days(static_cast<std::int32_t>(random.between(earliest.days_since_epoch(), latest.days_since_epoch())));
}

int age_on(CivilDate dob, CivilDate on) {
  int years = on.year() - dob.year();
  if (on.month() < dob.month() || (on.month() == dob.month() && on.day() < dob.day())) --years;
  return years;
}

std::string format_pnc_id(const PoliceNumber& pnc, bool short_year) {
  const char check = pnc_check_character(pnc.year, pnc.serial);
  if (short_year) return fmt::format("{:02}/{:07}{}", pnc.year % 100, pnc.serial, check);
  return fmt::format("{:04}/{:07}{}", pnc.year, pnc.serial, check);
}

std::string format_cro_number(const PoliceNumber& cro) {
  return fmt::format("{:06}/{:02}{}", cro.serial, cro.year % 100, pnc_check_character(cro.year, cro.serial));
}

IdentityFactory::IdentityFactory(const NameData& names, std::uint64_t seed, CivilDate as_of,
                                 const std::vector<ForceArea>& areas)
    : names_(names), seed_(seed), as_of_(as_of), areas_(areas) {
  male_forenames_ = WeightedChoice(weights_of(names.male_forenames));
  female_forenames_ = WeightedChoice(weights_of(names.female_forenames));
  surnames_ = WeightedChoice(weights_of(names.surnames));
  // ONS publishes ranks, not counts, for the historic lists; 1/(rank+4) approximates the skew.
  std::vector<std::uint64_t> rank_weights;
  for (std::uint64_t rank = 1; rank <= 100; ++rank) rank_weights.push_back(1'000'000 / (rank + 4));
  historic_ranks_ = WeightedChoice(rank_weights);

  std::set<std::string, std::less<>> known;
  for (const NameWeight& surname : names.surnames) known.insert(surname.name);
  std::set<std::string, std::less<>> invented;
  for (const NameWeight& surname : names.surnames) {
    const auto& listed = kSouthAsianSurnames;
    const bool south_asian = std::find(std::begin(listed), std::end(listed), surname.name) != std::end(listed);
    if (!ascii_letters_only(surname.name) || surname.name.size() < 4 || south_asian) continue;
    const std::string head = first_syllable(surname.name);
    for (std::string_view ending : kSurnameEndings) {
      // Skip joins that read badly: a doubled letter ("Hillley") or two vowels ("Leeington").
      if (lower_ascii(head.back()) == ending.front() || (is_vowel(head.back()) && is_vowel(ending.front()))) continue;
      invented.insert(head + std::string(ending));
    }
  }
  // Patronymic surnames from historic forenames: Harold -> Haroldson, Harolds.
  for (const HistoricForenames& year : names.historic) {
    for (std::size_t rank = 0; rank < std::min<std::size_t>(year.male.size(), 40); ++rank) {
      const std::string& forename = year.male[rank];
      if (!ascii_letters_only(forename) || forename.size() < 4 || forename.back() == 's') continue;
      invented.insert(forename + "son");
      invented.insert(forename + "s");
    }
  }
  for (const std::string& candidate : invented) {
    if (!known.contains(candidate)) rare_surnames_.push_back(candidate);
  }
  // A seeded order decides which invented surnames are commoner, with weights ~ 1/(rank+50).
  RandomSource shuffle(mix_seed(seed, 0x5A));
  for (std::size_t i = rare_surnames_.size(); i > 1; --i) std::swap(rare_surnames_[i - 1], rare_surnames_[shuffle.below(i)]);
  std::vector<std::uint64_t> rare_weights;
  for (std::size_t rank = 1; rank <= rare_surnames_.size(); ++rank) rare_weights.push_back(100'000'000 / (rank + 50));
  rare_surname_choice_ = WeightedChoice(rare_weights);

  // South Asian surnames by the sex of who holds them, weighted as in surnames.csv.
  std::vector<std::uint64_t> male_weights, female_weights;
  for (std::size_t i = 0; i < names.surnames.size(); ++i) {
    const std::string& name = names.surnames[i].name;
    const auto& listed = kSouthAsianSurnames;
    const bool south_asian = std::find(std::begin(listed), std::end(listed), name) != std::end(listed);
    const bool female_only = name == "Begum" || name == "Bibi" || name == "Kaur";
    male_weights.push_back(south_asian && !female_only ? names.surnames[i].weight : 0);
    female_weights.push_back(south_asian && name != "Singh" ? names.surnames[i].weight : 0);
  }
  south_asian_male_ = WeightedChoice(male_weights);
  south_asian_female_ = WeightedChoice(female_weights);
}

std::span<const Weighted<std::string_view>> ethnicity_shares() { return kEthnicity; }

std::string_view IdentityFactory::pick_forename(RandomSource& random, Sex sex, int birth_year, bool modern_names) const {
  const bool male = sex == Sex::Male;
  // The birth-count list covers births from 1996; older people mostly get their decade's top
  // 100, with a share from the full list for names outside any top 100.
  if (modern_names || birth_year >= 1996 || random.chance_ppm(200'000)) {
    const auto& list = male ? names_.male_forenames : names_.female_forenames;
    return list[(male ? male_forenames_ : female_forenames_).pick(random)].name;
  }
  const HistoricForenames& year = historic_for(names_.historic, birth_year);
  const auto& list = male ? year.male : year.female;
  return list[std::min(historic_ranks_.pick(random), list.size() - 1)];
}

std::string IdentityFactory::pick_surname(RandomSource& random, bool south_asian, Sex sex) const {
  const WeightedChoice& heritage = sex == Sex::Male ? south_asian_male_ : south_asian_female_;
  if (south_asian && !heritage.empty() && random.chance_ppm(300'000)) return names_.surnames[heritage.pick(random)].name;
  // surnames.csv covers about 40% of the population; the rest get a rarer, invented surname.
  if (rare_surnames_.empty() || random.chance_ppm(420'000)) return names_.surnames[surnames_.pick(random)].name;
  return rare_surnames_[rare_surname_choice_.pick(random)];
}

Address IdentityFactory::make_address(RandomSource& random, std::uint8_t home_force) const {
  Address address;
  address.district = areas_[home_force].pick_district(random);
  const PostcodeDistrict& district = names_.districts[address.district];
  const std::int64_t number = random.chance_ppm(700'000) ? random.between(1, 60) : random.between(61, 240);
  const std::string_view street = kStreetNames[random.below(std::size(kStreetNames))];
  const std::string_view type = pick_weighted<std::string_view>(random, kStreetTypes);
  address.line = fmt::format("{} {} {}, {}", number, street, type, district.local_authority);
  address.postcode = fmt::format("{} {}{}{}", district.district, random.below(10),
                                 kInwardLetters[random.below(kInwardLetters.size())],
                                 kInwardLetters[random.below(kInwardLetters.size())]);
  return address;
}

std::optional<PoliceNumber> IdentityFactory::pnc_of(std::uint32_t true_id, const PersonCore& core) const {
  RandomSource random(mix_seed(seed_, kPncStream, true_id));
  // Share of people with a PNC record: most suspects have been arrested before or are now;
  // a few victims and witnesses have a record of their own.
  const std::uint32_t share = core.kind == PersonKind::Suspect ? 700'000 : core.kind == PersonKind::Victim ? 40'000 : 30'000;
  if (!random.chance_ppm(share)) return std::nullopt;
  const int earliest = std::max(1995, CivilDate::from_days(core.dob_days).year() + 12);
  const int latest = as_of_.year();
  const int year = earliest >= latest ? latest : static_cast<int>(random.between(earliest, latest));
  // A bijection of the id onto 7-digit serials keeps (year, serial) distinct between people.
  const long serial = static_cast<long>((static_cast<std::uint64_t>(true_id) * 7919 + 104729) % 10'000'000);
  return PoliceNumber{year, serial};
}

TrueIdentity IdentityFactory::identity(std::uint32_t true_id, const PersonCore& core) const {
  RandomSource random(mix_seed(seed_, kIdentityStream, true_id));
  TrueIdentity person;
  person.dob = CivilDate::from_days(core.dob_days);
  person.sex = core.sex;
  person.ethnicity = pick_weighted<std::string_view>(random, kEthnicity);
  const bool white = person.ethnicity.front() == 'W';
  const bool south_asian = person.ethnicity == "A1" || person.ethnicity == "A2" || person.ethnicity == "A3";
  const int birth_year = person.dob.year();
  person.forename = pick_forename(random, core.sex, birth_year, !white);
  if (random.chance_ppm(550'000)) {
    person.middle_name = pick_forename(random, core.sex, birth_year, !white);
    if (person.middle_name == person.forename) person.middle_name = {};
  }
  person.surname = pick_surname(random, south_asian, core.sex);
  // Surname changes, mostly on marriage: some adult women are recorded under two surnames.
  const int age = person.dob.year() <= as_of_.year() ? as_of_.year() - person.dob.year() : 0;
  if (core.sex == Sex::Female && age >= 20 && random.chance_ppm(150'000)) {
    person.alternative_surname = pick_surname(random, south_asian, core.sex);
    if (person.alternative_surname == person.surname) person.alternative_surname.clear();
  }
  person.disabled = random.chance_ppm(180'000);
  person.home = make_address(random, core.home_force);
  if (random.chance_ppm(250'000)) person.previous_home = make_address(random, core.home_force);
  person.pnc = pnc_of(true_id, core);
  if (person.pnc && core.kind == PersonKind::Suspect && random.chance_ppm(450'000)) {
    const long serial = static_cast<long>((static_cast<std::uint64_t>(true_id) * 7727 + 3571) % 1'000'000);
    person.cro = PoliceNumber{person.pnc->year, serial};
  }
  return person;
}

}  // namespace rasso
