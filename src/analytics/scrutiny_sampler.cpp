#include "analytics/scrutiny_sampler.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace rasso {
namespace {

// SplitMix64 (Steele, Lea and Flood 2014): small, fast, and fully specified, so a seed draws the
// same numbers with every compiler and standard library (std::uniform_int_distribution does not).
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, bound) by rejection, so there is no modulo bias.
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    std::uint64_t value = next();
    while (value >= limit) value = next();
    return value % bound;
  }

 private:
  std::uint64_t state_;
};

// FNV-1a of the stratum key, mixed with the seed, so each stratum has its own stream.
std::uint64_t stratum_seed(std::uint64_t seed, int outcome, const std::string& group) {
  std::uint64_t hash = 1469598103934665603ULL;
  const std::string key = std::to_string(outcome) + "/" + group;
  for (unsigned char c : key) hash = (hash ^ c) * 1099511628211ULL;
  return seed ^ hash;
}

template <typename T>
void seeded_shuffle(std::vector<T>& items, SplitMix64& random) {
  for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[random.below(i)]);
}

std::vector<int> allocate(const std::vector<int>& populations, const SampleSpec& spec) {
  std::vector<int> sizes(populations.size(), 0);
  if (spec.allocation == SampleAllocation::FixedPerStratum) {
    for (std::size_t i = 0; i < populations.size(); ++i) sizes[i] = std::min(populations[i], spec.per_stratum);
    return sizes;
  }
  const long long total = std::accumulate(populations.begin(), populations.end(), 0LL);
  if (total <= spec.size) return populations;
  std::vector<std::pair<long long, std::size_t>> remainders;  // (remainder x total, stratum)
  int allocated = 0;
  for (std::size_t i = 0; i < populations.size(); ++i) {
    const long long scaled = static_cast<long long>(spec.size) * populations[i];
    sizes[i] = static_cast<int>(scaled / total);
    allocated += sizes[i];
    remainders.emplace_back(scaled % total, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; allocated < spec.size && k < remainders.size(); ++k) {
    const std::size_t i = remainders[k].second;
    if (sizes[i] < populations[i]) {
      ++sizes[i];
      ++allocated;
    }
  }
  return sizes;
}

}  // namespace

std::string_view sample_allocation_code(SampleAllocation allocation) {
  return allocation == SampleAllocation::Proportional ? "proportional" : "fixed";
}

Status validate_sample_spec(const SampleSpec& spec) {
  if (spec.from > spec.to) return Error{"invalid_input", "--from " + spec.from.to_iso() + " is after --to " + spec.to.to_iso()};
  if (spec.allocation == SampleAllocation::Proportional && (spec.size < 1 || spec.size > 1000)) {
    return Error{"invalid_input", "--size must be 1-1000 cases"};
  }
  if (spec.allocation == SampleAllocation::FixedPerStratum && (spec.per_stratum < 1 || spec.per_stratum > 200)) {
    return Error{"invalid_input", "--per-stratum must be 1-200 cases"};
  }
  for (int code : spec.outcome_codes) {
    if (code < 1 || code > 22) {
      return Error{"invalid_input", "outcome " + std::to_string(code) + " is not an assigned Home Office outcome (1-22)"};
    }
  }
  return ok_status();
}

Result<SampleDraw> draw_scrutiny_sample(std::span<const CrimeRecord> crimes, const CodeTable& offences,
                                        const SampleSpec& spec) {
  if (Status valid = validate_sample_spec(spec); !valid) return valid.error();
  std::map<std::pair<int, std::string>, std::vector<const CrimeRecord*>> strata;
  for (const CrimeRecord& crime : crimes) {
    if (crime.outcome_code == 0 || !crime.outcome_date || *crime.outcome_date < spec.from || *crime.outcome_date > spec.to) {
      continue;
    }
    if ((!spec.force_code.empty() && crime.force_code != spec.force_code) ||
        (!spec.unit_ref.empty() && crime.unit_ref != spec.unit_ref)) {
      continue;
    }
    if (!spec.outcome_codes.empty() &&
        std::find(spec.outcome_codes.begin(), spec.outcome_codes.end(), crime.outcome_code) == spec.outcome_codes.end()) {
      continue;
    }
    const CodeEntry* offence = offences.find(crime.offence_code);
    std::string group = offence != nullptr ? std::string(offence->attribute("group")) : std::string();
    if (group.empty()) group = "other";
    strata[{crime.outcome_code, std::move(group)}].push_back(&crime);
  }
  std::vector<int> populations;
  for (const auto& entry : strata) populations.push_back(static_cast<int>(entry.second.size()));
  const std::vector<int> sizes = allocate(populations, spec);

  SampleDraw draw;
  std::size_t index = 0;
  for (auto& [key, members] : strata) {
    std::sort(members.begin(), members.end(), [](const CrimeRecord* a, const CrimeRecord* b) { return a->crime_ref < b->crime_ref; });
    SplitMix64 random(stratum_seed(spec.seed, key.first, key.second));
    seeded_shuffle(members, random);
    const int take = sizes[index++];
    for (int i = 0; i < take; ++i) draw.cases.push_back({members[static_cast<std::size_t>(i)]->crime_ref, key.first, key.second, 0});
    draw.strata.push_back({key.first, key.second, static_cast<int>(members.size()), take});
    draw.population += static_cast<int>(members.size());
  }
  // Panel order is shuffled too, so a case number says nothing about its stratum or reference.
  SplitMix64 order(spec.seed ^ 0xC0FFEE5EEDULL);
  seeded_shuffle(draw.cases, order);
  for (std::size_t i = 0; i < draw.cases.size(); ++i) draw.cases[i].case_number = static_cast<int>(i + 1);
  return draw;
}

}  // namespace rasso
