#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace rasso::cli {
namespace {

Status record_decision(CommandContext& context, Store& store, std::string a, std::string b, const std::string& decision,
                       const std::string& reason) {
  if (a > b) std::swap(a, b);  // a pair is stored in one order
  if (a == b) return Error{"invalid_input", "a decision needs two different person records"};
  for (const std::string& ref : {a, b}) {
    auto found = store.rows_where(Entity::Persons, "person_ref", ref);
    if (!found) return found.error();
    if (found->empty()) return Error{"not_found", "no person record '" + ref + "'"};
  }
  const StoredLinkDecision stored{a, b, decision, context.actor(), now_iso(), reason};
  AuditEvent audit;
  audit.occurred_at = stored.decided_at;
  audit.actor = stored.decided_by;
  audit.action = "link.decide";
  audit.processing = "alteration";
  audit.subject_type = "person_pair";
  audit.subject_id = a + "~" + b;
  audit.purpose = "identity review";
  audit.correlation_id = "review-" + stored.decided_at;
  audit.details_json = nlohmann::json{{"decision", decision}, {"reason", reason}}.dump();
  return store.record_link_decision(stored, audit);
}

}  // namespace

void register_review_command(CLI::App& app, CommandContext& context) {
  CLI::App* review = app.add_subcommand("review", "The review queue of uncertain identity links, and reviewers' decisions");
  review->require_subcommand(1);

  struct ListOptions {
    std::string db;
    std::size_t limit = 20;
    bool json = false;
  };
  auto list_options = std::make_shared<ListOptions>();
  CLI::App* list = review->add_subcommand("list", "Pairs near the match threshold, closest to undecided first");
  CommandContext::add_db_option(*list, list_options->db);
  list->add_option("--limit", list_options->limit, "At most this many (default 20)");
  list->add_flag("--json", list_options->json, "Print as JSON");
  list->callback([list_options, &context] {
    auto store = context.open_store(list_options->db, false);
    if (!store) return;
    auto queue = store->review_queue(list_options->limit);
    if (!queue) return context.fail(queue.error());
    context.audit(*store, "review.list", "consultation", "review_queue", "all", "identity review", {{"listed", queue->size()}});
    nlohmann::json items = nlohmann::json::array();
    for (const StoredReviewCandidate& candidate : *queue) {
      items.push_back({{"a", candidate.person_ref_a}, {"b", candidate.person_ref_b}, {"match_weight", candidate.match_weight},
                       {"probability", candidate.probability}, {"linked", candidate.linked},
                       {"evidence", nlohmann::json::parse(candidate.evidence, nullptr, false)}});
    }
    if (list_options->json) {
      fmt::print("{}\n", nlohmann::json{{"items", items}}.dump(2));
      return;
    }
    for (const auto& item : items) {
      fmt::print("{} ~ {}  probability {:.3f}  currently {}\n", item["a"].get<std::string>(), item["b"].get<std::string>(),
                 item["probability"].get<double>(), item["linked"].get<bool>() ? "linked" : "not linked");
      if (!item["evidence"].is_object()) continue;
      for (const auto& field : item["evidence"]["fields"]) {
        fmt::print("    {:<12} {:<20} {:<20} {:<20} {:+.2f}\n", field["field"].get<std::string>(), field["a"].get<std::string>(),
                   field["b"].get<std::string>(), field["level"].get<std::string>(), field["weight"].get<double>());
      }
    }
    fmt::print("Decide with: rasso review decide A B same|different|never_link --reason TEXT\n");
  });

  struct DecideOptions {
    std::string db;
    std::string a;
    std::string b;
    std::string decision;
    std::string reason;
  };
  auto decide_options = std::make_shared<DecideOptions>();
  CLI::App* decide = review->add_subcommand(
      "decide", "Record that two records are the same person, different people, or must never be linked (or withdraw)");
  decide->add_option("a", decide_options->a, "First person_ref")->required();
  decide->add_option("b", decide_options->b, "Second person_ref")->required();
  decide->add_option("decision", decide_options->decision, "same, different, never_link or withdrawn")
      ->required()
      ->check(CLI::IsMember({"same", "different", "never_link", "withdrawn"}));
  decide->add_option("--reason", decide_options->reason, "Why (recorded and audited)")->required();
  CommandContext::add_db_option(*decide, decide_options->db);
  decide->callback([decide_options, &context] {
    auto store = context.open_store(decide_options->db, false);
    if (!store) return;
    Status recorded = record_decision(context, *store, decide_options->a, decide_options->b, decide_options->decision,
                                      decide_options->reason);
    if (!recorded) return context.fail(recorded.error());
    fmt::print("Recorded: {} and {} are '{}'. It overrides the model from the next 'rasso link'.\n", decide_options->a,
               decide_options->b, decide_options->decision);
  });

  struct UnmergeOptions {
    std::string db;
    std::string person_ref;
    std::string reason;
  };
  auto unmerge_options = std::make_shared<UnmergeOptions>();
  CLI::App* unmerge = review->add_subcommand(
      "unmerge", "Take a record out of its resolved person: 'different' from every other record of that person");
  unmerge->add_option("person_ref", unmerge_options->person_ref, "The record to take out")->required();
  unmerge->add_option("--reason", unmerge_options->reason, "Why (recorded and audited)")->required();
  CommandContext::add_db_option(*unmerge, unmerge_options->db);
  unmerge->callback([unmerge_options, &context] {
    auto store = context.open_store(unmerge_options->db, false);
    if (!store) return;
    auto assignment = store->resolved_assignment();
    if (!assignment) return context.fail(assignment.error());
    std::int64_t resolved_id = 0;
    for (const auto& [ref, id] : *assignment) {
      if (ref == unmerge_options->person_ref) resolved_id = id;
    }
    if (resolved_id == 0) return context.fail(Error{"not_found", "'" + unmerge_options->person_ref + "' is not in a resolved person"});
    auto members = store->person_refs_of(resolved_id);
    if (!members) return context.fail(members.error());
    std::size_t recorded = 0;
    for (const std::string& other : *members) {
      if (other == unmerge_options->person_ref) continue;
      Status done = record_decision(context, *store, unmerge_options->person_ref, other, "different", unmerge_options->reason);
      if (!done) return context.fail(done.error());
      ++recorded;
    }
    fmt::print("Recorded {} 'different' decision(s): {} leaves R{} at the next 'rasso link'.\n", recorded,
               unmerge_options->person_ref, resolved_id);
  });
}

}  // namespace rasso::cli
