#pragma once
// ImportProblem: one thing wrong with an extract, located precisely enough for the person who
// produced the extract to find and fix it.

#include <string>

namespace rasso {

struct ImportProblem {
  std::string file;   // file name within the extract folder, e.g. "crimes.csv"
  std::size_t line;   // 1-based physical line (the header is line 1 of a CSV file); 0 = whole file
  std::string field;  // column name, empty when the problem is not about one field
  std::string value;  // the offending value, made displayable
  std::string rule;   // the rule broken, in plain English

  /// "crimes.csv:12: field 'reported_date' value '2024-02-30': no such calendar date".
  std::string to_string() const;
};

}  // namespace rasso
