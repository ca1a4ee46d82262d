#include "server/request_dispatch.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "server/api_response.h"
#include "server/static_files.h"

namespace rasso::server {
namespace {

bool is_state_changing(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool well_formed_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

std::string clean_purpose(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, 200)) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
  }
  return out.empty() ? "case work" : out;
}

std::map<std::string, std::string> parse_query(std::string_view query) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < query.size()) {
    const std::size_t end = std::min(query.find('&', start), query.size());
    std::string pair(query.substr(start, end - start));
    std::replace(pair.begin(), pair.end(), '+', ' ');
    const std::size_t equals = pair.find('=');
    const auto key = percent_decode(pair.substr(0, equals));
    const auto value = percent_decode(equals == std::string::npos ? "" : pair.substr(equals + 1));
    if (key && value && !key->empty()) out[*key] = *value;
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string cookie_value(std::string_view header, std::string_view name) {
  std::size_t start = 0;
  while (start < header.size()) {
    const std::size_t end = std::min(header.find(';', start), header.size());
    std::string_view part = header.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    start = end + 1;
  }
  return {};
}

void add_standard_headers(HttpResponse& response, const std::string& correlation_id, bool over_tls) {
  const bool has_cache_control = std::any_of(response.headers.begin(), response.headers.end(),
                                             [](const auto& header) { return header.first == "Cache-Control"; });
  if (!has_cache_control) response.headers.emplace_back("Cache-Control", "no-store");
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  // A year, the usual minimum; no includeSubDomains, since other hosts of the force's domain are
  // not this server's to promise for.
  if (over_tls) response.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  response.headers.emplace_back("X-Request-Id", correlation_id);
}

DispatchResult dispatch(ServerContext& context, const IncomingRequest& in, Store& store) {
  DispatchResult result;
  result.correlation_id = well_formed_id(in.request_id) ? in.request_id : random_token().substr(0, 16);
  const std::string& id = result.correlation_id;
  const std::size_t question = in.target.find('?');
  const std::string path = in.target.substr(0, question);
  const RouteMatch match = context.router.match(in.method, path);
  result.route = match.route ? match.route->pattern : "unmatched";

  auto finish = [&](HttpResponse response) {
    add_standard_headers(response, id, context.config.tls());
    result.response = std::move(response);
    return result;
  };

  if (match.route == nullptr) {
    if (match.path_known) return finish(error_response("method_not_allowed", "this path does not take " + in.method, id));
    if (path.rfind("/api/", 0) == 0 || (in.method != "GET" && in.method != "HEAD")) {
      return finish(error_response("not_found", "no such endpoint", id));
    }
    result.route = "static";
    return finish(serve_static(context.web_dir, path, id));
  }

  ApiRequest request;
  request.method = in.method;
  request.path = path;
  request.route = match.route->pattern;
  request.path_params = match.params;
  request.query = parse_query(question == std::string::npos ? std::string_view() : std::string_view(in.target).substr(question + 1));
  request.correlation_id = id;
  request.purpose = clean_purpose(in.purpose);
  request.client_address = in.client_address;
  request.state = context.state.get();
  request.context = &context;
  request.store = &store;

  if (!match.route->is_public) {
    const std::string session_id = cookie_value(in.cookie, "rasso_session");
    if (session_id.empty()) return finish(error_response("unauthenticated", "sign in first", id));
    auto session = context.sessions.touch(session_id);
    if (!session) return finish(error_response(session.error(), id));
    if (!session->user.has_any_role(match.route->roles)) {
      return finish(error_response("forbidden", "your role may not use this", id));
    }
    if (is_state_changing(in.method)) {
      if (in.csrf_token.empty()) return finish(error_response("csrf_missing", "send the X-CSRF-Token header of your session", id));
      if (!csrf_token_matches(session->csrf_token, in.csrf_token)) {
        return finish(error_response("csrf_invalid", "the X-CSRF-Token does not match your session", id));
      }
    }
    request.session_id = session->id;
    request.csrf_token = session->csrf_token;
    request.session_expires_at = iso_timestamp(session->expires_at);
    request.user = std::move(session->user);
  }
  if (!in.body.empty()) {
    request.body = nlohmann::json::parse(in.body, nullptr, false);
    if (request.body.is_discarded()) return finish(error_response("invalid_input", "the body is not valid JSON", id));
  }
  try {
    return finish(match.route->handler(request));
  } catch (const std::exception& error) {
    spdlog::error("{{\"msg\":\"handler failed\",\"route\":\"{}\",\"correlation_id\":\"{}\",\"error\":\"{}\"}}", result.route, id,
                  error.what());
    return finish(error_response("internal", "the server could not complete the request", id));
  }
}

}  // namespace rasso::server
