#pragma once
// KpiFacts: one pass over the extract tables turns every crime into a row of small numbers (its
// dates, outcome, flags, and its category on every breakdown dimension), and every arrest,
// breach, order and s63G application into a dated event pointing at its crime. The KPI engine
// then aggregates these arrays; it never touches a string in its loops. Pure: no I/O, no clock.

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/kpi_dimension.h"
#include "analytics/kpi_measure.h"
#include "analytics/repeat_suspects.h"
#include "core/bank_holiday_calendar.h"
#include "core/civil_date.h"
#include "core/extract_records.h"
#include "core/safeguarding_config.h"
#include "core/table_links.h"

namespace rasso {

inline constexpr std::int32_t kNoDay = std::numeric_limits<std::int32_t>::min();

struct KpiInputs {
  const ExtractTables* tables = nullptr;
  /// The references of `tables` linked (link_tables), when the caller keeps them with the tables;
  /// null (or links that do not fit the tables) and build_kpi_facts links them itself.
  const TableLinks* links = nullptr;
  /// Offence code -> group (offence_facts()); a code missing here is group "Not recorded".
  const std::map<std::string, OffenceInfo, std::less<>>* offences = nullptr;
  /// The repeat suspects found as of the as-of date with the resolved assignment
  /// (find_repeat_suspects over `tables->crimes`: their crimes are matched by row); may be null,
  /// then the repeat-suspect measures are not available.
  const std::vector<RepeatSuspect>* repeat_suspects = nullptr;
  /// The definition's minimum number of crimes, to date when each person became a repeat suspect.
  int repeat_min_crimes = 2;
  /// Bank holidays for the Victims' Code working-day deadlines (may be null: weekends only).
  const BankHolidayCalendar* calendar = nullptr;
  SafeguardingConfig config;
  /// Courses an officer in a RASSO unit must hold (HMICFRS 2024 recs 3 and 7).
  std::vector<std::string> required_courses = {"WORD_ON_WORD", "NOM_P21", "NOM_P22"};
  /// Unit types whose officers the training measure covers.
  std::vector<std::string> rasso_unit_types = {"rasso"};
  /// Only crimes (and officers) of this force / unit; empty = all.
  std::string force_code;
  std::string unit_ref;
};

struct KpiCrimeFact {
  std::int32_t reported = 0;             // days since 1970-01-01
  std::int32_t outcome = kNoDay;         // day the outcome was assigned, if by the as-of date
  std::int32_t first_arrest = kNoDay;    // first arrest on or before the as-of date
  std::int32_t officer = -1;             // officer in charge: index into KpiFacts::officers
  std::uint16_t named_suspects = 0;      // suspect involvements
  std::uint16_t arrested_suspects = 0;   // of them, arrested for this crime by the as-of date
  std::uint8_t outcome_code = 0;         // 0 when none assigned by the as-of date
  bool names_repeat_suspect = false;
  bool isva_referred = false;
  bool isva_on_time = false;
  bool nfa_outcome = false;
  bool nfa_explained = false;
  bool arrest_update_on_time = false;    // victim told of the first arrest within the deadline
  bool outcome_update_on_time = false;   // victim told of the outcome within the deadline
  std::int8_t hour = -1;                 // hour of committed_time, -1 when not recorded
  std::int8_t weekday = 0;               // ISO weekday of committed_date (or reported_date), 1-7
};

/// A dated contribution to one measure: numerator and denominator increments, and for day
/// measures the number of days.
struct KpiEvent {
  std::uint32_t subject = 0;  // index into KpiFacts::cells
  std::int32_t day = 0;
  std::int32_t value = 0;
  KpiMeasureId measure = KpiMeasureId::RecordedCrimes;
  std::int8_t numerator = 0;
  std::int8_t denominator = 0;
};

struct KpiOrderFact {
  std::uint32_t subject = 0;
  std::int32_t start = kNoDay;
  std::int32_t end = kNoDay;  // kNoDay: no end (until further order)
};

inline constexpr std::uint32_t kNoSubject = std::numeric_limits<std::uint32_t>::max();

struct KpiOfficerFact {
  std::uint32_t subject = kNoSubject;  // kNoSubject: outside the force/unit filter
  std::int32_t start = kNoDay;
  std::int32_t leave = kNoDay;
  bool in_rasso_unit = false;
  /// Per required course, the (completed, expiry or kNoDay) of each record.
  std::vector<std::vector<std::pair<std::int32_t, std::int32_t>>> courses;
};

struct KpiFacts {
  CivilDate as_of = CivilDate::from_days(0);
  /// Category labels of each dimension; a subject's cell indexes them.
  std::array<std::vector<std::string>, kKpiDimensionCount> categories;
  /// Cell of every subject on every dimension. Subjects: crimes first (same index as `crimes`),
  /// then one "not attributed" subject (a breach or order with no crime), then the officers.
  std::vector<std::array<std::uint16_t, kKpiDimensionCount>> cells;
  std::vector<KpiCrimeFact> crimes;
  std::vector<std::uint32_t> crime_rows;  // row of ExtractTables::crimes each crime fact came from
  std::uint32_t unattributed_subject = 0;
  std::vector<KpiEvent> events;          // arrests, breaches, orders applied for, s63G
  std::vector<KpiOrderFact> orders;      // orders made, for orders in force
  std::vector<KpiOfficerFact> officers;
  std::vector<std::int32_t> repeat_suspect_since;  // day each repeat suspect became one
  bool repeat_suspects_available = false;
};

/// Builds the facts as of `as_of`: anything dated after it (a crime reported, an outcome, an
/// arrest, a contact) is treated as not yet happened. Crimes outside the force/unit filter are
/// left out with everything attached to them.
KpiFacts build_kpi_facts(const KpiInputs& inputs, CivilDate as_of);

/// The index of `label` in the categories of `dimension` in `facts`, or nullopt.
std::optional<std::uint16_t> find_category(const KpiFacts& facts, KpiDimension dimension, std::string_view label);

}  // namespace rasso
