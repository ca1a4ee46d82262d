#pragma once
// TlsContext: the server side of TLS for `rasso serve` (OpenSSL through Boost.Asio SSL), loaded
// once at start-up from the configured certificate and key and shared by every connection.
// The policy is fixed here rather than configurable: TLS 1.2 or later; on TLS 1.2 only ECDHE key
// exchange with AEAD ciphers (forward secrecy, no CBC), chosen in the server's order; no TLS
// compression (CRIME) and no renegotiation. TLS 1.3 uses OpenSSL's default suites, all AEAD.

#include <boost/asio/ssl/context.hpp>

#include <memory>
#include <string>

#include "core/result.h"

namespace rasso::server {

class TlsContext {
 public:
  /// Loads the PEM certificate chain `certificate_file` (the server's certificate first, then
  /// any intermediates) and its unencrypted PEM private key `key_file`. Error "io" naming the
  /// file when a file cannot be read, does not hold a PEM certificate or key, or the key does
  /// not belong to the certificate.
  static Result<TlsContext> load(const std::string& certificate_file, const std::string& key_file);

  /// The OpenSSL context the connections' streams are made with. Thread-safe for that use.
  boost::asio::ssl::context& native() const { return *context_; }

 private:
  explicit TlsContext(std::shared_ptr<boost::asio::ssl::context> context) : context_(std::move(context)) {}

  std::shared_ptr<boost::asio::ssl::context> context_;
};

}  // namespace rasso::server
