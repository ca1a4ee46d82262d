// The governance API against the real `rasso serve`: training compliance and the training
// worklist in the user's scope, the recommendations tracker driven to closure by a supervisor
// while a scrutiny user can read it but change nothing, and a scrutiny sample whose summaries
// show no name or reference to anyone, with findings only the police side may record.

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>

#include "support/server_test_fixture.h"

namespace rasso::testing_support {
namespace {

// The ids GET /api/v1/recommendations?overdue=true lists on `as_of` (checking it echoes as_of).
std::set<std::string> overdue_by_api(HttpTestClient& client, const std::string& as_of) {
  const HttpResult listed = client.get("/api/v1/recommendations?overdue=true&page_size=500&as_of=" + as_of);
  EXPECT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json()["as_of"], as_of);
  std::set<std::string> ids;
  for (const auto& item : listed.json()["items"]) {
    EXPECT_TRUE(item["overdue"].get<bool>() || item["overdue_actions"].get<int>() > 0) << item.dump();
    ids.insert(item["id"].get<std::string>());
  }
  EXPECT_EQ(listed.json()["total"], ids.size());
  return ids;
}

// The ids of the recommendations `rasso recommendations overdue` lists, or lists an action of.
std::set<std::string> overdue_by_cli(const TestWorkspace& workspace, const std::string& as_of) {
  const CommandResult result =
      run_rasso("recommendations overdue --json --as-of " + as_of + " --db " + workspace.store_path().string(), false);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  const nlohmann::json listed = nlohmann::json::parse(result.output, nullptr, false);
  std::set<std::string> ids;
  for (const auto& item : listed["items"]) ids.insert(item["id"].get<std::string>());
  return ids;
}

std::string utc_today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return CivilDate::from_days(static_cast<std::int32_t>(days.time_since_epoch().count())).to_iso();
}

TEST(GovernanceApi, WorkforceRecommendationsAndScrutinyWithRoles) {
  TestWorkspace workspace;
  ServerTestStore store(workspace, 200);
  ASSERT_EQ(run_rasso("recommendations import --db " + workspace.store_path().string()).exit_code, 0);
  ServerProcess server(store.serve_arguments());
  ASSERT_TRUE(server.started());
  HttpTestClient sue = server.client();
  ASSERT_EQ(sue.sign_in("sue", kTestPassword).status, 200);
  HttpTestClient scott = server.client();
  ASSERT_EQ(scott.sign_in("scott", kTestPassword).status, 200);
  HttpTestClient ivy = server.client();
  ASSERT_EQ(ivy.sign_in("ivy", kTestPassword).status, 200);
  HttpTestClient admin = server.client();
  ASSERT_EQ(admin.sign_in("admin", kTestPassword).status, 200);

  // Training: compliance for WD only; the literal worklist route beside worklists/{kind}.
  const auto compliance = sue.get("/api/v1/training/compliance?as_of=2025-09-30&by=officer");
  ASSERT_EQ(compliance.status, 200) << compliance.body;
  ASSERT_FALSE(compliance.json()["items"].empty());
  for (const auto& item : compliance.json()["items"]) EXPECT_EQ(item["key"].get<std::string>().rfind("WD-", 0), 0u);
  const auto worklist = ivy.get("/api/v1/worklists/training?as_of=2025-09-30&page_size=500");
  ASSERT_EQ(worklist.status, 200) << worklist.body;
  for (const auto& item : worklist.json()["items"]) EXPECT_EQ(item["owner"]["force_code"], "WD");
  EXPECT_EQ(scott.get("/api/v1/training/compliance").error_code(), "forbidden");
  EXPECT_EQ(sue.get("/api/v1/caseloads?as_of=2025-09-30&months=3").status, 200);
  EXPECT_EQ(sue.post("/api/v1/training/courses/ABE", {{"renewal_months", 24}}).error_code(), "forbidden");
  const auto changed = admin.post("/api/v1/training/courses/ABE", {{"renewal_months", 24}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["course"]["version"], 2);
  // Every version of the course, oldest first, for anyone who may read the catalogue.
  const auto history = sue.get("/api/v1/training/courses/abe/history");
  ASSERT_EQ(history.status, 200) << history.body;
  ASSERT_EQ(history.json()["total"], 2);
  EXPECT_EQ(history.json()["items"][0]["version"], 1);
  EXPECT_EQ(history.json()["items"][1]["version"], 2);
  EXPECT_EQ(history.json()["items"][1]["renewal_months"], 24);
  EXPECT_EQ(history.json()["items"][1]["changed_by"], "admin");
  EXPECT_EQ(sue.get("/api/v1/training/courses/NO_SUCH_COURSE/history").error_code(), "not_found");
  EXPECT_EQ(scott.get("/api/v1/training/courses/ABE/history").error_code(), "forbidden");
  EXPECT_EQ(admin.post("/api/v1/training/courses/ABE", {{"required_for", nlohmann::json::array({"detective"})}}).error_code(), "invalid_input");

  // Recommendations: scrutiny reads, never writes.
  const std::string rec = "/api/v1/recommendations/HMICFRS-2024-03";
  const auto listed = scott.get("/api/v1/recommendations?for_forces=true");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json()["total"], 5);

  // Overdue on a date, by the rule of `rasso recommendations overdue`: due on day D, overdue from
  // D+1; a recommendation not yet due is listed when one of its actions is overdue.
  EXPECT_EQ(overdue_by_api(scott, "2025-01-31"), (std::set<std::string>{"HMICFRS-2024-01", "HMICFRS-2024-14"}));
  EXPECT_EQ(overdue_by_api(scott, "2025-01-31"), overdue_by_cli(workspace, "2025-01-31"));
  EXPECT_EQ(overdue_by_api(scott, "2025-02-01").size(), 9u);
  const std::string not_yet_due = "/api/v1/recommendations/HMICFRS-2024-08";  // due 2025-11-30
  EXPECT_FALSE(overdue_by_api(scott, "2025-09-30").contains("HMICFRS-2024-08"));
  ASSERT_EQ(sue.post(not_yet_due + "/owner", {{"owner", "ACC Crime"}}).status, 200);
  ASSERT_EQ(sue.post(not_yet_due + "/actions", {{"description", "Orders tracker"}, {"owner", "DI Orders"}, {"due_date", "2025-06-30"}})
                .status,
            201);
  EXPECT_TRUE(overdue_by_api(scott, "2025-09-30").contains("HMICFRS-2024-08"));
  EXPECT_FALSE(overdue_by_api(scott, "2025-06-30").contains("HMICFRS-2024-08"));
  EXPECT_EQ(overdue_by_api(scott, "2025-09-30"), overdue_by_cli(workspace, "2025-09-30"));
  const HttpResult all_on = scott.get("/api/v1/recommendations?page_size=500&as_of=2025-09-30");
  EXPECT_EQ(all_on.json()["total"], 14) << "without overdue=true every recommendation is listed";
  for (const auto& item : all_on.json()["items"]) {
    if (item["id"] == "HMICFRS-2024-08") {
      EXPECT_EQ(item["overdue"], false);
      EXPECT_EQ(item["overdue_actions"], 1);
    }
    if (item["id"] == "HMICFRS-2024-01") {
      EXPECT_EQ(item["overdue"], true);
      EXPECT_EQ(item["days_overdue"], 304);  // 2024-11-30 to 2025-09-30
    }
  }
  const std::string before = utc_today();
  const HttpResult today = scott.get("/api/v1/recommendations?overdue=true");
  ASSERT_EQ(today.status, 200) << today.body;
  EXPECT_TRUE(today.json()["as_of"] == before || today.json()["as_of"] == utc_today()) << "as_of defaults to the server's today";
  EXPECT_EQ(scott.get("/api/v1/recommendations?overdue=maybe").error_code(), "invalid_input");
  EXPECT_EQ(scott.get("/api/v1/recommendations?as_of=2025-02-30").error_code(), "invalid_input");
  EXPECT_EQ(scott.get(rec).json()["can_edit"], false);
  EXPECT_EQ(scott.post(rec + "/owner", {{"owner", "Commissioner"}}).error_code(), "forbidden");
  EXPECT_EQ(scott.post(rec + "/actions", {{"description", "x"}, {"owner", "y"}, {"due_date", "2025-01-31"}}).error_code(), "forbidden");
  EXPECT_EQ(scott.post(rec + "/status", {{"status", "closed"}, {"note", "x"}}).error_code(), "forbidden");
  EXPECT_EQ(sue.post(rec + "/status", {{"status", "in_progress"}}).error_code(), "invalid_input");  // no owner yet
  ASSERT_EQ(sue.post(rec + "/owner", {{"owner", "ACC Public Protection"}}).status, 200);
  const auto action = sue.post(rec + "/actions", {{"description", "Word-on-word training for all"}, {"owner", "DCI Training"},
                                                  {"due_date", "2025-01-31"}});
  ASSERT_EQ(action.status, 201) << action.body;
  const std::string action_path = rec + "/actions/" + std::to_string(action.json()["action_id"].get<int>());
  ASSERT_EQ(sue.post(rec + "/status", {{"status", "in_progress"}}).status, 200);
  ASSERT_EQ(sue.post(rec + "/evidence", {{"description", "Training log"}, {"reference", "PPU/1"}}).status, 201);
  ASSERT_EQ(sue.post(rec + "/status", {{"status", "evidence_submitted"}}).status, 200);
  EXPECT_EQ(sue.post(rec + "/status", {{"status", "closed"}, {"note", "Met"}}).error_code(), "invalid_input");  // action open
  EXPECT_EQ(sue.post(action_path, {{"status", "closed"}}).error_code(), "invalid_input");                     // no note
  ASSERT_EQ(sue.post(action_path, {{"status", "closed"}, {"note", "All trained"}}).status, 200);
  const auto closed = sue.post(rec + "/status", {{"status", "closed"}, {"note", "Met: all staff trained"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["recommendation"]["status"], "closed");
  EXPECT_EQ(sue.post(rec + "/actions", {{"description", "more"}, {"owner", "y"}, {"due_date", "2025-03-31"}}).error_code(), "conflict");
  const auto seen = scott.get(rec).json();
  EXPECT_EQ(seen["status"], "closed");
  EXPECT_EQ(seen["history"].size(), 8u);
  EXPECT_FALSE(overdue_by_api(scott, "2025-09-30").contains("HMICFRS-2024-03")) << "a closed recommendation is never overdue";

  // Scrutiny samples: drawn by the police side, read pseudonymised by the commissioner's staff.
  EXPECT_EQ(scott.post("/api/v1/scrutiny/samples", {{"from", "2021-01-01"}, {"to", "2025-09-30"}, {"seed", 5}}).error_code(),
            "forbidden");
  const auto drawn = sue.post("/api/v1/scrutiny/samples",
                              {{"from", "2021-01-01"}, {"to", "2025-09-30"}, {"seed", 5}, {"sizes", {{"size", 12}}}});
  ASSERT_EQ(drawn.status, 201) << drawn.body;
  const std::string sample = "/api/v1/scrutiny/samples/" + std::to_string(drawn.json()["sample"]["sample_id"].get<int>());
  const auto as_scrutiny = scott.get(sample);
  ASSERT_EQ(as_scrutiny.status, 200) << as_scrutiny.body;
  ASSERT_EQ(as_scrutiny.json()["cases"].size(), 12u);
  EXPECT_EQ(as_scrutiny.json()["can_record_findings"], false);
  EXPECT_EQ(scott.get(sample + "?with_references=true").error_code(), "forbidden");
  const auto references = sue.get(sample + "?with_references=true").json();
  const std::string summaries = as_scrutiny.json()["cases"].dump();
  for (const auto& entry : references["cases"]) {
    const std::string crime_ref = entry["crime_ref"].get<std::string>();
    EXPECT_EQ(summaries.find(crime_ref), std::string::npos) << crime_ref;
    // Nobody involved in the case is named, nor their date of birth or postcode given.
    const auto crime = ivy.get("/api/v1/crimes/" + url_encode(crime_ref)).json();
    for (const auto& person : crime["people"]) {
      EXPECT_EQ(summaries.find(person["person_ref"].get<std::string>()), std::string::npos);
      const auto detail = ivy.get("/api/v1/people/" + std::to_string(person["resolved_id"].get<std::uint64_t>())).json();
      for (const auto& record : detail["records"]) {
        for (const char* field : {"forename", "surname"}) {
          const std::string name = record.value(field, "");
          if (name.size() >= 3) {
            EXPECT_FALSE(std::regex_search(summaries, std::regex("\\b" + name + "\\b"))) << name;
          }
        }
        for (const char* field : {"dob", "postcode"}) {
          const std::string value = record.value(field, "");
          if (!value.empty()) {
            EXPECT_EQ(summaries.find(value), std::string::npos) << value;
          }
        }
      }
    }
  }
  EXPECT_FALSE(std::regex_search(summaries, std::regex("\\d{4}-\\d{2}-\\d{2}")));
  EXPECT_EQ(scott.post(sample + "/findings", {{"case_number", 1}, {"panel_date", "2025-10-01"}, {"decision", "appropriate"}})
                .error_code(),
            "forbidden");
  EXPECT_EQ(sue.post(sample + "/findings", {{"case_number", 1}, {"panel_date", "2025-10-01"}, {"decision", "fine"}}).error_code(),
            "invalid_input");
  ASSERT_EQ(sue.post(sample + "/findings", {{"case_number", 1}, {"panel_date", "2025-10-01"}, {"decision", "inappropriate"},
                                            {"themes", nlohmann::json::array({"victim_care"})}, {"learning", "Explain NFA in person"}})
                .status,
            201);
  const auto themes = scott.get("/api/v1/scrutiny/themes").json();
  EXPECT_EQ(themes["cases"], 1);
  EXPECT_EQ(themes["decisions"]["inappropriate"], 1);
  // A panel revisiting the case supersedes its finding; the sample still shows the earlier one.
  ASSERT_EQ(sue.post(sample + "/findings", {{"case_number", 1}, {"panel_date", "2025-11-05"}, {"decision", "appropriate_with_learning"}})
                .status,
            201);
  const auto revisited = scott.get(sample);
  ASSERT_EQ(revisited.status, 200) << revisited.body;
  const auto& case_one = revisited.json()["cases"][0];
  EXPECT_EQ(case_one["finding"]["decision"], "appropriate_with_learning");
  ASSERT_EQ(case_one["earlier_findings"].size(), 1u);
  EXPECT_EQ(case_one["earlier_findings"][0]["decision"], "inappropriate");
  EXPECT_EQ(case_one["earlier_findings"][0]["learning"], "Explain NFA in person");
  EXPECT_TRUE(revisited.json()["cases"][1]["earlier_findings"].empty());
  const auto themes_after = scott.get("/api/v1/scrutiny/themes").json();
  EXPECT_EQ(themes_after["cases"], 1);
  EXPECT_EQ(themes_after["decisions"]["appropriate_with_learning"], 1);
  // Another force's supervisor does not see the sample.
  store.add_user("wes", "supervisor", "WM");
  HttpTestClient wes = server.client();
  ASSERT_EQ(wes.sign_in("wes", kTestPassword).status, 200);
  EXPECT_EQ(wes.get(sample).error_code(), "not_found");
}

}  // namespace
}  // namespace rasso::testing_support
