#include "core/training_course.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace rasso {

bool course_required_for(const TrainingCourse& course, std::string_view role) {
  if (!course.active) return false;
  const std::string wanted = ascii_lower(role);
  return std::find(course.required_for_roles.begin(), course.required_for_roles.end(), wanted) !=
         course.required_for_roles.end();
}

CivilDate first_due_date(const TrainingCourse& course, CivilDate start_date) {
  const CivilDate after_joining = start_date.plus_days(course.due_within_days);
  return course.required_by && *course.required_by > after_joining ? *course.required_by : after_joining;
}

std::optional<CivilDate> completion_expiry(const TrainingCourse& course, CivilDate completed_date,
                                           std::optional<CivilDate> recorded_expiry) {
  if (recorded_expiry) return recorded_expiry;
  if (course.renewal_months > 0) return completed_date.plus_months(course.renewal_months);
  return std::nullopt;
}

Status validate_training_course(const TrainingCourse& course, const CodeTable* roles) {
  const bool code_ok = !course.code.empty() && course.code.size() <= 32 &&
                       std::all_of(course.code.begin(), course.code.end(), [](char c) {
                         return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                       });
  if (!code_ok) {
    return Error{"invalid_input", "course code '" + course.code +
                                      "' must be 1-32 upper-case letters, digits or '_' (e.g. WORD_ON_WORD)"};
  }
  if (course.label.empty() || course.label.size() > 200) {
    return Error{"invalid_input", "course " + course.code + ": the label must be 1-200 characters"};
  }
  std::set<std::string> seen;
  for (const std::string& role : course.required_for_roles) {
    if (!seen.insert(role).second) return Error{"invalid_input", "course " + course.code + ": role '" + role + "' is listed twice"};
    if (roles != nullptr && roles->find(role) == nullptr) {
      return Error{"invalid_input", "course " + course.code + ": unknown role '" + role + "' (one of " +
                                        roles->codes_list() + ")"};
    }
  }
  if (course.due_within_days < 0 || course.due_within_days > 3650) {
    return Error{"invalid_input", "course " + course.code + ": --due-within-days must be 0-3650"};
  }
  if (course.renewal_months < 0 || course.renewal_months > 240) {
    return Error{"invalid_input", "course " + course.code + ": --renewal-months must be 0-240 (0 = never)"};
  }
  return ok_status();
}

Result<std::vector<TrainingCourse>> courses_from_code_table(const CodeTable& course_table, int due_within_days) {
  // HMICFRS 2024, recommendations 3 and 7 (DOMAIN.md section 1): forces' staff hold these by 31 January 2025.
  const auto inspection_deadline = CivilDate::from_ymd(2025, 1, 31);
  std::vector<TrainingCourse> courses;
  for (const CodeEntry& entry : course_table.entries()) {
    TrainingCourse course;
    course.code = ascii_upper(entry.code);
    course.label = entry.label;
    course.required_for_roles = parse_role_list(entry.attribute("required_for"));
    course.due_within_days = due_within_days;
    const std::string_view months = entry.attribute("validity_months");
    if (!months.empty()) {
      const auto [end, problem] = std::from_chars(months.data(), months.data() + months.size(), course.renewal_months);
      if (problem != std::errc() || end != months.data() + months.size()) {
        return Error{"reference_data", "codes/course.csv: course " + course.code + ": validity_months '" +
                                           std::string(months) + "' is not a whole number"};
      }
    }
    if (course.code == "WORD_ON_WORD" || course.code == "NOM_P21" || course.code == "NOM_P22") {
      course.required_by = inspection_deadline;
    }
    courses.push_back(std::move(course));
  }
  return courses;
}

std::vector<std::string> parse_role_list(std::string_view text) {
  std::vector<std::string> roles;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    std::string role = ascii_lower(text.substr(start, end - start));
    role.erase(0, role.find_first_not_of(' '));
    role.erase(role.find_last_not_of(' ') + 1);
    if (!role.empty()) roles.push_back(std::move(role));
    start = end + 1;
  }
  return roles;
}

std::string role_list_text(const std::vector<std::string>& roles) {
  std::string text;
  for (const std::string& role : roles) text += (text.empty() ? "" : ";") + role;
  return text;
}

}  // namespace rasso
