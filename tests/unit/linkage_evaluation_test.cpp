// Evaluation maths on a hand-made example, and the F1 floor on public labelled data.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "ingest/csv_reader.h"
#include "linkage/labelled_datasets.h"
#include "linkage/linkage_evaluation.h"

namespace rasso::linkage {
namespace {

TEST(LinkageEvaluation, PairwiseAndBCubedOnAHandMadeExample) {
  // Predicted {1,2,3} {4,5}; truth {1,2} {3,4,5}.
  const std::vector<std::uint64_t> predicted = {7, 7, 7, 9, 9};
  const std::vector<std::uint64_t> truth = {1, 1, 2, 2, 2};
  const ClusteringEvaluation evaluation = evaluate_clustering(predicted, truth);
  EXPECT_EQ(evaluation.pairwise.predicted_pairs, 4u);
  EXPECT_EQ(evaluation.pairwise.true_pairs, 4u);
  EXPECT_EQ(evaluation.pairwise.true_positive_pairs, 2u);
  EXPECT_DOUBLE_EQ(evaluation.pairwise.precision, 0.5);
  EXPECT_DOUBLE_EQ(evaluation.pairwise.recall, 0.5);
  EXPECT_DOUBLE_EQ(evaluation.pairwise.f1, 0.5);
  EXPECT_NEAR(evaluation.b_cubed.precision, 11.0 / 15.0, 1e-12);
  EXPECT_NEAR(evaluation.b_cubed.recall, 11.0 / 15.0, 1e-12);
  EXPECT_NEAR(evaluation.b_cubed.f1, 11.0 / 15.0, 1e-12);
}

TEST(LinkageEvaluation, PerfectAndEmptyClusterings) {
  const std::vector<std::uint64_t> truth = {1, 1, 2, 3, 3, 3};
  const ClusteringEvaluation perfect = evaluate_clustering(truth, truth);
  EXPECT_DOUBLE_EQ(perfect.pairwise.f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.b_cubed.f1, 1.0);

  const std::vector<std::uint64_t> singletons = {1, 2, 3, 4, 5, 6};
  const ClusteringEvaluation none = evaluate_clustering(singletons, truth);
  EXPECT_DOUBLE_EQ(none.pairwise.precision, 1.0);  // no pair claimed, none wrong
  EXPECT_DOUBLE_EQ(none.pairwise.recall, 0.0);
  EXPECT_DOUBLE_EQ(none.pairwise.f1, 0.0);
  EXPECT_DOUBLE_EQ(none.b_cubed.precision, 1.0);
}

LabelledPersons read_labelled(const std::filesystem::path& path,
                              LabelledPersons (*convert)(const std::vector<std::string>&,
                                                         const std::vector<std::vector<std::string>>&)) {
  Result<CsvTable> table = read_csv_table(path);
  EXPECT_TRUE(table.ok()) << path;
  if (!table.ok()) return {};
  std::vector<std::vector<std::string>> rows;
  for (CsvRecord& row : table->rows) rows.push_back(std::move(row.fields));
  return convert(table->header, rows);
}

std::shared_ptr<const NicknameIndex> reference_nicknames() {
  Result<CsvTable> table = read_csv_table(std::filesystem::path(RASSO_DEFAULT_DATA_DIR) / "names" / "nicknames.csv");
  EXPECT_TRUE(table.ok());
  std::vector<std::pair<std::string, std::string>> pairs;
  if (table.ok()) {
    for (const CsvRecord& row : table->rows) pairs.emplace_back(row.fields.at(0), row.fields.at(1));
  }
  return std::make_shared<const NicknameIndex>(NicknameIndex::from_pairs(pairs));
}

TEST(LinkagePublicData, F1FloorOnRLdata500) {
  LabelledPersons data = read_labelled(RASSO_SHARED_DATA_DIR "/linkage/rldata/RLdata500.csv", labelled_from_rldata);
  ASSERT_EQ(data.records.size(), 500u);
  const LinkageResult result = link_records(std::move(data.records), reference_nicknames(), LinkageOptions{});
  const ClusteringEvaluation evaluation = evaluate_against_truth(result, data.true_id_by_ref);
  EXPECT_EQ(evaluation.pairwise.true_pairs, 50u);
  EXPECT_GE(evaluation.pairwise.f1, 0.93)
      << "precision " << evaluation.pairwise.precision << " recall " << evaluation.pairwise.recall;
}

TEST(LinkagePublicData, F1FloorOnFebrlDataset1) {
  LabelledPersons data = read_labelled(RASSO_SHARED_DATA_DIR "/linkage/febrl/dataset1.csv", labelled_from_febrl);
  ASSERT_EQ(data.records.size(), 1000u);
  const LinkageResult result = link_records(std::move(data.records), reference_nicknames(), LinkageOptions{});
  const ClusteringEvaluation evaluation = evaluate_against_truth(result, data.true_id_by_ref);
  EXPECT_EQ(evaluation.pairwise.true_pairs, 500u);
  EXPECT_EQ(evaluation.records_without_truth, 0u);
  EXPECT_GE(evaluation.pairwise.f1, 0.93)
      << "precision " << evaluation.pairwise.precision << " recall " << evaluation.pairwise.recall;
}

}  // namespace
}  // namespace rasso::linkage
