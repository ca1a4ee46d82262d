// rasso user: the server's user accounts — add, disable, reset a password (which unlocks), list.
// Passwords come from --password-stdin (one line) or --password (for scripts); never echoed.

#include <fmt/format.h>

#include <iostream>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "server/server_app.h"
#include "server/user_admin.h"

namespace rasso::cli {
namespace {

struct PasswordOptions {
  std::string password;
  bool from_stdin = false;
  std::string config;
};

void add_password_options(CLI::App& command, PasswordOptions& options) {
  command.add_option("--password", options.password, "The password (for scripts; prefer --password-stdin)");
  command.add_flag("--password-stdin", options.from_stdin, "Read the password from the first line of standard input");
  command.add_option("--config", options.config, "Server configuration file, for the password hashing cost");
}

Result<std::string> password_of(const PasswordOptions& options) {
  if (options.from_stdin) {
    std::string line;
    if (!std::getline(std::cin, line)) return Error{"invalid_input", "no password on standard input"};
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  if (options.password.empty()) return Error{"invalid_input", "give the password with --password-stdin or --password"};
  return options.password;
}

Result<server::PasswordCost> cost_of(const PasswordOptions& options) {
  server::ServeOptions serve;
  serve.config_file = options.config;
  auto config = server::resolve_server_config(serve);
  if (!config) return config.error();
  return config->password_cost;
}

server::AdminActor actor(const CommandContext& context) { return {context.actor(), now_iso(), {}, "user administration"}; }

}  // namespace

void register_user_command(CLI::App& app, CommandContext& context) {
  CLI::App* user_command = app.add_subcommand("user", "Accounts of the web application: add, disable, reset-password, list");
  user_command->require_subcommand(1);

  struct AddOptions : PasswordOptions {
    std::string db;
    server::NewUser user;
  };
  auto add = std::make_shared<AddOptions>();
  CLI::App* add_command = user_command->add_subcommand("add", "Add a user with roles and a force (optionally unit) scope");
  add_command->add_option("username", add->user.username, "Sign-in name: 2-64 of a-z 0-9 . _ -")->required();
  add_command->add_option("--role", add->user.roles,
                          "investigator, supervisor, analyst, offender_manager, scrutiny or administrator (repeatable)")
      ->required();
  add_command->add_option("--force", add->user.force_code, "Force code the user may see")->required();
  add_command->add_option("--unit", add->user.unit_code, "Only this unit of the force");
  add_command->add_option("--name", add->user.display_name, "Name shown in the application");
  CommandContext::add_db_option(*add_command, add->db);
  add_password_options(*add_command, *add);
  add_command->callback([add, &context] {
    auto password = password_of(*add);
    if (!password) return context.fail(password.error());
    auto cost = cost_of(*add);
    if (!cost) return context.fail(cost.error());
    CodeTables codes;
    if (!context.load_codes(codes)) return;
    auto store = context.open_store(add->db, true);
    if (!store) return;
    server::NewUser user = add->user;
    user.password = *password;
    auto added = server::add_user(*store, user, *cost, actor(context), &codes);
    if (!added) return context.fail(added.error());
    std::string roles;
    for (const std::string& role : added->roles) roles += (roles.empty() ? "" : ", ") + role;
    fmt::print("Added user {} ({}) in force {}{}.\n", added->username, roles, added->force_code,
               added->unit_code.empty() ? "" : ", unit " + added->unit_code);
  });

  struct NameOptions {
    std::string db, username;
  };
  auto disable = std::make_shared<NameOptions>();
  CLI::App* disable_command = user_command->add_subcommand("disable", "Disable a user: they can no longer sign in");
  disable_command->add_option("username", disable->username, "The user")->required();
  CommandContext::add_db_option(*disable_command, disable->db);
  disable_command->callback([disable, &context] {
    auto store = context.open_store(disable->db, false);
    if (!store) return;
    auto disabled = server::disable_user(*store, disable->username, actor(context));
    if (!disabled) return context.fail(disabled.error());
    fmt::print("Disabled user {}. A running server signs them out at their next request.\n", disabled->username);
  });

  struct ResetOptions : PasswordOptions {
    std::string db, username;
  };
  auto reset = std::make_shared<ResetOptions>();
  CLI::App* reset_command = user_command->add_subcommand("reset-password", "Set a new password; also unlocks a locked account");
  reset_command->add_option("username", reset->username, "The user")->required();
  CommandContext::add_db_option(*reset_command, reset->db);
  add_password_options(*reset_command, *reset);
  reset_command->callback([reset, &context] {
    auto password = password_of(*reset);
    if (!password) return context.fail(password.error());
    auto cost = cost_of(*reset);
    if (!cost) return context.fail(cost.error());
    auto store = context.open_store(reset->db, false);
    if (!store) return;
    auto updated = server::reset_password(*store, reset->username, *password, *cost, actor(context));
    if (!updated) return context.fail(updated.error());
    fmt::print("Password of {} reset{}.\n", updated->username, " (account unlocked)");
  });

  struct ListOptions {
    std::string db;
    bool json = false;
  };
  auto list = std::make_shared<ListOptions>();
  CLI::App* list_command = user_command->add_subcommand("list", "List the users");
  CommandContext::add_db_option(*list_command, list->db);
  list_command->add_flag("--json", list->json, "Print as JSON");
  list_command->callback([list, &context] {
    auto store = context.open_store(list->db, false);
    if (!store) return;
    auto users = store->users();
    if (!users) return context.fail(users.error());
    if (list->json) {
      nlohmann::json items = nlohmann::json::array();
      for (const UserRecord& user : *users) items.push_back(server::user_json(user));
      fmt::print("{}\n", nlohmann::json{{"items", items}}.dump(2));
      return;
    }
    fmt::print("{:<20} {:<34} {:<8} {:<10} {}\n", "username", "roles", "force", "unit", "status");
    for (const UserRecord& user : *users) {
      std::string roles;
      for (const std::string& role : user.roles) roles += (roles.empty() ? "" : ",") + role;
      fmt::print("{:<20} {:<34} {:<8} {:<10} {}\n", user.username, roles, user.force_code, user.unit_code,
                 user.disabled ? "disabled" : user.locked ? "locked" : "active");
    }
  });
}

}  // namespace rasso::cli
