#pragma once
// Reading the England and Wales bank holidays (data/reference/bank_holidays_england_wales.csv),
// shared by the CLI's worklists and the server.

#include <filesystem>
#include <vector>

#include "core/civil_date.h"
#include "core/result.h"

namespace rasso {

/// The dates in the `date` column of `data_dir`/bank_holidays_england_wales.csv. Error
/// "reference_data" naming the file (and line) when it is missing, has no date column or holds
/// something that is not a date.
Result<std::vector<CivilDate>> load_bank_holidays(const std::filesystem::path& data_dir);

}  // namespace rasso
