#include "linkage/string_interner.h"

namespace rasso::linkage {

StringInterner::StringInterner() { texts_.emplace_back(); }

StringInterner::StringInterner(const StringInterner& other) : texts_(other.texts_) { rebuild_index(); }

StringInterner& StringInterner::operator=(const StringInterner& other) {
  if (this != &other) {
    texts_ = other.texts_;
    rebuild_index();
  }
  return *this;
}

void StringInterner::rebuild_index() {
  ids_.clear();
  ids_.reserve(texts_.size());
  for (std::size_t id = 1; id < texts_.size(); ++id) ids_.emplace(texts_[id], static_cast<std::uint32_t>(id));
}

std::uint32_t StringInterner::intern(std::string_view text) {
  if (text.empty()) return 0;
  if (const auto found = ids_.find(text); found != ids_.end()) return found->second;
  const auto id = static_cast<std::uint32_t>(texts_.size());
  texts_.emplace_back(text);
  ids_.emplace(texts_.back(), id);
  return id;
}

std::optional<std::uint32_t> StringInterner::find(std::string_view text) const {
  if (text.empty()) return 0;
  if (const auto found = ids_.find(text); found != ids_.end()) return found->second;
  return std::nullopt;
}

}  // namespace rasso::linkage
