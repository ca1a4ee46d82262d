#pragma once
// Training compliance: for every officer in post on an as-of date and every active course their
// role must hold, whether they hold it, are still within their time to complete it, are overdue,
// or let it lapse — and the roll-up by unit and by officer. Pure: reads the typed officers and
// training tables and the course catalogue, takes the date, does no I/O.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/extract_records.h"
#include "core/training_course.h"

namespace rasso {

/// Warning window for training about to lapse or fall due (default 60 days, configurable).
inline constexpr int kDefaultTrainingWarningDays = 60;

enum class TrainingState {
  Held,       // completed, valid beyond the warning window (or never lapses)
  Expiring,   // completed, lapses within the warning window (still held)
  NotYetDue,  // never completed, still within the time allowed after joining (or before required_by)
  Overdue,    // never completed, past the date it was due
  Expired,    // completed, but the latest completion has lapsed
};

/// "held", "expiring", "not_yet_due", "overdue", "expired".
std::string_view training_state_code(TrainingState state);

/// One officer x one required course. The string views point into the officers table and the
/// catalogue given to evaluate_training(): keep both alive as long as the results.
struct TrainingRequirement {
  std::string_view officer_ref;
  std::string_view unit_ref;
  std::string_view force_code;
  std::string_view role;
  std::string_view course_code;
  TrainingState state = TrainingState::Held;
  /// Held/Expiring/Expired: the lapse date (none when it never lapses). NotYetDue/Overdue: the date it was due by.
  std::optional<CivilDate> due_date;
  std::optional<CivilDate> completed_date;  // latest completion on or before the as-of date

  /// Compliant means held (including expiring); NotYetDue is neither compliant nor a failure.
  bool compliant() const { return state == TrainingState::Held || state == TrainingState::Expiring; }
  bool failing() const { return state == TrainingState::Overdue || state == TrainingState::Expired; }
};

/// True when the officer is in post on `as_of`: joined on or before it (a blank start counts as in
/// post) and has not left (a leave date is the first day away).
bool officer_in_post(const OfficerRecord& officer, CivilDate as_of);

/// Evaluates one officer against one course on `as_of`, given the officer's completions of that
/// course (any order; completions dated after `as_of` are ignored). The first-time due date runs
/// from the officer's start date (as_of when blank). Boundaries: a course due on day D is
/// NotYetDue on D and Overdue from D+1; a completion lapsing on day L is held up to L-1 and
/// Expired from L; Expiring when L - as_of <= warning_days.
TrainingRequirement evaluate_requirement(const OfficerRecord& officer, const TrainingCourse& course,
                                         std::span<const TrainingRecord* const> completions, CivilDate as_of,
                                         int warning_days = kDefaultTrainingWarningDays);

/// Every requirement of every officer in post on `as_of`, officers in table order, courses in
/// catalogue order. Training records of other courses or of unknown officers are ignored.
std::vector<TrainingRequirement> evaluate_training(std::span<const OfficerRecord> officers,
                                                   std::span<const TrainingRecord> training,
                                                   std::span<const TrainingCourse> catalogue, CivilDate as_of,
                                                   int warning_days = kDefaultTrainingWarningDays);

/// A roll-up of requirements (by unit, or by officer).
struct ComplianceSummary {
  std::string key;  // unit_ref, or officer_ref
  std::string unit_ref;
  int officers = 0;
  int required = 0;
  int held = 0;  // including expiring
  int expiring = 0;
  int not_yet_due = 0;
  int overdue = 0;
  int expired = 0;
  /// held / (held + overdue + expired): requirements still within their time are left out; 1.0
  /// when nothing is yet due.
  double rate() const;
};

/// Roll-up per unit, in unit order; the last entry (key "ALL") covers every requirement.
std::vector<ComplianceSummary> compliance_by_unit(std::span<const TrainingRequirement> requirements);
/// Roll-up per officer, in officer order.
std::vector<ComplianceSummary> compliance_by_officer(std::span<const TrainingRequirement> requirements);

/// Detective accreditation of investigators per unit (PIP2 status from the officers extract).
struct AccreditationSummary {
  std::string unit_ref;
  int investigators = 0;
  int accredited = 0;
  int trainee = 0;
  int not_detective = 0;
  int not_recorded = 0;
};

/// Counts investigators in post on `as_of` by detective status, per unit in unit order, plus a
/// final "ALL" row. `detective_status_of` gives an officer's detective_status code ("" = blank).
std::vector<AccreditationSummary> accreditation_by_unit(
    std::span<const OfficerRecord> officers, CivilDate as_of,
    const std::function<std::string_view(std::string_view officer_ref)>& detective_status_of);

}  // namespace rasso
