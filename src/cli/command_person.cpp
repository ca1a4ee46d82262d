#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "core/field_spec.h"

namespace rasso::cli {
namespace {

/// A row as a JSON object keyed by field name, blanks left out.
nlohmann::json row_json(Entity entity, const std::vector<std::string>& row) {
  const EntitySpec& spec = entity_spec(entity);
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i < spec.fields.size() && i < row.size(); ++i) {
    if (!row[i].empty()) out[std::string(spec.fields[i].name)] = row[i];
  }
  return out;
}

std::string field_of(const nlohmann::json& object, const char* name) {
  return object.contains(name) ? object[name].get<std::string>() : std::string();
}

// Resolves "R123", "123" or a person_ref to the resolved id and its records.
Result<std::pair<std::int64_t, std::vector<std::string>>> find_person(Store& store, const std::string& id) {
  std::string digits = id;
  if (!digits.empty() && (digits[0] == 'R' || digits[0] == 'r')) digits.erase(0, 1);
  if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos) {
    const std::int64_t resolved_id = std::stoll(digits);
    auto refs = store.person_refs_of(resolved_id);
    if (!refs) return refs.error();
    if (!refs->empty()) return std::make_pair(resolved_id, std::move(*refs));
  }
  auto record = store.rows_where(Entity::Persons, "person_ref", id);
  if (!record) return record.error();
  if (record->empty()) return Error{"not_found", "no resolved person or person record '" + id + "'"};
  auto assignment = store.resolved_assignment();
  if (!assignment) return assignment.error();
  for (const auto& [person_ref, resolved_id] : *assignment) {
    if (person_ref == id) {
      auto refs = store.person_refs_of(resolved_id);
      if (!refs) return refs.error();
      return std::make_pair(resolved_id, std::move(*refs));
    }
  }
  return std::make_pair(std::int64_t{0}, std::vector<std::string>{id});
}

}  // namespace

void register_person_command(CLI::App& app, CommandContext& context) {
  struct Options {
    std::string db;
    std::string id;
    bool explain = false;
    bool json = false;
    std::string purpose = "investigation";
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("person", "Show a resolved person: linked records, crimes and why they were linked");
  command->add_option("id", options->id, "Resolved person id (R123 or 123) or a person_ref")->required();
  CommandContext::add_db_option(*command, options->db);
  command->add_flag("--explain", options->explain, "Show every link with its field-by-field weights");
  command->add_flag("--json", options->json, "Print as JSON");
  command->add_option("--purpose", options->purpose, "Why you are looking (recorded in the audit log)");
  command->callback([options, &context] {
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto found = find_person(*store, options->id);
    if (!found) return context.fail(found.error());
    const auto& [resolved_id, refs] = *found;
    nlohmann::json out = {{"resolved_id", resolved_id}, {"records", nlohmann::json::array()},
                          {"involvements", nlohmann::json::array()}, {"links", nlohmann::json::array()}};
    for (const std::string& ref : refs) {
      auto record = store->rows_where(Entity::Persons, "person_ref", ref);
      if (!record) return context.fail(record.error());
      for (const auto& row : *record) out["records"].push_back(row_json(Entity::Persons, row));
      auto involvements = store->rows_where(Entity::Involvements, "person_ref", ref);
      if (!involvements) return context.fail(involvements.error());
      for (const auto& row : *involvements) out["involvements"].push_back(row_json(Entity::Involvements, row));
    }
    if (resolved_id != 0) {
      auto links = store->links_of(resolved_id);
      if (!links) return context.fail(links.error());
      for (const StoredLink& link : *links) {
        out["links"].push_back({{"a", link.person_ref_a},
                                {"b", link.person_ref_b},
                                {"match_weight", link.match_weight},
                                {"probability", link.probability},
                                {"source", link.source},
                                {"evidence", nlohmann::json::parse(link.evidence, nullptr, false)}});
      }
    }
    context.audit(*store, "person.view", "consultation", "resolved_person",
                  resolved_id ? "R" + std::to_string(resolved_id) : refs.front(), options->purpose,
                  {{"records", refs}, {"explain", options->explain}});
    if (options->json) {
      fmt::print("{}\n", out.dump(2));
      return;
    }
    fmt::print("{} — {} person record(s)\n", resolved_id ? "Resolved person R" + std::to_string(resolved_id) : "Unresolved record",
               refs.size());
    for (const auto& record : out["records"]) {
      fmt::print("  {:<16} {:<12} {:<12} {:<18} {:<10} {:<3} {:<9} {}\n", field_of(record, "person_ref"),
                 field_of(record, "forename"), field_of(record, "middle_names"), field_of(record, "surname"),
                 field_of(record, "dob"), field_of(record, "sex"), field_of(record, "postcode"), field_of(record, "pnc_id"));
    }
    fmt::print("Crimes:\n");
    for (const auto& involvement : out["involvements"]) {
      fmt::print("  {:<16} {:<8} {:<18} as {}\n", field_of(involvement, "crime_ref"), field_of(involvement, "role"),
                 field_of(involvement, "suspect_status"), field_of(involvement, "person_ref"));
    }
    if (!options->explain) {
      fmt::print("{} link(s); add --explain for the evidence.\n", out["links"].size());
      return;
    }
    for (const auto& link : out["links"]) {
      fmt::print("link {} ~ {}  weight {:.1f}  probability {:.4f}  ({})\n", link["a"].get<std::string>(),
                 link["b"].get<std::string>(), link["match_weight"].get<double>(), link["probability"].get<double>(),
                 link["source"].get<std::string>());
      if (!link["evidence"].is_object()) continue;
      fmt::print("    {:<12} {:<22} {:<22} {:<22} {:>7}\n", "prior", "", "", "", fmt::format("{:+.2f}", link["evidence"]["prior"].get<double>()));
      for (const auto& field : link["evidence"]["fields"]) {
        const double weight = field["weight"].get<double>() + field["tf_adjustment"].get<double>();
        fmt::print("    {:<12} {:<22} {:<22} {:<22} {:>7}\n", field["field"].get<std::string>(), field["a"].get<std::string>(),
                   field["b"].get<std::string>(), field["level"].get<std::string>(), fmt::format("{:+.2f}", weight));
      }
    }
  });
}

}  // namespace rasso::cli
