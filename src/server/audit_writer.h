#pragma once
// AuditWriter: the one thread that appends the server's audit events to the store. Request
// handlers queue an event and carry on; the writer appends whatever is queued in one transaction
// every flush interval (a few milliseconds), so thousands of reads per second cost a few
// transactions, not thousands. Choice (docs/operations.md): a read's response may be sent before
// its event commits; the queue is in memory, so a crash (not a clean stop) loses at most the last
// interval's events. A change (an action) writes its own event in the change's transaction, so
// alterations are never lost. stop() drains the queue.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store/store.h"

namespace rasso::server {

class AuditWriter {
 public:
  /// Starts the writer thread on its own store connection.
  AuditWriter(std::unique_ptr<Store> store, std::chrono::milliseconds flush_interval);
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  /// Queues `event`. Thread-safe; never blocks on the store.
  void enqueue(AuditEvent event);
  /// Waits until everything queued before the call is committed. Thread-safe.
  void flush();
  /// Appends what is queued and stops the thread (idempotent).
  void stop();
  /// Events that could not be written (each failure is also logged).
  std::uint64_t failures() const;

 private:
  void run();

  std::unique_ptr<Store> store_;
  std::chrono::milliseconds flush_interval_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable flushed_;
  std::vector<AuditEvent> queue_;
  std::uint64_t queued_total_ = 0;
  std::uint64_t written_total_ = 0;
  std::uint64_t failures_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace rasso::server
