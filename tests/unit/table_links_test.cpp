// link_tables: every reference of a set of tables built in code, some rows in their parents'
// order (found by guessing) and some scrambled (found through the hash index), with blank and
// dangling references, checked against a plain search of the parent table.

#include "core/table_links.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "analytics/kpi_engine.h"

namespace rasso {
namespace {

CivilDate day(const char* iso) { return *CivilDate::parse_iso(iso); }

// The first row of `records` whose `key` is `ref`, or kNoRow: what a link must be.
template <typename Record>
RowIndex search(const std::vector<Record>& records, std::string Record::*key, const std::string& ref) {
  if (ref.empty()) return kNoRow;
  for (std::size_t row = 0; row < records.size(); ++row) {
    if (records[row].*key == ref) return static_cast<RowIndex>(row);
  }
  return kNoRow;
}

// 400 crimes, each with a victim and a suspect, an arrest, a bail period, an order, a breach, a
// contact, a biometric record and a training record for its officer. The first half of each
// child table follows its parents' order; the second half is shuffled. Every 17th reference is
// blank and every 23rd names nothing.
ExtractTables scrambled_tables() {
  ExtractTables tables;
  constexpr int kCrimes = 400;
  auto ref_or_odd = [](int i, const std::string& ref) {
    if (i % 17 == 5) return std::string();
    if (i % 23 == 7) return "NOWHERE-" + std::to_string(i);
    return ref;
  };
  for (int o = 0; o < 20; ++o) {
    OfficerRecord officer;
    officer.officer_ref = "OF" + std::to_string(o);
    tables.officers.push_back(officer);
  }
  for (int i = 0; i < kCrimes; ++i) {
    const std::string n = std::to_string(i);
    CrimeRecord crime;
    crime.crime_ref = "WD/25/" + n;
    crime.force_code = "WD";
    crime.reported_date = day("2025-01-01").plus_days(i % 90);
    crime.officer_ref = ref_or_odd(i, "OF" + std::to_string(i % 20));
    tables.crimes.push_back(crime);
    for (const char* who : {"V", "S"}) {
      PersonRecord person;
      person.person_ref = std::string(who) + n;
      tables.persons.push_back(person);
      InvolvementRecord involvement;
      involvement.crime_ref = ref_or_odd(i, crime.crime_ref);
      involvement.person_ref = ref_or_odd(i + 1, person.person_ref);
      involvement.role = who[0] == 'V' ? InvolvementRole::Victim : InvolvementRole::Suspect;
      tables.involvements.push_back(involvement);
    }
    ArrestRecord arrest;
    arrest.arrest_ref = "AR" + n;
    arrest.crime_ref = ref_or_odd(i + 2, crime.crime_ref);
    arrest.person_ref = "S" + n;
    tables.arrests.push_back(arrest);
    BailPeriodRecord bail;
    bail.bail_ref = "BA" + n;
    bail.arrest_ref = ref_or_odd(i + 3, arrest.arrest_ref);
    tables.bail_periods.push_back(bail);
    OrderRecord order;
    order.order_ref = "OR" + n;
    order.crime_ref = ref_or_odd(i + 4, crime.crime_ref);
    tables.orders.push_back(order);
    BreachRecord breach;
    breach.breach_ref = "BR" + n;
    breach.bail_ref = ref_or_odd(i + 5, bail.bail_ref);
    breach.order_ref = ref_or_odd(i + 6, order.order_ref);
    tables.breaches.push_back(breach);
    VictimContactRecord contact;
    contact.crime_ref = ref_or_odd(i + 7, crime.crime_ref);
    contact.person_ref = "V" + n;
    tables.victim_contacts.push_back(contact);
    BiometricRecord biometric;
    biometric.biometric_ref = "BI" + n;
    biometric.arrest_ref = ref_or_odd(i + 8, arrest.arrest_ref);
    tables.biometrics.push_back(biometric);
    TrainingRecord training;
    training.training_ref = "TR" + n;
    training.officer_ref = ref_or_odd(i + 9, "OF" + std::to_string(i % 20));
    tables.training.push_back(training);
  }
  std::mt19937 random(42);
  auto scramble_second_half = [&](auto& records) { std::shuffle(records.begin() + records.size() / 2, records.end(), random); };
  scramble_second_half(tables.involvements);
  scramble_second_half(tables.arrests);
  scramble_second_half(tables.bail_periods);
  scramble_second_half(tables.orders);
  scramble_second_half(tables.breaches);
  scramble_second_half(tables.victim_contacts);
  scramble_second_half(tables.biometrics);
  scramble_second_half(tables.training);
  return tables;
}

TEST(TableLinksTest, EveryLinkIsTheRowAPlainSearchFinds) {
  const ExtractTables tables = scrambled_tables();
  const TableLinks links = link_tables(tables);
  ASSERT_TRUE(links.fits(tables));
  std::size_t dangling = 0;
  auto expect_links = [&](const auto& children, auto child_key, const auto& parents, auto parent_key,
                          const std::vector<RowIndex>& linked, const char* what) {
    for (std::size_t row = 0; row < children.size(); ++row) {
      const std::string& ref = children[row].*child_key;
      const RowIndex expected = search(parents, parent_key, ref);
      EXPECT_EQ(linked[row], expected) << what << " row " << row << " ref '" << ref << "'";
      if (expected == kNoRow && !ref.empty()) ++dangling;
    }
  };
  expect_links(tables.crimes, &CrimeRecord::officer_ref, tables.officers, &OfficerRecord::officer_ref, links.crime_officer, "crime officer");
  expect_links(tables.involvements, &InvolvementRecord::crime_ref, tables.crimes, &CrimeRecord::crime_ref, links.involvement_crime,
               "involvement crime");
  expect_links(tables.involvements, &InvolvementRecord::person_ref, tables.persons, &PersonRecord::person_ref,
               links.involvement_person, "involvement person");
  expect_links(tables.arrests, &ArrestRecord::crime_ref, tables.crimes, &CrimeRecord::crime_ref, links.arrest_crime, "arrest crime");
  expect_links(tables.bail_periods, &BailPeriodRecord::arrest_ref, tables.arrests, &ArrestRecord::arrest_ref, links.bail_arrest,
               "bail arrest");
  expect_links(tables.orders, &OrderRecord::crime_ref, tables.crimes, &CrimeRecord::crime_ref, links.order_crime, "order crime");
  expect_links(tables.breaches, &BreachRecord::bail_ref, tables.bail_periods, &BailPeriodRecord::bail_ref, links.breach_bail,
               "breach bail");
  expect_links(tables.breaches, &BreachRecord::order_ref, tables.orders, &OrderRecord::order_ref, links.breach_order, "breach order");
  expect_links(tables.victim_contacts, &VictimContactRecord::crime_ref, tables.crimes, &CrimeRecord::crime_ref, links.contact_crime,
               "contact crime");
  expect_links(tables.biometrics, &BiometricRecord::arrest_ref, tables.arrests, &ArrestRecord::arrest_ref, links.biometric_arrest,
               "biometric arrest");
  expect_links(tables.training, &TrainingRecord::officer_ref, tables.officers, &OfficerRecord::officer_ref, links.training_officer,
               "training officer");
  EXPECT_GT(dangling, 100u);
  EXPECT_EQ(links.unresolved_references, dangling);
}

TEST(TableLinksTest, EmptyTablesLinkToNothing) {
  const TableLinks links = link_tables(ExtractTables{});
  EXPECT_TRUE(links.fits(ExtractTables{}));
  EXPECT_EQ(links.unresolved_references, 0u);
}

TEST(TableLinksTest, KpiFactsIgnoreLinksThatDoNotFitTheirTables) {
  const ExtractTables tables = scrambled_tables();
  ExtractTables smaller = tables;
  smaller.victim_contacts.pop_back();
  const TableLinks stale = link_tables(smaller);
  ASSERT_FALSE(stale.fits(tables));
  KpiInputs inputs;
  inputs.tables = &tables;
  const KpiFacts own = build_kpi_facts(inputs, day("2025-06-30"));
  inputs.links = &stale;
  const KpiFacts given = build_kpi_facts(inputs, day("2025-06-30"));
  const KpiPeriod period = *parse_kpi_period("2025Q1");
  const KpiFlightDeck expected = compute_flight_deck(own, period, {}, {1, false});
  const KpiFlightDeck actual = compute_flight_deck(given, period, {}, {1, false});
  ASSERT_EQ(actual.measures.size(), expected.measures.size());
  for (std::size_t m = 0; m < expected.measures.size(); ++m) {
    EXPECT_EQ(actual.measures[m].value.display, expected.measures[m].value.display) << kpi_measures()[m].key;
  }
  EXPECT_EQ(expected.measures[static_cast<std::size_t>(KpiMeasureId::RecordedCrimes)].value.display, "400");
}

}  // namespace
}  // namespace rasso
