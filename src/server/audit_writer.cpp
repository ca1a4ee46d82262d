#include "server/audit_writer.h"

#include <spdlog/spdlog.h>

namespace rasso::server {

AuditWriter::AuditWriter(std::unique_ptr<Store> store, std::chrono::milliseconds flush_interval)
    : store_(std::move(store)), flush_interval_(flush_interval), thread_([this] { run(); }) {}

AuditWriter::~AuditWriter() { stop(); }

void AuditWriter::enqueue(AuditEvent event) {
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(event));
  ++queued_total_;
}

void AuditWriter::flush() {
  std::unique_lock lock(mutex_);
  const std::uint64_t target = queued_total_;
  wake_.notify_one();
  flushed_.wait(lock, [&] { return written_total_ >= target || (stopping_ && !thread_.joinable()); });
}

void AuditWriter::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
  flushed_.notify_all();
}

std::uint64_t AuditWriter::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

void AuditWriter::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait_for(lock, flush_interval_, [&] { return stopping_; });
    if (queue_.empty()) {
      if (stopping_) break;
      continue;
    }
    std::vector<AuditEvent> batch;
    batch.swap(queue_);
    lock.unlock();
    Status written = store_->append_audit_events(batch);
    lock.lock();
    if (!written) {
      failures_ += batch.size();
      spdlog::error("{{\"msg\":\"audit write failed\",\"events\":{},\"error\":\"{}\"}}", batch.size(), written.error().code);
    }
    written_total_ += batch.size();
    flushed_.notify_all();
  }
}

}  // namespace rasso::server
