#include "generator/person_error_model.h"

#include <algorithm>
#include <array>

#include "core/code_table.h"

namespace rasso {
namespace {

constexpr std::array<std::string_view, kPersonErrorKinds> kErrorNames = {
    "forename_typo",       "surname_typo",        "nickname",          "names_swapped",
    "surname_upper_case",  "all_upper_case",      "surname_comma_forename", "forename_blank",
    "surname_blank",       "middle_name_dropped", "middle_name_initial", "alternative_surname",
    "dob_blank",           "dob_day_month_swap",  "dob_digit_typo",    "dob_first_of_january",
    "sex_blank",           "sex_unknown",         "sex_wrong",         "ethnicity_blank",
    "ethnicity_not_stated", "ethnicity_wrong",    "disability_blank",  "address_blank",
    "previous_address",    "postcode_blank",      "postcode_outward_only", "pnc_blank",
    "pnc_short_year",      "pnc_digit_typo",      "pnc_other_person",  "cro_blank",
};

// Letters next to each letter on a UK QWERTY keyboard, for substitution typos.
constexpr std::string_view kKeyboardNeighbours[26] = {
    "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn", "jiolm", "kop",
    "njk",  "bhjm", "iklp", "ol",     "wa",   "edft",   "awedxz", "rfgy",  "yhji", "cfgb",  "qase", "zsdc",
    "tghu", "asx"};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A random letter near `c` on the keyboard, in c's case.
char neighbour_of(char c, RandomSource& random) {
  if (!is_letter(c)) return c;
  const std::string_view options = kKeyboardNeighbours[lower(c) - 'a'];
  const char replacement = options[random.below(options.size())];
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(replacement - 'a' + 'A') : replacement;
}

std::string title_case(std::string_view name) {
  std::string out(name);
  bool start = true;
  for (char& c : out) {
    if (is_letter(c)) {
      c = start ? static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c) : lower(c);
      start = false;
    } else {
      start = true;
    }
  }
  return out;
}

void count(PersonErrorCounts& counts, PersonError kind) { ++counts[static_cast<std::size_t>(kind)]; }

// A date with one digit of its day, month or year changed, still a real date; nullopt if the
// attempts all gave impossible dates.
std::optional<CivilDate> digit_typo(CivilDate date, RandomSource& random) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    int year = date.year();
    int month = date.month();
    int day = date.day();
    const int digit = static_cast<int>(random.between(1, 9));
    switch (random.below(4)) {
      case 0: day = (day / 10) * 10 + (day % 10 + digit) % 10; break;
      case 1: day = ((day / 10 + digit) % 4) * 10 + day % 10; break;
      case 2: month = month < 10 ? (month + digit) % 10 : 10 + (month % 10 + digit) % 3; break;
      default: year = (year / 10) * 10 + (year % 10 + digit) % 10; break;
    }
    if (auto changed = CivilDate::from_ymd(year, month, day); changed && *changed != date) return changed;
  }
  return std::nullopt;
}

}  // namespace

std::string_view error_kind_name(PersonError kind) { return kErrorNames[static_cast<std::size_t>(kind)]; }

std::string typo(std::string_view name, RandomSource& random) {
  std::string out(name);
  const bool ascii = std::all_of(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (out.size() < 3 || !ascii) return out;  // byte edits could break a multi-byte UTF-8 character
  // Never touch the first character: it is rarely mistyped and keeps names recognisable.
  const std::size_t at = 1 + random.below(out.size() - 1);
  switch (random.below(4)) {
    case 0: out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), neighbour_of(out[at], random)); break;
    case 1: out.erase(at, 1); break;
    case 2: out[at] = neighbour_of(out[at], random); break;
    default:
      if (at + 1 < out.size()) {
        std::swap(out[at], out[at + 1]);
      } else {
        std::swap(out[at - 1], out[at]);
      }
      break;
  }
  return out;
}

PersonErrorModel::PersonErrorModel(const NameData& names, const PersonErrorRates& rates) : names_(names), rates_(rates) {}

void PersonErrorModel::render_names(const TrueIdentity& person, RandomSource& random, PersonRecordFields& out,
                                    PersonErrorCounts& counts) const {
  out.forename = std::string(person.forename);
  if (const auto it = names_.nicknames_by_formal.find(ascii_lower(person.forename));
      it != names_.nicknames_by_formal.end() && random.chance(rates_.nickname)) {
    out.forename = title_case(it->second[random.below(it->second.size())]);
    count(counts, PersonError::Nickname);
  }
  out.surname = person.surname;
  if (!person.alternative_surname.empty() && random.chance(rates_.alternative_surname)) {
    out.surname = person.alternative_surname;
    count(counts, PersonError::AlternativeSurname);
  }
  if (!person.middle_name.empty()) {
    if (random.chance(rates_.middle_name_dropped)) {
      count(counts, PersonError::MiddleNameDropped);
    } else if (random.chance(rates_.middle_name_initial)) {
      out.middle_names = std::string(person.middle_name.substr(0, 1));
      count(counts, PersonError::MiddleNameInitial);
    } else {
      out.middle_names = std::string(person.middle_name);
    }
  }
  if (random.chance(rates_.forename_typo)) {
    out.forename = typo(out.forename, random);
    count(counts, PersonError::ForenameTypo);
  }
  if (random.chance(rates_.surname_typo)) {
    out.surname = typo(out.surname, random);
    count(counts, PersonError::SurnameTypo);
  }
  if (random.chance(rates_.all_upper_case)) {
    out.forename = ascii_upper(out.forename);
    out.middle_names = ascii_upper(out.middle_names);
    out.surname = ascii_upper(out.surname);
    count(counts, PersonError::AllUpperCase);
  } else if (random.chance(rates_.surname_upper_case)) {
    out.surname = ascii_upper(out.surname);
    count(counts, PersonError::SurnameUpperCase);
  }
  if (random.chance(rates_.names_swapped)) {
    std::swap(out.forename, out.surname);
    count(counts, PersonError::NamesSwapped);
  } else if (random.chance(rates_.surname_comma_forename)) {
    out.surname = ascii_upper(out.surname) + ", " + out.forename;
    out.forename.clear();
    count(counts, PersonError::SurnameCommaForename);
  }
  if (!out.forename.empty() && random.chance(rates_.forename_blank)) {
    out.forename.clear();
    count(counts, PersonError::ForenameBlank);
  }
  if (random.chance(rates_.surname_blank)) {
    out.surname.clear();
    count(counts, PersonError::SurnameBlank);
  }
}

void PersonErrorModel::render_dob(const TrueIdentity& person, RandomSource& random, PersonRecordFields& out,
                                  PersonErrorCounts& counts) const {
  if (random.chance(rates_.dob_blank)) {
    count(counts, PersonError::DobBlank);
    return;
  }
  CivilDate dob = person.dob;
  if (dob.day() <= 12 && dob.day() != dob.month() && random.chance(rates_.dob_day_month_swap)) {
    dob = *CivilDate::from_ymd(dob.year(), dob.day(), dob.month());
    count(counts, PersonError::DobDayMonthSwap);
  } else if (random.chance(rates_.dob_digit_typo)) {
    if (auto changed = digit_typo(dob, random)) {
      dob = *changed;
      count(counts, PersonError::DobDigitTypo);
    }
  } else if (random.chance(rates_.dob_first_of_january)) {
    dob = *CivilDate::from_ymd(dob.year(), 1, 1);
    count(counts, PersonError::DobFirstOfJanuary);
  }
  out.dob = dob;
}

void PersonErrorModel::render_identifiers(const TrueIdentity& person, RandomSource& random,
                                          const std::function<std::optional<PoliceNumber>(RandomSource&)>& another_pnc,
                                          PersonRecordFields& out, PersonErrorCounts& counts) const {
  if (person.pnc) {
    std::optional<PoliceNumber> pnc = person.pnc;
    if (random.chance(rates_.pnc_blank)) {
      pnc.reset();
      count(counts, PersonError::PncBlank);
    } else if (random.chance(rates_.pnc_other_person)) {
      if (auto other = another_pnc(random); other && (other->year != pnc->year || other->serial != pnc->serial)) {
        pnc = other;
        count(counts, PersonError::PncOtherPerson);
      }
    }
    if (pnc) {
      const bool short_year = random.chance(rates_.pnc_short_year);
      if (short_year) count(counts, PersonError::PncShortYear);
      out.pnc_id = format_pnc_id(*pnc, short_year);
      if (random.chance(rates_.pnc_digit_typo)) {
        const std::size_t serial_start = out.pnc_id.find('/') + 1;
        char& digit = out.pnc_id[serial_start + random.below(7)];
        digit = static_cast<char>('0' + (digit - '0' + random.between(1, 9)) % 10);
        count(counts, PersonError::PncDigitTypo);
      }
    }
  }
  if (person.cro) {
    if (random.chance(rates_.cro_blank)) {
      count(counts, PersonError::CroBlank);
    } else {
      out.cro_number = format_cro_number(*person.cro);
    }
  }
}

PersonRecordFields PersonErrorModel::render(const TrueIdentity& person, PersonKind kind, RandomSource& random,
                                            const std::function<std::optional<PoliceNumber>(RandomSource&)>& another_pnc,
                                            PersonErrorCounts& counts) const {
  PersonRecordFields out;
  render_names(person, random, out, counts);
  render_dob(person, random, out, counts);

  out.sex = person.sex == Sex::Male ? "M" : "F";
  if (random.chance(rates_.sex_blank)) {
    out.sex = {};
    count(counts, PersonError::SexBlank);
  } else if (random.chance(rates_.sex_unknown)) {
    out.sex = "U";
    count(counts, PersonError::SexUnknown);
  } else if (random.chance(rates_.sex_wrong)) {
    out.sex = person.sex == Sex::Male ? "F" : "M";
    count(counts, PersonError::SexWrong);
  }

  const double ethnicity_blank = kind == PersonKind::Victim    ? rates_.ethnicity_blank_victim
                                 : kind == PersonKind::Suspect ? rates_.ethnicity_blank_suspect
                                                               : rates_.ethnicity_blank_witness;
  out.ethnicity = person.ethnicity;
  if (random.chance(ethnicity_blank)) {
    out.ethnicity = {};
    count(counts, PersonError::EthnicityBlank);
  } else if (random.chance(rates_.ethnicity_not_stated)) {
    out.ethnicity = "NS";
    count(counts, PersonError::EthnicityNotStated);
  } else if (random.chance(rates_.ethnicity_wrong)) {
    const auto codes = ethnicity_shares();
    out.ethnicity = codes[random.below(codes.size())].value;
    count(counts, PersonError::EthnicityWrong);
  }

  out.disability = person.disabled ? "Y" : "N";
  if (random.chance(rates_.disability_blank)) {
    out.disability = {};
    count(counts, PersonError::DisabilityBlank);
  }

  const Address* address = &person.home;
  if (person.previous_home && random.chance(rates_.previous_address)) {
    address = &*person.previous_home;
    count(counts, PersonError::PreviousAddress);
  }
  if (random.chance(rates_.address_blank)) {
    count(counts, PersonError::AddressBlank);
  } else {
    out.address = address->line;
  }
  if (random.chance(rates_.postcode_blank)) {
    count(counts, PersonError::PostcodeBlank);
  } else if (random.chance(rates_.postcode_outward_only)) {
    out.postcode = address->postcode.substr(0, address->postcode.find(' '));
    count(counts, PersonError::PostcodeOutwardOnly);
  } else {
    out.postcode = address->postcode;
  }

  render_identifiers(person, random, another_pnc, out, counts);

  // A record must identify someone: if every name and number was lost, keep the surname.
  if (out.forename.empty() && out.surname.empty() && out.pnc_id.empty() && out.cro_number.empty()) {
    out.surname = person.surname;
  }
  return out;
}

}  // namespace rasso
