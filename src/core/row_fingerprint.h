#pragma once
// A stable 64-bit fingerprint of a row's normalised values (FNV-1a over the values with a
// separator that cannot occur in them), used to tell a changed row from an unchanged one on
// re-import. Stable across builds and platforms because it is stored.

#include <cstdint>
#include <span>
#include <string>

namespace rasso {

std::uint64_t row_fingerprint(std::span<const std::string> values);

}  // namespace rasso
