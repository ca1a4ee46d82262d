#pragma once
// HttpServer: the network side, on Boost.Beast. One or more I/O threads accept connections,
// read and parse requests and write responses; each parsed request is handed to the WorkerPool
// (dispatch() runs there) and its response posted back to the connection. Keep-alive, a body
// limit, idle timeouts. On SIGTERM or SIGINT it stops accepting, lets in-flight requests finish
// (up to the shutdown grace), closes idle connections and returns from run().
// With a TlsContext every connection speaks HTTPS: the TLS handshake must finish within 10
// seconds, and a connection ends with a TLS close_notify before the TCP close. Without one it
// speaks plain HTTP. Both kinds share the same request handling.

#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "server/server_context.h"
#include "server/tls_context.h"
#include "server/worker_pool.h"

namespace rasso::server {

class HttpServer {
 public:
  /// Serves HTTPS with `tls`, plain HTTP without (context.config.tls() should agree, since the
  /// handlers read it to mark cookies Secure and send Strict-Transport-Security).
  HttpServer(ServerContext& context, WorkerPool& workers, std::optional<TlsContext> tls = std::nullopt);
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
