#include "ingest/field_normaliser.h"

#include <utf8cpp/utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "core/civil_date.h"
#include "core/identifier_formats.h"

namespace rasso {
namespace {

Error broken(std::string rule) { return Error{"invalid_value", std::move(rule)}; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Free text may hold line breaks and tabs (e.g. bail conditions) but no other control bytes.
std::string control_problem(std::string_view text, bool multiline) {
  for (unsigned char c : text) {
    if (c == 0) return "contains a NUL byte";
    if (c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) return "contains a control character";
    if (c == 0x7f) return "contains a control character";
  }
  return {};
}

bool starts_like_formula(std::string_view text) {
  return !text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '@');
}

Result<std::string> normalise_integer(const FieldSpec& field, std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return broken("must be a whole number");
  if (value < field.min_value || value > field.max_value) {
    return broken("must be between " + std::to_string(field.min_value) + " and " + std::to_string(field.max_value));
  }
  return std::to_string(value);
}

Result<std::string> normalise_boolean(std::string_view text) {
  const std::string lower = ascii_lower(text);
  if (lower == "y" || lower == "yes" || lower == "true" || lower == "1") return std::string("1");
  if (lower == "n" || lower == "no" || lower == "false" || lower == "0") return std::string("0");
  return broken("must be Y or N");
}

Result<std::string> normalise_code(const FieldSpec& field, std::string_view text, const CodeTables& codes) {
  const CodeTable* table = codes.table(field.detail);
  if (table == nullptr) return broken("code table '" + std::string(field.detail) + "' is not installed");
  const CodeEntry* entry = table->find(text);
  if (entry == nullptr) {
    return broken("is not a code of table '" + std::string(field.detail) + "' (allowed: " + table->codes_list() + ")");
  }
  return entry->code;
}

Result<std::string> normalise_time(std::string_view text) {
  const bool shaped = text.size() == 5 && text[2] == ':' && std::isdigit(static_cast<unsigned char>(text[0])) &&
                      std::isdigit(static_cast<unsigned char>(text[1])) && std::isdigit(static_cast<unsigned char>(text[3])) &&
                      std::isdigit(static_cast<unsigned char>(text[4]));
  if (!shaped) return broken("expected a 24-hour time HH:MM");
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return broken("no such time of day");
  return std::string(text);
}

Result<std::string> normalise_reference_list(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    const std::string_view item = trim(text.substr(start, end - start));
    if (!is_identifier_shape(item)) return broken("must be references separated by ';' (letters, digits, - _ . /)");
    if (!out.empty()) out += ';';
    out += item;
    start = end + 1;
  }
  return out;
}

Result<std::string> normalise_typed(const FieldSpec& field, std::string_view text, const CodeTables& codes) {
  switch (field.type) {
    case FieldType::Text:
      if (starts_like_formula(text)) return broken("must not start with =, + or @ (a spreadsheet formula)");
      return std::string(text);
    case FieldType::Date: {
      const std::string problem = CivilDate::parse_iso_problem(text);
      if (!problem.empty()) return broken(problem);
      return std::string(text);
    }
    case FieldType::Time: return normalise_time(text);
    case FieldType::Integer: return normalise_integer(field, text);
    case FieldType::Boolean: return normalise_boolean(text);
    case FieldType::Code: return normalise_code(field, text, codes);
    case FieldType::Reference:
    case FieldType::Identifier:
      if (!is_identifier_shape(text)) return broken("must be 1-64 letters, digits or - _ . /");
      return std::string(text);
    case FieldType::ReferenceList: return normalise_reference_list(text);
    case FieldType::Postcode: {
      auto postcode = normalise_postcode(text);
      if (!postcode) return broken("must be a postcode: letters and digits with at most one space, 8 characters at most");
      return *postcode;
    }
    case FieldType::PncId: {
      const std::string upper = ascii_upper(text);
      if (!is_pnc_id_shape(upper)) return broken("must be a PNC ID shaped YYYY/NNNNNNNL");
      return upper;
    }
    case FieldType::CroNumber: {
      const std::string upper = ascii_upper(text);
      if (!is_cro_number_shape(upper)) return broken("must be a CRO number shaped NNNNNN/YYL");
      return upper;
    }
  }
  return broken("has an unknown field type");
}

}  // namespace

std::string displayable_value(std::string_view value) {
  std::string out;
  for (unsigned char c : value.substr(0, 60)) {
    if (c < 0x20 || c == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (value.size() > 60) out += "... (" + std::to_string(value.size()) + " bytes)";
  return out;
}

Result<std::string> normalise_field(const FieldSpec& field, std::string_view raw, const CodeTables& codes) {
  if (!utf8::is_valid(raw.begin(), raw.end())) return broken("is not valid UTF-8");
  const std::string control = control_problem(raw, field.type == FieldType::Text && field.max_length >= 2000);
  if (!control.empty()) return broken(control);
  const std::string_view text = trim(raw);
  if (text.size() > field.max_length) {
    return broken("is " + std::to_string(text.size()) + " bytes long; at most " + std::to_string(field.max_length) +
                  " are allowed");
  }
  if (text.empty()) {
    if (field.required) return broken("is required but empty");
    return std::string();
  }
  return normalise_typed(field, text, codes);
}

}  // namespace rasso
