// /healthz, /metrics and the OpenAPI document: public, no personal data.

#include <fstream>
#include <sstream>

#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/server_context.h"

namespace rasso::server {
namespace {

HttpResponse healthz(const ApiRequest& request) {
  return json_response({{"status", "ok"},
                        {"crimes", request.state->tables().crimes.size()},
                        {"loaded_at", request.state->loaded_at},
                        {"generation", request.state->generation}});
}

HttpResponse metrics(const ApiRequest& request) {
  ServerContext& context = *request.context;
  HttpResponse response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = context.metrics.render(context.sessions.active(), *request.state, context.audit.failures());
  return response;
}

HttpResponse openapi(const ApiRequest& request) {
  static const std::string document = [] {
    std::ifstream in(RASSO_OPENAPI_PATH, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }();
  if (document.empty()) return error_response("internal", "the OpenAPI document is missing", request.correlation_id);
  HttpResponse response;
  response.body = document;
  return response;
}

}  // namespace

void register_system_routes(Router& router) {
  router.add_public("GET", "/healthz", healthz);
  router.add_public("GET", "/metrics", metrics);
  router.add_public("GET", "/api/v1/openapi.json", openapi);
}

}  // namespace rasso::server
