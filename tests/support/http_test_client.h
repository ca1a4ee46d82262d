#pragma once
// A small blocking HTTP/1.1 client on Boost.Beast for the server's integration tests (plain, or
// HTTPS trusting one CA file), and a ServerProcess that starts the real `rasso serve --listen
// 127.0.0.1:0`, reads the bound address from its first line of output, and stops it with SIGTERM.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

namespace rasso::testing_support {

/// How long any one network step of a test client may take before it fails, so that a server
/// that stops answering fails the test instead of hanging it.
inline constexpr std::chrono::seconds kClientStepTimeout{30};

/// Starts one asynchronous operation with `initiate(handler)`, runs `io` until it is done and
/// returns its error. Put a deadline on the step with the stream's expires_after first.
template <class Initiate>
boost::beast::error_code run_step(boost::asio::io_context& io, Initiate initiate) {
  boost::beast::error_code result;
  initiate([&result](boost::beast::error_code error, auto&&...) { result = error; });
  io.restart();
  io.run();
  return result;
}

/// A TLS client context that trusts only the PEM certificates in `ca_file`.
inline boost::asio::ssl::context tls_client_context(const std::string& ca_file) {
  boost::asio::ssl::context context(boost::asio::ssl::context::tls_client);
  context.load_verify_file(ca_file);
  context.set_verify_mode(boost::asio::ssl::verify_peer);
  return context;
}

/// Connects `stream` (a tcp_stream, or an ssl_stream over one: its TCP layer) to host:port.
template <class Stream>
boost::beast::error_code connect_stream(boost::asio::io_context& io, Stream& stream, const std::string& host,
                                        const std::string& port) {
  boost::asio::ip::tcp::resolver resolver(io);
  boost::beast::error_code error;
  const auto endpoints = resolver.resolve(host, port, error);
  if (error) return error;
  auto& tcp = boost::beast::get_lowest_layer(stream);
  tcp.expires_after(kClientStepTimeout);
  return run_step(io, [&](auto done) { tcp.async_connect(endpoints, done); });
}

/// The TLS client handshake on a connected `stream`, checking the certificate names `host`.
inline boost::beast::error_code tls_handshake(boost::asio::io_context& io,
                                             boost::beast::ssl_stream<boost::beast::tcp_stream>& stream,
                                             const std::string& host) {
  stream.set_verify_callback(boost::asio::ssl::host_name_verification(host));
  boost::beast::get_lowest_layer(stream).expires_after(kClientStepTimeout);
  return run_step(io, [&](auto done) { stream.async_handshake(boost::asio::ssl::stream_base::client, done); });
}

struct HttpResult {
  std::string transport_error;  // why no response arrived (status 0): refused, reset, TLS handshake failed, timeout
  std::string tls_close_error;  // HTTPS: empty when the server answered the client's close_notify with its own
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names; the last value of a repeated one
  /// The body parsed (discarded value when it is not JSON), kept with the result so that
  /// `for (auto& item : result.json()["items"])` ranges over something alive. Never range over
  /// the json() of a temporary result: name the result first.
  const nlohmann::json& json() const {
    if (!parsed_) parsed_ = nlohmann::json::parse(body, nullptr, false);
    return *parsed_;
  }
  std::string error_code() const {
    const auto parsed = json();
    return parsed.is_object() && parsed.contains("error") ? parsed["error"].value("code", "") : "";
  }

 private:
  mutable std::optional<nlohmann::json> parsed_;
};

/// `text` percent-encoded for one path segment or query value (crime references contain '/').
inline std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

/// One keep-alive connection to the server; remembers the session cookie and CSRF token.
class HttpTestClient {
 public:
  /// Plain HTTP when `ca_file` is empty; otherwise HTTPS, trusting only the certificates in it.
  HttpTestClient(std::string host, std::string port, std::string ca_file = {})
      : host_(std::move(host)), port_(std::move(port)), ca_file_(std::move(ca_file)) {}

  HttpResult request(const std::string& method, const std::string& target, const std::string& body = {},
                     const std::map<std::string, std::string>& extra_headers = {}) {
    namespace beast = boost::beast;
    namespace http = beast::http;
    http::request<http::string_body> req(http::string_to_verb(method), target, 11);
    req.set(http::field::host, host_);
    if (!cookie_.empty()) req.set(http::field::cookie, "rasso_session=" + cookie_);
    for (const auto& [name, value] : extra_headers) req.set(name, value);
    if (!body.empty()) {
      req.set(http::field::content_type, "application/json");
      req.body() = body;
    }
    req.prepare_payload();
    HttpResult result;
    http::response<http::string_body> res;
    boost::asio::io_context io;
    beast::error_code error;
    if (ca_file_.empty()) {
      beast::tcp_stream stream(io);
      error = connect_stream(io, stream, host_, port_);
      if (!error) error = exchange(io, stream, req, res);
      beast::error_code ignored;
      stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    } else {
      auto context = tls_client_context(ca_file_);
      beast::ssl_stream<beast::tcp_stream> stream(io, context);
      error = connect_stream(io, stream, host_, port_);
      if (!error) error = tls_handshake(io, stream, host_);
      if (!error) error = exchange(io, stream, req, res);
      if (!error) {
        beast::get_lowest_layer(stream).expires_after(kClientStepTimeout);
        const beast::error_code closed = run_step(io, [&](auto done) { stream.async_shutdown(done); });
        if (closed) result.tls_close_error = closed.message();
      }
    }
    if (error) {
      result.transport_error = error.message();
      return result;
    }
    result.status = static_cast<int>(res.result_int());
    result.body = res.body();
    for (const auto& field : res) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      result.headers[name] = std::string(field.value());
      if (name == "set-cookie") {
        const std::string value(field.value());
        const std::string prefix = "rasso_session=";
        if (value.rfind(prefix, 0) == 0) cookie_ = value.substr(prefix.size(), value.find(';') - prefix.size());
      }
    }
    return result;
  }

  HttpResult get(const std::string& target, const std::map<std::string, std::string>& headers = {}) {
    return request("GET", target, {}, headers);
  }

  /// A state-changing request with this session's CSRF token.
  HttpResult post(const std::string& target, const nlohmann::json& body) {
    return request("POST", target, body.dump(), {{"X-CSRF-Token", csrf_}});
  }

  /// Signs in; on success keeps the cookie and CSRF token.
  HttpResult sign_in(const std::string& username, const std::string& password) {
    HttpResult result = request("POST", "/api/v1/session", nlohmann::json{{"username", username}, {"password", password}}.dump());
    if (result.status == 200) csrf_ = result.json()["csrf_token"].get<std::string>();
    return result;
  }

  const std::string& csrf() const { return csrf_; }
  void set_cookie(std::string cookie) { cookie_ = std::move(cookie); }
  const std::string& cookie() const { return cookie_; }

 private:
  // Writes `req` and reads the response on a connected (and, for TLS, handshaken) stream.
  template <class Stream, class Request, class Response>
  static boost::beast::error_code exchange(boost::asio::io_context& io, Stream& stream, Request& req, Response& res) {
    namespace http = boost::beast::http;
    auto& tcp = boost::beast::get_lowest_layer(stream);
    tcp.expires_after(kClientStepTimeout);
    if (auto error = run_step(io, [&](auto done) { http::async_write(stream, req, done); })) return error;
    boost::beast::flat_buffer buffer;
    tcp.expires_after(kClientStepTimeout);
    return run_step(io, [&](auto done) { http::async_read(stream, buffer, res, done); });
  }

  std::string host_, port_, ca_file_, cookie_, csrf_;
};

/// The real `rasso serve`, started with `arguments` (plus --listen 127.0.0.1:0), over HTTP or,
/// when `arguments` give a certificate, HTTPS.
class ServerProcess {
 public:
  explicit ServerProcess(const std::string& arguments, const std::string& log_file = "/dev/null") {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      const std::string command = "exec " + std::string(RASSO_BINARY) + " serve --listen 127.0.0.1:0 " + arguments + " 2>" + log_file;
      execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    output_ = fdopen(out[0], "r");
    char line[512];
    if (output_ != nullptr && std::fgets(line, sizeof line, output_) != nullptr) {
      const std::string text(line);
      for (const std::string scheme : {"http", "https"}) {
        const std::string prefix = "listening on " + scheme + "://";
        if (text.rfind(prefix, 0) != 0) continue;
        const std::string address = text.substr(prefix.size(), text.find_first_of("\r\n") - prefix.size());
        scheme_ = scheme;
        host_ = address.substr(0, address.rfind(':'));
        port_ = address.substr(address.rfind(':') + 1);
      }
    }
  }
  ~ServerProcess() {
    if (pid_ > 0 && !stopped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (output_ != nullptr) fclose(output_);
  }

  bool started() const { return !port_.empty(); }
  /// A client of this server; for HTTPS, one that trusts the certificates in `ca_file`.
  HttpTestClient client(const std::string& ca_file = {}) const { return HttpTestClient(host_, port_, ca_file); }
  pid_t pid() const { return pid_; }
  const std::string& host() const { return host_; }
  const std::string& port() const { return port_; }
  /// "http" or "https", as the server announced.
  const std::string& scheme() const { return scheme_; }

  /// Sends SIGTERM and waits (up to `limit`) for the exit; returns the exit code, or -1.
  int terminate(std::chrono::seconds limit = std::chrono::seconds(15)) {
    kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        stopped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  FILE* output_ = nullptr;
  std::string scheme_, host_, port_;
  bool stopped_ = false;
};

}  // namespace rasso::testing_support
