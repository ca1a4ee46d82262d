#include "ingest/import_problem.h"

namespace rasso {

std::string ImportProblem::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (!field.empty()) out += "field '" + field + "' ";
  if (!field.empty() || !value.empty()) out += "value '" + value + "': ";
  out += rule;
  return out;
}

}  // namespace rasso
