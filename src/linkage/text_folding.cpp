#include "linkage/text_folding.h"

#include <array>
#include <cstdint>

namespace rasso::linkage {
namespace {

// ASCII spelling of U+00C0..U+00FF, upper case; "" = not a letter (× and ÷).
constexpr std::array<const char*, 64> kLatin1Letters = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",   // C0-CF
    "D", "N", "O", "O", "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "TH", "SS",  // D0-DF
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",   // E0-EF
    "D", "N", "O", "O", "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "TH", "Y",   // F0-FF
};

// ASCII spelling of U+0100..U+017F (Latin Extended-A), upper case.
constexpr std::array<const char*, 128> kLatinExtendedA = {
    "A", "A", "A",  "A",  "A", "A", "C", "C", "C", "C", "C", "C", "C", "C", "D", "D",  // 0100
    "D", "D", "E",  "E",  "E", "E", "E", "E", "E", "E", "E", "E", "G", "G", "G", "G",  // 0110
    "G", "G", "G",  "G",  "H", "H", "H", "H", "I", "I", "I", "I", "I", "I", "I", "I",  // 0120
    "I", "I", "IJ", "IJ", "J", "J", "K", "K", "K", "L", "L", "L", "L", "L", "L", "L",  // 0130
    "L", "L", "L",  "N",  "N", "N", "N", "N", "N", "N", "N", "N", "O", "O", "O", "O",  // 0140
    "O", "O", "OE", "OE", "R", "R", "R", "R", "R", "R", "S", "S", "S", "S", "S", "S",  // 0150
    "S", "S", "T",  "T",  "T", "T", "T", "T", "U", "U", "U", "U", "U", "U", "U", "U",  // 0160
    "U", "U", "U",  "U",  "W", "W", "Y", "Y", "Y", "Z", "Z", "Z", "Z", "Z", "Z", "S",  // 0170
};

bool is_ascii_letter_or_digit(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_dropped_punctuation(char32_t c) { return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x60; }

// Decodes one UTF-8 code point starting at text[i], advancing i; returns 0xFFFD for a bad sequence.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  if (lead < 0x80) return lead;
  int extra = 0;
  char32_t value = 0;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    value = lead & 0x07;
  } else {
    return 0xFFFD;
  }
  for (int k = 0; k < extra; ++k) {
    if (i >= text.size()) return 0xFFFD;
    const auto next = static_cast<unsigned char>(text[i]);
    if ((next & 0xC0) != 0x80) return 0xFFFD;
    value = (value << 6) | (next & 0x3F);
    ++i;
  }
  return value;
}

// The ASCII letters for a non-ASCII code point, or nullptr if it is not a foldable letter.
const char* fold_letter(char32_t c) {
  if (c >= 0xC0 && c <= 0xFF) {
    const char* letters = kLatin1Letters[c - 0xC0];
    return *letters != '\0' ? letters : nullptr;
  }
  if (c >= 0x100 && c <= 0x17F) return kLatinExtendedA[c - 0x100];
  return nullptr;
}

}  // namespace

std::string fold_to_ascii_upper(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto append = [&](char c) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  };
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (is_ascii_letter_or_digit(c)) {
      append(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
    } else if (const char* letters = fold_letter(c)) {
      for (const char* p = letters; *p != '\0'; ++p) append(*p);
    } else if (is_dropped_punctuation(c)) {
      continue;
    } else if (c < 0x80 || c == 0xA0 || (c >= 0x2000 && c <= 0x206F)) {
      pending_space = true;  // separators and ASCII punctuation split words
    }
  }
  return out;
}

}  // namespace rasso::linkage
