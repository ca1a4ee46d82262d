// rasso: the RASSO Workbench command. Each subcommand lives in its own command_*.cpp file.

#include <CLI/CLI.hpp>

#include <exception>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/huge_page_heap.h"

int main(int argc, char** argv) {
  rasso::cli::use_huge_page_heap(argv);
  CLI::App app{"RASSO Workbench: repeat suspects, safeguarding worklists and NOM performance for RASSO units"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "rasso 0.1.0");
  rasso::cli::CommandContext context;
  rasso::cli::register_init_command(app, context);
  rasso::cli::register_import_command(app, context);
  rasso::cli::register_generate_command(app, context);
  rasso::cli::register_status_command(app, context);
  rasso::cli::register_formats_command(app, context);
  rasso::cli::register_audit_command(app, context);
  rasso::cli::register_suspects_command(app, context);
  rasso::cli::register_link_command(app, context);
  rasso::cli::register_person_command(app, context);
  rasso::cli::register_review_command(app, context);
  rasso::cli::register_worklist_command(app, context);
  rasso::cli::register_record_command(app, context);
  rasso::cli::register_quality_command(app, context);
  rasso::cli::register_labelled_set_command(app, context);
  rasso::cli::register_training_command(app, context);
  rasso::cli::register_caseload_command(app, context);
  rasso::cli::register_wellbeing_command(app, context);
  rasso::cli::register_recommendations_command(app, context);
  rasso::cli::register_panel_command(app, context);
  rasso::cli::register_kpi_command(app, context);
  rasso::cli::register_report_command(app, context);
  rasso::cli::register_export_command(app, context);
  rasso::cli::register_serve_command(app, context);
  rasso::cli::register_user_command(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : rasso::cli::kExitUsage;
  } catch (const std::exception& error) {
    fmt::print(stderr, "rasso: unexpected failure: {}\n", error.what());
    return rasso::cli::kExitFailure;
  }
  return context.exit_code;
}
