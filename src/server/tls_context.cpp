#include "server/tls_context.h"

#include <openssl/ssl.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rasso::server {
namespace {

namespace ssl = boost::asio::ssl;

// TLS 1.2 suites: ECDHE (forward secrecy) with AES-GCM or ChaCha20-Poly1305, for ECDSA and RSA
// certificates, strongest first (Mozilla's "intermediate" list without finite-field DHE, which
// would need DH parameters to be configured).
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Result<std::string> read_whole_file(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"io", path + ": cannot read the TLS " + what + " (" + std::strerror(errno) + ")"};
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) return Error{"io", path + ": is a folder, not the TLS " + what + " file"};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Settings that do not depend on the files.
Status apply_policy(ssl::context& context) {
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                      ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression |
                      ssl::context::single_dh_use);
  SSL_CTX* native = context.native_handle();
  SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 || SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
    return Error{"tls", "OpenSSL refused the TLS policy (TLS 1.2 minimum, ECDHE AEAD ciphers)"};
  }
  // An encrypted key would make OpenSSL prompt on the terminal; answer with no passphrase so it
  // fails with an error instead.
  context.set_password_callback([](std::size_t, ssl::context::password_purpose) { return std::string(); });
  return ok_status();
}

}  // namespace

Result<TlsContext> TlsContext::load(const std::string& certificate_file, const std::string& key_file) {
  auto certificate_pem = read_whole_file(certificate_file, "certificate");
  if (!certificate_pem) return certificate_pem.error();
  auto key_pem = read_whole_file(key_file, "private key");
  if (!key_pem) return key_pem.error();

  auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
  if (Status policy = apply_policy(*context); !policy) return policy.error();
  boost::system::error_code error;
  // The key first: loading a certificate silently drops a key that does not match it, so the
  // order keeps "not a key" and "not this certificate's key" apart.
  context->use_private_key(boost::asio::buffer(*key_pem), ssl::context::pem, error);
  if (error) {
    return Error{"io", key_file + ": not a usable PEM private key (" + error.message() +
                           "; an encrypted key is not supported)"};
  }
  context->use_certificate_chain(boost::asio::buffer(*certificate_pem), error);
  if (error) return Error{"io", certificate_file + ": not a usable PEM certificate (" + error.message() + ")"};
  if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
    return Error{"io", key_file + ": this private key does not belong to the certificate in " + certificate_file};
  }
  return TlsContext(std::move(context));
}

}  // namespace rasso::server
