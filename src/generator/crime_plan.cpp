#include "generator/crime_plan.h"

#include <algorithm>
#include <limits>

#include "generator/offence_profile.h"
#include "generator/quantile_curve.h"
#include "generator/weighted_choice.h"

namespace rasso {
namespace {

constexpr std::uint64_t kPlanStream = 0x91A2;
constexpr std::uint64_t kSuspectCoreStream = 0x5C07;

// Days from offence to report (default curves). Many sexual offences are reported late, and
// offences against children often years later (non-recent abuse).
const QuantileCurve kReportDelayAdult({{0, 0}, {35, 1}, {55, 7}, {65, 30}, {78, 180}, {88, 730}, {95, 3650}, {100, 12000}});
const QuantileCurve kReportDelayChild({{0, 0}, {25, 2}, {40, 14}, {55, 90}, {70, 365}, {82, 1825}, {92, 5475}, {100, 15000}});
const QuantileCurve kReportToRecord({{0, 0}, {80, 0}, {95, 3}, {100, 30}});

// Suspects' age at their first offence in the data (default): mostly 18-60, median early 30s.
const QuantileCurve kSuspectAge({{0, 18}, {10, 19}, {25, 24}, {50, 32}, {75, 43}, {90, 52}, {97, 63}, {100, 80}});

constexpr Weighted<std::uint8_t> kSuspectsPerCrime[] = {{0, 110}, {1, 820}, {2, 52}, {3, 14}, {4, 4}};
// Exposure and voyeurism is often by a stranger who is never identified.
constexpr Weighted<std::uint8_t> kSuspectsPerExposure[] = {{0, 300}, {1, 680}, {2, 20}};
constexpr Weighted<std::uint8_t> kVictimsPerCrime[] = {{1, 960}, {2, 35}, {3, 5}};
constexpr Weighted<std::uint8_t> kWitnessesPerCrime[] = {{0, 830}, {1, 140}, {2, 30}};

std::vector<std::uint64_t> force_weights(const GeneratorOptions& options) {
  std::vector<std::uint64_t> weights(options.forces.size(), 1);
  if (options.force_weights.size() == options.forces.size()) {
    std::copy(options.force_weights.begin(), options.force_weights.end(), weights.begin());
  }
  return weights;
}

// Reported dates across the period, rising about 25% from its start to its end as recorded
// sexual offences have; returned sorted.
std::vector<std::int32_t> draw_reported_dates(const GeneratorOptions& options, RandomSource& random) {
  const std::int32_t end = options.as_of.days_since_epoch();
  const std::int32_t start = options.as_of.plus_months(-12 * options.years).days_since_epoch() + 1;
  const auto span = static_cast<std::uint64_t>(end - start + 1);
  std::vector<std::int32_t> dates;
  dates.reserve(options.crimes);
  while (dates.size() < options.crimes) {
    const std::uint64_t offset = random.below(span);
    if (random.below(span * 5) < span * 4 + offset) dates.push_back(start + static_cast<std::int32_t>(offset));
  }
  std::sort(dates.begin(), dates.end());
  return dates;
}

void build_suspect_cores(const GeneratorOptions& options, CrimePlan& plan) {
  const std::size_t count = plan.suspects.suspects();
  std::vector<std::int32_t> first_offence(count, std::numeric_limits<std::int32_t>::max());
  std::vector<bool> child_offender(count, false);
  plan.crimes_per_suspect.assign(count, 0);
  plan.suspect_in_two_forces.assign(count, false);
  const auto offences = offence_profiles();
  for (std::size_t i = 0; i < plan.crimes.size(); ++i) {
    const PlannedCrime& crime = plan.crimes[i];
    for (std::uint32_t suspect : plan.suspects_of(i)) {
      first_offence[suspect] = std::min(first_offence[suspect], crime.offence_date().days_since_epoch());
      child_offender[suspect] = child_offender[suspect] || offences[crime.offence].child_offence;
      ++plan.crimes_per_suspect[suspect];
      if (crime.force != plan.suspects.home_force[suspect]) plan.suspect_in_two_forces[suspect] = true;
    }
  }
  plan.suspect_cores.resize(count);
  for (std::size_t id = 0; id < count; ++id) {
    RandomSource random(mix_seed(options.seed, kSuspectCoreStream, id));
    PersonCore& core = plan.suspect_cores[id];
    core.kind = PersonKind::Suspect;
    core.sex = random.chance_ppm(950'000) ? Sex::Male : Sex::Female;
    core.home_force = plan.suspects.home_force[id];
    // Some suspects of child sexual offences are children themselves (default 12%).
    const int age = child_offender[id] && random.chance_ppm(120'000) ? static_cast<int>(random.between(12, 17))
                                                                      : kSuspectAge.sample(random);
    core.dob_days = birth_date_for_age(CivilDate::from_days(first_offence[id]), age, random).days_since_epoch();
  }
}

}  // namespace

CrimePlan plan_crimes(const GeneratorOptions& options) {
  RandomSource random(mix_seed(options.seed, kPlanStream));
  CrimePlan plan;
  const auto offences = offence_profiles();
  std::vector<std::uint64_t> offence_weights;
  for (const OffenceProfile& offence : offences) offence_weights.push_back(offence.weight);
  const WeightedChoice offence_choice(offence_weights);
  const WeightedChoice force_choice(force_weights(options));

  const std::vector<std::int32_t> reported = draw_reported_dates(options, random);
  plan.crimes.reserve(reported.size());
  std::vector<CrimeSuspectSlots> slots;
  slots.reserve(reported.size());
  std::uint32_t next_slot = 0;
  for (std::int32_t reported_days : reported) {
    PlannedCrime crime;
    crime.reported_days = reported_days;
    crime.force = static_cast<std::uint8_t>(force_choice.pick(random));
    crime.offence = static_cast<std::uint8_t>(offence_choice.pick(random));
    const OffenceProfile& offence = offences[crime.offence];
    const QuantileCurve& delay = offence.child_offence ? kReportDelayChild : kReportDelayAdult;
    crime.committed_days = reported_days - delay.sample(random);
    crime.has_committed = !random.chance_ppm(15'000);
    crime.recorded_days = std::min(reported_days + kReportToRecord.sample(random), options.as_of.days_since_epoch());
    crime.victims = pick_weighted<std::uint8_t>(random, kVictimsPerCrime);
    crime.suspects = offence.code == "88E" ? pick_weighted<std::uint8_t>(random, kSuspectsPerExposure)
                                           : pick_weighted<std::uint8_t>(random, kSuspectsPerCrime);
    crime.witnesses = pick_weighted<std::uint8_t>(random, kWitnessesPerCrime);
    crime.first_suspect_slot = next_slot;
    next_slot += crime.suspects;
    slots.push_back({crime.force, crime.suspects, reported_days});
    plan.crimes.push_back(crime);
  }

  SuspectAssignmentOptions assignment;
  assignment.forces = options.forces.size();
  assignment.period_start_days = reported.empty() ? 0 : reported.front();
  assignment.period_end_days = reported.empty() ? 0 : reported.back();
  assignment.cross_force_share = options.cross_force_suspects;
  plan.suspects = assign_suspects(slots, assignment, random);
  build_suspect_cores(options, plan);
  return plan;
}

}  // namespace rasso
