#pragma once
// HttpServer: the network side, on Boost.Beast. One or more I/O threads accept connections,
// read and parse requests and write responses; each parsed request is handed to the WorkerPool
// (dispatch() runs there) and its response posted back to the connection. Keep-alive, a body
// limit, idle timeouts. On SIGTERM or SIGINT it stops accepting, lets in-flight requests finish
// (up to the shutdown grace), closes idle connections and returns from run().

#include <memory>
#include <string>

#include "core/result.h"
#include "server/server_context.h"
#include "server/worker_pool.h"

namespace rasso::server {

class HttpServer {
 public:
  HttpServer(ServerContext& context, WorkerPool& workers);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds `address` ("host:port"; port 0 picks a free one) and returns the bound "host:port".
  /// Error "invalid_input" for a malformed address, "listen" when it cannot be bound.
  Result<std::string> listen(const std::string& address);

  /// Serves until a SIGTERM or SIGINT, then shuts down gracefully and returns.
  void run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasso::server
