#pragma once
// Workforce: each force's units and officers — RASSO teams sized to the force's caseload, a
// child abuse investigation team, CID, offender management and analysts, with ranks, roles,
// detective accreditation and start and leave dates — and their training records for the
// courses of codes/course.csv, with a realistic share missing or expired.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "generator/random_source.h"
#include "ingest/csv_writer.h"

namespace rasso {

struct Unit {
  std::string ref;
  std::string name;
  std::string_view type;  // unit_type code
};

struct Officer {
  std::string ref;
  std::size_t unit = 0;          // index into the force's units
  std::string_view rank;         // rank code
  std::string_view role;         // officer_role code
  CivilDate start = CivilDate::from_days(0);
  std::optional<CivilDate> leave;
};

struct ForceWorkforce {
  std::string force_code;
  std::vector<Unit> units;
  std::vector<Officer> officers;
  std::vector<std::size_t> rasso_investigators;  // officers who investigate adult cases
  std::vector<std::size_t> child_investigators;  // officers of the child abuse investigation team

  /// An investigator serving on `date` to be officer in charge of a crime (child offences go
  /// to the child abuse team). Index into officers.
  std::size_t pick_investigator(bool child_offence, CivilDate date, RandomSource& random) const;
};

struct WorkforceCounts {
  std::size_t training_missing = 0;  // required course never completed (officers still serving)
  std::size_t training_expired = 0;  // completed course whose validity has run out
  std::size_t leavers = 0;
};

/// Builds the workforce of a force expected to record `crimes_per_year` crimes a year.
ForceWorkforce build_workforce(std::string_view force_code, std::size_t crimes_per_year, CivilDate as_of,
                               RandomSource& random);

/// Writes the units, officers and training rows of `workforce`; training refs are numbered
/// per force. Adds what was planted to `counts`.
void write_workforce(const ForceWorkforce& workforce, CivilDate as_of, RandomSource& random, CsvWriter& units,
                     CsvWriter& officers, CsvWriter& training, WorkforceCounts& counts);

}  // namespace rasso
