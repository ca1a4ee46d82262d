#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analytics/data_quality.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "analytics/offence_facts.h"
#include "store/extract_snapshot.h"

namespace rasso::cli {

void register_quality_command(CLI::App& app, CommandContext& context) {
  struct Options {
    std::string db;
    bool json = false;
    std::size_t examples = 10;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("quality", "Person-record data quality: missing fields, bad and conflicting PNC IDs, duplicates");
  CommandContext::add_db_option(*command, options->db);
  command->add_flag("--json", options->json, "Print as JSON");
  command->add_option("--examples", options->examples, "PNC conflicts to list (default 10)");
  command->callback([options, &context] {
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto rows = store->rows(Entity::Persons);
    if (!rows) return context.fail(rows.error());
    auto resolved = load_resolved(*store);
    if (!resolved) return context.fail(resolved.error());
    const DataQualityReport report = assess_person_data_quality(*rows, *resolved);
    context.audit(*store, "quality.view", "consultation", "person_records", "all", "data quality",
                  {{"records", report.person_records}});
    if (options->json) {
      nlohmann::json out = {{"person_records", report.person_records},
                            {"invalid_pnc_check", report.invalid_pnc_check},
                            {"likely_duplicates", report.likely_duplicates},
                            {"resolution_available", report.resolution_available},
                            {"pnc_conflicts", report.pnc_conflicts.size()},
                            {"sources", nlohmann::json::array()},
                            {"pnc_conflict_examples", nlohmann::json::array()}};
      for (const SourceQuality& source : report.sources) {
        nlohmann::json missing = nlohmann::json::object();
        for (const FieldCompleteness& field : source.fields) missing[field.field] = {{"missing", field.missing}, {"rate", field.missing_rate()}};
        out["sources"].push_back({{"source", source.source}, {"records", source.records}, {"missing", missing},
                                  {"invalid_pnc_check", source.invalid_pnc_check}, {"likely_duplicates", source.likely_duplicates}});
      }
      for (std::size_t i = 0; i < report.pnc_conflicts.size() && i < options->examples; ++i) {
        out["pnc_conflict_examples"].push_back({{"pnc_id", report.pnc_conflicts[i].pnc_id},
                                                {"dates_of_birth", report.pnc_conflicts[i].dates_of_birth},
                                                {"person_refs", report.pnc_conflicts[i].person_refs}});
      }
      fmt::print("{}\n", out.dump(2));
      return;
    }
    fmt::print("Person records: {}\n\nMissing fields by source (share of records with the field blank):\n", report.person_records);
    fmt::print("{:<8} {:>9}", "source", "records");
    for (const FieldCompleteness& field : report.sources.empty() ? std::vector<FieldCompleteness>{} : report.sources.front().fields) {
      fmt::print(" {:>10}", field.field);
    }
    fmt::print("\n");
    for (const SourceQuality& source : report.sources) {
      fmt::print("{:<8} {:>9}", source.source, source.records);
      for (const FieldCompleteness& field : source.fields) fmt::print(" {:>9.1f}%", field.missing_rate() * 100);
      fmt::print("\n");
    }
    fmt::print("\nPNC IDs failing the check character: {}\n", report.invalid_pnc_check);
    fmt::print("PNC IDs carried with different dates of birth: {}\n", report.pnc_conflicts.size());
    for (std::size_t i = 0; i < report.pnc_conflicts.size() && i < options->examples; ++i) {
      const PncConflict& conflict = report.pnc_conflicts[i];
      std::string dobs, refs;
      for (const std::string& dob : conflict.dates_of_birth) dobs += (dobs.empty() ? "" : ", ") + dob;
      for (const std::string& ref : conflict.person_refs) refs += (refs.empty() ? "" : ", ") + ref;
      fmt::print("  {}  dob {}  records {}\n", conflict.pnc_id, dobs, refs);
    }
    if (report.resolution_available) {
      fmt::print("Likely duplicates within one source system (records beyond the first of one resolved person): {}\n",
                 report.likely_duplicates);
    } else {
      fmt::print("Likely duplicates: run 'rasso link' first.\n");
    }
  });
}

}  // namespace rasso::cli
