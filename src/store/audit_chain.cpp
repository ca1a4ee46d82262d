#include "store/audit_chain.h"

#include <sodium.h>

namespace rasso {
namespace {

void absorb(crypto_generichash_state& state, const std::string& field) {
  const std::string length = std::to_string(field.size()) + ":";
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

}  // namespace

std::string audit_event_hash(const AuditEvent& event, const std::string& previous_hash) {
  if (sodium_init() < 0) return {};
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  for (const std::string* field :
       {&previous_hash, &event.occurred_at, &event.actor, &event.action, &event.processing, &event.subject_type,
        &event.subject_id, &event.purpose, &event.correlation_id, &event.details_json}) {
    absorb(state, *field);
  }
  absorb(state, std::to_string(event.event_id));
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash_final(&state, digest, sizeof digest);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

AuditChainReport verify_audit_chain(const std::vector<AuditEvent>& events) {
  AuditChainReport report;
  std::string previous = kAuditGenesisHash;
  std::int64_t expected_id = events.empty() ? 0 : events.front().event_id;
  for (const AuditEvent& event : events) {
    ++report.events_checked;
    auto fail = [&](std::string problem) {
      report.intact = false;
      report.first_bad_event_id = event.event_id;
      report.problem = std::move(problem);
    };
    if (event.event_id != expected_id) {
      fail("event " + std::to_string(expected_id) + " is missing (deleted) before event " + std::to_string(event.event_id));
    } else if (event.previous_hash != previous) {
      fail("its previous_hash does not match the hash of the event before it (an event was removed or replaced)");
    } else if (audit_event_hash(event, previous) != event.event_hash) {
      fail("its contents no longer match its hash (the event was edited)");
    }
    if (!report.intact) return report;
    previous = event.event_hash;
    ++expected_id;
  }
  return report;
}

}  // namespace rasso
