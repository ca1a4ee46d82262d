#include "linkage/person_name_parser.h"

#include <algorithm>
#include <array>
#include <vector>

#include "linkage/text_folding.h"

namespace rasso::linkage {
namespace {

constexpr std::array<std::string_view, 14> kTitles = {
    "MR", "MRS", "MS", "MISS", "MX", "DR", "PROF", "REV", "SIR", "DAME", "LORD", "LADY", "FR", "MASTER",
};
constexpr std::array<std::string_view, 7> kSuffixes = {"JR", "JNR", "SR", "SNR", "II", "III", "IV"};

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::vector<std::string_view> words_of(std::string_view folded) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string join(std::vector<std::string_view>::const_iterator first,
                 std::vector<std::string_view>::const_iterator last) {
  std::string out;
  for (auto it = first; it != last; ++it) {
    if (!out.empty()) out += ' ';
    out.append(*it);
  }
  return out;
}

// Folded words of `text` with leading titles removed.
std::vector<std::string_view> words_without_titles(std::string_view folded) {
  std::vector<std::string_view> words = words_of(folded);
  auto first_name = std::find_if(words.begin(), words.end(), [](std::string_view w) { return !is_one_of(w, kTitles); });
  words.erase(words.begin(), first_name);
  return words;
}

}  // namespace

ParsedName parse_person_name(std::string_view forename, std::string_view middle_names, std::string_view surname) {
  std::string_view surname_text = surname;
  std::string_view forenames_text = forename;
  if (const std::size_t comma = surname.find(','); comma != std::string_view::npos) {
    surname_text = surname.substr(0, comma);
    if (fold_to_ascii_upper(forename).empty()) forenames_text = surname.substr(comma + 1);
  }

  const std::string folded_forenames = fold_to_ascii_upper(forenames_text);
  const std::string folded_middle = fold_to_ascii_upper(middle_names);
  const std::string folded_surname = fold_to_ascii_upper(surname_text);

  std::vector<std::string_view> given = words_without_titles(folded_forenames);
  const std::vector<std::string_view> middle = words_of(folded_middle);

  std::vector<std::string_view> family = words_without_titles(folded_surname);
  while (family.size() > 1 && is_one_of(family.back(), kSuffixes)) family.pop_back();

  ParsedName parsed;
  // A blank forename stays blank: promoting a middle name would make it disagree with the
  // person's other records.
  if (!given.empty()) {
    parsed.forename = std::string(given.front());
    given.erase(given.begin());
  }
  given.insert(given.end(), middle.begin(), middle.end());
  parsed.middle_names = join(given.begin(), given.end());
  parsed.surname = join(family.begin(), family.end());
  return parsed;
}

}  // namespace rasso::linkage
