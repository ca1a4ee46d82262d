#include "core/identifier_formats.h"

namespace rasso {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alnum(char c) { return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z'); }

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

constexpr std::string_view kCheckLetters = "ZABCDEFGHJKLMNPQRTUVWXY";

}  // namespace

bool is_pnc_id_shape(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash != 2 && slash != 4) return false;
  const std::string_view serial = text.substr(slash + 1);
  return digits(text.substr(0, slash)) && serial.size() == 8 && digits(serial.substr(0, 7)) && is_upper(serial[7]);
}

char pnc_check_character(int year, long serial) {
  const long long value = static_cast<long long>(year % 100) * 10000000LL + serial;
  return kCheckLetters[static_cast<std::size_t>(value % 23)];
}

bool pnc_id_check_character_valid(std::string_view pnc_id) {
  if (!is_pnc_id_shape(pnc_id)) return false;
  const std::size_t slash = pnc_id.find('/');
  const int year = std::stoi(std::string(pnc_id.substr(0, slash)));
  const long serial = std::stol(std::string(pnc_id.substr(slash + 1, 7)));
  return pnc_check_character(year, serial) == pnc_id[slash + 8];
}

bool is_cro_number_shape(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash > 6) return false;
  const std::string_view tail = text.substr(slash + 1);
  return digits(text.substr(0, slash)) && tail.size() == 3 && digits(tail.substr(0, 2)) && is_upper(tail[2]);
}

std::optional<std::string> normalise_postcode(std::string_view text) {
  std::string out;
  bool pending_space = false;
  int spaces = 0;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (!is_alnum(c)) return std::nullopt;
    if (pending_space) {
      out += ' ';
      ++spaces;
      pending_space = false;
    }
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  if (out.empty() || out.size() > 8 || spaces > 1) return std::nullopt;
  return out;
}

bool is_identifier_shape(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  for (char c : text) {
    if (!is_alnum(c) && c != '-' && c != '_' && c != '.' && c != '/') return false;
  }
  return true;
}

}  // namespace rasso
