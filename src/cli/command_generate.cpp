#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "generator/force_data_generator.h"
#include "ingest/reference_data.h"

namespace rasso::cli {

void register_generate_command(CLI::App& app, CommandContext& context) {
  struct Options {
    GeneratorOptions generator;
    std::string out;
    std::string as_of;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command =
      app.add_subcommand("generate", "Write a synthetic RMS extract with known truth (truth.csv, planted.json)");
  command->add_option("--crimes", options->generator.crimes, "Number of crimes (default 2000)")
      ->check(CLI::PositiveNumber);
  command->add_option("--seed", options->generator.seed, "Random seed: the same seed gives the same bytes (default 1)");
  command->add_option("--out", options->out, "Output folder")->required();
  command->add_option("--as-of", options->as_of, "Last date of the data period, YYYY-MM-DD (default 2025-09-30)");
  command->add_option("--years", options->generator.years, "Years of data before --as-of (default 5)")
      ->check(CLI::Range(1, 30));
  command->add_option("--forces", options->generator.forces, "Force codes to share the crimes (default WD WM)")
      ->delimiter(',');
  command->add_flag("--json", options->json, "Print the summary as JSON");
  command->callback([options, &context] {
    if (!options->as_of.empty()) {
      const auto as_of = CivilDate::parse_iso(options->as_of);
      if (!as_of) {
        return context.fail(Error{"invalid_input", "--as-of '" + options->as_of + "': " +
                                                       CivilDate::parse_iso_problem(options->as_of)});
      }
      options->generator.as_of = *as_of;
    }
    auto names = load_name_data(reference_data_dir() / "names");
    if (!names) return context.fail(names.error());
    ProgressBar bar("generating");
    auto summary = generate_force_data(options->generator, *names, options->out,
                                       [&bar](std::size_t done, std::size_t total) { bar.update(done, total); });
    bar.finish();
    if (!summary) return context.fail(summary.error());
    if (options->json) {
      fmt::print("{}\n", nlohmann::json{{"rows_per_file", summary->rows_per_file}, {"planted", summary->planted}}.dump(2));
      return;
    }
    std::size_t rows = 0;
    for (const auto& [file, count] : summary->rows_per_file) rows += count;
    fmt::print("Generated {} crimes ({} rows in {} files) into {} with seed {}.\n", options->generator.crimes, rows,
               summary->rows_per_file.size(), options->out, options->generator.seed);
  });
}

}  // namespace rasso::cli
