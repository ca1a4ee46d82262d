// rasso record: the recording services of the safeguarding worklists. Each loads the records as
// they stand, validates the change with the pure rules (worklists/recording_validation), and
// writes it in one transaction with its audit event; a changed row keeps its previous version.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "core/field_spec.h"
#include "core/row_fingerprint.h"
#include "core/row_rules.h"
#include "worklists/recording_validation.h"
#include "worklists/s63g_worklist.h"
#include "core/extract_record_rows.h"

namespace rasso::cli {
namespace {

using Row = std::vector<std::string>;

struct RecordOptions {
  std::string db;
  std::string as_of;
  std::string reason;
};

void add_common(CLI::App& command, RecordOptions& options) {
  CommandContext::add_db_option(command, options.db);
  command.add_option("--as-of", options.as_of, "Today's date for the checks, YYYY-MM-DD (default today)");
  command.add_option("--reason", options.reason, "Why (recorded in the audit log)");
}

// The one row of `entity` with key `ref`, or a not_found error.
Result<Row> one_row(Store& store, Entity entity, const std::string& ref) {
  auto rows = store.rows_where(entity, entity_spec(entity).key().name, ref);
  if (!rows) return rows.error();
  if (rows->empty()) return Error{"not_found", "no " + std::string(entity_name(entity)) + " '" + ref + "'"};
  return std::move(rows->front());
}

// Typed tables from a few rows of a few entities.
Result<ExtractTables> typed(std::map<Entity, EntityRows> rows) { return extract_tables_from_rows(rows); }

void set(Row& row, Entity entity, std::string_view field, std::string value) {
  row[*entity_spec(entity).index_of(field)] = std::move(value);
}

// Writes `row` (a new or changed record) with history and an audit event, in one transaction.
Status write_row(CommandContext& context, Store& store, Entity entity, const Row& row, const std::string& action,
                 const std::string& processing, const std::string& reason) {
  const EntitySpec& spec = entity_spec(entity);
  const auto violations = check_row_rules(spec, row);
  if (!violations.empty()) {
    return Error{"invalid_input", "field '" + violations.front().field + "': " + violations.front().rule};
  }
  const std::string now = now_iso();
  auto session = store.begin_import("manual:" + context.actor(), now);
  if (!session) return session.error();
  auto written = (*session)->upsert(entity, row, row_fingerprint(row), 0);
  if (!written) return written.error();
  AuditEvent audit;
  audit.occurred_at = now;
  audit.actor = context.actor();
  audit.action = action;
  audit.processing = processing;
  audit.subject_type = std::string(spec.name());
  audit.subject_id = row[0];
  audit.purpose = reason.empty() ? "safeguarding" : reason;
  audit.correlation_id = action + "-" + now;
  nlohmann::json values = nlohmann::json::object();
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    if (!row[i].empty()) values[std::string(spec.fields[i].name)] = row[i];
  }
  audit.details_json = nlohmann::json{{"values", values}, {"reason", reason}}.dump();
  return (*session)->commit(now, nlohmann::json{{"manual", action}, {"record", row[0]}}.dump(), audit);
}

std::optional<CivilDate> parse_date(CommandContext& context, const std::string& name, const std::string& text) {
  const auto date = CivilDate::parse_iso(text);
  if (!date) context.fail(Error{"invalid_input", name + " '" + text + "': " + CivilDate::parse_iso_problem(text)});
  return date;
}

void register_breach_response(CLI::App& record, CommandContext& context) {
  struct Options : RecordOptions {
    std::string breach_ref, response, date;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = record.add_subcommand("breach-response", "Record the police response to a breach");
  command->add_option("breach_ref", o->breach_ref, "The breach")->required();
  command->add_option("--response", o->response, "arrest, charge, warning, court or none")->required();
  command->add_option("--date", o->date, "Date of the response, YYYY-MM-DD")->required();
  add_common(*command, *o);
  command->callback([o, &context] {
    const auto as_of = context.parse_as_of(o->as_of);
    const auto date = parse_date(context, "--date", o->date);
    if (!as_of || !date) return;
    auto store = context.open_store(o->db, false);
    if (!store) return;
    auto row = one_row(*store, Entity::Breaches, o->breach_ref);
    if (!row) return context.fail(row.error());
    auto inputs = typed({{Entity::Breaches, {*row}}});
    if (!inputs) return context.fail(inputs.error());
    Status valid = validate_breach_response({o->response, *date}, inputs->breaches.front(), *as_of);
    if (!valid) return context.fail(valid.error());
    set(*row, Entity::Breaches, "response", o->response);
    set(*row, Entity::Breaches, "response_date", date->to_iso());
    Status written = write_row(context, *store, Entity::Breaches, *row, "breach.respond", "alteration", o->reason);
    if (!written) return context.fail(written.error());
    fmt::print("Recorded response '{}' on {} to breach {}.\n", o->response, date->to_iso(), o->breach_ref);
  });
}

void register_victim_contact(CLI::App& record, CommandContext& context) {
  struct Options : RecordOptions {
    std::string crime_ref, person_ref, date, method, purpose, officer_ref, contact_ref;
    int frequency = 0;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = record.add_subcommand("victim-contact", "Record a contact with a victim");
  command->add_option("crime_ref", o->crime_ref, "The crime")->required();
  command->add_option("person_ref", o->person_ref, "The victim")->required();
  command->add_option("--date", o->date, "Date of the contact, YYYY-MM-DD")->required();
  command->add_option("--method", o->method, "phone, in_person, video, email, letter, text")->required();
  command->add_option("--purpose", o->purpose, "initial, update, decision, nfa_explained, right_to_review, isva_referral, withdrawal")
      ->required();
  command->add_option("--frequency", o->frequency, "Contact frequency agreed with the victim, in days");
  command->add_option("--officer", o->officer_ref, "Officer who made the contact");
  command->add_option("--ref", o->contact_ref, "Reference for the contact (default: generated)");
  add_common(*command, *o);
  command->callback([o, &context] {
    const auto as_of = context.parse_as_of(o->as_of);
    const auto date = parse_date(context, "--date", o->date);
    if (!as_of || !date) return;
    auto store = context.open_store(o->db, false);
    if (!store) return;
    auto crime = one_row(*store, Entity::Crimes, o->crime_ref);
    if (!crime) return context.fail(crime.error());
    auto involvements = store->rows_where(Entity::Involvements, "crime_ref", o->crime_ref);
    if (!involvements) return context.fail(involvements.error());
    auto inputs = typed({{Entity::Crimes, {*crime}}, {Entity::Involvements, *involvements}});
    if (!inputs) return context.fail(inputs.error());
    const std::optional<int> frequency = o->frequency > 0 ? std::optional<int>(o->frequency) : std::nullopt;
    Status valid = validate_victim_contact({o->person_ref, *date, o->method, o->purpose, frequency}, inputs->crimes.front(),
                                           inputs->involvements, *as_of, SafeguardingConfig{});
    if (!valid) return context.fail(valid.error());
    if (!o->officer_ref.empty()) {
      auto officer = one_row(*store, Entity::Officers, o->officer_ref);
      if (!officer) return context.fail(officer.error());
    }
    Row row(entity_spec(Entity::VictimContacts).fields.size());
    const std::string ref = o->contact_ref.empty() ? "VC-" + o->crime_ref + "-" + now_iso().substr(0, 19) : o->contact_ref;
    std::string safe_ref;
    for (char c : ref) safe_ref += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '/' || c == '.') ? c : '-';
    set(row, Entity::VictimContacts, "contact_ref", safe_ref);
    set(row, Entity::VictimContacts, "crime_ref", o->crime_ref);
    set(row, Entity::VictimContacts, "person_ref", o->person_ref);
    set(row, Entity::VictimContacts, "contact_date", date->to_iso());
    set(row, Entity::VictimContacts, "method", o->method);
    set(row, Entity::VictimContacts, "purpose", o->purpose);
    if (frequency) set(row, Entity::VictimContacts, "agreed_frequency_days", std::to_string(*frequency));
    set(row, Entity::VictimContacts, "officer_ref", o->officer_ref);
    Status written = write_row(context, *store, Entity::VictimContacts, row, "victim.contact", "collection", o->reason);
    if (!written) return context.fail(written.error());
    fmt::print("Recorded {} contact {} with victim {} on {}.\n", o->purpose, safe_ref, o->person_ref, date->to_iso());
  });
}

void register_bail_extension(CLI::App& record, CommandContext& context) {
  struct Options : RecordOptions {
    std::string arrest_ref, authorised_by, date, end_date, conditions, bail_ref;
    bool victim_views = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = record.add_subcommand("bail-extension", "Record an extension of pre-charge bail");
  command->add_option("arrest_ref", o->arrest_ref, "The arrest the bail follows")->required();
  command->add_option("--authorised-by", o->authorised_by, "Rank or COURT (codes/bail_authority.csv)")->required();
  command->add_option("--date", o->date, "Date authorised, YYYY-MM-DD")->required();
  command->add_option("--until", o->end_date, "Last day of the new period, YYYY-MM-DD")->required();
  command->add_option("--conditions", o->conditions, "Bail conditions");
  command->add_flag("--victim-views-sought", o->victim_views, "The victim's views on conditions were sought");
  command->add_option("--ref", o->bail_ref, "Reference for the new period (default: arrest ref + period number)");
  add_common(*command, *o);
  command->callback([o, &context] {
    const auto as_of = context.parse_as_of(o->as_of);
    const auto date = parse_date(context, "--date", o->date);
    const auto until = parse_date(context, "--until", o->end_date);
    if (!as_of || !date || !until) return;
    CodeTables codes;
    if (!context.load_codes(codes)) return;
    auto ranks = BailAuthorityRanks::from_code_table(*codes.table("bail_authority"));
    if (!ranks) return context.fail(ranks.error());
    auto store = context.open_store(o->db, false);
    if (!store) return;
    auto periods = store->rows_where(Entity::Bail, "arrest_ref", o->arrest_ref);
    if (!periods) return context.fail(periods.error());
    auto inputs = typed({{Entity::Bail, *periods}});
    if (!inputs) return context.fail(inputs.error());
    const BailExtensionRequest request{o->authorised_by, *date, *until, o->conditions,
                                       o->victim_views ? std::optional<bool>(true) : std::nullopt};
    auto number = validate_bail_extension(request, inputs->bail_periods, *as_of, *ranks);
    if (!number) return context.fail(number.error());
    // The current period ends in an extension.
    const BailPeriodRecord* current = nullptr;
    for (const BailPeriodRecord& period : inputs->bail_periods) {
      if (current == nullptr || period.period_number > current->period_number) current = &period;
    }
    for (Row& row : *periods) {
      if (row[0] != current->bail_ref) continue;
      set(row, Entity::Bail, "end_reason", "extended");
      set(row, Entity::Bail, "ended_date", current->end_date.to_iso());
      Status closed = write_row(context, *store, Entity::Bail, row, "bail.extend", "alteration", o->reason);
      if (!closed) return context.fail(closed.error());
    }
    Row row(entity_spec(Entity::Bail).fields.size());
    const std::string ref = o->bail_ref.empty() ? o->arrest_ref + "-P" + std::to_string(*number) : o->bail_ref;
    set(row, Entity::Bail, "bail_ref", ref);
    set(row, Entity::Bail, "arrest_ref", o->arrest_ref);
    set(row, Entity::Bail, "period_number", std::to_string(*number));
    set(row, Entity::Bail, "start_date", current->end_date.to_iso());
    set(row, Entity::Bail, "end_date", until->to_iso());
    set(row, Entity::Bail, "authorised_by", o->authorised_by);
    set(row, Entity::Bail, "authorised_date", date->to_iso());
    set(row, Entity::Bail, "conditions", o->conditions);
    if (o->victim_views) set(row, Entity::Bail, "victim_views_sought", "1");
    Status written = write_row(context, *store, Entity::Bail, row, "bail.extend", "alteration", o->reason);
    if (!written) return context.fail(written.error());
    fmt::print("Recorded bail period {} ({}) to {} authorised by {}.\n", *number, ref, until->to_iso(), o->authorised_by);
  });
}

void register_s63g_decision(CLI::App& record, CommandContext& context) {
  struct Options : RecordOptions {
    std::string biometric_ref, ground, application_date, decision, decision_date;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = record.add_subcommand("s63g", "Record a s63G application or the Commissioner's decision");
  command->add_option("biometric_ref", o->biometric_ref, "The biometric record")->required();
  command->add_option("--decision", o->decision, "pending, granted, refused or not_applied")->required();
  command->add_option("--ground", o->ground, "victim_under_18, victim_vulnerable, victim_associated, prevent_detect");
  command->add_option("--applied", o->application_date, "Date the application was made, YYYY-MM-DD");
  command->add_option("--decided", o->decision_date, "Date of the Commissioner's decision, YYYY-MM-DD");
  add_common(*command, *o);
  command->callback([o, &context] {
    const auto as_of = context.parse_as_of(o->as_of);
    if (!as_of) return;
    std::optional<CivilDate> applied, decided;
    if (!o->application_date.empty() && !(applied = parse_date(context, "--applied", o->application_date))) return;
    if (!o->decision_date.empty() && !(decided = parse_date(context, "--decided", o->decision_date))) return;
    auto store = context.open_store(o->db, false);
    if (!store) return;
    auto biometric = one_row(*store, Entity::Biometrics, o->biometric_ref);
    if (!biometric) return context.fail(biometric.error());
    std::map<Entity, EntityRows> rows = {{Entity::Biometrics, {*biometric}}};
    const std::string arrest_ref = (*biometric)[*entity_spec(Entity::Biometrics).index_of("arrest_ref")];
    auto arrest = one_row(*store, Entity::Arrests, arrest_ref);
    if (!arrest) return context.fail(arrest.error());
    const std::string crime_ref = (*arrest)[*entity_spec(Entity::Arrests).index_of("crime_ref")];
    auto crime = one_row(*store, Entity::Crimes, crime_ref);
    if (!crime) return context.fail(crime.error());
    auto involvements = store->rows_where(Entity::Involvements, "crime_ref", crime_ref);
    if (!involvements) return context.fail(involvements.error());
    rows[Entity::Arrests] = {*arrest};
    rows[Entity::Crimes] = {*crime};
    rows[Entity::Involvements] = *involvements;
    auto inputs = typed(std::move(rows));
    if (!inputs) return context.fail(inputs.error());
    const SafeguardingConfig config;
    const S63gFacts facts = s63g_facts(inputs->biometrics.front(), &inputs->arrests.front(), &inputs->crimes.front(),
                                       inputs->involvements, *as_of, config);
    Status valid = validate_s63g_decision({o->ground, applied, o->decision, decided}, inputs->biometrics.front(),
                                          assess_s63g_eligibility(facts, config), *as_of);
    if (!valid) return context.fail(valid.error());
    if (!o->ground.empty()) set(*biometric, Entity::Biometrics, "ground", o->ground);
    if (applied) set(*biometric, Entity::Biometrics, "application_date", applied->to_iso());
    set(*biometric, Entity::Biometrics, "decision", o->decision);
    if (decided) set(*biometric, Entity::Biometrics, "decision_date", decided->to_iso());
    Status written = write_row(context, *store, Entity::Biometrics, *biometric, "s63g.decide", "alteration", o->reason);
    if (!written) return context.fail(written.error());
    fmt::print("Recorded s63G '{}' for {}.\n", o->decision, o->biometric_ref);
  });
}

}  // namespace

void register_record_command(CLI::App& app, CommandContext& context) {
  CLI::App* record = app.add_subcommand("record", "Record what was done: breach responses, victim contacts, bail extensions, s63G");
  record->require_subcommand(1);
  register_breach_response(*record, context);
  register_victim_contact(*record, context);
  register_bail_extension(*record, context);
  register_s63g_decision(*record, context);
}

}  // namespace rasso::cli
