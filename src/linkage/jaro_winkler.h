#pragma once
// Jaro and Jaro-Winkler string similarity (Winkler 1990), the standard measure for comparing
// short strings such as names with typos: 1.0 for identical strings, 0.0 for strings with no
// characters in common.

#include <string_view>

namespace rasso::linkage {

/// Jaro similarity of `a` and `b`, byte by byte, in [0, 1]. Two empty strings give 1.0; one empty
/// string gives 0.0. Example: jaro("MARTHA", "MARHTA") = 0.944.
double jaro(std::string_view a, std::string_view b);

/// Jaro-Winkler similarity: the Jaro similarity raised for a common prefix of up to 4 characters
/// by 0.1 per character, applied when the Jaro similarity is above 0.7 (Winkler's boost
/// threshold). Example: jaro_winkler("MARTHA", "MARHTA") = 0.961, ("DWAYNE", "DUANE") = 0.84.
/// Allocation-free for strings up to 64 bytes; thread-safe.
double jaro_winkler(std::string_view a, std::string_view b);

}  // namespace rasso::linkage
