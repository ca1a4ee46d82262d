// /api/v1/users: the administrator's user management (same rules as `rasso user`).

#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/server_context.h"
#include "server/user_admin.h"
#include "store/store.h"

namespace rasso::server {
namespace {

const std::vector<Role> kAdmin = {Role::Administrator};

AdminActor actor_of(const ApiRequest& request) {
  return AdminActor{request.signed_in().username, iso_timestamp(request.context->clock()), request.correlation_id,
                    request.purpose == "case work" ? "user administration" : request.purpose};
}

std::string text_field(const nlohmann::json& body, const char* name) {
  return body.is_object() && body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : std::string();
}

HttpResponse list_users(const ApiRequest& request) {
  auto page = page_request(request);
  if (!page) return error_response(page.error(), request.correlation_id);
  auto users = request.store->users();
  if (!users) return error_response(users.error(), request.correlation_id);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = page->offset(); i < users->size() && items.size() < page->page_size; ++i) {
    items.push_back(user_json((*users)[i]));
  }
  return json_response(paginate(std::move(items), *page, users->size()));
}

HttpResponse create_user(const ApiRequest& request) {
  if (!request.body.is_object()) return error_response("invalid_input", "send a JSON object", request.correlation_id);
  NewUser user;
  user.username = text_field(request.body, "username");
  user.display_name = text_field(request.body, "display_name");
  user.password = text_field(request.body, "password");
  user.force_code = text_field(request.body, "force_code");
  user.unit_code = text_field(request.body, "unit_code");
  if (request.body.contains("roles") && request.body["roles"].is_array()) {
    for (const auto& role : request.body["roles"]) {
      if (role.is_string()) user.roles.push_back(role.get<std::string>());
    }
  }
  auto added = add_user(*request.store, user, request.context->config.password_cost, actor_of(request),
                        request.state->inputs.codes.get());
  if (!added) return error_response(added.error(), request.correlation_id);
  return json_response({{"ok", true}, {"user", user_json(*added)}}, 201);
}

HttpResponse disable(const ApiRequest& request) {
  auto disabled = disable_user(*request.store, request.param("username"), actor_of(request));
  if (!disabled) return error_response(disabled.error(), request.correlation_id);
  request.context->sessions.remove_user(disabled->username);
  return json_response({{"ok", true}, {"user", user_json(*disabled)}});
}

HttpResponse reset(const ApiRequest& request) {
  auto updated = reset_password(*request.store, request.param("username"), text_field(request.body, "password"),
                                request.context->config.password_cost, actor_of(request));
  if (!updated) return error_response(updated.error(), request.correlation_id);
  return json_response({{"ok", true}, {"user", user_json(*updated)}});
}

}  // namespace

void register_user_routes(Router& router) {
  router.add("GET", "/api/v1/users", kAdmin, list_users);
  router.add("POST", "/api/v1/users", kAdmin, create_user);
  router.add("POST", "/api/v1/users/{username}/disable", kAdmin, disable);
  router.add("POST", "/api/v1/users/{username}/reset-password", kAdmin, reset);
}

}  // namespace rasso::server
