#include "cli/exit_codes.h"

namespace rasso::cli {

int exit_code_for(const std::string& error_code) {
  if (error_code == "invalid_input" || error_code == "invalid_value" || error_code == "csv_syntax") return kExitInvalidInput;
  if (error_code.rfind("store", 0) == 0 || error_code == "busy") return kExitStore;
  if (error_code == "io" || error_code == "reference_data") return kExitIo;
  return kExitFailure;
}

}  // namespace rasso::cli
