#pragma once
// ProgressBar: a one-line progress bar on stderr for long CLI work. It draws only when stderr is
// a terminal (quiet in scripts and CI) and redraws at most ten times a second.

#include <chrono>
#include <cstddef>
#include <string>

namespace rasso::cli {

class ProgressBar {
 public:
  /// `label` is shown before the bar, e.g. "importing".
  explicit ProgressBar(std::string label);
  ~ProgressBar();

  /// Shows `done` of `total` units (bytes, rows); total 0 means unknown.
  void update(std::size_t done, std::size_t total);
  /// Clears the bar's line.
  void finish();

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace rasso::cli
