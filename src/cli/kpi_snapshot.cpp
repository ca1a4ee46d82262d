#include "cli/kpi_snapshot.h"

#include "analytics/offence_facts.h"
#include "ingest/bank_holiday_file.h"
#include "ingest/reference_data.h"
#include "store/extract_snapshot.h"

namespace rasso::cli {

std::optional<KpiSnapshot> load_kpi_snapshot(CommandContext& context, Store& store, CivilDate as_of,
                                             const KpiScope& scope) {
  KpiSnapshot snapshot;
  if (!context.load_codes(snapshot.codes)) return std::nullopt;
  auto holidays = load_bank_holidays(reference_data_dir());
  if (!holidays) {
    context.fail(holidays.error());
    return std::nullopt;
  }
  snapshot.calendar = BankHolidayCalendar(*holidays);
  auto loaded = load_resolved_tables(store, {Entity::Units, Entity::Officers, Entity::Crimes, Entity::Persons,
                                             Entity::Involvements, Entity::Arrests, Entity::Bail, Entity::Orders,
                                             Entity::Breaches, Entity::VictimContacts, Entity::Biometrics,
                                             Entity::Training});
  if (!loaded) {
    context.fail(loaded.error());
    return std::nullopt;
  }
  snapshot.tables = std::move(loaded->tables);
  snapshot.involvement_resolution = std::move(loaded->involvement_resolution);
  snapshot.offences = offence_facts(snapshot.codes);
  RepeatSuspectInputs repeat_inputs;
  repeat_inputs.crimes = &snapshot.tables.crimes;
  repeat_inputs.involvements = &snapshot.tables.involvements;
  repeat_inputs.involvement_resolution = &snapshot.involvement_resolution;
  repeat_inputs.offences = &snapshot.offences;
  snapshot.repeat_suspects = find_repeat_suspects(repeat_inputs, snapshot.definition, RankingWeights{}, as_of);
  KpiInputs inputs;
  inputs.tables = &snapshot.tables;
  inputs.offences = &snapshot.offences;
  inputs.repeat_suspects = &snapshot.repeat_suspects;
  inputs.repeat_min_crimes = snapshot.definition.min_crimes;
  inputs.calendar = &snapshot.calendar;
  inputs.force_code = scope.force_code;
  inputs.unit_ref = scope.unit_ref;
  snapshot.facts = build_kpi_facts(inputs, as_of);
  return snapshot;
}

}  // namespace rasso::cli
