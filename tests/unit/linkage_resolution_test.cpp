// The whole engine on small hand-made cases, with fixed model parameters so that every weight is
// known: chaining resistance, reviewer decisions, stable IDs, incremental linking, explanations.

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "core/identifier_formats.h"
#include "linkage/link_explanation.h"
#include "linkage/record_linkage.h"

namespace rasso::linkage {
namespace {

PersonRecord record(std::string ref, std::string forename, std::string surname, std::string dob, std::string sex = "",
                    std::string postcode = "", std::string pnc = "") {
  PersonRecord r;
  r.person_ref = std::move(ref);
  r.forename = std::move(forename);
  r.surname = std::move(surname);
  r.dob = std::move(dob);
  r.sex = std::move(sex);
  r.postcode = std::move(postcode);
  r.pnc_id = std::move(pnc);
  return r;
}

std::string pnc(int year, long serial) {
  return std::to_string(year) + "/" + std::string(7 - std::to_string(serial).size(), '0') + std::to_string(serial) +
         pnc_check_character(year, serial);
}

// Population-like u values; m are the defaults. Name + full dob is decisive, names alone are not.
FellegiSunterModel fixed_model() {
  FellegiSunterModel model = default_model();
  auto set_u = [&](Field field, LevelProbabilities u) { model.u[static_cast<std::size_t>(field)] = std::move(u); };
  set_u(Field::Forename, {0, 0.01, 0.002, 0.00001, 0.002, 0.01, 0.97599});
  set_u(Field::Surname, {0, 0.005, 0.00001, 0.0001, 0.002, 0.01, 0.98289});
  set_u(Field::DateOfBirth, {0, 0.0001, 0.00002, 0.001, 0.02, 0.97888});
  set_u(Field::Sex, {0, 0.5, 0.5});
  set_u(Field::Postcode, {0, 0.0001, 0.01, 0.9899});
  set_u(Field::PncId, {0, 0.0001, 0.9999});
  set_u(Field::CroNumber, {0, 0.0001, 0.9999});
  model.prior = 1e-4;
  return model;
}

LinkageOptions fixed_options() {
  LinkageOptions options;
  options.model = fixed_model();
  options.term_frequency_adjustments = false;  // tiny inputs make every name look common
  return options;
}

std::shared_ptr<const NicknameIndex> nicknames() {
  return std::make_shared<const NicknameIndex>(NicknameIndex::from_pairs({{"bob", "robert"}, {"peggy", "margaret"}}));
}

bool together(const LinkageResult& result, std::string_view a, std::string_view b) {
  return result.cluster_of[*result.index_of(a)] == result.cluster_of[*result.index_of(b)];
}

ResolvedPersonId id_of(const LinkageResult& result, std::string_view ref) {
  return result.resolved_ids[*result.index_of(ref)];
}

TEST(LinkageResolution, FindsTheSameManWrittenThreeWays) {
  const LinkageResult result = link_records(
      {record("A", "Robert", "Smith", "1985-04-03", "M"), record("B", "Bob", "Smith", "1985-03-04", "M"),
       record("C", "", "SMITH, Robert James", "1985-04-03", "M"), record("D", "Margaret", "Jones", "1962-11-30", "F")},
      nicknames(), fixed_options());
  EXPECT_TRUE(together(result, "A", "B"));
  EXPECT_TRUE(together(result, "A", "C"));
  EXPECT_FALSE(together(result, "A", "D"));
  EXPECT_EQ(result.resolved_person_count(), 2u);
}

TEST(LinkageResolution, ConflictingPncIdsStopAChain) {
  // B links to A and to C; A and C carry different PNC IDs, so they must not end as one person.
  const LinkageResult result =
      link_records({record("A", "John", "Smith", "1980-01-01", "M", "B15 2TT", pnc(1998, 1234567)),
                    record("B", "John", "Smith", "1980-01-01", "M"),
                    record("C", "John", "Smith", "1980-01-01", "M", "WV1 1AA", pnc(2003, 7654321))},
                   nicknames(), fixed_options());
  EXPECT_FALSE(together(result, "A", "C"));
  EXPECT_TRUE(together(result, "A", "B") || together(result, "B", "C"));
  ASSERT_FALSE(result.refused_links.empty());
  EXPECT_EQ(result.refused_links.front().reason, MergeRefusal::ConflictingPncIds);
}

TEST(LinkageResolution, DifferentDobAndSexStopAChain) {
  // B (no dob, no sex) shares the address of A and of C, who cannot be one person.
  const LinkageResult result = link_records(
      {record("A", "Sam", "Taylor", "1980-01-01", "M", "B15 2TT"), record("B", "Sam", "Taylor", "", "", "B15 2TT"),
       record("C", "Sam", "Taylor", "1995-07-20", "F", "B15 2TT")},
      nicknames(), fixed_options());
  EXPECT_FALSE(together(result, "A", "C"));
  const bool refused_for_dob_and_sex =
      std::any_of(result.refused_links.begin(), result.refused_links.end(),
                  [](const RefusedLink& link) { return link.reason == MergeRefusal::ConflictingDobAndSex; });
  EXPECT_TRUE(refused_for_dob_and_sex);
}

TEST(LinkageResolution, ReviewerDecisionsOverrideTheModel) {
  const std::vector<PersonRecord> records = {
      record("A", "Robert", "Smith", "1985-04-03", "M"), record("B", "Robert", "Smith", "1985-04-03", "M"),
      record("C", "Alice", "Brown", "1990-01-01", "F"), record("D", "Alicia", "Browning", "", "F")};
  const LinkageResult by_model = link_records(records, nicknames(), fixed_options());
  EXPECT_TRUE(together(by_model, "A", "B"));
  EXPECT_FALSE(together(by_model, "C", "D"));

  const std::vector<ReviewerDecision> decisions = {
      {"A", "B", ReviewDecision::Different}, {"D", "C", ReviewDecision::Same}, {"A", "nobody", ReviewDecision::Same}};
  const LinkageResult reviewed = link_records(records, nicknames(), fixed_options(), decisions);
  EXPECT_FALSE(together(reviewed, "A", "B"));
  EXPECT_TRUE(together(reviewed, "C", "D"));
  const auto reviewer_link = std::find_if(reviewed.links.begin(), reviewed.links.end(),
                                          [](const AcceptedLink& link) { return link.source == LinkSource::Reviewer; });
  ASSERT_NE(reviewer_link, reviewed.links.end());
  EXPECT_EQ(reviewer_link->a, 2u);
  EXPECT_EQ(reviewer_link->b, 3u);
  EXPECT_EQ(reviewed.warnings.size(), 1u);  // the unknown record
}

TEST(LinkageResolution, CannotLinkWinsOverMustLink) {
  const std::vector<PersonRecord> records = {record("A", "Robert", "Smith", "1985-04-03"),
                                             record("B", "Robert", "Smith", "1985-04-03"),
                                             record("C", "Robert", "Smith", "1985-04-03")};
  const LinkageResult result = link_records(
      records, nicknames(), fixed_options(),
      {{"A", "B", ReviewDecision::Different}, {"A", "C", ReviewDecision::Same}, {"B", "C", ReviewDecision::Same}});
  EXPECT_FALSE(together(result, "A", "B"));
  EXPECT_FALSE(result.warnings.empty());
}

TEST(LinkageResolution, ResolvedPersonIdsAreStableAcrossRuns) {
  std::vector<PersonRecord> records = {record("A", "Robert", "Smith", "1985-04-03", "M"),
                                       record("B", "Bob", "Smith", "1985-04-03", "M"),
                                       record("C", "Alice", "Brown", "1990-01-01", "F")};
  const LinkageResult first = link_records(records, nicknames(), fixed_options());
  EXPECT_EQ(id_of(first, "A"), id_of(first, "B"));
  EXPECT_NE(id_of(first, "A"), id_of(first, "C"));

  // The same input in another order keeps every ID.
  std::vector<PersonRecord> reordered = {records[2], records[1], records[0]};
  const LinkageResult again = link_records(reordered, nicknames(), fixed_options(), {}, first.assignment());
  for (const char* ref : {"A", "B", "C"}) EXPECT_EQ(id_of(again, ref), id_of(first, ref)) << ref;

  // A record joining a cluster and a new person: the cluster keeps its ID, the newcomer gets a new one.
  records.push_back(record("D", "Robert", "Smith", "1985-04-03", "M"));
  records.push_back(record("E", "Zbigniew", "Wojciechowski", "1970-05-05", "M"));
  const LinkageResult grown = link_records(records, nicknames(), fixed_options(), {}, first.assignment());
  EXPECT_EQ(id_of(grown, "D"), id_of(first, "A"));
  EXPECT_EQ(id_of(grown, "C"), id_of(first, "C"));
  EXPECT_GT(id_of(grown, "E").value, std::max(id_of(first, "A").value, id_of(first, "C").value));

  // A split: the part with more of the old records keeps the ID.
  const LinkageResult split =
      link_records(records, nicknames(), fixed_options(),
                   {{"B", "A", ReviewDecision::Different}, {"B", "D", ReviewDecision::Different}}, grown.assignment());
  EXPECT_EQ(id_of(split, "A"), id_of(grown, "A"));
  EXPECT_EQ(id_of(split, "D"), id_of(grown, "A"));
  EXPECT_GT(id_of(split, "B").value, id_of(grown, "E").value);
}

std::vector<PersonRecord> small_population() {
  return {record("1", "Robert", "Smith", "1985-04-03", "M", "B15 2TT"),
          record("2", "Alice", "Brown", "1990-01-01", "F", "WV1 1AA"),
          record("3", "Mohammed", "Khan", "1978-09-12", "M", "B11 1AA"),
          record("4", "Peggy", "Jones", "1960-02-28", "F", "CV1 2BB"),
          record("5", "Tom", "Walker", "2001-06-15", "M"),
          record("6", "Bob", "Smith", "1985-03-04", "M"),
          record("7", "Alice", "Browne", "1990-01-01", "F", "WV1 1AA"),
          record("8", "Margaret", "Jones", "1960-02-28", "F"),
          record("9", "Mohammed", "Khan", "1978-09-21", "M", "B11 1AA"),
          record("10", "Thomas", "Walker", "", "M", "DY1 1AA"),
          record("11", "Robert", "Smith", "1985-04-03", ""),
          record("12", "Khan", "Mohammed", "1978-09-12", "M")};
}

TEST(LinkageResolution, IncrementalLinkingMatchesAFullRun) {
  const std::vector<PersonRecord> everyone = small_population();
  const LinkageResult full = link_records(everyone, nicknames(), fixed_options());

  const std::vector<PersonRecord> old_records(everyone.begin(), everyone.begin() + 6);
  const std::vector<PersonRecord> new_records(everyone.begin() + 6, everyone.end());
  const LinkageResult base = link_records(old_records, nicknames(), fixed_options());
  const LinkageResult incremental = link_incremental(base, new_records, fixed_options());

  ASSERT_EQ(incremental.records.size(), everyone.size());
  EXPECT_EQ(incremental.cluster_of, full.cluster_of);
  EXPECT_LT(incremental.compared_pairs, full.compared_pairs);
  for (std::size_t i = 0; i < old_records.size(); ++i) {
    EXPECT_EQ(incremental.resolved_ids[i], base.resolved_ids[i]) << "old record keeps its ID";
  }
  EXPECT_TRUE(together(incremental, "1", "6"));
  EXPECT_TRUE(together(incremental, "3", "12"));
}

TEST(LinkageResolution, IncrementalRunHonoursANewDifferentDecision) {
  const std::vector<PersonRecord> everyone = small_population();
  const LinkageResult base = link_records(everyone, nicknames(), fixed_options());
  ASSERT_TRUE(together(base, "1", "6"));
  const LinkageResult unmerged = link_incremental(base, {}, fixed_options(), {{"1", "6", ReviewDecision::Different}});
  EXPECT_FALSE(together(unmerged, "1", "6"));
  EXPECT_TRUE(together(unmerged, "1", "11"));
  EXPECT_EQ(id_of(unmerged, "1"), id_of(base, "1"));
}

TEST(LinkageResolution, ReviewQueueHoldsPairsNearTheThreshold) {
  LinkageOptions options = fixed_options();
  options.review_low = 0.01;
  options.review_high = 0.999;
  // Same names, no date of birth: probability about 0.5 under the fixed model.
  const LinkageResult result =
      link_records({record("A", "Robert", "Smith", ""), record("B", "Robert", "Smith", "")}, nicknames(), options);
  ASSERT_EQ(result.review_queue.size(), 1u);
  EXPECT_FALSE(result.review_queue[0].linked);
  EXPECT_GT(result.review_queue[0].probability, 0.01);
  EXPECT_LT(result.review_queue[0].probability, options.match_threshold);
}

TEST(LinkageResolution, ExplanationsGiveEveryFieldOfEveryLink) {
  const LinkageResult result = link_records({record("A", "Robert", "Smith", "1985-04-03", "M", "B15 2TT"),
                                             record("B", "Bob", "Smith", "1985-03-04", "M", "B15 2TT")},
                                            nicknames(), fixed_options());
  const std::optional<PersonExplanation> explanation = explain_resolved_person(result, result.resolved_ids[0]);
  ASSERT_TRUE(explanation.has_value());
  EXPECT_EQ(explanation->person_refs, (std::vector<std::string>{"A", "B"}));
  ASSERT_EQ(explanation->links.size(), 1u);
  const LinkExplanation& link = explanation->links[0];
  ASSERT_EQ(link.fields.size(), kFieldCount);
  EXPECT_EQ(link.fields[0].level, "nickname");
  EXPECT_EQ(link.fields[0].value_a, "ROBERT");
  EXPECT_EQ(link.fields[0].value_b, "BOB");
  EXPECT_EQ(link.fields[2].level, "day_month_swapped");
  double total = link.prior_weight;
  for (const FieldEvidence& field : link.fields) total += field.weight + field.term_frequency_adjustment;
  EXPECT_NEAR(total, link.match_weight, 1e-9);
  EXPECT_GT(link.probability, 0.99);

  const std::string text = render_explanation(*explanation);
  EXPECT_NE(text.find("nickname"), std::string::npos);
  EXPECT_NE(text.find("A ~ B"), std::string::npos);
  EXPECT_FALSE(explain_resolved_person(result, ResolvedPersonId{999}).has_value());
}

TEST(LinkageResolution, EstimationAndResultDoNotDependOnThreads) {
  std::vector<PersonRecord> records = small_population();
  for (int copy = 0; copy < 20; ++copy) {
    for (const PersonRecord& original : small_population()) {
      PersonRecord variant = original;
      variant.person_ref += "-" + std::to_string(copy);
      variant.surname += std::string(1, static_cast<char>('a' + copy));
      records.push_back(variant);
    }
  }
  LinkageOptions one;
  one.threads = 1;
  LinkageOptions two;
  two.threads = 2;
  const LinkageResult first = link_records(records, nicknames(), one);
  const LinkageResult second = link_records(records, nicknames(), two);
  EXPECT_EQ(first.model.m, second.model.m);
  EXPECT_EQ(first.model.u, second.model.u);
  EXPECT_EQ(first.model.prior, second.model.prior);
  EXPECT_EQ(first.cluster_of, second.cluster_of);
  EXPECT_EQ(first.links.size(), second.links.size());
}

TEST(LinkageResolution, EmptyInputGivesAnEmptyResult) {
  const LinkageResult result = link_records({}, nicknames(), LinkageOptions{});
  EXPECT_EQ(result.resolved_person_count(), 0u);
  EXPECT_TRUE(result.links.empty());
}

}  // namespace
}  // namespace rasso::linkage
