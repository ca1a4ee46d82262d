#pragma once
// ApiRequest and HttpResponse: what a route handler receives and returns. Handlers are plain
// functions `HttpResponse handler(const ApiRequest&)` run on a worker thread (never the network
// thread); they read the immutable ServerState snapshot taken when the request arrived and use
// the worker's own Store connection for anything not held in memory.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/access_policy.h"

namespace rasso {
class Store;
}

namespace rasso::server {

class ServerContext;
struct ServerState;

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Set-Cookie
};

struct ApiRequest {
  std::string method;                               // "GET", "POST", ...
  std::string path;                                 // without the query string
  std::string route;                                // the matched pattern, e.g. "/api/v1/crimes/{crime_ref}"
  std::map<std::string, std::string> path_params;   // decoded
  std::map<std::string, std::string> query;         // decoded; the last value of a repeated key
  nlohmann::json body;                              // parsed JSON body; null when there was none
  std::string correlation_id;
  std::string purpose = "case work";                // X-Purpose
  std::string client_address;
  std::string session_id;                           // empty when not signed in
  std::string csrf_token;                           // the session's token (signed-in requests)
  std::string session_expires_at;                   // ISO 8601 UTC (signed-in requests)
  std::optional<SessionUser> user;                  // set on every route that is not public
  std::shared_ptr<const ServerState> state;
  ServerContext* context = nullptr;
  Store* store = nullptr;                           // the worker thread's own connection

  /// The query parameter `name`, or `fallback`.
  std::string query_value(const std::string& name, const std::string& fallback = {}) const;
  /// The path parameter `name` (always present on a matched route).
  const std::string& param(const std::string& name) const { return path_params.at(name); }
  /// The signed-in user; only on routes that are not public.
  const SessionUser& signed_in() const { return *user; }
};

}  // namespace rasso::server
