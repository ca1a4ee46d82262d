// Scrutiny sampling: the same seed draws the same cases whatever the input order, another seed
// draws others, strata are respected under both allocations, and a pseudonymised summary carries
// no reference, date of birth, calendar date or postcode of the sampled cases.

#include "analytics/scrutiny_sampler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "analytics/scrutiny_case_summary.h"
#include "analytics/scrutiny_themes.h"
#include "ingest/reference_data.h"

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

const CodeTables& codes() {
  static const CodeTables tables = *load_code_tables(RASSO_DEFAULT_DATA_DIR);
  return tables;
}

// 400 closed crimes over 2024: outcomes 1, 14, 16 and offences 19C (rape), 20A (sexual assault),
// 88E (other), in uneven proportions, plus open crimes and crimes closed outside the period.
std::vector<CrimeRecord> population() {
  std::vector<CrimeRecord> crimes;
  const char* offences[] = {"19C", "19C", "20A", "88E"};
  const int outcomes[] = {16, 16, 16, 14, 1};
  for (int i = 0; i < 400; ++i) {
    CrimeRecord crime;
    crime.crime_ref = "WD-C" + std::to_string(10000 + i);
    crime.offence_code = offences[i % 4];
    crime.reported_date = d("2023-06-01").plus_days(i % 200);
    crime.outcome_code = outcomes[i % 5];
    crime.outcome_date = d("2024-01-01").plus_days(i % 366);
    crimes.push_back(crime);
  }
  CrimeRecord open = crimes[0];
  open.crime_ref = "WD-OPEN";
  open.outcome_code = 0;
  open.outcome_date.reset();
  crimes.push_back(open);
  CrimeRecord late = crimes[1];
  late.crime_ref = "WD-LATE";
  late.outcome_date = d("2025-02-01");
  crimes.push_back(late);
  return crimes;
}

SampleSpec spec(std::uint64_t seed, int size = 30) {
  SampleSpec out;
  out.from = d("2024-01-01");
  out.to = d("2024-12-31");
  out.seed = seed;
  out.size = size;
  return out;
}

std::vector<std::string> refs(const SampleDraw& draw) {
  std::vector<std::string> out;
  for (const SampledCase& sampled : draw.cases) out.push_back(sampled.crime_ref);
  return out;
}

const CodeTable& offences() { return *codes().table("offence"); }

TEST(ScrutinySampler, TheSameSeedDrawsTheSameSampleWhateverTheInputOrder) {
  const auto crimes = population();
  const auto first = draw_scrutiny_sample(crimes, offences(), spec(42));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->cases.size(), 30u);
  EXPECT_EQ(first->population, 400);
  auto reversed = crimes;
  std::reverse(reversed.begin(), reversed.end());
  const auto again = draw_scrutiny_sample(reversed, offences(), spec(42));
  EXPECT_EQ(refs(*first), refs(*again));
  const auto other = draw_scrutiny_sample(crimes, offences(), spec(43));
  EXPECT_NE(refs(*first), refs(*other));
  // Case numbers run 1..n, and no case is drawn twice.
  const auto drawn = refs(*first);
  EXPECT_EQ(std::set<std::string>(drawn.begin(), drawn.end()).size(), drawn.size());
  for (std::size_t i = 0; i < first->cases.size(); ++i) EXPECT_EQ(first->cases[i].case_number, static_cast<int>(i + 1));
  // Only crimes closed within the period are eligible.
  for (const std::string& ref : drawn) EXPECT_TRUE(ref != "WD-OPEN" && ref != "WD-LATE");
}

TEST(ScrutinySampler, ProportionalAllocationFollowsTheStrata) {
  const auto crimes = population();
  const auto draw = draw_scrutiny_sample(crimes, offences(), spec(7, 40));
  ASSERT_TRUE(draw);
  // 3 outcomes x 3 groups = 9 strata; outcome 16 is 3/5 of cases, rape 1/2.
  ASSERT_EQ(draw->strata.size(), 9u);
  int total = 0;
  std::map<std::pair<int, std::string>, int> counted;
  for (const SampledCase& sampled : draw->cases) ++counted[{sampled.outcome_code, sampled.offence_group}];
  for (const SampleStratum& stratum : draw->strata) {
    total += stratum.sampled;
    EXPECT_LE(stratum.sampled, stratum.population);
    const double share = 40.0 * stratum.population / 400.0;
    EXPECT_GE(stratum.sampled, static_cast<int>(share)) << stratum.outcome_code << " " << stratum.offence_group;
    EXPECT_LE(stratum.sampled, static_cast<int>(share) + 1);
    EXPECT_EQ((counted[{stratum.outcome_code, stratum.offence_group}]), stratum.sampled);
  }
  EXPECT_EQ(total, 40);
  // Every sampled case really belongs to its stratum.
  std::map<std::string, const CrimeRecord*> by_ref;
  for (const CrimeRecord& crime : crimes) by_ref[crime.crime_ref] = &crime;
  for (const SampledCase& sampled : draw->cases) {
    const CrimeRecord& crime = *by_ref.at(sampled.crime_ref);
    EXPECT_EQ(crime.outcome_code, sampled.outcome_code);
    EXPECT_EQ(std::string(offences().find(crime.offence_code)->attribute("group")), sampled.offence_group);
  }
  // Asking for more than there is takes everything.
  EXPECT_EQ(draw_scrutiny_sample(crimes, offences(), spec(7, 1000))->cases.size(), 400u);
}

TEST(ScrutinySampler, FixedAllocationAndOutcomeFilter) {
  const auto crimes = population();
  SampleSpec fixed = spec(9);
  fixed.allocation = SampleAllocation::FixedPerStratum;
  fixed.per_stratum = 5;
  fixed.outcome_codes = {14, 16};
  const auto draw = draw_scrutiny_sample(crimes, offences(), fixed);
  ASSERT_TRUE(draw);
  ASSERT_EQ(draw->strata.size(), 6u);
  for (const SampleStratum& stratum : draw->strata) {
    EXPECT_TRUE(stratum.outcome_code == 14 || stratum.outcome_code == 16);
    EXPECT_EQ(stratum.sampled, 5);
  }
  EXPECT_EQ(draw->cases.size(), 30u);
}

TEST(ScrutinySampler, RefusesABadSpecWithAClearMessage) {
  SampleSpec bad = spec(1);
  bad.from = d("2025-01-01");
  auto refused = draw_scrutiny_sample({}, offences(), bad);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("is after --to"), std::string::npos);
  bad = spec(1, 0);
  EXPECT_EQ(validate_sample_spec(bad).error().code, "invalid_input");
  bad = spec(1);
  bad.outcome_codes = {0};
  EXPECT_NE(validate_sample_spec(bad).error().message.find("outcome 0"), std::string::npos);
}

// A small case with everything a summary must not leak.
ExtractTables identifiable_case() {
  ExtractTables tables;
  CrimeRecord crime;
  crime.crime_ref = "WD/24/001234";
  crime.offence_code = "19C";
  crime.reported_date = d("2024-03-10");
  crime.recorded_date = d("2024-03-11");
  crime.committed_date = d("2024-03-08");
  crime.postcode_district = "WD17";
  crime.domestic_abuse = true;
  crime.outcome_code = 16;
  crime.outcome_date = d("2024-09-02");
  crime.officer_ref = "WD-OF00042";
  tables.crimes.push_back(crime);
  PersonRecord victim{"WD-P-777", "WD", false, "F", "W1", "N", d("1994-05-17")};
  PersonRecord suspect{"WD-P-888", "WD", false, "M", "W1", "N", d("1980-11-02")};
  tables.persons = {victim, suspect};
  InvolvementRecord as_victim{"WD/24/001234", "WD-P-777", InvolvementRole::Victim, "", 29, "", std::nullopt};
  InvolvementRecord as_suspect{"WD/24/001234", "WD-P-888", InvolvementRole::Suspect, "arrested", 43, "ex_partner", d("2024-03-12")};
  tables.involvements = {as_victim, as_suspect};
  ArrestRecord arrest;
  arrest.arrest_ref = "WD-A-55";
  arrest.crime_ref = "WD/24/001234";
  arrest.person_ref = "WD-P-888";
  arrest.arrest_date = d("2024-03-22");
  arrest.disposal = ArrestDisposal::PreChargeBail;
  tables.arrests.push_back(arrest);
  BailPeriodRecord bail;
  bail.bail_ref = "WD-B-66";
  bail.arrest_ref = "WD-A-55";
  bail.start_date = d("2024-03-22");
  bail.end_date = d("2024-06-21");
  bail.conditions = "Not to contact Jane Smith at 4 Mill Lane";
  tables.bail_periods.push_back(bail);
  VictimContactRecord contact;
  contact.crime_ref = "WD/24/001234";
  contact.person_ref = "WD-P-777";
  contact.contact_date = d("2024-09-04");
  contact.purpose = ContactPurpose::NfaExplained;
  tables.victim_contacts.push_back(contact);
  return tables;
}

TEST(ScrutinyCaseSummary, TellsTheStoryInDaysFromTheReportWithNothingIdentifying) {
  const ExtractTables tables = identifiable_case();
  const std::vector<std::string> crime_refs = {"WD/24/001234"}, pseudonyms = {"C01"};
  const auto summaries = summarise_cases(tables, codes(), crime_refs, pseudonyms);
  ASSERT_EQ(summaries.size(), 1u);
  const std::string text = case_summary_json(summaries[0]).dump() + case_summary_text(summaries[0]);
  for (const char* forbidden : {"WD/24/001234", "001234", "WD-P-777", "WD-P-888", "WD-A-55", "WD-B-66", "WD-OF00042", "WD17",
                                "1994", "1980", "2024", "-03-", "Jane", "Smith", "Mill Lane"}) {
    EXPECT_EQ(text.find(forbidden), std::string::npos) << forbidden << " leaked into: " << text;
  }
  const CaseSummary& summary = summaries[0];
  EXPECT_EQ(summary.pseudonym, "C01");
  EXPECT_EQ(summary.offence_group, "rape");
  EXPECT_EQ(summary.outcome_code, 16);
  EXPECT_EQ(summary.flags, (std::vector<std::string>{"domestic abuse"}));
  ASSERT_EQ(summary.parties.size(), 2u);
  EXPECT_EQ(summary.parties[0].role, "victim");
  EXPECT_EQ(summary.parties[0].age_band, "25-34");
  EXPECT_EQ(summary.parties[0].sex, "female");
  EXPECT_EQ(summary.parties[1].age_band, "35-44");
  EXPECT_EQ(summary.parties[1].relationship, "Former partner");
  std::vector<std::string> timeline;
  for (const CaseSummaryEvent& event : summary.timeline) timeline.push_back(std::to_string(event.day) + " " + event.text);
  EXPECT_EQ(timeline, (std::vector<std::string>{"-2 offence committed", "0 reported", "1 recorded as a crime",
                                                "2 suspect named", "12 suspect arrested",
                                                "12 suspect released on pre-charge bail",
                                                "12 bail period starts (with conditions)",
                                                "176 outcome 16: Evidential difficulties: named suspect identified, victim does not support action",
                                                "178 no further action explained to the victim"}));
  // The stored JSON reads back to the same summary.
  const CaseSummary back = case_summary_from_json(case_summary_json(summary));
  EXPECT_EQ(case_summary_text(back), case_summary_text(summary));
}

TEST(ScrutinyCaseSummary, AgeBands) {
  EXPECT_EQ(panel_age_band(std::nullopt), "not recorded");
  EXPECT_EQ(panel_age_band(12), "under 13");
  EXPECT_EQ(panel_age_band(13), "13-15");
  EXPECT_EQ(panel_age_band(17), "16-17");
  EXPECT_EQ(panel_age_band(18), "18-24");
  EXPECT_EQ(panel_age_band(25), "25-34");
  EXPECT_EQ(panel_age_band(64), "55-64");
  EXPECT_EQ(panel_age_band(65), "65 and over");
}

TEST(ScrutinyThemes, TalliesDecisionsThemesAndLearning) {
  const std::vector<PanelFindingFacts> findings = {
      {"S1-C01", 16, "rape", "appropriate_with_learning", "poor", "partly_met", {"victim_care", "early_evidence"}, "Call sooner"},
      {"S1-C02", 16, "rape", "appropriate", "good", "met", {}, ""},
      {"S1-C03", 14, "sexual_assault", "inappropriate", "adequate", "not_met", {"victim_care"}, "Review the NFA"}};
  const ThemesReport report = panel_themes(findings);
  EXPECT_EQ(report.cases, 3);
  EXPECT_EQ(report.decisions.at("appropriate"), 1);
  EXPECT_EQ(report.by_outcome.at("16").at("appropriate_with_learning"), 1);
  EXPECT_EQ(report.by_offence_group.at("sexual_assault").at("inappropriate"), 1);
  ASSERT_EQ(report.themes.size(), 2u);
  EXPECT_EQ(report.themes[0], (std::pair<std::string, int>{"victim_care", 2}));
  ASSERT_EQ(report.learning.size(), 2u);
  EXPECT_EQ(report.learning[1].first, "S1-C03");
}

}  // namespace
}  // namespace rasso
