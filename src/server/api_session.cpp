// /api/v1/session: sign in, the current session, sign out.

#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/server_context.h"
#include "server/sign_in.h"

namespace rasso::server {
namespace {

nlohmann::json session_json(const SessionUser& user, const std::string& csrf_token, const std::string& expires_at) {
  nlohmann::json roles = nlohmann::json::array();
  for (const Role role : user.roles) roles.push_back(std::string(role_name(role)));
  return {{"user",
           {{"username", user.username},
            {"display_name", user.display_name},
            {"roles", roles},
            {"force_code", user.force_code},
            {"unit_code", user.unit_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(user.unit_code)},
            {"sees_names", user.sees_names()}}},
          {"csrf_token", csrf_token},
          {"expires_at", expires_at}};
}

// The attributes of the rasso_session cookie, the same when it is set and when it is cleared:
// Secure under TLS so the browser never sends it over plain HTTP.
std::string session_cookie_attributes(const ServerContext& context) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") + (context.config.tls() ? "; Secure" : "");
}

std::string body_string(const ApiRequest& request, const char* name) {
  if (!request.body.is_object() || !request.body.contains(name) || !request.body[name].is_string()) return {};
  return request.body[name].get<std::string>();
}

HttpResponse create_session(const ApiRequest& request) {
  ServerContext& context = *request.context;
  auto session = sign_in(context, *request.store, body_string(request, "username"), body_string(request, "password"),
                         request.client_address);
  if (!session) return error_response(session.error(), request.correlation_id);
  HttpResponse response = json_response(session_json(session->user, session->csrf_token, iso_timestamp(session->expires_at)));
  response.headers.emplace_back("Set-Cookie", "rasso_session=" + session->id + session_cookie_attributes(context));
  return response;
}

HttpResponse current_session(const ApiRequest& request) {
  return json_response(session_json(request.signed_in(), request.csrf_token, request.session_expires_at));
}

HttpResponse delete_session(const ApiRequest& request) {
  request.context->sessions.remove(request.session_id);
  HttpResponse response = json_response({{"ok", true}});
  response.headers.emplace_back("Set-Cookie", "rasso_session=" + session_cookie_attributes(*request.context) + "; Max-Age=0");
  return response;
}

const std::vector<Role> kAnyRole = {Role::Investigator, Role::Supervisor,
                                    Role::Analyst,      Role::OffenderManager,
                                    Role::Scrutiny,     Role::Administrator};

}  // namespace

void register_session_routes(Router& router) {
  router.add_public("POST", "/api/v1/session", create_session);
  router.add("GET", "/api/v1/session", kAnyRole, current_session);
  router.add("DELETE", "/api/v1/session", kAnyRole, delete_session);
}

}  // namespace rasso::server
