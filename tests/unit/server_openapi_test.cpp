// The OpenAPI document and the router agree: every route is documented (method and path) and
// every documented operation is a route, with the roles the document states.

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "server/api_routes.h"

namespace rasso::server {
namespace {

nlohmann::json openapi_document() {
  std::ifstream in(std::string(RASSO_SOURCE_DIR) + "/src/server/openapi.json");
  return nlohmann::json::parse(in, nullptr, false);
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

TEST(ServerOpenApi, EveryRouteIsDocumentedAndEveryDocumentedOperationIsARoute) {
  const nlohmann::json document = openapi_document();
  ASSERT_TRUE(document.is_object()) << "src/server/openapi.json is not valid JSON";
  Router router;
  register_all_routes(router);
  std::set<std::string> routes;
  for (const Route& route : router.routes()) routes.insert(route.method + " " + route.pattern);
  std::set<std::string> documented;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) documented.insert(upper(method) + " " + path);
  }
  EXPECT_EQ(routes, documented);
}

TEST(ServerOpenApi, DocumentedRolesMatchTheRouteTable) {
  const nlohmann::json document = openapi_document();
  Router router;
  register_all_routes(router);
  for (const Route& route : router.routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto& operation = document["paths"][route.pattern][method];
    std::set<std::string> documented;
    for (const auto& role : operation["x-roles"]) documented.insert(role.get<std::string>());
    std::set<std::string> actual;
    if (route.is_public) actual.insert("public");
    for (const Role role : route.roles) actual.insert(std::string(role_name(role)));
    EXPECT_EQ(actual, documented) << route.method << " " << route.pattern;
  }
}

}  // namespace
}  // namespace rasso::server
