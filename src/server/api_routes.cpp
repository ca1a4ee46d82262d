#include "server/api_routes.h"

namespace rasso::server {

void register_all_routes(Router& router) {
  register_system_routes(router);
  register_session_routes(router);
  register_user_routes(router);
  register_audit_routes(router);
  register_suspect_routes(router);
  register_people_routes(router);
  register_crime_routes(router);
  register_worklist_routes(router);
  register_action_routes(router);
  register_review_routes(router);
  register_training_routes(router);
  register_recommendation_routes(router);
  register_scrutiny_routes(router);
  register_kpi_routes(router);
  register_report_routes(router);
  register_export_routes(router);
}

}  // namespace rasso::server
