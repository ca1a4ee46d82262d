#pragma once
// TermFrequencies: how common each forename and surname is among the records being linked,
// computed from the input itself. Exact agreement on a rare name is stronger evidence than on a
// common one: two "John Smith"s count for less than two "Zbigniew Wojciechowski"s.

#include <cstdint>
#include <span>
#include <vector>

#include "linkage/prepared_person.h"

namespace rasso::linkage {

class TermFrequencies {
 public:
  /// Counts the forenames and surnames of `people` (missing names are not counted).
  static TermFrequencies count(std::span<const PreparedPerson> people, std::size_t name_count);

  /// Share of records with a forename whose forename is `name`, in (0, 1]; 0 for kNoName or an
  /// unseen name.
  double forename(NameId name) const { return share(forename_counts_, forename_total_, name); }
  /// Share of records with a surname whose surname is `name`.
  double surname(NameId name) const { return share(surname_counts_, surname_total_, name); }

 private:
  static double share(const std::vector<std::uint32_t>& counts, std::uint64_t total, NameId name) {
    if (name == kNoName || name >= counts.size() || total == 0) return 0.0;
    return static_cast<double>(counts[name]) / static_cast<double>(total);
  }

  std::vector<std::uint32_t> forename_counts_;
  std::vector<std::uint32_t> surname_counts_;
  std::uint64_t forename_total_ = 0;
  std::uint64_t surname_total_ = 0;
};

}  // namespace rasso::linkage
