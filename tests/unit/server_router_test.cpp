#include <gtest/gtest.h>

#include "server/router.h"

namespace rasso::server {
namespace {

HttpResponse named(const std::string& name) {
  HttpResponse response;
  response.body = name;
  return response;
}

Router sample_router() {
  Router router;
  router.add("GET", "/api/v1/worklists/{kind}", {Role::Investigator}, [](const ApiRequest&) { return named("kind"); });
  router.add("GET", "/api/v1/worklists/training", {Role::Supervisor}, [](const ApiRequest&) { return named("training"); });
  router.add("POST", "/api/v1/breaches/{breach_ref}/response", {Role::Investigator}, [](const ApiRequest&) { return named("respond"); });
  router.add_public("POST", "/api/v1/session", [](const ApiRequest&) { return named("sign in"); });
  return router;
}

TEST(ServerRouter, MatchesParametersAndDecodesThem) {
  const Router router = sample_router();
  const RouteMatch match = router.match("POST", "/api/v1/breaches/BR%2F0001/response");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/breaches/{breach_ref}/response");
  EXPECT_EQ(match.params.at("breach_ref"), "BR/0001");
}

TEST(ServerRouter, LiteralSegmentsWinOverParameters) {
  const Router router = sample_router();
  EXPECT_EQ(router.match("GET", "/api/v1/worklists/training").route->handler(ApiRequest{}).body, "training");
  EXPECT_EQ(router.match("GET", "/api/v1/worklists/bail").route->handler(ApiRequest{}).body, "kind");
}

TEST(ServerRouter, TellsAWrongMethodFromAnUnknownPath) {
  const Router router = sample_router();
  const RouteMatch wrong_method = router.match("DELETE", "/api/v1/worklists/bail");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_TRUE(wrong_method.path_known);
  const RouteMatch unknown = router.match("GET", "/api/v1/nothing");
  EXPECT_EQ(unknown.route, nullptr);
  EXPECT_FALSE(unknown.path_known);
  EXPECT_EQ(router.match("GET", "/api/v1/worklists/").route, nullptr) << "an empty parameter matches nothing";
  EXPECT_EQ(router.match("GET", "/api/v1/worklists/bail/extra").route, nullptr);
}

TEST(ServerRouter, DeniesByDefault) {
  Router router;
  EXPECT_THROW(router.add("GET", "/x", {}, [](const ApiRequest&) { return HttpResponse{}; }), std::logic_error)
      << "a route with no roles must be declared public explicitly";
  router.add("GET", "/x", {Role::Analyst}, [](const ApiRequest&) { return HttpResponse{}; });
  EXPECT_THROW(router.add("GET", "/x", {Role::Analyst}, [](const ApiRequest&) { return HttpResponse{}; }), std::logic_error);
  EXPECT_FALSE(router.match("GET", "/x").route->is_public);
}

TEST(ServerRouter, PercentDecodingRejectsMalformedEscapes) {
  EXPECT_EQ(percent_decode("a%20b"), "a b");
  EXPECT_FALSE(percent_decode("a%2"));
  EXPECT_FALSE(percent_decode("a%zz"));
}

}  // namespace
}  // namespace rasso::server
