#pragma once
// The Fellegi-Sunter model of a linkage run as JSON, kept in the run's summary so that a later
// `rasso link` can link new records with the same parameters (incremental linking).

#include <optional>

#include <nlohmann/json.hpp>

#include "linkage/fellegi_sunter_model.h"

namespace rasso::cli {

/// The model's parameters and how they were estimated.
nlohmann::json model_to_json(const linkage::FellegiSunterModel& model);

/// The model written by model_to_json, or nullopt when `json` is not one (missing keys, or level
/// counts that differ from this program's comparison levels).
std::optional<linkage::FellegiSunterModel> model_from_json(const nlohmann::json& json);

}  // namespace rasso::cli
