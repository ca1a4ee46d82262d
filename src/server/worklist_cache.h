#pragma once
// WorklistCache: worklist results kept per (kind, as-of date) for one ServerState, so that a
// worklist GET at a million crimes is a filter and a page over a vector already computed (the
// engines take about a second over a million crimes). Each (kind, as-of) is computed once even
// when many requests ask for it together; filtered views (scope and query filters) are cached
// too. The cache belongs to one immutable state and is dropped with it when the state is
// replaced after a write. Thread-safe. Bounded: when it holds more than `max_entries` lists it
// starts again empty.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/civil_date.h"
#include "worklists/worklist.h"

namespace rasso::server {

/// A computed worklist: every item for the store, most urgent first.
using WorklistItems = std::vector<WorklistItem>;
/// Positions into a WorklistItems of the items that pass a filter, in urgency order.
using WorklistView = std::vector<std::uint32_t>;

class WorklistCache {
 public:
  explicit WorklistCache(std::size_t max_entries = 64) : max_entries_(max_entries) {}

  /// The items of `kind` on `as_of`, calling `compute` the first time.
  std::shared_ptr<const WorklistItems> items(WorklistKind kind, CivilDate as_of,
                                             const std::function<WorklistItems()>& compute);

  /// The positions in `items` (the list of `kind` on `as_of`) of the items that pass `keep`,
  /// cached under `filter_key` (which must identify `keep` exactly).
  std::shared_ptr<const WorklistView> view(WorklistKind kind, CivilDate as_of, const std::string& filter_key,
                                           const WorklistItems& items, const std::function<bool(const WorklistItem&)>& keep);

 private:
  struct Entry {
    std::once_flag computed;
    std::shared_ptr<const WorklistItems> items;
    std::mutex views_mutex;
    std::unordered_map<std::string, std::shared_ptr<const WorklistView>> views;
  };
  std::shared_ptr<Entry> entry(WorklistKind kind, CivilDate as_of);

  std::size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::int64_t, std::shared_ptr<Entry>> entries_;
};

}  // namespace rasso::server
