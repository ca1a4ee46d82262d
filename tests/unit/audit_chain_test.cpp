#include "store/audit_chain.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

std::vector<AuditEvent> chain(int count) {
  std::vector<AuditEvent> events;
  std::string previous = kAuditGenesisHash;
  for (int i = 1; i <= count; ++i) {
    AuditEvent event;
    event.event_id = i;
    event.occurred_at = "2025-01-0" + std::to_string(i) + "T10:00:00Z";
    event.actor = "dc.smith";
    event.action = "person.view";
    event.processing = "consultation";
    event.subject_type = "person";
    event.subject_id = "WD-P-" + std::to_string(i);
    event.purpose = "investigation";
    event.previous_hash = previous;
    event.event_hash = audit_event_hash(event, previous);
    previous = event.event_hash;
    events.push_back(event);
  }
  return events;
}

TEST(AuditChain, AnIntactChainVerifies) {
  const auto report = verify_audit_chain(chain(5));
  EXPECT_TRUE(report.intact);
  EXPECT_EQ(report.events_checked, 5u);
}

TEST(AuditChain, NamesAnEditedEvent) {
  auto events = chain(5);
  events[2].purpose = "curiosity";
  const auto report = verify_audit_chain(events);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_event_id, 3);
  EXPECT_NE(report.problem.find("edited"), std::string::npos);
}

TEST(AuditChain, NamesADeletedEvent) {
  auto events = chain(5);
  events.erase(events.begin() + 1);
  const auto report = verify_audit_chain(events);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_event_id, 3);
  EXPECT_NE(report.problem.find("event 2 is missing"), std::string::npos);
}

TEST(AuditChain, DetectsTheFirstEventDeleted) {
  auto events = chain(3);
  events.erase(events.begin());
  EXPECT_FALSE(verify_audit_chain(events).intact);
}

TEST(AuditChain, DetectsARecomputedHashThatBreaksTheNextLink) {
  auto events = chain(4);
  events[1].purpose = "curiosity";
  events[1].event_hash = audit_event_hash(events[1], events[1].previous_hash);  // forger fixes its own hash
  const auto report = verify_audit_chain(events);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_event_id, 3);
}

TEST(AuditChain, HashesAreFieldSeparated) {
  AuditEvent a;
  a.actor = "ab";
  a.action = "c";
  AuditEvent b;
  b.actor = "a";
  b.action = "bc";
  EXPECT_NE(audit_event_hash(a, kAuditGenesisHash), audit_event_hash(b, kAuditGenesisHash));
}

}  // namespace
}  // namespace rasso
