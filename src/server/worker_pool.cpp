#include "server/worker_pool.h"

namespace rasso::server {

Result<std::unique_ptr<WorkerPool>> WorkerPool::start(std::size_t workers, const StoreFactory& open_store) {
  std::unique_ptr<WorkerPool> pool(new WorkerPool());
  for (std::size_t i = 0; i < workers; ++i) {
    auto store = open_store();
    if (!store) return store.error();
    pool->stores_.push_back(std::move(*store));
  }
  for (auto& store : pool->stores_) {
    Store* worker_store = store.get();
    WorkerPool* self = pool.get();
    pool->threads_.emplace_back([self, worker_store] { self->run(*worker_store); });
  }
  return pool;
}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::post(std::function<void(Store&)> job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void WorkerPool::run(Store& store) {
  while (true) {
    std::function<void(Store&)> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job(store);
  }
}

}  // namespace rasso::server
