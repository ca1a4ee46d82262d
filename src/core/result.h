#pragma once
// Result<T>: the value of an operation that can fail in an expected way (bad input, missing
// record, permission denied). Exceptions are kept for what must abort; a Result carries an Error
// with a stable code and a message a user can act on.

#include <string>
#include <utility>
#include <variant>

namespace rasso {

/// A failure a caller is expected to handle. `code` is stable and machine-readable
/// (e.g. "not_found", "invalid_input"); `message` is written for a person.
struct Error {
  std::string code;
  std::string message;
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  /// The value; only valid when ok().
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  /// The error; only valid when !ok().
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

/// A Result with no value: success or an Error.
struct Success {};
using Status = Result<Success>;
inline Status ok_status() { return Success{}; }

}  // namespace rasso
