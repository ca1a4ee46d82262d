#pragma once
// NameData: the public names and places tables the generator draws people from
// (data/reference/names/, described in its PROVENANCE.md): forenames with birth counts by sex,
// the historic top-100 forenames by decade, surnames with relative weights, nickname pairs and
// postcode districts with their size.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace rasso {

struct NameWeight {
  std::string name;
  std::uint64_t weight = 0;
};

/// One year of the ONS historic top-100: names in rank order (index 0 = rank 1).
struct HistoricForenames {
  int year = 0;
  std::vector<std::string> male;
  std::vector<std::string> female;
};

struct PostcodeDistrict {
  std::string district;         // outward code, e.g. "B15"
  std::string area;             // its letters, e.g. "B"
  std::string region;           // ONS region in England; the country name in Scotland and Wales
  std::string local_authority;  // e.g. "Birmingham"
  std::uint64_t postcode_count = 0;
};

struct NameData {
  std::vector<NameWeight> male_forenames;    // births 1996-2024 (forenames.csv), most common first
  std::vector<NameWeight> female_forenames;
  std::vector<HistoricForenames> historic;   // 1904, 1914, ... 2024, ascending
  std::vector<NameWeight> surnames;          // relative weights (surnames.csv)
  /// Lower-case formal forename -> its nicknames and short forms, lower case (nicknames.csv).
  std::map<std::string, std::vector<std::string>, std::less<>> nicknames_by_formal;
  std::vector<PostcodeDistrict> districts;   // postcode_districts.csv order
};

/// Loads forenames.csv, forenames_historic_top100.csv, surnames.csv, nicknames.csv and
/// postcode_districts.csv from `names_dir`. Error code "reference_data" naming the file when one
/// is missing, lacks a needed column, has a bad number or is empty.
Result<NameData> load_name_data(const std::filesystem::path& names_dir);

}  // namespace rasso
