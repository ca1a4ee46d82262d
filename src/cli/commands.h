#pragma once
// Registration of each rasso subcommand; one file per command keeps the CLI thin and readable.

#include <CLI/CLI.hpp>

#include "cli/command_context.h"

namespace rasso::cli {

void register_init_command(CLI::App& app, CommandContext& context);
void register_import_command(CLI::App& app, CommandContext& context);
void register_status_command(CLI::App& app, CommandContext& context);
void register_generate_command(CLI::App& app, CommandContext& context);
void register_formats_command(CLI::App& app, CommandContext& context);
void register_audit_command(CLI::App& app, CommandContext& context);
void register_suspects_command(CLI::App& app, CommandContext& context);
void register_link_command(CLI::App& app, CommandContext& context);
void register_person_command(CLI::App& app, CommandContext& context);
void register_review_command(CLI::App& app, CommandContext& context);
void register_worklist_command(CLI::App& app, CommandContext& context);
void register_record_command(CLI::App& app, CommandContext& context);
void register_quality_command(CLI::App& app, CommandContext& context);
void register_labelled_set_command(CLI::App& app, CommandContext& context);
void register_training_command(CLI::App& app, CommandContext& context);
void register_caseload_command(CLI::App& app, CommandContext& context);
void register_wellbeing_command(CLI::App& app, CommandContext& context);
void register_recommendations_command(CLI::App& app, CommandContext& context);
void register_panel_command(CLI::App& app, CommandContext& context);
void register_kpi_command(CLI::App& app, CommandContext& context);
void register_report_command(CLI::App& app, CommandContext& context);
void register_export_command(CLI::App& app, CommandContext& context);
void register_serve_command(CLI::App& app, CommandContext& context);
void register_user_command(CLI::App& app, CommandContext& context);

}  // namespace rasso::cli
