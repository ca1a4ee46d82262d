#include "store/sqlite/sqlite_governance_store.h"

#include <charconv>

namespace rasso::sqlite {
namespace {

constexpr const char* kGovernanceSql = R"(
CREATE TABLE training_courses (
  code TEXT PRIMARY KEY NOT NULL,
  label TEXT NOT NULL,
  required_for TEXT NOT NULL,
  due_within_days INTEGER NOT NULL,
  required_by TEXT,
  renewal_months INTEGER NOT NULL,
  active INTEGER NOT NULL,
  version INTEGER NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE training_courses_history (
  history_id INTEGER PRIMARY KEY,
  code TEXT NOT NULL, label TEXT NOT NULL, required_for TEXT NOT NULL, due_within_days INTEGER NOT NULL,
  required_by TEXT, renewal_months INTEGER NOT NULL, active INTEGER NOT NULL, version INTEGER NOT NULL,
  changed_by TEXT NOT NULL, changed_at TEXT NOT NULL
);
CREATE TRIGGER training_courses_keep_history BEFORE UPDATE ON training_courses BEGIN
  INSERT INTO training_courses_history VALUES (NULL, old.code, old.label, old.required_for, old.due_within_days,
    old.required_by, old.renewal_months, old.active, old.version, old.changed_by, old.changed_at);
END;
CREATE TABLE wellbeing_checkins (
  checkin_id INTEGER PRIMARY KEY,
  officer_ref TEXT NOT NULL,
  checkin_date TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX wellbeing_checkins_by_officer ON wellbeing_checkins (officer_ref, checkin_date);
CREATE TABLE recommendations (
  rec_id TEXT PRIMARY KEY NOT NULL,
  source TEXT NOT NULL, number TEXT NOT NULL, summary TEXT NOT NULL, area TEXT NOT NULL, audience TEXT NOT NULL,
  for_forces INTEGER NOT NULL, due_date TEXT,
  owner TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'evidence_submitted', 'closed')),
  status_note TEXT NOT NULL,
  version INTEGER NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE recommendations_history (
  history_id INTEGER PRIMARY KEY,
  rec_id TEXT NOT NULL, source TEXT NOT NULL, number TEXT NOT NULL, summary TEXT NOT NULL, area TEXT NOT NULL,
  audience TEXT NOT NULL, for_forces INTEGER NOT NULL, due_date TEXT, owner TEXT NOT NULL, status TEXT NOT NULL,
  status_note TEXT NOT NULL, version INTEGER NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TRIGGER recommendations_keep_history BEFORE UPDATE ON recommendations BEGIN
  INSERT INTO recommendations_history VALUES (NULL, old.rec_id, old.source, old.number, old.summary, old.area,
    old.audience, old.for_forces, old.due_date, old.owner, old.status, old.status_note, old.version, old.updated_by,
    old.updated_at);
END;
CREATE TABLE recommendation_actions (
  action_id INTEGER PRIMARY KEY,
  rec_id TEXT NOT NULL REFERENCES recommendations (rec_id),
  description TEXT NOT NULL, owner TEXT NOT NULL, due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'closed')),
  note TEXT NOT NULL,
  version INTEGER NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX recommendation_actions_by_rec ON recommendation_actions (rec_id);
CREATE TABLE recommendation_actions_history (
  history_id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL, rec_id TEXT NOT NULL, description TEXT NOT NULL, owner TEXT NOT NULL,
  due_date TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL, version INTEGER NOT NULL,
  updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TRIGGER recommendation_actions_keep_history BEFORE UPDATE ON recommendation_actions BEGIN
  INSERT INTO recommendation_actions_history VALUES (NULL, old.action_id, old.rec_id, old.description, old.owner,
    old.due_date, old.status, old.note, old.version, old.updated_by, old.updated_at);
END;
CREATE TABLE recommendation_evidence (
  evidence_id INTEGER PRIMARY KEY,
  rec_id TEXT NOT NULL REFERENCES recommendations (rec_id),
  description TEXT NOT NULL, reference TEXT NOT NULL, added_by TEXT NOT NULL, added_at TEXT NOT NULL
);
CREATE INDEX recommendation_evidence_by_rec ON recommendation_evidence (rec_id);
CREATE TABLE recommendation_events (
  event_id INTEGER PRIMARY KEY,
  rec_id TEXT NOT NULL REFERENCES recommendations (rec_id),
  at TEXT NOT NULL, by TEXT NOT NULL, change TEXT NOT NULL, note TEXT NOT NULL
);
CREATE INDEX recommendation_events_by_rec ON recommendation_events (rec_id);
CREATE TABLE scrutiny_samples (
  sample_id INTEGER PRIMARY KEY,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, from_date TEXT NOT NULL, to_date TEXT NOT NULL,
  allocation TEXT NOT NULL CHECK (allocation IN ('proportional', 'fixed')),
  size INTEGER NOT NULL, per_stratum INTEGER NOT NULL, seed TEXT NOT NULL, outcome_codes TEXT NOT NULL,
  sampler_version INTEGER NOT NULL, population INTEGER NOT NULL, strata_json TEXT NOT NULL,
  force_code TEXT NOT NULL, unit_ref TEXT NOT NULL
);
CREATE TABLE scrutiny_sample_cases (
  sample_id INTEGER NOT NULL REFERENCES scrutiny_samples (sample_id),
  case_number INTEGER NOT NULL,
  pseudonym TEXT NOT NULL, crime_ref TEXT NOT NULL, outcome_code INTEGER NOT NULL, offence_group TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  PRIMARY KEY (sample_id, case_number)
) WITHOUT ROWID;
CREATE TABLE scrutiny_findings (
  finding_id INTEGER PRIMARY KEY,
  sample_id INTEGER NOT NULL, case_number INTEGER NOT NULL,
  panel_date TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('appropriate', 'appropriate_with_learning', 'inappropriate')),
  victim_care TEXT NOT NULL, victims_code TEXT NOT NULL, themes TEXT NOT NULL, learning TEXT NOT NULL,
  actions TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL,
  FOREIGN KEY (sample_id, case_number) REFERENCES scrutiny_sample_cases (sample_id, case_number)
);
CREATE INDEX scrutiny_findings_by_case ON scrutiny_findings (sample_id, case_number);
)";

// Nothing in the governance tables is ever deleted; append-only ones are never updated either.
std::string immutability_sql() {
  std::string sql;
  for (const char* table : {"training_courses", "recommendations", "recommendation_actions", "training_courses_history",
                            "recommendations_history", "recommendation_actions_history", "wellbeing_checkins",
                            "recommendation_evidence", "recommendation_events", "scrutiny_samples",
                            "scrutiny_sample_cases", "scrutiny_findings"}) {
    sql += std::string("CREATE TRIGGER ") + table + "_no_delete BEFORE DELETE ON " + table +
           " BEGIN SELECT RAISE(ABORT, 'governance records are never deleted'); END;\n";
  }
  for (const char* table : {"training_courses_history", "recommendations_history", "recommendation_actions_history",
                            "wellbeing_checkins", "recommendation_evidence", "recommendation_events",
                            "scrutiny_samples", "scrutiny_sample_cases", "scrutiny_findings"}) {
    sql += std::string("CREATE TRIGGER ") + table + "_no_update BEFORE UPDATE ON " + table +
           " BEGIN SELECT RAISE(ABORT, 'these governance records are append-only'); END;\n";
  }
  return sql;
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

Status check_length(std::string_view what, std::string_view text, std::size_t min, std::size_t max) {
  if (text.size() < min || text.size() > max || (min > 0 && blank(text))) {
    return Error{"invalid_input", std::string(what) + " must be " + std::to_string(min) + "-" + std::to_string(max) + " characters"};
  }
  return ok_status();
}

std::optional<CivilDate> date_or_none(const std::string& text) {
  return text.empty() ? std::nullopt : CivilDate::parse_iso(text);
}

std::uint64_t parse_u64(const std::string& text) {
  std::uint64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::string join(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    if (end > start) parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

class SqliteGovernanceStore final : public GovernanceStore {
 public:
  SqliteGovernanceStore(Connection& connection, AuditAppender append_audit)
      : connection_(connection), append_audit_(append_audit) {}

  // --- Courses ---------------------------------------------------------------------------------
  Result<std::vector<StoredCourse>> training_courses() override {
    return select_courses("SELECT " + std::string(kCourseColumns) + " FROM training_courses ORDER BY code", {});
  }

  Result<std::vector<StoredCourse>> training_course_history(std::string_view code) override {
    return select_courses("SELECT " + std::string(kCourseColumns) + " FROM (SELECT " + kCourseColumns +
                              " FROM training_courses_history WHERE code = ?1 UNION ALL SELECT " + kCourseColumns +
                              " FROM training_courses WHERE code = ?1) ORDER BY version",
                          code);
  }

  Status save_training_course(const TrainingCourse& course, const AuditEvent& audit) override {
    if (Status valid = validate_training_course(course, nullptr); !valid) return valid;
    return in_transaction([&]() -> Status {
      auto existing = select_courses("SELECT " + std::string(kCourseColumns) + " FROM training_courses WHERE code = ?",
                                     course.code);
      if (!existing) return existing.error();
      if (!existing->empty() && same_course(existing->front().course, course)) {
        return Error{"conflict", "course " + course.code + " already has exactly these settings; nothing changed"};
      }
      const int version = existing->empty() ? 1 : existing->front().version + 1;
      if (Status written = write_course(course, version, audit); !written) return written;
      return append(audit);
    });
  }

  Result<int> seed_training_courses(const std::vector<TrainingCourse>& courses, const AuditEvent& audit) override {
    int added = 0;
    Status done = in_transaction([&]() -> Status {
      for (const TrainingCourse& course : courses) {
        if (Status valid = validate_training_course(course, nullptr); !valid) return valid;
        auto existing = exists("SELECT 1 FROM training_courses WHERE code = ?", course.code);
        if (!existing) return existing.error();
        if (*existing) continue;
        if (Status written = write_course(course, 1, audit); !written) return written;
        ++added;
      }
      return added > 0 ? append(audit) : ok_status();
    });
    if (!done) return done.error();
    return added;
  }

  // --- Well-being ------------------------------------------------------------------------------
  Result<std::int64_t> record_wellbeing_checkin(std::string_view officer_ref, CivilDate date,
                                                const AuditEvent& audit) override {
    std::int64_t id = 0;
    Status done = in_transaction([&]() -> Status {
      auto known = exists("SELECT 1 FROM officers WHERE officer_ref = ?", officer_ref);
      if (!known) return known.error();
      if (!*known) return Error{"not_found", "no officer '" + std::string(officer_ref) + "' in the store (check the officer reference)"};
      auto insert = connection_.prepare(
          "INSERT INTO wellbeing_checkins (officer_ref, checkin_date, recorded_by, recorded_at) VALUES (?, ?, ?, ?)");
      if (!insert) return insert.error();
      const std::string iso = date.to_iso();
      insert->bind_text(1, officer_ref);
      insert->bind_text(2, iso);
      insert->bind_text(3, audit.actor);
      insert->bind_text(4, audit.occurred_at);
      if (auto step = insert->step(); !step) return step.error();
      id = sqlite3_last_insert_rowid(connection_.handle());
      return append(audit);
    });
    if (!done) return done.error();
    return id;
  }

  Result<std::vector<WellbeingCheckin>> wellbeing_checkins() override {
    auto query = connection_.prepare(
        "SELECT checkin_id, officer_ref, checkin_date, recorded_by, recorded_at FROM wellbeing_checkins "
        "ORDER BY officer_ref, checkin_date, checkin_id");
    if (!query) return query.error();
    std::vector<WellbeingCheckin> out;
    return collect(*query, out, [](const Statement& q) {
      return WellbeingCheckin{q.column_int(0), q.column_text(1), *CivilDate::parse_iso(q.column_text(2)), q.column_text(3),
                              q.column_text(4)};
    });
  }

  // --- Recommendations -------------------------------------------------------------------------
  Result<RecommendationImportCount> import_recommendations(const std::vector<Recommendation>& recommendations,
                                                           const AuditEvent& audit) override {
    RecommendationImportCount count;
    Status done = in_transaction([&]() -> Status {
      for (const Recommendation& incoming : recommendations) {
        auto stored = recommendation(incoming.rec_id);
        if (!stored && stored.error().code != "not_found") return stored.error();
        if (!stored) {
          Recommendation fresh = incoming;
          fresh.owner.clear();
          fresh.status = RecommendationStatus::Open;
          fresh.status_note.clear();
          fresh.version = 1;
          if (Status written = insert_recommendation(fresh, audit); !written) return written;
          if (Status logged = log_event(fresh.rec_id, "imported from " + fresh.source, "", audit); !logged) return logged;
          ++count.added;
          continue;
        }
        if (stored->source == incoming.source && stored->number == incoming.number && stored->summary == incoming.summary &&
            stored->area == incoming.area && stored->audience == incoming.audience &&
            stored->for_forces == incoming.for_forces && stored->due_date == incoming.due_date) {
          ++count.unchanged;
          continue;
        }
        auto update = connection_.prepare(
            "UPDATE recommendations SET source = ?, number = ?, summary = ?, area = ?, audience = ?, for_forces = ?, "
            "due_date = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE rec_id = ?");
        if (!update) return update.error();
        const std::string due = incoming.due_date ? incoming.due_date->to_iso() : std::string();
        update->bind_text(1, incoming.source);
        update->bind_text(2, incoming.number);
        update->bind_text(3, incoming.summary);
        update->bind_text(4, incoming.area);
        update->bind_text(5, incoming.audience);
        update->bind_int(6, incoming.for_forces ? 1 : 0);
        update->bind_text_or_null(7, due);
        update->bind_text(8, audit.actor);
        update->bind_text(9, audit.occurred_at);
        update->bind_text(10, incoming.rec_id);
        if (auto step = update->step(); !step) return step.error();
        if (Status logged = log_event(incoming.rec_id, "source text re-imported (previous version kept)", "", audit); !logged) {
          return logged;
        }
        ++count.changed;
      }
      return append(audit);
    });
    if (!done) return done.error();
    return count;
  }

  Result<std::vector<Recommendation>> recommendations() override {
    auto query = connection_.prepare("SELECT " + std::string(kRecommendationColumns) + " FROM recommendations ORDER BY rec_id");
    if (!query) return query.error();
    std::vector<Recommendation> out;
    return collect(*query, out, read_recommendation);
  }

  Result<Recommendation> recommendation(std::string_view rec_id) override {
    auto query = connection_.prepare("SELECT " + std::string(kRecommendationColumns) + " FROM recommendations WHERE rec_id = ?");
    if (!query) return query.error();
    query->bind_text(1, rec_id);
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return Error{"not_found", "no recommendation '" + std::string(rec_id) + "' (see 'rasso recommendations list')"};
    return read_recommendation(*query);
  }

  Result<std::vector<RecommendationAction>> recommendation_actions(std::string_view rec_id) override {
    auto query = connection_.prepare(
        "SELECT action_id, rec_id, description, owner, due_date, status, note, version, updated_by, updated_at "
        "FROM recommendation_actions WHERE ?1 = '' OR rec_id = ?1 ORDER BY action_id");
    if (!query) return query.error();
    query->bind_text(1, rec_id);
    std::vector<RecommendationAction> out;
    return collect(*query, out, [](const Statement& q) {
      return RecommendationAction{q.column_int(0),
                                  q.column_text(1),
                                  q.column_text(2),
                                  q.column_text(3),
                                  *CivilDate::parse_iso(q.column_text(4)),
                                  parse_action_status(q.column_text(5)).value_or(ActionStatus::Open),
                                  q.column_text(6),
                                  static_cast<int>(q.column_int(7)),
                                  q.column_text(8),
                                  q.column_text(9)};
    });
  }

  Result<std::vector<EvidenceItem>> recommendation_evidence(std::string_view rec_id) override {
    auto query = connection_.prepare(
        "SELECT evidence_id, rec_id, description, reference, added_by, added_at FROM recommendation_evidence "
        "WHERE ?1 = '' OR rec_id = ?1 ORDER BY evidence_id");
    if (!query) return query.error();
    query->bind_text(1, rec_id);
    std::vector<EvidenceItem> out;
    return collect(*query, out, [](const Statement& q) {
      return EvidenceItem{q.column_int(0), q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4), q.column_text(5)};
    });
  }

  Result<std::vector<RecommendationEvent>> recommendation_events(std::string_view rec_id) override {
    auto query = connection_.prepare(
        "SELECT event_id, rec_id, at, by, change, note FROM recommendation_events WHERE ?1 = '' OR rec_id = ?1 "
        "ORDER BY event_id");
    if (!query) return query.error();
    query->bind_text(1, rec_id);
    std::vector<RecommendationEvent> out;
    return collect(*query, out, [](const Statement& q) {
      return RecommendationEvent{q.column_int(0), q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4),
                                 q.column_text(5)};
    });
  }

  Status set_recommendation_owner(std::string_view rec_id, std::string_view owner, const AuditEvent& audit) override {
    if (Status valid = check_length("the owner", owner, 1, 200); !valid) return valid;
    return in_transaction([&]() -> Status {
      auto stored = open_recommendation(rec_id);
      if (!stored) return stored.error();
      if (stored->owner == owner) return Error{"conflict", "the owner is already " + std::string(owner)};
      auto update = connection_.prepare(
          "UPDATE recommendations SET owner = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE rec_id = ?");
      if (!update) return update.error();
      update->bind_text(1, owner);
      update->bind_text(2, audit.actor);
      update->bind_text(3, audit.occurred_at);
      update->bind_text(4, rec_id);
      if (auto step = update->step(); !step) return step.error();
      const std::string change = "owner " + (stored->owner.empty() ? std::string("(none)") : stored->owner) + " -> " + std::string(owner);
      if (Status logged = log_event(rec_id, change, "", audit); !logged) return logged;
      return append(audit);
    });
  }

  Result<std::int64_t> add_recommendation_action(const RecommendationAction& action, const AuditEvent& audit) override {
    if (Status valid = check_length("the action's description", action.description, 1, 2000); !valid) return valid.error();
    if (Status valid = check_length("the action's owner", action.owner, 1, 200); !valid) return valid.error();
    std::int64_t id = 0;
    Status done = in_transaction([&]() -> Status {
      auto stored = open_recommendation(action.rec_id);
      if (!stored) return stored.error();
      auto insert = connection_.prepare(
          "INSERT INTO recommendation_actions (rec_id, description, owner, due_date, status, note, version, updated_by, "
          "updated_at) VALUES (?, ?, ?, ?, 'open', '', 1, ?, ?)");
      if (!insert) return insert.error();
      const std::string due = action.due_date.to_iso();
      insert->bind_text(1, action.rec_id);
      insert->bind_text(2, action.description);
      insert->bind_text(3, action.owner);
      insert->bind_text(4, due);
      insert->bind_text(5, audit.actor);
      insert->bind_text(6, audit.occurred_at);
      if (auto step = insert->step(); !step) return step.error();
      id = sqlite3_last_insert_rowid(connection_.handle());
      if (Status logged = log_event(action.rec_id, "action " + std::to_string(id) + " added: " + action.description +
                                                       " (owner " + action.owner + ", due " + due + ")",
                                    "", audit);
          !logged) {
        return logged;
      }
      return append(audit);
    });
    if (!done) return done.error();
    return id;
  }

  Status change_action_status(std::string_view rec_id, std::int64_t action_id, ActionStatus to, std::string_view note,
                              const AuditEvent& audit) override {
    return in_transaction([&]() -> Status {
      auto stored = open_recommendation(rec_id);
      if (!stored) return stored.error();
      auto actions = recommendation_actions(rec_id);
      if (!actions) return actions.error();
      const RecommendationAction* action = nullptr;
      for (const RecommendationAction& candidate : *actions) {
        if (candidate.action_id == action_id) action = &candidate;
      }
      if (action == nullptr) {
        return Error{"not_found", "recommendation " + std::string(rec_id) + " has no action " + std::to_string(action_id)};
      }
      if (Status allowed = check_action_transition(action->status, to, note); !allowed) return allowed;
      auto update = connection_.prepare(
          "UPDATE recommendation_actions SET status = ?, note = ?, version = version + 1, updated_by = ?, updated_at = ? "
          "WHERE action_id = ?");
      if (!update) return update.error();
      update->bind_text(1, action_status_code(to));
      update->bind_text(2, note);
      update->bind_text(3, audit.actor);
      update->bind_text(4, audit.occurred_at);
      update->bind_int(5, action_id);
      if (auto step = update->step(); !step) return step.error();
      const std::string change = "action " + std::to_string(action_id) + " " + std::string(action_status_code(action->status)) +
                                 " -> " + std::string(action_status_code(to));
      if (Status logged = log_event(rec_id, change, note, audit); !logged) return logged;
      return append(audit);
    });
  }

  Result<std::int64_t> add_recommendation_evidence(const EvidenceItem& item, const AuditEvent& audit) override {
    if (Status valid = check_length("the evidence description", item.description, 1, 2000); !valid) return valid.error();
    if (Status valid = check_length("the evidence reference", item.reference, 0, 500); !valid) return valid.error();
    std::int64_t id = 0;
    Status done = in_transaction([&]() -> Status {
      auto stored = open_recommendation(item.rec_id);
      if (!stored) return stored.error();
      auto insert = connection_.prepare(
          "INSERT INTO recommendation_evidence (rec_id, description, reference, added_by, added_at) VALUES (?, ?, ?, ?, ?)");
      if (!insert) return insert.error();
      insert->bind_text(1, item.rec_id);
      insert->bind_text(2, item.description);
      insert->bind_text(3, item.reference);
      insert->bind_text(4, audit.actor);
      insert->bind_text(5, audit.occurred_at);
      if (auto step = insert->step(); !step) return step.error();
      id = sqlite3_last_insert_rowid(connection_.handle());
      if (Status logged = log_event(item.rec_id, "evidence " + std::to_string(id) + " added: " + item.description, "", audit);
          !logged) {
        return logged;
      }
      return append(audit);
    });
    if (!done) return done.error();
    return id;
  }

  Status change_recommendation_status(std::string_view rec_id, RecommendationStatus to, std::string_view note,
                                      const AuditEvent& audit) override {
    return in_transaction([&]() -> Status {
      auto stored = recommendation(rec_id);
      if (!stored) return stored.error();
      auto actions = recommendation_actions(rec_id);
      if (!actions) return actions.error();
      auto evidence = recommendation_evidence(rec_id);
      if (!evidence) return evidence.error();
      RecommendationFacts facts;
      facts.status = stored->status;
      facts.has_owner = !stored->owner.empty();
      facts.actions = static_cast<int>(actions->size());
      for (const RecommendationAction& action : *actions) facts.open_actions += action.status != ActionStatus::Closed ? 1 : 0;
      facts.evidence_items = static_cast<int>(evidence->size());
      if (Status allowed = check_recommendation_transition(facts, to, note); !allowed) return allowed;
      auto update = connection_.prepare(
          "UPDATE recommendations SET status = ?, status_note = ?, version = version + 1, updated_by = ?, updated_at = ? "
          "WHERE rec_id = ?");
      if (!update) return update.error();
      update->bind_text(1, recommendation_status_code(to));
      update->bind_text(2, note);
      update->bind_text(3, audit.actor);
      update->bind_text(4, audit.occurred_at);
      update->bind_text(5, rec_id);
      if (auto step = update->step(); !step) return step.error();
      const std::string change = "status " + std::string(recommendation_status_code(stored->status)) + " -> " +
                                 std::string(recommendation_status_code(to));
      if (Status logged = log_event(rec_id, change, note, audit); !logged) return logged;
      return append(audit);
    });
  }

  // --- Scrutiny --------------------------------------------------------------------------------
  Result<std::int64_t> save_scrutiny_sample(const ScrutinySample& sample, const std::vector<ScrutinySampleCase>& cases,
                                            const AuditEvent& audit) override {
    std::int64_t id = 0;
    Status done = in_transaction([&]() -> Status {
      auto insert = connection_.prepare(
          "INSERT INTO scrutiny_samples (created_by, created_at, from_date, to_date, allocation, size, per_stratum, seed, "
          "outcome_codes, sampler_version, population, strata_json, force_code, unit_ref) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      if (!insert) return insert.error();
      const std::string from = sample.from.to_iso(), to = sample.to.to_iso(), seed = std::to_string(sample.seed);
      insert->bind_text(1, audit.actor);
      insert->bind_text(2, audit.occurred_at);
      insert->bind_text(3, from);
      insert->bind_text(4, to);
      insert->bind_text(5, sample.allocation);
      insert->bind_int(6, sample.size);
      insert->bind_int(7, sample.per_stratum);
      insert->bind_text(8, seed);
      insert->bind_text(9, sample.outcome_codes);
      insert->bind_int(10, sample.sampler_version);
      insert->bind_int(11, sample.population);
      insert->bind_text(12, sample.strata_json);
      insert->bind_text(13, sample.force_code);
      insert->bind_text(14, sample.unit_ref);
      if (auto step = insert->step(); !step) return step.error();
      id = sqlite3_last_insert_rowid(connection_.handle());
      auto add_case = connection_.prepare(
          "INSERT INTO scrutiny_sample_cases (sample_id, case_number, pseudonym, crime_ref, outcome_code, offence_group, "
          "summary_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
      if (!add_case) return add_case.error();
      for (const ScrutinySampleCase& sampled : cases) {
        add_case->bind_int(1, id);
        add_case->bind_int(2, sampled.case_number);
        add_case->bind_text(3, sampled.pseudonym);
        add_case->bind_text(4, sampled.crime_ref);
        add_case->bind_int(5, sampled.outcome_code);
        add_case->bind_text(6, sampled.offence_group);
        add_case->bind_text(7, sampled.summary_json);
        auto step = add_case->step();
        add_case->reset();
        if (!step) return step.error();
      }
      AuditEvent stored_audit = audit;
      stored_audit.subject_id = std::to_string(id);
      return append(stored_audit);
    });
    if (!done) return done.error();
    return id;
  }

  Result<std::vector<ScrutinySample>> scrutiny_samples() override { return select_samples(0); }

  Result<ScrutinySample> scrutiny_sample(std::int64_t sample_id) override {
    auto samples = select_samples(sample_id);
    if (!samples) return samples.error();
    if (samples->empty()) return Error{"not_found", "no scrutiny sample " + std::to_string(sample_id) + " (see 'rasso panel list')"};
    return samples->front();
  }

  Result<std::vector<ScrutinySampleCase>> scrutiny_sample_cases(std::int64_t sample_id) override {
    auto query = connection_.prepare(
        "SELECT sample_id, case_number, pseudonym, crime_ref, outcome_code, offence_group, summary_json "
        "FROM scrutiny_sample_cases WHERE sample_id = ? ORDER BY case_number");
    if (!query) return query.error();
    query->bind_int(1, sample_id);
    std::vector<ScrutinySampleCase> out;
    return collect(*query, out, [](const Statement& q) {
      return ScrutinySampleCase{q.column_int(0), static_cast<int>(q.column_int(1)), q.column_text(2), q.column_text(3),
                                static_cast<int>(q.column_int(4)), q.column_text(5), q.column_text(6)};
    });
  }

  Result<std::int64_t> record_panel_finding(const PanelFinding& finding, const AuditEvent& audit) override {
    if (Status valid = validate_panel_finding(finding); !valid) return valid.error();
    std::int64_t id = 0;
    Status done = in_transaction([&]() -> Status {
      auto query = connection_.prepare("SELECT 1 FROM scrutiny_sample_cases WHERE sample_id = ? AND case_number = ?");
      if (!query) return query.error();
      query->bind_int(1, finding.sample_id);
      query->bind_int(2, finding.case_number);
      auto found = query->step();
      if (!found) return found.error();
      if (!*found) {
        return Error{"not_found", "sample " + std::to_string(finding.sample_id) + " has no case " +
                                      std::to_string(finding.case_number) + " (see 'rasso panel show')"};
      }
      auto insert = connection_.prepare(
          "INSERT INTO scrutiny_findings (sample_id, case_number, panel_date, decision, victim_care, victims_code, themes, "
          "learning, actions, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      if (!insert) return insert.error();
      const std::string themes = join(finding.themes, ';');
      const std::string victim_care = finding.victim_care.empty() ? "not_assessed" : finding.victim_care;
      const std::string victims_code = finding.victims_code.empty() ? "not_assessed" : finding.victims_code;
      insert->bind_int(1, finding.sample_id);
      insert->bind_int(2, finding.case_number);
      insert->bind_text(3, finding.panel_date);
      insert->bind_text(4, finding.decision);
      insert->bind_text(5, victim_care);
      insert->bind_text(6, victims_code);
      insert->bind_text(7, themes);
      insert->bind_text(8, finding.learning);
      insert->bind_text(9, finding.actions);
      insert->bind_text(10, audit.actor);
      insert->bind_text(11, audit.occurred_at);
      if (auto step = insert->step(); !step) return step.error();
      id = sqlite3_last_insert_rowid(connection_.handle());
      return append(audit);
    });
    if (!done) return done.error();
    return id;
  }

  Result<std::vector<PanelFinding>> panel_findings(std::int64_t sample_id, bool latest_only) override {
    std::string sql =
        "SELECT finding_id, sample_id, case_number, panel_date, decision, victim_care, victims_code, themes, learning, "
        "actions, recorded_by, recorded_at FROM scrutiny_findings f WHERE (?1 = 0 OR sample_id = ?1)";
    if (latest_only) {
      sql += " AND finding_id = (SELECT MAX(finding_id) FROM scrutiny_findings g WHERE g.sample_id = f.sample_id AND "
             "g.case_number = f.case_number)";
    }
    auto query = connection_.prepare(sql + " ORDER BY sample_id, case_number, finding_id");
    if (!query) return query.error();
    query->bind_int(1, sample_id);
    std::vector<PanelFinding> out;
    return collect(*query, out, [](const Statement& q) {
      return PanelFinding{q.column_int(0),   q.column_int(1),        static_cast<int>(q.column_int(2)),
                          q.column_text(3),  q.column_text(4),       q.column_text(5),
                          q.column_text(6),  split(q.column_text(7), ';'), q.column_text(8),
                          q.column_text(9),  q.column_text(10),      q.column_text(11)};
    });
  }

 private:
  static constexpr const char* kCourseColumns =
      "code, label, required_for, due_within_days, required_by, renewal_months, active, version, changed_by, changed_at";
  static constexpr const char* kRecommendationColumns =
      "rec_id, source, number, summary, area, audience, for_forces, due_date, owner, status, status_note, version, "
      "updated_by, updated_at";

  static Recommendation read_recommendation(const Statement& q) {
    Recommendation rec;
    rec.rec_id = q.column_text(0);
    rec.source = q.column_text(1);
    rec.number = q.column_text(2);
    rec.summary = q.column_text(3);
    rec.area = q.column_text(4);
    rec.audience = q.column_text(5);
    rec.for_forces = q.column_int(6) != 0;
    rec.due_date = date_or_none(q.column_text(7));
    rec.owner = q.column_text(8);
    rec.status = parse_recommendation_status(q.column_text(9)).value_or(RecommendationStatus::Open);
    rec.status_note = q.column_text(10);
    rec.version = static_cast<int>(q.column_int(11));
    rec.updated_by = q.column_text(12);
    rec.updated_at = q.column_text(13);
    return rec;
  }

  static bool same_course(const TrainingCourse& a, const TrainingCourse& b) {
    return a.code == b.code && a.label == b.label && a.required_for_roles == b.required_for_roles &&
           a.due_within_days == b.due_within_days && a.required_by == b.required_by &&
           a.renewal_months == b.renewal_months && a.active == b.active;
  }

  // A recommendation that may still change: not closed (reopen it first).
  Result<Recommendation> open_recommendation(std::string_view rec_id) {
    auto stored = recommendation(rec_id);
    if (!stored) return stored.error();
    if (stored->status == RecommendationStatus::Closed) {
      return Error{"conflict", "recommendation " + std::string(rec_id) +
                                   " is closed; reopen it (status in_progress with a reason) before changing it"};
    }
    return stored;
  }

  Status write_course(const TrainingCourse& course, int version, const AuditEvent& audit) {
    auto upsert = connection_.prepare(
        "INSERT INTO training_courses (code, label, required_for, due_within_days, required_by, renewal_months, active, "
        "version, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
        "label = excluded.label, required_for = excluded.required_for, due_within_days = excluded.due_within_days, "
        "required_by = excluded.required_by, renewal_months = excluded.renewal_months, active = excluded.active, "
        "version = excluded.version, changed_by = excluded.changed_by, changed_at = excluded.changed_at");
    if (!upsert) return upsert.error();
    const std::string roles = role_list_text(course.required_for_roles);
    const std::string required_by = course.required_by ? course.required_by->to_iso() : std::string();
    upsert->bind_text(1, course.code);
    upsert->bind_text(2, course.label);
    upsert->bind_text(3, roles);
    upsert->bind_int(4, course.due_within_days);
    upsert->bind_text_or_null(5, required_by);
    upsert->bind_int(6, course.renewal_months);
    upsert->bind_int(7, course.active ? 1 : 0);
    upsert->bind_int(8, version);
    upsert->bind_text(9, audit.actor);
    upsert->bind_text(10, audit.occurred_at);
    auto step = upsert->step();
    if (!step) return step.error();
    return ok_status();
  }

  Result<std::vector<StoredCourse>> select_courses(const std::string& sql, std::string_view code) {
    auto query = connection_.prepare(sql);
    if (!query) return query.error();
    if (!code.empty()) query->bind_text(1, code);
    std::vector<StoredCourse> out;
    return collect(*query, out, [](const Statement& q) {
      StoredCourse stored;
      stored.course.code = q.column_text(0);
      stored.course.label = q.column_text(1);
      stored.course.required_for_roles = parse_role_list(q.column_text(2));
      stored.course.due_within_days = static_cast<int>(q.column_int(3));
      stored.course.required_by = date_or_none(q.column_text(4));
      stored.course.renewal_months = static_cast<int>(q.column_int(5));
      stored.course.active = q.column_int(6) != 0;
      stored.version = static_cast<int>(q.column_int(7));
      stored.changed_by = q.column_text(8);
      stored.changed_at = q.column_text(9);
      return stored;
    });
  }

  Result<std::vector<ScrutinySample>> select_samples(std::int64_t sample_id) {
    auto query = connection_.prepare(
        "SELECT sample_id, created_by, created_at, from_date, to_date, allocation, size, per_stratum, seed, outcome_codes, "
        "sampler_version, population, strata_json, force_code, unit_ref FROM scrutiny_samples "
        "WHERE ?1 = 0 OR sample_id = ?1 "
        "ORDER BY sample_id DESC");
    if (!query) return query.error();
    query->bind_int(1, sample_id);
    std::vector<ScrutinySample> out;
    return collect(*query, out, [](const Statement& q) {
      ScrutinySample sample;
      sample.sample_id = q.column_int(0);
      sample.created_by = q.column_text(1);
      sample.created_at = q.column_text(2);
      sample.from = *CivilDate::parse_iso(q.column_text(3));
      sample.to = *CivilDate::parse_iso(q.column_text(4));
      sample.allocation = q.column_text(5);
      sample.size = static_cast<int>(q.column_int(6));
      sample.per_stratum = static_cast<int>(q.column_int(7));
      sample.seed = parse_u64(q.column_text(8));
      sample.outcome_codes = q.column_text(9);
      sample.sampler_version = static_cast<int>(q.column_int(10));
      sample.population = static_cast<int>(q.column_int(11));
      sample.strata_json = q.column_text(12);
      sample.force_code = q.column_text(13);
      sample.unit_ref = q.column_text(14);
      return sample;
    });
  }

  Status insert_recommendation(const Recommendation& rec, const AuditEvent& audit) {
    auto insert = connection_.prepare("INSERT INTO recommendations (" + std::string(kRecommendationColumns) +
                                      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    const std::string due = rec.due_date ? rec.due_date->to_iso() : std::string();
    insert->bind_text(1, rec.rec_id);
    insert->bind_text(2, rec.source);
    insert->bind_text(3, rec.number);
    insert->bind_text(4, rec.summary);
    insert->bind_text(5, rec.area);
    insert->bind_text(6, rec.audience);
    insert->bind_int(7, rec.for_forces ? 1 : 0);
    insert->bind_text_or_null(8, due);
    insert->bind_text(9, rec.owner);
    insert->bind_text(10, recommendation_status_code(rec.status));
    insert->bind_text(11, rec.status_note);
    insert->bind_int(12, rec.version);
    insert->bind_text(13, audit.actor);
    insert->bind_text(14, audit.occurred_at);
    auto step = insert->step();
    if (!step) return step.error();
    return ok_status();
  }

  Status log_event(std::string_view rec_id, const std::string& change, std::string_view note, const AuditEvent& audit) {
    auto insert = connection_.prepare("INSERT INTO recommendation_events (rec_id, at, by, change, note) VALUES (?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    insert->bind_text(1, rec_id);
    insert->bind_text(2, audit.occurred_at);
    insert->bind_text(3, audit.actor);
    insert->bind_text(4, change);
    insert->bind_text(5, note);
    auto step = insert->step();
    if (!step) return step.error();
    return ok_status();
  }

  Result<bool> exists(const std::string& sql, std::string_view key) {
    auto query = connection_.prepare(sql);
    if (!query) return query.error();
    query->bind_text(1, key);
    return query->step();
  }

  template <typename T, typename Read>
  static Result<std::vector<T>> collect(Statement& query, std::vector<T>& out, Read read) {
    while (true) {
      auto row = query.step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back(read(query));
    }
    return std::move(out);
  }

  Status append(const AuditEvent& audit) {
    auto appended = append_audit_(connection_, audit);
    if (!appended) return appended.error();
    return ok_status();
  }

  // Runs `work` in its own transaction (committed only if it succeeds), or inside the caller's.
  template <typename Work>
  Status in_transaction(Work work) {
    const bool own = sqlite3_get_autocommit(connection_.handle()) != 0;
    if (own) {
      if (Status begun = connection_.exec("BEGIN IMMEDIATE"); !begun) return begun;
    }
    Status result = work();
    if (own) {
      Status ended = connection_.exec(result ? "COMMIT" : "ROLLBACK");
      if (result && !ended) {
        (void)connection_.exec("ROLLBACK");
        return ended;
      }
    }
    return result;
  }

  Connection& connection_;
  AuditAppender append_audit_;
};

}  // namespace

const char* governance_schema_sql() {
  static const std::string sql = std::string(kGovernanceSql) + immutability_sql();
  return sql.c_str();
}

std::unique_ptr<GovernanceStore> make_sqlite_governance_store(Connection& connection, AuditAppender append_audit) {
  return std::make_unique<SqliteGovernanceStore>(connection, append_audit);
}

}  // namespace rasso::sqlite
