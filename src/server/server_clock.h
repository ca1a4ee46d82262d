#pragma once
// The clock the server reads (session timeouts, rate-limit windows, audit timestamps, today's
// date), injected so tests can move time forward.

#include <chrono>
#include <functional>
#include <string>

#include "core/civil_date.h"

namespace rasso::server {

using TimePoint = std::chrono::system_clock::time_point;
using Clock = std::function<TimePoint()>;

/// The system clock.
Clock system_clock();

/// `at` as ISO 8601 UTC with seconds, "2025-03-01T12:00:00Z".
std::string iso_timestamp(TimePoint at);

/// The UTC calendar date of `at`.
CivilDate utc_date(TimePoint at);

}  // namespace rasso::server
