#include "analytics/kpi_engine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "core/parallel_halves.h"

namespace rasso {
namespace {

using Cells = std::array<std::uint16_t, kKpiDimensionCount>;
using M = KpiMeasureId;
constexpr std::size_t kMeasures = kKpiMeasureCount;
constexpr std::uint16_t kNoSlot = UINT16_MAX;

// The lists of day counts behind the Days measures.
enum DaysSeries : std::uint8_t { kArrestDays, kChargeDays, kBreachDays, kOpenAge };
constexpr std::size_t kFlowSeries = 3;  // the first three are flows; open age is a stock

std::size_t index_of(M measure) { return static_cast<std::size_t>(measure); }

std::optional<DaysSeries> series_of(M measure) {
  switch (measure) {
    case M::DaysToFirstArrestMedian:
    case M::DaysToFirstArrestP90: return kArrestDays;
    case M::DaysToChargeMedian:
    case M::DaysToChargeP90: return kChargeDays;
    case M::BreachResponseDaysMedian: return kBreachDays;
    case M::OpenInvestigationAgeMedian:
    case M::OpenInvestigationAgeP90: return kOpenAge;
    default: return std::nullopt;
  }
}

bool is_p90(M measure) {
  return measure == M::DaysToFirstArrestP90 || measure == M::DaysToChargeP90 || measure == M::OpenInvestigationAgeP90;
}

bool is_outcome_rate(M measure) {
  return index_of(measure) >= index_of(M::ChargeSummonsRate) && index_of(measure) <= index_of(M::Outcome22Rate);
}

// How the cells of a breakdown are numbered: mixed radix over its dimensions' categories.
struct Layout {
  std::vector<KpiDimension> dimensions;
  std::vector<std::size_t> sizes;
  std::size_t cells = 1;

  Layout(const KpiFacts& facts, std::vector<KpiDimension> dims) : dimensions(std::move(dims)) {
    for (KpiDimension dimension : dimensions) {
      sizes.push_back(facts.categories[static_cast<std::size_t>(dimension)].size());
      cells *= sizes.back();
    }
  }

  std::uint32_t cell_of(const Cells& categories) const {
    std::size_t cell = 0;
    for (std::size_t i = 0; i < dimensions.size(); ++i) {
      cell = cell * sizes[i] + categories[static_cast<std::size_t>(dimensions[i])];
    }
    return static_cast<std::uint32_t>(cell);
  }

  std::vector<std::string> labels(const KpiFacts& facts, std::size_t cell) const {
    std::vector<std::string> out(dimensions.size());
    for (std::size_t i = dimensions.size(); i-- > 0;) {
      out[i] = facts.categories[static_cast<std::size_t>(dimensions[i])][cell % sizes[i]];
      cell /= sizes[i];
    }
    return out;
  }
};

bool applies(const KpiMeasureSpec& spec, const std::vector<KpiDimension>& dimensions) {
  if (dimensions.empty()) return true;
  switch (spec.scope) {
    case KpiBreakdownScope::AllDimensions: return true;
    case KpiBreakdownScope::TotalOnly: return false;
    case KpiBreakdownScope::ForceAndUnit:
      return std::all_of(dimensions.begin(), dimensions.end(),
                         [](KpiDimension d) { return d == KpiDimension::Force || d == KpiDimension::Unit; });
  }
  return true;
}

// Day -> month slot of the query: 0 for the first month, 1 for the next, ... up to the last;
// kNoSlot before or after them (no period reads those days, so nothing is added for them).
class SlotMap {
 public:
  SlotMap(std::int32_t first_month, std::int32_t last_month) {
    first_day_ = KpiPeriod{PeriodGranularity::Month, first_month / 12, first_month % 12 + 1}.first_day().days_since_epoch();
    const std::int32_t last_day =
        KpiPeriod{PeriodGranularity::Month, last_month / 12, last_month % 12 + 1}.last_day().days_since_epoch();
    slots_.reserve(static_cast<std::size_t>(last_day - first_day_ + 1));
    for (std::int32_t month = first_month; month <= last_month; ++month) {
      const int days = days_in_month(month / 12, month % 12 + 1);
      slots_.insert(slots_.end(), static_cast<std::size_t>(days), static_cast<std::uint16_t>(month - first_month));
    }
    count_ = static_cast<std::size_t>(last_month - first_month + 1);
  }

  std::uint16_t slot(std::int32_t day) const {
    if (day == kNoDay) return kNoSlot;
    if (day < first_day_) return kNoSlot;
    const auto offset = static_cast<std::size_t>(day - first_day_);
    return offset < slots_.size() ? slots_[offset] : kNoSlot;
  }
  std::size_t count() const { return count_; }

 private:
  std::int32_t first_day_ = 0;
  std::vector<std::uint16_t> slots_;
  std::size_t count_ = 0;
};

// Numerator and denominator of every measure in every cell (flat: cell-major).
struct Sums {
  std::vector<std::int64_t> values;
  void resize(std::size_t cells) { values.assign(cells * kMeasures * 2, 0); }
  std::int64_t* at(std::size_t cell, M measure) { return &values[(cell * kMeasures + index_of(measure)) * 2]; }
  const std::int64_t* at(std::size_t cell, M measure) const { return &values[(cell * kMeasures + index_of(measure)) * 2]; }
};

struct FlowContribution {
  std::uint16_t slot;
  M measure;
  std::int32_t numerator;
  std::int32_t denominator;
};
struct DaysContribution {
  std::uint16_t slot;
  DaysSeries series;
  std::int32_t days;
};

// The flows of one breakdown: sums by (slot, cell) and the day counts by (slot, cell, series),
// the latter bucketed so a period reads its months' values as contiguous runs.
struct FlowTable {
  Layout layout;
  std::vector<std::int64_t> sums;  // ((slot * cells + cell) * kMeasures + measure) * 2 + {0 num, 1 den}
  std::vector<std::pair<std::uint32_t, std::int32_t>> days;  // key (slot * cells + cell) * kFlowSeries + series
  std::vector<std::uint32_t> day_offsets;
  std::vector<std::int32_t> day_values;
  std::vector<std::int64_t> recorded;  // completeness: (slot * (dims + 1) + field)

  FlowTable(Layout l, std::size_t slots) : layout(std::move(l)) {
    sums.assign(slots * layout.cells * kMeasures * 2, 0);
  }

  void add(const FlowContribution& c, std::uint32_t cell) {
    std::int64_t* target = &sums[((c.slot * layout.cells + cell) * kMeasures + index_of(c.measure)) * 2];
    target[0] += c.numerator;
    target[1] += c.denominator;
  }
  void add(const DaysContribution& c, std::uint32_t cell) {
    days.emplace_back(static_cast<std::uint32_t>((c.slot * layout.cells + cell) * kFlowSeries + c.series), c.days);
  }
  void bucket(std::size_t slots) {
    day_offsets.assign(slots * layout.cells * kFlowSeries + 1, 0);
    for (const auto& [key, value] : days) ++day_offsets[key + 1];
    for (std::size_t i = 1; i < day_offsets.size(); ++i) day_offsets[i] += day_offsets[i - 1];
    day_values.resize(days.size());
    std::vector<std::uint32_t> next(day_offsets.begin(), day_offsets.end() - 1);
    for (const auto& [key, value] : days) day_values[next[key]++] = value;
    days.clear();
    days.shrink_to_fit();
  }
};

// The median and 90th percentile of the ages of a cell's open investigations.
struct OpenAgeQuantiles {
  double median = 0;
  double p90 = 0;
};

// The stocks of one breakdown on one day; a cell's open investigations are counted in `sums`.
struct StockTable {
  Sums sums;
  std::vector<OpenAgeQuantiles> open_ages;  // per cell
};

void add_crime_flows(const KpiCrimeFact& crime, const SlotMap& slots, bool repeat_available,
                     std::vector<FlowContribution>& flows, std::vector<DaysContribution>& days) {
  flows.clear();
  days.clear();
  if (const std::uint16_t r = slots.slot(crime.reported); r != kNoSlot) {
    flows.push_back({r, M::RecordedCrimes, 1, 0});
    if (crime.named_suspects > 0) flows.push_back({r, M::NamedSuspectsArrestedRate, crime.arrested_suspects, crime.named_suspects});
    if (repeat_available) flows.push_back({r, M::RepeatSuspectCrimeShare, crime.names_repeat_suspect ? 1 : 0, 1});
    flows.push_back({r, M::IsvaReferralRate, crime.isva_referred ? 1 : 0, 1});
    flows.push_back({r, M::IsvaReferralOnTimeRate, crime.isva_on_time ? 1 : 0, 1});
  }
  if (crime.outcome_code != 0) {
    if (const std::uint16_t o = slots.slot(crime.outcome); o != kNoSlot) {
      flows.push_back({o, M::OutcomesAssigned, 1, 0});
      if (const auto rate = outcome_rate_measure(crime.outcome_code)) flows.push_back({o, *rate, 1, 0});
      if (crime.nfa_outcome) flows.push_back({o, M::NfaExplainedRate, crime.nfa_explained ? 1 : 0, 1});
      flows.push_back({o, M::VictimUpdateComplianceRate, crime.outcome_update_on_time ? 1 : 0, 1});
      if (crime.outcome_code == 1) days.push_back({o, kChargeDays, crime.outcome - crime.reported});
    }
  }
  if (const std::uint16_t a = slots.slot(crime.first_arrest); a != kNoSlot) {
    flows.push_back({a, M::VictimUpdateComplianceRate, crime.arrest_update_on_time ? 1 : 0, 1});
    days.push_back({a, kArrestDays, crime.first_arrest - crime.reported});
  }
}

// Adds every crime's and event's flows to tables [first, last).
void accumulate_flows_into(const KpiFacts& facts, const SlotMap& slots, std::vector<FlowTable>& tables,
                           std::size_t first, std::size_t last) {
  const auto begin = tables.begin() + static_cast<std::ptrdiff_t>(first);
  const auto end = tables.begin() + static_cast<std::ptrdiff_t>(last);
  std::vector<FlowContribution> flows;
  std::vector<DaysContribution> days;
  flows.reserve(16);
  days.reserve(4);
  for (std::size_t i = 0; i < facts.crimes.size(); ++i) {
    add_crime_flows(facts.crimes[i], slots, facts.repeat_suspects_available, flows, days);
    if (flows.empty() && days.empty()) continue;
    for (auto table_it = begin; table_it != end; ++table_it) {
      FlowTable& table = *table_it;
      const std::uint32_t cell = table.layout.cell_of(facts.cells[i]);
      for (const FlowContribution& flow : flows) table.add(flow, cell);
      for (const DaysContribution& day : days) table.add(day, cell);
    }
  }
  for (const KpiEvent& event : facts.events) {
    const std::uint16_t slot = slots.slot(event.day);
    if (slot == kNoSlot) continue;
    for (auto table_it = begin; table_it != end; ++table_it) {
      FlowTable& table = *table_it;
      const std::uint32_t cell = table.layout.cell_of(facts.cells[event.subject]);
      if (event.measure == M::BreachResponseDaysMedian) {
        table.add(DaysContribution{slot, kBreachDays, event.value}, cell);
      } else {
        table.add(FlowContribution{slot, event.measure, event.numerator, event.denominator}, cell);
      }
    }
  }
  for (auto table_it = begin; table_it != end; ++table_it) table_it->bucket(slots.count());
}

// The flow tables of `layouts`, each half of them filled on its own thread.
std::vector<FlowTable> accumulate_flows(const KpiFacts& facts, const std::vector<Layout>& layouts, const SlotMap& slots) {
  std::vector<FlowTable> tables;
  for (const Layout& layout : layouts) tables.emplace_back(layout, slots.count());
  over_halves(tables.size(), [&](std::size_t first, std::size_t last) { accumulate_flows_into(facts, slots, tables, first, last); });
  return tables;
}

bool officer_serving(const KpiOfficerFact& officer, std::int32_t day) {
  return (officer.start == kNoDay || officer.start <= day) && (officer.leave == kNoDay || officer.leave > day);
}

bool officer_trained(const KpiOfficerFact& officer, std::int32_t day) {
  return std::all_of(officer.courses.begin(), officer.courses.end(), [day](const auto& records) {
    return std::any_of(records.begin(), records.end(), [day](const std::pair<std::int32_t, std::int32_t>& record) {
      return record.first <= day && (record.second == kNoDay || record.second > day);
    });
  });
}

// A crime open on at least one of the query's stock days, as the stock passes read it.
struct StockCrime {
  std::int32_t reported = 0;
  std::int32_t closed = 0;   // the day its outcome was assigned; INT32_MAX while it has none
  std::int32_t officer = -1;
  Cells cells{};
};

// The crimes open on some day in [first_day, last_day], most recently reported first, so that a
// pass over them meets the open crimes of any day youngest first. Built once per query (a
// counting sort by report day) so each stock day reads a compact array in order.
std::vector<StockCrime> stock_crimes_newest_first(const KpiFacts& facts, std::int32_t first_day, std::int32_t last_day) {
  std::vector<std::uint32_t> wanted;
  std::int32_t earliest = last_day;
  for (std::size_t i = 0; i < facts.crimes.size(); ++i) {
    const KpiCrimeFact& crime = facts.crimes[i];
    if (crime.reported > last_day || (crime.outcome_code != 0 && crime.outcome <= first_day)) continue;
    wanted.push_back(static_cast<std::uint32_t>(i));
    earliest = std::min(earliest, crime.reported);
  }
  // Offsets by days before last_day: newest first.
  std::vector<std::uint32_t> offsets(static_cast<std::size_t>(last_day - earliest) + 2, 0);
  for (std::uint32_t i : wanted) ++offsets[static_cast<std::size_t>(last_day - facts.crimes[i].reported) + 1];
  for (std::size_t d = 1; d < offsets.size(); ++d) offsets[d] += offsets[d - 1];
  std::vector<StockCrime> sorted(wanted.size());
  for (std::uint32_t i : wanted) {
    const KpiCrimeFact& crime = facts.crimes[i];
    sorted[offsets[static_cast<std::size_t>(last_day - crime.reported)]++] = {
        crime.reported, crime.outcome_code != 0 ? crime.outcome : std::numeric_limits<std::int32_t>::max(), crime.officer,
        facts.cells[i]};
  }
  return sorted;
}

bool open_on(const StockCrime& crime, std::int32_t day) { return crime.reported <= day && crime.closed > day; }

// The open investigations of every cell on `day` and their ages' median and 90th percentile, and
// each officer's caseload. Two walks over the open crimes youngest first: one counts each cell,
// the other notes the age at each cell's wanted ranks (median: ranks floor((n+1)/2) and
// floor(n/2)+1, averaged; p90: nearest rank ceil(0.9 n)).
void count_open_crimes(const std::vector<StockCrime>& crimes, const std::vector<Layout>& layouts, std::int32_t day,
                       std::vector<StockTable>& tables, std::vector<std::int32_t>& caseload) {
  struct Ranks {
    std::uint32_t count = 0, seen = 0, lower = 0, upper = 0, p90 = 0;
    std::int32_t lower_age = 0, upper_age = 0, p90_age = 0;
  };
  std::vector<std::vector<Ranks>> ranks(layouts.size());
  for (std::size_t b = 0; b < layouts.size(); ++b) ranks[b].resize(layouts[b].cells);
  for (const StockCrime& crime : crimes) {
    if (!open_on(crime, day)) continue;
    if (crime.officer >= 0) ++caseload[static_cast<std::size_t>(crime.officer)];
    for (std::size_t b = 0; b < layouts.size(); ++b) ++ranks[b][layouts[b].cell_of(crime.cells)].count;
  }
  for (std::vector<Ranks>& cells : ranks) {
    for (Ranks& cell : cells) {
      cell.lower = (cell.count + 1) / 2;
      cell.upper = cell.count / 2 + 1;
      cell.p90 = (cell.count * 9 + 9) / 10;
    }
  }
  for (const StockCrime& crime : crimes) {
    if (!open_on(crime, day)) continue;
    const std::int32_t age = day - crime.reported;
    for (std::size_t b = 0; b < layouts.size(); ++b) {
      Ranks& cell = ranks[b][layouts[b].cell_of(crime.cells)];
      const std::uint32_t rank = ++cell.seen;
      if (rank == cell.lower) cell.lower_age = age;
      if (rank == cell.upper) cell.upper_age = age;
      if (rank == cell.p90) cell.p90_age = age;
    }
  }
  for (std::size_t b = 0; b < layouts.size(); ++b) {
    tables[b].open_ages.resize(layouts[b].cells);
    for (std::size_t c = 0; c < layouts[b].cells; ++c) {
      const Ranks& cell = ranks[b][c];
      tables[b].sums.at(c, M::OpenInvestigations)[0] = cell.count;
      tables[b].open_ages[c] = {(static_cast<double>(cell.lower_age) + cell.upper_age) / 2.0, static_cast<double>(cell.p90_age)};
    }
  }
}

std::vector<StockTable> count_stocks(const KpiFacts& facts, const std::vector<Layout>& layouts,
                                     const std::vector<StockCrime>& stock_crimes, std::int32_t day) {
  std::vector<StockTable> tables(layouts.size());
  for (std::size_t b = 0; b < layouts.size(); ++b) tables[b].sums.resize(layouts[b].cells);
  std::vector<std::int32_t> caseload(facts.officers.size(), 0);
  count_open_crimes(stock_crimes, layouts, day, tables, caseload);
  for (const KpiOrderFact& order : facts.orders) {
    if (order.start > day || (order.end != kNoDay && order.end < day)) continue;
    for (std::size_t b = 0; b < layouts.size(); ++b) ++tables[b].sums.at(layouts[b].cell_of(facts.cells[order.subject]), M::OrdersInForce)[0];
  }
  const auto repeat = static_cast<std::int64_t>(std::count_if(facts.repeat_suspect_since.begin(), facts.repeat_suspect_since.end(),
                                                              [day](std::int32_t since) { return since <= day; }));
  for (std::size_t b = 0; b < layouts.size(); ++b) {
    if (layouts[b].dimensions.empty()) tables[b].sums.at(0, M::RepeatSuspects)[0] = repeat;
  }
  for (std::size_t o = 0; o < facts.officers.size(); ++o) {
    const KpiOfficerFact& officer = facts.officers[o];
    if (officer.subject == kNoSubject) continue;
    const bool rasso_serving = officer.in_rasso_unit && officer_serving(officer, day);
    const bool trained = rasso_serving && officer_trained(officer, day);
    for (std::size_t b = 0; b < layouts.size(); ++b) {
      const std::uint32_t cell = layouts[b].cell_of(facts.cells[officer.subject]);
      if (rasso_serving) {
        std::int64_t* training = tables[b].sums.at(cell, M::TrainingComplianceRate);
        training[0] += trained ? 1 : 0;
        training[1] += 1;
      }
      if (caseload[o] > 0) {
        std::int64_t* load = tables[b].sums.at(cell, M::InvestigatorCaseloadMean);
        load[0] += caseload[o];
        load[1] += 1;
      }
    }
  }
  return tables;
}

double median_of(std::vector<std::int32_t>& values) {
  const std::size_t n = values.size();
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(n / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (n % 2 == 1) return *middle;
  const std::int32_t upper = *middle;
  const std::int32_t lower = *std::max_element(values.begin(), middle);
  return (static_cast<double>(lower) + upper) / 2.0;
}

double p90_of(std::vector<std::int32_t>& values) {
  // Nearest rank: the ceil(0.9 n)-th smallest value.
  const std::size_t rank = (values.size() * 9 + 9) / 10;
  const auto target = values.begin() + static_cast<std::ptrdiff_t>(rank - 1);
  std::nth_element(values.begin(), target, values.end());
  return *target;
}

struct PeriodSlots {
  std::uint16_t first = 0, last = 0;
};

// Everything one period needs for one breakdown, before suppression.
struct CellData {
  Sums sums;
  std::vector<std::array<std::vector<std::int32_t>, kFlowSeries>> days;  // per cell
  const std::vector<OpenAgeQuantiles>* open_ages = nullptr;               // per cell, of the stock day
};

CellData gather(const FlowTable& flow, const StockTable& stock, PeriodSlots period, bool has_flows) {
  const std::size_t cells = flow.layout.cells;
  CellData data;
  data.sums.values = stock.sums.values;
  data.open_ages = &stock.open_ages;
  data.days.resize(cells);
  if (!has_flows) return data;
  for (std::size_t cell = 0; cell < cells; ++cell) {
    for (std::size_t slot = period.first; slot <= period.last; ++slot) {
      const std::int64_t* from = &flow.sums[(slot * cells + cell) * kMeasures * 2];
      for (std::size_t m = 0; m < kMeasures; ++m) {
        const KpiMeasureSpec& spec = kpi_measures()[m];
        if (spec.period_rule != KpiPeriodRule::Flow) continue;
        data.sums.values[(cell * kMeasures + m) * 2] += from[m * 2];
        data.sums.values[(cell * kMeasures + m) * 2 + 1] += from[m * 2 + 1];
      }
      for (std::size_t series = 0; series < kFlowSeries; ++series) {
        const std::size_t key = (slot * cells + cell) * kFlowSeries + series;
        data.days[cell][series].insert(data.days[cell][series].end(), flow.day_values.begin() + flow.day_offsets[key],
                                       flow.day_values.begin() + flow.day_offsets[key + 1]);
      }
    }
  }
  return data;
}

// Numerator and denominator (or number of cases) of `measure` in `cell`, and its value.
KpiValue raw_value(const KpiFacts& facts, CellData& data, std::size_t cell, const KpiMeasureSpec& spec) {
  KpiValue value;
  if ((spec.id == M::RepeatSuspects || spec.id == M::RepeatSuspectCrimeShare) && !facts.repeat_suspects_available) return value;
  if (series_of(spec.id) == kOpenAge) {
    value.denominator = data.sums.at(cell, M::OpenInvestigations)[0];
    if (value.denominator > 0) {
      value.available = true;
      const OpenAgeQuantiles& ages = (*data.open_ages)[cell];
      value.value = is_p90(spec.id) ? ages.p90 : ages.median;
    }
    return value;
  }
  if (const auto series = series_of(spec.id)) {
    std::vector<std::int32_t>& days = data.days[cell][*series];
    value.denominator = static_cast<std::int64_t>(days.size());
    if (!days.empty()) {
      value.available = true;
      value.value = is_p90(spec.id) ? p90_of(days) : median_of(days);
    }
    return value;
  }
  const std::int64_t* sums = data.sums.at(cell, spec.id);
  value.numerator = sums[0];
  value.denominator = is_outcome_rate(spec.id) ? data.sums.at(cell, M::OutcomesAssigned)[0] : sums[1];
  switch (spec.unit) {
    case KpiUnit::Count:
      value.available = true;
      value.value = static_cast<double>(value.numerator);
      break;
    case KpiUnit::Rate:
    case KpiUnit::Average:
      value.available = value.denominator > 0;
      if (value.available) value.value = static_cast<double>(value.numerator) / static_cast<double>(value.denominator);
      break;
    case KpiUnit::Days: break;
  }
  return value;
}

// Applies the suppression rule to the values of a breakdown's cells (or of a total, one cell).
void suppress(std::vector<KpiValue>& values, const std::vector<std::size_t>& axis_sizes, KpiUnit unit,
              const SuppressionRule& rule) {
  std::vector<std::int64_t> numerators, denominators;
  for (const KpiValue& value : values) {
    numerators.push_back(value.numerator);
    denominators.push_back(value.denominator);
  }
  std::vector<bool> hidden;
  if (unit != KpiUnit::Days) mark_suppressed_cells(numerators, axis_sizes, rule, hidden);
  if (unit != KpiUnit::Count) mark_suppressed_cells(denominators, axis_sizes, rule, hidden);
  for (std::size_t i = 0; i < values.size(); ++i) values[i].suppressed = hidden[i];
}

KpiBreakdown finish_breakdown(const KpiFacts& facts, const Layout& layout, CellData& data, const KpiMeasureSpec& spec,
                              const SuppressionRule& rule) {
  KpiBreakdown breakdown;
  breakdown.dimensions = layout.dimensions;
  breakdown.applicable = applies(spec, layout.dimensions);
  if (!breakdown.applicable) return breakdown;
  std::vector<KpiValue> values;
  values.reserve(layout.cells);
  for (std::size_t cell = 0; cell < layout.cells; ++cell) values.push_back(raw_value(facts, data, cell, spec));
  suppress(values, layout.sizes, spec.unit, rule);
  for (std::size_t cell = 0; cell < layout.cells; ++cell) {
    KpiValue& value = values[cell];
    if (value.numerator == 0 && value.denominator == 0 && !value.available) continue;
    if (spec.unit == KpiUnit::Count && value.numerator == 0) continue;
    value.display = format_kpi_value(value, spec.unit, rule);
    breakdown.cells.push_back({layout.labels(facts, cell), std::move(value)});
  }
  return breakdown;
}

// Per month slot, how many crimes were reported ([kKpiDimensionCount + 1]) and how many of them
// have each dimension ([d]) and the time committed ([kKpiDimensionCount]) recorded.
using CompletenessCounts = std::array<std::int64_t, kKpiDimensionCount + 2>;

std::vector<CompletenessCounts> completeness_by_slot(const KpiFacts& facts, const SlotMap& slots) {
  std::vector<CompletenessCounts> counts(slots.count(), CompletenessCounts{});
  std::array<std::uint16_t, kKpiDimensionCount> not_recorded{};
  for (std::size_t d = 0; d < kKpiDimensionCount; ++d) not_recorded[d] = static_cast<std::uint16_t>(facts.categories[d].size() - 2);
  for (std::size_t i = 0; i < facts.crimes.size(); ++i) {
    const std::uint16_t slot = slots.slot(facts.crimes[i].reported);
    if (slot == kNoSlot) continue;
    CompletenessCounts& count = counts[slot];
    for (std::size_t d = 0; d < kKpiDimensionCount; ++d) count[d] += facts.cells[i][d] != not_recorded[d] ? 1 : 0;
    count[kKpiDimensionCount] += facts.crimes[i].hour >= 0 ? 1 : 0;
    ++count[kKpiDimensionCount + 1];
  }
  return counts;
}

// The completeness of the crimes reported in a period (made of the month slots `period`).
std::vector<KpiCompleteness> completeness_of(const std::vector<CompletenessCounts>& by_slot, PeriodSlots period) {
  CompletenessCounts sum{};
  for (std::size_t slot = period.first; slot <= period.last && slot < by_slot.size(); ++slot) {
    for (std::size_t field = 0; field < sum.size(); ++field) sum[field] += by_slot[slot][field];
  }
  std::vector<KpiCompleteness> fields;
  for (KpiDimension dimension : all_kpi_dimensions()) {
    fields.push_back({std::string(dimension_id(dimension)), sum[static_cast<std::size_t>(dimension)], sum[kKpiDimensionCount + 1]});
  }
  fields.push_back({"committed_time", sum[kKpiDimensionCount], sum[kKpiDimensionCount + 1]});
  return fields;
}

}  // namespace

std::string format_kpi_value(const KpiValue& value, KpiUnit unit, const SuppressionRule& rule) {
  if (value.suppressed) return rule.display();
  if (!value.available) return "n/a";
  char text[64];
  switch (unit) {
    case KpiUnit::Count: std::snprintf(text, sizeof text, "%lld", static_cast<long long>(value.numerator)); break;
    case KpiUnit::Rate: std::snprintf(text, sizeof text, "%.1f%%", value.value * 100.0); break;
    case KpiUnit::Days:
      std::snprintf(text, sizeof text, value.value == std::floor(value.value) ? "%.0f" : "%.1f", value.value);
      break;
    case KpiUnit::Average: std::snprintf(text, sizeof text, "%.1f", value.value); break;
  }
  return text;
}

std::vector<KpiPeriodValues> compute_kpis(const KpiFacts& facts, const KpiQuery& query) {
  std::vector<KpiPeriodValues> results;
  if (query.periods.empty()) return results;
  std::int32_t first_month = query.periods.front().first_month(), last_month = query.periods.front().last_month();
  for (const KpiPeriod& period : query.periods) {
    first_month = std::min(first_month, period.first_month());
    last_month = std::max(last_month, period.last_month());
  }
  std::vector<Layout> layouts{Layout(facts, {})};
  for (const auto& dimensions : query.breakdowns) layouts.emplace_back(facts, dimensions);
  const SlotMap slots(first_month, last_month);
  const std::vector<FlowTable> flows = accumulate_flows(facts, layouts, slots);
  const std::vector<CompletenessCounts> completeness = completeness_by_slot(facts, slots);

  // The stocks of each distinct stock day (a period's last day, or the as-of date), half the
  // days on each thread.
  auto stock_day = [&](const KpiPeriod& period) { return std::min(period.last_day(), facts.as_of).days_since_epoch(); };
  std::map<std::int32_t, std::vector<StockTable>> stocks;
  for (const KpiPeriod& period : query.periods) stocks.emplace(stock_day(period), std::vector<StockTable>{});
  std::vector<std::pair<const std::int32_t, std::vector<StockTable>>*> stock_entries;
  for (auto& entry : stocks) stock_entries.push_back(&entry);
  const std::vector<StockCrime> stock_crimes = stock_crimes_newest_first(facts, stocks.begin()->first, stocks.rbegin()->first);
  over_halves(stock_entries.size(), [&](std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) {
      stock_entries[i]->second = count_stocks(facts, layouts, stock_crimes, stock_entries[i]->first);
    }
  });

  // Each period's values, half the periods on each thread.
  results.resize(query.periods.size());
  over_halves(query.periods.size(), [&](std::size_t first, std::size_t last) {
    for (std::size_t p = first; p < last; ++p) {
      const KpiPeriod& period = query.periods[p];
      const std::int32_t day = stock_day(period);
      const bool has_flows = period.first_day() <= facts.as_of;
      const PeriodSlots period_slots{static_cast<std::uint16_t>(period.first_month() - first_month),
                                     static_cast<std::uint16_t>(period.last_month() - first_month)};
      KpiPeriodValues& values = results[p];
      values.period = period;
      values.stock_date = CivilDate::from_days(day);
      values.completeness = completeness_of(completeness, period_slots);
      std::vector<CellData> data;
      for (std::size_t b = 0; b < layouts.size(); ++b) data.push_back(gather(flows[b], stocks.at(day)[b], period_slots, has_flows));
      for (const KpiMeasureSpec& spec : kpi_measures()) {
        KpiMeasureValues measure;
        measure.id = spec.id;
        std::vector<KpiValue> total{raw_value(facts, data[0], 0, spec)};
        suppress(total, {1}, spec.unit, SuppressionRule{query.suppression.threshold, false});
        measure.total = std::move(total[0]);
        measure.total.display = format_kpi_value(measure.total, spec.unit, query.suppression);
        for (std::size_t b = 1; b < layouts.size(); ++b) {
          measure.breakdowns.push_back(finish_breakdown(facts, layouts[b], data[b], spec, query.suppression));
        }
        values.measures.push_back(std::move(measure));
      }
    }
  });
  return results;
}

KpiFlightDeck compute_flight_deck(const KpiFacts& facts, KpiPeriod period,
                                  const std::vector<std::vector<KpiDimension>>& breakdowns,
                                  const SuppressionRule& suppression) {
  KpiQuery query{{period, period.previous()}, breakdowns, suppression};
  std::vector<KpiPeriodValues> values = compute_kpis(facts, query);
  KpiFlightDeck deck;
  deck.period = period;
  deck.previous_period = period.previous();
  deck.as_of = facts.as_of;
  deck.suppression = suppression;
  deck.completeness = values[0].completeness;
  for (std::size_t m = 0; m < values[0].measures.size(); ++m) {
    KpiMeasureValues& current = values[0].measures[m];
    KpiMeasureReport report;
    report.id = current.id;
    report.value = std::move(current.total);
    report.previous = std::move(values[1].measures[m].total);
    if (report.value.available && report.previous.available && !report.value.suppressed && !report.previous.suppressed) {
      report.change = report.value.value - report.previous.value;
    }
    report.breakdowns = std::move(current.breakdowns);
    deck.measures.push_back(std::move(report));
  }
  return deck;
}

std::vector<KpiSeriesPoint> compute_kpi_series(const KpiFacts& facts, KpiMeasureId measure,
                                               const std::vector<KpiPeriod>& periods,
                                               const SuppressionRule& suppression) {
  std::vector<KpiSeriesPoint> points;
  const std::vector<KpiPeriodValues> values = compute_kpis(facts, KpiQuery{periods, {}, suppression});
  for (const KpiPeriodValues& period : values) points.push_back({period.period, period.measures[index_of(measure)].total});
  return points;
}

}  // namespace rasso
