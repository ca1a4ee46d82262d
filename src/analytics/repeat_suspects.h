#pragma once
// Repeat suspects: resolved people named as suspect in several RASSO crimes, ranked for the
// tasking meeting by recency, frequency, gravity and victims, each with the reasons for the flag,
// the current bail and orders, and the cold-case signal (earlier crimes naming him that were
// closed without charge or are still open). Pure: inputs in, ranked list out.

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/repeat_suspect_definition.h"
#include "core/civil_date.h"
#include "core/extract_records.h"

namespace rasso {

/// What the ranking needs to know of an offence code (from the offence code table).
struct OffenceInfo {
  std::string label;
  std::string group;        // rape, sexual_assault, child_sexual_offence, other
  bool child_offence = false;
  double harm_weight_days = 0;
};

struct RepeatSuspectInputs {
  const std::vector<CrimeRecord>* crimes = nullptr;
  const std::vector<InvolvementRecord>* involvements = nullptr;
  /// person_ref -> resolved person id. A record with no entry stands for a person of its own.
  const std::unordered_map<std::string, std::uint64_t>* resolved = nullptr;
  /// Optional, and faster: the resolved id of each involvement's record, by involvement row (0 when
  /// unresolved), as loaded with the tables. When set, `resolved` is not consulted.
  const std::vector<std::uint64_t>* involvement_resolution = nullptr;
  /// Offence code -> what the ranking needs. Codes missing here weigh nothing.
  const std::map<std::string, OffenceInfo, std::less<>>* offences = nullptr;
  /// Optional: used to show current bail and orders (may be null).
  const std::vector<ArrestRecord>* arrests = nullptr;
  const std::vector<BailPeriodRecord>* bail_periods = nullptr;
  const std::vector<OrderRecord>* orders = nullptr;
};

struct SuspectCrime {
  std::string crime_ref;
  std::string force_code;
  std::string offence_code;
  CivilDate reported_date = CivilDate::from_days(0);
  int outcome_code = 0;
  double harm_weight_days = 0;
  int victims = 0;           // victims recorded on the crime
  std::string person_ref;    // the record naming him in this crime
  bool cold_case = false;    // closed without charge (or open) before his latest crime
  std::uint32_t crime_row = 0;  // row of RepeatSuspectInputs::crimes this crime is
};

struct RepeatSuspect {
  std::uint64_t resolved_id = 0;  // 0 when unresolved: person_refs then holds the one record
  std::vector<std::string> person_refs;
  std::vector<SuspectCrime> crimes;  // oldest first
  int distinct_victims = 0;
  std::vector<std::string> forces;
  CivilDate latest_crime = CivilDate::from_days(0);
  int recency_points = 0;
  double gravity_years = 0;
  double score = 0;
  std::vector<std::string> current_measures;  // "pre-charge bail until 2025-10-01", "SHPO in force until ..."
  std::vector<std::string> reasons;           // why he is flagged, in words
};

/// Outcome codes that close a crime without a charge or out-of-court disposal, which the
/// cold-case signal lists (with open crimes): 9, 10, 14, 15, 16, 17, 18, 20, 21.
bool closed_without_charge(int outcome_code);

/// Finds and ranks the repeat suspects as of `as_of` (crimes reported after it are ignored).
/// Sorted by score, then latest crime (recent first), then resolved id: deterministic.
std::vector<RepeatSuspect> find_repeat_suspects(const RepeatSuspectInputs& inputs,
                                                const RepeatSuspectDefinition& definition,
                                                const RankingWeights& weights, CivilDate as_of);

}  // namespace rasso
