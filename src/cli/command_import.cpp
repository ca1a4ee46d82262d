#include <fmt/format.h>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/progress_bar.h"
#include "ingest/extract_importer.h"

namespace rasso::cli {
namespace {

void print_report(const ImportReport& report) {
  fmt::print("{:<22} {:>10} {:>10} {:>10} {:>10}\n", "file", "read", "added", "changed", "unchanged");
  for (const FileImportCounts& file : report.files) {
    fmt::print("{:<22} {:>10} {:>10} {:>10} {:>10}\n", file.file, file.rows_read, file.added, file.changed,
               file.unchanged);
  }
  for (const std::string& ignored : report.ignored_files) fmt::print("ignored (not an extract file): {}\n", ignored);
}

}  // namespace

void register_import_command(CLI::App& app, CommandContext& context) {
  struct Options {
    std::string folder;
    std::string db;
    std::size_t max_errors = 50;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("import", "Import an RMS extract folder into the store (all or nothing)");
  command->add_option("folder", options->folder, "Extract folder (units.csv, crimes.csv, persons.csv, ...)")->required();
  CommandContext::add_db_option(*command, options->db);
  command->add_option("--max-errors", options->max_errors, "Stop after this many problems (default 50)")
      ->check(CLI::PositiveNumber);
  command->add_flag("--json", options->json, "Print the import report as JSON");
  command->callback([options, &context] {
    CodeTables codes;
    if (!context.load_codes(codes)) return;
    auto store = context.open_store(options->db, true);
    if (!store) return;
    ProgressBar bar("importing");
    ImportOptions import_options;
    import_options.max_problems = options->max_errors;
    import_options.now = now_iso;
    import_options.actor = context.actor();
    import_options.progress = [&bar](std::size_t done, std::size_t total) { bar.update(done, total); };
    auto report = import_extract(*store, options->folder, codes, import_options);
    bar.finish();
    if (!report) return context.fail(report.error());
    if (report->committed) context.refresh_snapshot(*store, options->json);
    if (options->json) {
      fmt::print("{}\n", report->to_json());
    } else if (report->committed) {
      fmt::print("Imported {} rows from {} into {} (import {}).\n", report->rows_read(), options->folder, options->db,
                 report->import_id);
      print_report(*report);
    }
    if (!report->committed) {
      for (const ImportProblem& problem : report->problems) fmt::print(stderr, "{}\n", problem.to_string());
      fmt::print(stderr, "rasso: import refused: {}{} problem(s); the store was not changed.\n",
                 report->stopped_early ? "at least " : "", report->problems.size());
      context.exit_code = kExitInvalidInput;
    }
  });
}

void register_init_command(CLI::App& app, CommandContext& context) {
  auto db = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("init", "Create an empty store, or bring an existing one's schema up to date");
  CommandContext::add_db_option(*command, *db);
  command->callback([db, &context] {
    auto store = context.open_store(*db, true);
    if (!store) return;
    auto version = store->schema_version();
    if (!version) return context.fail(version.error());
    fmt::print("Store {} is ready (schema version {}).\n", *db, *version);
  });
}

}  // namespace rasso::cli
