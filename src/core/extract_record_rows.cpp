#include "core/extract_record_rows.h"

#include <cassert>
#include <charconv>
#include <optional>
#include <string_view>

#include "core/code_table.h"
#include "core/field_spec.h"

namespace rasso {
namespace {

std::size_t column(const EntitySpec& spec, std::string_view field) {
  const auto index = spec.index_of(field);
  assert(index && "worklist converter names a field the entity does not have");
  return *index;
}

// Reads the values of one row, remembering the first problem so that a converter can read every
// field and check once. The values are views that live only as long as the visit of this row.
class RowReader {
 public:
  RowReader(const EntitySpec& spec, std::size_t row_number, RowValues row)
      : spec_(spec), row_number_(row_number), row_(row) {
    if (row.size() != spec.fields.size()) {
      fail_row("has " + std::to_string(row.size()) + " values; expected " + std::to_string(spec.fields.size()) +
               " (the fields of " + std::string(spec.name()) + ")");
    }
  }

  std::string_view view(std::size_t col) const { return failed_row_ ? std::string_view() : row_[col]; }
  std::string text(std::size_t col) const { return std::string(view(col)); }

  std::string required_text(std::size_t col) {
    if (!failed_row_ && row_[col].empty()) fail(col, "is required");
    return text(col);
  }

  std::optional<CivilDate> optional_date(std::size_t col) {
    const std::string_view value = view(col);
    if (value.empty()) return std::nullopt;
    const auto date = CivilDate::parse_iso(value);
    if (!date) fail(col, "'" + std::string(value) + "' is not a date (" + CivilDate::parse_iso_problem(value) + ")");
    return date;
  }

  CivilDate date(std::size_t col) {
    if (!failed_row_ && row_[col].empty()) fail(col, "is required");
    return optional_date(col).value_or(CivilDate::from_days(0));
  }

  std::optional<int> optional_integer(std::size_t col) {
    const std::string_view value = view(col);
    if (value.empty()) return std::nullopt;
    int number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size()) {
      fail(col, "'" + std::string(value) + "' is not a whole number");
      return std::nullopt;
    }
    return number;
  }

  int integer(std::size_t col) {
    if (!failed_row_ && row_[col].empty()) fail(col, "is required");
    return optional_integer(col).value_or(0);
  }

  std::optional<bool> optional_boolean(std::size_t col) {
    const std::string_view value = view(col);
    if (value.empty()) return std::nullopt;
    if (value == "1" || value == "Y" || value == "y" || ascii_lower(value) == "true") return true;
    if (value == "0" || value == "N" || value == "n" || ascii_lower(value) == "false") return false;
    fail(col, "'" + std::string(value) + "' is not a boolean (expected 1 or 0)");
    return std::nullopt;
  }

  /// Minutes after midnight of an HH:MM time; -1 when blank.
  int minute_of_day(std::size_t col) {
    const std::string_view value = view(col);
    if (value.empty()) return -1;
    if (value.size() == 5 && value[2] == ':') {
      int hours = 0, minutes = 0;
      const auto h = std::from_chars(value.data(), value.data() + 2, hours);
      const auto m = std::from_chars(value.data() + 3, value.data() + 5, minutes);
      if (h.ec == std::errc{} && h.ptr == value.data() + 2 && m.ec == std::errc{} && m.ptr == value.data() + 5 &&
          hours < 24 && minutes < 60) {
        return hours * 60 + minutes;
      }
    }
    fail(col, "'" + std::string(value) + "' is not a time (expected HH:MM)");
    return -1;
  }

  const std::optional<Error>& error() const { return error_; }

 private:
  std::string where() const {
    const std::string key = row_.empty() ? std::string() : std::string(row_[0]);
    return std::string(spec_.name()) + " row " + std::to_string(row_number_) + (key.empty() ? "" : " (" + key + ")");
  }
  void fail_row(const std::string& problem) {
    failed_row_ = true;
    if (!error_) error_ = Error{"invalid_input", where() + " " + problem};
  }
  void fail(std::size_t col, const std::string& problem) {
    if (!error_) error_ = Error{"invalid_input", where() + ": " + std::string(spec_.fields[col].name) + " " + problem};
  }

  const EntitySpec& spec_;
  std::size_t row_number_;
  RowValues row_;
  bool failed_row_ = false;
  std::optional<Error> error_;
};

std::vector<std::string> split_references(const std::string& list) {
  std::vector<std::string> refs;
  std::size_t begin = 0;
  while (begin <= list.size() && !list.empty()) {
    const std::size_t end = std::min(list.find(';', begin), list.size());
    if (end > begin) refs.push_back(list.substr(begin, end - begin));
    begin = end + 1;
  }
  return refs;
}

// Where a converter reads its rows from, and how many to expect.
struct TableSource {
  const RowSource& rows;
  const RowCounter& count;
};

// Converts every row of `entity` that `rows` visits with `read_one(reader)`, which returns the
// record; stops at the first row with a problem (or the first failure of the source).
template <typename Record, typename ReadOne>
std::optional<Error> convert(const TableSource& source, Entity entity, std::vector<Record>& out, ReadOne read_one) {
  const EntitySpec& spec = entity_spec(entity);
  if (source.count) out.reserve(source.count(entity));
  std::size_t row_number = 0;
  std::optional<Error> problem;
  const Status visited = source.rows(entity, [&](RowValues row) -> Status {
    RowReader reader(spec, ++row_number, row);
    Record record = read_one(reader);
    if (reader.error()) {
      problem = reader.error();
      return *problem;
    }
    out.push_back(std::move(record));
    return ok_status();
  });
  if (problem) return problem;
  if (!visited) return visited.error();
  return std::nullopt;
}

std::optional<Error> convert_crimes(const TableSource& rows, std::vector<CrimeRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Crimes);
  const std::size_t ref = column(s, "crime_ref"), force = column(s, "force_code"), offence = column(s, "offence_code"),
                    reported = column(s, "reported_date"), child = column(s, "child_victim"),
                    outcome = column(s, "outcome_code"), outcome_date = column(s, "outcome_date"),
                    officer = column(s, "officer_ref"), unit = column(s, "unit_ref"),
                    recorded = column(s, "recorded_date"), committed = column(s, "committed_date"),
                    committed_time = column(s, "committed_time"), district = column(s, "postcode_district"),
                    lsoa = column(s, "lsoa_code"), domestic = column(s, "domestic_abuse"), online = column(s, "online");
  return convert(rows, Entity::Crimes, out, [&](RowReader& r) {
    return CrimeRecord{r.required_text(ref),       r.text(force),
                       r.text(offence),            r.date(reported),
                       r.optional_boolean(child).value_or(false),
                       r.integer(outcome),         r.optional_date(outcome_date),
                       r.text(officer),            r.text(unit),
                       r.optional_date(recorded),  r.optional_date(committed),
                       r.minute_of_day(committed_time),
                       ascii_upper(r.text(district)), r.text(lsoa),
                       r.optional_boolean(domestic), r.optional_boolean(online)};
  });
}

std::optional<Error> convert_persons(const TableSource& rows, std::vector<PersonRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Persons);
  const std::size_t ref = column(s, "person_ref"), force = column(s, "force_code"), disability = column(s, "disability"),
                    sex = column(s, "sex"), ethnicity = column(s, "ethnicity"), dob = column(s, "dob");
  return convert(rows, Entity::Persons, out, [&](RowReader& r) {
    const std::string disability_code = ascii_upper(r.text(disability));
    return PersonRecord{r.required_text(ref),        r.text(force),   disability_code == "Y",
                        ascii_upper(r.text(sex)),    ascii_upper(r.text(ethnicity)),
                        disability_code,             r.optional_date(dob)};
  });
}

std::optional<Error> convert_involvements(const TableSource& rows,
                                          std::vector<InvolvementRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Involvements);
  const std::size_t crime = column(s, "crime_ref"), person = column(s, "person_ref"), role = column(s, "role"),
                    status = column(s, "suspect_status"), age = column(s, "age_at_offence"),
                    relationship = column(s, "relationship_to_victim"), named = column(s, "named_date");
  return convert(rows, Entity::Involvements, out, [&](RowReader& r) {
    return InvolvementRecord{r.required_text(crime),       r.required_text(person),
                             parse_involvement_role(r.text(role)), ascii_lower(r.text(status)),
                             r.optional_integer(age),      ascii_lower(r.text(relationship)),
                             r.optional_date(named)};
  });
}

std::optional<Error> convert_arrests(const TableSource& rows, std::vector<ArrestRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Arrests);
  const std::size_t ref = column(s, "arrest_ref"), crime = column(s, "crime_ref"), person = column(s, "person_ref"),
                    arrested = column(s, "arrest_date"), disposal = column(s, "disposal"),
                    disposal_date = column(s, "disposal_date");
  return convert(rows, Entity::Arrests, out, [&](RowReader& r) {
    return ArrestRecord{r.required_text(ref), r.required_text(crime), r.required_text(person), r.date(arrested),
                        parse_arrest_disposal(r.text(disposal)), r.optional_date(disposal_date)};
  });
}

std::optional<Error> convert_bail(const TableSource& rows, std::vector<BailPeriodRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Bail);
  const std::size_t ref = column(s, "bail_ref"), arrest = column(s, "arrest_ref"), number = column(s, "period_number"),
                    start = column(s, "start_date"), end = column(s, "end_date"), by = column(s, "authorised_by"),
                    authorised = column(s, "authorised_date"), conditions = column(s, "conditions"),
                    views = column(s, "victim_views_sought"), ended = column(s, "ended_date"),
                    reason = column(s, "end_reason");
  return convert(rows, Entity::Bail, out, [&](RowReader& r) {
    return BailPeriodRecord{r.required_text(ref),        r.required_text(arrest),
                            r.integer(number),           r.date(start),
                            r.date(end),                 ascii_upper(r.required_text(by)),
                            r.optional_date(authorised), r.text(conditions),
                            r.optional_boolean(views),   r.optional_date(ended),
                            parse_bail_end_reason(r.text(reason))};
  });
}

std::optional<Error> convert_orders(const TableSource& rows, std::vector<OrderRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Orders);
  const std::size_t ref = column(s, "order_ref"), type = column(s, "order_type"),
                    subject = column(s, "subject_person_ref"), protected_refs = column(s, "protected_person_refs"),
                    crime = column(s, "crime_ref"), status = column(s, "status"), start = column(s, "start_date"),
                    end = column(s, "end_date"), ufo = column(s, "until_further_order"),
                    applied = column(s, "applied_date"), basis = column(s, "basis");
  return convert(rows, Entity::Orders, out, [&](RowReader& r) {
    return OrderRecord{r.required_text(ref),          ascii_upper(r.text(type)),
                       r.required_text(subject),      split_references(r.text(protected_refs)),
                       r.text(crime),                 parse_order_status(r.text(status)),
                       r.optional_date(start),        r.optional_date(end),
                       r.optional_boolean(ufo).value_or(false),
                       r.optional_date(applied),      ascii_lower(r.text(basis))};
  });
}

std::optional<Error> convert_breaches(const TableSource& rows, std::vector<BreachRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Breaches);
  const std::size_t ref = column(s, "breach_ref"), of = column(s, "breach_of"), bail = column(s, "bail_ref"),
                    order = column(s, "order_ref"), person = column(s, "person_ref"),
                    occurred = column(s, "occurred_date"), reported = column(s, "reported_date"),
                    response = column(s, "response"), response_date = column(s, "response_date"),
                    new_crime = column(s, "new_crime_ref");
  return convert(rows, Entity::Breaches, out, [&](RowReader& r) {
    return BreachRecord{r.required_text(ref),     parse_breach_of(r.text(of)),    r.text(bail),
                        r.text(order),            r.required_text(person),        r.date(occurred),
                        r.date(reported),         ascii_lower(r.text(response)),  r.optional_date(response_date),
                        r.text(new_crime)};
  });
}

std::optional<Error> convert_contacts(const TableSource& rows,
                                      std::vector<VictimContactRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::VictimContacts);
  const std::size_t crime = column(s, "crime_ref"), person = column(s, "person_ref"),
                    contacted = column(s, "contact_date"), purpose = column(s, "purpose"),
                    frequency = column(s, "agreed_frequency_days"), officer = column(s, "officer_ref");
  return convert(rows, Entity::VictimContacts, out, [&](RowReader& r) {
    return VictimContactRecord{r.required_text(crime), r.required_text(person), r.date(contacted),
                               parse_contact_purpose(r.text(purpose)), r.optional_integer(frequency),
                               r.text(officer)};
  });
}

std::optional<Error> convert_biometrics(const TableSource& rows, std::vector<BiometricRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Biometrics);
  const std::size_t ref = column(s, "biometric_ref"), person = column(s, "person_ref"), arrest = column(s, "arrest_ref"),
                    taken = column(s, "samples_taken_date"), dna = column(s, "dna_taken"),
                    prints = column(s, "fingerprints_taken"), convictions = column(s, "previous_convictions"),
                    no_charge = column(s, "no_charge_date"), ground = column(s, "ground"),
                    applied = column(s, "application_date"), decision = column(s, "decision"),
                    decided = column(s, "decision_date");
  return convert(rows, Entity::Biometrics, out, [&](RowReader& r) {
    return BiometricRecord{r.required_text(ref),
                           r.required_text(person),
                           r.required_text(arrest),
                           r.date(taken),
                           r.optional_boolean(dna).value_or(false),
                           r.optional_boolean(prints).value_or(false),
                           r.optional_boolean(convictions),
                           r.optional_date(no_charge),
                           ascii_lower(r.text(ground)),
                           r.optional_date(applied),
                           parse_s63g_decision(r.text(decision)),
                           r.optional_date(decided)};
  });
}

std::optional<Error> convert_officers(const TableSource& rows, std::vector<OfficerRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Officers);
  const std::size_t ref = column(s, "officer_ref"), force = column(s, "force_code"), unit = column(s, "unit_ref"),
                    rank = column(s, "rank"), role = column(s, "role"), start = column(s, "start_date"),
                    leave = column(s, "leave_date");
  return convert(rows, Entity::Officers, out, [&](RowReader& r) {
    return OfficerRecord{r.required_text(ref),       r.text(force),          r.text(unit),
                         ascii_upper(r.text(rank)),  ascii_lower(r.text(role)),
                         r.optional_date(start),     r.optional_date(leave)};
  });
}

std::optional<Error> convert_units(const TableSource& rows, std::vector<UnitRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Units);
  const std::size_t ref = column(s, "unit_ref"), force = column(s, "force_code"), name = column(s, "name"),
                    type = column(s, "unit_type");
  return convert(rows, Entity::Units, out, [&](RowReader& r) {
    return UnitRecord{r.required_text(ref), r.text(force), r.text(name), ascii_lower(r.text(type))};
  });
}

std::optional<Error> convert_training(const TableSource& rows, std::vector<TrainingRecord>& out) {
  const EntitySpec& s = entity_spec(Entity::Training);
  const std::size_t ref = column(s, "training_ref"), officer = column(s, "officer_ref"), course = column(s, "course_code"),
                    completed = column(s, "completed_date"), expiry = column(s, "expiry_date");
  return convert(rows, Entity::Training, out, [&](RowReader& r) {
    return TrainingRecord{r.required_text(ref), r.required_text(officer), ascii_upper(r.text(course)),
                          r.date(completed), r.optional_date(expiry)};
  });
}

}  // namespace

Result<ExtractTables> extract_tables_from_source(const RowSource& row_source, const RowCounter& count) {
  const TableSource rows{row_source, count};
  ExtractTables inputs;
  for (const auto& error : {convert_crimes(rows, inputs.crimes), convert_persons(rows, inputs.persons),
                            convert_involvements(rows, inputs.involvements), convert_arrests(rows, inputs.arrests),
                            convert_bail(rows, inputs.bail_periods), convert_orders(rows, inputs.orders),
                            convert_breaches(rows, inputs.breaches), convert_contacts(rows, inputs.victim_contacts),
                            convert_biometrics(rows, inputs.biometrics), convert_officers(rows, inputs.officers),
                            convert_units(rows, inputs.units), convert_training(rows, inputs.training)}) {
    if (error) return *error;
  }
  return inputs;
}

Result<ExtractTables> extract_tables_from_rows(const std::map<Entity, EntityRows>& rows) {
  return extract_tables_from_source([&rows](Entity entity, const RowVisitor& visit) -> Status {
    const auto found = rows.find(entity);
    if (found == rows.end()) return ok_status();
    std::vector<std::string_view> values;
    for (const std::vector<std::string>& row : found->second) {
      values.assign(row.begin(), row.end());
      if (Status visited = visit(values); !visited) return visited;
    }
    return ok_status();
  });
}

}  // namespace rasso
