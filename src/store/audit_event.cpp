#include "store/audit_event.h"

namespace rasso {

bool is_audit_processing_kind(const std::string& processing) {
  for (const char* kind : kAuditProcessingKinds) {
    if (processing == kind) return true;
  }
  return false;
}

}  // namespace rasso
