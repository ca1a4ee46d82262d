#pragma once
// The reference text of the extract formats (docs/data-formats.md), produced from the same
// field specifications and code tables the importer validates against, so the document cannot
// drift from the code: a test regenerates it and compares.

#include <string>

#include "core/code_table.h"

namespace rasso {

/// The whole data-formats document as Markdown.
std::string data_formats_markdown(const CodeTables& codes);

}  // namespace rasso
