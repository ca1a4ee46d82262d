// rasso record: the recording services of the safeguarding worklists. Each loads the records as
// they stand, validates the change with the pure rules (worklists/recording_validation), and
// writes it in one transaction with its audit event; a changed row keeps its previous version.

#include <fmt/format.h>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "server/recording_service.h"

namespace rasso::cli {
namespace {

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

RecordingContext recording_context(const CommandContext& context, CivilDate as_of, const std::string& reason) {
  return RecordingContext{context.actor(), now_iso(), as_of, reason, {}};
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
    auto recorded = record_breach_response(*store, recording_context(context, *as_of, o->reason), o->breach_ref,
                                           {o->response, *date});
    if (!recorded) return context.fail(recorded.error());
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
    const std::optional<int> frequency = o->frequency > 0 ? std::optional<int>(o->frequency) : std::nullopt;
    auto recorded = record_victim_contact(*store, recording_context(context, *as_of, o->reason), o->crime_ref,
                                          {o->person_ref, *date, o->method, o->purpose, frequency}, o->officer_ref,
                                          o->contact_ref);
    if (!recorded) return context.fail(recorded.error());
    fmt::print("Recorded {} contact {} with victim {} on {}.\n", o->purpose, *recorded, o->person_ref, date->to_iso());
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
    const BailExtensionRequest request{o->authorised_by, *date, *until, o->conditions,
                                       o->victim_views ? std::optional<bool>(true) : std::nullopt};
    auto recorded = record_bail_extension(*store, recording_context(context, *as_of, o->reason), o->arrest_ref, request,
                                          *ranks, o->bail_ref);
    if (!recorded) return context.fail(recorded.error());
    fmt::print("Recorded bail period {} ({}) to {} authorised by {}.\n", recorded->period_number, recorded->bail_ref,
               until->to_iso(), o->authorised_by);
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
    auto recorded = record_s63g_decision(*store, recording_context(context, *as_of, o->reason), o->biometric_ref,
                                         {o->ground, applied, o->decision, decided});
    if (!recorded) return context.fail(recorded.error());
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
