#pragma once
// PersonErrorModel: turns a true identity into one person record as an RMS would hold it, with
// the errors real records carry — typos, nicknames, swapped or capitalised names, day/month
// swaps and digit slips in dates of birth, blank fields, moved addresses, missing or wrong PNC
// IDs — each at a documented, configurable rate. Counts of every error applied are kept so the
// generator can report what it planted.

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"
#include "generator/name_data.h"
#include "generator/person_identity.h"
#include "generator/random_source.h"

namespace rasso {

/// Probability of each error per person record (0..1). Rates marked "of ..." apply only to the
/// records where the error is possible (e.g. a nickname needs a forename that has one).
struct PersonErrorRates {
  double forename_typo = 0.03;          // one character inserted, deleted, substituted or transposed
  double surname_typo = 0.03;
  double nickname = 0.10;               // of forenames with a known short form: Robert -> Bob
  double names_swapped = 0.01;          // forename and surname entered in each other's field
  double surname_upper_case = 0.10;     // SMITH
  double all_upper_case = 0.04;         // ROBERT SMITH
  double surname_comma_forename = 0.01; // "SMITH, Robert" typed into the surname field, forename blank
  double forename_blank = 0.02;
  double surname_blank = 0.01;
  double middle_name_dropped = 0.30;    // of people with a middle name
  double middle_name_initial = 0.10;    // of people with a middle name: just its initial
  double alternative_surname = 0.40;    // of people with a second (previous or married) surname
  double dob_blank = 0.04;
  double dob_day_month_swap = 0.015;    // of dates with day <= 12 and day != month
  double dob_digit_typo = 0.015;        // one digit of day, month or year wrong
  double dob_first_of_january = 0.005;  // only the year known: entered as 1 January
  double sex_blank = 0.03;
  double sex_unknown = 0.01;            // recorded as U
  double sex_wrong = 0.003;
  double ethnicity_blank_victim = 0.50; // "not recorded"; HMICFRS found 61% missing for victims
  double ethnicity_blank_suspect = 0.25;
  double ethnicity_blank_witness = 0.60;
  double ethnicity_not_stated = 0.05;   // NS: asked, not given
  double ethnicity_wrong = 0.02;        // another code (officer-perceived, mis-keyed)
  double disability_blank = 0.60;
  double address_blank = 0.12;
  double previous_address = 0.50;       // of people who have moved: the record holds the old address
  double postcode_blank = 0.10;
  double postcode_outward_only = 0.05;  // "B15"
  double pnc_blank = 0.30;              // of people who have a PNC ID
  double pnc_short_year = 0.10;         // of PNC IDs written: YY/NNNNNNNL form
  double pnc_digit_typo = 0.003;        // of PNC IDs written: one serial digit wrong (check fails)
  double pnc_other_person = 0.005;      // of records of people with a PNC ID: someone else's
  double cro_blank = 0.40;              // of people who have a CRO number
};

/// The kinds of error counted, in the order of error_kind_name().
enum class PersonError : std::size_t {
  ForenameTypo, SurnameTypo, Nickname, NamesSwapped, SurnameUpperCase, AllUpperCase, SurnameCommaForename,
  ForenameBlank, SurnameBlank, MiddleNameDropped, MiddleNameInitial, AlternativeSurname, DobBlank,
  DobDayMonthSwap, DobDigitTypo, DobFirstOfJanuary, SexBlank, SexUnknown, SexWrong, EthnicityBlank,
  EthnicityNotStated, EthnicityWrong, DisabilityBlank, AddressBlank, PreviousAddress, PostcodeBlank,
  PostcodeOutwardOnly, PncBlank, PncShortYear, PncDigitTypo, PncOtherPerson, CroBlank, Count
};
inline constexpr std::size_t kPersonErrorKinds = static_cast<std::size_t>(PersonError::Count);

/// Stable snake_case name of an error kind, as used in planted.json ("forename_typo").
std::string_view error_kind_name(PersonError kind);

using PersonErrorCounts = std::array<std::size_t, kPersonErrorKinds>;

/// One person record's fields as written (empty string = blank), in persons.csv terms.
struct PersonRecordFields {
  std::string forename;
  std::string middle_names;
  std::string surname;
  std::optional<CivilDate> dob;
  std::string_view sex;        // M, F, U or blank
  std::string_view ethnicity;  // code or blank
  std::string_view disability; // Y, N or blank
  std::string address;
  std::string postcode;
  std::string pnc_id;
  std::string cro_number;
};

class PersonErrorModel {
 public:
  PersonErrorModel(const NameData& names, const PersonErrorRates& rates);

  /// One record of `person` seen in the role `kind`. `another_pnc` gives some other person's PNC
  /// ID when the model decides to plant a wrong one. Adds each error applied to `counts`.
  PersonRecordFields render(const TrueIdentity& person, PersonKind kind, RandomSource& random,
                            const std::function<std::optional<PoliceNumber>(RandomSource&)>& another_pnc,
                            PersonErrorCounts& counts) const;

 private:
  void render_names(const TrueIdentity& person, RandomSource& random, PersonRecordFields& out,
                    PersonErrorCounts& counts) const;
  void render_dob(const TrueIdentity& person, RandomSource& random, PersonRecordFields& out,
                  PersonErrorCounts& counts) const;
  void render_identifiers(const TrueIdentity& person, RandomSource& random,
                          const std::function<std::optional<PoliceNumber>(RandomSource&)>& another_pnc,
                          PersonRecordFields& out, PersonErrorCounts& counts) const;

  const NameData& names_;
  PersonErrorRates rates_;
};

/// `name` with one random edit: insert, delete, substitute (a neighbouring key) or transpose.
/// Names shorter than 3 characters are returned unchanged.
std::string typo(std::string_view name, RandomSource& random);

}  // namespace rasso
