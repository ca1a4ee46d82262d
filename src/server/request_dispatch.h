#pragma once
// The request pipeline between the network and the handlers, independent of Beast so it can be
// tested directly: parse the target, match the route, check the session (idle and absolute
// timeouts), the route's roles and, on state-changing requests, the CSRF token; parse the JSON
// body; run the handler (or serve a static file); add the security headers every response
// carries. Runs on a worker thread.

#include <string>

#include "server/api_request.h"
#include "server/server_context.h"

namespace rasso::server {

struct IncomingRequest {
  std::string method;
  std::string target;          // path and query as sent
  std::string body;
  std::string client_address;
  std::string cookie;          // the Cookie header
  std::string csrf_token;      // X-CSRF-Token
  std::string purpose;         // X-Purpose
  std::string request_id;      // X-Request-Id, reused as the correlation id when well formed
};

struct DispatchResult {
  HttpResponse response;
  std::string route;           // the route pattern, "static" or "unmatched" (for metrics and logs)
  std::string correlation_id;
};

/// Handles one request with `store` (the worker's connection) and the current state.
DispatchResult dispatch(ServerContext& context, const IncomingRequest& request, Store& store);

/// Adds the security headers (CSP default-src 'self' with frame-ancestors 'none', nosniff,
/// no-referrer, DENY framing; Strict-Transport-Security when `over_tls`), X-Request-Id, and
/// Cache-Control: no-store unless one is set.
void add_standard_headers(HttpResponse& response, const std::string& correlation_id, bool over_tls);

/// The value of cookie `name` in a Cookie header, or empty.
std::string cookie_value(std::string_view header, std::string_view name);

}  // namespace rasso::server
