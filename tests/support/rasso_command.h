#pragma once
// Runs the real rasso binary (or another command, such as curl) for end-to-end tests and captures
// its exit code and output.

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace rasso::testing_support {

struct CommandResult {
  int exit_code;
  std::string output;
};

/// Runs the shell command `command` and captures its standard output.
inline CommandResult run_shell(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

/// Runs `rasso ARGUMENTS`; with `include_stderr` its standard error is captured too.
inline CommandResult run_rasso(const std::string& arguments, bool include_stderr = true) {
  return run_shell(std::string(RASSO_BINARY) + " " + arguments + (include_stderr ? " 2>&1" : " 2>/dev/null"));
}

}  // namespace rasso::testing_support
