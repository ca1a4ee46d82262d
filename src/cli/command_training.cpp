// rasso training compliance|worklist|courses|course-set: the course catalogue, who holds what
// their role requires, and what is overdue or lapsing.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/cli_audit_event.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/tabular_output.h"
#include "store/extract_snapshot.h"
#include "store/governance_loading.h"
#include "worklists/training_compliance.h"
#include "worklists/training_worklist.h"

namespace rasso::cli {
namespace {

struct OutputOptions {
  bool json = false;
  bool csv = false;
  std::size_t limit = 50;
};

void add_output_flags(CLI::App& command, OutputOptions& output) {
  command.add_flag("--json", output.json, "Print JSON");
  command.add_flag("--csv", output.csv, "Print CSV");
  command.add_option("--limit", output.limit, "Table: show the first N rows (default 50); JSON and CSV list all");
}

// The store, code tables, workforce tables and catalogue a training command reads.
struct TrainingInputs {
  CodeTables codes;
  std::unique_ptr<Store> store;
  ExtractTables tables;
  std::vector<TrainingCourse> catalogue;
};

std::optional<TrainingInputs> load_inputs(CommandContext& context, const std::string& db, bool workforce) {
  TrainingInputs inputs;
  if (!context.load_codes(inputs.codes)) return std::nullopt;
  inputs.store = context.open_store(db, false);
  if (!inputs.store) return std::nullopt;
  auto catalogue = load_course_catalogue(*inputs.store, inputs.codes.table("course"),
                                         cli_audit_event(context, "training.course.seed", "collection", "training_course",
                                                         "catalogue", "workforce governance",
                                                         {{"from", "codes/course.csv"}}));
  if (!catalogue) {
    context.fail(catalogue.error());
    return std::nullopt;
  }
  inputs.catalogue = std::move(*catalogue);
  if (workforce) {
    auto tables = load_extract_tables(*inputs.store, {Entity::Units, Entity::Officers, Entity::Training});
    if (!tables) {
      context.fail(tables.error());
      return std::nullopt;
    }
    inputs.tables = std::move(*tables);
  }
  return inputs;
}

std::string percent(double rate) { return fmt::format("{:.1f}", rate * 100.0); }

std::vector<std::string> summary_cells(const ComplianceSummary& summary) {
  return {std::to_string(summary.officers), std::to_string(summary.required), std::to_string(summary.held),
          std::to_string(summary.expiring), std::to_string(summary.not_yet_due), std::to_string(summary.overdue),
          std::to_string(summary.expired), percent(summary.rate())};
}

const std::vector<std::string> kSummaryNumbers = {"officers", "required", "held", "expiring", "not_yet_due",
                                                  "overdue", "expired", "compliance_percent"};

void register_compliance(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, as_of, by = "unit", unit;
    int warning_days = kDefaultTrainingWarningDays;
    bool missing_only = false;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("compliance", "Training compliance by unit or officer, and detective accreditation");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--as-of", options->as_of, "Date, YYYY-MM-DD (default today)");
  command->add_option("--by", options->by, "unit (default) or officer")->check(CLI::IsMember({"unit", "officer"}));
  command->add_option("--unit", options->unit, "Only this unit");
  command->add_option("--warning-days", options->warning_days, "Count training lapsing within N days as expiring (default 60)")
      ->check(CLI::Range(0, 3650));
  command->add_flag("--missing", options->missing_only, "By officer: only officers with overdue or lapsed training");
  add_output_flags(*command, options->output);
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    auto inputs = load_inputs(context, options->db, true);
    if (!inputs) return;
    auto detective = load_detective_status(*inputs->store);
    if (!detective) return context.fail(detective.error());
    std::vector<OfficerRecord> officers;
    for (const OfficerRecord& officer : inputs->tables.officers) {
      if (options->unit.empty() || officer.unit_ref == options->unit) officers.push_back(officer);
    }
    const auto requirements = evaluate_training(officers, inputs->tables.training, inputs->catalogue, *as_of, options->warning_days);
    context.audit(*inputs->store, "training.compliance.view", "consultation", "training", options->by,
                  "workforce governance", {{"as_of", as_of->to_iso()}, {"unit", options->unit}, {"by", options->by}});
    if (context.exit_code != 0) return;

    TabularOutput table;
    if (options->by == "unit") {
      table.columns = {"unit"};
      for (const std::string& name : kSummaryNumbers) table.columns.push_back(name);
      for (const ComplianceSummary& summary : compliance_by_unit(requirements)) {
        std::vector<std::string> row{summary.key};
        for (std::string& cell : summary_cells(summary)) row.push_back(std::move(cell));
        table.add(std::move(row));
      }
    } else {
      table.columns = {"officer", "unit", "role", "detective_status"};
      for (std::size_t i = 1; i < kSummaryNumbers.size(); ++i) table.columns.push_back(kSummaryNumbers[i]);
      table.columns.push_back("missing_or_lapsed");
      std::map<std::string, std::string> role_of, missing_of;
      for (const TrainingRequirement& requirement : requirements) {
        role_of[std::string(requirement.officer_ref)] = std::string(requirement.role);
        if (requirement.failing()) {
          std::string& missing = missing_of[std::string(requirement.officer_ref)];
          missing += (missing.empty() ? "" : ";") + std::string(requirement.course_code);
        }
      }
      for (const ComplianceSummary& summary : compliance_by_officer(requirements)) {
        if (options->missing_only && summary.overdue + summary.expired == 0) continue;
        const auto status = detective->find(summary.key);
        std::vector<std::string> row{summary.key, summary.unit_ref, role_of[summary.key],
                                     status == detective->end() ? "" : status->second};
        auto cells = summary_cells(summary);
        for (std::size_t i = 1; i < cells.size(); ++i) row.push_back(std::move(cells[i]));
        row.push_back(missing_of[summary.key]);
        table.add(std::move(row));
      }
    }
    const auto accreditation = accreditation_by_unit(officers, *as_of, [&](std::string_view officer_ref) -> std::string_view {
      const auto found = detective->find(std::string(officer_ref));
      return found == detective->end() ? std::string_view() : std::string_view(found->second);
    });
    if (options->output.csv) return table.print_csv();
    if (options->output.json) {
      nlohmann::json out = {{"as_of", as_of->to_iso()}, {"by", options->by}, {"warning_days", options->warning_days},
                            {"items", table.items(kSummaryNumbers)}, {"accreditation", nlohmann::json::array()}};
      for (const AccreditationSummary& unit : accreditation) {
        out["accreditation"].push_back({{"unit", unit.unit_ref}, {"investigators", unit.investigators},
                                        {"accredited", unit.accredited}, {"trainee", unit.trainee},
                                        {"not_detective", unit.not_detective}, {"not_recorded", unit.not_recorded}});
      }
      fmt::print("{}\n", out.dump(2));
      return;
    }
    fmt::print("Training compliance as of {} by {} (held / (held + overdue + lapsed); {} course(s) in the catalogue).\n\n",
               as_of->to_iso(), options->by, inputs->catalogue.size());
    table.print_table(options->output.limit);
    fmt::print("\nDetective accreditation of investigators in post:\n");
    TabularOutput accredited;
    accredited.columns = {"unit", "investigators", "accredited", "trainee", "not_detective", "not_recorded"};
    for (const AccreditationSummary& unit : accreditation) {
      accredited.add({unit.unit_ref, std::to_string(unit.investigators), std::to_string(unit.accredited),
                      std::to_string(unit.trainee), std::to_string(unit.not_detective), std::to_string(unit.not_recorded)});
    }
    accredited.print_table();
  });
}

void register_worklist(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, as_of;
    WorklistFilter filter;
    int warning_days = kDefaultTrainingWarningDays;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("worklist", "Required training overdue, lapsed, lapsing or due soon, most urgent first");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--as-of", options->as_of, "Date, YYYY-MM-DD (default today)");
  command->add_option("--unit", options->filter.unit_ref, "Only this unit");
  command->add_option("--officer", options->filter.officer_ref, "Only this officer");
  command->add_option("--warning-days", options->warning_days, "List training lapsing or due within N days (default 60)")
      ->check(CLI::Range(0, 3650));
  add_output_flags(*command, options->output);
  command->callback([options, &context] {
    const auto as_of = context.parse_as_of(options->as_of);
    if (!as_of) return;
    auto inputs = load_inputs(context, options->db, true);
    if (!inputs) return;
    const auto requirements = evaluate_training(inputs->tables.officers, inputs->tables.training, inputs->catalogue,
                                                *as_of, options->warning_days);
    const auto items = training_worklist(requirements, inputs->catalogue, *as_of, options->warning_days, options->filter);
    context.audit(*inputs->store, "worklist.view", "consultation", "worklist", "training", "workforce governance",
                  {{"as_of", as_of->to_iso()}, {"items", items.size()}, {"unit", options->filter.unit_ref},
                   {"officer", options->filter.officer_ref}});
    if (context.exit_code != 0) return;
    TabularOutput table;
    table.columns = {"kind", "due_date", "days_overdue", "course", "officer", "unit", "reason"};
    for (const WorklistItem& item : items) {
      table.add({std::string(item_kind_code(item.kind)), item.due_date.to_iso(), std::to_string(item.days_overdue),
                 std::string(item.record_ref), std::string(item.officer_ref), std::string(item.unit_ref), item.reason});
    }
    if (options->output.csv) return table.print_csv();
    if (options->output.json) {
      fmt::print("{}\n", nlohmann::json({{"worklist", "training"}, {"as_of", as_of->to_iso()}, {"total", items.size()},
                                         {"items", table.items({"days_overdue"})}})
                             .dump(2));
      return;
    }
    fmt::print("training worklist as of {}: {} item(s), most urgent first.\n\n", as_of->to_iso(), items.size());
    table.print_table(options->output.limit);
  });
}

std::vector<std::string> course_cells(const StoredCourse& stored) {
  const TrainingCourse& course = stored.course;
  return {course.code, course.label, role_list_text(course.required_for_roles), std::to_string(course.due_within_days),
          course.required_by ? course.required_by->to_iso() : "", std::to_string(course.renewal_months),
          course.active ? "yes" : "no", std::to_string(stored.version), stored.changed_by, stored.changed_at};
}

const std::vector<std::string> kCourseColumns = {"code", "label", "required_for", "due_within_days", "required_by",
                                                 "renewal_months", "active", "version", "changed_by", "changed_at"};

void register_courses(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, history;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("courses", "The course catalogue: who must hold each course, by when, how often renewed");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--history", options->history, "Every version of this course instead");
  add_output_flags(*command, options->output);
  command->callback([options, &context] {
    auto inputs = load_inputs(context, options->db, false);
    if (!inputs) return;
    auto courses = options->history.empty() ? inputs->store->governance().training_courses()
                                            : inputs->store->governance().training_course_history(ascii_upper(options->history));
    if (!courses) return context.fail(courses.error());
    if (!options->history.empty() && courses->empty()) {
      return context.fail(Error{"not_found", "no course '" + options->history + "' in the catalogue"});
    }
    TabularOutput table;
    table.columns = kCourseColumns;
    for (const StoredCourse& stored : *courses) table.add(course_cells(stored));
    if (options->output.csv) return table.print_csv();
    if (options->output.json) {
      fmt::print("{}\n", nlohmann::json({{"items", table.items({"due_within_days", "renewal_months", "version"})}}).dump(2));
      return;
    }
    table.print_table(options->output.limit);
  });
}

void register_course_set(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, code, label, roles, required_by;
    std::optional<int> due_within_days, renewal_months;
    bool retire = false, reinstate = false, roles_given = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand(
      "course-set", "Add a course or change one (administrators; the previous version is kept and the change audited)");
  command->add_option("code", options->code, "Course code, e.g. WORD_ON_WORD")->required();
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--label", options->label, "What the course is");
  command->add_option("--roles", options->roles, "Roles that must hold it, separated by ';' (officer_role codes); '' = none");
  command->add_option("--due-within-days", options->due_within_days, "Days after joining the unit it must be held by");
  command->add_option("--required-by", options->required_by, "Staff in post must hold it by this date, YYYY-MM-DD ('none' clears)");
  command->add_option("--renewal-months", options->renewal_months, "Months a completion stays valid (0 = never lapses)");
  auto* retire = command->add_flag("--retire", options->retire, "No longer required of anyone (kept in the catalogue)");
  command->add_flag("--reinstate", options->reinstate, "Required again")->excludes(retire);
  command->callback([options, command, &context] {
    auto inputs = load_inputs(context, options->db, false);
    if (!inputs) return;
    const std::string code = ascii_upper(options->code);
    TrainingCourse course;
    course.code = code;
    bool known = false;
    for (const TrainingCourse& existing : inputs->catalogue) {
      if (existing.code == code) {
        course = existing;
        known = true;
      }
    }
    if (!known && options->label.empty()) {
      return context.fail(Error{"invalid_input", "course " + code + " is new: give it a --label (and --roles)"});
    }
    if (!options->label.empty()) course.label = options->label;
    if (command->count("--roles") > 0) course.required_for_roles = parse_role_list(options->roles);
    if (options->due_within_days) course.due_within_days = *options->due_within_days;
    if (options->renewal_months) course.renewal_months = *options->renewal_months;
    if (!options->required_by.empty()) {
      if (options->required_by == "none") {
        course.required_by.reset();
      } else {
        course.required_by = CivilDate::parse_iso(options->required_by);
        if (!course.required_by) {
          return context.fail(Error{"invalid_input", "--required-by '" + options->required_by + "': " +
                                                         CivilDate::parse_iso_problem(options->required_by)});
        }
      }
    }
    if (options->retire) course.active = false;
    if (options->reinstate) course.active = true;
    if (Status valid = validate_training_course(course, inputs->codes.table("officer_role")); !valid) {
      return context.fail(valid.error());
    }
    const nlohmann::json details = {{"code", code}, {"label", course.label},
                                    {"required_for", role_list_text(course.required_for_roles)},
                                    {"due_within_days", course.due_within_days},
                                    {"required_by", course.required_by ? course.required_by->to_iso() : ""},
                                    {"renewal_months", course.renewal_months}, {"active", course.active}};
    Status saved = inputs->store->governance().save_training_course(
        course, cli_audit_event(context, known ? "training.course.change" : "training.course.add", "alteration",
                                "training_course", code, "workforce governance", details));
    if (!saved) return context.fail(saved.error());
    fmt::print("Course {} {}.\n", code, known ? "changed (previous version kept)" : "added");
  });
}

}  // namespace

void register_training_command(CLI::App& app, CommandContext& context) {
  CLI::App* training = app.add_subcommand("training", "Training compliance, the training worklist and the course catalogue");
  training->require_subcommand(1);
  register_compliance(*training, context);
  register_worklist(*training, context);
  register_courses(*training, context);
  register_course_set(*training, context);
}

}  // namespace rasso::cli
