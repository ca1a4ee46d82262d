#include "reports/problem_profile.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "analytics/kpi_engine.h"
#include "reports/report_figures.h"

namespace rasso {
namespace {

using M = KpiMeasureId;

std::size_t dim(KpiDimension dimension) { return static_cast<std::size_t>(dimension); }

// The crimes reported in the range, as fact indexes.
std::vector<std::size_t> crimes_in_range(const KpiFacts& facts, CivilDate from, CivilDate to) {
  std::vector<std::size_t> selected;
  const std::int32_t first = from.days_since_epoch(), last = to.days_since_epoch();
  for (std::size_t i = 0; i < facts.crimes.size(); ++i) {
    if (facts.crimes[i].reported >= first && facts.crimes[i].reported <= last) selected.push_back(i);
  }
  return selected;
}

// Counts of the selected crimes in each category of `dimension` (categories with none left out,
// except "Not recorded", which is always shown).
std::vector<CountedCategory> by_dimension(const KpiFacts& facts, const std::vector<std::size_t>& crimes,
                                          KpiDimension dimension) {
  const auto& labels = facts.categories[dim(dimension)];
  std::vector<std::int64_t> counts(labels.size(), 0);
  for (std::size_t i : crimes) ++counts[facts.cells[i][dim(dimension)]];
  std::vector<CountedCategory> out;
  for (std::size_t c = 0; c < labels.size(); ++c) {
    if (labels[c] == kNotApplicable) continue;
    if (counts[c] > 0 || labels[c] == kNotRecorded) out.push_back({labels[c], counts[c]});
  }
  return out;
}

ReportChart dimension_chart(const KpiFacts& facts, const std::vector<std::size_t>& crimes, KpiDimension dimension,
                            const std::string& whose, const SuppressionRule& rule) {
  const std::string label(dimension_label(dimension));
  return counts_chart(ChartKind::Bar, "Crimes by " + label, "Number of crimes reported in the period by " + whose + ".",
                      label, "Crimes", by_dimension(facts, crimes, dimension), rule);
}

// The `limit` most frequent values, then one "Other" row for the rest and one for blanks.
std::vector<CountedCategory> top_values(const std::map<std::string, std::int64_t>& counts, std::size_t limit,
                                        std::int64_t blanks, const std::string& blank_label) {
  std::vector<CountedCategory> sorted;
  for (const auto& [value, count] : counts) sorted.push_back({value, count});
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  std::int64_t rest = 0;
  for (std::size_t i = limit; i < sorted.size(); ++i) rest += sorted[i].count;
  if (sorted.size() > limit) sorted.resize(limit);
  if (rest > 0) sorted.push_back({"All other places", rest});
  sorted.push_back({blank_label, blanks});
  return sorted;
}

double median(std::vector<std::int32_t> values) {
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (values.size() % 2 == 1) return *middle;
  return (static_cast<double>(*std::max_element(values.begin(), middle)) + *middle) / 2.0;
}

std::string days_display(const std::vector<std::int32_t>& values, const SuppressionRule& rule) {
  if (rule.is_small(static_cast<std::int64_t>(values.size()))) return rule.display();
  if (values.empty()) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", median(values));
  return text;
}

class ProfileBuilder {
 public:
  explicit ProfileBuilder(const ProblemProfileInputs& inputs)
      : in_(inputs), facts_(*inputs.facts), tables_(*inputs.tables), rule_(inputs.suppression),
        crimes_(crimes_in_range(facts_, inputs.from, inputs.to)) {}

  ReportDocument build() {
    ReportDocument document;
    document.title = "RASSO problem profile";
    document.subtitle = in_.area + ": crimes reported " + in_.from.to_iso() + " to " + in_.to.to_iso() +
                        " (data as of " + facts_.as_of.to_iso() + ")";
    document.suppression_note = "Counts from 1 to " + std::to_string(rule_.threshold - 1) + " are shown as " +
                                rule_.display() + (rule_.secondary ? "; a second figure is hidden where a total would reveal one." : ".");
    document.recommendations = in_.recommendations;
    document.sections = {aim(),         definitions(),  sources(),  scale_and_trend(), offence_types(),
                         victims(),     suspects(),     places(),   times(),           vulnerability(),
                         attrition(),   timeliness(),   measures(), data_gaps()};
    return document;
  }

 private:
  const CrimeRecord& record(std::size_t fact) const { return tables_.crimes[facts_.crime_rows[fact]]; }
  std::string count(std::int64_t n) const { return count_display(n, rule_); }
  std::string share(std::int64_t n, std::int64_t d) const { return share_display(n, d, rule_); }

  ReportSection aim() const {
    return {"aim-and-scope", "Aim and scope",
            {"This problem profile describes rape and serious sexual offences (RASSO) recorded by " + in_.area +
                 " and reported between " + in_.from.to_iso() + " and " + in_.to.to_iso() + ": " +
                 count(static_cast<std::int64_t>(crimes_.size())) + " crimes.",
             "It supports the force's strategic assessment and tasking (HMICFRS 2024, recommendation 11) and covers the scale "
             "and trend, victims, suspects and repeat suspects, places, times, vulnerability, attrition and outcomes, "
             "timeliness, the use of bail, protection orders and biometric retention, and gaps in the data.",
             "It holds aggregates only: no person can be identified from it."},
            {}, {}};
  }

  ReportSection definitions() const {
    return {"definitions", "Definitions",
            {"RASSO crimes: the Home Office sexual offence codes 17A-23, 70-73 and 88A-88E, grouped as rape (19C-19H), "
             "sexual assault (17A, 17B, 20A, 20B), child sexual offences and other sexual offences by the offence code table.",
             "Repeat suspects: " + in_.repeat_suspect_definition,
             "Outcomes are Home Office outcome codes; outcome 0 (not yet assigned) is an open investigation.",
             "Each measure of the flight deck is defined in docs/kpi-definitions.md."},
            {}, {}};
  }

  ReportSection sources() const {
    return {"sources-and-caveats", "Data sources and caveats",
            {"Source: the force's records management system extract imported into RASSO Workbench (crimes, people, "
             "involvements, arrests, bail, orders, breaches, victim contacts, biometrics, training).",
             "A crime's victim and suspect characteristics are those of the first victim and the first suspect recorded "
             "on it. Times and places are those recorded for the offence; many are missing (see Data gaps).",
             "Recent months are incomplete for outcomes: investigations take many months (the national median for rape "
             "was 426 days to charge in the year to September 2023)."},
            {}, {}};
  }

  ReportSection scale_and_trend() const {
    ReportSection section{"scale-and-trend", "Scale and trend", {}, {}, {}};
    const auto months = periods_between(in_.from, in_.to, PeriodGranularity::Month);
    const auto points = compute_kpi_series(facts_, M::RecordedCrimes, months, rule_);
    ReportChart trend;
    trend.kind = ChartKind::Line;
    trend.title = "Recorded RASSO crimes by month";
    trend.description = "Number of RASSO crimes reported in each calendar month of the period.";
    trend.x_label = "Month reported";
    trend.y_label = "Crimes";
    for (const KpiSeriesPoint& point : points) {
      trend.labels.push_back(point.period.label());
      trend.values.push_back(point.value.suppressed ? std::nullopt : std::optional<double>(point.value.value));
      trend.displays.push_back(point.value.display);
    }
    section.paragraphs.push_back(count(static_cast<std::int64_t>(crimes_.size())) + " RASSO crimes were reported in the period" +
                                 (months.size() > 1 ? ", shown by month below (the first and last months may be part months)." : "."));
    section.charts.push_back(std::move(trend));
    section.charts.push_back(dimension_chart(facts_, crimes_, KpiDimension::OffenceGroup, "offence group", rule_));
    return section;
  }

  ReportSection offence_types() const {
    std::map<std::string, std::int64_t> by_code;
    for (std::size_t i : crimes_) ++by_code[record(i).offence_code];
    std::vector<CountedCategory> categories;
    for (const auto& [code, n] : by_code) categories.push_back({code, n});
    ReportSection section{"offence-types", "Offence types", {"Crimes by Home Office offence code."}, {}, {}};
    section.charts.push_back(counts_chart(ChartKind::Bar, "Crimes by offence code", "Number of crimes reported in the period by Home Office offence code.",
                                          "Offence code", "Crimes", categories, rule_));
    return section;
  }

  ReportSection victims() const {
    ReportSection section{"victims", "Victims", {"Characteristics of the (first) victim of each crime. \"Not recorded\" is shown as a category of its own."}, {}, {}};
    for (KpiDimension d : {KpiDimension::VictimAgeBand, KpiDimension::VictimSex, KpiDimension::VictimEthnicity,
                           KpiDimension::VictimDisability}) {
      section.charts.push_back(dimension_chart(facts_, crimes_, d, "the victim's characteristic", rule_));
    }
    return section;
  }

  ReportSection suspects() const {
    ReportSection section{"suspects", "Suspects and repeat suspects", {}, {}, {}};
    std::int64_t with_suspect = 0, repeat_crimes = 0;
    for (std::size_t i : crimes_) {
      with_suspect += facts_.crimes[i].named_suspects > 0 ? 1 : 0;
      repeat_crimes += facts_.crimes[i].names_repeat_suspect ? 1 : 0;
    }
    const auto repeat_people = std::count_if(facts_.repeat_suspect_since.begin(), facts_.repeat_suspect_since.end(),
                                             [&](std::int32_t since) { return since <= in_.to.days_since_epoch(); });
    section.paragraphs.push_back("A suspect was named in " + count(with_suspect) + " of the crimes (" +
                                 share(with_suspect, static_cast<std::int64_t>(crimes_.size())) + ").");
    if (facts_.repeat_suspects_available) {
      section.paragraphs.push_back(count(repeat_people) + " people were repeat suspects by " + in_.to.to_iso() + "; " +
                                   count(repeat_crimes) + " of the period's crimes (" +
                                   share(repeat_crimes, static_cast<std::int64_t>(crimes_.size())) + ") name one.");
    }
    for (KpiDimension d : {KpiDimension::SuspectAgeBand, KpiDimension::SuspectSex, KpiDimension::SuspectEthnicity}) {
      section.charts.push_back(dimension_chart(facts_, crimes_, d, "the first suspect's characteristic", rule_));
    }
    std::unordered_map<std::string_view, bool> in_range;
    for (std::size_t i : crimes_) in_range.emplace(record(i).crime_ref, true);
    std::map<std::string, std::int64_t> relationships;
    for (const InvolvementRecord& involvement : tables_.involvements) {
      if (involvement.role != InvolvementRole::Suspect || !in_range.contains(involvement.crime_ref)) continue;
      ++relationships[involvement.relationship_to_victim.empty() ? std::string(kNotRecorded) : involvement.relationship_to_victim];
    }
    std::vector<CountedCategory> categories;
    for (const auto& [relationship, n] : relationships) categories.push_back({relationship, n});
    section.charts.push_back(counts_chart(ChartKind::Bar, "Suspects by relationship to the victim",
                                          "Number of suspects named on the period's crimes by their recorded relationship to the victim.",
                                          "Relationship", "Suspects", categories, rule_));
    return section;
  }

  ReportSection places() const {
    std::map<std::string, std::int64_t> districts, areas;
    std::int64_t no_district = 0, no_area = 0;
    for (std::size_t i : crimes_) {
      const CrimeRecord& crime = record(i);
      crime.postcode_district.empty() ? ++no_district : ++districts[crime.postcode_district];
      crime.lsoa_code.empty() ? ++no_area : ++areas[crime.lsoa_code];
    }
    ReportSection section{"places", "Places", {"Where offences happened, by postcode district and by lower layer super output area (LSOA): the ten most frequent of each."}, {}, {}};
    section.charts.push_back(counts_chart(ChartKind::Bar, "Crimes by postcode district (top ten)",
                                          "Number of crimes in the ten postcode districts with most, the rest together, and those with no location.",
                                          "Postcode district", "Crimes", top_values(districts, 10, no_district, "No district recorded"), rule_));
    section.charts.push_back(counts_chart(ChartKind::Bar, "Crimes by LSOA (top ten)",
                                          "Number of crimes in the ten LSOAs with most, the rest together, and those with no LSOA.",
                                          "LSOA", "Crimes", top_values(areas, 10, no_area, "No LSOA recorded"), rule_));
    return section;
  }

  ReportSection times() const {
    static constexpr const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    std::vector<CountedCategory> days;
    for (const char* day : kDays) days.push_back({day, 0});
    std::vector<CountedCategory> hours;
    for (int h = 0; h < 24; ++h) hours.push_back({(h < 10 ? "0" : "") + std::to_string(h) + ":00", 0});
    std::int64_t with_hour = 0;
    for (std::size_t i : crimes_) {
      const KpiCrimeFact& crime = facts_.crimes[i];
      ++days[static_cast<std::size_t>(crime.weekday - 1)].count;
      if (crime.hour >= 0) {
        ++hours[static_cast<std::size_t>(crime.hour)].count;
        ++with_hour;
      }
    }
    ReportSection section{"times", "Times", {"Day of the week of the offence (the date committed, or the date reported where no date of offence was recorded)."}, {}, {}};
    section.charts.push_back(counts_chart(ChartKind::Bar, "Crimes by day of the week", "Number of crimes by the day of the week they were committed.",
                                          "Day of the week", "Crimes", days, rule_));
    if (with_hour == 0) {
      section.paragraphs.push_back("No time of offence is recorded for any crime in the period, so no breakdown by hour is given (see Data gaps).");
    } else {
      section.paragraphs.push_back("Hour of the offence, for the " + count(with_hour) + " crimes (" +
                                   share(with_hour, static_cast<std::int64_t>(crimes_.size())) +
                                   ") with a time recorded; the others are left out, not guessed.");
      section.charts.push_back(counts_chart(ChartKind::Bar, "Crimes by hour of the day", "Number of crimes with a recorded time by the hour they were committed.",
                                            "Hour committed", "Crimes", hours, rule_));
    }
    return section;
  }

  ReportSection vulnerability() const {
    std::int64_t child = 0, disabled = 0, domestic = 0, online = 0;
    const auto disabled_cell = find_category(facts_, KpiDimension::VictimDisability, "Disabled");
    for (std::size_t i : crimes_) {
      const CrimeRecord& crime = record(i);
      child += crime.child_victim ? 1 : 0;
      domestic += crime.domestic_abuse.value_or(false) ? 1 : 0;
      online += crime.online.value_or(false) ? 1 : 0;
      disabled += disabled_cell && facts_.cells[i][dim(KpiDimension::VictimDisability)] == *disabled_cell ? 1 : 0;
    }
    const auto total = static_cast<std::int64_t>(crimes_.size());
    ReportSection section{"vulnerability", "Vulnerability", {"Crimes flagged with each marker of vulnerability or context (a crime may carry several)."}, {}, {}};
    ReportTable table{"Vulnerability and context markers", {"Marker", "Crimes", "Share of crimes"}, {}};
    for (const auto& [label, n] : std::vector<std::pair<std::string, std::int64_t>>{
             {"Child victim (under 18)", child}, {"Victim recorded as disabled", disabled}, {"Domestic abuse", domestic}, {"Online-enabled", online}}) {
      table.rows.push_back({label, count(n), share(n, total)});
    }
    section.tables.push_back(std::move(table));
    return section;
  }

  ReportSection attrition() const {
    std::int64_t named = 0, arrested = 0, outcome = 0, charged = 0;
    std::map<int, std::int64_t> outcomes;
    for (std::size_t i : crimes_) {
      const KpiCrimeFact& crime = facts_.crimes[i];
      named += crime.named_suspects > 0 ? 1 : 0;
      arrested += crime.first_arrest != kNoDay ? 1 : 0;
      outcome += crime.outcome_code != 0 ? 1 : 0;
      charged += crime.outcome_code == 1 ? 1 : 0;
      ++outcomes[crime.outcome_code];
    }
    ReportSection section{"attrition", "Attrition and outcomes",
                          {"How many of the period's crimes reached each stage by " + facts_.as_of.to_iso() + "."}, {}, {}};
    section.charts.push_back(counts_chart(ChartKind::Funnel, "Attrition from report to charge",
                                          "Crimes reported, with a named suspect, with a suspect arrested, with an outcome, and charged.",
                                          "Stage", "Crimes",
                                          {{"Reported", static_cast<std::int64_t>(crimes_.size())}, {"Suspect named", named},
                                           {"Suspect arrested", arrested}, {"Outcome assigned", outcome}, {"Charged or summonsed", charged}},
                                          rule_));
    std::vector<CountedCategory> categories;
    for (const auto& [code, n] : outcomes) categories.push_back({code == 0 ? "Open" : "Outcome " + std::to_string(code), n});
    section.charts.push_back(counts_chart(ChartKind::Bar, "Outcomes of the period's crimes",
                                          "Number of the period's crimes by their current Home Office outcome code (open: none yet).",
                                          "Outcome", "Crimes", categories, rule_));
    return section;
  }

  ReportSection timeliness() const {
    std::vector<std::int32_t> to_arrest, to_charge, open_age;
    const std::int32_t as_of = facts_.as_of.days_since_epoch();
    for (std::size_t i : crimes_) {
      const KpiCrimeFact& crime = facts_.crimes[i];
      if (crime.first_arrest != kNoDay) to_arrest.push_back(crime.first_arrest - crime.reported);
      if (crime.outcome_code == 1) to_charge.push_back(crime.outcome - crime.reported);
      if (crime.outcome_code == 0) open_age.push_back(as_of - crime.reported);
    }
    ReportSection section{"timeliness", "Timeliness", {"Median days for the period's crimes (national median for rape: 426 days to charge in the year to September 2023)."}, {}, {}};
    section.tables.push_back({"Median days", {"Measure", "Crimes", "Median days"},
                              {{"Report to first arrest", count(static_cast<std::int64_t>(to_arrest.size())), days_display(to_arrest, rule_)},
                               {"Report to charge", count(static_cast<std::int64_t>(to_charge.size())), days_display(to_charge, rule_)},
                               {"Age of those still open on " + facts_.as_of.to_iso(), count(static_cast<std::int64_t>(open_age.size())),
                                days_display(open_age, rule_)}}});
    return section;
  }

  ReportSection measures() const {
    std::map<M, std::int64_t> totals;
    const std::int32_t first = in_.from.days_since_epoch(), last = in_.to.days_since_epoch();
    for (const KpiEvent& event : facts_.events) {
      if (event.day < first || event.day > last) continue;
      totals[event.measure] += event.numerator;  // for the two rates: breaches answered, applications granted
    }
    std::int64_t in_force = 0;
    for (const KpiOrderFact& order : facts_.orders) {
      in_force += order.start <= last && (order.end == kNoDay || order.end >= last) ? 1 : 0;
    }
    ReportSection section{"bail-orders-s63g", "Use of bail, orders and s63G", {"Events dated in the period."}, {}, {}};
    const auto n = [&](M measure) { return totals.contains(measure) ? totals.at(measure) : 0; };
    section.charts.push_back(counts_chart(ChartKind::Bar, "Releases after arrest", "Arrests in the period by how the person was released.",
                                          "Release", "Arrests",
                                          {{"Pre-charge bail", n(M::PreChargeBailReleases)}, {"Released under investigation", n(M::RuiReleases)}}, rule_));
    section.tables.push_back({"Breaches, orders and biometric retention", {"Measure", "Number"},
                              {{"Arrests", count(n(M::Arrests))},
                               {"Breaches reported", count(n(M::BreachesReported))},
                               {"Breaches answered (by " + facts_.as_of.to_iso() + ")", count(n(M::BreachesAnsweredRate))},
                               {"Orders applied for", count(n(M::OrdersAppliedFor))},
                               {"Orders in force on " + in_.to.to_iso(), count(in_force)},
                               {"s63G applications", count(n(M::S63gApplications))},
                               {"s63G applications granted (decided in the period)", count(n(M::S63gSuccessRate))}}});
    return section;
  }

  ReportSection data_gaps() const {
    ReportSection section{"data-gaps", "Intelligence and data gaps",
                          {"How often each field is missing from the period's crimes. HMICFRS (2023) found victim ethnicity missing "
                           "in 61% of records; forces told the inspectorate they cannot report by protected characteristics."},
                          {}, {}};
    ReportTable table{"Missing data", {"Field", "Missing", "Share missing"}, {}};
    const auto total = static_cast<std::int64_t>(crimes_.size());
    for (KpiDimension d : all_kpi_dimensions()) {
      if (d == KpiDimension::Force) continue;
      const std::size_t not_recorded = facts_.categories[dim(d)].size() - 2;
      std::int64_t missing = 0;
      for (std::size_t i : crimes_) missing += facts_.cells[i][dim(d)] == not_recorded ? 1 : 0;
      table.rows.push_back({std::string(dimension_label(d)), count(missing), share(missing, total)});
    }
    std::int64_t no_time = 0, no_district = 0, no_lsoa = 0, no_committed = 0;
    for (std::size_t i : crimes_) {
      no_time += facts_.crimes[i].hour < 0 ? 1 : 0;
      no_district += record(i).postcode_district.empty() ? 1 : 0;
      no_lsoa += record(i).lsoa_code.empty() ? 1 : 0;
      no_committed += record(i).committed_date ? 0 : 1;
    }
    table.rows.push_back({"Date committed", count(no_committed), share(no_committed, total)});
    table.rows.push_back({"Time committed", count(no_time), share(no_time, total)});
    table.rows.push_back({"Postcode district", count(no_district), share(no_district, total)});
    table.rows.push_back({"LSOA", count(no_lsoa), share(no_lsoa, total)});
    section.tables.push_back(std::move(table));
    return section;
  }

  const ProblemProfileInputs& in_;
  const KpiFacts& facts_;
  const ExtractTables& tables_;
  SuppressionRule rule_;
  std::vector<std::size_t> crimes_;
};

}  // namespace

ReportDocument build_problem_profile(const ProblemProfileInputs& inputs) { return ProfileBuilder(inputs).build(); }

}  // namespace rasso
