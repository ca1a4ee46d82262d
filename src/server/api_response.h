#pragma once
// The one shape of every API answer: JSON bodies, the error body
// {"error":{"code","message","correlation_id"}} with a status fixed by the code, and pages of
// lists {"items","page","page_size","total"}.

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/civil_date.h"
#include "core/result.h"
#include "server/api_request.h"

namespace rasso::server {

/// `body` as a JSON response with `status`.
HttpResponse json_response(const nlohmann::json& body, int status = 200);

/// The HTTP status of a stable error code: unauthenticated/session_expired/invalid_credentials
/// 401, account_locked 423, rate_limited 429, forbidden/csrf_missing/csrf_invalid 403, not_found
/// 404, invalid_input 400, conflict 409, anything else 500.
int status_of_error(std::string_view code);

/// The error body for `code` and `message`, with the request's correlation id. An unknown code
/// (e.g. "store" from a lower layer) is reported as "internal" and its message not shown.
HttpResponse error_response(std::string_view code, std::string_view message, std::string_view correlation_id);
HttpResponse error_response(const Error& error, std::string_view correlation_id);

/// Page and page size from the request's `page` (1-based, default 1) and `page_size` (default 50,
/// max 500) query parameters; an unparsable or out-of-range value is an "invalid_input" error.
struct PageRequest {
  std::size_t page = 1;
  std::size_t page_size = 50;
  std::size_t offset() const { return (page - 1) * page_size; }
};
Result<PageRequest> page_request(const ApiRequest& request);

/// {"items": items, "page", "page_size", "total"}.
nlohmann::json paginate(nlohmann::json items, const PageRequest& page, std::size_t total);

/// The date in query parameter `name` (YYYY-MM-DD), or `fallback` when it is absent;
/// "invalid_input" naming the parameter for anything else.
Result<CivilDate> date_query(const ApiRequest& request, const std::string& name, CivilDate fallback);

/// Parses a non-negative whole number query value; "invalid_input" naming `name` otherwise.
Result<std::size_t> parse_count(std::string_view name, std::string_view text);

}  // namespace rasso::server
