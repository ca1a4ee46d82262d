#pragma once
// NYSIIS (New York State Identification and Intelligence System) phonetic code, as defined by
// Taft (1970): a name-keying algorithm built from surnames in criminal-justice records, which
// maps spellings that sound alike ("BROWNE", "BRAUN") to one key ("BRAN"). Used by blocking so
// that one typo or variant spelling does not keep two records apart.

#include <cstddef>
#include <string>
#include <string_view>

namespace rasso::linkage {

/// The original keying length of Taft's NYSIIS.
inline constexpr std::size_t kNysiisOriginalLength = 6;

/// The NYSIIS key of `name`. Letters a-z/A-Z are used (case-insensitively) and every other
/// character is ignored, so pass text already folded to ASCII (fold_to_ascii_upper). The key is
/// truncated to `max_length` characters (0 = no truncation). Returns "" when `name` holds no letter.
/// Examples: "Knuth" -> "NAT", "MacIntosh" -> "MCANT", "Phillipson" -> "FALAPS".
std::string nysiis(std::string_view name, std::size_t max_length = kNysiisOriginalLength);

}  // namespace rasso::linkage
