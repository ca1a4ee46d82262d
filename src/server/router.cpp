#include "server/router.h"

#include <stdexcept>

namespace rasso::server {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = path.find('/', start);
    const std::size_t stop = end == std::string_view::npos ? path.size() : end;
    out.push_back(path.substr(start, stop - start));
    start = stop + 1;
  }
  return out;
}

bool is_param(std::string_view segment) { return segment.size() > 2 && segment.front() == '{' && segment.back() == '}'; }

// How well `pattern` matches `path`: nullopt for no match, else a score in which each literal
// segment counts, so a more literal route wins.
std::optional<int> match_score(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
  const auto want = segments(pattern);
  const auto have = segments(path);
  if (want.size() != have.size()) return std::nullopt;
  int score = 0;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (is_param(want[i])) {
      if (have[i].empty()) return std::nullopt;
      auto decoded = percent_decode(have[i]);
      if (!decoded) return std::nullopt;
      found[std::string(want[i].substr(1, want[i].size() - 2))] = std::move(*decoded);
    } else if (want[i] == have[i]) {
      score += 1 << (want.size() - i);
    } else {
      return std::nullopt;
    }
  }
  params = std::move(found);
  return score;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    const int high = hex(text[i + 1]);
    const int low = hex(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

void Router::insert(Route route) {
  if (route.pattern.empty() || route.pattern.front() != '/') throw std::logic_error("route pattern must start with '/': " + route.pattern);
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::logic_error("route registered twice: " + route.method + " " + route.pattern);
    }
  }
  routes_.push_back(std::move(route));
}

void Router::add(std::string method, std::string pattern, std::vector<Role> roles, Handler handler) {
  if (roles.empty()) throw std::logic_error("a route needs the roles that may call it: " + pattern);
  insert(Route{std::move(method), std::move(pattern), std::move(roles), false, std::move(handler)});
}

void Router::add_public(std::string method, std::string pattern, Handler handler) {
  insert(Route{std::move(method), std::move(pattern), {}, true, std::move(handler)});
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  RouteMatch best;
  int best_score = -1;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    const auto score = match_score(route.pattern, path, params);
    if (!score) continue;
    best.path_known = true;
    if (route.method != method || *score <= best_score) continue;
    best_score = *score;
    best.route = &route;
    best.params = std::move(params);
  }
  return best;
}

}  // namespace rasso::server
