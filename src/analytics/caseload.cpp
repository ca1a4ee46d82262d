#include "analytics/caseload.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace rasso {
namespace {

CivilDate last_day_of_month(int year, int month) { return *CivilDate::from_ymd(year, month, days_in_month(year, month)); }

bool in_post(const OfficerRecord& officer, CivilDate date) {
  return (!officer.start_date || *officer.start_date <= date) && (!officer.leave_date || *officer.leave_date > date);
}

double median_of(std::vector<int>& values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
}

CaseloadRow summarise(CivilDate date, std::string group, std::string unit_ref, std::vector<int>& loads) {
  CaseloadRow row;
  row.date = date;
  row.group = std::move(group);
  row.unit_ref = std::move(unit_ref);
  row.officers = static_cast<int>(loads.size());
  for (int load : loads) {
    row.open_crimes += load;
    row.maximum = std::max(row.maximum, load);
  }
  row.median = median_of(loads);
  return row;
}

}  // namespace

std::vector<CivilDate> caseload_snapshot_dates(CivilDate as_of, int months) {
  std::vector<CivilDate> dates;
  const int count = std::max(months, 1);
  int year = as_of.year();
  int month = as_of.month();
  for (int i = 1; i < count; ++i) {
    if (--month == 0) {
      month = 12;
      --year;
    }
    dates.push_back(last_day_of_month(year, month));
  }
  std::reverse(dates.begin(), dates.end());
  dates.push_back(as_of);
  return dates;
}

std::vector<CaseloadRow> caseload_series(std::span<const CrimeRecord> crimes, std::span<const OfficerRecord> officers,
                                         CivilDate as_of, int months, CaseloadGrouping by) {
  std::unordered_map<std::string_view, const OfficerRecord*> officer_index;
  for (const OfficerRecord& officer : officers) officer_index.emplace(officer.officer_ref, &officer);
  std::vector<CaseloadRow> rows;
  for (const CivilDate date : caseload_snapshot_dates(as_of, months)) {
    std::map<std::string_view, std::pair<std::string_view, int>> per_officer;  // officer -> (unit, open)
    for (const OfficerRecord& officer : officers) {
      if (officer.role == "investigator" && in_post(officer, date)) per_officer.emplace(officer.officer_ref, std::pair{std::string_view(officer.unit_ref), 0});
    }
    for (const CrimeRecord& crime : crimes) {
      if (crime.officer_ref.empty() || crime.reported_date > date || !crime.open_on(date)) continue;
      auto [entry, added] = per_officer.try_emplace(crime.officer_ref, std::string_view(crime.unit_ref), 0);
      if (added) {
        if (const auto found = officer_index.find(crime.officer_ref); found != officer_index.end()) {
          entry->second.first = found->second->unit_ref;
        }
      }
      ++entry->second.second;
    }
    std::vector<int> all;
    if (by == CaseloadGrouping::Officer) {
      for (const auto& [officer_ref, unit_and_load] : per_officer) {
        std::vector<int> one{unit_and_load.second};
        rows.push_back(summarise(date, std::string(officer_ref), std::string(unit_and_load.first), one));
        all.push_back(unit_and_load.second);
      }
    } else {
      std::map<std::string_view, std::vector<int>> per_unit;
      for (const auto& [officer_ref, unit_and_load] : per_officer) {
        per_unit[unit_and_load.first].push_back(unit_and_load.second);
        all.push_back(unit_and_load.second);
      }
      for (auto& [unit_ref, loads] : per_unit) rows.push_back(summarise(date, std::string(unit_ref), std::string(unit_ref), loads));
    }
    rows.push_back(summarise(date, "ALL", "", all));
  }
  return rows;
}

}  // namespace rasso
