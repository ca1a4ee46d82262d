#include "linkage/prepared_person.h"

#include <algorithm>
#include <string>

#include "core/identifier_formats.h"
#include "linkage/parallel_ranges.h"
#include "linkage/person_name_parser.h"

namespace rasso::linkage {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::string trimmed_upper(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string_view first_word(std::string_view words) { return words.substr(0, words.find(' ')); }

}  // namespace

// What one record becomes before its strings are interned; made in parallel, interned in order.
struct PreparedPeople::CleanedRecord {
  ParsedName name;
  BirthDate dob;
  RecordedSex sex = RecordedSex::Unknown;
  PostcodeParts postcode;
  std::string pnc;
  std::string cro;
};

PreparedPeople::CleanedRecord PreparedPeople::clean(const PersonRecord& record) {
  CleanedRecord cleaned;
  cleaned.name = parse_person_name(record.forename, record.middle_names, record.surname);
  cleaned.dob = parse_birth_date(record.dob);
  cleaned.sex = parse_recorded_sex(record.sex);
  cleaned.postcode = split_postcode(record.postcode);
  cleaned.pnc = canonical_pnc_id(record.pnc_id);
  cleaned.cro = canonical_cro_number(record.cro_number);
  return cleaned;
}

BirthDate parse_birth_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return {};
  const std::string_view year = text.substr(0, 4);
  const std::string_view month = text.substr(5, 2);
  const std::string_view day = text.substr(8, 2);
  if (!all_digits(year) || !all_digits(month) || !all_digits(day)) return {};
  const int y = to_int(year);
  const int m = to_int(month);
  const int d = to_int(day);
  if (y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  return {static_cast<std::uint16_t>(y), static_cast<std::uint8_t>(m), static_cast<std::uint8_t>(d)};
}

RecordedSex parse_recorded_sex(std::string_view text) {
  const std::string sex = trimmed_upper(text);
  if (sex == "M" || sex == "MALE") return RecordedSex::Male;
  if (sex == "F" || sex == "FEMALE") return RecordedSex::Female;
  return RecordedSex::Unknown;
}

std::string canonical_pnc_id(std::string_view text) {
  const std::string pnc = trimmed_upper(text);
  if (!pnc_id_check_character_valid(pnc)) return {};
  const std::size_t slash = pnc.find('/');
  return pnc.substr(slash - 2);
}

std::string canonical_cro_number(std::string_view text) {
  std::string cro = trimmed_upper(text);
  return is_cro_number_shape(cro) ? cro : std::string();
}

PostcodeParts split_postcode(std::string_view text) {
  const std::optional<std::string> normalised = normalise_postcode(text);
  if (!normalised || normalised->empty()) return {};
  const std::string& postcode = *normalised;
  if (const std::size_t space = postcode.find(' '); space != std::string::npos) {
    return {postcode, postcode.substr(0, space)};
  }
  if (postcode.size() >= 5)
    return {postcode.substr(0, postcode.size() - 3) + " " + postcode.substr(postcode.size() - 3),
            postcode.substr(0, postcode.size() - 3)};
  return {"", postcode};
}

PreparedPeople::PreparedPeople(std::shared_ptr<const NicknameIndex> nicknames) : names_(std::move(nicknames)) {}

void PreparedPeople::append(std::span<const PersonRecord> records, std::size_t threads) {
  // Cleaning (parsing and folding) is independent per record, so it runs on `threads` threads;
  // interning assigns ids and must see the records in order, so it runs on this one. Chunks
  // bound the memory the cleaned strings take.
  constexpr std::size_t kChunk = 1 << 16;
  people_.reserve(people_.size() + records.size());
  std::vector<CleanedRecord> cleaned;
  for (std::size_t chunk = 0; chunk < records.size(); chunk += kChunk) {
    const std::span<const PersonRecord> part = records.subspan(chunk, std::min(kChunk, records.size() - chunk));
    cleaned.assign(part.size(), CleanedRecord{});
    run_in_parallel_ranges(part.size(), threads, [&](std::size_t begin, std::size_t end, std::size_t) {
      for (std::size_t i = begin; i < end; ++i) cleaned[i] = clean(part[i]);
    });
    for (const CleanedRecord& record : cleaned) intern(record);
  }
}

void PreparedPeople::intern(const CleanedRecord& record) {
  PreparedPerson& person = people_.emplace_back();
  person.forename = names_.intern(record.name.forename);
  person.middle = names_.intern(first_word(record.name.middle_names));
  person.surname = names_.intern(record.name.surname);
  person.dob = record.dob;
  person.sex = record.sex;
  person.postcode = codes_.intern(record.postcode.full);
  person.district = codes_.intern(record.postcode.district);
  person.pnc = codes_.intern(record.pnc);
  person.cro = codes_.intern(record.cro);
}

}  // namespace rasso::linkage
