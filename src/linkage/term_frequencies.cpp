#include "linkage/term_frequencies.h"

namespace rasso::linkage {

TermFrequencies TermFrequencies::count(std::span<const PreparedPerson> people, std::size_t name_count) {
  TermFrequencies frequencies;
  frequencies.forename_counts_.assign(name_count, 0);
  frequencies.surname_counts_.assign(name_count, 0);
  for (const PreparedPerson& person : people) {
    if (person.forename != kNoName) {
      ++frequencies.forename_counts_[person.forename];
      ++frequencies.forename_total_;
    }
    if (person.surname != kNoName) {
      ++frequencies.surname_counts_[person.surname];
      ++frequencies.surname_total_;
    }
  }
  return frequencies;
}

}  // namespace rasso::linkage
