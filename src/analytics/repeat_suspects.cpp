#include "analytics/repeat_suspects.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "core/protection_order.h"

namespace rasso {
namespace {

constexpr std::uint64_t kUnresolvedBit = std::uint64_t{1} << 63;

// One naming of a suspect in a crime: who (resolved id), which crime (row), through which record.
struct Mention {
  std::uint64_t suspect;
  std::uint32_t crime;
  const std::string* person_ref;
};

// Finds a crime's row by reference. Involvements come grouped by crime in the crimes' order, so
// the row of the last one found, or the next, is tried before the hash index (built on first miss).
class CrimeLookup {
 public:
  static constexpr std::uint32_t kMissing = std::numeric_limits<std::uint32_t>::max();

  explicit CrimeLookup(const std::vector<CrimeRecord>& crimes) : crimes_(crimes) {}

  std::uint32_t find(std::string_view crime_ref) {
    for (std::size_t guess : {last_, last_ + 1}) {
      if (guess < crimes_.size() && crimes_[guess].crime_ref == crime_ref) return static_cast<std::uint32_t>(last_ = guess);
    }
    if (index_.empty()) {
      index_.reserve(crimes_.size());
      for (std::uint32_t i = 0; i < crimes_.size(); ++i) index_.emplace(crimes_[i].crime_ref, i);
    }
    const auto found = index_.find(crime_ref);
    if (found == index_.end()) return kMissing;
    last_ = found->second;
    return found->second;
  }

 private:
  const std::vector<CrimeRecord>& crimes_;
  std::unordered_map<std::string_view, std::uint32_t> index_;
  std::size_t last_ = 0;
};

class PersonIds {
 public:
  explicit PersonIds(const RepeatSuspectInputs& inputs)
      : resolved_(inputs.resolved), by_row_(inputs.involvement_resolution) {}

  // The resolved id of the record of involvement `row`, or an id of its own (high bit set) when
  // the record was never resolved.
  std::uint64_t of(std::size_t row, const std::string& person_ref) {
    if (by_row_ != nullptr) {
      if (row < by_row_->size() && (*by_row_)[row] != 0) return (*by_row_)[row];
    } else if (resolved_ != nullptr) {
      const auto it = resolved_->find(person_ref);
      if (it != resolved_->end()) return it->second;
    }
    const auto [it, inserted] = unresolved_.try_emplace(person_ref, kUnresolvedBit | (unresolved_.size() + 1));
    return it->second;
  }

 private:
  const std::unordered_map<std::string, std::uint64_t>* resolved_;
  const std::vector<std::uint64_t>* by_row_;
  std::unordered_map<std::string, std::uint64_t> unresolved_;
};

bool counts_for_groups(const RepeatSuspectDefinition& definition, const OffenceInfo* offence) {
  if (definition.offence_groups.empty()) return true;
  if (offence == nullptr) return false;
  for (const std::string& group : definition.offence_groups) {
    if (group == offence->group || (group == "child_sexual_offence" && offence->child_offence)) return true;
  }
  return false;
}

int recency_points(const RankingWeights& weights, CivilDate latest, CivilDate as_of) {
  for (std::size_t band = 0; band < weights.recency_band_months.size(); ++band) {
    if (latest > as_of.plus_months(-weights.recency_band_months[band])) return weights.recency_band_points[band];
  }
  return weights.recency_band_points.back();
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

// Orders and current bail periods by the person record they concern, built once per run.
class CurrentMeasures {
 public:
  CurrentMeasures(const RepeatSuspectInputs& inputs, CivilDate as_of) {
    if (inputs.orders != nullptr) {
      for (const OrderRecord& order : *inputs.orders) {
        if (!is_order_in_force(order.terms(), as_of)) continue;
        by_person_[order.subject_person_ref].push_back(
            order.order_type + " " + order.order_ref + " in force" +
            (order.end_date ? " until " + order.end_date->to_iso() : " until further order"));
      }
    }
    if (inputs.arrests == nullptr || inputs.bail_periods == nullptr) return;
    std::unordered_map<std::string_view, const std::string*> person_of_arrest;
    for (const ArrestRecord& arrest : *inputs.arrests) person_of_arrest.emplace(arrest.arrest_ref, &arrest.person_ref);
    for (const BailPeriodRecord& period : *inputs.bail_periods) {
      const bool current = period.start_date <= as_of && period.end_date >= as_of &&
                           (!period.ended_date || *period.ended_date > as_of);
      const auto person = person_of_arrest.find(period.arrest_ref);
      if (!current || person == person_of_arrest.end()) continue;
      by_person_[*person->second].push_back("pre-charge bail " + period.bail_ref + " until " + period.end_date.to_iso() +
                                            (period.conditions.empty() ? "" : " with conditions"));
    }
  }

  void describe(RepeatSuspect& suspect) const {
    for (const std::string& person_ref : suspect.person_refs) {
      const auto it = by_person_.find(person_ref);
      if (it == by_person_.end()) continue;
      suspect.current_measures.insert(suspect.current_measures.end(), it->second.begin(), it->second.end());
    }
  }

 private:
  std::unordered_map<std::string, std::vector<std::string>> by_person_;
};

void explain(const RepeatSuspectDefinition& definition, const std::map<std::string, OffenceInfo, std::less<>>* offences,
             CivilDate as_of, RepeatSuspect& suspect) {
  constexpr std::size_t kRefsShown = 6;
  std::vector<std::string> refs;
  for (std::size_t i = 0; i < suspect.crimes.size() && i < kRefsShown; ++i) refs.push_back(suspect.crimes[i].crime_ref);
  if (suspect.crimes.size() > kRefsShown) refs.push_back("and " + std::to_string(suspect.crimes.size() - kRefsShown) + " more");
  suspect.reasons.push_back("named as suspect in " + std::to_string(suspect.crimes.size()) + " crimes (" + join(refs, ", ") +
                            "), meeting the definition of " + std::to_string(definition.min_crimes) + " or more");
  suspect.reasons.push_back(std::to_string(suspect.distinct_victims) + " distinct victim(s)");
  suspect.reasons.push_back("latest crime reported " + suspect.latest_crime.to_iso() + ", " +
                            std::to_string(suspect.latest_crime.days_until(as_of)) + " days before " + as_of.to_iso());
  if (suspect.forces.size() > 1) suspect.reasons.push_back("named in " + join(suspect.forces, " and ") + " crimes");
  if (suspect.person_refs.size() > 1) {
    suspect.reasons.push_back(std::to_string(suspect.person_refs.size()) +
                              " person records resolved to this person (see the identity evidence)");
  }
  const SuspectCrime* gravest = &suspect.crimes.front();
  for (const SuspectCrime& crime : suspect.crimes) {
    if (crime.harm_weight_days > gravest->harm_weight_days) gravest = &crime;
  }
  if (offences != nullptr) {
    const auto it = offences->find(gravest->offence_code);
    if (it != offences->end()) {
      suspect.reasons.push_back("gravest offence " + gravest->offence_code + " " + it->second.label + " (" +
                                gravest->crime_ref + ")");
    }
  }
  const auto cold = std::count_if(suspect.crimes.begin(), suspect.crimes.end(), [](const SuspectCrime& c) { return c.cold_case; });
  if (cold > 0) {
    suspect.reasons.push_back(std::to_string(cold) +
                              " earlier crime(s) closed without charge or still open: candidates for cold-case review");
  }
}

}  // namespace

bool closed_without_charge(int outcome_code) {
  switch (outcome_code) {
    case 9: case 10: case 14: case 15: case 16: case 17: case 18: case 20: case 21: return true;
    default: return false;
  }
}

std::vector<RepeatSuspect> find_repeat_suspects(const RepeatSuspectInputs& inputs,
                                                const RepeatSuspectDefinition& definition,
                                                const RankingWeights& weights, CivilDate as_of) {
  const std::vector<CrimeRecord>& crimes = *inputs.crimes;

  // Crimes reported on or before window_start fall outside the look-back window.
  const CivilDate window_start = definition.look_back_months
                                     ? as_of.plus_months(-*definition.look_back_months)
                                     : CivilDate::from_days(std::numeric_limits<std::int32_t>::min());
  std::vector<char> crime_in_scope(crimes.size());
  for (std::size_t i = 0; i < crimes.size(); ++i) {
    const CrimeRecord& crime = crimes[i];
    if (crime.reported_date > as_of || crime.reported_date <= window_start) continue;
    const OffenceInfo* offence = nullptr;
    if (inputs.offences != nullptr) {
      const auto it = inputs.offences->find(crime.offence_code);
      if (it != inputs.offences->end()) offence = &it->second;
    }
    crime_in_scope[i] = counts_for_groups(definition, offence) ? 1 : 0;
  }

  // Every victim (crime, person) and every suspect mention, in flat arrays: most people are named
  // once, so a container per person or per crime would cost an allocation each.
  CrimeLookup crime_of(crimes);
  PersonIds ids(inputs);
  std::vector<std::pair<std::uint32_t, std::uint64_t>> victim_of_crime;
  std::vector<Mention> mentions;
  const std::vector<InvolvementRecord>& involvements = *inputs.involvements;
  for (std::size_t row = 0; row < involvements.size(); ++row) {
    const InvolvementRecord& involvement = involvements[row];
    if (involvement.role != InvolvementRole::Victim && involvement.role != InvolvementRole::Suspect) continue;
    const std::uint32_t crime = crime_of.find(involvement.crime_ref);
    if (crime == CrimeLookup::kMissing || !crime_in_scope[crime]) continue;
    if (involvement.role == InvolvementRole::Victim) {
      victim_of_crime.emplace_back(crime, ids.of(row, involvement.person_ref));
    } else {
      mentions.push_back({ids.of(row, involvement.person_ref), crime, &involvement.person_ref});
    }
  }
  std::sort(victim_of_crime.begin(), victim_of_crime.end());
  auto victims_of = [&](std::uint32_t crime) {
    const auto first = std::lower_bound(victim_of_crime.begin(), victim_of_crime.end(), std::pair{crime, std::uint64_t{0}});
    auto last = first;
    while (last != victim_of_crime.end() && last->first == crime) ++last;
    return std::pair{first, last};
  };
  // Grouped by person; a person named twice in one crime (two of his records) counts it once,
  // through the smallest of those references.
  std::sort(mentions.begin(), mentions.end(), [](const Mention& x, const Mention& y) {
    return std::tie(x.suspect, x.crime, *x.person_ref) < std::tie(y.suspect, y.crime, *y.person_ref);
  });

  std::vector<RepeatSuspect> suspects;
  for (std::size_t begin = 0; begin < mentions.size();) {
    std::size_t end = begin;
    std::size_t distinct_crimes = 0;
    while (end < mentions.size() && mentions[end].suspect == mentions[begin].suspect) {
      if (end == begin || mentions[end].crime != mentions[end - 1].crime) ++distinct_crimes;
      ++end;
    }
    const std::size_t group_begin = begin;
    begin = end;
    if (static_cast<int>(distinct_crimes) < definition.min_crimes) continue;
    const std::uint64_t id = mentions[group_begin].suspect;
    std::vector<Mention> named(mentions.begin() + static_cast<std::ptrdiff_t>(group_begin),
                               mentions.begin() + static_cast<std::ptrdiff_t>(end));
    named.erase(std::unique(named.begin(), named.end(), [](const Mention& x, const Mention& y) { return x.crime == y.crime; }),
                named.end());
    std::sort(named.begin(), named.end(), [&](const Mention& x, const Mention& y) {
      return std::tie(crimes[x.crime].reported_date, crimes[x.crime].crime_ref) <
             std::tie(crimes[y.crime].reported_date, crimes[y.crime].crime_ref);
    });
    RepeatSuspect suspect;
    suspect.resolved_id = (id & kUnresolvedBit) ? 0 : id;
    std::set<std::uint64_t> victims;
    std::set<std::string> forces;
    std::set<std::string> person_refs;
    for (const Mention& mention : named) {
      const CrimeRecord& crime = crimes[mention.crime];
      const auto [first_victim, last_victim] = victims_of(mention.crime);
      SuspectCrime entry{crime.crime_ref, crime.force_code, crime.offence_code, crime.reported_date, crime.outcome_code,
                         0, static_cast<int>(last_victim - first_victim), *mention.person_ref, false, mention.crime};
      if (inputs.offences != nullptr) {
        const auto it = inputs.offences->find(crime.offence_code);
        if (it != inputs.offences->end()) entry.harm_weight_days = it->second.harm_weight_days;
      }
      for (auto victim = first_victim; victim != last_victim; ++victim) {
        if (victim->second != id) victims.insert(victim->second);
      }
      forces.insert(crime.force_code);
      person_refs.insert(*mention.person_ref);
      suspect.gravity_years += entry.harm_weight_days / 365.0;
      suspect.crimes.push_back(std::move(entry));
    }
    suspect.distinct_victims = static_cast<int>(victims.size());
    if (definition.distinct_victims_required && suspect.distinct_victims < definition.min_crimes) continue;
    if (definition.across_forces_only && forces.size() < 2) continue;
    suspect.forces.assign(forces.begin(), forces.end());
    suspect.person_refs.assign(person_refs.begin(), person_refs.end());
    suspect.latest_crime = suspect.crimes.back().reported_date;
    for (SuspectCrime& crime : suspect.crimes) {
      crime.cold_case = crime.reported_date < suspect.latest_crime && (crime.outcome_code == 0 || closed_without_charge(crime.outcome_code));
    }
    suspect.recency_points = recency_points(weights, suspect.latest_crime, as_of);
    suspect.score = weights.recency * suspect.recency_points + weights.frequency * static_cast<double>(suspect.crimes.size()) +
                    weights.gravity * suspect.gravity_years + weights.victims * suspect.distinct_victims;
    suspect.score = std::round(suspect.score * 100.0) / 100.0;
    suspects.push_back(std::move(suspect));
  }
  std::sort(suspects.begin(), suspects.end(), [](const RepeatSuspect& x, const RepeatSuspect& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.latest_crime != y.latest_crime) return x.latest_crime > y.latest_crime;
    if (x.resolved_id != y.resolved_id) return x.resolved_id < y.resolved_id;
    return x.person_refs < y.person_refs;
  });
  const CurrentMeasures measures(inputs, as_of);
  for (RepeatSuspect& suspect : suspects) {
    measures.describe(suspect);
    explain(definition, inputs.offences, as_of, suspect);
  }
  return suspects;
}

}  // namespace rasso
