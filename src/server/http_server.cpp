#include "server/http_server.h"

#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/version.hpp>

#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <unordered_map>

#include "server/api_response.h"
#include "server/request_dispatch.h"

namespace rasso::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

constexpr std::chrono::seconds kIdleTimeout{75};
constexpr std::chrono::seconds kWriteTimeout{30};
constexpr std::chrono::seconds kHandshakeTimeout{10};
constexpr std::chrono::seconds kTlsShutdownTimeout{5};

}  // namespace

struct HttpServer::Impl {
  class Connection;
  template <class Stream>
  class StreamConnection;

  Impl(ServerContext& server_context, WorkerPool& worker_pool, std::optional<TlsContext> tls_context)
      : context(server_context),
        workers(worker_pool),
        tls(std::move(tls_context)),
        acceptor(io),
        signals(io, SIGINT, SIGTERM),
        shutdown_timer(io) {}

  void accept();
  void start_connection(tcp::socket socket);
  void begin_shutdown();
  void poll_shutdown(std::chrono::steady_clock::time_point deadline);

  ServerContext& context;
  WorkerPool& workers;
  std::optional<TlsContext> tls;  // outlives every connection's stream
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer shutdown_timer;
  std::atomic<bool> stopping{false};
  std::mutex connections_mutex;
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> connections;
};

/// What shutting down needs of a connection, whatever its stream.
class HttpServer::Impl::Connection {
 public:
  virtual ~Connection() = default;
  /// On shutdown: a connection waiting for its next request (or its TLS handshake) is closed; a
  /// busy one closes after its response.
  virtual void close_if_idle() = 0;
};

/// One client connection on a plain TCP stream or a TLS stream over TCP. Only the start (the
/// TLS handshake) and the end (the TLS close_notify) differ; reading, dispatching to the worker
/// pool and writing are the same code for both.
template <class Stream>
class HttpServer::Impl::StreamConnection final : public Connection,
                                                 public std::enable_shared_from_this<StreamConnection<Stream>> {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

 public:
  /// `tls_context`: the TlsContext's native context for a TlsStream, nothing for a PlainStream.
  template <class... TlsArgs>
  StreamConnection(tcp::socket&& socket, Impl& server, TlsArgs&... tls_context)
      : stream_(std::move(socket), tls_context...), server_(server) {
    beast::error_code error;
    const auto remote = tcp_stream().socket().remote_endpoint(error);
    client_address_ = error ? "unknown" : remote.address().to_string();
  }
  ~StreamConnection() override {
    std::lock_guard lock(server_.connections_mutex);
    server_.connections.erase(this);
  }

  void start() {
    {
      std::lock_guard lock(server_.connections_mutex);
      server_.connections.emplace(this, this->weak_from_this());
    }
    asio::dispatch(stream_.get_executor(), [self = self()] { self->begin(); });
  }

  void close_if_idle() override {
    // Cancelling the pending read (or handshake) ends it with operation_aborted; its handler
    // then closes the connection on this connection's strand.
    asio::post(stream_.get_executor(), [self = self()] {
      if (self->idle_) self->tcp_stream().cancel();
    });
  }

 private:
  std::shared_ptr<StreamConnection> self() { return this->shared_from_this(); }
  beast::tcp_stream& tcp_stream() { return beast::get_lowest_layer(stream_); }

  void begin() {
    if constexpr (kTls) {
      tcp_stream().expires_after(kHandshakeTimeout);
      idle_ = true;  // waiting for the client, like a read
      stream_.async_handshake(asio::ssl::stream_base::server, [self = self()](beast::error_code error) {
        self->idle_ = false;
        // A failed handshake (plain HTTP sent to the TLS port, an old protocol or no shared
        // cipher, the timeout) has no TLS session to close.
        if (error) {
          spdlog::debug("{{\"msg\":\"tls handshake failed\",\"reason\":\"{}\"}}", error.message());
          return self->drop();
        }
        self->read();
      });
    } else {
      read();
    }
  }

  void read() {
    if (server_.stopping) return close();
    parser_.emplace();
    parser_->body_limit(server_.context.config.max_body_bytes);
    parser_->header_limit(16 * 1024);
    tcp_stream().expires_after(kIdleTimeout);
    idle_ = true;
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&StreamConnection::on_read, self()));
  }

  void on_read(beast::error_code error, std::size_t) {
    idle_ = false;
    if (error == http::error::body_limit) {
      keep_alive_ = false;
      DispatchResult result{error_response("payload_too_large", "the request body is too large", "-"), "unmatched", "-"};
      add_standard_headers(result.response, result.correlation_id, kTls);
      return write(std::move(result), "?", std::chrono::steady_clock::now());
    }
    // The client finished, or the server is stopping: end politely. Anything else (a timeout, a
    // reset, a malformed request) drops the connection.
    if (error == http::error::end_of_stream || error == asio::error::operation_aborted) return close();
    if (error) return drop();
    http::request<http::string_body> request = parser_->release();
    keep_alive_ = request.keep_alive();
    version_ = request.version();
    IncomingRequest in;
    in.method = std::string(request.method_string());
    in.target = std::string(request.target());
    in.body = std::move(request.body());
    in.client_address = client_address_;
    in.cookie = std::string(request[http::field::cookie]);
    in.csrf_token = std::string(request["X-CSRF-Token"]);
    in.purpose = std::string(request["X-Purpose"]);
    in.request_id = std::string(request["X-Request-Id"]);
    const auto started = std::chrono::steady_clock::now();
    // The guard keeps the I/O loop alive while the request is on a worker.
    auto guard = asio::make_work_guard(stream_.get_executor());
    server_.workers.post([self = self(), in = std::move(in), guard, started](Store& store) mutable {
      DispatchResult result = dispatch(self->server_.context, in, store);
      asio::post(self->stream_.get_executor(), [self, result = std::move(result), method = std::move(in.method), started]() mutable {
        self->write(std::move(result), method, started);
      });
      guard.reset();
    });
  }

  void write(DispatchResult result, const std::string& method, std::chrono::steady_clock::time_point started) {
    auto response = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(result.response.status), version_ == 0 ? 11 : version_);
    response->set(http::field::server, "rasso");
    response->set(http::field::content_type, result.response.content_type);
    for (const auto& [name, value] : result.response.headers) response->insert(name, value);
    response->body() = std::move(result.response.body);
    response->keep_alive(keep_alive_ && !server_.stopping);
    response->prepare_payload();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    server_.context.metrics.record(method, result.route, result.response.status, seconds);
    spdlog::info("{{\"msg\":\"request\",\"method\":\"{}\",\"route\":\"{}\",\"status\":{},\"ms\":{:.3f},\"correlation_id\":\"{}\"}}",
                 method, result.route, result.response.status, seconds * 1000, result.correlation_id);
    tcp_stream().expires_after(kWriteTimeout);
    http::async_write(stream_, *response, [self = self(), response](beast::error_code error, std::size_t) {
      if (error) return self->drop();
      if (response->need_eof()) return self->close();
      self->read();
    });
  }

  /// Ends the connection cleanly: under TLS a close_notify first (waiting at most
  /// kTlsShutdownTimeout for the client's), then the TCP close.
  void close() {
    if constexpr (kTls) {
      tcp_stream().expires_after(kTlsShutdownTimeout);
      stream_.async_shutdown([self = self()](beast::error_code) { self->drop(); });
    } else {
      drop();
    }
  }

  /// Closes the TCP connection at once.
  void drop() {
    beast::error_code ignored;
    tcp_stream().socket().shutdown(tcp::socket::shutdown_send, ignored);
    tcp_stream().socket().close(ignored);
  }

  Stream stream_;
  Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string client_address_;
  bool keep_alive_ = true;
  unsigned version_ = 11;
  bool idle_ = false;
};

void HttpServer::Impl::accept() {
  acceptor.async_accept(asio::make_strand(io), [this](beast::error_code error, tcp::socket socket) {
    if (stopping || !acceptor.is_open()) return;
    if (!error) start_connection(std::move(socket));
    accept();
  });
}

void HttpServer::Impl::start_connection(tcp::socket socket) {
  if (tls) {
    std::make_shared<StreamConnection<TlsStream>>(std::move(socket), *this, tls->native())->start();
  } else {
    std::make_shared<StreamConnection<PlainStream>>(std::move(socket), *this)->start();
  }
}

void HttpServer::Impl::begin_shutdown() {
  if (stopping.exchange(true)) return;
  spdlog::info("{{\"msg\":\"shutting down\",\"grace_seconds\":{}}}", context.config.shutdown_grace.count());
  beast::error_code ignored;
  acceptor.close(ignored);
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(connections_mutex);
    for (const auto& [key, weak] : connections) {
      if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
  }
  for (const auto& connection : open) connection->close_if_idle();
  poll_shutdown(std::chrono::steady_clock::now() + context.config.shutdown_grace);
}

void HttpServer::Impl::poll_shutdown(std::chrono::steady_clock::time_point deadline) {
  {
    std::lock_guard lock(connections_mutex);
    if (connections.empty()) return;  // nothing left: run() returns once the last handler is done
  }
  if (std::chrono::steady_clock::now() >= deadline) {
    spdlog::warn("{{\"msg\":\"shutdown grace over; closing the remaining connections\"}}");
    io.stop();
    return;
  }
  shutdown_timer.expires_after(std::chrono::milliseconds(20));
  shutdown_timer.async_wait([this, deadline](beast::error_code error) {
    if (!error) poll_shutdown(deadline);
  });
}

HttpServer::HttpServer(ServerContext& context, WorkerPool& workers, std::optional<TlsContext> tls)
    : impl_(std::make_unique<Impl>(context, workers, std::move(tls))) {}

HttpServer::~HttpServer() = default;

Result<std::string> HttpServer::listen(const std::string& address) {
  const std::size_t colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0) return Error{"invalid_input", "listen address must be host:port, not '" + address + "'"};
  const std::string host = address.substr(0, colon);
  const std::string port_text = address.substr(colon + 1);
  auto port = parse_count("port", port_text);
  if (!port || *port > 65535) return Error{"invalid_input", "listen port must be 0-65535, not '" + port_text + "'"};
  beast::error_code error;
  tcp::resolver resolver(impl_->io);
  const auto endpoints = resolver.resolve(host, port_text, tcp::resolver::numeric_service, error);
  if (error || endpoints.empty()) return Error{"listen", "cannot resolve '" + host + "': " + error.message()};
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  tcp::acceptor& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) return Error{"listen", "cannot listen on " + address + ": " + error.message()};
  const tcp::endpoint bound = acceptor.local_endpoint();
  const std::string bound_host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]" : bound.address().to_string();
  return bound_host + ":" + std::to_string(bound.port());
}

void HttpServer::run() {
  impl_->signals.async_wait([this](beast::error_code error, int) {
    if (!error) impl_->begin_shutdown();
  });
  impl_->accept();
  std::vector<std::thread> extra;
  for (std::size_t i = 1; i < impl_->context.config.io_threads; ++i) extra.emplace_back([this] { impl_->io.run(); });
  // Returns once shutdown has begun and the last connection and handler are done.
  impl_->io.run();
  for (std::thread& thread : extra) thread.join();
}

}  // namespace rasso::server
