#pragma once
// Router: the route table. Each route is a method, a path pattern with {params} (a parameter is
// one path segment), the roles allowed to call it (deny by default: a route with no roles can be
// called by nobody unless it is marked public) and its handler. Literal segments win over
// parameters, so "/api/v1/worklists/training" can sit beside "/api/v1/worklists/{kind}".
// Built once at start-up, then read concurrently.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/access_policy.h"
#include "server/api_request.h"

namespace rasso::server {

using Handler = std::function<HttpResponse(const ApiRequest&)>;

struct Route {
  std::string method;
  std::string pattern;
  std::vector<Role> roles;  // who may call it
  bool is_public = false;   // callable without signing in (then roles are ignored)
  Handler handler;
};

struct RouteMatch {
  const Route* route = nullptr;                 // null: no route for this path and method
  bool path_known = false;                      // the path matched some route (so: wrong method)
  std::map<std::string, std::string> params;
};

class Router {
 public:
  /// Adds a route callable by users holding one of `roles`. Throws std::logic_error on a
  /// duplicate (method, pattern) or a malformed pattern: a programming error found at start-up.
  void add(std::string method, std::string pattern, std::vector<Role> roles, Handler handler);
  /// Adds a route anyone may call without signing in.
  void add_public(std::string method, std::string pattern, Handler handler);

  /// The route for `method` and `path` (percent-decoded parameters).
  RouteMatch match(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  void insert(Route route);
  std::vector<Route> routes_;
};

/// `text` with %XX escapes decoded (and '+' kept as is); nullopt for a malformed escape.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace rasso::server
