#pragma once
// RefIndex: finds a record's row by its source reference (crime_ref, arrest_ref, ...). An
// open-addressing hash table over views of the caller's strings, built once and then read-only,
// so lookups are safe from many threads. The strings must outlive the index and stay where they
// are (a vector of records may be moved, not resized).

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

namespace rasso {

/// A row of one of the extract tables, or kNoRow for "no such row".
using RowIndex = std::uint32_t;
inline constexpr RowIndex kNoRow = std::numeric_limits<RowIndex>::max();

class RefIndex {
 public:
  RefIndex() = default;

  /// Indexes `keys[i]` to row i. Blank keys are skipped; for a repeated key the first row wins and
  /// the repeat is counted in duplicates().
  explicit RefIndex(std::vector<std::string_view> keys);

  /// The row whose key is `key`, or kNoRow.
  RowIndex find(std::string_view key) const;

  /// How many rows repeated a key already indexed.
  std::size_t duplicates() const { return duplicates_; }

 private:
  struct Slot {
    RowIndex row = kNoRow;
    std::uint32_t tag = 0;  // high bits of the hash, to skip most key comparisons
  };
  std::vector<std::string_view> keys_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t duplicates_ = 0;
};

}  // namespace rasso
