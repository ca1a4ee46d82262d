// The governance records in a real SQLite store: the course catalogue keeps every version, writes
// and their audit events commit together, refused changes leave the store and the audit log as
// they were, and nothing can be deleted.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "ingest/recommendation_file.h"
#include "store/governance_loading.h"
#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::TestWorkspace;

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

AuditEvent event(const char* action, const char* processing = "alteration") {
  AuditEvent out;
  out.occurred_at = "2025-02-01T10:00:00Z";
  out.actor = "test:governance";
  out.action = action;
  out.processing = processing;
  out.subject_type = "test";
  out.subject_id = "x";
  out.purpose = "testing";
  out.correlation_id = "t-1";
  return out;
}

std::size_t audit_count(Store& store) { return store.audit_events(0, 100000)->size(); }

class GovernanceRecords : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_ = std::make_unique<TestWorkspace>();
    workspace_->import(workspace_->copy_extract("minimal", "extract"));
    auto opened = open_sqlite_store(workspace_->store_path());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }
  std::vector<Recommendation> recommendations() const {
    return *read_recommendations_csv(std::filesystem::path(RASSO_SHARED_DATA_DIR) / "hmicfrs-2024-recommendations.csv",
                                     "HMICFRS 2024", "HMICFRS-2024");
  }
  std::unique_ptr<TestWorkspace> workspace_;
  std::unique_ptr<Store> store_;
  int written_ = 0;  // successful writes since `before`
  int version_ = 1;  // the recommendation's current version
};

template <typename T>
Status status_of(const Result<T>& result) {
  if (result) return ok_status();
  return result.error();
}

TEST_F(GovernanceRecords, TheCatalogueIsSeededOnceAndKeepsEveryVersion) {
  const std::size_t before = audit_count(*store_);
  auto catalogue = load_course_catalogue(*store_, testing_support::code_tables().table("course"), event("seed", "collection"));
  ASSERT_TRUE(catalogue) << catalogue.error().message;
  EXPECT_EQ(catalogue->size(), 8u);
  EXPECT_EQ(audit_count(*store_), before + 1);
  // Seeding again adds nothing and writes no event.
  EXPECT_EQ(load_course_catalogue(*store_, testing_support::code_tables().table("course"), event("seed", "collection"))->size(), 8u);
  EXPECT_EQ(audit_count(*store_), before + 1);

  TrainingCourse abe = (*catalogue)[0];
  for (const TrainingCourse& course : *catalogue) {
    if (course.code == "ABE") abe = course;
  }
  abe.renewal_months = 24;
  ASSERT_TRUE(store_->governance().save_training_course(abe, event("training.course.change")));
  const auto history = store_->governance().training_course_history("ABE");
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].course.renewal_months, 36);
  EXPECT_EQ((*history)[1].course.renewal_months, 24);
  EXPECT_EQ((*history)[1].version, 2);
  EXPECT_EQ((*history)[1].changed_by, "test:governance");
  // The same settings again: refused, nothing written.
  const std::size_t after_change = audit_count(*store_);
  const Status same = store_->governance().save_training_course(abe, event("training.course.change"));
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, "conflict");
  abe.code = "bad code";
  EXPECT_EQ(store_->governance().save_training_course(abe, event("x")).error().code, "invalid_input");
  EXPECT_EQ(audit_count(*store_), after_change);
  EXPECT_EQ(store_->governance().training_course_history("ABE")->size(), 2u);
}

TEST_F(GovernanceRecords, CheckInsNeedAKnownOfficer) {
  const std::size_t before = audit_count(*store_);
  auto unknown = store_->governance().record_wellbeing_checkin("NOBODY", d("2025-01-10"), event("wellbeing.record", "collection"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "not_found");
  EXPECT_EQ(audit_count(*store_), before);
  ASSERT_TRUE(store_->governance().record_wellbeing_checkin("WD-O-1", d("2025-01-10"), event("wellbeing.record", "collection")));
  const auto checkins = store_->governance().wellbeing_checkins();
  ASSERT_EQ(checkins->size(), 1u);
  EXPECT_EQ((*checkins)[0].checkin_date, d("2025-01-10"));
  EXPECT_EQ(audit_count(*store_), before + 1);
}

TEST_F(GovernanceRecords, RecommendationsMoveToClosureOnlyWithWhatTheRulesNeed) {
  GovernanceStore& governance = store_->governance();
  auto imported = governance.import_recommendations(recommendations(), event("recommendations.import", "collection"));
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->added, 14);
  auto all = governance.recommendations();
  ASSERT_EQ(all->size(), 14u);
  int for_forces = 0;
  for (const Recommendation& rec : *all) for_forces += rec.for_forces ? 1 : 0;
  EXPECT_EQ(for_forces, 5);  // recommendations 3, 5, 7, 9 and 11 (DOMAIN.md section 1)
  EXPECT_EQ(governance.recommendation("HMICFRS-2024-03")->due_date, d("2025-01-31"));
  EXPECT_EQ(governance.import_recommendations(recommendations(), event("recommendations.import", "collection"))->unchanged, 14);

  const std::string id = "HMICFRS-2024-03";
  const std::size_t before = audit_count(*store_);
  auto refused = [&](const Status& status, const char* code, const char* words) {
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, code);
    EXPECT_NE(status.error().message.find(words), std::string::npos) << status.error().message;
    EXPECT_EQ(audit_count(*store_), before + written_);
    EXPECT_EQ(governance.recommendation(id)->version, version_);
  };
  refused(governance.change_recommendation_status(id, RecommendationStatus::InProgress, "", event("s")), "invalid_input", "owner");
  ASSERT_TRUE(governance.set_recommendation_owner(id, "ACC Public Protection", event("o")));
  ++written_, ++version_;
  refused(governance.change_recommendation_status(id, RecommendationStatus::InProgress, "", event("s")), "invalid_input", "action");
  RecommendationAction action;
  action.rec_id = id;
  action.description = "Deliver word-on-word training to every RASSO investigator";
  action.owner = "DCI Training";
  action.due_date = d("2025-01-31");
  auto action_id = governance.add_recommendation_action(action, event("a"));
  ASSERT_TRUE(action_id);
  ++written_;
  RecommendationAction blank = action;
  blank.description = " ";
  refused(status_of(governance.add_recommendation_action(blank, event("a"))), "invalid_input", "description");
  ASSERT_TRUE(governance.change_recommendation_status(id, RecommendationStatus::InProgress, "", event("s")));
  ++written_, ++version_;
  refused(governance.change_recommendation_status(id, RecommendationStatus::EvidenceSubmitted, "", event("s")), "invalid_input", "evidence");
  EvidenceItem evidence;
  evidence.rec_id = id;
  evidence.description = "Training records: 42 of 42 completed";
  evidence.reference = "PPU/2025/017";
  ASSERT_TRUE(governance.add_recommendation_evidence(evidence, event("e")));
  ++written_;
  ASSERT_TRUE(governance.change_recommendation_status(id, RecommendationStatus::EvidenceSubmitted, "", event("s")));
  ++written_, ++version_;
  refused(governance.change_recommendation_status(id, RecommendationStatus::Closed, "", event("s")), "invalid_input", "closure note");
  refused(governance.change_recommendation_status(id, RecommendationStatus::Closed, "Met", event("s")), "invalid_input", "still open");
  refused(governance.change_action_status(id, *action_id, ActionStatus::Closed, "", event("c")), "invalid_input", "note");
  refused(governance.change_action_status(id, 999, ActionStatus::Closed, "x", event("c")), "not_found", "no action 999");
  ASSERT_TRUE(governance.change_action_status(id, *action_id, ActionStatus::Closed, "All trained", event("c")));
  ++written_;
  ASSERT_TRUE(governance.change_recommendation_status(id, RecommendationStatus::Closed, "Met: all staff trained", event("s")));
  ++written_, ++version_;
  // Closed: nothing more is added until it is reopened with a reason.
  refused(status_of(governance.add_recommendation_action(action, event("a"))), "conflict", "closed");
  const Recommendation closed = *governance.recommendation(id);
  EXPECT_EQ(closed.status, RecommendationStatus::Closed);
  EXPECT_EQ(closed.status_note, "Met: all staff trained");
  // Every change is in its history, and every previous row version is kept.
  const auto events = governance.recommendation_events(id);
  std::vector<std::string> changes;
  for (const RecommendationEvent& entry : *events) changes.push_back(entry.change);
  EXPECT_EQ(changes.front(), "imported from HMICFRS 2024");
  EXPECT_EQ(changes.back(), "status evidence_submitted -> closed");
  EXPECT_EQ(changes.size(), 8u);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(workspace_->store_path().c_str(), &db), SQLITE_OK);
  auto scalar = [&](const char* sql) {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    sqlite3_step(statement);
    const int value = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
    return value;
  };
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM recommendations_history WHERE rec_id = 'HMICFRS-2024-03'"), version_ - 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM recommendation_actions_history"), 1);
  // Nothing can be deleted, and append-only records cannot be edited: every table checked below
  // holds rows (a DELETE on an empty table would succeed whatever the triggers say).
  ASSERT_TRUE(load_course_catalogue(*store_, testing_support::code_tables().table("course"), event("seed", "collection")));
  ASSERT_TRUE(store_->governance().record_wellbeing_checkin("WD-O-1", d("2025-01-10"), event("wellbeing.record", "collection")));
  for (const char* sql : {"DELETE FROM recommendations", "DELETE FROM recommendation_actions", "DELETE FROM recommendation_evidence",
                          "UPDATE recommendation_evidence SET description = 'x'", "DELETE FROM recommendation_events",
                          "DELETE FROM training_courses", "DELETE FROM wellbeing_checkins"}) {
    char* message = nullptr;
    EXPECT_NE(sqlite3_exec(db, sql, nullptr, nullptr, &message), SQLITE_OK) << sql;
    sqlite3_free(message);
  }
  sqlite3_close(db);
  EXPECT_TRUE(store_->verify_audit_log()->intact);
}

TEST_F(GovernanceRecords, SamplesAndFindingsAreKeptAndSuperseded) {
  GovernanceStore& governance = store_->governance();
  ScrutinySample sample;
  sample.from = d("2024-01-01");
  sample.to = d("2024-12-31");
  sample.allocation = "proportional";
  sample.size = 2;
  sample.seed = 18446744073709551615ULL;  // the largest seed survives the round trip
  sample.sampler_version = 1;
  sample.population = 5;
  sample.strata_json = "[]";
  const std::vector<ScrutinySampleCase> cases = {{0, 1, "C01", "WD-C-1", 16, "rape", "{}"},
                                                 {0, 2, "C02", "WD-C-2", 14, "other", "{}"}};
  auto id = governance.save_scrutiny_sample(sample, cases, event("scrutiny.sample", "combination"));
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(governance.scrutiny_sample(*id)->seed, 18446744073709551615ULL);
  EXPECT_EQ(governance.scrutiny_sample_cases(*id)->size(), 2u);
  EXPECT_EQ(governance.scrutiny_sample(*id + 1).error().code, "not_found");

  PanelFinding finding;
  finding.sample_id = *id;
  finding.case_number = 1;
  finding.panel_date = "2025-02-10";
  finding.decision = "appropriate_with_learning";
  finding.themes = {"victim_care"};
  finding.learning = "Explain the NFA in person";
  ASSERT_TRUE(governance.record_panel_finding(finding, event("scrutiny.finding")));
  finding.decision = "inappropriate";
  ASSERT_TRUE(governance.record_panel_finding(finding, event("scrutiny.finding")));
  const std::size_t before = audit_count(*store_);
  PanelFinding stray = finding;
  stray.case_number = 9;
  EXPECT_EQ(governance.record_panel_finding(stray, event("scrutiny.finding")).error().code, "not_found");
  stray = finding;
  stray.decision = "fine";
  EXPECT_NE(governance.record_panel_finding(stray, event("scrutiny.finding")).error().message.find("appropriate_with_learning"),
            std::string::npos);
  EXPECT_EQ(audit_count(*store_), before);
  const auto latest = governance.panel_findings(*id, true);
  ASSERT_EQ(latest->size(), 1u);
  EXPECT_EQ((*latest)[0].decision, "inappropriate");
  EXPECT_EQ((*latest)[0].victim_care, "not_assessed");
  EXPECT_EQ((*latest)[0].themes, (std::vector<std::string>{"victim_care"}));
  EXPECT_EQ(governance.panel_findings(*id, false)->size(), 2u);
}

}  // namespace
}  // namespace rasso
