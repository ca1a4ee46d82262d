#include <fmt/format.h>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "ingest/data_format_reference.h"

namespace rasso::cli {

void register_formats_command(CLI::App& app, CommandContext& context) {
  CLI::App* command = app.add_subcommand("formats", "Print the extract file formats and code tables (Markdown)");
  command->callback([&context] {
    CodeTables codes;
    if (!context.load_codes(codes)) return;
    fmt::print("{}", data_formats_markdown(codes));
  });
}

}  // namespace rasso::cli
