#include "analytics/kpi_facts.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/parallel_halves.h"
#include "core/victim_contact_deadline.h"

namespace rasso {
namespace {

using Cells = std::array<std::uint16_t, kKpiDimensionCount>;
constexpr std::int32_t kMissing = -1;

std::size_t dim(KpiDimension dimension) { return static_cast<std::size_t>(dimension); }

std::uint16_t label_index(const std::vector<std::string_view>& labels, std::string_view label) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == label) return static_cast<std::uint16_t>(i);
  }
  return static_cast<std::uint16_t>(labels.size() - 2);  // kNotRecorded is always second to last
}

// Category indexes of the fixed dimensions, precomputed from the label functions of
// kpi_dimension.h (the one place the categories are defined) so the per-crime loop only indexes
// small arrays.
struct CategoryTables {
  std::array<std::uint16_t, 122> age{};  // age 0-120; [121] = not recorded
  std::array<std::uint16_t, 256> sex{}, ethnicity_letter{}, disability{};
  std::uint16_t ethnicity_not_stated = 0, ethnicity_not_recorded = 0, sex_not_recorded = 0,
                disability_not_recorded = 0;

  CategoryTables() {
    const auto& ages = fixed_categories(KpiDimension::VictimAgeBand);
    for (int a = 0; a <= 120; ++a) age[static_cast<std::size_t>(a)] = label_index(ages, age_band(a));
    age[121] = label_index(ages, age_band(std::nullopt));
    const auto& sexes = fixed_categories(KpiDimension::VictimSex);
    const auto& ethnicities = fixed_categories(KpiDimension::VictimEthnicity);
    const auto& disabilities = fixed_categories(KpiDimension::VictimDisability);
    for (int c = 0; c < 256; ++c) {
      const char code[2] = {static_cast<char>(c), '1'};
      sex[static_cast<std::size_t>(c)] = label_index(sexes, sex_category(std::string_view(code, 1)));
      ethnicity_letter[static_cast<std::size_t>(c)] = label_index(ethnicities, ethnicity_group(std::string_view(code, 2)));
      disability[static_cast<std::size_t>(c)] = label_index(disabilities, disability_category(std::string_view(code, 1)));
    }
    ethnicity_not_stated = label_index(ethnicities, ethnicity_group("NS"));
    ethnicity_not_recorded = label_index(ethnicities, kNotRecorded);
    sex_not_recorded = label_index(sexes, kNotRecorded);
    disability_not_recorded = label_index(disabilities, kNotRecorded);
  }

  std::uint16_t age_of(std::optional<int> years) const {
    return years && *years >= 0 && *years <= 120 ? age[static_cast<std::size_t>(*years)] : age[121];
  }
  std::uint16_t sex_of(std::string_view code) const {
    return code.size() == 1 ? sex[static_cast<unsigned char>(code[0])] : sex_not_recorded;
  }
  std::uint16_t ethnicity_of(std::string_view code) const {
    if (code == "NS") return ethnicity_not_stated;
    return code.size() == 2 ? ethnicity_letter[static_cast<unsigned char>(code[0])] : ethnicity_not_recorded;
  }
  std::uint16_t disability_of(std::string_view code) const {
    return code.size() == 1 ? disability[static_cast<unsigned char>(code[0])] : disability_not_recorded;
  }
};

const CategoryTables& category_tables() {
  static const CategoryTables tables;
  return tables;
}

// Categories of force or unit: the codes seen, sorted, then "Not recorded" and "Not applicable".
std::vector<std::string> code_categories(const std::unordered_set<std::string_view>& seen) {
  std::vector<std::string> codes(seen.begin(), seen.end());
  std::sort(codes.begin(), codes.end());
  codes.erase(std::remove(codes.begin(), codes.end(), std::string()), codes.end());
  codes.emplace_back(kNotRecorded);
  codes.emplace_back(kNotApplicable);
  return codes;
}

std::unordered_map<std::string_view, std::uint16_t> index_of(const std::vector<std::string>& categories) {
  std::unordered_map<std::string_view, std::uint16_t> index;
  for (std::size_t i = 0; i + 2 < categories.size(); ++i) index.emplace(categories[i], static_cast<std::uint16_t>(i));
  return index;
}

std::uint16_t code_cell(const std::unordered_map<std::string_view, std::uint16_t>& index, std::string_view code,
                        std::size_t category_count) {
  const auto found = index.find(code);
  return found != index.end() ? found->second : static_cast<std::uint16_t>(category_count - 2);
}

std::optional<int> age_on(const std::optional<CivilDate>& dob, CivilDate on) {
  if (!dob || *dob > on) return std::nullopt;
  int years = on.year() - dob->year();
  if (on.month() < dob->month() || (on.month() == dob->month() && on.day() < dob->day())) --years;
  return years;
}

bool in_scope(const CrimeRecord& crime, const KpiInputs& inputs, CivilDate as_of) {
  if (crime.reported_date > as_of) return false;
  if (!inputs.force_code.empty() && crime.force_code != inputs.force_code) return false;
  return inputs.unit_ref.empty() || crime.unit_ref == inputs.unit_ref;
}

std::int32_t day_or_none(const std::optional<CivilDate>& date, CivilDate as_of) {
  return date && *date <= as_of ? date->days_since_epoch() : kNoDay;
}

// The Victims' Code deadlines, each day's worked out once: the working-day arithmetic walks the
// calendar, and a million crimes are reported, arrested and decided on a few thousand days.
class DeadlineMemo {
 public:
  DeadlineMemo(const BankHolidayCalendar& calendar, const SafeguardingConfig& config, std::int32_t first_day,
               std::int32_t last_day)
      : calendar_(calendar), config_(config), first_day_(first_day) {
    const std::size_t days = last_day >= first_day ? static_cast<std::size_t>(last_day - first_day) + 1 : 0;
    for (auto& memo : memos_) memo.assign(days, kNoDay);
  }

  std::int32_t key_decision_due(std::int32_t day, bool enhanced) {
    return memoised(enhanced ? kEnhanced : kStandard, day, [&](CivilDate date) {
      return key_decision_update_due(date, enhanced, calendar_, config_);
    });
  }
  std::int32_t isva_due(std::int32_t day) {
    return memoised(kIsva, day, [&](CivilDate date) { return isva_referral_due(date, calendar_, config_); });
  }

 private:
  enum Memo : std::size_t { kEnhanced, kStandard, kIsva, kMemoCount };

  template <typename Compute>
  std::int32_t memoised(Memo memo, std::int32_t day, Compute compute) {
    const auto offset = static_cast<std::size_t>(static_cast<std::int64_t>(day) - first_day_);
    if (day < first_day_ || offset >= memos_[memo].size()) return compute(CivilDate::from_days(day)).days_since_epoch();
    std::int32_t& due = memos_[memo][offset];
    if (due == kNoDay) due = compute(CivilDate::from_days(day)).days_since_epoch();
    return due;
  }

  const BankHolidayCalendar& calendar_;
  const SafeguardingConfig& config_;
  std::int32_t first_day_;
  std::array<std::vector<std::int32_t>, kMemoCount> memos_;
};

// Per-crime working state that does not outlive the build.
struct CrimeScratch {
  std::int32_t victim = kMissing, suspect = kMissing;  // person indexes
  std::optional<int> victim_age, suspect_age;
  std::int32_t arrest_due = kNoDay, outcome_due = kNoDay, isva_due = kNoDay;
};

class FactsBuilder {
 public:
  FactsBuilder(const KpiInputs& inputs, CivilDate as_of)
      : inputs_(inputs),
        tables_(*inputs.tables),
        as_of_(as_of),
        calendar_(inputs.calendar ? *inputs.calendar : empty_calendar_),
        links_(inputs.links && inputs.links->fits(tables_) ? *inputs.links : own_links_.emplace(link_tables(tables_))) {
    facts_.as_of = as_of;
  }

  // The passes that do not depend on each other run two at a time: the machines this runs on have
  // two cores or more, and a million crimes bring several million rows to read.
  KpiFacts build() {
    select_crimes();
    build_categories();
    in_parallel(
        [&] { read_involvements(); },
        [&] {
          read_arrests();
          add_breaches();
          add_orders();
          add_biometrics();
        });
    count_arrests();
    over_halves(facts_.crimes.size(), [&](std::size_t begin, std::size_t end) { read_outcomes_and_deadlines(begin, end); });
    read_contacts();
    mark_repeat_suspects();
    facts_.cells.resize(facts_.crimes.size());
    over_halves(facts_.crimes.size(), [&](std::size_t begin, std::size_t end) { assign_cells(begin, end); });
    add_unattributed_subject();
    add_officers();
    facts_.crime_rows = std::move(crime_rows_);
    return std::move(facts_);
  }

 private:
  void select_crimes() {
    fact_of_row_.assign(tables_.crimes.size(), kMissing);
    for (std::size_t i = 0; i < tables_.crimes.size(); ++i) {
      if (!in_scope(tables_.crimes[i], inputs_, as_of_)) continue;
      fact_of_row_[i] = static_cast<std::int32_t>(crime_rows_.size());
      crime_rows_.push_back(static_cast<std::uint32_t>(i));
    }
    facts_.crimes.resize(crime_rows_.size());
    facts_.unattributed_subject = static_cast<std::uint32_t>(crime_rows_.size());
    scratch_.resize(crime_rows_.size());
  }

  // The crime fact of a linked crime row: kMissing when there is none or it is out of scope.
  std::int32_t fact_of(RowIndex crime_row) const { return crime_row == kNoRow ? kMissing : fact_of_row_[crime_row]; }
  static std::int32_t row_or_missing(RowIndex row) { return row == kNoRow ? kMissing : static_cast<std::int32_t>(row); }

  const CrimeRecord& crime_record(std::size_t fact) const { return tables_.crimes[crime_rows_[fact]]; }

  bool officer_in_scope(const OfficerRecord& officer) const {
    if (!inputs_.force_code.empty() && officer.force_code != inputs_.force_code) return false;
    return inputs_.unit_ref.empty() || officer.unit_ref == inputs_.unit_ref;
  }

  void build_categories() {
    // A few dozen codes over a million rows: the previous row's code is tried before the set.
    std::unordered_set<std::string_view> forces, units;
    auto see = [](std::unordered_set<std::string_view>& codes, std::string_view& last, std::string_view code) {
      if (code == last) return;
      codes.insert(code);
      last = code;
    };
    std::string_view last_force, last_unit;
    for (std::size_t i = 0; i < crime_rows_.size(); ++i) {
      see(forces, last_force, crime_record(i).force_code);
      see(units, last_unit, crime_record(i).unit_ref);
    }
    for (const OfficerRecord& officer : tables_.officers) {
      if (!officer_in_scope(officer)) continue;
      see(forces, last_force, officer.force_code);
      see(units, last_unit, officer.unit_ref);
    }
    facts_.categories[dim(KpiDimension::Force)] = code_categories(forces);
    facts_.categories[dim(KpiDimension::Unit)] = code_categories(units);
    for (KpiDimension dimension : all_kpi_dimensions()) {
      if (dimension == KpiDimension::Force || dimension == KpiDimension::Unit) continue;
      for (std::string_view label : fixed_categories(dimension)) facts_.categories[dim(dimension)].emplace_back(label);
    }
    force_cells_ = index_of(facts_.categories[dim(KpiDimension::Force)]);
    unit_cells_ = index_of(facts_.categories[dim(KpiDimension::Unit)]);
    const auto& groups = fixed_categories(KpiDimension::OffenceGroup);
    if (inputs_.offences) {
      for (const auto& [code, info] : *inputs_.offences) {
        offence_group_cells_.emplace(code, label_index(groups, offence_group_category(info.group)));
      }
    }
  }

  // Victims and suspects of each crime (the first of each for the breakdowns), and the suspects
  // grouped by crime for count_arrests().
  void read_involvements() {
    for (std::size_t row = 0; row < tables_.involvements.size(); ++row) {
      const InvolvementRecord& involvement = tables_.involvements[row];
      if (involvement.role != InvolvementRole::Victim && involvement.role != InvolvementRole::Suspect) continue;
      const std::int32_t crime = fact_of(links_.involvement_crime[row]);
      if (crime == kMissing) continue;
      CrimeScratch& scratch = scratch_[static_cast<std::size_t>(crime)];
      const std::int32_t person = row_or_missing(links_.involvement_person[row]);
      const std::optional<int> age = involvement.age_at_offence ? involvement.age_at_offence : age_at_crime(person, crime);
      if (involvement.role == InvolvementRole::Victim) {
        if (scratch.victim == kMissing) {
          scratch.victim = person;
          scratch.victim_age = age;
        }
        continue;
      }
      KpiCrimeFact& fact = facts_.crimes[static_cast<std::size_t>(crime)];
      if (fact.named_suspects < UINT16_MAX) ++fact.named_suspects;
      if (scratch.suspect == kMissing) {
        scratch.suspect = person;
        scratch.suspect_age = age;
      }
      suspect_rows_.push_back({static_cast<std::uint32_t>(crime), static_cast<std::uint32_t>(row)});
    }
    group_suspects_by_crime();
  }

  // suspect_rows_ grouped by crime, stably (a counting sort): crime c's suspects are
  // suspect_rows_[suspect_offsets_[c], suspect_offsets_[c + 1]).
  void group_suspects_by_crime() {
    suspect_offsets_.assign(facts_.crimes.size() + 1, 0);
    for (const auto& [crime, row] : suspect_rows_) ++suspect_offsets_[crime + 1];
    for (std::size_t c = 1; c < suspect_offsets_.size(); ++c) suspect_offsets_[c] += suspect_offsets_[c - 1];
    std::vector<std::pair<std::uint32_t, std::uint32_t>> grouped(suspect_rows_.size());
    std::vector<std::uint32_t> next(suspect_offsets_.begin(), suspect_offsets_.end() - 1);
    for (const auto& suspect : suspect_rows_) grouped[next[suspect.first]++] = suspect;
    suspect_rows_ = std::move(grouped);
  }

  std::optional<int> age_at_crime(std::int32_t person, std::int32_t crime) const {
    if (person == kMissing) return std::nullopt;
    const CrimeRecord& record = crime_record(static_cast<std::size_t>(crime));
    return age_on(tables_.persons[static_cast<std::size_t>(person)].dob, record.committed_date.value_or(record.reported_date));
  }

  // Marks the suspects of `crime` whose record is `person_ref` as arrested.
  void mark_arrested(std::uint32_t crime, std::string_view person_ref, std::vector<char>& arrested) const {
    for (std::uint32_t i = suspect_offsets_[crime]; i < suspect_offsets_[crime + 1]; ++i) {
      if (tables_.involvements[suspect_rows_[i].second].person_ref == person_ref) arrested[i] = 1;
    }
  }

  // The crime of every arrest (for breaches of bail and s63G) and the arrest events. Runs beside
  // read_involvements(), so it writes nothing per crime: count_arrests() does that after.
  void read_arrests() {
    facts_.events.reserve(facts_.events.size() + tables_.arrests.size() * 3);
    arrest_crime_.reserve(tables_.arrests.size());
    for (std::size_t row = 0; row < tables_.arrests.size(); ++row) {
      const ArrestRecord& arrest = tables_.arrests[row];
      const std::int32_t crime = fact_of(links_.arrest_crime[row]);
      arrest_crime_.push_back(crime);
      if (crime == kMissing || arrest.arrest_date > as_of_) continue;
      const auto subject = static_cast<std::uint32_t>(crime);
      const std::int32_t day = arrest.arrest_date.days_since_epoch();
      add_event(subject, day, KpiMeasureId::Arrests, 1, 0);
      if (arrest.disposal == ArrestDisposal::PreChargeBail) {
        add_event(subject, day, KpiMeasureId::PreChargeBailReleases, 1, 0);
        add_event(subject, day, KpiMeasureId::PreChargeBailShare, 1, 1);
      } else if (arrest.disposal == ArrestDisposal::ReleasedUnderInvestigation) {
        add_event(subject, day, KpiMeasureId::RuiReleases, 1, 0);
        add_event(subject, day, KpiMeasureId::PreChargeBailShare, 0, 1);
      }
    }
  }

  // Each crime's first arrest, and how many of its named suspects were arrested for it.
  void count_arrests() {
    std::vector<char> arrested(suspect_rows_.size(), 0);
    for (std::size_t row = 0; row < tables_.arrests.size(); ++row) {
      const ArrestRecord& arrest = tables_.arrests[row];
      const std::int32_t crime = arrest_crime_[row];
      if (crime == kMissing || arrest.arrest_date > as_of_) continue;
      KpiCrimeFact& fact = facts_.crimes[static_cast<std::size_t>(crime)];
      const std::int32_t day = arrest.arrest_date.days_since_epoch();
      if (fact.first_arrest == kNoDay || day < fact.first_arrest) fact.first_arrest = day;
      mark_arrested(static_cast<std::uint32_t>(crime), arrest.person_ref, arrested);
    }
    for (std::size_t i = 0; i < suspect_rows_.size(); ++i) {
      if (!arrested[i]) continue;
      KpiCrimeFact& fact = facts_.crimes[suspect_rows_[i].first];
      if (fact.arrested_suspects < UINT16_MAX) ++fact.arrested_suspects;
    }
    suspect_rows_.clear();
    suspect_rows_.shrink_to_fit();
    suspect_offsets_.clear();
    suspect_offsets_.shrink_to_fit();
  }

  // Outcomes, officers and the Victims' Code deadlines of crimes [begin, end).
  void read_outcomes_and_deadlines(std::size_t begin, std::size_t end) {
    const SafeguardingConfig& config = inputs_.config;
    std::int32_t first_day = as_of_.days_since_epoch();
    for (std::size_t i = begin; i < end; ++i) first_day = std::min(first_day, crime_record(i).reported_date.days_since_epoch());
    DeadlineMemo deadlines(calendar_, config, first_day, as_of_.days_since_epoch());
    for (std::size_t i = begin; i < end; ++i) {
      const CrimeRecord& record = crime_record(i);
      KpiCrimeFact& fact = facts_.crimes[i];
      CrimeScratch& scratch = scratch_[i];
      fact.reported = record.reported_date.days_since_epoch();
      if (record.outcome_code != 0 && record.outcome_date && *record.outcome_date <= as_of_) {
        fact.outcome = record.outcome_date->days_since_epoch();
        fact.outcome_code = static_cast<std::uint8_t>(std::clamp(record.outcome_code, 0, 255));
        fact.nfa_outcome = is_nfa_outcome(record.outcome_code, config);
      }
      fact.officer = row_or_missing(links_.crime_officer[crime_rows_[i]]);
      fact.hour = static_cast<std::int8_t>(record.committed_minute < 0 ? -1 : record.committed_minute / 60);
      fact.weekday = static_cast<std::int8_t>(record.committed_date.value_or(record.reported_date).iso_weekday());
      const bool disabled = scratch.victim != kMissing && tables_.persons[static_cast<std::size_t>(scratch.victim)].disabled;
      const bool enhanced = has_enhanced_rights(record.child_victim, disabled, config);
      if (fact.first_arrest != kNoDay) {
        scratch.arrest_due = deadlines.key_decision_due(fact.first_arrest, enhanced);
      }
      if (fact.outcome != kNoDay) {
        scratch.outcome_due = deadlines.key_decision_due(fact.outcome, enhanced);
      }
      scratch.isva_due = deadlines.isva_due(fact.reported);
    }
  }

  // What the victim contacts show for each crime, as bits of ContactFlag.
  enum ContactFlag : std::uint8_t {
    kIsvaReferred = 1,
    kIsvaOnTime = 2,
    kNfaExplained = 4,
    kArrestUpdateOnTime = 8,
    kOutcomeUpdateOnTime = 16,
  };

  // The contacts in two halves on two threads; each half gathers its flags by crime apart (a
  // crime's contacts may be in both), and they are merged after.
  void read_contacts() {
    const std::size_t count = tables_.victim_contacts.size();
    std::vector<std::uint8_t> first(facts_.crimes.size(), 0), second(facts_.crimes.size(), 0);
    in_parallel([&] { read_contacts(0, count / 2, first); }, [&] { read_contacts(count / 2, count, second); });
    for (std::size_t i = 0; i < facts_.crimes.size(); ++i) {
      const std::uint8_t flags = first[i] | second[i];
      if (flags == 0) continue;
      KpiCrimeFact& fact = facts_.crimes[i];
      fact.isva_referred = (flags & kIsvaReferred) != 0;
      fact.isva_on_time = (flags & kIsvaOnTime) != 0;
      fact.nfa_explained = (flags & kNfaExplained) != 0;
      fact.arrest_update_on_time = (flags & kArrestUpdateOnTime) != 0;
      fact.outcome_update_on_time = (flags & kOutcomeUpdateOnTime) != 0;
    }
  }

  void read_contacts(std::size_t begin, std::size_t end, std::vector<std::uint8_t>& flags) const {
    for (std::size_t row = begin; row < end; ++row) {
      const VictimContactRecord& contact = tables_.victim_contacts[row];
      if (contact.contact_date > as_of_) continue;
      const std::int32_t crime = fact_of(links_.contact_crime[row]);
      if (crime == kMissing) continue;
      const KpiCrimeFact& fact = facts_.crimes[static_cast<std::size_t>(crime)];
      const CrimeScratch& scratch = scratch_[static_cast<std::size_t>(crime)];
      std::uint8_t& found = flags[static_cast<std::size_t>(crime)];
      const std::int32_t day = contact.contact_date.days_since_epoch();
      switch (contact.purpose) {
        case ContactPurpose::IsvaReferral:
          found |= kIsvaReferred;
          if (day <= scratch.isva_due) found |= kIsvaOnTime;
          break;
        case ContactPurpose::NfaExplained:
          if (fact.nfa_outcome && day >= fact.outcome) found |= kNfaExplained;
          [[fallthrough]];
        case ContactPurpose::Decision:
        case ContactPurpose::Update:
          if (fact.first_arrest != kNoDay && day >= fact.first_arrest && day <= scratch.arrest_due) found |= kArrestUpdateOnTime;
          if (fact.outcome != kNoDay && day >= fact.outcome && day <= scratch.outcome_due) found |= kOutcomeUpdateOnTime;
          break;
        default: break;
      }
    }
  }

  void mark_repeat_suspects() {
    if (!inputs_.repeat_suspects) return;
    facts_.repeat_suspects_available = true;
    const auto nth = static_cast<std::size_t>(std::max(1, inputs_.repeat_min_crimes) - 1);
    for (const RepeatSuspect& suspect : *inputs_.repeat_suspects) {
      bool in_scope_crime = false;
      for (const SuspectCrime& crime : suspect.crimes) {
        if (crime.crime_row >= tables_.crimes.size() || tables_.crimes[crime.crime_row].crime_ref != crime.crime_ref) {
          throw std::invalid_argument("KPI facts: repeat suspect crime " + crime.crime_ref +
                                      " was not found over these crimes (find_repeat_suspects over other tables?)");
        }
        const std::int32_t index = fact_of(crime.crime_row);
        if (index == kMissing) continue;
        facts_.crimes[static_cast<std::size_t>(index)].names_repeat_suspect = true;
        in_scope_crime = true;
      }
      if (in_scope_crime && suspect.crimes.size() > nth) {
        facts_.repeat_suspect_since.push_back(suspect.crimes[nth].reported_date.days_since_epoch());
      }
    }
  }

  // The breakdown cells of crimes [begin, end) (facts_.cells is sized already).
  void assign_cells(std::size_t begin, std::size_t end) {
    const CategoryTables& tables = category_tables();
    const std::size_t forces = facts_.categories[dim(KpiDimension::Force)].size();
    const std::size_t units = facts_.categories[dim(KpiDimension::Unit)].size();
    const std::uint16_t group_not_recorded = label_index(fixed_categories(KpiDimension::OffenceGroup), kNotRecorded);
    for (std::size_t i = begin; i < end; ++i) {
      const CrimeRecord& record = crime_record(i);
      const CrimeScratch& scratch = scratch_[i];
      Cells& cells = facts_.cells[i];
      cells[dim(KpiDimension::Force)] = code_cell(force_cells_, record.force_code, forces);
      cells[dim(KpiDimension::Unit)] = code_cell(unit_cells_, record.unit_ref, units);
      const auto group = offence_group_cells_.find(record.offence_code);
      cells[dim(KpiDimension::OffenceGroup)] = group != offence_group_cells_.end() ? group->second : group_not_recorded;
      assign_person_cells(cells, scratch.victim, scratch.victim_age, KpiDimension::VictimAgeBand, tables);
      assign_person_cells(cells, scratch.suspect, scratch.suspect_age, KpiDimension::SuspectAgeBand, tables);
    }
  }

  // The subject after the crimes: breaches and orders that name no crime count under it.
  void add_unattributed_subject() {
    scratch_.clear();
    scratch_.shrink_to_fit();
    Cells unattributed{};
    for (KpiDimension dimension : all_kpi_dimensions()) {
      unattributed[dim(dimension)] = static_cast<std::uint16_t>(facts_.categories[dim(dimension)].size() - 2);
    }
    facts_.cells.push_back(unattributed);
  }

  // Age band, sex, ethnicity and disability of a person, on the four dimensions from `first`.
  void assign_person_cells(Cells& cells, std::int32_t person, const std::optional<int>& age, KpiDimension first,
                           const CategoryTables& tables) const {
    const std::size_t base = dim(first);
    cells[base] = tables.age_of(age);
    const PersonRecord* record = person == kMissing ? nullptr : &tables_.persons[static_cast<std::size_t>(person)];
    cells[base + 1] = tables.sex_of(record ? std::string_view(record->sex) : std::string_view());
    cells[base + 2] = tables.ethnicity_of(record ? std::string_view(record->ethnicity) : std::string_view());
    cells[base + 3] = tables.disability_of(record ? std::string_view(record->disability) : std::string_view());
  }

  void add_event(std::uint32_t subject, std::int32_t day, KpiMeasureId measure, int numerator, int denominator,
                 std::int32_t value = 0) {
    facts_.events.push_back({subject, day, value, measure, static_cast<std::int8_t>(numerator),
                             static_cast<std::int8_t>(denominator)});
  }

  std::int32_t arrest_crime(RowIndex arrest) const {
    return arrest == kNoRow ? kMissing : arrest_crime_[arrest];
  }

  // The subject an order counts under: its crime, "not attributed" when it names none (or there
  // is no order), or nullopt when its crime is outside the force/unit filter or not found.
  std::optional<std::uint32_t> subject_of_order(RowIndex order) const {
    if (order == kNoRow || tables_.orders[order].crime_ref.empty()) {
      return filtered() ? std::nullopt : std::optional<std::uint32_t>(facts_.unattributed_subject);
    }
    const std::int32_t crime = fact_of(links_.order_crime[order]);
    if (crime == kMissing) return std::nullopt;
    return static_cast<std::uint32_t>(crime);
  }

  bool filtered() const { return !inputs_.force_code.empty() || !inputs_.unit_ref.empty(); }

  void add_breaches() {
    for (std::size_t row = 0; row < tables_.breaches.size(); ++row) {
      const BreachRecord& breach = tables_.breaches[row];
      if (breach.reported_date > as_of_) continue;
      std::optional<std::uint32_t> subject;
      if (breach.breach_of == BreachOf::Bail) {
        const RowIndex bail = links_.breach_bail[row];
        const std::int32_t crime = bail == kNoRow ? kMissing : arrest_crime(links_.bail_arrest[bail]);
        if (crime != kMissing) subject = static_cast<std::uint32_t>(crime);
      } else {
        subject = subject_of_order(links_.breach_order[row]);
      }
      if (!subject) continue;
      const std::int32_t day = breach.reported_date.days_since_epoch();
      const bool answered = breach.responded_by(as_of_);
      add_event(*subject, day, KpiMeasureId::BreachesReported, 1, 0);
      add_event(*subject, day, KpiMeasureId::BreachesAnsweredRate, answered ? 1 : 0, 1);
      if (answered && breach.response_date) {
        add_event(*subject, day, KpiMeasureId::BreachResponseDaysMedian, 0, 0,
                  breach.reported_date.days_until(*breach.response_date));
      }
    }
  }

  void add_orders() {
    for (std::size_t row = 0; row < tables_.orders.size(); ++row) {
      const OrderRecord& order = tables_.orders[row];
      const std::optional<std::uint32_t> subject = subject_of_order(static_cast<RowIndex>(row));
      if (!subject) continue;
      if (order.applied_date && *order.applied_date <= as_of_) {
        add_event(*subject, order.applied_date->days_since_epoch(), KpiMeasureId::OrdersAppliedFor, 1, 0);
      }
      const bool was_made = order.status == OrderStatus::Made || order.status == OrderStatus::Discharged ||
                            order.status == OrderStatus::Expired;
      if (!was_made || !order.start_date || *order.start_date > as_of_) continue;
      std::int32_t end = kNoDay;
      if (order.end_date && !order.until_further_order) end = order.end_date->days_since_epoch();
      facts_.orders.push_back({*subject, order.start_date->days_since_epoch(), end});
    }
  }

  void add_biometrics() {
    for (std::size_t row = 0; row < tables_.biometrics.size(); ++row) {
      const BiometricRecord& biometric = tables_.biometrics[row];
      const std::int32_t crime = arrest_crime(links_.biometric_arrest[row]);
      if (crime == kMissing) continue;
      const auto subject = static_cast<std::uint32_t>(crime);
      if (biometric.application_date && *biometric.application_date <= as_of_) {
        add_event(subject, biometric.application_date->days_since_epoch(), KpiMeasureId::S63gApplications, 1, 0);
      }
      const bool decided = biometric.decision == S63gDecision::Granted || biometric.decision == S63gDecision::Refused;
      if (decided && biometric.decision_date && *biometric.decision_date <= as_of_) {
        add_event(subject, biometric.decision_date->days_since_epoch(), KpiMeasureId::S63gSuccessRate,
                  biometric.decision == S63gDecision::Granted ? 1 : 0, 1);
      }
    }
  }

  void add_officers() {
    std::unordered_map<std::string_view, bool> rasso_unit;
    for (const UnitRecord& unit : tables_.units) {
      rasso_unit[unit.unit_ref] = std::find(inputs_.rasso_unit_types.begin(), inputs_.rasso_unit_types.end(),
                                            unit.unit_type) != inputs_.rasso_unit_types.end();
    }
    const std::size_t forces = facts_.categories[dim(KpiDimension::Force)].size();
    const std::size_t units = facts_.categories[dim(KpiDimension::Unit)].size();
    facts_.officers.resize(tables_.officers.size());
    for (std::size_t i = 0; i < tables_.officers.size(); ++i) {
      const OfficerRecord& officer = tables_.officers[i];
      KpiOfficerFact& fact = facts_.officers[i];
      fact.courses.resize(inputs_.required_courses.size());
      if (!officer_in_scope(officer)) {  // keeps its slot (crimes index officers by row) but counts nowhere
        fact.subject = kNoSubject;
        continue;
      }
      Cells cells{};
      for (KpiDimension dimension : all_kpi_dimensions()) {
        cells[dim(dimension)] = static_cast<std::uint16_t>(facts_.categories[dim(dimension)].size() - 1);
      }
      cells[dim(KpiDimension::Force)] = code_cell(force_cells_, officer.force_code, forces);
      cells[dim(KpiDimension::Unit)] = code_cell(unit_cells_, officer.unit_ref, units);
      fact.subject = static_cast<std::uint32_t>(facts_.cells.size());
      facts_.cells.push_back(cells);
      fact.start = day_or_none(officer.start_date, CivilDate::from_days(INT32_MAX));
      fact.leave = day_or_none(officer.leave_date, CivilDate::from_days(INT32_MAX));
      const auto unit = rasso_unit.find(officer.unit_ref);
      fact.in_rasso_unit = unit != rasso_unit.end() && unit->second;
    }
    for (std::size_t row = 0; row < tables_.training.size(); ++row) {
      const TrainingRecord& training = tables_.training[row];
      const std::int32_t officer = row_or_missing(links_.training_officer[row]);
      if (officer == kMissing) continue;
      for (std::size_t c = 0; c < inputs_.required_courses.size(); ++c) {
        if (inputs_.required_courses[c] != training.course_code) continue;
        facts_.officers[static_cast<std::size_t>(officer)].courses[c].emplace_back(
            training.completed_date.days_since_epoch(), training.expiry_date ? training.expiry_date->days_since_epoch() : kNoDay);
      }
    }
  }

  const KpiInputs& inputs_;
  const ExtractTables& tables_;
  CivilDate as_of_;
  BankHolidayCalendar empty_calendar_;
  const BankHolidayCalendar& calendar_;
  std::optional<TableLinks> own_links_;  // when the inputs bring none that fit
  const TableLinks& links_;
  KpiFacts facts_;
  std::vector<std::uint32_t> crime_rows_;  // fact index -> row of tables_.crimes
  std::vector<std::int32_t> fact_of_row_;  // row of tables_.crimes -> fact index (or kMissing)
  std::vector<CrimeScratch> scratch_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> suspect_rows_;  // (crime fact, involvement row)
  std::vector<std::uint32_t> suspect_offsets_;  // by crime fact, into suspect_rows_
  std::vector<std::int32_t> arrest_crime_;  // arrest row -> crime fact (or kMissing)
  std::unordered_map<std::string_view, std::uint16_t> force_cells_, unit_cells_;
  std::unordered_map<std::string_view, std::uint16_t> offence_group_cells_;
};

}  // namespace

KpiFacts build_kpi_facts(const KpiInputs& inputs, CivilDate as_of) { return FactsBuilder(inputs, as_of).build(); }

std::optional<std::uint16_t> find_category(const KpiFacts& facts, KpiDimension dimension, std::string_view label) {
  const auto& labels = facts.categories[dim(dimension)];
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == label) return static_cast<std::uint16_t>(i);
  }
  return std::nullopt;
}

}  // namespace rasso
