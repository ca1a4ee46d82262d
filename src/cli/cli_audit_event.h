#pragma once
// The audit event a CLI command hands to a store write, so the change and its audit record are
// committed together (CommandContext::audit appends one on its own, for reads).

#include <string>

#include <nlohmann/json.hpp>

#include "cli/command_context.h"
#include "store/audit_event.h"

namespace rasso::cli {

/// An event for this command's user, now, with a correlation id for this process.
AuditEvent cli_audit_event(const CommandContext& context, const std::string& action, const std::string& processing,
                           const std::string& subject_type, const std::string& subject_id, const std::string& purpose,
                           const nlohmann::json& details = nlohmann::json::object());

}  // namespace rasso::cli
