#include "generator/force_area.h"

#include <algorithm>
#include <array>

namespace rasso {
namespace {

struct ForceAreas {
  std::string_view force;
  std::span<const std::string_view> areas;
};

constexpr std::string_view kAS[] = {"BS", "BA", "TA"};
constexpr std::string_view kBD[] = {"LU", "MK"};
constexpr std::string_view kCM[] = {"CB", "PE"};
constexpr std::string_view kCH[] = {"CW", "WA", "CH"};
constexpr std::string_view kCL[] = {"TS"};
constexpr std::string_view kCU[] = {"CA", "LA"};
constexpr std::string_view kDB[] = {"DE", "S"};
constexpr std::string_view kDC[] = {"EX", "PL", "TQ", "TR"};
constexpr std::string_view kDO[] = {"BH", "DT"};
constexpr std::string_view kDU[] = {"DH", "DL"};
constexpr std::string_view kDP[] = {"SA", "LD"};
constexpr std::string_view kEX[] = {"CM", "CO", "SS"};
constexpr std::string_view kGL[] = {"GL"};
constexpr std::string_view kGM[] = {"M", "BL", "OL", "SK", "WN"};
constexpr std::string_view kGW[] = {"NP"};
constexpr std::string_view kHA[] = {"SO", "PO"};
constexpr std::string_view kHE[] = {"AL", "SG", "WD"};
constexpr std::string_view kHU[] = {"HU", "DN"};
constexpr std::string_view kKE[] = {"CT", "ME", "TN", "DA"};
constexpr std::string_view kLA[] = {"PR", "BB", "FY", "LA"};
constexpr std::string_view kLE[] = {"LE"};
constexpr std::string_view kLI[] = {"LN"};
constexpr std::string_view kME[] = {"L", "CH"};
constexpr std::string_view kMP[] = {"E",  "N",  "NW", "SE", "SW", "W",  "WC", "BR", "CR", "EN",
                                     "HA", "IG", "KT", "RM", "SM", "TW", "UB"};
constexpr std::string_view kCT[] = {"EC"};
constexpr std::string_view kNF[] = {"NR"};
constexpr std::string_view kNW[] = {"LL"};
constexpr std::string_view kNY[] = {"YO", "HG"};
constexpr std::string_view kNH[] = {"NN"};
constexpr std::string_view kNB[] = {"NE", "SR"};
constexpr std::string_view kNT[] = {"NG"};
constexpr std::string_view kSW[] = {"CF"};
constexpr std::string_view kSY[] = {"S"};
constexpr std::string_view kST[] = {"ST"};
constexpr std::string_view kSF[] = {"IP"};
constexpr std::string_view kSR[] = {"GU", "RH"};
constexpr std::string_view kSX[] = {"BN"};
constexpr std::string_view kTV[] = {"OX", "RG", "SL", "HP"};
constexpr std::string_view kWA[] = {"CV"};
constexpr std::string_view kWM[] = {"WR", "HR", "TF", "SY"};
constexpr std::string_view kWD[] = {"B", "WV", "WS", "DY", "CV"};
constexpr std::string_view kWY[] = {"LS", "BD", "HD", "HX", "WF"};
constexpr std::string_view kWI[] = {"SN", "SP"};

constexpr std::array<ForceAreas, 43> kForceAreas = {{
    {"AS", kAS}, {"BD", kBD}, {"CM", kCM}, {"CH", kCH}, {"CL", kCL}, {"CU", kCU}, {"DB", kDB}, {"DC", kDC},
    {"DO", kDO}, {"DU", kDU}, {"DP", kDP}, {"EX", kEX}, {"GL", kGL}, {"GM", kGM}, {"GW", kGW}, {"HA", kHA},
    {"HE", kHE}, {"HU", kHU}, {"KE", kKE}, {"LA", kLA}, {"LE", kLE}, {"LI", kLI}, {"ME", kME}, {"MP", kMP},
    {"CT", kCT}, {"NF", kNF}, {"NW", kNW}, {"NY", kNY}, {"NH", kNH}, {"NB", kNB}, {"NT", kNT}, {"SW", kSW},
    {"SY", kSY}, {"ST", kST}, {"SF", kSF}, {"SR", kSR}, {"SX", kSX}, {"TV", kTV}, {"WA", kWA}, {"WM", kWM},
    {"WD", kWD}, {"WY", kWY}, {"WI", kWI},
}};

}  // namespace

std::span<const std::string_view> force_postcode_areas(std::string_view force_code) {
  for (const ForceAreas& entry : kForceAreas) {
    if (entry.force == force_code) return entry.areas;
  }
  return {};
}

ForceArea::ForceArea(const NameData& names, std::string_view force_code) {
  const auto areas = force_postcode_areas(force_code);
  std::vector<std::uint64_t> weights;
  for (std::size_t i = 0; i < names.districts.size(); ++i) {
    const PostcodeDistrict& district = names.districts[i];
    if (std::find(areas.begin(), areas.end(), district.area) == areas.end()) continue;
    districts_.push_back(i);
    weights.push_back(district.postcode_count);
  }
  if (districts_.empty()) {
    for (std::size_t i = 0; i < names.districts.size(); ++i) {
      if (names.districts[i].region == "Scotland") continue;
      districts_.push_back(i);
      weights.push_back(names.districts[i].postcode_count);
    }
  }
  choice_ = WeightedChoice(weights);
}

}  // namespace rasso
