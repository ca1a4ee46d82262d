#include "worklists/reason_text.h"

#include <charconv>
#include <cstring>

namespace rasso {

void ReasonText::append(const char* data, std::size_t size) {
  if (overflow_.empty() && size_ + size <= buffer_.size()) {
    std::memcpy(buffer_.data() + size_, data, size);
    size_ += size;
    return;
  }
  if (overflow_.empty()) overflow_.assign(buffer_.data(), size_);
  overflow_.append(data, size);
}

ReasonText& ReasonText::operator<<(CivilDate date) {
  const int year = date.year(), month = date.month(), day = date.day();
  if (year < 1000 || year > 9999) return *this << date.to_iso();
  const char iso[10] = {static_cast<char>('0' + year / 1000),    static_cast<char>('0' + year / 100 % 10),
                        static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10),
                        '-',                                     static_cast<char>('0' + month / 10),
                        static_cast<char>('0' + month % 10),     '-',
                        static_cast<char>('0' + day / 10),       static_cast<char>('0' + day % 10)};
  append(iso, sizeof iso);
  return *this;
}

ReasonText& ReasonText::append_integer(long long number) {
  char digits[24];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, number);
  append(digits, static_cast<std::size_t>(end - digits));
  return *this;
}

std::string ReasonText::take() {
  std::string text = overflow_.empty() ? std::string(buffer_.data(), size_) : std::move(overflow_);
  size_ = 0;
  overflow_.clear();
  return text;
}

ReasonText& operator<<(ReasonText& text, InDays in) {
  if (in.days == 0) return text << "today";
  return text << "in " << in.days << (in.days == 1 ? " day" : " days");
}

}  // namespace rasso
