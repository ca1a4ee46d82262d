#include "generator/suspect_assignment.h"

#include <algorithm>
#include <tuple>

#include "generator/weighted_choice.h"

namespace rasso {
namespace {

struct CountRange {
  std::uint32_t low;
  std::uint32_t high;
};

// Number of crimes per suspect, parts per million of suspects (default; modelled on the repeat
// suspect shares forces report: about 8% of named RASSO suspects are named again, a few in ten
// or more crimes).
constexpr Weighted<CountRange> kCrimesPerSuspect[] = {
    {{1, 1}, 920'000}, {{2, 2}, 46'000}, {{3, 3}, 15'000},   {{4, 4}, 7'000},  {{5, 5}, 4'000},
    {{6, 9}, 5'000},   {{10, 19}, 2'400}, {{20, 40}, 500}, {{41, 80}, 100},
};

struct PlannedSlot {
  std::int32_t target_days;  // when this suspect's crime should roughly be reported
  std::uint32_t suspect;
};

class SlotPlanner {
 public:
  SlotPlanner(const SuspectAssignmentOptions& options, RandomSource& random)
      : options_(options), random_(random), slots_(options.forces) {}

  /// A new suspect with no slots.
  std::uint32_t new_suspect(std::uint8_t home) {
    home_force_.push_back(home);
    return static_cast<std::uint32_t>(home_force_.size() - 1);
  }

  /// A new suspect with `crimes` (>= 1) slots planned in their home force and perhaps one other.
  std::uint32_t add_suspect(std::uint8_t home, std::uint32_t crimes) {
    const std::uint32_t id = new_suspect(home);
    const std::int32_t start = options_.period_start_days;
    const std::int32_t period = std::max<std::int32_t>(1, options_.period_end_days - start);
    if (crimes == 1) {
      slots_[home].push_back({start + static_cast<std::int32_t>(random_.below(static_cast<std::uint64_t>(period))), id});
      return id;
    }
    const bool cross = options_.forces > 1 && random_.chance(options_.cross_force_share);
    const auto other = cross ? static_cast<std::uint8_t>((home + 1 + random_.below(options_.forces - 1)) % options_.forces) : home;
    // An offending career: crimes spread over a span that grows with their number.
    const std::int32_t span = std::min<std::int32_t>(period, static_cast<std::int32_t>(crimes * random_.between(60, 300)));
    const std::int32_t first = start + static_cast<std::int32_t>(random_.below(static_cast<std::uint64_t>(period - span + 1)));
    for (std::uint32_t i = 0; i < crimes; ++i) {
      const std::uint8_t force = cross && random_.chance_ppm(400'000) ? other : home;
      slots_[force].push_back({first + static_cast<std::int32_t>(random_.below(static_cast<std::uint64_t>(span) + 1)), id});
    }
    return id;
  }

  std::vector<std::vector<PlannedSlot>>& slots() { return slots_; }
  std::vector<std::uint8_t>& home_force() { return home_force_; }

 private:
  const SuspectAssignmentOptions& options_;
  RandomSource& random_;
  std::vector<std::vector<PlannedSlot>> slots_;
  std::vector<std::uint8_t> home_force_;
};

// Makes each force's planned slots exactly as many as its crimes' suspect slots: surplus
// one-off suspects are dropped (their ids go unused and are compacted away later), then, for
// tiny data sets, the latest-planned slots; missing slots become new one-off suspects.
void balance(SlotPlanner& planner, const std::vector<std::size_t>& needed, std::vector<std::uint32_t>& slots_of_suspect) {
  for (std::size_t force = 0; force < needed.size(); ++force) {
    auto& slots = planner.slots()[force];
    std::size_t surplus = slots.size() > needed[force] ? slots.size() - needed[force] : 0;
    if (surplus > 0) {
      std::vector<bool> drop(slots.size(), false);
      for (std::size_t i = slots.size(); i > 0 && surplus > 0; --i) {
        if (slots_of_suspect[slots[i - 1].suspect] != 1) continue;
        drop[i - 1] = true;
        --surplus;
      }
      std::size_t kept = 0;
      for (std::size_t i = 0; i < slots.size(); ++i) {
        if (!drop[i]) slots[kept++] = slots[i];
      }
      slots.resize(std::min(kept, needed[force]));
    }
    while (slots.size() < needed[force]) {
      planner.add_suspect(static_cast<std::uint8_t>(force), 1);
      slots_of_suspect.push_back(1);
    }
  }
}

}  // namespace

SuspectAssignment assign_suspects(std::span<const CrimeSuspectSlots> crimes, const SuspectAssignmentOptions& options,
                                  RandomSource& random) {
  const std::size_t forces = std::max<std::size_t>(1, options.forces);
  std::vector<std::size_t> needed(forces, 0);
  for (const CrimeSuspectSlots& crime : crimes) needed[crime.force] += crime.count;

  SuspectAssignmentOptions planner_options = options;
  planner_options.forces = forces;
  SlotPlanner planner(planner_options, random);
  std::vector<std::uint32_t> slots_of_suspect;
  for (std::size_t force = 0; force < forces; ++force) {
    std::size_t planned = 0;
    while (planned < needed[force]) {
      const CountRange range = pick_weighted<CountRange>(random, kCrimesPerSuspect);
      const auto count = static_cast<std::uint32_t>(random.between(range.low, range.high));
      planner.add_suspect(static_cast<std::uint8_t>(force), count);
      slots_of_suspect.push_back(count);
      planned += count;
    }
  }
  balance(planner, needed, slots_of_suspect);

  // Each force's slots in time order meet its crimes' slots in report order.
  std::vector<std::vector<std::size_t>> crime_slot_positions(forces);
  std::vector<std::size_t> first_slot(crimes.size() + 1, 0);
  for (std::size_t i = 0; i < crimes.size(); ++i) {
    first_slot[i + 1] = first_slot[i] + crimes[i].count;
    for (std::size_t k = 0; k < crimes[i].count; ++k) crime_slot_positions[crimes[i].force].push_back(first_slot[i] + k);
  }
  std::vector<std::uint32_t> raw(first_slot.back(), 0);
  for (std::size_t force = 0; force < forces; ++force) {
    auto& slots = planner.slots()[force];
    std::sort(slots.begin(), slots.end(), [](const PlannedSlot& a, const PlannedSlot& b) {
      return std::tie(a.target_days, a.suspect) < std::tie(b.target_days, b.suspect);
    });
    for (std::size_t i = 0; i < slots.size(); ++i) raw[crime_slot_positions[force][i]] = slots[i].suspect;
  }

  // A crime must not name one person twice: swap a repeat with a slot of a neighbouring crime
  // of the same force, or give it to a new one-off suspect.
  for (std::size_t c = 0; c < crimes.size(); ++c) {
    for (std::size_t a = first_slot[c]; a < first_slot[c + 1]; ++a) {
      for (std::size_t b = first_slot[c]; b < a; ++b) {
        if (raw[a] != raw[b]) continue;
        raw[a] = planner.new_suspect(crimes[c].force);
        break;
      }
    }
  }

  // Compact ids so that only suspects with at least one slot remain, numbered in first-use order.
  SuspectAssignment result;
  std::vector<std::uint32_t> new_id(planner.home_force().size(), UINT32_MAX);
  result.suspect_of_slot.reserve(raw.size());
  for (std::uint32_t old_id : raw) {
    if (new_id[old_id] == UINT32_MAX) {
      new_id[old_id] = static_cast<std::uint32_t>(result.home_force.size());
      result.home_force.push_back(planner.home_force()[old_id]);
    }
    result.suspect_of_slot.push_back(new_id[old_id]);
  }
  return result;
}

}  // namespace rasso
