// The governance API against the real `rasso serve`: training compliance and the training
// worklist in the user's scope, the recommendations tracker driven to closure by a supervisor
// while a scrutiny user can read it but change nothing, and a scrutiny sample whose summaries
// show no name or reference to anyone, with findings only the police side may record.

#include <gtest/gtest.h>

#include <regex>

#include "support/server_test_fixture.h"

namespace rasso::testing_support {
namespace {

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
  EXPECT_EQ(admin.post("/api/v1/training/courses/ABE", {{"required_for", nlohmann::json::array({"detective"})}}).error_code(), "invalid_input");

  // Recommendations: scrutiny reads, never writes.
  const std::string rec = "/api/v1/recommendations/HMICFRS-2024-03";
  const auto listed = scott.get("/api/v1/recommendations?for_forces=true");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json()["total"], 5);
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
  // Another force's supervisor does not see the sample.
  store.add_user("wes", "supervisor", "WM");
  HttpTestClient wes = server.client();
  ASSERT_EQ(wes.sign_in("wes", kTestPassword).status, 200);
  EXPECT_EQ(wes.get(sample).error_code(), "not_found");
}

}  // namespace
}  // namespace rasso::testing_support
