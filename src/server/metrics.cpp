#include "server/metrics.h"

#include <fmt/format.h>

#include "server/server_state.h"

namespace rasso::server {
namespace {

std::string label_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::record(const std::string& method, const std::string& route, int status, double seconds) {
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  bucket_counts_[bucket].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_microseconds_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
}

std::string Metrics::render(std::size_t active_sessions, const ServerState& state, std::uint64_t audit_failures) const {
  std::string out;
  out += "# HELP rasso_http_requests_total HTTP requests by route pattern, method and status.\n";
  out += "# TYPE rasso_http_requests_total counter\n";
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, count] : requests_) {
      const auto& [method, route, status] = key;
      out += fmt::format("rasso_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", label_escape(method),
                         label_escape(route), status, count);
    }
  }
  out += "# HELP rasso_http_request_duration_seconds Time from a request read to its response handed to the network.\n";
  out += "# TYPE rasso_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += bucket_counts_[i].load(std::memory_order_relaxed);
    out += fmt::format("rasso_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", kBuckets[i], cumulative);
  }
  cumulative += bucket_counts_[kBuckets.size()].load(std::memory_order_relaxed);
  out += fmt::format("rasso_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", cumulative);
  out += fmt::format("rasso_http_request_duration_seconds_sum {:.6f}\n", static_cast<double>(sum_microseconds_.load()) / 1e6);
  out += fmt::format("rasso_http_request_duration_seconds_count {}\n", count_.load());
  out += "# HELP rasso_active_sessions Signed-in sessions not yet timed out.\n# TYPE rasso_active_sessions gauge\n";
  out += fmt::format("rasso_active_sessions {}\n", active_sessions);
  out += "# HELP rasso_snapshot_load_seconds Time taken to load the in-memory snapshot now served.\n";
  out += "# TYPE rasso_snapshot_load_seconds gauge\n";
  out += fmt::format("rasso_snapshot_load_seconds {:.3f}\n", state.load_seconds);
  out += "# HELP rasso_snapshot_generation Snapshots loaded since start (1 = the start-up load).\n";
  out += "# TYPE rasso_snapshot_generation gauge\n";
  out += fmt::format("rasso_snapshot_generation {}\n", state.generation);
  out += "# HELP rasso_snapshot_rows Rows of each table in the snapshot.\n# TYPE rasso_snapshot_rows gauge\n";
  const ExtractTables& t = state.tables();
  const std::pair<const char*, std::size_t> tables[] = {
      {"crimes", t.crimes.size()},         {"persons", t.persons.size()},       {"involvements", t.involvements.size()},
      {"arrests", t.arrests.size()},       {"bail", t.bail_periods.size()},     {"orders", t.orders.size()},
      {"breaches", t.breaches.size()},     {"victim_contacts", t.victim_contacts.size()},
      {"biometrics", t.biometrics.size()}, {"officers", t.officers.size()},     {"resolved_persons", state.resolved->size()}};
  for (const auto& [name, rows] : tables) out += fmt::format("rasso_snapshot_rows{{table=\"{}\"}} {}\n", name, rows);
  out += "# HELP rasso_audit_write_failures_total Audit events the writer could not append.\n";
  out += "# TYPE rasso_audit_write_failures_total counter\n";
  out += fmt::format("rasso_audit_write_failures_total {}\n", audit_failures);
  return out;
}

}  // namespace rasso::server
