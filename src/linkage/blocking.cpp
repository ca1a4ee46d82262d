#include "linkage/blocking.h"

#include <algorithm>
#include <array>
#include <optional>
#include <thread>

#include <fmt/format.h>

namespace rasso::linkage {
namespace {

constexpr std::size_t kMaxReportedOversizeBlocks = 1000;

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// A 64-bit hash of a rule and its key parts. Distinct keys may collide with negligible
// probability; a collision only adds candidate pairs, it never loses one.
class KeyHash {
 public:
  explicit KeyHash(std::uint64_t seed) : hash_(splitmix64(seed + 1)) {}
  KeyHash& add(std::uint64_t part) {
    hash_ = splitmix64(hash_ ^ part);
    return *this;
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_;
};

struct KeyedRecord {
  std::uint64_t key;
  std::uint32_t record;
  auto operator<=>(const KeyedRecord&) const = default;
};

// The date of birth with day and month in either order, so that a swap keys the same.
std::uint64_t order_free_dob(const BirthDate& dob) {
  const auto low = std::min(dob.day, dob.month);
  const auto high = std::max(dob.day, dob.month);
  return (std::uint64_t{dob.year} << 16) | (std::uint64_t{low} << 8) | high;
}

char initial(NameId name, const NameTable& names) { return name == kNoName ? '\0' : names.text(name).front(); }

bool has_full_names(const PreparedPerson& p) { return p.forename != kNoName && p.surname != kNoName; }

// Appends the keys `rule` gives `person` (none when a field it needs is missing).
void append_keys(BlockingRule rule, const PreparedPerson& p, std::uint32_t record, const NameTable& names,
                 std::vector<KeyedRecord>& out) {
  const auto seed = static_cast<std::uint64_t>(rule);
  auto push = [&](const KeyHash& hash) { out.push_back({hash.value(), record}); };
  switch (rule) {
    case BlockingRule::PncId:
      if (p.pnc != 0) push(KeyHash(seed).add(p.pnc));
      break;
    case BlockingRule::CroNumber:
      if (p.cro != 0) push(KeyHash(seed).add(p.cro));
      break;
    case BlockingRule::SurnamePhoneticBirthMonth: {
      if (p.surname == kNoName || !p.dob.known()) break;
      const std::uint64_t birth_month = std::uint64_t{p.dob.year} << 8 | p.dob.month;
      push(KeyHash(seed).add(names.phonetic(p.surname)).add(birth_month));
      for (NameId word : names.parts(p.surname)) push(KeyHash(seed).add(names.phonetic(word)).add(birth_month));
      break;
    }
    case BlockingRule::ForenameFormDob:
      if (p.forename == kNoName || !p.dob.known()) break;
      for (FormId form : names.forms(p.forename)) push(KeyHash(seed).add(form).add(order_free_dob(p.dob)));
      break;
    case BlockingRule::DistrictDob:
      if (p.district != 0 && p.dob.known()) push(KeyHash(seed).add(p.district).add(order_free_dob(p.dob)));
      break;
    case BlockingRule::InitialsDob:
      if (has_full_names(p) && p.dob.known()) {
        const auto initials = static_cast<std::uint64_t>(initial(p.forename, names)) << 8 |
                              static_cast<unsigned char>(initial(p.surname, names));
        push(KeyHash(seed).add(initials).add(order_free_dob(p.dob)));
      }
      break;
    case BlockingRule::FullNamePhoneticDobParts:
      if (has_full_names(p) && p.dob.known()) {
        const PhoneticId first = names.phonetic(p.forename);
        const PhoneticId second = names.phonetic(p.surname);
        const KeyHash names_key = KeyHash(seed).add(std::min(first, second)).add(std::max(first, second));
        push(KeyHash(names_key).add(1).add(order_free_dob(p.dob) & 0xFFFF));  // day and month, any order
        push(KeyHash(names_key).add(2).add(std::uint64_t{p.dob.year} << 8 | p.dob.day));
        push(KeyHash(names_key).add(3).add(std::uint64_t{p.dob.year} << 8 | p.dob.month));
      }
      break;
    case BlockingRule::FullNamePhoneticNoDob:
      if (has_full_names(p)) {
        const PhoneticId first = names.phonetic(p.forename);
        const PhoneticId second = names.phonetic(p.surname);
        push(KeyHash(seed).add(std::min(first, second)).add(std::max(first, second)));
      }
      break;
    case BlockingRule::SurnamePhoneticPostcode:
      if (p.surname != kNoName && p.district != 0) {
        push(KeyHash(seed).add(names.phonetic(p.surname)).add(p.postcode != 0 ? p.postcode : p.district));
      }
      break;
  }
}

// The finer key that splits an oversize block of `rule`; nullopt drops the record from the
// sub-blocks (it lacks the field the split needs).
std::optional<std::uint64_t> refinement(BlockingRule rule, const PreparedPerson& p, const NameTable& names) {
  switch (rule) {
    case BlockingRule::PncId:
    case BlockingRule::CroNumber:
      if (!p.dob.known()) return std::nullopt;
      return p.dob.year;
    case BlockingRule::FullNamePhoneticDobParts: return order_free_dob(p.dob);
    case BlockingRule::FullNamePhoneticNoDob:
      if (p.district == 0) return std::nullopt;
      return p.district;
    case BlockingRule::SurnamePhoneticBirthMonth:
    case BlockingRule::SurnamePhoneticPostcode:
      if (p.forename == kNoName) return std::nullopt;
      return static_cast<unsigned char>(initial(p.forename, names));
    case BlockingRule::ForenameFormDob:
    case BlockingRule::DistrictDob:
      if (p.surname == kNoName) return std::nullopt;
      return static_cast<unsigned char>(initial(p.surname, names));
    case BlockingRule::InitialsDob:
      if (p.surname == kNoName) return std::nullopt;
      return names.phonetic(p.surname);
  }
  return std::nullopt;
}

// Rules whose blocks only pair records with a block member that has no date of birth.
bool pairs_only_with_missing_dob(BlockingRule rule) { return rule == BlockingRule::FullNamePhoneticNoDob; }

struct RuleOutput {
  BlockingRuleStats stats;
  std::vector<OversizeBlock> oversize;
};

class RuleBlocker {
 public:
  RuleBlocker(const PreparedPeople& people, const BlockingOptions& options, std::uint32_t first_new,
              std::vector<std::uint64_t>& pairs)
      : people_(people), options_(options), first_new_(first_new), pairs_(pairs) {}

  RuleOutput run(BlockingRule rule) {
    RuleOutput output;
    output.stats.rule = rule;
    std::vector<KeyedRecord> keyed = first_new_ == 0 ? all_keys(rule) : keys_of_blocks_with_new_records(rule);
    for_each_block(keyed, [&](std::span<const KeyedRecord> block) {
      if (block.size() <= options_.max_block_size) {
        emit(rule, block, output.stats);
      } else {
        split(rule, block, output);
      }
    });
    return output;
  }

 private:
  std::vector<KeyedRecord> all_keys(BlockingRule rule) const {
    std::vector<KeyedRecord> keyed;
    keyed.reserve(people_.size() + people_.size() / 2);
    for (std::uint32_t record = 0; record < people_.size(); ++record) {
      append_keys(rule, people_[record], record, people_.names(), keyed);
    }
    return keyed;
  }

  // Incremental runs: only blocks holding a new record can yield a pair, so old records are kept
  // only when they share a key with a new one (blocks keep their full size for the cap).
  std::vector<KeyedRecord> keys_of_blocks_with_new_records(BlockingRule rule) const {
    std::vector<KeyedRecord> keyed;
    for (std::uint32_t record = first_new_; record < people_.size(); ++record) {
      append_keys(rule, people_[record], record, people_.names(), keyed);
    }
    std::vector<std::uint64_t> new_keys;
    new_keys.reserve(keyed.size());
    for (const KeyedRecord& entry : keyed) new_keys.push_back(entry.key);
    std::sort(new_keys.begin(), new_keys.end());
    new_keys.erase(std::unique(new_keys.begin(), new_keys.end()), new_keys.end());
    std::vector<KeyedRecord> old_keys;
    for (std::uint32_t record = 0; record < first_new_ && record < people_.size(); ++record) {
      old_keys.clear();
      append_keys(rule, people_[record], record, people_.names(), old_keys);
      for (const KeyedRecord& entry : old_keys) {
        if (std::binary_search(new_keys.begin(), new_keys.end(), entry.key)) keyed.push_back(entry);
      }
    }
    return keyed;
  }

  template <typename Visit>
  static void for_each_block(std::vector<KeyedRecord>& keyed, Visit visit) {
    std::sort(keyed.begin(), keyed.end());
    keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
    for (std::size_t start = 0; start < keyed.size();) {
      std::size_t end = start + 1;
      while (end < keyed.size() && keyed[end].key == keyed[start].key) ++end;
      if (end - start >= 2) visit(std::span<const KeyedRecord>(keyed.data() + start, end - start));
      start = end;
    }
  }

  void emit(BlockingRule rule, std::span<const KeyedRecord> block, BlockingRuleStats& stats) {
    ++stats.blocks;
    stats.largest_block = std::max(stats.largest_block, block.size());
    const std::size_t before = pairs_.size();
    const bool restricted = pairs_only_with_missing_dob(rule);
    auto lacks_dob = [&](std::size_t k) { return !people_[block[k].record].dob.known(); };
    for (std::size_t a = 0; a < block.size(); ++a) {
      const std::uint32_t i = block[a].record;
      const bool a_lacks_dob = restricted && lacks_dob(a);
      if (restricted && !a_lacks_dob) {
        // Only the partners without a date of birth; the others are paired from their side.
        for (std::size_t b = a + 1; b < block.size(); ++b) {
          if (lacks_dob(b) && block[b].record >= first_new_) pairs_.push_back(pack_pair(i, block[b].record));
        }
        continue;
      }
      for (std::size_t b = a + 1; b < block.size(); ++b) {
        const std::uint32_t j = block[b].record;  // blocks are sorted by record, so i < j
        if (j >= first_new_) pairs_.push_back(pack_pair(i, j));
      }
    }
    stats.pairs += pairs_.size() - before;
  }

  void report(OversizeBlock block, RuleOutput& output) {
    if (output.oversize.size() < kMaxReportedOversizeBlocks) output.oversize.push_back(block);
  }

  void split(BlockingRule rule, std::span<const KeyedRecord> block, RuleOutput& output) {
    ++output.stats.sub_blocked;
    report({rule, block.size(), block.front().record, false}, output);
    std::vector<KeyedRecord> refined;
    refined.reserve(block.size());
    for (const KeyedRecord& entry : block) {
      if (auto finer = refinement(rule, people_[entry.record], people_.names())) {
        refined.push_back({KeyHash(entry.key).add(*finer).value(), entry.record});
      }
    }
    for_each_block(refined, [&](std::span<const KeyedRecord> sub_block) {
      if (sub_block.size() <= options_.max_block_size) {
        emit(rule, sub_block, output.stats);
        return;
      }
      ++output.stats.skipped_blocks;
      output.stats.skipped_records += sub_block.size();
      report({rule, sub_block.size(), sub_block.front().record, true}, output);
    });
  }

  const PreparedPeople& people_;
  const BlockingOptions& options_;
  std::uint32_t first_new_;
  std::vector<std::uint64_t>& pairs_;
};

void sort_unique(std::vector<std::uint64_t>& pairs) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
}

}  // namespace

std::vector<BlockingRule> all_blocking_rules() {
  return {BlockingRule::PncId,
          BlockingRule::CroNumber,
          BlockingRule::SurnamePhoneticBirthMonth,
          BlockingRule::ForenameFormDob,
          BlockingRule::DistrictDob,
          BlockingRule::InitialsDob,
          BlockingRule::FullNamePhoneticDobParts,
          BlockingRule::FullNamePhoneticNoDob,
          BlockingRule::SurnamePhoneticPostcode};
}

std::string_view blocking_rule_name(BlockingRule rule) {
  switch (rule) {
    case BlockingRule::PncId: return "pnc_id";
    case BlockingRule::CroNumber: return "cro_number";
    case BlockingRule::SurnamePhoneticBirthMonth: return "surname_phonetic_birth_month";
    case BlockingRule::ForenameFormDob: return "forename_form_dob";
    case BlockingRule::DistrictDob: return "district_dob";
    case BlockingRule::InitialsDob: return "initials_dob";
    case BlockingRule::FullNamePhoneticDobParts: return "full_name_phonetic_dob_parts";
    case BlockingRule::FullNamePhoneticNoDob: return "full_name_phonetic_no_dob";
    case BlockingRule::SurnamePhoneticPostcode: return "surname_phonetic_postcode";
  }
  return "unknown";
}

CandidatePairs block_candidate_pairs(const PreparedPeople& people, const BlockingOptions& options,
                                     std::uint32_t first_new) {
  const std::size_t thread_count = std::max<std::size_t>(1, std::min(options.threads, options.rules.size()));
  std::vector<std::vector<std::uint64_t>> pairs_by_thread(thread_count);
  std::vector<RuleOutput> outputs(options.rules.size());

  auto work = [&](std::size_t thread) {
    RuleBlocker blocker(people, options, first_new, pairs_by_thread[thread]);
    for (std::size_t r = thread; r < options.rules.size(); r += thread_count)
      outputs[r] = blocker.run(options.rules[r]);
    sort_unique(pairs_by_thread[thread]);
  };
  std::vector<std::thread> helpers;
  for (std::size_t thread = 1; thread < thread_count; ++thread) helpers.emplace_back(work, thread);
  work(0);
  for (std::thread& helper : helpers) helper.join();

  CandidatePairs result;
  result.pairs = std::move(pairs_by_thread[0]);
  for (std::size_t thread = 1; thread < thread_count; ++thread) {
    std::vector<std::uint64_t> merged;
    merged.reserve(result.pairs.size() + pairs_by_thread[thread].size());
    std::set_union(result.pairs.begin(), result.pairs.end(), pairs_by_thread[thread].begin(),
                   pairs_by_thread[thread].end(), std::back_inserter(merged));
    result.pairs = std::move(merged);
    std::vector<std::uint64_t>().swap(pairs_by_thread[thread]);
  }
  for (RuleOutput& output : outputs) {
    result.report.rules.push_back(output.stats);
    for (const OversizeBlock& block : output.oversize) {
      if (result.report.oversize_blocks.size() < kMaxReportedOversizeBlocks)
        result.report.oversize_blocks.push_back(block);
    }
  }
  result.report.candidate_pairs = result.pairs.size();
  return result;
}

std::string describe_blocking_key(BlockingRule rule, const PreparedPerson& p, const PreparedPeople& people) {
  const NameTable& names = people.names();
  const std::string dob = p.dob.known() ? fmt::format("{:04}-{:02}-{:02}", p.dob.year, p.dob.month, p.dob.day) : "";
  switch (rule) {
    case BlockingRule::PncId: return fmt::format("PNC ID {}", people.codes().text(p.pnc));
    case BlockingRule::CroNumber: return fmt::format("CRO number {}", people.codes().text(p.cro));
    case BlockingRule::SurnamePhoneticBirthMonth:
      return fmt::format("surname NYSIIS {}, born {:04}-{:02}", names.phonetic_text(names.phonetic(p.surname)),
                         p.dob.year, p.dob.month);
    case BlockingRule::ForenameFormDob: return fmt::format("forename {}, born {}", names.text(p.forename), dob);
    case BlockingRule::DistrictDob: return fmt::format("district {}, born {}", people.codes().text(p.district), dob);
    case BlockingRule::InitialsDob:
      return fmt::format("initials {}{}, born {}", initial(p.forename, names), initial(p.surname, names), dob);
    case BlockingRule::FullNamePhoneticDobParts:
      return fmt::format("names NYSIIS {} {}, two parts of {}", names.phonetic_text(names.phonetic(p.forename)),
                         names.phonetic_text(names.phonetic(p.surname)), dob);
    case BlockingRule::FullNamePhoneticNoDob:
      return fmt::format("names NYSIIS {} {}", names.phonetic_text(names.phonetic(p.forename)),
                         names.phonetic_text(names.phonetic(p.surname)));
    case BlockingRule::SurnamePhoneticPostcode:
      return fmt::format("surname NYSIIS {}, postcode {}", names.phonetic_text(names.phonetic(p.surname)),
                         people.codes().text(p.postcode != 0 ? p.postcode : p.district));
  }
  return {};
}

}  // namespace rasso::linkage
