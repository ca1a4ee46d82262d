#pragma once
// The KPI results as JSON, in the shape of the API contract (GET /api/v1/kpis and
// /api/v1/kpis/series) and of `rasso kpi --json`. A suppressed value is null with display "<5";
// a numerator or denominator is given only for a value that is shown.

#include <nlohmann/json.hpp>

#include "analytics/kpi_engine.h"

namespace rasso {

/// {period, previous_period, as_of, suppression, completeness, measures:[{id, name, theme, unit,
/// value, previous_value, change, suppressed, display, previous_display, breakdown:[{dimension:
/// {unit: "U1"}, value, display, suppressed}]}]}
nlohmann::json flight_deck_json(const KpiFlightDeck& deck);

/// {measure, granularity, points:[{period, value, display, suppressed}]}
nlohmann::json kpi_series_json(KpiMeasureId measure, PeriodGranularity granularity,
                               const std::vector<KpiSeriesPoint>& points);

/// A value as JSON: null when suppressed or not available.
nlohmann::json kpi_value_json(const KpiValue& value);

}  // namespace rasso
