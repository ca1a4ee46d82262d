// The server's state: the repeat suspects it ranks (from each involvement's resolved id) are the
// ones the engine gives from the resolved assignment, and the KPI facts it keeps for a date and
// scope are the facts the engine builds, shared by later requests and rebuilt for a new state.

#include <gtest/gtest.h>

#include "analytics/offence_facts.h"
#include "ingest/bank_holiday_file.h"
#include "ingest/reference_data.h"
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
  engine.resolved = &state_->resolved;
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
  auto reloaded = reload_server_state(*state_, *store_, {Entity::Breaches}, false);
  ASSERT_TRUE(reloaded) << reloaded.error().message;
  EXPECT_NE((*reloaded)->kpi_facts(kAsOf, "", ""), all);
}

}  // namespace
}  // namespace rasso::server
