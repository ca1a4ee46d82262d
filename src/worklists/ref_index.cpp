#include "worklists/ref_index.h"

#include <bit>
#include <functional>

namespace rasso {

RefIndex::RefIndex(std::vector<std::string_view> keys) : keys_(std::move(keys)) {
  // At most half full, so probe sequences stay short.
  slots_.resize(std::bit_ceil(std::max<std::size_t>(16, keys_.size() * 2)));
  mask_ = slots_.size() - 1;
  for (std::size_t row = 0; row < keys_.size(); ++row) {
    const std::string_view key = keys_[row];
    if (key.empty()) continue;
    const std::size_t hash = std::hash<std::string_view>{}(key);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      Slot& entry = slots_[slot];
      if (entry.row == kNoRow) {
        entry = {static_cast<RowIndex>(row), tag};
        break;
      }
      if (entry.tag == tag && keys_[entry.row] == key) {
        ++duplicates_;
        break;
      }
    }
  }
}

RowIndex RefIndex::find(std::string_view key) const {
  if (key.empty() || slots_.empty()) return kNoRow;
  const std::size_t hash = std::hash<std::string_view>{}(key);
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
    const Slot& entry = slots_[slot];
    if (entry.row == kNoRow) return kNoRow;
    if (entry.tag == tag && keys_[entry.row] == key) return entry.row;
  }
}

}  // namespace rasso
