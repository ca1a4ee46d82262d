#pragma once
// Governance records (issue 7) and the part of the Store that keeps them: the training course
// catalogue, well-being check-in dates, the inspection recommendations tracker (owners, actions,
// evidence, status) and scrutiny panel samples with their findings. Nothing here is ever deleted:
// a change updates the current row and keeps the previous version, or appends a new record, and
// every write appends its audit event in the same transaction (the event's actor and time are the
// record's "by" and "at").

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/recommendation_status.h"
#include "core/result.h"
#include "core/training_course.h"
#include "store/audit_event.h"

namespace rasso {

/// A course as the catalogue holds it now, with its version (1 = as first added).
struct StoredCourse {
  TrainingCourse course;
  int version = 1;
  std::string changed_by;
  std::string changed_at;
};

/// A well-being check-in: the date it happened and who recorded it, nothing of what was said.
struct WellbeingCheckin {
  std::int64_t checkin_id = 0;
  std::string officer_ref;
  CivilDate checkin_date = CivilDate::from_days(0);
  std::string recorded_by;
  std::string recorded_at;
};

/// An inspection recommendation being tracked.
struct Recommendation {
  std::string rec_id;   // e.g. "HMICFRS-2024-03": source key + number
  std::string source;   // the report, e.g. "HMICFRS 2024 RASSO NOM progress"
  std::string number;   // as numbered in the report
  std::string summary;
  std::string area;
  std::string audience;  // who the report addressed it to
  bool for_forces = false;
  std::optional<CivilDate> due_date;
  std::string owner;     // executive lead; blank until assigned
  RecommendationStatus status = RecommendationStatus::Open;
  std::string status_note;  // the closure note, or the reason for the last status change
  int version = 1;
  std::string updated_by;
  std::string updated_at;
};

struct RecommendationAction {
  std::int64_t action_id = 0;
  std::string rec_id;
  std::string description;
  std::string owner;
  CivilDate due_date = CivilDate::from_days(0);
  ActionStatus status = ActionStatus::Open;
  std::string note;  // what was done (closing), or why it was reopened
  int version = 1;
  std::string updated_by;
  std::string updated_at;
};

struct EvidenceItem {
  std::int64_t evidence_id = 0;
  std::string rec_id;
  std::string description;
  std::string reference;  // where the evidence is held (document reference or location)
  std::string added_by;
  std::string added_at;
};

/// One line of a recommendation's history: what changed, when, by whom.
struct RecommendationEvent {
  std::int64_t event_id = 0;
  std::string rec_id;
  std::string at;
  std::string by;
  std::string change;  // e.g. "status in_progress -> evidence_submitted", "action 3 added"
  std::string note;
};

/// What an import of recommendations did.
struct RecommendationImportCount {
  int added = 0;
  int changed = 0;  // text, audience or due date differ from the stored version (kept in history)
  int unchanged = 0;
};

/// A stored scrutiny sample: how it was drawn, so the same sample can be drawn again.
struct ScrutinySample {
  std::int64_t sample_id = 0;
  std::string created_by;
  std::string created_at;
  CivilDate from = CivilDate::from_days(0);
  CivilDate to = CivilDate::from_days(0);
  std::string allocation;  // "proportional" or "fixed"
  int size = 0;            // proportional: the total asked for
  int per_stratum = 0;     // fixed: cases per stratum
  std::uint64_t seed = 0;
  std::string outcome_codes;  // e.g. "14,15,16"; blank = all
  int sampler_version = 0;
  int population = 0;
  std::string strata_json;  // [{outcome_code, offence_group, population, sampled}]
  std::string force_code;   // the crimes it was drawn from: this force's (blank = every force)
  std::string unit_ref;     // and this unit's (blank = every unit)
};

struct ScrutinySampleCase {
  std::int64_t sample_id = 0;
  int case_number = 0;
  std::string pseudonym;
  std::string crime_ref;  // never shown to scrutiny users
  int outcome_code = 0;
  std::string offence_group;
  std::string summary_json;  // analytics/scrutiny_case_summary.h
};

/// A panel's finding on one case. A later finding on the same case supersedes, never replaces.
struct PanelFinding {
  std::int64_t finding_id = 0;
  std::int64_t sample_id = 0;
  int case_number = 0;
  std::string panel_date;     // YYYY-MM-DD
  std::string decision;       // appropriate, appropriate_with_learning, inappropriate
  std::string victim_care;    // good, adequate, poor, not_assessed
  std::string victims_code;   // met, partly_met, not_met, not_assessed
  std::vector<std::string> themes;
  std::string learning;
  std::string actions;        // actions the panel agreed
  std::string recorded_by;
  std::string recorded_at;
};

/// The findings on one case: the one that stands and those it superseded, newest first.
struct CaseFindings {
  const PanelFinding* current = nullptr;
  std::vector<const PanelFinding*> superseded;
};

/// `findings` (every version, e.g. panel_findings(sample, false), in any order) by case number;
/// within a case the finding recorded last (highest finding_id) stands. Points into `findings`.
std::map<int, CaseFindings> findings_by_case(const std::vector<PanelFinding>& findings);

/// Checks a finding's values (not that its case exists). Error "invalid_input" naming the field
/// and the allowed values: decision, victim_care and victims_code from their lists (the last two
/// may be blank = not_assessed), panel_date a date, themes 1-40 characters of lower-case letters,
/// digits or '_', learning and actions at most 4000 characters.
Status validate_panel_finding(const PanelFinding& finding);

class GovernanceStore {
 public:
  virtual ~GovernanceStore() = default;

  // --- Training course catalogue ---------------------------------------------------------------
  /// The catalogue now, in code order.
  virtual Result<std::vector<StoredCourse>> training_courses() = 0;
  /// Every version of one course, oldest first (empty if unknown).
  virtual Result<std::vector<StoredCourse>> training_course_history(std::string_view code) = 0;
  /// Adds `course` or, when its code exists, stores it as the next version (the previous kept).
  /// Validates it first (validate_training_course, roles unchecked: the caller checks them).
  /// Error "conflict" when nothing would change.
  virtual Status save_training_course(const TrainingCourse& course, const AuditEvent& audit) = 0;
  /// Adds the courses whose code is not yet in the catalogue; returns how many were added (the
  /// audit event is written only when some were).
  virtual Result<int> seed_training_courses(const std::vector<TrainingCourse>& courses, const AuditEvent& audit) = 0;

  // --- Well-being check-ins -----------------------------------------------------------------------
  /// Records a check-in date for an officer (who must exist in the officers table). Error
  /// "not_found" for an unknown officer; returns the check-in id.
  virtual Result<std::int64_t> record_wellbeing_checkin(std::string_view officer_ref, CivilDate date,
                                                        const AuditEvent& audit) = 0;
  /// Every check-in, by officer then date.
  virtual Result<std::vector<WellbeingCheckin>> wellbeing_checkins() = 0;

  // --- Recommendations tracker --------------------------------------------------------------------
  /// Adds new recommendations; one whose id exists is updated (previous version kept) if its
  /// source fields differ, its owner, status and actions untouched.
  virtual Result<RecommendationImportCount> import_recommendations(const std::vector<Recommendation>& recommendations,
                                                                   const AuditEvent& audit) = 0;
  /// Every recommendation, in id order.
  virtual Result<std::vector<Recommendation>> recommendations() = 0;
  /// One recommendation; Error "not_found" for an unknown id.
  virtual Result<Recommendation> recommendation(std::string_view rec_id) = 0;
  /// A recommendation's actions (every recommendation's when `rec_id` is empty), by id.
  virtual Result<std::vector<RecommendationAction>> recommendation_actions(std::string_view rec_id) = 0;
  virtual Result<std::vector<EvidenceItem>> recommendation_evidence(std::string_view rec_id) = 0;
  /// The recommendation's history, oldest first.
  virtual Result<std::vector<RecommendationEvent>> recommendation_events(std::string_view rec_id) = 0;
  /// Sets the executive lead (1-200 characters). Errors "not_found", "invalid_input", "conflict" (closed).
  virtual Status set_recommendation_owner(std::string_view rec_id, std::string_view owner, const AuditEvent& audit) = 0;
  /// Adds an action (description 1-2000 characters, owner 1-200); returns its id. Errors
  /// "not_found", "invalid_input", "conflict" (the recommendation is closed).
  virtual Result<std::int64_t> add_recommendation_action(const RecommendationAction& action, const AuditEvent& audit) = 0;
  /// Moves an action to `to` (check_action_transition). Errors "not_found", "invalid_input", "conflict".
  virtual Status change_action_status(std::string_view rec_id, std::int64_t action_id, ActionStatus to,
                                      std::string_view note, const AuditEvent& audit) = 0;
  /// Adds an evidence item (description 1-2000, reference 0-500 characters); returns its id.
  /// Errors "not_found", "invalid_input", "conflict" (closed).
  virtual Result<std::int64_t> add_recommendation_evidence(const EvidenceItem& item, const AuditEvent& audit) = 0;
  /// Moves the recommendation to `to` (check_recommendation_transition on what it holds now).
  virtual Status change_recommendation_status(std::string_view rec_id, RecommendationStatus to, std::string_view note,
                                              const AuditEvent& audit) = 0;

  // --- Scrutiny panels ----------------------------------------------------------------------------
  /// Stores a drawn sample and its cases; returns the sample id (cases get it too).
  virtual Result<std::int64_t> save_scrutiny_sample(const ScrutinySample& sample,
                                                    const std::vector<ScrutinySampleCase>& cases,
                                                    const AuditEvent& audit) = 0;
  /// Every sample, newest first.
  virtual Result<std::vector<ScrutinySample>> scrutiny_samples() = 0;
  /// One sample; Error "not_found".
  virtual Result<ScrutinySample> scrutiny_sample(std::int64_t sample_id) = 0;
  /// A sample's cases in case-number order.
  virtual Result<std::vector<ScrutinySampleCase>> scrutiny_sample_cases(std::int64_t sample_id) = 0;
  /// Records a finding (validate_panel_finding) on a case of a stored sample; returns its id.
  /// Error "not_found" for an unknown sample or case number.
  virtual Result<std::int64_t> record_panel_finding(const PanelFinding& finding, const AuditEvent& audit) = 0;
  /// Findings of one sample (every sample's when 0), by sample, case, then id; with `latest_only`
  /// only the finding in force for each case.
  virtual Result<std::vector<PanelFinding>> panel_findings(std::int64_t sample_id, bool latest_only) = 0;
};

}  // namespace rasso
