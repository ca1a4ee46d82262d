#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analytics/repeat_suspects.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "analytics/offence_facts.h"
#include "store/extract_snapshot.h"
#include "ingest/csv_writer.h"

namespace rasso::cli {
namespace {

struct SuspectsOptions {
  std::string db;
  std::size_t top = 20;
  std::string as_of;
  bool json = false;
  bool csv = false;
  bool cold_cases = false;
  RepeatSuspectDefinition definition;
  int look_back_months = 0;
  RankingWeights weights;
};

nlohmann::json suspect_json(const RepeatSuspect& suspect, std::size_t rank) {
  nlohmann::json crimes = nlohmann::json::array();
  for (const SuspectCrime& crime : suspect.crimes) {
    crimes.push_back({{"crime_ref", crime.crime_ref},       {"force_code", crime.force_code},
                      {"offence_code", crime.offence_code}, {"reported_date", crime.reported_date.to_iso()},
                      {"outcome_code", crime.outcome_code}, {"harm_weight_days", crime.harm_weight_days},
                      {"victims", crime.victims},           {"person_ref", crime.person_ref},
                      {"cold_case", crime.cold_case}});
  }
  return {{"rank", rank},
          {"resolved_id", suspect.resolved_id},
          {"person_refs", suspect.person_refs},
          {"score", suspect.score},
          {"recency_points", suspect.recency_points},
          {"frequency", suspect.crimes.size()},
          {"gravity_years", suspect.gravity_years},
          {"distinct_victims", suspect.distinct_victims},
          {"forces", suspect.forces},
          {"latest_crime", suspect.latest_crime.to_iso()},
          {"current_measures", suspect.current_measures},
          {"reasons", suspect.reasons},
          {"crimes", crimes}};
}

void print_table(const std::vector<RepeatSuspect>& suspects, std::size_t top, bool cold_cases) {
  fmt::print("{:>4} {:>10} {:>7} {:>3} {:>3} {:>6} {:>3}  {:<10} {:<7} {}\n", "rank", "person", "score", "R", "F", "G",
             "V", "latest", "forces", "current bail / orders");
  for (std::size_t i = 0; i < suspects.size() && i < top; ++i) {
    const RepeatSuspect& s = suspects[i];
    std::string forces;
    for (const std::string& force : s.forces) forces += (forces.empty() ? "" : ",") + force;
    std::string measures;
    for (const std::string& measure : s.current_measures) measures += (measures.empty() ? "" : "; ") + measure;
    const std::string person = s.resolved_id ? "R" + std::to_string(s.resolved_id) : s.person_refs.front();
    fmt::print("{:>4} {:>10} {:>7.2f} {:>3} {:>3} {:>6.1f} {:>3}  {:<10} {:<7} {}\n", i + 1, person, s.score,
               s.recency_points, s.crimes.size(), s.gravity_years, s.distinct_victims, s.latest_crime.to_iso(), forces,
               measures.empty() ? "none" : measures);
    for (const std::string& reason : s.reasons) fmt::print("{:>16}- {}\n", "", reason);
    if (!cold_cases) continue;
    for (const SuspectCrime& crime : s.crimes) {
      if (crime.cold_case) {
        fmt::print("{:>16}  cold case: {} {} reported {} outcome {}\n", "", crime.crime_ref, crime.offence_code,
                   crime.reported_date.to_iso(), crime.outcome_code == 0 ? "open" : std::to_string(crime.outcome_code));
      }
    }
  }
}

void print_csv(const std::vector<RepeatSuspect>& suspects, std::size_t top) {
  fmt::print("rank,resolved_id,person_refs,score,recency_points,frequency,gravity_years,distinct_victims,forces,"
             "latest_crime,crime_refs,cold_case_refs,current_measures\n");
  for (std::size_t i = 0; i < suspects.size() && i < top; ++i) {
    const RepeatSuspect& s = suspects[i];
    std::string refs, crimes, cold, forces, measures;
    for (const std::string& ref : s.person_refs) refs += (refs.empty() ? "" : ";") + ref;
    for (const SuspectCrime& crime : s.crimes) {
      crimes += (crimes.empty() ? "" : ";") + crime.crime_ref;
      if (crime.cold_case) cold += (cold.empty() ? "" : ";") + crime.crime_ref;
    }
    for (const std::string& force : s.forces) forces += (forces.empty() ? "" : ";") + force;
    for (const std::string& measure : s.current_measures) measures += (measures.empty() ? "" : "; ") + measure;
    fmt::print("{},{},{},{:.2f},{},{},{:.2f},{},{},{},{},{},{}\n", i + 1, s.resolved_id, csv_escape(refs, true), s.score,
               s.recency_points, s.crimes.size(), s.gravity_years, s.distinct_victims, csv_escape(forces, true),
               s.latest_crime.to_iso(), csv_escape(crimes, true), csv_escape(cold, true), csv_escape(measures, true));
  }
}

}  // namespace

void register_suspects_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<SuspectsOptions>();
  CLI::App* command = app.add_subcommand("suspects", "Rank repeat suspects for tasking, with the reasons for each flag");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--top", options->top, "Show the first N (default 20)");
  command->add_option("--as-of", options->as_of, "Date to rank as of, YYYY-MM-DD (default today)");
  command->add_flag("--json", options->json, "Print as JSON (one object with an items array)");
  command->add_flag("--csv", options->csv, "Print as CSV");
  command->add_flag("--cold-cases", options->cold_cases, "List earlier crimes closed without charge or still open");
  command->add_option("--min-crimes", options->definition.min_crimes, "Crimes needed (default 2)")->check(CLI::Range(2, 1000));
  command->add_option("--look-back", options->look_back_months, "Only crimes in the last N months (default: all)")
      ->check(CLI::Range(1, 600));
  command->add_option("--offence-group", options->definition.offence_groups,
                      "Count only these groups: rape, sexual_assault, child_sexual_offence, other");
  command->add_flag("--distinct-victims", options->definition.distinct_victims_required,
                    "Require as many distinct victims as crimes");
  command->add_flag("--across-forces", options->definition.across_forces_only, "Only people named in two or more forces");
  command->add_option("--weight-recency", options->weights.recency, "Weight of R (default 1)");
  command->add_option("--weight-frequency", options->weights.frequency, "Weight of F (default 1)");
  command->add_option("--weight-gravity", options->weights.gravity, "Weight of G (default 1)");
  command->add_option("--weight-victims", options->weights.victims, "Weight of V (default 1)");
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    if (options->look_back_months > 0) options->definition.look_back_months = options->look_back_months;
    CodeTables codes;
    if (!context.load_codes(codes)) return;
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto loaded = load_resolved_tables(
        *store, {Entity::Crimes, Entity::Involvements, Entity::Arrests, Entity::Bail, Entity::Orders});
    if (!loaded) return context.fail(loaded.error());
    const ExtractTables& tables = loaded->tables;
    const auto offences = offence_facts(codes);
    RepeatSuspectInputs inputs;
    inputs.crimes = &tables.crimes;
    inputs.involvements = &tables.involvements;
    inputs.involvement_resolution = &loaded->involvement_resolution;
    inputs.offences = &offences;
    inputs.arrests = &tables.arrests;
    inputs.bail_periods = &tables.bail_periods;
    inputs.orders = &tables.orders;
    const auto suspects = find_repeat_suspects(inputs, options->definition, options->weights, *as_of);
    context.audit(*store, "suspects.list", "consultation", "repeat_suspect_list", as_of->to_iso(), "tasking",
                  {{"definition", options->definition.describe()}, {"listed", std::min(options->top, suspects.size())}});
    if (options->json) {
      nlohmann::json out = {{"as_of", as_of->to_iso()},
                            {"definition", options->definition.describe()},
                            {"resolution", !loaded->linked ? "none: run 'rasso link' to resolve identities" : "latest linkage run"},
                            {"total", suspects.size()},
                            {"items", nlohmann::json::array()}};
      for (std::size_t i = 0; i < suspects.size() && i < options->top; ++i) out["items"].push_back(suspect_json(suspects[i], i + 1));
      fmt::print("{}\n", out.dump(2));
    } else if (options->csv) {
      print_csv(suspects, options->top);
    } else {
      fmt::print("Repeat suspects as of {}: {} found. Definition: {}\n", as_of->to_iso(), suspects.size(),
                 options->definition.describe());
      if (!loaded->linked) fmt::print("Identities are not resolved yet: run 'rasso link' first (records are counted as written).\n");
      fmt::print("Score = R (recency points) + F (crimes) + G (harm, years) + V (distinct victims).\n\n");
      print_table(suspects, options->top, options->cold_cases);
    }
  });
}

}  // namespace rasso::cli
