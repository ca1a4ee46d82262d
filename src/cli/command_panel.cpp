// rasso panel sample|redraw|list|show|finding|themes: rape scrutiny panels — a seeded, stratified
// sample of closed cases, pseudonymised summaries, the panel's findings and the themes across panels.

#include <charconv>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analytics/scrutiny_case_summary.h"
#include "analytics/scrutiny_sample_builder.h"
#include "analytics/scrutiny_sampler.h"
#include "analytics/scrutiny_themes.h"
#include "cli/cli_audit_event.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/tabular_output.h"
#include "store/extract_snapshot.h"

namespace rasso::cli {
namespace {

constexpr const char* kPurpose = "rape scrutiny panel";

std::string case_label(std::int64_t sample_id, int case_number) { return scrutiny_case_label(sample_id, case_number); }

Result<std::vector<int>> parse_outcomes(const std::string& text) {
  std::vector<int> codes;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string part = text.substr(start, end - start);
    int code = 0;
    const auto [ptr, error] = std::from_chars(part.data(), part.data() + part.size(), code);
    if (part.empty() || error != std::errc() || ptr != part.data() + part.size()) {
      return Error{"invalid_input", "--outcomes '" + text + "': give outcome codes separated by commas, e.g. 14,15,16"};
    }
    codes.push_back(code);
    start = end + 1;
  }
  return codes;
}

Result<ExtractTables> load_case_tables(Store& store) {
  return load_extract_tables(store, {Entity::Crimes, Entity::Persons, Entity::Involvements, Entity::Arrests, Entity::Bail,
                                     Entity::Orders, Entity::VictimContacts});
}

void register_sample(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, from, to, outcomes, force, unit;
    int size = 20;
    int per_stratum = 0;
    std::uint64_t seed = 0;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand(
      "sample", "Draw and store a stratified random sample of closed cases (outcome x offence group) with pseudonymised summaries");
  command->add_option("--from", options->from, "Outcome dates from, YYYY-MM-DD")->required();
  command->add_option("--to", options->to, "Outcome dates to (inclusive), YYYY-MM-DD")->required();
  auto* size = command->add_option("--size", options->size, "Total cases, allocated in proportion to each stratum (default 20)");
  command->add_option("--per-stratum", options->per_stratum, "Instead: this many cases from every stratum")->excludes(size);
  command->add_option("--seed", options->seed, "Seed of the random draw (recorded; the same seed draws the same sample)")->required();
  command->add_option("--outcomes", options->outcomes, "Only these outcome codes, e.g. 14,15,16 (default: every outcome)");
  command->add_option("--force", options->force, "Only this force's crimes (default: every force in the store)");
  command->add_option("--unit", options->unit, "Only this unit's crimes");
  CommandContext::add_db_option(*command, options->db);
  command->add_flag("--json", options->json, "Print JSON");
  command->callback([options, command, &context] {
    SampleSpec spec;
    const auto from = CivilDate::parse_iso(options->from), to = CivilDate::parse_iso(options->to);
    if (!from) return context.fail(Error{"invalid_input", "--from '" + options->from + "': " + CivilDate::parse_iso_problem(options->from)});
    if (!to) return context.fail(Error{"invalid_input", "--to '" + options->to + "': " + CivilDate::parse_iso_problem(options->to)});
    spec.from = *from;
    spec.to = *to;
    spec.seed = options->seed;
    spec.force_code = ascii_upper(options->force);
    spec.unit_ref = options->unit;
    if (command->count("--per-stratum") > 0) {
      spec.allocation = SampleAllocation::FixedPerStratum;
      spec.per_stratum = options->per_stratum;
      spec.size = 0;
    } else {
      spec.size = options->size;
    }
    if (!options->outcomes.empty()) {
      auto outcomes = parse_outcomes(options->outcomes);
      if (!outcomes) return context.fail(outcomes.error());
      spec.outcome_codes = *outcomes;
    }
    if (Status valid = validate_sample_spec(spec); !valid) return context.fail(valid.error());
    CodeTables codes;
    if (!context.load_codes(codes)) return;
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto tables = load_case_tables(*store);
    if (!tables) return context.fail(tables.error());
    auto built = build_scrutiny_sample(*tables, codes, spec);
    if (!built) return context.fail(built.error());
    const ScrutinySample& sample = built->sample;
    const auto& cases = built->cases;
    auto id = store->governance().save_scrutiny_sample(
        sample, cases,
        cli_audit_event(context, "scrutiny.sample", "combination", "scrutiny_sample", "new", kPurpose,
                        {{"from", spec.from.to_iso()}, {"to", spec.to.to_iso()}, {"seed", std::to_string(spec.seed)},
                         {"cases", cases.size()}, {"population", sample.population}}));
    if (!id) return context.fail(id.error());
    if (options->json) {
      nlohmann::json out = {{"sample_id", *id}, {"seed", std::to_string(spec.seed)}, {"population", sample.population},
                            {"strata", strata_json(built->strata)}, {"cases", nlohmann::json::array()}};
      for (std::size_t i = 0; i < cases.size(); ++i) {
        nlohmann::json summary = nlohmann::json::parse(cases[i].summary_json);
        summary["case_number"] = cases[i].case_number;
        summary["pseudonym"] = case_label(*id, cases[i].case_number);
        out["cases"].push_back(std::move(summary));
      }
      fmt::print("{}\n", out.dump(2));
      return;
    }
    fmt::print("Sample {}: {} of {} closed case(s) with outcomes dated {} to {}, seed {} ({} allocation).\n\n", *id,
               cases.size(), sample.population, spec.from.to_iso(), spec.to.to_iso(), spec.seed, sample.allocation);
    TabularOutput strata;
    strata.columns = {"outcome", "offence_group", "population", "sampled"};
    for (const SampleStratum& stratum : built->strata) {
      strata.add({std::to_string(stratum.outcome_code), stratum.offence_group, std::to_string(stratum.population),
                  std::to_string(stratum.sampled)});
    }
    strata.print_table();
    fmt::print("\n'rasso panel show {}' prints the pseudonymised case summaries.\n", *id);
  });
}

void register_redraw(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db;
    std::int64_t sample_id = 0;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("redraw", "Draw a stored sample again from its recorded seed and say whether it is the same");
  command->add_option("sample", options->sample_id, "Sample id")->required();
  CommandContext::add_db_option(*command, options->db);
  command->add_flag("--json", options->json, "Print JSON");
  command->callback([options, &context] {
    CodeTables codes;
    if (!context.load_codes(codes)) return;
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto sample = store->governance().scrutiny_sample(options->sample_id);
    if (!sample) return context.fail(sample.error());
    auto stored = store->governance().scrutiny_sample_cases(options->sample_id);
    if (!stored) return context.fail(stored.error());
    auto tables = load_extract_tables(*store, {Entity::Crimes});
    if (!tables) return context.fail(tables.error());
    auto draw = draw_scrutiny_sample(tables->crimes, *codes.table("offence"), spec_of_sample(*sample));
    if (!draw) return context.fail(draw.error());
    int differing = static_cast<int>(draw->cases.size() > stored->size() ? draw->cases.size() - stored->size()
                                                                         : stored->size() - draw->cases.size());
    for (std::size_t i = 0; i < draw->cases.size() && i < stored->size(); ++i) {
      if (draw->cases[i].crime_ref != (*stored)[i].crime_ref) ++differing;
    }
    const bool same = differing == 0 && sample->sampler_version == kScrutinySamplerVersion;
    context.audit(*store, "scrutiny.redraw", "consultation", "scrutiny_sample", std::to_string(options->sample_id), kPurpose,
                  {{"same", same}});
    if (context.exit_code != 0) return;
    if (options->json) {
      fmt::print("{}\n", nlohmann::json({{"sample_id", options->sample_id}, {"same", same}, {"differing_cases", differing},
                                         {"sampler_version", sample->sampler_version}})
                             .dump(2));
      return;
    }
    if (same) {
      fmt::print("Sample {} redrawn from seed {}: the same {} case(s) in the same order.\n", options->sample_id, sample->seed,
                 stored->size());
    } else {
      fmt::print("Sample {} redrawn from seed {}: {} case(s) differ (the data or the sampler version {} -> {} changed since).\n",
                 options->sample_id, sample->seed, differing, sample->sampler_version, kScrutinySamplerVersion);
    }
  });
}

void register_list(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db;
    bool json = false, csv = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("list", "Stored samples, newest first");
  CommandContext::add_db_option(*command, options->db);
  command->add_flag("--json", options->json, "Print JSON");
  command->add_flag("--csv", options->csv, "Print CSV");
  command->callback([options, &context] {
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto samples = store->governance().scrutiny_samples();
    if (!samples) return context.fail(samples.error());
    auto findings = store->governance().panel_findings(0, true);
    if (!findings) return context.fail(findings.error());
    std::map<std::int64_t, int> reviewed;
    for (const PanelFinding& finding : *findings) ++reviewed[finding.sample_id];
    TabularOutput table;
    table.columns = {"sample_id", "created_at", "created_by", "from", "to", "allocation", "seed", "outcomes", "population",
                     "cases", "reviewed"};
    for (const ScrutinySample& sample : *samples) {
      auto cases = store->governance().scrutiny_sample_cases(sample.sample_id);
      if (!cases) return context.fail(cases.error());
      table.add({std::to_string(sample.sample_id), sample.created_at, sample.created_by, sample.from.to_iso(),
                 sample.to.to_iso(), sample.allocation, std::to_string(sample.seed), sample.outcome_codes,
                 std::to_string(sample.population), std::to_string(cases->size()), std::to_string(reviewed[sample.sample_id])});
    }
    if (options->csv) return table.print_csv();
    if (options->json) {
      fmt::print("{}\n", nlohmann::json({{"items", table.items({"sample_id", "population", "cases", "reviewed"})}}).dump(2));
      return;
    }
    table.print_table();
  });
}

nlohmann::json finding_json(const PanelFinding& finding) {
  return {{"finding_id", finding.finding_id}, {"panel_date", finding.panel_date}, {"decision", finding.decision},
          {"victim_care", finding.victim_care}, {"victims_code", finding.victims_code}, {"themes", finding.themes},
          {"learning", finding.learning}, {"actions", finding.actions}, {"recorded_by", finding.recorded_by},
          {"recorded_at", finding.recorded_at}};
}

void register_show(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db;
    std::int64_t sample_id = 0;
    bool json = false, references = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("show", "A sample's pseudonymised case summaries, each case's finding and the findings it superseded");
  command->add_option("sample", options->sample_id, "Sample id")->required();
  CommandContext::add_db_option(*command, options->db);
  command->add_flag("--with-references", options->references,
                    "Also print each case's crime reference (for the police coordinator; audited as a disclosure)");
  command->add_flag("--json", options->json, "Print JSON");
  command->callback([options, &context] {
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto sample = store->governance().scrutiny_sample(options->sample_id);
    if (!sample) return context.fail(sample.error());
    auto cases = store->governance().scrutiny_sample_cases(options->sample_id);
    if (!cases) return context.fail(cases.error());
    auto findings = store->governance().panel_findings(options->sample_id, false);
    if (!findings) return context.fail(findings.error());
    const std::map<int, CaseFindings> findings_of = findings_by_case(*findings);
    context.audit(*store, options->references ? "scrutiny.sample.references" : "scrutiny.sample.view",
                  options->references ? "disclosure" : "consultation", "scrutiny_sample", std::to_string(options->sample_id),
                  kPurpose, {{"with_references", options->references}});
    if (context.exit_code != 0) return;
    nlohmann::json out = {{"sample_id", sample->sample_id}, {"from", sample->from.to_iso()}, {"to", sample->to.to_iso()},
                          {"seed", std::to_string(sample->seed)}, {"allocation", sample->allocation},
                          {"population", sample->population}, {"strata", nlohmann::json::parse(sample->strata_json)},
                          {"cases", nlohmann::json::array()}};
    for (const ScrutinySampleCase& sampled : *cases) {
      nlohmann::json entry = nlohmann::json::parse(sampled.summary_json);
      entry["case_number"] = sampled.case_number;
      entry["pseudonym"] = case_label(sampled.sample_id, sampled.case_number);
      if (options->references) entry["crime_ref"] = sampled.crime_ref;
      entry["finding"] = nullptr;
      entry["earlier_findings"] = nlohmann::json::array();
      if (const auto found = findings_of.find(sampled.case_number); found != findings_of.end()) {
        entry["finding"] = finding_json(*found->second.current);
        for (const PanelFinding* earlier : found->second.superseded) entry["earlier_findings"].push_back(finding_json(*earlier));
      }
      out["cases"].push_back(std::move(entry));
    }
    if (options->json) {
      fmt::print("{}\n", out.dump(2));
      return;
    }
    fmt::print("Sample {}: outcomes dated {} to {}, seed {}, {} case(s).\n\n", sample->sample_id, sample->from.to_iso(),
               sample->to.to_iso(), sample->seed, cases->size());
    for (const auto& entry : out["cases"]) {
      CaseSummary summary = case_summary_from_json(entry);
      summary.pseudonym = entry["pseudonym"].get<std::string>();
      fmt::print("{}", case_summary_text(summary));
      if (options->references) fmt::print("  crime reference: {}\n", entry["crime_ref"].get<std::string>());
      if (!entry["finding"].is_null()) {
        fmt::print("  panel {}: {}{}\n", entry["finding"]["panel_date"].get<std::string>(),
                   entry["finding"]["decision"].get<std::string>(),
                   entry["finding"]["learning"].get<std::string>().empty() ? "" : " - " + entry["finding"]["learning"].get<std::string>());
      }
      for (const auto& earlier : entry["earlier_findings"]) {
        fmt::print("  superseded: panel {}: {} (recorded {} by {})\n", earlier["panel_date"].get<std::string>(),
                   earlier["decision"].get<std::string>(), earlier["recorded_at"].get<std::string>(),
                   earlier["recorded_by"].get<std::string>());
      }
      fmt::print("\n");
    }
  });
}

std::vector<std::string> split_themes(const std::string& text) {
  std::vector<std::string> themes;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    std::string theme = ascii_lower(text.substr(start, end - start));
    theme.erase(0, theme.find_first_not_of(' '));
    theme.erase(theme.find_last_not_of(' ') + 1);
    for (char& c : theme) {
      if (c == ' ' || c == '-') c = '_';
    }
    if (!theme.empty()) themes.push_back(theme);
    start = end + 1;
  }
  return themes;
}

void register_finding(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db, themes;
    PanelFinding finding;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("finding", "Record the panel's finding on one case (a later finding supersedes, history kept)");
  command->add_option("sample", options->finding.sample_id, "Sample id")->required();
  command->add_option("case", options->finding.case_number, "Case number within the sample")->required();
  command->add_option("--decision", options->finding.decision, "appropriate, appropriate_with_learning or inappropriate")->required();
  command->add_option("--panel-date", options->finding.panel_date, "Date the panel met, YYYY-MM-DD")->required();
  command->add_option("--victim-care", options->finding.victim_care, "good, adequate, poor or not_assessed");
  command->add_option("--victims-code", options->finding.victims_code, "Victims' Code: met, partly_met, not_met or not_assessed");
  command->add_option("--themes", options->themes, "Learning themes, separated by commas, e.g. victim_care,early_evidence");
  command->add_option("--learning", options->finding.learning, "Learning points (do not write names or references)");
  command->add_option("--actions", options->finding.actions, "Actions the panel agreed");
  CommandContext::add_db_option(*command, options->db);
  command->callback([options, &context] {
    PanelFinding finding = options->finding;
    finding.themes = split_themes(options->themes);
    if (Status valid = validate_panel_finding(finding); !valid) return context.fail(valid.error());
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto id = store->governance().record_panel_finding(
        finding, cli_audit_event(context, "scrutiny.finding", "alteration", "scrutiny_case",
                                 case_label(finding.sample_id, finding.case_number), kPurpose,
                                 {{"decision", finding.decision}, {"panel_date", finding.panel_date}}));
    if (!id) return context.fail(id.error());
    fmt::print("Finding {} recorded for {}: {}.\n", *id, case_label(finding.sample_id, finding.case_number), finding.decision);
  });
}

void register_themes(CLI::App& parent, CommandContext& context) {
  struct Options {
    std::string db;
    std::int64_t sample_id = 0;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = parent.add_subcommand("themes", "Themes across panels: decisions by outcome and offence group, recurring learning");
  command->add_option("--sample", options->sample_id, "Only this sample (default: every sample)");
  CommandContext::add_db_option(*command, options->db);
  command->add_flag("--json", options->json, "Print JSON");
  command->callback([options, &context] {
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto findings = store->governance().panel_findings(options->sample_id, true);
    if (!findings) return context.fail(findings.error());
    std::map<std::int64_t, std::map<int, ScrutinySampleCase>> cases;
    std::vector<PanelFindingFacts> facts;
    for (const PanelFinding& finding : *findings) {
      if (!cases.contains(finding.sample_id)) {
        auto loaded = store->governance().scrutiny_sample_cases(finding.sample_id);
        if (!loaded) return context.fail(loaded.error());
        for (ScrutinySampleCase& sampled : *loaded) cases[finding.sample_id][sampled.case_number] = std::move(sampled);
      }
      const ScrutinySampleCase& sampled = cases[finding.sample_id][finding.case_number];
      facts.push_back({case_label(finding.sample_id, finding.case_number), sampled.outcome_code, sampled.offence_group,
                       finding.decision, finding.victim_care, finding.victims_code, finding.themes, finding.learning});
    }
    const ThemesReport report = panel_themes(facts);
    context.audit(*store, "scrutiny.themes.view", "consultation", "scrutiny_sample",
                  options->sample_id == 0 ? "all" : std::to_string(options->sample_id), kPurpose, {{"cases", report.cases}});
    if (context.exit_code != 0) return;
    nlohmann::json out = {{"cases", report.cases}, {"decisions", report.decisions}, {"by_outcome", report.by_outcome},
                          {"by_offence_group", report.by_offence_group}, {"victim_care", report.victim_care},
                          {"victims_code", report.victims_code}, {"themes", nlohmann::json::array()},
                          {"learning", nlohmann::json::array()}};
    for (const auto& [theme, count] : report.themes) out["themes"].push_back({{"theme", theme}, {"cases", count}});
    for (const auto& [pseudonym, learning] : report.learning) out["learning"].push_back({{"case", pseudonym}, {"learning", learning}});
    if (options->json) {
      fmt::print("{}\n", out.dump(2));
      return;
    }
    fmt::print("{} case(s) reviewed.\n\nDecisions:\n", report.cases);
    for (const auto& [decision, count] : report.decisions) fmt::print("  {:<28} {}\n", decision, count);
    fmt::print("\nBy outcome:\n");
    for (const auto& [outcome, decisions] : report.by_outcome) {
      for (const auto& [decision, count] : decisions) fmt::print("  outcome {:<4} {:<28} {}\n", outcome, decision, count);
    }
    fmt::print("\nBy offence group:\n");
    for (const auto& [group, decisions] : report.by_offence_group) {
      for (const auto& [decision, count] : decisions) fmt::print("  {:<22} {:<28} {}\n", group, decision, count);
    }
    fmt::print("\nVictim care:");
    for (const auto& [rating, count] : report.victim_care) fmt::print(" {} {};", rating, count);
    fmt::print("\nVictims' Code:");
    for (const auto& [rating, count] : report.victims_code) fmt::print(" {} {};", rating, count);
    fmt::print("\n\nRecurring themes:\n");
    for (const auto& [theme, count] : report.themes) fmt::print("  {:<30} {}\n", theme, count);
    fmt::print("\nLearning:\n");
    for (const auto& [pseudonym, learning] : report.learning) fmt::print("  {}: {}\n", pseudonym, learning);
  });
}

}  // namespace

void register_panel_command(CLI::App& app, CommandContext& context) {
  CLI::App* panel = app.add_subcommand("panel", "Rape scrutiny panels: seeded samples of closed cases, pseudonymised summaries, findings, themes");
  panel->require_subcommand(1);
  register_sample(*panel, context);
  register_redraw(*panel, context);
  register_list(*panel, context);
  register_show(*panel, context);
  register_finding(*panel, context);
  register_themes(*panel, context);
}

}  // namespace rasso::cli
