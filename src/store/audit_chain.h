#pragma once
// The audit log's hash chain: hash(event) = BLAKE2b-256 over the previous event's hash and every
// field of the event, length-prefixed so no two different events serialise alike.

#include <string>
#include <vector>

#include "store/audit_event.h"

namespace rasso {

/// The first event's previous_hash.
inline constexpr const char* kAuditGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hex hash of `event` chained to `previous_hash` (event_id included, stored hashes ignored).
std::string audit_event_hash(const AuditEvent& event, const std::string& previous_hash);

struct AuditChainReport {
  bool intact = true;
  std::size_t events_checked = 0;
  std::int64_t first_bad_event_id = 0;  // 0 when intact
  std::string problem;                  // what is wrong with that event, in words
};

/// Checks `events` (in event_id order) link up from the genesis hash: consecutive ids, each
/// previous_hash equal to the hash before it, each event_hash recomputing. Names the first
/// event that is edited, deleted (a gap) or out of chain.
AuditChainReport verify_audit_chain(const std::vector<AuditEvent>& events);

}  // namespace rasso
