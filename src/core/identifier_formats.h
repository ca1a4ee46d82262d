#pragma once
// Shape checks for the identifiers police records carry. Shapes only: a PNC ID with a wrong check
// character is still accepted at import (it is real-world data to be reported by data quality),
// so pnc_check_character() is separate.

#include <optional>
#include <string>
#include <string_view>

namespace rasso {

/// True if `text` (already upper-cased) looks like a PNC ID: YYYY/NNNNNNNL or YY/NNNNNNNL.
bool is_pnc_id_shape(std::string_view text);

/// The check character a PNC ID with this year and serial should carry: the letter at index
/// (yy * 10^7 + serial) mod 23 of "ZABCDEFGHJKLMNPQRTUVWXY", where yy is the year's last two digits.
char pnc_check_character(int year, long serial);

/// True if `pnc_id` has the PNC shape and its check character matches. Used by data quality.
bool pnc_id_check_character_valid(std::string_view pnc_id);

/// True if `text` (already upper-cased) looks like a CRO number: NNNNNN/YYL (serial 1-6 digits).
bool is_cro_number_shape(std::string_view text);

/// Normalises a postcode or postcode district: upper case, inner whitespace collapsed to one
/// space. Returns nullopt if it holds anything but letters, digits and one space, or is longer
/// than 8 characters.
std::optional<std::string> normalise_postcode(std::string_view text);

/// True if `text` can be a record key: 1-64 characters of letters, digits and - _ . /.
bool is_identifier_shape(std::string_view text);

}  // namespace rasso
