#include "linkage/nickname_index.h"

#include <algorithm>

#include "linkage/text_folding.h"

namespace rasso::linkage {

NicknameIndex NicknameIndex::from_pairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  NicknameIndex index;
  for (const auto& [nickname, formal] : pairs) {
    std::string folded_nickname = fold_to_ascii_upper(nickname);
    std::string folded_formal = fold_to_ascii_upper(formal);
    if (folded_nickname.empty() || folded_formal.empty() || folded_nickname == folded_formal) continue;
    if (folded_nickname.size() > folded_formal.size()) std::swap(folded_nickname, folded_formal);
    index.formal_by_nickname_[std::move(folded_nickname)].push_back(std::move(folded_formal));
  }
  for (auto& [nickname, formals] : index.formal_by_nickname_) {
    std::sort(formals.begin(), formals.end());
    formals.erase(std::unique(formals.begin(), formals.end()), formals.end());
  }
  return index;
}

std::vector<std::string> NicknameIndex::canonical_forms(std::string_view folded_name) const {
  std::vector<std::string> forms;
  if (folded_name.empty()) return forms;
  forms.emplace_back(folded_name);
  if (const auto found = formal_by_nickname_.find(folded_name); found != formal_by_nickname_.end()) {
    forms.insert(forms.end(), found->second.begin(), found->second.end());
  }
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  return forms;
}

bool NicknameIndex::equivalent(std::string_view a, std::string_view b) const {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const std::vector<std::string> forms_a = canonical_forms(a);
  const std::vector<std::string> forms_b = canonical_forms(b);
  std::vector<std::string> shared;
  std::set_intersection(forms_a.begin(), forms_a.end(), forms_b.begin(), forms_b.end(), std::back_inserter(shared));
  return !shared.empty();
}

}  // namespace rasso::linkage
