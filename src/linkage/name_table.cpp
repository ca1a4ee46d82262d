#include "linkage/name_table.h"

#include <algorithm>
#include <string>
#include <utility>

#include "linkage/nysiis.h"

namespace rasso::linkage {

NameTable::NameTable(std::shared_ptr<const NicknameIndex> nicknames) : nicknames_(std::move(nicknames)) {
  entries_.emplace_back();  // kNoName
}

NameId NameTable::intern(std::string_view folded_name) {
  if (folded_name.empty()) return kNoName;
  if (const auto known = names_.find(folded_name)) return *known;

  // Words first: interning them may grow the pools, so no reference into them is held here.
  std::vector<NameId> words;
  if (folded_name.find(' ') != std::string_view::npos) {
    std::size_t start = 0;
    while (start < folded_name.size()) {
      std::size_t end = folded_name.find(' ', start);
      if (end == std::string_view::npos) end = folded_name.size();
      if (end > start) words.push_back(intern(folded_name.substr(start, end - start)));
      start = end + 1;
    }
  }

  const NameId id = names_.intern(folded_name);
  Entry entry;
  entry.phonetic = phonetics_.intern(nysiis(folded_name));
  std::vector<FormId> form_ids;
  for (const std::string& form : nicknames_->canonical_forms(folded_name)) form_ids.push_back(forms_.intern(form));
  std::sort(form_ids.begin(), form_ids.end());
  entry.forms_begin = static_cast<std::uint32_t>(form_pool_.size());
  entry.forms_count = static_cast<std::uint32_t>(form_ids.size());
  form_pool_.insert(form_pool_.end(), form_ids.begin(), form_ids.end());
  if (words.size() > 1) {
    entry.parts_begin = static_cast<std::uint32_t>(part_pool_.size());
    entry.parts_count = static_cast<std::uint32_t>(words.size());
    part_pool_.insert(part_pool_.end(), words.begin(), words.end());
  }
  entries_.push_back(entry);
  return id;
}

std::span<const FormId> NameTable::forms(NameId name) const {
  const Entry& entry = entries_[name];
  return {form_pool_.data() + entry.forms_begin, entry.forms_count};
}

std::span<const NameId> NameTable::parts(NameId name) const {
  const Entry& entry = entries_[name];
  return {part_pool_.data() + entry.parts_begin, entry.parts_count};
}

bool NameTable::nickname_equivalent(NameId a, NameId b) const {
  if (a == kNoName || b == kNoName || a == b) return false;
  const std::span<const FormId> forms_a = forms(a);
  const std::span<const FormId> forms_b = forms(b);
  auto it_a = forms_a.begin();
  auto it_b = forms_b.begin();
  while (it_a != forms_a.end() && it_b != forms_b.end()) {
    if (*it_a == *it_b) return true;
    if (*it_a < *it_b) {
      ++it_a;
    } else {
      ++it_b;
    }
  }
  return false;
}

}  // namespace rasso::linkage
