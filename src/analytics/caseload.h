#pragma once
// Investigator caseload over time: on each month's last day (and on the as-of date for the
// current month), how many crimes each officer in charge holds open — a crime is open from its
// reported date until its outcome date — with the median and maximum per unit and overall.
// Pure: reads crimes and officers, takes the as-of date.

#include <span>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/extract_records.h"

namespace rasso {

enum class CaseloadGrouping { Officer, Unit };

/// One group's caseload on one snapshot date.
struct CaseloadRow {
  CivilDate date = CivilDate::from_days(0);
  std::string group;    // officer_ref, unit_ref, or "ALL"
  std::string unit_ref; // the officer's unit (by officer); the unit (by unit); blank for ALL
  int officers = 0;     // officers counted: those holding an open crime, and investigators in post holding none
  int open_crimes = 0;
  double median = 0;    // median open crimes per officer counted
  int maximum = 0;
};

/// The snapshot dates: the last day of each of the `months` - 1 months before `as_of`'s month,
/// then `as_of` itself; oldest first. `months` is at least 1.
std::vector<CivilDate> caseload_snapshot_dates(CivilDate as_of, int months);

/// Caseload on each snapshot date, grouped by officer or by unit, each date's groups in key order
/// followed by an "ALL" row. An officer's unit is their current unit in `officers`, else the
/// crime's unit. Crimes with no officer in charge are not anyone's caseload and are left out.
std::vector<CaseloadRow> caseload_series(std::span<const CrimeRecord> crimes, std::span<const OfficerRecord> officers,
                                         CivilDate as_of, int months, CaseloadGrouping by);

}  // namespace rasso
