// The server's denials, end to end against the real `rasso serve`: no session, an expired
// session, the wrong role, the wrong force or unit, a missing or wrong CSRF token, another
// user's session, lockout after failed sign-ins (kept across a restart, cleared by a reset) and
// the sign-in rate limit.

#include <gtest/gtest.h>

#include <thread>

#include "support/server_test_fixture.h"

namespace rasso::testing_support {
namespace {

// A crime of force `force` (and, when given, unit `unit`) as seen by a force-wide user.
std::string crime_of(HttpTestClient& client, const std::string& unit = {}) {
  const auto list = client.get("/api/v1/crimes?page_size=1" + (unit.empty() ? std::string() : "&unit=" + unit)).json();
  return list["items"].empty() ? std::string() : list["items"][0]["crime_ref"].get<std::string>();
}

TEST(ServerApiAccess, EveryDenial) {
  TestWorkspace workspace;
  ServerTestStore store(workspace, 150, "[sessions]\nidle_timeout_seconds = 2\n");
  ServerProcess server(store.serve_arguments());
  ASSERT_TRUE(server.started());

  // No session.
  HttpTestClient anonymous = server.client();
  auto response = anonymous.get("/api/v1/crimes");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.error_code(), "unauthenticated");
  EXPECT_FALSE(response.json()["error"]["correlation_id"].get<std::string>().empty());
  EXPECT_EQ(anonymous.get("/api/v1/session").status, 401);
  EXPECT_EQ(anonymous.get("/api/v1/worklists/bail").status, 401);
  // A made-up session id.
  anonymous.set_cookie(std::string(64, 'a'));
  EXPECT_EQ(anonymous.get("/api/v1/crimes").error_code(), "unauthenticated");

  // Wrong credentials.
  HttpTestClient ivy = server.client();
  EXPECT_EQ(ivy.sign_in("ivy", "wrong password").error_code(), "invalid_credentials");
  EXPECT_EQ(ivy.sign_in("nobody", "wrong password").error_code(), "invalid_credentials");
  ASSERT_EQ(ivy.sign_in("ivy", kTestPassword).status, 200);
  const auto session = ivy.get("/api/v1/session");
  ASSERT_EQ(session.status, 200);
  EXPECT_EQ(session.json()["user"]["force_code"], "WD");
  EXPECT_TRUE(session.json()["user"]["sees_names"].get<bool>());
  EXPECT_NE(session.headers.at("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_NE(session.headers.at("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(session.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(session.headers.at("referrer-policy"), "no-referrer");
  EXPECT_EQ(session.headers.at("cache-control"), "no-store");

  // Wrong role: an investigator may not manage users or read the audit log; an analyst may
  // not record actions; an administrator may not read case work.
  EXPECT_EQ(ivy.get("/api/v1/users").error_code(), "forbidden");
  EXPECT_EQ(ivy.get("/api/v1/audit").error_code(), "forbidden");
  HttpTestClient ann = server.client();
  ASSERT_EQ(ann.sign_in("ann", kTestPassword).status, 200);
  EXPECT_EQ(ann.post("/api/v1/victim-contacts", {{"crime_ref", "X"}}).error_code(), "forbidden");
  EXPECT_EQ(ann.get("/api/v1/review-queue").error_code(), "forbidden");
  HttpTestClient admin = server.client();
  ASSERT_EQ(admin.sign_in("admin", kTestPassword).status, 200);
  EXPECT_EQ(admin.get("/api/v1/crimes").error_code(), "forbidden");

  // Wrong force: a WM investigator sees no WD crime, person or action target.
  const std::string wd_crime = crime_of(ivy);
  ASSERT_FALSE(wd_crime.empty());
  HttpTestClient walt = server.client();
  ASSERT_EQ(walt.sign_in("walt", kTestPassword).status, 200);
  EXPECT_EQ(walt.get("/api/v1/crimes/" + url_encode(wd_crime)).error_code(), "forbidden");
  const auto wd_detail = ivy.get("/api/v1/crimes/" + url_encode(wd_crime)).json();
  ASSERT_FALSE(wd_detail["people"].empty());
  const std::string wd_person = wd_detail["people"][0]["person_ref"].get<std::string>();
  EXPECT_EQ(walt.get("/api/v1/people/" + wd_person).error_code(), "forbidden");
  EXPECT_EQ(walt.post("/api/v1/victim-contacts", {{"crime_ref", wd_crime}, {"person_ref", wd_person}}).error_code(), "forbidden");
  const auto walt_crimes = walt.get("/api/v1/crimes?page_size=500");
  for (const auto& item : walt_crimes.json()["items"]) EXPECT_EQ(item["force_code"], "WM");
  const auto walt_bail = walt.get("/api/v1/worklists/bail?as_of=2025-09-30&page_size=500");
  for (const auto& item : walt_bail.json()["items"]) {
    EXPECT_EQ(item["owner"]["force_code"], "WM");
  }

  // Wrong unit: a unit-scoped investigator sees only that unit's crimes.
  HttpTestClient una = server.client();
  ASSERT_EQ(una.sign_in("una", kTestPassword).status, 200);
  const auto una_crimes = una.get("/api/v1/crimes?page_size=500").json();
  for (const auto& item : una_crimes["items"]) EXPECT_EQ(item["unit_ref"], store.unit());
  const auto all_wd = ivy.get("/api/v1/crimes?page_size=500").json();
  std::string other_unit_crime;
  for (const auto& item : all_wd["items"]) {
    if (item["unit_ref"] != store.unit()) other_unit_crime = item["crime_ref"].get<std::string>();
  }
  ASSERT_FALSE(other_unit_crime.empty());
  EXPECT_LT(una_crimes["total"].get<int>(), all_wd["total"].get<int>());
  EXPECT_EQ(una.get("/api/v1/crimes/" + url_encode(other_unit_crime)).error_code(), "forbidden");

  // CSRF: missing and wrong tokens on a state-changing request.
  const nlohmann::json contact = {{"crime_ref", wd_crime}, {"person_ref", wd_person}, {"contact_date", "2025-09-01"},
                                  {"method", "phone"}, {"purpose", "update"}};
  auto missing = ivy.request("POST", "/api/v1/victim-contacts", contact.dump());
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.error_code(), "csrf_missing");
  auto wrong = ivy.request("POST", "/api/v1/victim-contacts", contact.dump(), {{"X-CSRF-Token", std::string(64, '0')}});
  EXPECT_EQ(wrong.error_code(), "csrf_invalid");
  // Another user's token with one's own session is refused too.
  auto crossed = ivy.request("POST", "/api/v1/victim-contacts", contact.dump(), {{"X-CSRF-Token", walt.csrf()}});
  EXPECT_EQ(crossed.error_code(), "csrf_invalid");
  EXPECT_EQ(ivy.request("DELETE", "/api/v1/session").error_code(), "csrf_missing");

  // Another user's object: a session of another user does not carry over; signing out ends it.
  HttpTestClient thief = server.client();
  thief.set_cookie(walt.cookie());
  EXPECT_EQ(thief.get("/api/v1/crimes/" + url_encode(wd_crime)).error_code(), "forbidden") << "walt's session is still walt";
  EXPECT_EQ(walt.request("DELETE", "/api/v1/session", {}, {{"X-CSRF-Token", walt.csrf()}}).status, 200);
  EXPECT_EQ(thief.get("/api/v1/crimes").error_code(), "unauthenticated");

  // Expired session (idle timeout 2 s in this configuration).
  std::this_thread::sleep_for(std::chrono::milliseconds(2300));
  EXPECT_EQ(ivy.get("/api/v1/crimes").error_code(), "session_expired");

  // A disabled user is signed out and cannot sign in.
  ASSERT_EQ(admin.sign_in("admin", kTestPassword).status, 200);
  ASSERT_EQ(ann.sign_in("ann", kTestPassword).status, 200);
  EXPECT_EQ(admin.post("/api/v1/users/ann/disable", nlohmann::json::object()).status, 200);
  EXPECT_EQ(ann.get("/api/v1/crimes").error_code(), "unauthenticated");
  EXPECT_EQ(ann.sign_in("ann", kTestPassword).error_code(), "invalid_credentials");
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServerApiAccess, LockoutSurvivesARestartAndAResetUnlocks) {
  TestWorkspace workspace;
  ServerTestStore store(workspace, 60);
  {
    ServerProcess server(store.serve_arguments());
    ASSERT_TRUE(server.started());
    HttpTestClient sue = server.client();
    EXPECT_EQ(sue.sign_in("sue", "bad one").error_code(), "invalid_credentials");
    EXPECT_EQ(sue.sign_in("sue", "bad two").error_code(), "invalid_credentials");
    const auto third = sue.sign_in("sue", "bad three");
    EXPECT_EQ(third.status, 423);
    EXPECT_EQ(third.error_code(), "account_locked");
    EXPECT_EQ(sue.sign_in("sue", kTestPassword).error_code(), "account_locked") << "locked even with the right password";
    EXPECT_EQ(server.terminate(), 0);
  }
  ServerProcess restarted(store.serve_arguments());
  ASSERT_TRUE(restarted.started());
  HttpTestClient sue = restarted.client();
  EXPECT_EQ(sue.sign_in("sue", kTestPassword).error_code(), "account_locked") << "the lockout is stored";
  HttpTestClient admin = restarted.client();
  ASSERT_EQ(admin.sign_in("admin", kTestPassword).status, 200);
  const auto users = admin.get("/api/v1/users").json();
  bool listed_locked = false;
  for (const auto& user : users["items"]) listed_locked = listed_locked || (user["username"] == "sue" && user["locked"] == true);
  EXPECT_TRUE(listed_locked);
  EXPECT_EQ(admin.post("/api/v1/users/sue/reset-password", {{"password", "a new long password"}}).status, 200);
  EXPECT_EQ(sue.sign_in("sue", "a new long password").status, 200);
  EXPECT_EQ(restarted.terminate(), 0);
}

TEST(ServerApiAccess, SignInIsRateLimited) {
  TestWorkspace workspace;
  ServerTestStore store(workspace, 40, "");
  // A tighter limit than the fixture's: rewrite the configuration before starting.
  write_file(store.config(), "[security]\nargon2_ops_limit = 1\nargon2_mem_limit_kib = 64\nlockout_after_failures = 0\n"
                             "login_attempts_per_user = 3\nlogin_attempts_per_address = 5\n");
  ServerProcess server(store.serve_arguments());
  ASSERT_TRUE(server.started());
  HttpTestClient client = server.client();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client.sign_in("ivy", "wrong").error_code(), "invalid_credentials");
  const auto limited = client.sign_in("ivy", kTestPassword);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.error_code(), "rate_limited");
  // Per address: other names from the same address are limited too once it reaches its limit.
  EXPECT_EQ(client.sign_in("sue", kTestPassword).status, 200);
  EXPECT_EQ(client.sign_in("olly", "wrong").error_code(), "rate_limited");
  EXPECT_EQ(server.terminate(), 0);
}

}  // namespace
}  // namespace rasso::testing_support
