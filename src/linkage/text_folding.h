#pragma once
// Folding of free text (names) to the plain upper-case ASCII form that every comparison in the
// linkage engine works on: "Zoë O'Brien-Smith" -> "ZOE OBRIEN SMITH".

#include <string>
#include <string_view>

namespace rasso::linkage {

/// Folds UTF-8 `text` to upper-case ASCII letters, digits and single spaces:
///  - letters of Latin-1 Supplement and Latin Extended-A lose their accents (É -> E, Ł -> L,
///    ß -> SS, Æ -> AE, Œ -> OE, Þ -> TH);
///  - apostrophes (' ` and U+2018/U+2019) are dropped, so O'Brien -> OBRIEN;
///  - any other punctuation (full stop, comma, hyphen, ...) or white space becomes one space, so
///    "R.J." -> "R J" and Smith-Jones -> "SMITH JONES"; leading and trailing spaces are removed;
///  - code points outside those blocks (other scripts, symbols) and invalid UTF-8 bytes are dropped.
/// Never fails; returns "" for text with no letters or digits.
std::string fold_to_ascii_upper(std::string_view text);

}  // namespace rasso::linkage
