// The server's state: the repeat suspects it ranks (from each involvement's resolved id) are the
// ones the engine gives from the resolved assignment, and the KPI facts it keeps for a date and
// scope are the facts the engine builds, shared by later requests and rebuilt for a new state.

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "analytics/offence_facts.h"
#include "ingest/bank_holiday_file.h"
#include "ingest/reference_data.h"
#include "server/recording_service.h"
#include "server/server_state.h"
#include "store/extract_snapshot.h"
#include "store/sqlite/sqlite_store.h"
#include "support/rasso_command.h"
#include "support/test_workspace.h"

namespace rasso::server {
namespace {

using testing_support::run_rasso;
using testing_support::TestWorkspace;

const CivilDate kAsOf = *CivilDate::parse_iso("2025-12-31");

StaticInputs static_inputs() {
  auto codes = load_code_tables(reference_data_dir());
  auto holidays = load_bank_holidays(reference_data_dir());
  EXPECT_TRUE(codes && holidays);
  auto rules = make_worklist_rules(*codes, *holidays);
  EXPECT_TRUE(rules);
  StaticInputs inputs;
  inputs.offences = std::make_shared<const std::map<std::string, OffenceInfo, std::less<>>>(offence_facts(*codes));
  inputs.codes = std::make_shared<const CodeTables>(std::move(*codes));
  inputs.rules = std::make_shared<const WorklistRules>(std::move(*rules));
  return inputs;
}

class ServerStateTest : public testing::Test {
 protected:
  void SetUp() override {
    const auto extract = workspace_.root() / "force";
    const std::string db = " --db " + workspace_.store_path().string();
    ASSERT_EQ(run_rasso("generate --crimes 400 --seed 11 --out " + extract.string()).exit_code, 0);
    ASSERT_EQ(run_rasso("import " + extract.string() + db).exit_code, 0);
    ASSERT_EQ(run_rasso("link" + db).exit_code, 0);
    auto store = open_sqlite_store(workspace_.store_path());
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    inputs_ = static_inputs();
    auto state = load_server_state(*store_, inputs_);
    ASSERT_TRUE(state) << state.error().message;
    state_ = *state;
  }

  TestWorkspace workspace_;
  std::unique_ptr<Store> store_;
  StaticInputs inputs_;
  std::shared_ptr<ServerState> state_;
};

TEST_F(ServerStateTest, RanksTheRepeatSuspectsTheEngineFindsFromTheResolvedAssignment) {
  RepeatSuspectInputs engine;
  engine.crimes = &state_->tables().crimes;
  engine.involvements = &state_->tables().involvements;
  engine.resolved = state_->resolved.get();
  engine.offences = inputs_.offences.get();
  engine.arrests = &state_->tables().arrests;
  engine.bail_periods = &state_->tables().bail_periods;
  engine.orders = &state_->tables().orders;
  const auto expected = find_repeat_suspects(engine, RepeatSuspectDefinition{}, RankingWeights{}, kAsOf);
  const auto ranked = state_->repeat_suspects(kAsOf);
  ASSERT_FALSE(expected.empty()) << "the generator plants repeat suspects";
  ASSERT_EQ(ranked->size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ((*ranked)[i].resolved_id, expected[i].resolved_id);
    EXPECT_EQ((*ranked)[i].person_refs, expected[i].person_refs);
    EXPECT_EQ((*ranked)[i].score, expected[i].score);
  }
}

TEST_F(ServerStateTest, KeepsTheKpiFactsOfADateAndScopeForLaterRequests) {
  const auto all = state_->kpi_facts(kAsOf, "", "");
  EXPECT_EQ(state_->kpi_facts(kAsOf, "", ""), all) << "the second request reuses the first one's facts";

  KpiInputs direct;
  direct.tables = &state_->tables();
  direct.offences = inputs_.offences.get();
  const auto suspects = state_->repeat_suspects(kAsOf);
  direct.repeat_suspects = suspects.get();
  direct.calendar = &inputs_.rules->bank_holidays;
  direct.config = inputs_.rules->config;
  const KpiFacts expected = build_kpi_facts(direct, kAsOf);
  ASSERT_EQ(all->crimes.size(), expected.crimes.size());
  EXPECT_EQ(all->cells, expected.cells);
  EXPECT_EQ(all->events.size(), expected.events.size());
  EXPECT_EQ(all->repeat_suspect_since, expected.repeat_suspect_since);

  // Another date or another force is other facts; a force's are its crimes only.
  EXPECT_NE(state_->kpi_facts(*CivilDate::parse_iso("2025-06-30"), "", ""), all);
  const std::string force = state_->tables().crimes.front().force_code;
  const auto one_force = state_->kpi_facts(kAsOf, force, "");
  EXPECT_NE(one_force, all);
  std::size_t force_crimes = 0;
  for (const CrimeRecord& crime : state_->tables().crimes) force_crimes += crime.force_code == force && crime.reported_date <= kAsOf;
  EXPECT_EQ(one_force->crimes.size(), force_crimes);

  // A new state (after a recording) builds its own.
  auto reloaded = refresh_server_state(*state_, *store_, {Entity::Breaches, "breach_ref", state_->tables().breaches.front().breach_ref});
  ASSERT_TRUE(reloaded) << reloaded.error().message;
  EXPECT_NE((*reloaded)->kpi_facts(kAsOf, "", ""), all);
}

// `table` sorted by `key_of`, to compare tables whose row order differs (the server regroups).
template <typename Record, typename KeyOf>
std::vector<Record> sorted(std::vector<Record> table, KeyOf key_of) {
  std::sort(table.begin(), table.end(), [&](const Record& a, const Record& b) { return key_of(a) < key_of(b); });
  return table;
}

// After each kind of recording the server reads back only the rows it wrote; the state it builds
// must hold exactly what a full load of the store gives.
TEST_F(ServerStateTest, ARefreshAfterEachRecordingHoldsWhatAFullLoadOfTheStoreHolds) {
  const ExtractTables& before = state_->tables();
  const RecordingContext context_base{"test", "2026-01-01T00:00:00Z", kAsOf, "refresh test", "refresh-test"};

  // A breach response: one row replaced.
  const auto breach = std::find_if(before.breaches.begin(), before.breaches.end(),
                                   [](const BreachRecord& b) { return b.response.empty() && b.reported_date <= kAsOf; });
  ASSERT_NE(breach, before.breaches.end());
  const std::string breach_ref = breach->breach_ref;
  auto responded = record_breach_response(*store_, context_base, breach_ref, {"warning", breach->reported_date});
  ASSERT_TRUE(responded) << responded.error().message;
  auto after_breach = refresh_server_state(*state_, *store_, {Entity::Breaches, "breach_ref", breach_ref});
  ASSERT_TRUE(after_breach) << after_breach.error().message;
  EXPECT_EQ((*after_breach)->generation, state_->generation + 1);
  EXPECT_EQ((*after_breach)->tables().breaches.size(), before.breaches.size());

  // A victim contact: one row added.
  const auto victim = std::find_if(before.involvements.begin(), before.involvements.end(),
                                   [](const InvolvementRecord& i) { return i.role == InvolvementRole::Victim; });
  ASSERT_NE(victim, before.involvements.end());
  const CrimeRecord& crime = before.crimes[state_->snapshot.find_crime(victim->crime_ref)];
  auto contacted = record_victim_contact(*store_, context_base, victim->crime_ref,
                                         {victim->person_ref, crime.reported_date, "phone", "update", std::nullopt}, "", "");
  ASSERT_TRUE(contacted) << contacted.error().message;
  auto after_contact = refresh_server_state(**after_breach, *store_, {Entity::VictimContacts, "contact_ref", *contacted});
  ASSERT_TRUE(after_contact) << after_contact.error().message;
  EXPECT_EQ((*after_contact)->tables().victim_contacts.size(), before.victim_contacts.size() + 1);

  // A bail extension: the current period ends and a new one starts, two rows of the arrest.
  std::string arrest_ref;
  CivilDate bail_start = kAsOf;
  for (std::size_t arrest = 0; arrest < before.arrests.size() && arrest_ref.empty(); ++arrest) {
    const auto periods = state_->snapshot.bail_periods_of(static_cast<RowIndex>(arrest));
    if (periods.size() == 1 && periods[0].period_number == 1 && !periods[0].ended_date &&
        periods[0].end_reason == BailEndReason::None) {
      arrest_ref = before.arrests[arrest].arrest_ref;
      bail_start = periods[0].start_date;
    }
  }
  ASSERT_FALSE(arrest_ref.empty()) << "no arrest with one open bail period in the generated store";
  RecordingContext bail_context = context_base;
  bail_context.as_of = bail_start.plus_days(1);
  auto extended = record_bail_extension(*store_, bail_context, arrest_ref,
                                        {"INSP", bail_start.plus_days(1), bail_start.plus_days(150), "", std::nullopt},
                                        state_->inputs.rules->bail_authorities, "");
  ASSERT_TRUE(extended) << extended.error().message;
  auto after_bail = refresh_server_state(**after_contact, *store_, {Entity::Bail, "arrest_ref", arrest_ref});
  ASSERT_TRUE(after_bail) << after_bail.error().message;
  EXPECT_EQ((*after_bail)->tables().bail_periods.size(), before.bail_periods.size() + 1);

  auto full = load_server_state(*store_, inputs_);
  ASSERT_TRUE(full) << full.error().message;
  const ExtractTables& refreshed = (*after_bail)->tables();
  const ExtractTables& loaded = (*full)->tables();
  auto by_breach = [](const BreachRecord& r) { return r.breach_ref; };
  auto by_bail = [](const BailPeriodRecord& r) { return r.bail_ref; };
  auto by_contact = [](const VictimContactRecord& r) {
    return std::tuple(r.crime_ref, r.person_ref, r.contact_date.days_since_epoch(), static_cast<int>(r.purpose), r.officer_ref,
                      r.agreed_frequency_days.value_or(-1));
  };
  EXPECT_TRUE(sorted(refreshed.breaches, by_breach) == sorted(loaded.breaches, by_breach));
  EXPECT_TRUE(sorted(refreshed.bail_periods, by_bail) == sorted(loaded.bail_periods, by_bail));
  EXPECT_TRUE(sorted(refreshed.victim_contacts, by_contact) == sorted(loaded.victim_contacts, by_contact));
  EXPECT_EQ(refreshed.crimes, loaded.crimes);
  EXPECT_EQ(refreshed.persons, loaded.persons);
  EXPECT_EQ(refreshed.biometrics, loaded.biometrics);
  // And the recorded breach is answered in the refreshed state.
  const RowIndex answered = (*after_bail)->snapshot.find_breach(breach_ref);
  ASSERT_NE(answered, kNoRow);
  EXPECT_EQ(refreshed.breaches[answered].response, "warning");
}

TEST_F(ServerStateTest, ARefreshOfRowsTheServerNeverWritesIsRefused) {
  const auto refused = refresh_server_state(*state_, *store_, {Entity::Crimes, "crime_ref", state_->tables().crimes.front().crime_ref});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "invalid_input");
  const auto no_field = refresh_server_state(*state_, *store_, {Entity::Breaches, "no_such_field", "x"});
  ASSERT_FALSE(no_field);
  EXPECT_EQ(no_field.error().code, "invalid_input");
}

}  // namespace
}  // namespace rasso::server
