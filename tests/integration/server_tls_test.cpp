// `rasso serve` over HTTPS, end to end: the real server started with a certificate made at test
// time, spoken to by a Beast TLS client that trusts only that certificate and by curl. HTTPS
// answers, the session cookie is Secure and responses carry Strict-Transport-Security (a plain
// server sends neither); plain HTTP, TLS 1.1 and CBC cipher suites are refused on the TLS port;
// keep-alive and the graceful SIGTERM stop work over TLS; a missing, unreadable or mismatched
// certificate or key, or one that is not PEM, stops the start with exit code 5 and the file's name.

#include <gtest/gtest.h>

#include "support/server_test_fixture.h"
#include "support/test_certificate.h"

namespace rasso::testing_support {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;

// The response header `name` (lower case), or "" when it is missing.
std::string header(const HttpResult& result, const std::string& name) {
  const auto found = result.headers.find(name);
  return found == result.headers.end() ? std::string() : found->second;
}

std::string tls_arguments(const TestCertificate& certificate) {
  return " --tls-cert " + certificate.certificate.string() + " --tls-key " + certificate.key.string();
}

// curl against the server at 127.0.0.1:`port` (never a proxy), trusting `ca_file`; the
// response body (or, with -w, what it writes) on standard output, errors on standard error.
CommandResult curl(const std::string& options, const std::string& ca_file, const std::string& port,
                   const std::string& path = "/healthz", const std::string& scheme = "https") {
  return run_shell("curl --silent --show-error --noproxy '*' --max-time 30 --cacert " + ca_file + " " + options + " " +
                   scheme + "://127.0.0.1:" + port + path + " 2>&1");
}

// `rasso serve ARGUMENTS` where it is expected to refuse to start; bounded by `timeout` so a
// server that starts after all fails the test (exit 124) instead of hanging it.
CommandResult serve_expecting_refusal(const std::string& arguments) {
  return run_shell("timeout 60 " + std::string(RASSO_BINARY) + " serve --listen 127.0.0.1:0 " + arguments + " 2>&1");
}

TEST(ServerTls, ServesHttpsWithSecureCookieAndStrictTransportSecurity) {
  TestWorkspace workspace;
  ServerTestStore store(workspace);
  const TestCertificate certificate = make_test_certificate(workspace.root(), "server");
  ServerProcess server(store.serve_arguments() + tls_arguments(certificate));
  ASSERT_TRUE(server.started());
  EXPECT_EQ(server.scheme(), "https");
  const std::string ca_file = certificate.certificate.string();

  HttpTestClient anonymous = server.client(ca_file);
  const HttpResult health = anonymous.get("/healthz");
  ASSERT_EQ(health.status, 200) << health.transport_error;
  EXPECT_EQ(health.json()["status"], "ok");
  EXPECT_EQ(header(health, "strict-transport-security"), "max-age=31536000");
  EXPECT_EQ(health.tls_close_error, "") << "the server should answer a close_notify with its own";

  HttpTestClient ivy = server.client(ca_file);
  const HttpResult signed_in = ivy.sign_in("ivy", kTestPassword);
  ASSERT_EQ(signed_in.status, 200) << signed_in.transport_error << signed_in.body;
  const std::string cookie = header(signed_in, "set-cookie");
  EXPECT_EQ(cookie.rfind("rasso_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
  const HttpResult session = ivy.get("/api/v1/session");
  ASSERT_EQ(session.status, 200) << session.body;
  EXPECT_EQ(session.json()["user"]["username"], "ivy");
  EXPECT_EQ(header(session, "strict-transport-security"), "max-age=31536000");
  const HttpResult signed_out = ivy.request("DELETE", "/api/v1/session", {}, {{"X-CSRF-Token", ivy.csrf()}});
  ASSERT_EQ(signed_out.status, 200) << signed_out.body;
  EXPECT_NE(header(signed_out, "set-cookie").find("; Secure"), std::string::npos) << header(signed_out, "set-cookie");
  EXPECT_NE(header(signed_out, "set-cookie").find("Max-Age=0"), std::string::npos);
  // Static files (here a 404 of the missing web folder) carry HSTS too.
  EXPECT_EQ(header(anonymous.get("/no-such-page"), "strict-transport-security"), "max-age=31536000");

  // The client really checks the certificate: one that trusts another certificate is refused.
  const TestCertificate stranger = make_test_certificate(workspace.root(), "stranger");
  const HttpResult untrusted = server.client(stranger.certificate.string()).get("/healthz");
  EXPECT_EQ(untrusted.status, 0);
  EXPECT_NE(untrusted.transport_error.find("certificate verify failed"), std::string::npos) << untrusted.transport_error;

  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServerTls, PlainServerSendsNeitherSecureNorStrictTransportSecurity) {
  TestWorkspace workspace;
  ServerTestStore store(workspace);
  ServerProcess server(store.serve_arguments());
  ASSERT_TRUE(server.started());
  EXPECT_EQ(server.scheme(), "http");
  HttpTestClient ivy = server.client();
  const HttpResult signed_in = ivy.sign_in("ivy", kTestPassword);
  ASSERT_EQ(signed_in.status, 200) << signed_in.transport_error;
  EXPECT_EQ(header(signed_in, "set-cookie").find("Secure"), std::string::npos) << header(signed_in, "set-cookie");
  EXPECT_EQ(signed_in.headers.count("strict-transport-security"), 0u);
  EXPECT_EQ(header(signed_in, "x-frame-options"), "DENY");
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServerTls, PlainHttpToTheTlsPortFailsAndTheServerCarriesOn) {
  TestWorkspace workspace;
  ServerTestStore store(workspace);
  const TestCertificate certificate = make_test_certificate(workspace.root(), "server");
  // Through the configuration file's keys this time.
  const auto config = workspace.root() / "tls.toml";
  write_file(config, read_file(store.config()) + "[server]\ntls_cert = \"" + certificate.certificate.string() +
                         "\"\ntls_key = \"" + certificate.key.string() + "\"\n");
  ServerProcess server("--db " + workspace.store_path().string() + " --config " + config.string() + " --web-dir " +
                       (workspace.root() / "no-web").string());
  ASSERT_TRUE(server.started());
  EXPECT_EQ(server.scheme(), "https");
  const std::string ca_file = certificate.certificate.string();

  const HttpResult plain = server.client().get("/healthz");
  EXPECT_EQ(plain.status, 0) << plain.body;
  EXPECT_FALSE(plain.transport_error.empty());
  const CommandResult plain_curl = curl("", ca_file, server.port(), "/healthz", "http");
  EXPECT_NE(plain_curl.exit_code, 0) << plain_curl.output;

  const HttpResult after = server.client(ca_file).get("/healthz");
  EXPECT_EQ(after.status, 200) << after.transport_error;
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServerTls, CurlGetsTls12And13AndKeepAliveButNotOldProtocolsOrCbcSuites) {
  TestWorkspace workspace;
  ServerTestStore store(workspace);
  const TestCertificate certificate = make_test_certificate(workspace.root(), "server");
  ServerProcess server(store.serve_arguments() + tls_arguments(certificate));
  ASSERT_TRUE(server.started());
  const std::string ca_file = certificate.certificate.string();

  const CommandResult health = curl("", ca_file, server.port());
  EXPECT_EQ(health.exit_code, 0) << health.output;
  EXPECT_NE(health.output.find("\"status\":\"ok\""), std::string::npos) << health.output;
  const CommandResult tls13 = curl("--tlsv1.3 -o /dev/null -w '%{http_code}'", ca_file, server.port());
  EXPECT_EQ(tls13.output, "200") << tls13.output;
  const CommandResult tls12 = curl("--tlsv1.2 --tls-max 1.2 -o /dev/null -w '%{http_code}'", ca_file, server.port());
  EXPECT_EQ(tls12.output, "200") << tls12.output;

  // Keep-alive: curl's second request reuses the first one's connection (no new connect).
  const std::string url = "https://127.0.0.1:" + server.port() + "/healthz";
  const CommandResult two = curl("-o /dev/null -o /dev/null -w '%{num_connects} ' " + url, ca_file, server.port());
  EXPECT_EQ(two.output, "1 0 ") << two.output;

  // A TLS 1.2 client offering only a CBC suite (which OpenSSL itself would accept) is refused,
  // while the same client with an AEAD suite is served.
  const std::string tls12_only = "--tlsv1.2 --tls-max 1.2 -o /dev/null -w '%{http_code}' --ciphers ";
  const CommandResult gcm = curl(tls12_only + "ECDHE-ECDSA-AES128-GCM-SHA256", ca_file, server.port());
  EXPECT_EQ(gcm.output, "200") << gcm.output;
  const CommandResult cbc = curl(tls12_only + "ECDHE-ECDSA-AES128-SHA256", ca_file, server.port());
  EXPECT_NE(cbc.exit_code, 0) << cbc.output;
  // TLS 1.1 from a client willing to use it (security level 0 lifts its own floor).
  const CommandResult tls11 = curl("--tlsv1.1 --tls-max 1.1 --ciphers 'DEFAULT:@SECLEVEL=0'", ca_file, server.port());
  EXPECT_NE(tls11.exit_code, 0) << tls11.output;

  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServerTls, SigtermClosesAnIdleTlsConnectionWithCloseNotify) {
  TestWorkspace workspace;
  ServerTestStore store(workspace);
  const TestCertificate certificate = make_test_certificate(workspace.root(), "server");
  ServerProcess server(store.serve_arguments() + tls_arguments(certificate));
  ASSERT_TRUE(server.started());

  boost::asio::io_context io;
  auto context = tls_client_context(certificate.certificate.string());
  beast::ssl_stream<beast::tcp_stream> stream(io, context);
  ASSERT_FALSE(connect_stream(io, stream, server.host(), server.port()));
  ASSERT_FALSE(tls_handshake(io, stream, server.host()));
  http::request<http::empty_body> request(http::verb::get, "/healthz", 11);
  request.set(http::field::host, server.host());
  request.keep_alive(true);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  beast::get_lowest_layer(stream).expires_after(kClientStepTimeout);
  ASSERT_FALSE(run_step(io, [&](auto done) { http::async_write(stream, request, done); }));
  ASSERT_FALSE(run_step(io, [&](auto done) { http::async_read(stream, buffer, response, done); }));
  EXPECT_EQ(response.result_int(), 200u);
  EXPECT_TRUE(response.keep_alive());

  // The connection is idle and kept alive; SIGTERM ends it with a TLS close_notify, which
  // reads as a clean end of stream (a bare TCP close would read as "stream truncated").
  kill(server.pid(), SIGTERM);
  http::response<http::string_body> none;
  beast::get_lowest_layer(stream).expires_after(kClientStepTimeout);
  const beast::error_code ended = run_step(io, [&](auto done) { http::async_read(stream, buffer, none, done); });
  EXPECT_EQ(ended, http::error::end_of_stream) << ended.message();
  beast::get_lowest_layer(stream).expires_after(kClientStepTimeout);
  const beast::error_code closed = run_step(io, [&](auto done) { stream.async_shutdown(done); });
  EXPECT_FALSE(closed) << closed.message();
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServerTls, BadCertificateOrKeyIsAStartupErrorNamingTheFile) {
  TestWorkspace workspace;
  const TestCertificate first = make_test_certificate(workspace.root(), "first");
  const TestCertificate second = make_test_certificate(workspace.root(), "second");
  const std::string db = "--db " + workspace.store_path().string() + " ";

  const CommandResult mismatched = serve_expecting_refusal(db + "--tls-cert " + first.certificate.string() + " --tls-key " +
                                                           second.key.string());
  EXPECT_EQ(mismatched.exit_code, 5) << mismatched.output;
  EXPECT_NE(mismatched.output.find(second.key.string() + ": this private key does not belong to the certificate in " +
                                   first.certificate.string()),
            std::string::npos)
      << mismatched.output;

  // (Unreadable takes the same path as missing; as root, no permission makes a file unreadable.)
  const std::string missing = (workspace.root() / "missing.crt").string();
  const CommandResult absent = serve_expecting_refusal(db + "--tls-cert " + missing + " --tls-key " + first.key.string());
  EXPECT_EQ(absent.exit_code, 5) << absent.output;
  EXPECT_NE(absent.output.find(missing + ": cannot read the TLS certificate"), std::string::npos) << absent.output;

  const auto not_pem = workspace.root() / "not-pem.crt";
  write_file(not_pem, "this is not a certificate\n");
  const CommandResult garbage = serve_expecting_refusal(db + "--tls-cert " + not_pem.string() + " --tls-key " + first.key.string());
  EXPECT_EQ(garbage.exit_code, 5) << garbage.output;
  EXPECT_NE(garbage.output.find(not_pem.string() + ": not a usable PEM certificate"), std::string::npos) << garbage.output;

  // The certificate where the key belongs: named as the key that it is not.
  const CommandResult swapped = serve_expecting_refusal(db + "--tls-cert " + first.key.string() + " --tls-key " +
                                                        first.certificate.string());
  EXPECT_EQ(swapped.exit_code, 5) << swapped.output;
  EXPECT_NE(swapped.output.find(first.certificate.string() + ": not a usable PEM private key"), std::string::npos)
      << swapped.output;

  const CommandResult half = serve_expecting_refusal(db + "--tls-cert " + first.certificate.string());
  EXPECT_EQ(half.exit_code, 3) << half.output;
  EXPECT_NE(half.output.find("--tls-key"), std::string::npos) << half.output;
}

}  // namespace
}  // namespace rasso::testing_support
