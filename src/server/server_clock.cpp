#include "server/server_clock.h"

#include <ctime>

namespace rasso::server {

Clock system_clock() {
  return [] { return std::chrono::system_clock::now(); };
}

std::string iso_timestamp(TimePoint at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

CivilDate utc_date(TimePoint at) {
  const auto days = std::chrono::floor<std::chrono::days>(at.time_since_epoch()).count();
  return CivilDate::from_days(static_cast<int32_t>(days));
}

}  // namespace rasso::server
