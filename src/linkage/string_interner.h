#pragma once
// StringInterner: maps each distinct string to a small dense id, so that records can hold
// 4-byte ids instead of strings and equality is an integer comparison. Id 0 is the empty
// string, which the linkage engine uses for "missing".

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rasso::linkage {

class StringInterner {
 public:
  StringInterner();
  StringInterner(const StringInterner& other);
  StringInterner& operator=(const StringInterner& other);
  StringInterner(StringInterner&&) noexcept = default;
  StringInterner& operator=(StringInterner&&) noexcept = default;

  /// The id of `text`, adding it if new. The empty string is always id 0. Ids are dense and
  /// given in order of first appearance. Not thread-safe.
  std::uint32_t intern(std::string_view text);

  /// The id of `text` if it has been interned, else nullopt. Thread-safe with other const calls.
  std::optional<std::uint32_t> find(std::string_view text) const;

  /// The string of an id returned by intern(). The view stays valid for the interner's lifetime.
  std::string_view text(std::uint32_t id) const { return texts_[id]; }

  /// Number of ids given out, including id 0.
  std::size_t size() const { return texts_.size(); }

 private:
  void rebuild_index();

  std::deque<std::string> texts_;  // a deque keeps each string (and the views into it) in place
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

}  // namespace rasso::linkage
