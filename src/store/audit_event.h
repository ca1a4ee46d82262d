#pragma once
// AuditEvent: one record of who did what to which person, crime or worklist item, when and why.
// The log is append-only and hash-chained: each event's hash covers its fields and the previous
// event's hash, so editing or deleting any event breaks the chain (see audit_chain.h).

#include <cstdint>
#include <string>

namespace rasso {

/// The six kinds of processing UK law-enforcement data protection (DPA 2018 s62) requires a log
/// of: collection, alteration, consultation, disclosure, combination, erasure.
inline constexpr const char* kAuditProcessingKinds[] = {"collection", "alteration", "consultation",
                                                       "disclosure", "combination", "erasure"};

struct AuditEvent {
  std::int64_t event_id = 0;   // assigned by the store
  std::string occurred_at;     // ISO 8601 UTC
  std::string actor;           // user name, or "system:<command>"
  std::string action;          // e.g. "import", "link", "person.view", "link.decide"
  std::string processing;      // one of kAuditProcessingKinds
  std::string subject_type;    // "person", "crime", "extract", "resolved_person", "worklist_item"
  std::string subject_id;
  std::string purpose;         // why: the lawful purpose or reason given
  std::string correlation_id;  // ties events of one request or command together
  std::string details_json = "{}";
  std::string previous_hash;   // assigned by the store
  std::string event_hash;      // assigned by the store
};

/// True if `processing` is one of the six kinds.
bool is_audit_processing_kind(const std::string& processing);

}  // namespace rasso
