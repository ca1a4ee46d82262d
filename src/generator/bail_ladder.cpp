#include "generator/bail_ladder.h"

#include <algorithm>

namespace rasso {
namespace {

// The lowest authority PACE allows for period `number`, and the one-too-low rank planted
// when an extension is wrongly authorised.
std::string_view required_authority(int number) {
  switch (number) {
    case 1: return "PS";
    case 2: return "INSP";
    case 3: return "SUPT";
    default: return "COURT";
  }
}

std::string_view too_low_authority(int number) {
  switch (number) {
    case 2: return "PS";
    case 3: return "INSP";
    default: return "SUPT";
  }
}

// Occasionally a more senior officer than required authorises (e.g. a chief inspector for a
// 6-month extension); that is lawful and makes rank checks non-trivial.
std::string_view authority_for(int number, RandomSource& random) {
  if (number == 2 && random.chance_ppm(100'000)) return "CI";
  if (number == 3 && random.chance_ppm(100'000)) return "CSUPT";
  return required_authority(number);
}

constexpr int kMaxPeriods = 8;

}  // namespace

BailLadder build_bail_ladder(CivilDate start, std::optional<CivilDate> decision, bool charged, CivilDate as_of,
                             const BailFaultRates& rates, RandomSource& random) {
  BailLadder ladder;
  BailPeriod period;
  period.number = 1;
  period.start = start;
  period.end = start.plus_months(3);
  period.authorised_by = "PS";
  period.authorised_date = start;
  while (true) {
    if (decision && *decision <= period.end) {
      period.ended = *decision < period.start ? period.start : *decision;
      period.end_reason = charged ? "charged" : "no_further_action";
      break;
    }
    if (period.end > as_of) break;  // still running on the as-of date
    const std::uint32_t draw = random.ppm();
    const std::uint32_t lapse = to_ppm(rates.lapse);
    if (draw < lapse) {
      ladder.lapsed = true;
      if (random.chance(rates.lapse_unrecorded)) {
        ladder.lapsed_unrecorded = true;
      } else {
        period.ended = period.end;
        period.end_reason = "lapsed";
      }
      break;
    }
    if (draw < lapse + to_ppm(rates.convert_to_rui) || period.number >= kMaxPeriods) {
      const CivilDate converted = period.end.plus_days(-static_cast<std::int32_t>(random.below(15)));
      period.ended = converted < period.start ? period.start : converted;
      period.end_reason = "released_under_investigation";
      ladder.rui_from = period.ended;
      break;
    }
    // Extended before expiry: the next period starts where this one ends.
    const std::int32_t length = period.end.days_since_epoch() - period.start.days_since_epoch();
    const CivilDate decided = period.end.plus_days(-static_cast<std::int32_t>(random.below(static_cast<std::uint64_t>(std::min(15, length)))));
    period.end_reason = "extended";
    period.ended = period.end;
    ladder.periods.push_back(period);

    BailPeriod next;
    next.number = period.number + 1;
    next.start = period.end;
    next.end = next.start.plus_months(3);
    next.authorised_date = decided;
    if (random.chance(rates.wrong_rank_extension)) {
      next.authorised_by = too_low_authority(next.number);
      next.wrong_rank = true;
    } else {
      next.authorised_by = authority_for(next.number, random);
    }
    period = next;
  }
  ladder.periods.push_back(period);
  return ladder;
}

}  // namespace rasso
