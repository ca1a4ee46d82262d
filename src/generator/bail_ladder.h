#pragma once
// BailLadder: the pre-charge bail periods that follow a release on bail (PACE ss47ZA-47ZM as
// amended from 28 October 2022): an initial 3 months authorised by the custody sergeant,
// extension to 6 months by an inspector, to 9 months by a superintendent, then by a magistrates'
// court 3 months at a time. Most ladders end with the decision (charge or no further action);
// some are converted to release under investigation; a few are planted with faults a bail
// worklist must find: an extension authorised below the rank the law requires, or bail left to
// lapse with no decision (recorded as lapsed, or not recorded at all).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "generator/random_source.h"

namespace rasso {

struct BailPeriod {
  int number = 1;
  CivilDate start = CivilDate::from_days(0);
  CivilDate end = CivilDate::from_days(0);
  std::string_view authorised_by;         // bail_authority code
  std::optional<CivilDate> authorised_date;
  std::optional<CivilDate> ended;         // when bail actually ended (last period only)
  std::string_view end_reason;            // bail_end_reason code; "extended" on all but the last
  bool wrong_rank = false;                // authorised below the required rank (planted)
};

struct BailFaultRates {
  double wrong_rank_extension = 0.04;  // per extension: authorised one rank too low
  double lapse = 0.04;                 // per expiry with no decision: left to lapse
  double lapse_unrecorded = 0.5;       // of lapses: no end recorded at all
  double convert_to_rui = 0.25;        // per expiry with no decision: released under investigation
};

struct BailLadder {
  std::vector<BailPeriod> periods;
  bool lapsed = false;             // ended by lapsing (recorded or not)
  bool lapsed_unrecorded = false;  // expired before as_of with no end and no extension recorded
  std::optional<CivilDate> rui_from;  // converted to release under investigation on this date
};

/// The ladder for bail starting on `start`. `decision` is the charge / no-further-action date
/// (nullopt while the case is open) and `charged` whether that decision was a charge. Nothing
/// after `as_of` is recorded: a period still running has no end.
BailLadder build_bail_ladder(CivilDate start, std::optional<CivilDate> decision, bool charged, CivilDate as_of,
                             const BailFaultRates& rates, RandomSource& random);

}  // namespace rasso
