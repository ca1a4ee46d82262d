#include "cli/linkage_model_json.h"

namespace rasso::cli {
namespace {

std::optional<linkage::FieldProbabilities> probabilities_from_json(const nlohmann::json& json) {
  if (!json.is_array() || json.size() != linkage::kFieldCount) return std::nullopt;
  linkage::FieldProbabilities probabilities;
  for (std::size_t field = 0; field < linkage::kFieldCount; ++field) {
    const nlohmann::json& levels = json[field];
    if (!levels.is_array() || levels.size() != linkage::kLevelCounts[field]) return std::nullopt;
    for (const nlohmann::json& value : levels) {
      if (!value.is_number()) return std::nullopt;
      probabilities[field].push_back(value.get<double>());
    }
  }
  return probabilities;
}

}  // namespace

nlohmann::json model_to_json(const linkage::FellegiSunterModel& model) {
  return {{"prior", model.prior},
          {"m", model.m},
          {"u", model.u},
          {"u_sample_pairs", model.u_sample_pairs},
          {"em_pairs", model.em_pairs},
          {"em_iterations", model.em_iterations},
          {"em_converged", model.em_converged},
          {"em_match_share", model.em_match_share}};
}

std::optional<linkage::FellegiSunterModel> model_from_json(const nlohmann::json& json) {
  if (!json.is_object() || !json.contains("prior") || !json["prior"].is_number()) return std::nullopt;
  auto m = probabilities_from_json(json.value("m", nlohmann::json()));
  auto u = probabilities_from_json(json.value("u", nlohmann::json()));
  if (!m || !u) return std::nullopt;
  linkage::FellegiSunterModel model;
  model.m = std::move(*m);
  model.u = std::move(*u);
  model.prior = json["prior"].get<double>();
  model.u_sample_pairs = json.value("u_sample_pairs", std::size_t{0});
  model.em_pairs = json.value("em_pairs", std::size_t{0});
  model.em_iterations = json.value("em_iterations", std::size_t{0});
  model.em_converged = json.value("em_converged", false);
  model.em_match_share = json.value("em_match_share", 0.0);
  return model;
}

}  // namespace rasso::cli
