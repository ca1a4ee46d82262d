// The five safeguarding worklists over a synthetic force of 1,000,000 crimes built in memory:
// about 1.8 million people, 0.36 million arrests with their bail ladders, 48,000 orders, 24,000
// breaches, 0.2 million biometric records and about 10 million victim contacts, shaped like the
// generator's output (open cases, NFA outcomes, lapsed and wrongly authorised bail, late updates,
// the generator's rates of contacts missed).
// Target (DESIGN.md §6, issue 4): all five worklists together in <= 1 s. Building the snapshot
// (linking references, done once when the store is loaded) is measured separately.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "ingest/csv_reader.h"
#include "ingest/reference_data.h"
#include "worklists/worklist.h"

namespace {

using namespace rasso;

constexpr std::size_t kCrimes = 1'000'000;
const CivilDate kAsOf = *CivilDate::parse_iso("2025-09-30");

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }

 private:
  std::uint64_t state_;
};

std::string ref(const char* prefix, std::size_t n) {
  std::string text = std::to_string(n);
  return std::string(prefix) + std::string(8 - std::min<std::size_t>(8, text.size()), '0') + text;
}

CivilDate not_after_as_of(CivilDate date) { return date > kAsOf ? kAsOf : date; }

class SyntheticForce {
 public:
  ExtractTables build() {
    for (std::size_t o = 0; o < 2000; ++o) {
      in_.officers.push_back({ref("WD-O-", o), o % 2 ? "WM" : "WD", ref("WD-U-", o / 20)});
    }
    in_.crimes.reserve(kCrimes);
    in_.persons.reserve(kCrimes * 2);
    in_.involvements.reserve(kCrimes * 2);
    in_.victim_contacts.reserve(kCrimes * 12);
    for (std::size_t c = 0; c < kCrimes; ++c) add_crime(c);
    return std::move(in_);
  }

 private:
  void add_crime(std::size_t c) {
    CrimeRecord crime;
    crime.crime_ref = ref("WD-C-", c);
    const std::size_t officer = static_cast<std::size_t>(random_.below(2000));
    crime.force_code = officer % 2 ? "WM" : "WD";
    crime.offence_code = random_.chance(40) ? "19C" : "20A";
    crime.reported_date = kAsOf.plus_days(-random_.below(5 * 365));
    const int age = 10 + random_.below(50);
    crime.child_victim = age < 18;
    const bool recent = crime.reported_date.days_until(kAsOf) < 365;
    const CivilDate outcome_date = crime.reported_date.plus_days(30 + random_.below(670));
    if (!random_.chance(recent ? 60 : 10) && outcome_date <= kAsOf) {  // a later outcome: still open
      static constexpr int kOutcomes[] = {16, 16, 16, 16, 15, 15, 14, 14, 18, 21, 1, 1, 9, 10};
      crime.outcome_code = kOutcomes[random_.below(14)];
      crime.outcome_date = outcome_date;
    }
    crime.officer_ref = in_.officers[officer].officer_ref;
    crime.unit_ref = in_.officers[officer].unit_ref;

    const std::string victim = ref("WD-P-", in_.persons.size());
    in_.persons.push_back({victim, crime.force_code, random_.chance(10)});
    in_.involvements.push_back({crime.crime_ref, victim, InvolvementRole::Victim, "", age, ""});
    add_contacts(crime, victim);
    if (random_.chance(80)) {
      const std::string suspect = ref("WD-P-", in_.persons.size());
      in_.persons.push_back({suspect, crime.force_code, false});
      static constexpr const char* kRelationships[] = {"partner", "ex_partner", "family", "acquaintance", "stranger"};
      in_.involvements.push_back(
          {crime.crime_ref, suspect, InvolvementRole::Suspect, "named", 20 + random_.below(40), kRelationships[random_.below(5)]});
      if (random_.chance(45)) add_arrest(crime, suspect);
      if (random_.chance(6)) add_order(crime, suspect);
    }
    in_.crimes.push_back(std::move(crime));
  }

  // Like the generator: an initial contact, an ISVA offer (85%), updates at the agreed 28 days while
  // the case is open (15% late), the outcome explained (85%) and the right to review offered (75%).
  void add_contacts(const CrimeRecord& crime, const std::string& victim) {
    contact(crime, victim, crime.reported_date, ContactPurpose::Initial, 28);
    if (random_.chance(85)) contact(crime, victim, crime.reported_date.plus_days(random_.below(4)), ContactPurpose::IsvaReferral);
    const CivilDate closes = crime.outcome_date.value_or(kAsOf);
    CivilDate last = crime.reported_date;
    while (true) {
      last = last.plus_days(random_.chance(15) ? 29 + random_.below(40) : 19 + random_.below(10));
      if (last >= closes) break;
      contact(crime, victim, last, ContactPurpose::Update);
    }
    if (crime.outcome_date && random_.chance(85)) {
      contact(crime, victim, crime.outcome_date->plus_days(random_.below(5)),
              crime.outcome_code == 1 ? ContactPurpose::Decision : ContactPurpose::NfaExplained);
      if (random_.chance(75)) contact(crime, victim, crime.outcome_date->plus_days(random_.below(5)), ContactPurpose::RightToReview);
    }
  }

  void contact(const CrimeRecord& crime, const std::string& victim, CivilDate date, ContactPurpose purpose,
               std::optional<int> frequency = std::nullopt) {
    if (date <= kAsOf) in_.victim_contacts.push_back({crime.crime_ref, victim, date, purpose, frequency});
  }

  void add_arrest(const CrimeRecord& crime, const std::string& suspect) {
    const CivilDate arrested = not_after_as_of(crime.reported_date.plus_days(1 + random_.below(60)));
    static constexpr ArrestDisposal kDisposals[] = {
        ArrestDisposal::PreChargeBail,   ArrestDisposal::PreChargeBail,   ArrestDisposal::PreChargeBail,
        ArrestDisposal::PreChargeBail,   ArrestDisposal::PreChargeBail,   ArrestDisposal::PreChargeBail,
        ArrestDisposal::PreChargeBail,   ArrestDisposal::ReleasedUnderInvestigation,
        ArrestDisposal::ReleasedUnderInvestigation, ArrestDisposal::ReleasedUnderInvestigation,
        ArrestDisposal::ReleasedUnderInvestigation, ArrestDisposal::ReleasedUnderInvestigation,
        ArrestDisposal::ReleasedUnderInvestigation, ArrestDisposal::NoFurtherAction,
        ArrestDisposal::NoFurtherAction, ArrestDisposal::NoFurtherAction, ArrestDisposal::NoFurtherAction,
        ArrestDisposal::Charged,         ArrestDisposal::Charged,         ArrestDisposal::Charged};
    const ArrestDisposal disposal = kDisposals[random_.below(20)];
    const std::string arrest_ref = ref("WD-A-", in_.arrests.size());
    in_.arrests.push_back({arrest_ref, crime.crime_ref, suspect, arrested, disposal, arrested});
    if (random_.chance(85)) {
      contact(crime, in_.involvements[in_.involvements.size() - 2].person_ref, arrested.plus_days(random_.below(3)),
              ContactPurpose::Decision);
    }
    if (disposal == ArrestDisposal::PreChargeBail) add_bail_ladder(crime, arrest_ref, arrested);
    if (disposal != ArrestDisposal::PreChargeBail && disposal != ArrestDisposal::Charged) {
      add_biometric(arrest_ref, suspect, arrested, disposal == ArrestDisposal::NoFurtherAction);
    }
  }

  void add_bail_ladder(const CrimeRecord& crime, const std::string& arrest_ref, CivilDate start) {
    static constexpr const char* kAuthority[] = {"PS", "INSP", "SUPT", "COURT"};
    const CivilDate decision = crime.outcome_date.value_or(kAsOf.plus_days(400));
    for (int number = 1; number <= 4; ++number) {
      BailPeriodRecord period;
      period.bail_ref = ref("WD-B-", in_.bail_periods.size());
      period.arrest_ref = arrest_ref;
      period.period_number = number;
      period.start_date = number == 1 ? start : in_.bail_periods.back().end_date;
      period.end_date = start.plus_months(3 * number);
      period.authorised_by = random_.chance(4) && number > 1 ? kAuthority[number - 2] : kAuthority[number - 1];
      period.authorised_date = number == 1 ? start : period.start_date.plus_days(-random_.below(10));
      if (random_.chance(60)) period.conditions = "Not to contact the victim directly or indirectly";
      period.victim_views_sought = random_.chance(80);
      const bool last = decision <= period.end_date || period.end_date > kAsOf || random_.chance(30) || number == 4;
      if (!last) {
        period.ended_date = period.end_date;
        period.end_reason = BailEndReason::Extended;
        in_.bail_periods.push_back(std::move(period));
        continue;
      }
      if (decision <= period.end_date && decision <= kAsOf) {
        period.ended_date = decision;
        period.end_reason = crime.outcome_code == 1 ? BailEndReason::Charged : BailEndReason::NoFurtherAction;
      } else if (period.end_date <= kAsOf && random_.chance(70)) {
        period.ended_date = period.end_date;
        period.end_reason = BailEndReason::ReleasedUnderInvestigation;
      }
      in_.bail_periods.push_back(std::move(period));
      break;
    }
  }

  void add_biometric(const std::string& arrest_ref, const std::string& person, CivilDate taken, bool no_charge) {
    BiometricRecord bio;
    bio.biometric_ref = ref("WD-G-", in_.biometrics.size());
    bio.person_ref = person;
    bio.arrest_ref = arrest_ref;
    bio.samples_taken_date = taken;
    bio.dna_taken = true;
    bio.fingerprints_taken = true;
    bio.previous_convictions = random_.chance(30);
    if (no_charge) bio.no_charge_date = taken;
    if (no_charge && random_.chance(50)) {
      bio.application_date = taken.plus_days(random_.below(28));
      bio.decision = random_.chance(70) ? S63gDecision::Granted : S63gDecision::Refused;
      bio.decision_date = bio.application_date->plus_days(30);
    }
    in_.biometrics.push_back(std::move(bio));
  }

  void add_order(const CrimeRecord& crime, const std::string& subject) {
    OrderRecord order;
    order.order_ref = ref("WD-R-", in_.orders.size());
    order.order_type = random_.chance(50) ? "SHPO" : "DVPO";
    order.subject_person_ref = subject;
    order.protected_person_refs = {in_.involvements[in_.involvements.size() - 2].person_ref};
    order.crime_ref = crime.crime_ref;
    order.status = OrderStatus::Made;
    order.start_date = not_after_as_of(crime.reported_date.plus_days(random_.below(200)));
    if (random_.chance(20)) {
      order.until_further_order = true;
    } else {
      order.end_date = order.start_date->plus_days(14 + random_.below(5 * 365));
    }
    if (random_.chance(50)) {
      BreachRecord breach;
      breach.breach_ref = ref("WD-X-", in_.breaches.size());
      breach.breach_of = BreachOf::Order;
      breach.order_ref = order.order_ref;
      breach.person_ref = subject;
      breach.occurred_date = not_after_as_of(order.start_date->plus_days(random_.below(300) - 5));
      breach.reported_date = not_after_as_of(breach.occurred_date.plus_days(random_.below(3)));
      if (random_.chance(85)) {
        breach.response = "arrest";
        breach.response_date = not_after_as_of(breach.reported_date.plus_days(random_.below(4)));
      }
      in_.breaches.push_back(std::move(breach));
    }
    in_.orders.push_back(std::move(order));
  }

  Random random_{20250930};
  ExtractTables in_;
};

const WorklistSnapshot& synthetic_snapshot() {
  static const WorklistSnapshot snapshot{SyntheticForce().build()};
  return snapshot;
}

// The shipped reference data: bail authority seniority and England and Wales bank holidays.
WorklistRules bench_rules() {
  const auto codes = load_code_tables(reference_data_dir());
  const auto holidays = read_csv_table(reference_data_dir() / "bank_holidays_england_wales.csv");
  if (!codes || !holidays) throw std::runtime_error("reference data not found; set RASSO_DATA_DIR");
  std::vector<CivilDate> dates;
  for (const CsvRecord& row : holidays->rows) dates.push_back(*CivilDate::parse_iso(row.fields[0]));
  return *make_worklist_rules(*codes, dates);
}

void BM_WorklistSnapshotBuild(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    ExtractTables inputs = SyntheticForce().build();
    state.counters["crimes"] = static_cast<double>(inputs.crimes.size());
    state.counters["involvements"] = static_cast<double>(inputs.involvements.size());
    state.counters["arrests"] = static_cast<double>(inputs.arrests.size());
    state.counters["bail_periods"] = static_cast<double>(inputs.bail_periods.size());
    state.counters["contacts"] = static_cast<double>(inputs.victim_contacts.size());
    state.ResumeTiming();
    auto snapshot = std::make_unique<WorklistSnapshot>(std::move(inputs));
    benchmark::DoNotOptimize(snapshot->unresolved_references());
    state.PauseTiming();
    snapshot.reset();  // freeing it is not part of the build
    state.ResumeTiming();
  }
}
BENCHMARK(BM_WorklistSnapshotBuild)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_AllFiveWorklists(benchmark::State& state) {
  const WorklistSnapshot& snapshot = synthetic_snapshot();
  const WorklistRules rules = bench_rules();
  std::size_t items = 0;
  for (auto _ : state) {
    items = 0;
    for (WorklistKind kind : kAllWorklists) items += run_worklist(kind, snapshot, rules, kAsOf).size();
    benchmark::DoNotOptimize(items);
  }
  state.counters["items"] = static_cast<double>(items);
}
BENCHMARK(BM_AllFiveWorklists)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_OneWorklist(benchmark::State& state) {
  const WorklistSnapshot& snapshot = synthetic_snapshot();
  const WorklistRules rules = bench_rules();
  const WorklistKind kind = kAllWorklists[static_cast<std::size_t>(state.range(0))];
  state.SetLabel(std::string(worklist_name(kind)));
  std::size_t items = 0;
  for (auto _ : state) {
    items = run_worklist(kind, snapshot, rules, kAsOf).size();
    benchmark::DoNotOptimize(items);
  }
  state.counters["items"] = static_cast<double>(items);
}
BENCHMARK(BM_OneWorklist)->DenseRange(0, 4)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_OneOfficersWorklists(benchmark::State& state) {
  const WorklistSnapshot& snapshot = synthetic_snapshot();
  const WorklistRules rules = bench_rules();
  const WorklistFilter officer{"", "", "WD-O-00000042"};
  std::size_t items = 0;
  for (auto _ : state) {
    items = 0;
    for (WorklistKind kind : kAllWorklists) items += run_worklist(kind, snapshot, rules, kAsOf, officer).size();
    benchmark::DoNotOptimize(items);
  }
  state.counters["items"] = static_cast<double>(items);
}
BENCHMARK(BM_OneOfficersWorklists)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
