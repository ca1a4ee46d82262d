#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "store/snapshot_file.h"

namespace rasso::cli {

void register_status_command(CLI::App& app, CommandContext& context) {
  struct Options {
    std::string db;
    bool json = false;
    bool check = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("status", "Show what the store holds: rows per entity and the imports");
  CommandContext::add_db_option(*command, options->db);
  command->add_flag("--json", options->json, "Print as JSON");
  command->add_flag("--check", options->check, "Also run the store's integrity check");
  command->callback([options, &context] {
    auto store = context.open_store(options->db, false);
    if (!store) return;
    nlohmann::json out;
    auto version = store->schema_version();
    if (!version) return context.fail(version.error());
    out["store"] = options->db;
    out["schema_version"] = *version;
    for (Entity entity : kEntitiesInLoadOrder) {
      auto count = store->count(entity);
      auto history = store->history_count(entity);
      if (!count) return context.fail(count.error());
      if (!history) return context.fail(history.error());
      out["entities"][std::string(entity_name(entity))] = {{"rows", *count}, {"previous_versions", *history}};
    }
    auto imports = store->imports();
    if (!imports) return context.fail(imports.error());
    out["imports"] = nlohmann::json::array();
    for (const ImportRecord& record : *imports) {
      out["imports"].push_back({{"import_id", record.import_id},
                                {"started_at", record.started_at},
                                {"finished_at", record.finished_at},
                                {"source", record.source}});
    }
    auto stamp = store->snapshot_stamp();
    if (!stamp) return context.fail(stamp.error());
    const auto snapshot_path = store->snapshot_path();
    const auto file_stamp = snapshot_path.empty() ? std::nullopt : snapshot_file_stamp(snapshot_path);
    out["snapshot"] = {{"path", snapshot_path.string()},
                       {"present", file_stamp.has_value()},
                       {"tables_fresh", file_stamp && file_stamp->tables == stamp->tables},
                       {"resolution_fresh", file_stamp && file_stamp->resolution == stamp->resolution}};
    if (options->check) {
      auto integrity = store->integrity_check();
      if (!integrity) return context.fail(integrity.error());
      out["integrity"] = *integrity;
      if (*integrity != "ok") context.exit_code = 4;
    }
    if (options->json) {
      fmt::print("{}\n", out.dump(2));
      return;
    }
    fmt::print("Store {} (schema version {})\n\n{:<18} {:>10} {:>18}\n", options->db, *version, "entity", "rows",
               "previous versions");
    for (const auto& [name, counts] : out["entities"].items()) {
      fmt::print("{:<18} {:>10} {:>18}\n", name, counts["rows"].get<std::int64_t>(),
                 counts["previous_versions"].get<std::int64_t>());
    }
    fmt::print("\n{} import(s)", imports->size());
    if (!imports->empty()) fmt::print(", latest {} from {}", imports->back().finished_at, imports->back().source);
    fmt::print("\n");
    const auto& snapshot = out["snapshot"];
    fmt::print("snapshot file: {}\n",
               !file_stamp ? "none (the next import, link or server start writes one)"
               : snapshot["tables_fresh"].get<bool>() && snapshot["resolution_fresh"].get<bool>()
                   ? "fresh: " + snapshot_path.string()
                   : "stale (the next import, link or server start refreshes it; until then commands read the store)");
    if (options->check) fmt::print("integrity check: {}\n", out["integrity"].get<std::string>());
  });
}

}  // namespace rasso::cli
