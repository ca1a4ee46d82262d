#pragma once
// The registration function of each resource's routes (one file per resource,
// src/server/api_<resource>.cpp), and the one call that registers them all. An engineer adding a
// resource adds its function here and one line to register_all_routes (api_routes.cpp), and its
// paths to openapi.json (a test checks the two agree).

#include "server/router.h"

namespace rasso::server {

void register_system_routes(Router& router);     // /healthz, /metrics, /api/v1/openapi.json
void register_session_routes(Router& router);    // /api/v1/session
void register_user_routes(Router& router);       // /api/v1/users
void register_audit_routes(Router& router);      // /api/v1/audit
void register_suspect_routes(Router& router);    // /api/v1/suspects
void register_people_routes(Router& router);     // /api/v1/people
void register_crime_routes(Router& router);      // /api/v1/crimes
void register_worklist_routes(Router& router);   // /api/v1/worklists
void register_action_routes(Router& router);     // breach responses, victim contacts, bail, s63G
void register_review_routes(Router& router);     // /api/v1/review-queue
void register_training_routes(Router& router);        // /api/v1/training, worklists/training, caseloads, wellbeing-checkins
void register_recommendation_routes(Router& router);  // /api/v1/recommendations
void register_scrutiny_routes(Router& router);        // /api/v1/scrutiny
void register_kpi_routes(Router& router);             // /api/v1/kpis, /api/v1/kpis/series
void register_report_routes(Router& router);          // /api/v1/reports/problem-profile
void register_export_routes(Router& router);          // /api/v1/exports/{name}

/// Every route of the API.
void register_all_routes(Router& router);

}  // namespace rasso::server
