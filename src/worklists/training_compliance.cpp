#include "worklists/training_compliance.h"

#include <algorithm>
#include <map>
#include <set>

namespace rasso {

std::string_view training_state_code(TrainingState state) {
  switch (state) {
    case TrainingState::Held: return "held";
    case TrainingState::Expiring: return "expiring";
    case TrainingState::NotYetDue: return "not_yet_due";
    case TrainingState::Overdue: return "overdue";
    case TrainingState::Expired: return "expired";
  }
  return "held";
}

bool officer_in_post(const OfficerRecord& officer, CivilDate as_of) {
  if (officer.start_date && *officer.start_date > as_of) return false;
  return !officer.leave_date || *officer.leave_date > as_of;
}

TrainingRequirement evaluate_requirement(const OfficerRecord& officer, const TrainingCourse& course,
                                         std::span<const TrainingRecord* const> completions, CivilDate as_of,
                                         int warning_days) {
  TrainingRequirement result;
  result.officer_ref = officer.officer_ref;
  result.unit_ref = officer.unit_ref;
  result.force_code = officer.force_code;
  result.role = officer.role;
  result.course_code = course.code;
  const TrainingRecord* latest = nullptr;
  for (const TrainingRecord* completion : completions) {
    if (completion->completed_date > as_of) continue;
    if (latest == nullptr || completion->completed_date > latest->completed_date) latest = completion;
  }
  if (latest == nullptr) {
    result.due_date = first_due_date(course, officer.start_date.value_or(as_of));
    result.state = as_of <= *result.due_date ? TrainingState::NotYetDue : TrainingState::Overdue;
    return result;
  }
  result.completed_date = latest->completed_date;
  result.due_date = completion_expiry(course, latest->completed_date, latest->expiry_date);
  if (!result.due_date) {
    result.state = TrainingState::Held;
  } else if (*result.due_date <= as_of) {
    result.state = TrainingState::Expired;
  } else {
    result.state = as_of.days_until(*result.due_date) <= warning_days ? TrainingState::Expiring : TrainingState::Held;
  }
  return result;
}

std::vector<TrainingRequirement> evaluate_training(std::span<const OfficerRecord> officers,
                                                   std::span<const TrainingRecord> training,
                                                   std::span<const TrainingCourse> catalogue, CivilDate as_of,
                                                   int warning_days) {
  std::map<std::pair<std::string_view, std::string_view>, std::vector<const TrainingRecord*>> completions;
  for (const TrainingRecord& record : training) completions[{record.officer_ref, record.course_code}].push_back(&record);
  std::vector<TrainingRequirement> out;
  for (const OfficerRecord& officer : officers) {
    if (!officer_in_post(officer, as_of)) continue;
    for (const TrainingCourse& course : catalogue) {
      if (!course_required_for(course, officer.role)) continue;
      const auto found = completions.find({officer.officer_ref, course.code});
      const std::span<const TrainingRecord* const> held =
          found == completions.end() ? std::span<const TrainingRecord* const>() : std::span(found->second);
      out.push_back(evaluate_requirement(officer, course, held, as_of, warning_days));
    }
  }
  return out;
}

double ComplianceSummary::rate() const {
  const int assessed = held + overdue + expired;
  return assessed == 0 ? 1.0 : static_cast<double>(held) / assessed;
}

namespace {

void count(ComplianceSummary& summary, const TrainingRequirement& requirement) {
  ++summary.required;
  switch (requirement.state) {
    case TrainingState::Held: ++summary.held; break;
    case TrainingState::Expiring: ++summary.held; ++summary.expiring; break;
    case TrainingState::NotYetDue: ++summary.not_yet_due; break;
    case TrainingState::Overdue: ++summary.overdue; break;
    case TrainingState::Expired: ++summary.expired; break;
  }
}

}  // namespace

std::vector<ComplianceSummary> compliance_by_unit(std::span<const TrainingRequirement> requirements) {
  std::map<std::string_view, ComplianceSummary> units;
  std::map<std::string_view, std::set<std::string_view>> officers;
  ComplianceSummary all{"ALL", "", 0, 0, 0, 0, 0, 0, 0};
  std::set<std::string_view> all_officers;
  for (const TrainingRequirement& requirement : requirements) {
    ComplianceSummary& unit = units[requirement.unit_ref];
    unit.key = unit.unit_ref = std::string(requirement.unit_ref);
    count(unit, requirement);
    count(all, requirement);
    officers[requirement.unit_ref].insert(requirement.officer_ref);
    all_officers.insert(requirement.officer_ref);
  }
  std::vector<ComplianceSummary> out;
  for (auto& [unit_ref, summary] : units) {
    summary.officers = static_cast<int>(officers[unit_ref].size());
    out.push_back(std::move(summary));
  }
  all.officers = static_cast<int>(all_officers.size());
  out.push_back(std::move(all));
  return out;
}

std::vector<ComplianceSummary> compliance_by_officer(std::span<const TrainingRequirement> requirements) {
  std::map<std::string_view, ComplianceSummary> officers;
  for (const TrainingRequirement& requirement : requirements) {
    ComplianceSummary& officer = officers[requirement.officer_ref];
    officer.key = std::string(requirement.officer_ref);
    officer.unit_ref = std::string(requirement.unit_ref);
    officer.officers = 1;
    count(officer, requirement);
  }
  std::vector<ComplianceSummary> out;
  for (auto& entry : officers) out.push_back(std::move(entry.second));
  return out;
}

std::vector<AccreditationSummary> accreditation_by_unit(
    std::span<const OfficerRecord> officers, CivilDate as_of,
    const std::function<std::string_view(std::string_view officer_ref)>& detective_status_of) {
  std::map<std::string_view, AccreditationSummary> units;
  AccreditationSummary all{"ALL", 0, 0, 0, 0, 0};
  for (const OfficerRecord& officer : officers) {
    if (officer.role != "investigator" || !officer_in_post(officer, as_of)) continue;
    AccreditationSummary& unit = units[officer.unit_ref];
    unit.unit_ref = officer.unit_ref;
    const std::string status = ascii_lower(detective_status_of(officer.officer_ref));
    for (AccreditationSummary* summary : {&unit, &all}) {
      ++summary->investigators;
      if (status == "accredited") {
        ++summary->accredited;
      } else if (status == "trainee") {
        ++summary->trainee;
      } else if (status == "not_detective") {
        ++summary->not_detective;
      } else {
        ++summary->not_recorded;
      }
    }
  }
  std::vector<AccreditationSummary> out;
  for (auto& entry : units) out.push_back(std::move(entry.second));
  out.push_back(std::move(all));
  return out;
}

}  // namespace rasso
