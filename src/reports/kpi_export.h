#pragma once
// The flight deck as an ExportTable (one row per measure total and per breakdown cell), for
// `rasso kpi --csv/--xlsx`, `rasso export kpis` and the API's KPI export.

#include "analytics/kpi_engine.h"
#include "reports/export_table.h"

namespace rasso {

/// Columns: period, measure_id, measure, theme, unit, breakdown, category, value, display,
/// suppressed, previous_period, previous_value, previous_display, change. A total row has a blank
/// breakdown and category "All"; a suppressed or unavailable value is blank with its display.
ExportTable flight_deck_table(const KpiFlightDeck& deck);

}  // namespace rasso
