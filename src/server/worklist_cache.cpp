#include "server/worklist_cache.h"

namespace rasso::server {

std::shared_ptr<WorklistCache::Entry> WorklistCache::entry(WorklistKind kind, CivilDate as_of) {
  const std::int64_t key = static_cast<std::int64_t>(as_of.days_since_epoch()) * 16 + static_cast<std::int64_t>(kind);
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  if (found != entries_.end()) return found->second;
  if (entries_.size() >= max_entries_) entries_.clear();
  auto created = std::make_shared<Entry>();
  entries_.emplace(key, created);
  return created;
}

std::shared_ptr<const WorklistItems> WorklistCache::items(WorklistKind kind, CivilDate as_of,
                                                          const std::function<WorklistItems()>& compute) {
  std::shared_ptr<Entry> cached = entry(kind, as_of);
  std::call_once(cached->computed, [&] { cached->items = std::make_shared<const WorklistItems>(compute()); });
  return cached->items;
}

std::shared_ptr<const WorklistView> WorklistCache::view(WorklistKind kind, CivilDate as_of, const std::string& filter_key,
                                                        const WorklistItems& items,
                                                        const std::function<bool(const WorklistItem&)>& keep) {
  std::shared_ptr<Entry> cached = entry(kind, as_of);
  {
    std::lock_guard lock(cached->views_mutex);
    auto found = cached->views.find(filter_key);
    if (found != cached->views.end()) return found->second;
  }
  auto view = std::make_shared<WorklistView>();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (keep(items[i])) view->push_back(static_cast<std::uint32_t>(i));
  }
  std::lock_guard lock(cached->views_mutex);
  if (cached->views.size() >= 256) cached->views.clear();
  return cached->views.emplace(filter_key, std::move(view)).first->second;
}

}  // namespace rasso::server
