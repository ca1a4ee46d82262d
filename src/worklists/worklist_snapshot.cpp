#include "worklists/worklist_snapshot.h"

#include <algorithm>
#include <limits>

namespace rasso {
namespace {

template <typename Record, typename KeyOf>
RefIndex index_by(const std::vector<Record>& records, KeyOf key_of) {
  std::vector<std::string_view> keys;
  keys.reserve(records.size());
  for (const Record& record : records) keys.push_back(key_of(record));
  return RefIndex(std::move(keys));
}

// Stable counting sort of `records` by `group_of` (rows with kNoRow go last), applying the same
// order to `group_of`. Returns offsets: the rows of group g are [offsets[g], offsets[g + 1]).
// Rows that already arrive in group order (the usual case: a store reads them in key order) are
// left where they are.
template <typename Record>
std::vector<RowIndex> regroup(std::vector<Record>& records, std::vector<RowIndex>& group_of, std::size_t groups) {
  std::vector<RowIndex> offsets(groups + 2, 0);
  for (RowIndex group : group_of) ++offsets[(group == kNoRow ? groups : group) + 1];
  for (std::size_t g = 1; g < offsets.size(); ++g) offsets[g] += offsets[g - 1];
  if (std::is_sorted(group_of.begin(), group_of.end())) {  // kNoRow is the largest RowIndex
    offsets.pop_back();
    return offsets;
  }
  std::vector<RowIndex> next(offsets.begin(), offsets.end() - 1);
  std::vector<Record> sorted(records.size());
  std::vector<RowIndex> sorted_groups(records.size());
  for (std::size_t row = 0; row < records.size(); ++row) {
    const RowIndex group = group_of[row];
    const RowIndex to = next[group == kNoRow ? groups : group]++;
    sorted[to] = std::move(records[row]);
    sorted_groups[to] = group;
  }
  records.swap(sorted);
  group_of.swap(sorted_groups);
  offsets.pop_back();  // the unresolved rows follow offsets[groups]
  return offsets;
}

// Child rows usually arrive grouped by parent (a store reads them in key order, and keys are
// allotted per case), so the previous answer is checked before the hash table.
class RepeatLookup {
 public:
  explicit RepeatLookup(const RefIndex& index) : index_(index) {}
  RowIndex find(std::string_view key) {
    if (key != last_key_) {
      last_key_ = key;
      last_row_ = index_.find(key);
    }
    return last_row_;
  }

 private:
  const RefIndex& index_;
  std::string_view last_key_;
  RowIndex last_row_ = kNoRow;
};

}  // namespace

WorklistSnapshot::WorklistSnapshot(ExtractTables inputs) : tables_(std::move(inputs)) {
  link_crimes_and_people();
  link_involvements();
  link_arrests();
  link_bail_periods();
  link_orders_and_breaches();
  link_contacts();
  link_biometrics();
}

template <typename Index>
RowIndex WorklistSnapshot::resolve(Index& index, std::string_view ref) {
  const RowIndex row = index.find(ref);
  if (row == kNoRow && !ref.empty()) ++unresolved_references_;
  return row;
}

void WorklistSnapshot::link_crimes_and_people() {
  crime_index_ = index_by(tables_.crimes, [](const CrimeRecord& r) -> std::string_view { return r.crime_ref; });
  person_index_ = index_by(tables_.persons, [](const PersonRecord& r) -> std::string_view { return r.person_ref; });
  officer_index_ = index_by(tables_.officers, [](const OfficerRecord& r) -> std::string_view { return r.officer_ref; });
  crime_officer_.reserve(tables_.crimes.size());
  for (const CrimeRecord& crime : tables_.crimes) crime_officer_.push_back(resolve(officer_index_, crime.officer_ref));
}

void WorklistSnapshot::link_involvements() {
  std::vector<RowIndex> crime_of;
  crime_of.reserve(tables_.involvements.size());
  RepeatLookup crimes(crime_index_);
  for (const InvolvementRecord& involvement : tables_.involvements) {
    crime_of.push_back(resolve(crimes, involvement.crime_ref));
  }
  crime_involvements_ = regroup(tables_.involvements, crime_of, tables_.crimes.size());
  involvement_person_.reserve(tables_.involvements.size());
  crime_victims_.assign(tables_.crimes.size(), 0);
  for (std::size_t row = 0; row < tables_.involvements.size(); ++row) {
    const InvolvementRecord& involvement = tables_.involvements[row];
    involvement_person_.push_back(resolve(person_index_, involvement.person_ref));
    const RowIndex crime = crime_of[row];
    if (involvement.role == InvolvementRole::Victim && crime != kNoRow && crime_victims_[crime] < UINT16_MAX) {
      ++crime_victims_[crime];
    }
  }
}

void WorklistSnapshot::link_arrests() {
  arrest_crime_.reserve(tables_.arrests.size());
  for (const ArrestRecord& arrest : tables_.arrests) arrest_crime_.push_back(resolve(crime_index_, arrest.crime_ref));
  crime_arrests_ = regroup(tables_.arrests, arrest_crime_, tables_.crimes.size());
  for (std::size_t crime = 0; crime < tables_.crimes.size(); ++crime) {
    const auto first = tables_.arrests.begin() + crime_arrests_[crime];
    const auto last = tables_.arrests.begin() + crime_arrests_[crime + 1];
    if (last - first > 1) {
      std::stable_sort(first, last, [](const ArrestRecord& a, const ArrestRecord& b) { return a.arrest_date < b.arrest_date; });
    }
  }
  arrest_index_ = index_by(tables_.arrests, [](const ArrestRecord& r) -> std::string_view { return r.arrest_ref; });
}

void WorklistSnapshot::link_bail_periods() {
  bail_arrest_.reserve(tables_.bail_periods.size());
  RepeatLookup arrests(arrest_index_);
  for (const BailPeriodRecord& period : tables_.bail_periods) bail_arrest_.push_back(resolve(arrests, period.arrest_ref));
  arrest_bail_ = regroup(tables_.bail_periods, bail_arrest_, tables_.arrests.size());
  for (std::size_t arrest = 0; arrest < tables_.arrests.size(); ++arrest) {
    const auto first = tables_.bail_periods.begin() + arrest_bail_[arrest];
    const auto last = tables_.bail_periods.begin() + arrest_bail_[arrest + 1];
    if (last - first > 1) {
      std::stable_sort(first, last, [](const BailPeriodRecord& a, const BailPeriodRecord& b) {
        return a.period_number < b.period_number;
      });
    }
  }
  bail_index_ = index_by(tables_.bail_periods, [](const BailPeriodRecord& r) -> std::string_view { return r.bail_ref; });
}

void WorklistSnapshot::link_orders_and_breaches() {
  order_index_ = index_by(tables_.orders, [](const OrderRecord& r) -> std::string_view { return r.order_ref; });
  for (const OrderRecord& order : tables_.orders) {
    order_crime_.push_back(resolve(crime_index_, order.crime_ref));
    order_subject_.push_back(resolve(person_index_, order.subject_person_ref));
  }
  breach_index_ = index_by(tables_.breaches, [](const BreachRecord& r) -> std::string_view { return r.breach_ref; });
  for (const BreachRecord& breach : tables_.breaches) {
    const RowIndex bail = resolve(bail_index_, breach.bail_ref);
    const RowIndex order = resolve(order_index_, breach.order_ref);
    RowIndex crime = kNoRow;
    if (bail != kNoRow && bail_arrest_[bail] != kNoRow) crime = arrest_crime_[bail_arrest_[bail]];
    if (crime == kNoRow && order != kNoRow) crime = order_crime_[order];
    if (crime == kNoRow) crime = resolve(crime_index_, breach.new_crime_ref);
    breach_bail_.push_back(bail);
    breach_order_.push_back(order);
    breach_crime_.push_back(crime);
  }
}

void WorklistSnapshot::link_contacts() {
  std::vector<ContactFact> facts;
  std::vector<RowIndex> crime_of;
  facts.reserve(tables_.victim_contacts.size());
  crime_of.reserve(tables_.victim_contacts.size());
  RepeatLookup crimes(crime_index_);
  for (const VictimContactRecord& contact : tables_.victim_contacts) {
    const RowIndex crime = resolve(crimes, contact.crime_ref);
    if (crime == kNoRow) continue;
    const RowIndex victim = find_victim(crime, contact.person_ref);
    if (victim == kNoRow) {
      ++unmatched_contacts_;
      continue;
    }
    const int frequency = std::clamp(contact.agreed_frequency_days.value_or(0), 0,
                                     static_cast<int>(std::numeric_limits<std::uint16_t>::max()));
    facts.push_back({contact.contact_date, victim, contact.purpose, static_cast<std::uint16_t>(frequency)});
    crime_of.push_back(crime);
  }
  crime_contacts_ = regroup(facts, crime_of, tables_.crimes.size());
  contact_facts_ = std::move(facts);
}

void WorklistSnapshot::link_biometrics() {
  biometric_index_ =
      index_by(tables_.biometrics, [](const BiometricRecord& r) -> std::string_view { return r.biometric_ref; });
  biometric_arrest_.reserve(tables_.biometrics.size());
  for (const BiometricRecord& biometric : tables_.biometrics) {
    biometric_arrest_.push_back(resolve(arrest_index_, biometric.arrest_ref));
  }
}

RowIndex WorklistSnapshot::find_victim(RowIndex crime, std::string_view person_ref) const {
  for (RowIndex row = crime_involvements_[crime]; row < crime_involvements_[crime + 1]; ++row) {
    const InvolvementRecord& involvement = tables_.involvements[row];
    if (involvement.role == InvolvementRole::Victim && involvement.person_ref == person_ref) return row;
  }
  return kNoRow;
}

std::span<const InvolvementRecord> WorklistSnapshot::involvements_of(RowIndex crime) const {
  return std::span<const InvolvementRecord>(tables_.involvements)
      .subspan(crime_involvements_[crime], crime_involvements_[crime + 1] - crime_involvements_[crime]);
}

std::span<const BailPeriodRecord> WorklistSnapshot::bail_periods_of(RowIndex arrest) const {
  return std::span<const BailPeriodRecord>(tables_.bail_periods)
      .subspan(arrest_bail_[arrest], arrest_bail_[arrest + 1] - arrest_bail_[arrest]);
}

std::span<const ContactFact> WorklistSnapshot::contacts_of(RowIndex crime) const {
  return std::span<const ContactFact>(contact_facts_)
      .subspan(crime_contacts_[crime], crime_contacts_[crime + 1] - crime_contacts_[crime]);
}

Owner WorklistSnapshot::owner_of_crime(RowIndex crime) const {
  if (crime == kNoRow) return {};
  const CrimeRecord& record = tables_.crimes[crime];
  std::string_view unit = record.unit_ref;
  if (unit.empty() && crime_officer_[crime] != kNoRow) unit = tables_.officers[crime_officer_[crime]].unit_ref;
  return {record.officer_ref, unit, record.force_code};
}

}  // namespace rasso
