#include "core/bail_period.h"

#include <charconv>

namespace rasso {
namespace {

constexpr std::string_view kLawNamedAuthorities[] = {"PS", "INSP", "SUPT", "COURT"};

std::optional<int> parse_whole_number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

BailAuthorityRanks::BailAuthorityRanks(std::vector<std::pair<std::string, int>> seniority_by_code)
    : seniority_by_code_(std::move(seniority_by_code)) {
  for (auto& [code, seniority] : seniority_by_code_) code = ascii_upper(code);
}

Result<BailAuthorityRanks> BailAuthorityRanks::from_code_table(const CodeTable& bail_authority) {
  std::vector<std::pair<std::string, int>> ranks;
  for (const CodeEntry& entry : bail_authority.entries()) {
    const auto seniority = parse_whole_number(entry.attribute("seniority"));
    if (!seniority) {
      return Error{"invalid_input", "bail_authority code '" + entry.code + "': seniority '" +
                                        std::string(entry.attribute("seniority")) + "' is not a whole number"};
    }
    ranks.emplace_back(entry.code, *seniority);
  }
  BailAuthorityRanks result(std::move(ranks));
  for (std::string_view code : kLawNamedAuthorities) {
    if (!result.seniority(code)) {
      return Error{"invalid_input", "bail_authority table has no code '" + std::string(code) +
                                        "', which the PACE bail ladder requires"};
    }
  }
  return result;
}

std::optional<int> BailAuthorityRanks::seniority(std::string_view code) const {
  const std::string upper = ascii_upper(code);
  for (const auto& [known, seniority] : seniority_by_code_) {
    if (known == upper) return seniority;
  }
  return std::nullopt;
}

bool BailAuthorityRanks::at_least(std::string_view code, std::string_view required) const {
  const auto have = seniority(code);
  const auto need = seniority(required);
  return have && need && *have >= *need;
}

std::string_view required_bail_authority(int period_number) {
  switch (period_number) {
    case 1: return "PS";
    case 2: return "INSP";
    case 3: return "SUPT";
    default: return "COURT";
  }
}

std::string_view required_bail_authority_in_words(int period_number) {
  switch (period_number) {
    case 1: return "a custody officer (sergeant) or above";
    case 2: return "an inspector or above";
    case 3: return "a superintendent or above";
    default: return "a magistrates' court";
  }
}

std::optional<int> statutory_bail_limit_months(int period_number) {
  if (period_number < 1 || period_number > 4) return std::nullopt;
  return period_number * 3;
}

std::optional<CivilDate> statutory_bail_limit(CivilDate bail_start, int period_number) {
  const auto months = statutory_bail_limit_months(period_number);
  if (!months) return std::nullopt;
  return bail_start.plus_months(*months);
}

CivilDate bail_period_expiry(const BailPeriodTerms& terms) {
  if (!terms.bail_start) return terms.recorded_end;
  const auto limit = statutory_bail_limit(*terms.bail_start, terms.period_number);
  return limit && *limit < terms.recorded_end ? *limit : terms.recorded_end;
}

BailPeriodStatus assess_bail_period(const BailPeriodTerms& terms, CivilDate as_of, const BailAuthorityRanks& ranks,
                                    int expiry_warning_days) {
  BailPeriodStatus status;
  status.expiry = bail_period_expiry(terms);
  status.days_left = as_of.days_until(status.expiry);
  status.lapsed = status.days_left < 0;
  status.expiring_soon = status.days_left >= 0 && status.days_left <= expiry_warning_days;
  status.authorised_below_required_rank =
      !ranks.at_least(terms.authorised_by, required_bail_authority(terms.period_number));
  return status;
}

bool conditions_without_victim_views(bool has_conditions, std::optional<bool> victim_views_sought) {
  return has_conditions && victim_views_sought != true;
}

}  // namespace rasso
