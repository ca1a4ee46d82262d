#pragma once
// NicknameIndex: which formal forenames a forename may stand for (Bob -> Robert, Bill ->
// William, Peggy -> Margaret). The reference table is many-to-many — "Al" may be Albert, Alfred
// or Alan, and "Bill" may be Robert or William — so equivalence is "shares a canonical form",
// which is deliberately not transitive (Robert ~ Bill ~ William, yet Robert !~ William).
//
// The public table also lists many pairs in both directions (bill,robert and robert,bill), which
// read naively would make Robert a form of Bill and Bill a form of William, hence Robert ~
// William. Every pair is therefore oriented from the shorter name to the longer one (a
// nickname is shorter than the name it shortens); pairs of equal length keep the table's
// direction.

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rasso::linkage {

class NicknameIndex {
 public:
  NicknameIndex() = default;

  /// Builds the index from (nickname, formal name) pairs, as loaded by the caller from
  /// data/reference/names/nicknames.csv. Both sides are folded (fold_to_ascii_upper) so case and
  /// accents do not matter; pairs with an empty side or nickname == formal are ignored; a pair
  /// whose "nickname" is longer than its "formal" name is read the other way round.
  static NicknameIndex from_pairs(const std::vector<std::pair<std::string, std::string>>& pairs);

  /// The canonical forms of a folded forename: the name itself followed by every formal name it
  /// may stand for, sorted and without duplicates ("BOB" -> BERT, BOB, BOBBY, ROBERT). A name the
  /// table does not know has itself as its only form; "" has no forms.
  std::vector<std::string> canonical_forms(std::string_view folded_name) const;

  /// True if two folded forenames are equal or share a canonical form.
  bool equivalent(std::string_view a, std::string_view b) const;

  /// Number of distinct nicknames in the index.
  std::size_t size() const { return formal_by_nickname_.size(); }

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> formal_by_nickname_;
};

}  // namespace rasso::linkage
