#include "reports/export_table.h"

namespace rasso {

std::string neutralise_spreadsheet_text(std::string_view text) {
  const bool formula_like = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                                              text[0] == '\t' || text[0] == '\r');
  return formula_like ? "'" + std::string(text) : std::string(text);
}

}  // namespace rasso
