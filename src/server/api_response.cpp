#include "server/api_response.h"

#include <charconv>

namespace rasso::server {

std::string ApiRequest::query_value(const std::string& name, const std::string& fallback) const {
  const auto found = query.find(name);
  return found == query.end() ? fallback : found->second;
}

HttpResponse json_response(const nlohmann::json& body, int status) {
  HttpResponse response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

int status_of_error(std::string_view code) {
  if (code == "unauthenticated" || code == "session_expired" || code == "invalid_credentials") return 401;
  if (code == "account_locked") return 423;
  if (code == "rate_limited") return 429;
  if (code == "forbidden" || code == "csrf_missing" || code == "csrf_invalid") return 403;
  if (code == "not_found") return 404;
  if (code == "invalid_input") return 400;
  if (code == "conflict") return 409;
  if (code == "method_not_allowed") return 405;
  if (code == "payload_too_large") return 413;
  return 500;
}

HttpResponse error_response(std::string_view code, std::string_view message, std::string_view correlation_id) {
  const int status = status_of_error(code);
  const bool known = status != 500 || code == "internal";
  return json_response({{"error",
                         {{"code", known ? std::string(code) : "internal"},
                          {"message", known ? std::string(message) : "the server could not complete the request"},
                          {"correlation_id", std::string(correlation_id)}}}},
                       status);
}

HttpResponse error_response(const Error& error, std::string_view correlation_id) {
  return error_response(error.code, error.message, correlation_id);
}

Result<std::size_t> parse_count(std::string_view name, std::string_view text) {
  std::size_t value = 0;
  const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || problem != std::errc() || end != text.data() + text.size()) {
    return Error{"invalid_input", std::string(name) + " must be a whole number, not '" + std::string(text) + "'"};
  }
  return value;
}

Result<CivilDate> date_query(const ApiRequest& request, const std::string& name, CivilDate fallback) {
  const std::string text = request.query_value(name);
  if (text.empty()) return fallback;
  const auto date = CivilDate::parse_iso(text);
  if (!date) return Error{"invalid_input", name + " '" + text + "': " + CivilDate::parse_iso_problem(text)};
  return *date;
}

Result<PageRequest> page_request(const ApiRequest& request) {
  PageRequest page;
  if (const auto text = request.query_value("page"); !text.empty()) {
    auto value = parse_count("page", text);
    if (!value) return value.error();
    if (*value < 1) return Error{"invalid_input", "page starts at 1"};
    page.page = *value;
  }
  if (const auto text = request.query_value("page_size"); !text.empty()) {
    auto value = parse_count("page_size", text);
    if (!value) return value.error();
    if (*value < 1 || *value > 500) return Error{"invalid_input", "page_size must be between 1 and 500"};
    page.page_size = *value;
  }
  return page;
}

nlohmann::json paginate(nlohmann::json items, const PageRequest& page, std::size_t total) {
  return {{"items", std::move(items)}, {"page", page.page}, {"page_size", page.page_size}, {"total", total}};
}

}  // namespace rasso::server
