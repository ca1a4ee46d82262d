#include "ingest/data_format_reference.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/field_spec.h"
#include "ingest/reference_data.h"

namespace rasso {
namespace {

std::string generated() { return data_formats_markdown(*load_code_tables(reference_data_dir())); }

TEST(DataFormatReference, CommittedDocumentIsUpToDate) {
  std::ifstream in(std::string(RASSO_SOURCE_DIR) + "/docs/data-formats.md");
  std::ostringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(committed.str(), generated())
      << "docs/data-formats.md is stale: run build/release/rasso formats > docs/data-formats.md";
}

TEST(DataFormatReference, DocumentsEveryColumnAndCodeTable) {
  const std::string text = generated();
  for (Entity entity : kEntitiesInLoadOrder) {
    EXPECT_NE(text.find("## `" + std::string(entity_name(entity)) + ".csv`"), std::string::npos);
    for (const FieldSpec& field : entity_spec(entity).fields) {
      EXPECT_NE(text.find("| `" + std::string(field.name) + "` |"), std::string::npos) << field.name;
    }
  }
  EXPECT_NE(text.find("### `offence`"), std::string::npos);
  EXPECT_NE(text.find("| `19C` |"), std::string::npos);
}

}  // namespace
}  // namespace rasso
