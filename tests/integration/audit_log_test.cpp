// The audit log in the real store: imports write a collection event, the log refuses UPDATE and
// DELETE, and tampering underneath the triggers is named by verify.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::TestWorkspace;

void exec(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);
  sqlite3_close(handle);
  ASSERT_EQ(rc, SQLITE_OK) << sql;
}

TEST(AuditLog, AnImportIsRecordedAsCollection) {
  TestWorkspace workspace;
  ASSERT_TRUE(workspace.import(workspace.copy_extract("minimal", "x")).committed);
  auto store = open_sqlite_store(workspace.store_path());
  const auto events = *(*store)->audit_events(0, 10);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "import");
  EXPECT_EQ(events[0].processing, "collection");
  EXPECT_TRUE((*store)->verify_audit_log()->intact);
}

TEST(AuditLog, RefusesUpdateAndDeleteAndNamesTampering) {
  TestWorkspace workspace;
  {
    auto store = open_sqlite_store(workspace.store_path());
    for (int i = 0; i < 4; ++i) {
      AuditEvent event;
      event.occurred_at = "2025-01-01T00:00:0" + std::to_string(i) + "Z";
      event.actor = "analyst.jones";
      event.action = "person.view";
      event.processing = "consultation";
      event.subject_type = "person";
      event.subject_id = "P" + std::to_string(i);
      event.purpose = "problem profile";
      ASSERT_TRUE((*store)->append_audit_event(event));
    }
    AuditEvent bad;
    bad.processing = "browsing";
    EXPECT_FALSE((*store)->append_audit_event(bad));
    EXPECT_TRUE((*store)->verify_audit_log()->intact);
  }
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(workspace.store_path().c_str(), &handle), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(handle, "UPDATE audit_events SET purpose = 'x' WHERE event_id = 2", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(handle, "DELETE FROM audit_events WHERE event_id = 2", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(handle);

  // Someone with the file drops the trigger and edits event 3.
  exec(workspace.store_path(), "DROP TRIGGER audit_events_append_only_update; UPDATE audit_events SET subject_id = 'P9' WHERE event_id = 3");
  auto store = open_sqlite_store(workspace.store_path());
  const auto report = *(*store)->verify_audit_log();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_event_id, 3);
}

}  // namespace
}  // namespace rasso
