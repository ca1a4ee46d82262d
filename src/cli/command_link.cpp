#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "core/row_fingerprint.h"
#include "core/field_spec.h"
#include "ingest/csv_reader.h"
#include "ingest/reference_data.h"
#include "linkage/link_explanation.h"
#include "linkage/linkage_evaluation.h"
#include "linkage/record_linkage.h"
#include "linkage/restored_linkage.h"
#include "cli/linkage_model_json.h"

namespace rasso::cli {
namespace {

using linkage::LinkageResult;

Result<std::shared_ptr<const linkage::NicknameIndex>> load_nicknames() {
  auto table = read_csv_table(reference_data_dir() / "names" / "nicknames.csv");
  if (!table) return table.error();
  const int nickname = table->column("nickname");
  const int formal = table->column("formal");
  if (nickname < 0 || formal < 0) return Error{"reference_data", "nicknames.csv needs nickname and formal columns"};
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const CsvRecord& row : table->rows) {
    pairs.emplace_back(row.fields.at(static_cast<std::size_t>(nickname)), row.fields.at(static_cast<std::size_t>(formal)));
  }
  return std::make_shared<const linkage::NicknameIndex>(linkage::NicknameIndex::from_pairs(pairs));
}

Result<std::unordered_map<std::string, std::string>> load_truth(const std::string& path) {
  auto table = read_csv_table(path);
  if (!table) return table.error();
  const int ref = table->column("person_ref");
  const int id = table->column("true_id");
  if (ref < 0 || id < 0) return Error{"invalid_input", path + ": needs person_ref and true_id columns"};
  std::unordered_map<std::string, std::string> truth;
  for (const CsvRecord& row : table->rows) {
    truth.emplace(row.fields.at(static_cast<std::size_t>(ref)), row.fields.at(static_cast<std::size_t>(id)));
  }
  return truth;
}

/// Field-by-field evidence of a pair as compact JSON for the store and the API.
std::string evidence_json(const linkage::LinkExplanation& explanation) {
  nlohmann::json fields = nlohmann::json::array();
  for (const linkage::FieldEvidence& field : explanation.fields) {
    fields.push_back({{"field", linkage::field_name(field.field)},
                      {"level", field.level},
                      {"a", field.value_a},
                      {"b", field.value_b},
                      {"weight", std::round(field.weight * 100) / 100},
                      {"tf_adjustment", std::round(field.term_frequency_adjustment * 100) / 100}});
  }
  return nlohmann::json{{"prior", std::round(explanation.prior_weight * 100) / 100}, {"fields", fields}}.dump();
}

LinkageRunRecord run_record(const LinkageResult& result) {
  LinkageRunRecord run;
  run.mode = "full";
  run.records = result.records.size();
  run.resolved_people = result.resolved_person_count();
  run.compared_pairs = result.compared_pairs;
  run.assignment.reserve(result.records.size());
  for (std::size_t i = 0; i < result.records.size(); ++i) {
    run.assignment.emplace_back(result.records[i].person_ref, static_cast<std::int64_t>(result.resolved_ids[i].value));
  }
  for (const linkage::AcceptedLink& link : result.links) {
    const auto explanation = linkage::explain_pair(result, link.a, link.b, link.source);
    run.links.push_back({result.records[link.a].person_ref, result.records[link.b].person_ref,
                         static_cast<std::int64_t>(result.resolved_ids[link.a].value), link.match_weight, link.probability,
                         link.source == linkage::LinkSource::Reviewer ? "reviewer" : "model", evidence_json(explanation)});
  }
  for (const linkage::ReviewCandidate& candidate : result.review_queue) {
    run.review_queue.push_back({result.records[candidate.a].person_ref, result.records[candidate.b].person_ref,
                                candidate.match_weight, candidate.probability, candidate.linked,
                                evidence_json(linkage::explain_pair(result, candidate.a, candidate.b))});
  }
  return run;
}

nlohmann::json evaluation_json(const linkage::ClusteringEvaluation& evaluation) {
  return {{"precision", evaluation.pairwise.precision},
          {"recall", evaluation.pairwise.recall},
          {"f1", evaluation.pairwise.f1},
          {"true_positive_pairs", evaluation.pairwise.true_positive_pairs},
          {"predicted_pairs", evaluation.pairwise.predicted_pairs},
          {"true_pairs", evaluation.pairwise.true_pairs},
          {"b_cubed", {{"precision", evaluation.b_cubed.precision}, {"recall", evaluation.b_cubed.recall}, {"f1", evaluation.b_cubed.f1}}},
          {"records_evaluated", evaluation.records_evaluated},
          {"records_without_truth", evaluation.records_without_truth}};
}

// Whether this run can link only the new person records against the last run's people, and if
// not, why not (printed, so that a user knows why a run takes the full time).
struct LinkPlan {
  bool incremental = false;
  std::string reason;
  std::optional<linkage::FellegiSunterModel> model;
};

// A fingerprint of the reviewer decisions in force: a run whose decisions differ from the last
// run's (one added, changed or withdrawn) must reconsider records the last run already resolved.
std::string decisions_fingerprint(const std::vector<StoredLinkDecision>& decisions) {
  std::vector<std::string> values;
  for (const StoredLinkDecision& decision : decisions) {
    values.insert(values.end(), {decision.person_ref_a, decision.person_ref_b, decision.decision});
  }
  return std::to_string(row_fingerprint(values));
}

LinkPlan plan_link(Store& store, bool force_full, double threshold, bool have_assignment,
                   const std::string& decisions_now) {
  if (force_full) return {false, "--full asked for", std::nullopt};
  if (!have_assignment) return {false, "first run", std::nullopt};
  auto last = store.latest_linkage_run();
  if (!last || !*last) return {false, "first run", std::nullopt};
  const nlohmann::json summary = nlohmann::json::parse((*last)->summary_json, nullptr, false);
  if (!summary.is_object() || !summary.contains("model") || !summary.contains("last_import_id")) {
    return {false, "the last run kept no model", std::nullopt};
  }
  if (summary.value("threshold", 0.0) != threshold) return {false, "the threshold changed", std::nullopt};
  if (summary.value("decisions_fingerprint", std::string()) != decisions_now) {
    return {false, "reviewer decisions changed since the last run", std::nullopt};
  }
  auto model = model_from_json(summary["model"]);
  if (!model) return {false, "the last run's model is unreadable", std::nullopt};
  auto changed = store.count_changed_after(Entity::Persons, summary["last_import_id"].get<std::int64_t>());
  if (!changed) return {false, changed.error().message, std::nullopt};
  if (*changed > 0) return {false, fmt::format("{} person record(s) changed since the last run", *changed), std::nullopt};
  return {true, "", std::move(model)};
}

// The last run as link_incremental needs it: its records (those of `records` it resolved, moved
// out of `records`, which keeps the new ones), model, links and review queue.
Result<linkage::LinkageResult> restore_last_run(Store& store, std::vector<linkage::PersonRecord>& records,
                                               const linkage::ResolvedPersonAssignment& previous,
                                               linkage::FellegiSunterModel model,
                                               std::shared_ptr<const linkage::NicknameIndex> nicknames,
                                               const linkage::LinkageOptions& link_options) {
  linkage::StoredRunState state;
  state.model = std::move(model);
  std::vector<linkage::PersonRecord> new_records;
  for (linkage::PersonRecord& record : records) {
    const auto found = previous.find(record.person_ref);
    if (found == previous.end()) {
      new_records.push_back(std::move(record));
    } else {
      state.resolved_ids.push_back(found->second);
      state.records.push_back(std::move(record));
    }
  }
  records = std::move(new_records);
  auto links = store.all_links();
  if (!links) return links.error();
  for (const StoredLink& link : *links) {
    state.links.push_back({link.person_ref_a, link.person_ref_b, link.match_weight, link.probability,
                           link.source == "reviewer", true});
  }
  auto queue = store.review_queue(static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max()));
  if (!queue) return queue.error();
  for (const StoredReviewCandidate& pair : *queue) {
    state.review_queue.push_back({pair.person_ref_a, pair.person_ref_b, pair.match_weight, pair.probability, false,
                                  pair.linked});
  }
  return linkage::restore_linkage_result(std::move(state), std::move(nicknames),
                                         link_options.term_frequency_adjustments, link_options.threads);
}

}  // namespace

void register_link_command(CLI::App& app, CommandContext& context) {
  struct Options {
    std::string db;
    std::string evaluate;
    double threshold = 0.9;
    bool json = false;
    bool full = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("link", "Resolve person records into people (probabilistic record linkage)");
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--evaluate", options->evaluate, "Score the result against a truth file (person_ref,true_id)");
  command->add_option("--threshold", options->threshold, "Match probability needed to link (default 0.9)")
      ->check(CLI::Range(0.5, 0.9999));
  command->add_flag("--json", options->json, "Print the summary (and evaluation) as JSON");
  command->add_flag("--full", options->full,
                    "Re-estimate and re-link every record (default: link only new records against the people already "
                    "resolved, when no earlier record changed)");
  command->callback([options, &context] {
    auto store = context.open_store(options->db, false);
    if (!store) return;
    auto nicknames = load_nicknames();
    if (!nicknames) return context.fail(nicknames.error());
    auto rows = store->rows(Entity::Persons);
    if (!rows) return context.fail(rows.error());
    auto stored_assignment = store->resolved_assignment();
    if (!stored_assignment) return context.fail(stored_assignment.error());
    auto stored_decisions = store->link_decisions();
    if (!stored_decisions) return context.fail(stored_decisions.error());

    linkage::ResolvedPersonAssignment previous;
    std::uint64_t next_id = 1;
    for (const auto& [person_ref, id] : *stored_assignment) {
      previous.emplace(person_ref, linkage::ResolvedPersonId{static_cast<std::uint64_t>(id)});
      next_id = std::max(next_id, static_cast<std::uint64_t>(id) + 1);
    }
    std::vector<linkage::ReviewerDecision> decisions;
    for (const StoredLinkDecision& stored : *stored_decisions) {
      const auto decision = linkage::parse_review_decision(stored.decision);
      if (decision) decisions.push_back({stored.person_ref_a, stored.person_ref_b, *decision});
    }

    const std::string started_at = now_iso();
    linkage::LinkageOptions link_options;
    link_options.match_threshold = options->threshold;
    link_options.next_id_floor = next_id;
    const bool quiet = options->json;
    link_options.on_phase = [quiet](std::string_view phase) {
      if (!quiet) fmt::print(stderr, "  {}...\n", phase);
    };
    const std::size_t record_count = rows->size();
    auto imports = store->imports();
    if (!imports) return context.fail(imports.error());
    const std::int64_t last_import_id = imports->empty() ? 0 : imports->back().import_id;
    const std::string decisions_now = decisions_fingerprint(*stored_decisions);
    LinkPlan plan = plan_link(*store, options->full, options->threshold, !previous.empty(), decisions_now);
    std::vector<linkage::PersonRecord> records = linkage::person_records_from_rows(*rows);
    rows->clear();
    LinkageResult result;
    std::size_t new_records = record_count;
    if (plan.incremental) {
      auto restored = restore_last_run(*store, records, previous, *plan.model, *nicknames, link_options);
      if (!restored) return context.fail(restored.error());
      new_records = records.size();
      if (!quiet) fmt::print(stderr, "  linking {} new record(s) against {} already resolved\n", new_records, restored->records.size());
      result = linkage::link_incremental(std::move(*restored), std::move(records), link_options, decisions);
    } else {
      if (!quiet) fmt::print(stderr, "  full run: {}\n", plan.reason);
      result = linkage::link_records(std::move(records), *nicknames, link_options, decisions, previous);
    }

    LinkageRunRecord run = run_record(result);
    run.mode = plan.incremental ? "incremental" : "full";
    run.started_at = started_at;
    run.finished_at = now_iso();
    nlohmann::json summary = {{"mode", run.mode},
                              {"full_run_reason", plan.reason},
                              {"new_records", new_records},
                              {"records", record_count},
                              {"resolved_people", run.resolved_people},
                              {"links", run.links.size()},
                              {"candidate_pairs", result.blocking.candidate_pairs},
                              {"compared_pairs", result.compared_pairs},
                              {"review_queue", run.review_queue.size()},
                              {"refused_links", result.refused_links.size()},
                              {"reviewer_decisions", decisions.size()},
                              {"threshold", options->threshold},
                              {"warnings", result.warnings}};
    nlohmann::json stored_summary = summary;
    stored_summary["last_import_id"] = last_import_id;
    stored_summary["decisions_fingerprint"] = decisions_now;
    stored_summary["model"] = model_to_json(result.model);
    run.summary_json = stored_summary.dump();
    AuditEvent audit;
    audit.occurred_at = run.finished_at;
    audit.actor = context.actor();
    audit.action = "link";
    audit.processing = "combination";
    audit.subject_type = "person_records";
    audit.subject_id = "all";
    audit.purpose = "identity resolution";
    audit.correlation_id = "link-" + started_at;
    audit.details_json = run.summary_json;
    if (Status saved = store->save_linkage_run(run, audit); !saved) return context.fail(saved.error());
    context.refresh_snapshot(*store, options->json);
    if (context.exit_code != 0) return;

    if (!options->evaluate.empty()) {
      auto truth = load_truth(options->evaluate);
      if (!truth) return context.fail(truth.error());
      summary["evaluation"] = evaluation_json(linkage::evaluate_against_truth(result, *truth));
    }
    if (options->json) {
      nlohmann::json out = summary;
      if (summary.contains("evaluation")) {
        for (const char* key : {"precision", "recall", "f1"}) out[key] = summary["evaluation"][key];
      }
      fmt::print("{}\n", out.dump(2));
      return;
    }
    fmt::print("Resolved {} person records into {} people ({} links; {} candidate pairs compared; {}).\n", record_count,
               run.resolved_people, run.links.size(), result.compared_pairs,
               plan.incremental ? fmt::format("incremental: {} new record(s)", new_records) : "full run");
    fmt::print("Review queue: {} pair(s) near the threshold (rasso review list). Refused merges: {}.\n",
               run.review_queue.size(), result.refused_links.size());
    for (const std::string& warning : result.warnings) fmt::print("warning: {}\n", warning);
    if (summary.contains("evaluation")) {
      const auto& e = summary["evaluation"];
      fmt::print("Against {}: pairwise precision {:.4f}, recall {:.4f}, F1 {:.4f}; B-cubed F1 {:.4f} ({} records).\n",
                 options->evaluate, e["precision"].get<double>(), e["recall"].get<double>(), e["f1"].get<double>(),
                 e["b_cubed"]["f1"].get<double>(), e["records_evaluated"].get<std::size_t>());
    }
  });
}

}  // namespace rasso::cli
