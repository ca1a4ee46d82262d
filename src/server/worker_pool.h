#pragma once
// WorkerPool: the threads that run request handlers, each with its own Store connection (SQLite
// connections are not shared between threads), so database and engine work never runs on the
// network thread. Jobs run in arrival order. Thread-safe.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace rasso::server {

using StoreFactory = std::function<Result<std::unique_ptr<Store>>()>;

class WorkerPool {
 public:
  /// Opens one store per worker with `open_store`; the error of the first that fails.
  static Result<std::unique_ptr<WorkerPool>> start(std::size_t workers, const StoreFactory& open_store);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Queues `job`; it runs on a worker with that worker's store.
  void post(std::function<void(Store&)> job);
  /// Runs every queued job, then stops the workers (idempotent).
  void stop();

 private:
  WorkerPool() = default;
  void run(Store& store);

  std::vector<std::unique_ptr<Store>> stores_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void(Store&)>> jobs_;
  bool stopping_ = false;
};

}  // namespace rasso::server
