// Every case-work endpoint end to end against the real `rasso serve` on a generated store: the
// lists and details, the worklist actions (an actioned item leaves its worklist), the review
// queue, users and audit, pseudonymisation for analysts and scrutiny users, the audit trail
// (verified by `rasso audit verify` afterwards), the OpenAPI document against the routes and
// real responses, static pages, metrics, and a graceful stop on SIGTERM.

#include <gtest/gtest.h>

#include <algorithm>

#include <set>

#include "support/openapi_check.h"
#include "support/server_test_fixture.h"

namespace rasso::testing_support {
namespace {

constexpr const char* kAsOf = "2025-09-30";

TEST(ServerApiCasework, EveryEndpointWithAuditAndGracefulStop) {
  TestWorkspace workspace;
  ServerTestStore store(workspace, 200);
  const std::string log = (workspace.root() / "server.log").string();
  ServerProcess server(store.serve_arguments(), log);
  ASSERT_TRUE(server.started());
  HttpTestClient anonymous = server.client();
  const auto document_response = anonymous.get("/api/v1/openapi.json");
  ASSERT_EQ(document_response.status, 200);
  const nlohmann::json document = document_response.json();
  OpenApiCheck api(document);

  api.check("GET", "/healthz", anonymous.get("/healthz"));
  const auto metrics = anonymous.get("/metrics");
  EXPECT_NE(metrics.body.find("rasso_http_requests_total"), std::string::npos);
  EXPECT_NE(metrics.body.find("rasso_snapshot_rows{table=\"crimes\"}"), std::string::npos);
  api.check("GET", "/metrics", metrics);
  api.check("GET", "/api/v1/openapi.json", document_response);
  const auto home = anonymous.get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("not built"), std::string::npos);
  EXPECT_EQ(home.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(anonymous.get("/../etc/passwd").status, 404);

  HttpTestClient ivy = server.client();
  const auto signed_in = ivy.sign_in("ivy", kTestPassword);
  api.check("POST", "/api/v1/session", signed_in);
  EXPECT_NE(signed_in.headers.at("set-cookie").find("HttpOnly"), std::string::npos);
  EXPECT_NE(signed_in.headers.at("set-cookie").find("SameSite=Strict"), std::string::npos);
  api.check("GET", "/api/v1/session", ivy.get("/api/v1/session"));

  // Crimes.
  const auto crimes = ivy.get("/api/v1/crimes?page_size=5", {{"X-Purpose", "test investigation"}});
  api.check("GET", "/api/v1/crimes", crimes);
  ASSERT_FALSE(crimes.json()["items"].empty());
  EXPECT_EQ(crimes.json()["page_size"], 5);
  EXPECT_EQ(ivy.get("/api/v1/crimes?page_size=501").error_code(), "invalid_input");
  EXPECT_EQ(ivy.get("/api/v1/crimes?from=2025-13-01").error_code(), "invalid_input");
  const std::string crime_ref = crimes.json()["items"][0]["crime_ref"].get<std::string>();
  const auto crime = ivy.get("/api/v1/crimes/" + url_encode(crime_ref));
  api.check("GET", "/api/v1/crimes/{crime_ref}", crime);
  EXPECT_EQ(ivy.get("/api/v1/crimes/NO-SUCH-CRIME").error_code(), "not_found");

  // Suspects and people.
  const auto suspects = ivy.get(std::string("/api/v1/suspects?as_of=") + kAsOf);
  api.check("GET", "/api/v1/suspects", suspects);
  ASSERT_FALSE(suspects.json()["items"].empty()) << suspects.body;
  const auto suspect = suspects.json()["items"][0];
  EXPECT_FALSE(suspect["pseudonymised"].get<bool>());
  const std::string person_id = "R" + std::to_string(suspect["resolved_id"].get<std::uint64_t>());
  const auto person = ivy.get("/api/v1/people/" + person_id, {{"X-Purpose", "suspect review"}});
  api.check("GET", "/api/v1/people/{resolved_id}", person);
  EXPECT_FALSE(person.json()["records"].empty());
  EXPECT_TRUE(person.json()["records"][0].contains("surname"));
  EXPECT_FALSE(person.json()["timeline"].empty());
  EXPECT_EQ(ivy.get("/api/v1/people/R999999999").error_code(), "not_found");

  // Worklists, and an action taking an item off its worklist.
  for (const char* kind : {"bail", "orders", "breaches", "s63g", "victims"}) {
    api.check("GET", "/api/v1/worklists/{kind}", ivy.get(std::string("/api/v1/worklists/") + kind + "?as_of=" + kAsOf));
  }
  EXPECT_EQ(ivy.get("/api/v1/worklists/nonsense").error_code(), "not_found");
  const auto victims = ivy.get(std::string("/api/v1/worklists/victims?page_size=500&as_of=") + kAsOf).json();
  std::string item_id, contact_crime, contact_person;
  for (const auto& item : victims["items"]) {
    if (item["kind"] == "victim_update_due" || item["kind"] == "victim_decision_update_due") {
      item_id = item["item_id"].get<std::string>();
      contact_crime = item["crime_ref"].get<std::string>();
      contact_person = item["person_ref"].get<std::string>();
      break;
    }
  }
  ASSERT_FALSE(item_id.empty()) << "no victim update due in the generated store";
  const auto bad_contact = ivy.post("/api/v1/victim-contacts", {{"crime_ref", contact_crime}, {"person_ref", contact_person},
                                                              {"contact_date", "2025-09-29"}, {"method", "pigeon"},
                                                              {"purpose", "update"}, {"as_of", kAsOf}});
  EXPECT_EQ(bad_contact.error_code(), "invalid_input");
  api.check("POST", "/api/v1/victim-contacts", bad_contact);
  const std::string purpose = item_id.rfind("victim_decision", 0) == 0 ? "decision" : "update";
  const auto contact = ivy.post("/api/v1/victim-contacts", {{"crime_ref", contact_crime}, {"person_ref", contact_person},
                                                          {"contact_date", "2025-09-29"}, {"method", "phone"},
                                                          {"purpose", purpose}, {"as_of", kAsOf}});
  api.check("POST", "/api/v1/victim-contacts", contact);
  ASSERT_EQ(contact.status, 201) << contact.body;
  const auto victims_after = ivy.get(std::string("/api/v1/worklists/victims?page_size=500&as_of=") + kAsOf).json();
  for (const auto& item : victims_after["items"]) EXPECT_NE(item["item_id"], item_id) << "the actioned item is still listed";

  const auto breaches = ivy.get(std::string("/api/v1/worklists/breaches?page_size=500&as_of=") + kAsOf).json();
  std::string breach_ref, breach_item;
  for (const auto& item : breaches["items"]) {
    if (item["kind"] == "breach_awaiting_response") {
      breach_ref = item["subject_ref"].get<std::string>();
      breach_item = item["item_id"].get<std::string>();
      break;
    }
  }
  if (!breach_ref.empty()) {
    const auto responded = ivy.post("/api/v1/breaches/" + url_encode(breach_ref) + "/response",
                                    {{"response_date", kAsOf}, {"response_type", "warning"}, {"as_of", kAsOf}});
    api.check("POST", "/api/v1/breaches/{breach_ref}/response", responded);
    EXPECT_EQ(responded.status, 201) << responded.body;
    const auto breaches_after = ivy.get(std::string("/api/v1/worklists/breaches?page_size=500&as_of=") + kAsOf);
    for (const auto& item : breaches_after.json()["items"]) {
      EXPECT_NE(item["item_id"], breach_item);
    }
  }
  const auto no_breach = ivy.post("/api/v1/breaches/NO-SUCH/response", {{"response_date", kAsOf}, {"response_type", "warning"}});
  EXPECT_EQ(no_breach.error_code(), "not_found");
  api.check("POST", "/api/v1/breaches/{breach_ref}/response", no_breach);
  const auto no_bail = ivy.post("/api/v1/bail/NO-SUCH/extension", {{"authorised_by", "INSP"}});
  EXPECT_EQ(no_bail.error_code(), "not_found");
  api.check("POST", "/api/v1/bail/{bail_ref}/extension", no_bail);
  const auto no_biometric = ivy.post("/api/v1/biometrics/NO-SUCH/decision", {{"decision", "pending"}});
  EXPECT_EQ(no_biometric.error_code(), "not_found");
  api.check("POST", "/api/v1/biometrics/{biometric_ref}/decision", no_biometric);
  const auto s63g = ivy.get(std::string("/api/v1/worklists/s63g?page_size=500&as_of=") + kAsOf).json();
  if (!s63g["items"].empty()) {
    const std::string biometric = s63g["items"][0]["subject_ref"].get<std::string>();
    const auto refused = ivy.post("/api/v1/biometrics/" + url_encode(biometric) + "/decision", {{"decision", "granted"}, {"as_of", kAsOf}});
    EXPECT_EQ(refused.error_code(), "invalid_input") << "granted needs an application first: " << refused.body;
    api.check("POST", "/api/v1/biometrics/{biometric_ref}/decision", refused);
  }
  const auto bail = ivy.get(std::string("/api/v1/worklists/bail?page_size=500&as_of=") + kAsOf).json();
  for (const auto& item : bail["items"]) {
    if (item["kind"] != "bail_expiring") continue;
    const auto extension = ivy.post("/api/v1/bail/" + url_encode(item["subject_ref"].get<std::string>()) + "/extension",
                                    {{"authorised_by", "PC"}, {"authorised_date", kAsOf}, {"end_date", "2025-12-31"}, {"as_of", kAsOf}});
    EXPECT_EQ(extension.error_code(), "invalid_input") << "a constable may not extend bail: " << extension.body;
    api.check("POST", "/api/v1/bail/{bail_ref}/extension", extension);
    break;
  }

  // Review queue.
  HttpTestClient sue = server.client();
  ASSERT_EQ(sue.sign_in("sue", kTestPassword).status, 200);
  const auto queue = sue.get("/api/v1/review-queue");
  api.check("GET", "/api/v1/review-queue", queue);
  const bool pair_to_decide = !queue.json()["items"].empty();
  if (pair_to_decide) {
    const auto pair = queue.json()["items"][0];
    const auto decided = sue.post("/api/v1/review-queue/decisions", {{"person_ref_a", pair["person_ref_a"]},
                                                                     {"person_ref_b", pair["person_ref_b"]},
                                                                     {"decision", "different"},
                                                                     {"reason", "different dates of birth"}});
    api.check("POST", "/api/v1/review-queue/decisions", decided);
    EXPECT_EQ(decided.status, 201) << decided.body;
  }
  const auto bad_decision = sue.post("/api/v1/review-queue/decisions", {{"person_ref_a", "A"}, {"person_ref_b", "B"}, {"decision", "maybe"}});
  EXPECT_EQ(bad_decision.error_code(), "invalid_input");
  api.check("POST", "/api/v1/review-queue/decisions", bad_decision);

  // Pseudonymisation: analysts and scrutiny users never see a surname of the store.
  const auto surnames = surnames_in_store(workspace);
  ASSERT_GT(surnames.size(), 20u);
  for (const char* name : {"ann", "scott"}) {
    HttpTestClient viewer = server.client();
    ASSERT_EQ(viewer.sign_in(name, kTestPassword).status, 200);
    EXPECT_FALSE(viewer.get("/api/v1/session").json()["user"]["sees_names"].get<bool>());
    const auto seen_person = viewer.get("/api/v1/people/" + person_id);
    ASSERT_EQ(seen_person.status, 200) << seen_person.body;
    EXPECT_TRUE(seen_person.json()["pseudonymised"].get<bool>());
    EXPECT_EQ(seen_person.json()["display_name"].get<std::string>().rfind("Person P-", 0), 0u);
    for (const auto& record : seen_person.json()["records"]) {
      EXPECT_FALSE(record.contains("dob"));
      EXPECT_FALSE(record.contains("postcode"));
      EXPECT_FALSE(record.contains("pnc_id"));
      EXPECT_TRUE(record.contains("age_band"));
    }
    expect_no_surname(seen_person.body, surnames, std::string(name) + " person view");
    const auto seen_crimes = viewer.get("/api/v1/crimes?page_size=50");
    for (const auto& item : seen_crimes.json()["items"]) {
      const auto detail = viewer.get("/api/v1/crimes/" + url_encode(item["crime_ref"].get<std::string>()));
      ASSERT_EQ(detail.status, 200);
      expect_no_surname(detail.body, surnames, std::string(name) + " crime view");
    }
    if (std::string(name) == "ann") {
      const auto seen_suspects = viewer.get(std::string("/api/v1/suspects?as_of=") + kAsOf);
      expect_no_surname(seen_suspects.body, surnames, "analyst suspects");
      EXPECT_EQ(seen_suspects.json()["items"][0]["display_name"], seen_person.json()["display_name"]) << "one pseudonym per person";
      for (const char* kind : {"bail", "victims", "breaches"}) {
        expect_no_surname(viewer.get(std::string("/api/v1/worklists/") + kind + "?page_size=500&as_of=" + kAsOf).body, surnames,
                          "analyst worklist");
      }
    }
  }

  // Users and audit (administrator).
  HttpTestClient admin = server.client();
  ASSERT_EQ(admin.sign_in("admin", kTestPassword).status, 200);
  api.check("GET", "/api/v1/users", admin.get("/api/v1/users"));
  const auto added = admin.post("/api/v1/users", {{"username", "newbie"}, {"password", "long enough password"},
                                                 {"roles", {"investigator"}}, {"force_code", "WD"}});
  api.check("POST", "/api/v1/users", added);
  EXPECT_EQ(added.status, 201) << added.body;
  const auto duplicate = admin.post("/api/v1/users", {{"username", "newbie"}, {"password", "long enough password"},
                                                     {"roles", {"investigator"}}, {"force_code", "WD"}});
  EXPECT_EQ(duplicate.error_code(), "conflict");
  api.check("POST", "/api/v1/users", duplicate);
  EXPECT_EQ(admin.post("/api/v1/users", {{"username", "x y"}, {"password", "p"}, {"roles", {"king"}}, {"force_code", "WD"}}).error_code(),
            "invalid_input");
  const auto reset = admin.post("/api/v1/users/newbie/reset-password", {{"password", "another long password"}});
  api.check("POST", "/api/v1/users/{username}/reset-password", reset);
  const auto disabled = admin.post("/api/v1/users/newbie/disable", nlohmann::json::object());
  api.check("POST", "/api/v1/users/{username}/disable", disabled);
  EXPECT_EQ(admin.post("/api/v1/users/ghost/disable", nlohmann::json::object()).error_code(), "not_found");

  const auto audit = admin.get("/api/v1/audit?actor=ivy&limit=1000");
  api.check("GET", "/api/v1/audit", audit);
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::set<std::string> actions, processing;
  bool purpose_recorded = false;
  for (const auto& event : audit.json()["items"]) {
    actions.insert(event["action"].get<std::string>());
    processing.insert(event["processing"].get<std::string>());
    purpose_recorded = purpose_recorded || event["purpose"] == "suspect review";
  }
  for (const char* action : {"crimes.search", "crime.view", "suspects.list", "person.view", "worklist.view", "victim.contact"}) {
    EXPECT_TRUE(actions.contains(action)) << "no audit event " << action;
  }
  EXPECT_TRUE(purpose_recorded) << "X-Purpose is the audit purpose";
  const auto person_events = admin.get("/api/v1/audit?subject_id=" + person_id + "&action=person.view").json();
  EXPECT_GE(person_events["items"].size(), 3u) << "ivy, ann and scott each viewed the person";
  std::set<std::string> all_processing;
  const auto all_events = admin.get("/api/v1/audit?limit=1000");
  for (const auto& event : all_events.json()["items"]) {
    all_processing.insert(event["processing"].get<std::string>());
  }
  for (const char* kind : {"collection", "alteration", "consultation", "erasure"}) {
    EXPECT_TRUE(all_processing.contains(kind)) << "no " << kind << " event";
  }
  EXPECT_EQ(all_processing.contains("combination"), pair_to_decide) << "a review decision is a combination event";

  api.check("DELETE", "/api/v1/session", ivy.request("DELETE", "/api/v1/session", {}, {{"X-CSRF-Token", ivy.csrf()}}));

  // The OpenAPI document lists exactly the server's routes (the 404 of an unknown path proves
  // nothing about it; every documented route was called above).
  std::set<std::string> documented;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(upper + " " + path);
    }
  }
  // Workforce and governance routes are exercised by governance_api_test, the analysis routes
  // (KPIs, reports, exports) by analysis_api_test; this test covers every other one.
  std::set<std::string> casework;
  for (const std::string& route : documented) {
    const bool elsewhere = std::ranges::any_of(
        std::vector<std::string>{"/api/v1/training", "/api/v1/worklists/training", "/api/v1/caseloads",
                                 "/api/v1/wellbeing", "/api/v1/recommendations", "/api/v1/scrutiny", "/api/v1/kpis",
                                 "/api/v1/reports", "/api/v1/exports"},
        [&](const std::string& prefix) { return route.find(" " + prefix) != std::string::npos; });
    if (!elsewhere) casework.insert(route);
  }
  EXPECT_EQ(casework, api.covered()) << "every casework route is exercised, and only those";
  const auto log_metrics = anonymous.get("/metrics").body;
  EXPECT_NE(log_metrics.find("route=\"/api/v1/worklists/{kind}\""), std::string::npos);

  // Graceful stop: exit 0, then the audit chain verifies.
  EXPECT_EQ(server.terminate(), 0);
  const auto verified = run_rasso("audit verify --db " + workspace.store_path().string());
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  // No personal data in the logs: the request lines carry routes, not names.
  const std::string log_text = read_file(log);
  EXPECT_NE(log_text.find("\"msg\":\"request\""), std::string::npos);
  expect_no_surname(log_text, surnames, "the server log");
}

}  // namespace
}  // namespace rasso::testing_support
