#pragma once
// The flight-deck pack: the NOM flight deck for one period as a printable report, a section per
// theme (volume, outcomes, timeliness, suspects, bail and RUI, breaches and orders, biometrics,
// victims, workforce) with each measure, the previous period and the change, charts of the
// twelve-month trend and the outcome distribution, and the breakdowns asked for. Pure.

#include <vector>

#include "analytics/kpi_engine.h"
#include "reports/report_document.h"

namespace rasso {

/// `trend` is the recorded-crime series for the months up to the period (may be empty).
ReportDocument build_flight_deck_report(const KpiFlightDeck& deck, const std::vector<KpiSeriesPoint>& trend,
                                        const std::string& area);

}  // namespace rasso
