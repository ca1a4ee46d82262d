// The analysis endpoints against the real `rasso serve` on a generated two-force store: the NOM
// flight deck and its series (/api/v1/kpis, /kpis/series), the problem profile report and every
// export. Each documented operation is called with no session (401) and by every role (the roles
// it documents succeed, the others get 403 forbidden), its answers checked against the OpenAPI
// document, and each successful call leaves one audit event of the right action. The figures are
// checked against the store itself: a user sees their own force (or unit) only, and counts of 1-4
// show as "<5". Exports show analysts pseudonyms where a supervisor sees names, are never
// evaluated as formulas by a spreadsheet, and the recommendations tracker export is the same file
// as `rasso recommendations export`.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/civil_date.h"
#include "support/openapi_check.h"
#include "support/server_test_fixture.h"

namespace rasso::testing_support {
namespace {

constexpr const char* kAsOf = "2025-09-30";
constexpr const char* kPurpose = "analysis api test";

CivilDate date(const char* iso) { return *CivilDate::parse_iso(iso); }

// The demo user of each role (server_test_fixture.h), all in force WD.
const std::map<std::string, std::string>& user_of_role() {
  static const std::map<std::string, std::string> users = {{"investigator", "ivy"}, {"supervisor", "sue"},
                                                           {"analyst", "ann"},      {"offender_manager", "olly"},
                                                           {"scrutiny", "scott"},   {"administrator", "admin"}};
  return users;
}

// ---- The store's own view of the crimes, to check the server's figures against.

struct StoredCrime {
  std::string force_code;
  std::string unit_ref;
  CivilDate reported = CivilDate::from_days(0);
};

std::map<std::string, StoredCrime> crimes_in_store(const TestWorkspace& workspace) {
  auto store = open_sqlite_store(workspace.store_path());
  const EntitySpec& spec = entity_spec(Entity::Crimes);
  const auto ref = *spec.index_of("crime_ref"), force = *spec.index_of("force_code"), unit = *spec.index_of("unit_ref"),
             reported = *spec.index_of("reported_date");
  std::map<std::string, StoredCrime> crimes;
  const auto rows = (*store)->rows(Entity::Crimes);  // kept alive: never range over a temporary
  for (const auto& row : *rows) crimes.emplace(row[ref], StoredCrime{row[force], row[unit], *CivilDate::parse_iso(row[reported])});
  return crimes;
}

// Crimes of `force` (and `unit`, unless empty) reported from `from` to `to`, both included.
int count_reported(const std::map<std::string, StoredCrime>& crimes, const std::string& force, const std::string& unit,
                   CivilDate from, CivilDate to) {
  return static_cast<int>(std::count_if(crimes.begin(), crimes.end(), [&](const auto& entry) {
    const StoredCrime& crime = entry.second;
    return crime.force_code == force && (unit.empty() || crime.unit_ref == unit) && !(crime.reported < from) && !(to < crime.reported);
  }));
}

// A count as the API must show it: 1-4 hidden as "<5" with a null value; 0 and 5 up shown.
void expect_count_shown(const nlohmann::json& value, int expected, const std::string& what) {
  if (expected >= 1 && expected <= 4) {
    EXPECT_TRUE(value["suppressed"].get<bool>()) << what << " (" << expected << ") is not suppressed: " << value.dump();
    EXPECT_TRUE(value["value"].is_null()) << what << " gives its small count away: " << value.dump();
    EXPECT_EQ(value["display"], "<5") << what;
  } else {
    EXPECT_FALSE(value["suppressed"].get<bool>()) << what << ": " << value.dump();
    EXPECT_EQ(value["value"], expected) << what;
    EXPECT_EQ(value["display"], std::to_string(expected)) << what;
  }
}

const nlohmann::json& measure_of(const nlohmann::json& deck, const std::string& id) {
  for (const auto& measure : deck["measures"]) {
    if (measure["id"] == id) return measure;
  }
  static const nlohmann::json none;
  ADD_FAILURE() << "no measure " << id;
  return none;
}

// ---- CSV as the exports write it (RFC 4180, header first).

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::size_t column(const std::string& name) const {
    const auto found = std::find(header.begin(), header.end(), name);
    EXPECT_NE(found, header.end()) << "no column " << name;
    return static_cast<std::size_t>(found - header.begin());
  }
  /// The rows whose `name` column is `value`.
  std::vector<std::vector<std::string>> where(const std::string& name, const std::string& value) const {
    std::vector<std::vector<std::string>> out;
    const std::size_t c = column(name);
    for (const auto& row : rows) {
      if (row.at(c) == value) out.push_back(row);
    }
    return out;
  }
};

CsvTable parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',' || c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      if (c == '\n') {
        lines.push_back(std::move(row));
        row.clear();
      }
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    lines.push_back(std::move(row));
  }
  CsvTable table;
  if (lines.empty()) return table;
  table.header = lines.front();
  table.rows.assign(lines.begin() + 1, lines.end());
  for (const auto& line : table.rows) EXPECT_EQ(line.size(), table.header.size()) << "a ragged CSV row";
  return table;
}

// True when a spreadsheet would evaluate `cell`: it starts with = + - @ TAB or CR and is not
// simply a number (a negative count is a number, not a formula).
bool evaluates_as_formula(const std::string& cell) {
  if (cell.empty() || std::string_view("=+-@\t\r").find(cell[0]) == std::string_view::npos) return false;
  char* end = nullptr;
  std::strtod(cell.c_str(), &end);
  return end != cell.c_str() + cell.size();
}

void expect_no_formula(const CsvTable& table, const std::string& what) {
  for (const auto& cell : table.header) EXPECT_FALSE(evaluates_as_formula(cell)) << what << " header: " << cell;
  for (const auto& row : table.rows) {
    for (const auto& cell : row) EXPECT_FALSE(evaluates_as_formula(cell)) << what << " would run: " << cell;
  }
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// ---- Who may call what, as the access policy intends it (checked against the document too).

struct Operation {
  std::string pattern;  // the documented path
  std::string target;   // the request
  std::set<std::string> roles;
  std::string action;  // the audit action of a successful call
  std::string processing;
};

std::vector<Operation> analysis_operations() {
  const std::set<std::string> everyone = {"investigator", "supervisor", "analyst", "offender_manager", "scrutiny", "administrator"};
  const std::set<std::string> report_readers = {"supervisor", "analyst", "scrutiny", "administrator"};
  const std::set<std::string> exporters = {"supervisor", "analyst", "administrator"};
  const std::string as_of = std::string("as_of=") + kAsOf;
  std::vector<Operation> operations = {
      {"/api/v1/kpis", "/api/v1/kpis?period=2024&by=offence_group&" + as_of, everyone, "kpi.view", "consultation"},
      {"/api/v1/kpis/series", "/api/v1/kpis/series?measure=recorded_crimes&granularity=quarter&from=2024-01-01&to=2025-09-30",
       everyone, "kpi.series", "consultation"},
      {"/api/v1/reports/problem-profile", "/api/v1/reports/problem-profile?from=2024-10-01&to=2025-09-30", report_readers,
       "report.problem_profile", "consultation"},
      // The tracker names no member of the public: everyone who may read it may take it away.
      {"/api/v1/exports/recommendations", "/api/v1/exports/recommendations?" + as_of, report_readers, "export.recommendations",
       "disclosure"},
      {"/api/v1/exports/recommendations", "/api/v1/exports/recommendations?format=xlsx&" + as_of, report_readers,
       "export.recommendations", "disclosure"},
      {"/api/v1/exports/{name}", "/api/v1/exports/crimes?format=xlsx&" + as_of, exporters, "export.crimes", "disclosure"}};
  for (const char* name : {"kpis", "crimes", "repeat-suspects", "worklist-bail", "worklist-orders", "worklist-breaches",
                           "worklist-s63g", "worklist-victims", "worklist-training"}) {
    operations.push_back({"/api/v1/exports/{name}", std::string("/api/v1/exports/") + name + "?" + as_of, exporters,
                          std::string("export.") + name, "disclosure"});
  }
  return operations;
}

class AnalysisApi : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<ServerTestStore>(workspace_, 200);
    ASSERT_EQ(run_rasso("recommendations import --db " + workspace_.store_path().string()).exit_code, 0);
    server_ = std::make_unique<ServerProcess>(store_->serve_arguments());
    ASSERT_TRUE(server_->started());
    HttpTestClient anonymous = server_->client();
    const HttpResult document = anonymous.get("/api/v1/openapi.json");
    ASSERT_EQ(document.status, 200);
    api_ = std::make_unique<OpenApiCheck>(document.json());
  }

  HttpTestClient signed_in(const std::string& user) {
    HttpTestClient client = server_->client();
    EXPECT_EQ(client.sign_in(user, kTestPassword).status, 200) << user;
    return client;
  }

  TestWorkspace workspace_;
  std::unique_ptr<ServerTestStore> store_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<OpenApiCheck> api_;
};

TEST_F(AnalysisApi, EveryOperationByEveryRoleWithItsAuditEvent) {
  HttpTestClient anonymous = server_->client();
  std::map<std::string, HttpTestClient> clients;  // by role
  for (const auto& [role, user] : user_of_role()) clients.emplace(role, signed_in(user));
  std::map<std::pair<std::string, std::string>, std::size_t> expected_events;  // (actor, action) -> calls
  std::map<std::string, std::string> processing_of;                           // action -> processing
  for (const Operation& operation : analysis_operations()) {
    std::set<std::string> documented;
    for (const auto& role : api_->document().at("paths").at(operation.pattern).at("get").at("x-roles")) documented.insert(role.get<std::string>());
    EXPECT_EQ(documented, operation.roles) << operation.pattern;
    const HttpResult no_session = anonymous.get(operation.target);
    EXPECT_EQ(no_session.status, 401) << operation.target;
    EXPECT_EQ(no_session.error_code(), "unauthenticated") << operation.target;
    api_->check("GET", operation.pattern, no_session);
    for (auto& [role, client] : clients) {
      const HttpResult result = client.get(operation.target, {{"X-Purpose", kPurpose}});
      api_->check("GET", operation.pattern, result);
      if (operation.roles.contains(role)) {
        EXPECT_EQ(result.status, 200) << role << " " << operation.target << ": " << result.body.substr(0, 300);
        ++expected_events[{user_of_role().at(role), operation.action}];
        processing_of[operation.action] = operation.processing;
      } else {
        EXPECT_EQ(result.status, 403) << role << " " << operation.target;
        EXPECT_EQ(result.error_code(), "forbidden") << role << " " << operation.target;
      }
    }
  }
  // Every analysis operation of the document was called (a new one needs a line above).
  std::set<std::string> analysis_routes;
  for (const auto& [path, operations] : api_->document()["paths"].items()) {
    for (const char* prefix : {"/api/v1/kpis", "/api/v1/reports/", "/api/v1/exports/"}) {
      if (path.rfind(prefix, 0) != 0) continue;
      EXPECT_EQ(operations.size(), 1u) << path << ": only GET is expected";
      analysis_routes.insert("GET " + path);
    }
  }
  EXPECT_EQ(api_->covered(), analysis_routes);

  // One audit event per successful call, with its action, processing kind and purpose.
  HttpTestClient& admin = clients.at("administrator");
  for (const auto& [key, calls] : expected_events) {
    const auto& [actor, action] = key;
    const HttpResult events = admin.get("/api/v1/audit?limit=1000&actor=" + actor + "&action=" + action);
    ASSERT_EQ(events.status, 200) << events.body;
    EXPECT_EQ(events.json()["items"].size(), calls) << actor << " " << action;
    for (const auto& event : events.json()["items"]) {
      EXPECT_EQ(event["processing"], processing_of.at(action)) << action;
      EXPECT_EQ(event["purpose"], kPurpose) << action;
    }
  }
  const HttpResult exports = admin.get("/api/v1/audit?limit=1000&actor=ann&action=export.repeat-suspects");
  ASSERT_EQ(exports.json()["items"].size(), 1u);
  EXPECT_EQ(exports.json()["items"][0]["subject_id"], "repeat-suspects");
  EXPECT_EQ(exports.json()["items"][0]["details"]["names_included"], false) << "an analyst's export is pseudonymised";
  const HttpResult named = admin.get("/api/v1/audit?limit=1000&actor=sue&action=export.repeat-suspects");
  ASSERT_EQ(named.json()["items"].size(), 1u);
  EXPECT_EQ(named.json()["items"][0]["details"]["names_included"], true);
}

TEST_F(AnalysisApi, FiguresAreTheUsersOwnForceOrUnitWithSmallNumbersHidden) {
  const auto crimes = crimes_in_store(workspace_);
  HttpTestClient ivy = signed_in("ivy");
  HttpTestClient walt = signed_in("walt");
  HttpTestClient una = signed_in("una");
  const CivilDate year_from = date("2024-01-01"), year_to = date("2024-12-31");
  ASSERT_GE(count_reported(crimes, "WD", "", year_from, year_to), 5);
  ASSERT_GE(count_reported(crimes, "WM", "", year_from, year_to), 5);

  // The year's recorded crimes: each user's force (or unit) only.
  for (auto& [client, force, unit] : std::vector<std::tuple<HttpTestClient*, std::string, std::string>>{
           {&ivy, "WD", ""}, {&walt, "WM", ""}, {&una, "WD", store_->unit()}}) {
    const HttpResult deck = client->get(std::string("/api/v1/kpis?period=2024&by=force&as_of=") + kAsOf);
    api_->check("GET", "/api/v1/kpis", deck);
    ASSERT_EQ(deck.status, 200) << deck.body;
    EXPECT_EQ(deck.json()["period"], "2024");
    const auto& recorded = measure_of(deck.json(), "recorded_crimes");
    expect_count_shown(recorded, count_reported(crimes, force, unit, year_from, year_to), force + " " + unit + " 2024");
    for (const auto& cell : recorded["breakdown"]) EXPECT_EQ(cell["dimension"]["force"], force) << cell.dump();
  }
  const HttpResult other_force = ivy.get("/api/v1/kpis?force=WM");
  EXPECT_EQ(other_force.error_code(), "forbidden");
  api_->check("GET", "/api/v1/kpis", other_force);
  EXPECT_EQ(ivy.get("/api/v1/kpis/series?force=WM").error_code(), "forbidden");
  EXPECT_EQ(ivy.get("/api/v1/kpis?period=2024-13").error_code(), "invalid_input");

  // Month by month: the series shows 1-4 as "<5" and every other count as it is.
  for (auto& [client, force] : std::vector<std::pair<HttpTestClient*, std::string>>{{&ivy, "WD"}, {&walt, "WM"}}) {
    const HttpResult series = client->get("/api/v1/kpis/series?measure=recorded_crimes&granularity=month&from=2024-01-01&to=2024-12-31");
    api_->check("GET", "/api/v1/kpis/series", series);
    ASSERT_EQ(series.status, 200) << series.body;
    const auto& points = series.json()["points"];
    ASSERT_EQ(points.size(), 12u);
    int small = 0;
    for (int month = 1; month <= 12; ++month) {
      const CivilDate first = *CivilDate::from_ymd(2024, month, 1);
      const int expected = count_reported(crimes, force, "", first, first.plus_months(1).plus_days(-1));
      small += expected >= 1 && expected <= 4;
      EXPECT_EQ(points[month - 1]["period"], first.to_iso().substr(0, 7));
      expect_count_shown(points[month - 1], expected, force + " " + first.to_iso());
    }
    EXPECT_GT(small, 0) << "no small month to show suppression on; pick another period";
  }

  // A breakdown by unit for a quarter: small cells hidden, no other force's unit, zero shown.
  const CivilDate quarter_from = date("2024-04-01"), quarter_to = date("2024-06-30");
  std::set<std::string> wm_units;
  for (const auto& [ref, crime] : crimes) {
    if (crime.force_code == "WM") wm_units.insert(crime.unit_ref);
  }
  const HttpResult by_unit = ivy.get(std::string("/api/v1/kpis?period=2024Q2&by=unit&as_of=") + kAsOf);
  ASSERT_EQ(by_unit.status, 200) << by_unit.body;
  const auto& recorded = measure_of(by_unit.json(), "recorded_crimes");
  expect_count_shown(recorded, count_reported(crimes, "WD", "", quarter_from, quarter_to), "WD 2024Q2");
  int small_cells = 0;
  for (const auto& cell : recorded["breakdown"]) {
    const std::string unit = cell["dimension"]["unit"].get<std::string>();
    EXPECT_FALSE(wm_units.contains(unit)) << "ivy sees WM's unit " << unit;
    const int expected = count_reported(crimes, "WD", unit, quarter_from, quarter_to);
    if (expected >= 1 && expected <= 4) {
      ++small_cells;
      expect_count_shown(cell, expected, "unit " + unit);
    } else if (!cell["suppressed"].get<bool>()) {  // a larger cell may be hidden to protect a small one
      EXPECT_EQ(cell["value"], expected) << "unit " << unit;
    }
  }
  ASSERT_GT(small_cells, 0) << "no small unit cell in 2024Q2; pick another period: " << recorded["breakdown"].dump();

  // The KPI export hides the same cells.
  HttpTestClient sue = signed_in("sue");
  const HttpResult kpi_export = sue.get(std::string("/api/v1/exports/kpis?period=2024Q2&by=unit&as_of=") + kAsOf);
  ASSERT_EQ(kpi_export.status, 200) << kpi_export.body;
  const CsvTable kpi_table = parse_csv(kpi_export.body);
  int exported_small = 0;
  for (const auto& row : kpi_table.where("measure_id", "recorded_crimes")) {
    if (row.at(kpi_table.column("breakdown")) != "unit") continue;
    const int expected = count_reported(crimes, "WD", row.at(kpi_table.column("category")), quarter_from, quarter_to);
    if (expected < 1 || expected > 4) continue;
    ++exported_small;
    EXPECT_EQ(row.at(kpi_table.column("display")), "<5");
    EXPECT_EQ(row.at(kpi_table.column("suppressed")), "Y");
    EXPECT_EQ(row.at(kpi_table.column("value")), "") << "the export gives a small count away";
  }
  EXPECT_EQ(exported_small, small_cells);

  // The problem profile: one HTML page with its sections, for the user's force only.
  store_->add_user("wes", "supervisor", "WM");
  HttpTestClient wes = signed_in("wes");
  const CivilDate profile_from = date("2024-10-01"), profile_to = date("2025-09-30");
  for (auto& [client, force] : std::vector<std::pair<HttpTestClient*, std::string>>{{&sue, "WD"}, {&wes, "WM"}}) {
    const HttpResult profile = client->get("/api/v1/reports/problem-profile?from=2024-10-01&to=2025-09-30");
    api_->check("GET", "/api/v1/reports/problem-profile", profile);
    ASSERT_EQ(profile.status, 200) << profile.body.substr(0, 300);
    EXPECT_EQ(profile.headers.at("content-type").rfind("text/html", 0), 0u);
    EXPECT_NE(profile.body.find("<h1>RASSO problem profile"), std::string::npos);
    EXPECT_NE(profile.body.find("Force " + force + ": crimes reported 2024-10-01 to 2025-09-30"), std::string::npos);
    for (const char* section : {"scale-and-trend", "offence-types", "victims", "suspects", "places", "times", "vulnerability",
                                "attrition", "timeliness", "data-gaps"}) {
      EXPECT_NE(profile.body.find("<section id=\"" + std::string(section) + "\">"), std::string::npos) << section;
    }
    const int reported = count_reported(crimes, force, "", profile_from, profile_to);
    ASSERT_GE(reported, 5);
    EXPECT_NE(profile.body.find(">" + std::to_string(reported) + " RASSO crimes were reported in the period"), std::string::npos)
        << force << " should count " << reported;
  }
  const HttpResult backwards = sue.get("/api/v1/reports/problem-profile?from=2025-09-30&to=2024-10-01");
  EXPECT_EQ(backwards.error_code(), "invalid_input");
  api_->check("GET", "/api/v1/reports/problem-profile", backwards);
  EXPECT_EQ(sue.get("/api/v1/reports/problem-profile?force=WM").error_code(), "forbidden");
}

TEST_F(AnalysisApi, ExportsArePseudonymisedForAnalystsInScopeAndNeverFormulas) {
  const auto crimes = crimes_in_store(workspace_);
  const auto surnames = surnames_in_store(workspace_);
  ASSERT_GT(surnames.size(), 20u);
  HttpTestClient sue = signed_in("sue");
  HttpTestClient ann = signed_in("ann");
  const std::string as_of = std::string("as_of=") + kAsOf;

  // Repeat suspects: named for a supervisor, pseudonyms for an analyst, the same people and crimes.
  const HttpResult named = sue.get("/api/v1/exports/repeat-suspects?" + as_of);
  const HttpResult pseudonymised = ann.get("/api/v1/exports/repeat-suspects?" + as_of);
  api_->check("GET", "/api/v1/exports/{name}", named);
  ASSERT_EQ(named.status, 200) << named.body;
  ASSERT_EQ(pseudonymised.status, 200) << pseudonymised.body;
  EXPECT_EQ(named.headers.at("content-type").rfind("text/csv", 0), 0u);
  EXPECT_NE(named.headers.at("content-disposition").find("rasso-repeat-suspects-2025-09-30.csv"), std::string::npos);
  const CsvTable named_table = parse_csv(named.body), pseudonymised_table = parse_csv(pseudonymised.body);
  ASSERT_FALSE(named_table.rows.empty());
  ASSERT_EQ(named_table.rows.size(), pseudonymised_table.rows.size());
  const std::size_t person = named_table.column("person"), crime_refs = named_table.column("crime_refs");
  int rows_with_surname = 0;
  for (std::size_t r = 0; r < named_table.rows.size(); ++r) {
    const std::string& name = named_table.rows[r].at(person);
    rows_with_surname += std::any_of(surnames.begin(), surnames.end(), [&](const std::string& s) { return name.find(s) != std::string::npos; });
    EXPECT_EQ(pseudonymised_table.rows[r].at(person).rfind("Person P-", 0), 0u) << pseudonymised_table.rows[r].at(person);
    EXPECT_EQ(pseudonymised_table.rows[r].at(crime_refs), named_table.rows[r].at(crime_refs));
  }
  EXPECT_GT(rows_with_surname, 0) << "a supervisor's export names people";
  expect_no_surname(pseudonymised.body, surnames, "the analyst's repeat-suspects export");
  // Only crimes of the user's force: WD's list, and WM's for a WM supervisor, are each their own.
  store_->add_user("wes", "supervisor", "WM");
  HttpTestClient wes = signed_in("wes");
  const HttpResult wm_suspects = wes.get("/api/v1/exports/repeat-suspects?" + as_of);
  const CsvTable wm_table = parse_csv(wm_suspects.body);
  ASSERT_FALSE(wm_table.rows.empty());
  for (const auto& [table, force] : {std::pair{&named_table, "WD"}, std::pair{&wm_table, "WM"}}) {
    for (const auto& row : table->rows) {
      for (const std::string& ref : split(row.at(crime_refs), ';')) {
        ASSERT_TRUE(crimes.contains(ref)) << ref;
        EXPECT_EQ(crimes.at(ref).force_code, force) << force << "'s repeat-suspect export lists " << ref;
      }
    }
  }

  // The crime list: the force's crimes of the period, people pseudonymised for the analyst.
  const HttpResult crime_list = sue.get("/api/v1/exports/crimes?from=2024-01-01&to=2024-12-31&" + as_of);
  ASSERT_EQ(crime_list.status, 200) << crime_list.body;
  const CsvTable crime_table = parse_csv(crime_list.body);
  EXPECT_EQ(static_cast<int>(crime_table.rows.size()), count_reported(crimes, "WD", "", date("2024-01-01"), date("2024-12-31")));
  for (const auto& row : crime_table.rows) EXPECT_EQ(crimes.at(row.at(crime_table.column("crime_ref"))).force_code, "WD");
  const HttpResult analyst_crimes = ann.get("/api/v1/exports/crimes?" + as_of);
  expect_no_surname(analyst_crimes.body, surnames, "the analyst's crime export");
  const HttpResult analyst_victims = ann.get("/api/v1/exports/worklist-victims?" + as_of);
  expect_no_surname(analyst_victims.body, surnames, "the analyst's victims worklist export");
  const HttpResult xlsx = sue.get("/api/v1/exports/crimes?format=xlsx&" + as_of);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK\x03\x04", 0), 0u) << "an XLSX file is a zip";
  EXPECT_NE(xlsx.headers.at("content-disposition").find(".xlsx"), std::string::npos);

  // No cell of any CSV export is a formula a spreadsheet would run.
  for (const HttpResult* result : {&named, &pseudonymised, &wm_suspects, &crime_list, &analyst_crimes, &analyst_victims}) {
    expect_no_formula(parse_csv(result->body), "an export");
  }
  for (const char* name : {"kpis", "worklist-bail", "worklist-orders", "worklist-breaches", "worklist-s63g", "worklist-training"}) {
    const HttpResult result = sue.get(std::string("/api/v1/exports/") + name + "?" + as_of);
    ASSERT_EQ(result.status, 200) << name << ": " << result.body;
    expect_no_formula(parse_csv(result.body), name);
  }

  const HttpResult bad_format = sue.get("/api/v1/exports/crimes?format=pdf");
  EXPECT_EQ(bad_format.error_code(), "invalid_input");
  api_->check("GET", "/api/v1/exports/{name}", bad_format);
  const HttpResult unknown = sue.get("/api/v1/exports/everything");
  EXPECT_EQ(unknown.error_code(), "not_found");
  api_->check("GET", "/api/v1/exports/{name}", unknown);
  EXPECT_EQ(sue.get("/api/v1/exports/crimes?force=WM").error_code(), "forbidden");
}

TEST_F(AnalysisApi, RecommendationsExportIsTheTrackerOfTheCliWithFormulasNeutralised) {
  HttpTestClient sue = signed_in("sue");
  HttpTestClient scott = signed_in("scott");
  const std::string rec = "/api/v1/recommendations/HMICFRS-2024-03";
  ASSERT_EQ(sue.post(rec + "/owner", {{"owner", "ACC Public Protection"}}).status, 200);
  const std::string formula = "=HYPERLINK(\"http://x\",\"y\")";
  ASSERT_EQ(sue.post(rec + "/actions", {{"description", formula}, {"owner", "@DCI Training"}, {"due_date", "2025-01-31"}}).status, 201);
  ASSERT_EQ(sue.post(rec + "/evidence", {{"description", "Training log"}, {"reference", "PPU/1"}}).status, 201);

  const HttpResult exported = scott.get("/api/v1/exports/recommendations?as_of=2025-09-30");
  api_->check("GET", "/api/v1/exports/recommendations", exported);
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_NE(exported.headers.at("content-disposition").find("rasso-recommendations-2025-09-30.csv"), std::string::npos);
  const CsvTable table = parse_csv(exported.body);
  EXPECT_EQ(table.header, (std::vector<std::string>{"row", "id", "source", "number", "due_date", "for_forces", "area", "summary",
                                                    "owner", "status", "status_note", "overdue", "days_overdue", "actions",
                                                    "open_actions", "overdue_actions", "evidence_items", "action_id", "action",
                                                    "action_owner", "action_due", "action_status", "action_overdue",
                                                    "updated_at"}));
  EXPECT_EQ(table.where("row", "recommendation").size(), 14u);
  const auto tracked = table.where("id", "HMICFRS-2024-03");
  ASSERT_EQ(tracked.size(), 2u) << "the recommendation and its one action";
  const auto cell = [&](const std::vector<std::string>& row, const char* column) { return row.at(table.column(column)); };
  EXPECT_EQ(cell(tracked[0], "row"), "recommendation");
  EXPECT_EQ(cell(tracked[0], "owner"), "ACC Public Protection");
  EXPECT_EQ(cell(tracked[0], "status"), "open");
  EXPECT_EQ(cell(tracked[0], "due_date"), "2025-01-31");
  EXPECT_EQ(cell(tracked[0], "overdue"), "Y");
  EXPECT_EQ(cell(tracked[0], "days_overdue"), "242");
  EXPECT_EQ(cell(tracked[0], "actions"), "1");
  EXPECT_EQ(cell(tracked[0], "open_actions"), "1");
  EXPECT_EQ(cell(tracked[0], "overdue_actions"), "1");
  EXPECT_EQ(cell(tracked[0], "evidence_items"), "1");
  EXPECT_EQ(cell(tracked[1], "row"), "action");
  EXPECT_EQ(cell(tracked[1], "action"), "'" + formula) << "the formula is shown as text";
  EXPECT_EQ(cell(tracked[1], "action_owner"), "'@DCI Training");
  EXPECT_EQ(cell(tracked[1], "action_overdue"), "Y");
  EXPECT_NE(exported.body.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), std::string::npos);
  expect_no_formula(table, "the recommendations export");
  const auto not_yet_due = table.where("id", "HMICFRS-2024-08");
  ASSERT_EQ(not_yet_due.size(), 1u);
  EXPECT_EQ(cell(not_yet_due[0], "overdue"), "N") << "due 2025-11-30";

  // Overdue is judged on as_of: nothing is overdue on its due date.
  const HttpResult on_due_date = scott.get("/api/v1/exports/recommendations?as_of=2025-01-31");
  const CsvTable early = parse_csv(on_due_date.body);
  const auto early_rows = early.where("id", "HMICFRS-2024-03");
  ASSERT_EQ(early_rows.size(), 2u);
  EXPECT_EQ(early_rows[0].at(early.column("overdue")), "N");
  EXPECT_EQ(early_rows[0].at(early.column("days_overdue")), "0");
  EXPECT_EQ(early_rows[0].at(early.column("overdue_actions")), "0");
  EXPECT_EQ(early_rows[1].at(early.column("action_overdue")), "N");
  EXPECT_EQ(early.where("id", "HMICFRS-2024-14").at(0).at(early.column("overdue")), "Y") << "due 2024-09-30";

  const HttpResult xlsx = scott.get("/api/v1/exports/recommendations?format=xlsx&as_of=2025-09-30");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.headers.at("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.body.rfind("PK\x03\x04", 0), 0u);
  const HttpResult bad_date = scott.get("/api/v1/exports/recommendations?as_of=2025-02-30");
  EXPECT_EQ(bad_date.error_code(), "invalid_input");
  api_->check("GET", "/api/v1/exports/recommendations", bad_date);
  HttpTestClient ivy = signed_in("ivy");
  EXPECT_EQ(ivy.get("/api/v1/exports/recommendations").error_code(), "forbidden");

  HttpTestClient admin = signed_in("admin");
  const HttpResult events = admin.get("/api/v1/audit?actor=scott&action=export.recommendations");
  ASSERT_EQ(events.json()["items"].size(), 3u) << "two CSV and one XLSX download";
  const auto& event = events.json()["items"][0];
  EXPECT_EQ(event["processing"], "disclosure");
  EXPECT_EQ(event["subject_id"], "recommendations");
  EXPECT_EQ(event["details"]["format"], "csv");
  EXPECT_EQ(event["details"]["rows"], table.rows.size());

  // The CLI's export of the same store on the same date is the same file.
  EXPECT_EQ(server_->terminate(), 0);
  const auto file = workspace_.root() / "tracker.csv";
  const CommandResult cli = run_rasso("recommendations export --as-of 2025-09-30 --out " + file.string() + " --db " +
                                      workspace_.store_path().string());
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  EXPECT_EQ(read_file(file), exported.body);
}

}  // namespace
}  // namespace rasso::testing_support
