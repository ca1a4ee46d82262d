#include "linkage/training_sessions.h"

#include <algorithm>
#include <cmath>

#include "linkage/person_comparison.h"
#include "linkage/record_pair.h"

namespace rasso::linkage {
namespace {

constexpr std::size_t kEnumerableBlock = 2048;

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// A uniform number in [0, 1) that depends only on (seed, pair).
double pair_draw(std::uint64_t seed, std::uint64_t pair) {
  return static_cast<double>(splitmix64(seed ^ splitmix64(pair)) >> 11) * 0x1.0p-53;
}

struct KeyedRecord {
  std::uint64_t key;
  std::uint32_t record;
  auto operator<=>(const KeyedRecord&) const = default;
};

std::vector<KeyedRecord> keyed_records(const PreparedPeople& people, TrainingKey key) {
  std::vector<KeyedRecord> keyed;
  keyed.reserve(people.size());
  for (std::uint32_t i = 0; i < people.size(); ++i) {
    const PreparedPerson& p = people[i];
    if (key == TrainingKey::DateOfBirth && p.dob.known()) {
      keyed.push_back({(std::uint64_t{p.dob.year} << 16) | (std::uint64_t{p.dob.month} << 8) | p.dob.day, i});
    } else if (key == TrainingKey::FullName && p.forename != kNoName && p.surname != kNoName) {
      keyed.push_back({(std::uint64_t{p.forename} << 32) | p.surname, i});
    }
  }
  std::sort(keyed.begin(), keyed.end());
  return keyed;
}

template <typename Visit>
void for_each_block(const std::vector<KeyedRecord>& keyed, Visit visit) {
  for (std::size_t start = 0; start < keyed.size();) {
    std::size_t end = start + 1;
    while (end < keyed.size() && keyed[end].key == keyed[start].key) ++end;
    if (end - start >= 2) visit(start, end);
    start = end;
  }
}

double pairs_in(std::size_t size) { return static_cast<double>(size) * static_cast<double>(size - 1) / 2.0; }

struct SessionFit {
  EmResult em;
  std::array<std::size_t, kFieldCount> informative{};
  double total_pairs = 0.0;
  std::size_t pairs = 0;
};

SessionFit run_session(const PreparedPeople& people, TrainingKey key, const FieldProbabilities& u,
                       const FieldProbabilities& initial_m, const TrainingOptions& options) {
  SessionFit fit;
  const TrainingSample sample = sample_training_pairs(people, key, options.max_pairs_per_session, options.seed);
  fit.total_pairs = sample.total_pairs;
  fit.pairs = sample.pairs.size();
  std::vector<std::uint64_t> histogram(pattern_count(), 0);
  for (std::uint32_t pattern : comparison_patterns(people, sample.pairs, options.threads)) ++histogram[pattern];
  for (std::uint32_t pattern = 0; pattern < histogram.size(); ++pattern) {
    if (histogram[pattern] == 0) continue;
    const ComparisonVector levels = pattern_levels(pattern);
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      if (levels.levels[f] != kMissingLevel) fit.informative[f] += histogram[pattern];
    }
  }
  EmOptions em = options.em;
  em.fix_u = true;
  em.ignored_fields = {};
  if (key == TrainingKey::DateOfBirth) {
    em.ignored_fields[static_cast<std::size_t>(Field::DateOfBirth)] = true;
  } else {
    em.ignored_fields[static_cast<std::size_t>(Field::Forename)] = true;
    em.ignored_fields[static_cast<std::size_t>(Field::Surname)] = true;
  }
  fit.em = estimate_m_by_em(histogram, initial_m, u, em);
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if (em.ignored_fields[f]) fit.informative[f] = 0;
  }
  return fit;
}

}  // namespace

TrainingSample sample_training_pairs(const PreparedPeople& people, TrainingKey key, std::size_t max_pairs,
                                     std::uint64_t seed) {
  const std::vector<KeyedRecord> keyed = keyed_records(people, key);
  TrainingSample sample;
  for_each_block(keyed, [&](std::size_t start, std::size_t end) { sample.total_pairs += pairs_in(end - start); });
  if (sample.total_pairs == 0.0) return sample;
  const double rate = std::min(1.0, static_cast<double>(max_pairs) / sample.total_pairs);

  for_each_block(keyed, [&](std::size_t start, std::size_t end) {
    const std::size_t size = end - start;
    if (size <= kEnumerableBlock) {
      for (std::size_t a = start; a < end; ++a) {
        for (std::size_t b = a + 1; b < end; ++b) {
          const std::uint64_t pair = pack_pair(keyed[a].record, keyed[b].record);
          if (rate >= 1.0 || pair_draw(seed, pair) < rate) sample.pairs.push_back(pair);
        }
      }
      return;
    }
    const auto draws = static_cast<std::uint64_t>(std::llround(rate * pairs_in(size)));
    for (std::uint64_t k = 0; k < draws; ++k) {
      const std::uint64_t x = splitmix64(seed ^ splitmix64(keyed[start].key + k * 0x9E3779B97F4A7C15ULL));
      const auto i = static_cast<std::uint32_t>(((x >> 32) * size) >> 32);
      auto j = static_cast<std::uint32_t>(((x & 0xFFFFFFFFULL) * (size - 1)) >> 32);
      if (j >= i) ++j;
      const std::uint32_t first = keyed[start + std::min(i, j)].record;
      const std::uint32_t second = keyed[start + std::max(i, j)].record;
      sample.pairs.push_back(pack_pair(first, second));
    }
  });
  std::sort(sample.pairs.begin(), sample.pairs.end());
  sample.pairs.erase(std::unique(sample.pairs.begin(), sample.pairs.end()), sample.pairs.end());
  return sample;
}

SessionEstimates estimate_m_by_sessions(const PreparedPeople& people, const FieldProbabilities& u,
                                        const FieldProbabilities& initial_m, const TrainingOptions& options) {
  const SessionFit by_dob = run_session(people, TrainingKey::DateOfBirth, u, initial_m, options);
  const SessionFit by_name = run_session(people, TrainingKey::FullName, u, initial_m, options);

  SessionEstimates estimates;
  estimates.pairs = by_dob.pairs + by_name.pairs;
  estimates.iterations = by_dob.em.iterations + by_name.em.iterations;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    estimates.m[f].assign(initial_m[f].size(), 0.0);
    std::size_t sessions = 0;
    for (const SessionFit* fit : {&by_dob, &by_name}) {
      if (fit->informative[f] < options.min_informative_pairs) continue;
      for (std::size_t level = 0; level < estimates.m[f].size(); ++level) estimates.m[f][level] += fit->em.m[f][level];
      ++sessions;
    }
    if (sessions == 0) continue;
    for (double& m : estimates.m[f]) m /= static_cast<double>(sessions);
    estimates.estimated[f] = true;
  }

  const auto dob = static_cast<std::size_t>(Field::DateOfBirth);
  const auto exact_dob = static_cast<std::size_t>(DobLevel::Exact);
  std::size_t with_dob = 0;
  for (const PreparedPerson& person : people.people()) with_dob += person.dob.known() ? 1 : 0;
  const bool dob_session_informative = by_dob.pairs >= options.min_informative_pairs;
  if (dob_session_informative && estimates.estimated[dob] && with_dob >= 2) {
    const double matches_sharing_dob = by_dob.em.match_share * by_dob.total_pairs;
    const double all_matches = matches_sharing_dob / std::max(estimates.m[dob][exact_dob], 1e-6);
    estimates.prior = std::clamp(all_matches / pairs_in(with_dob), 1e-12, 0.5);
  }
  return estimates;
}

}  // namespace rasso::linkage
