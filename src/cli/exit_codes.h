#pragma once
// Exit codes of the rasso command, the same for every subcommand so scripts can rely on them.

#include <string>

namespace rasso::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;       // an unexpected failure
inline constexpr int kExitUsage = 2;         // bad command line (CLI11 also uses this range)
inline constexpr int kExitInvalidInput = 3;  // the input was refused (e.g. an extract with errors)
inline constexpr int kExitStore = 4;         // the store could not be opened, is busy or failed
inline constexpr int kExitIo = 5;            // a file or folder could not be read or written

/// The exit code for an Error code such as "invalid_input" or "store".
int exit_code_for(const std::string& error_code);

}  // namespace rasso::cli
