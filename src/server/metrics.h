#pragma once
// Metrics: the server's Prometheus counters — requests by route, method and status, a latency
// histogram, and gauges read at scrape time (active sessions, the snapshot's load time, rows and
// generation). Recording a request is lock-free for the histogram and takes one short lock for
// the per-route counter. Thread-safe.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace rasso::server {

struct ServerState;

class Metrics {
 public:
  /// Counts a finished request on `route` (the pattern, or "static"/"unmatched").
  void record(const std::string& method, const std::string& route, int status, double seconds);

  /// The Prometheus text exposition, with the gauges given.
  std::string render(std::size_t active_sessions, const ServerState& state, std::uint64_t audit_failures) const;

  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> bucket_counts_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_microseconds_{0};
};

}  // namespace rasso::server
