#pragma once
// What `rasso generate` is asked for (GeneratorOptions) and what it reports (GeneratorSummary).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "generator/bail_ladder.h"
#include "generator/person_error_model.h"
#include "generator/victim_contact_schedule.h"

namespace rasso {

struct GeneratorOptions {
  std::size_t crimes = 2000;
  std::uint64_t seed = 1;
  /// The end of the data period: nothing is dated after it. Default 2025-09-30.
  CivilDate as_of = CivilDate::from_days(20361);
  /// Length of the data period in years: crimes are reported in (as_of - years, as_of].
  int years = 5;
  /// Codes of codes/force.csv; crimes are shared between them in proportion to force_weights
  /// (equal when empty or of the wrong length).
  std::vector<std::string> forces = {"WD", "WM"};
  std::vector<std::uint32_t> force_weights;

  PersonErrorRates errors;
  BailFaultRates bail;
  VictimContactRates contacts;
  /// Share of victim slots filled by someone already a victim in the same force (repeat victims).
  double repeat_victim = 0.06;
  /// Share of repeat suspects whose crimes are split between two forces.
  double cross_force_suspects = 0.10;
};

struct GeneratorSummary {
  /// Data rows (header excluded) written to each file, by file name ("crimes.csv").
  std::map<std::string, std::size_t> rows_per_file;
  /// What was planted, by kind, as also written to planted.json. Among them:
  ///   repeat_suspects            true people who are suspects in 2+ crimes (also _5_plus, _10_plus,
  ///                              _cross_force: in crimes of two forces; max_crimes_per_suspect)
  ///   repeat_victims             true people who are victims in 2+ crimes
  ///   bail_wrong_rank_extensions bail periods 2+ authorised below inspector / superintendent / court
  ///   bail_lapsed                bail ladders that ended by lapsing with no decision; of them
  ///   bail_lapsed_unrecorded     those whose last period expired before as_of with no end recorded
  ///   breaches_without_response  breach rows with a blank response
  ///   breaches_with_new_crime    breaches of an order by committing a new crime (new_crime_ref set)
  ///   nfa_victims / nfa_victims_unexplained  victims (per crime) of an NFA outcome / with no
  ///                              nfa_explained contact by as_of
  ///   late_contact_gaps          updates to a victim made later than the agreed frequency
  ///   s63g_eligible / s63g_applications / s63g_eligible_no_decision
  ///   training_missing / training_expired  serving officers' required courses never done / lapsed
  ///   error_<kind>               person records given each record error (PersonError names)
  std::map<std::string, std::size_t> planted;
};

}  // namespace rasso
