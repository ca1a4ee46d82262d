#include "linkage/nysiis.h"

namespace rasso::linkage {
namespace {

bool is_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string upper_letters(std::string_view name) {
  std::string letters;
  letters.reserve(name.size());
  for (char c : name) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c >= 'A' && c <= 'Z') letters += c;
  }
  return letters;
}

// Taft's step 1 (first letters) and step 2 (last letters).
void translate_ends(std::string& s) {
  if (starts_with(s, "MAC")) {
    s.replace(0, 3, "MCC");
  } else if (starts_with(s, "KN")) {
    s.replace(0, 2, "NN");
  } else if (starts_with(s, "K")) {
    s[0] = 'C';
  } else if (starts_with(s, "PH") || starts_with(s, "PF")) {
    s.replace(0, 2, "FF");
  } else if (starts_with(s, "SCH")) {
    s.replace(0, 3, "SSS");
  }
  if (ends_with(s, "EE") || ends_with(s, "IE")) {
    s.replace(s.size() - 2, 2, "Y");
  } else if (ends_with(s, "DT") || ends_with(s, "RT") || ends_with(s, "RD") || ends_with(s, "NT") ||
             ends_with(s, "ND")) {
    s.replace(s.size() - 2, 2, "D");
  }
}

// Taft's step 4: rewrites s[i] (and for two- and three-letter groups the letters after it) in place.
void translate_at(std::string& s, std::size_t i) {
  const std::size_t n = s.size();
  const char c = s[i];
  const char next = i + 1 < n ? s[i + 1] : '\0';
  if (is_vowel(c)) {
    if (c == 'E' && next == 'V') {
      s[i] = 'A';
      s[i + 1] = 'F';
    } else {
      s[i] = 'A';
    }
  } else if (c == 'Q') {
    s[i] = 'G';
  } else if (c == 'Z') {
    s[i] = 'S';
  } else if (c == 'M') {
    s[i] = 'N';
  } else if (c == 'K') {
    s[i] = next == 'N' ? 'N' : 'C';
  } else if (c == 'S' && next == 'C' && i + 2 < n && s[i + 2] == 'H') {
    s[i + 1] = 'S';
    s[i + 2] = 'S';
  } else if (c == 'P' && next == 'H') {
    s[i] = 'F';
    s[i + 1] = 'F';
  } else if ((c == 'H' && (!is_vowel(s[i - 1]) || !is_vowel(next))) || (c == 'W' && is_vowel(s[i - 1]))) {
    s[i] = s[i - 1];  // an H beside a consonant, or a W after a vowel, takes the preceding letter
  }
}

}  // namespace

std::string nysiis(std::string_view name, std::size_t max_length) {
  std::string s = upper_letters(name);
  if (s.empty()) return s;
  translate_ends(s);

  std::string key(1, s[0]);
  for (std::size_t i = 1; i < s.size(); ++i) {
    translate_at(s, i);
    if (s[i] != key.back()) key += s[i];
  }

  if (key.size() > 1 && key.back() == 'S') key.pop_back();
  if (ends_with(key, "AY")) key.replace(key.size() - 2, 2, "Y");
  if (key.size() > 1 && key.back() == 'A') key.pop_back();
  if (max_length != 0 && key.size() > max_length) key.resize(max_length);
  return key;
}

}  // namespace rasso::linkage
