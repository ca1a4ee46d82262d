#pragma once
// ReasonText: builds an item's reason (`text << "expires on " << date << ", in " << days`),
// writing dates as ISO 8601 without printf, in a buffer on the stack, so that each reason costs
// one allocation of exactly its length. A worklist over a million crimes writes hundreds of
// thousands of reasons.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/civil_date.h"

namespace rasso {

class ReasonText {
 public:
  ReasonText& operator<<(std::string_view part) {
    append(part.data(), part.size());
    return *this;
  }
  ReasonText& operator<<(const char* part) { return *this << std::string_view(part); }
  ReasonText& operator<<(const std::string& part) { return *this << std::string_view(part); }
  ReasonText& operator<<(CivilDate date);

  template <typename Integer, typename = std::enable_if_t<std::is_integral_v<Integer>>>
  ReasonText& operator<<(Integer number) {
    return append_integer(static_cast<long long>(number));
  }

  /// The text built so far, as a string of exactly its length; the builder is left empty.
  std::string take();

 private:
  void append(const char* data, std::size_t size);
  ReasonText& append_integer(long long number);

  std::array<char, 256> buffer_;
  std::size_t size_ = 0;
  std::string overflow_;  // used once the text outgrows the buffer
};

/// Writes "today", "in 1 day" or "in 8 days": `text << InDays{days_left}`.
struct InDays {
  long long days;
};
ReasonText& operator<<(ReasonText& text, InDays in);

}  // namespace rasso
