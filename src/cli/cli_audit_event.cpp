#include "cli/cli_audit_event.h"

#include <unistd.h>

namespace rasso::cli {

AuditEvent cli_audit_event(const CommandContext& context, const std::string& action, const std::string& processing,
                           const std::string& subject_type, const std::string& subject_id, const std::string& purpose,
                           const nlohmann::json& details) {
  AuditEvent event;
  event.occurred_at = now_iso();
  event.actor = context.actor();
  event.action = action;
  event.processing = processing;
  event.subject_type = subject_type;
  event.subject_id = subject_id;
  event.purpose = purpose;
  event.correlation_id = "cli-" + std::to_string(getpid()) + "-" + event.occurred_at;
  event.details_json = details.dump();
  return event;
}

}  // namespace rasso::cli
