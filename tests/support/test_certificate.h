#pragma once
// A throwaway self-signed certificate for the TLS tests, made at test time with OpenSSL's C API
// so that no private key is ever committed: an EC P-256 key and a certificate for 127.0.0.1 and
// localhost, valid for a day, written as PEM files (the certificate doubles as the clients' CA).

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace rasso::testing_support {

struct TestCertificate {
  std::filesystem::path certificate;  // PEM certificate (also the CA file clients trust)
  std::filesystem::path key;          // PEM private key, unencrypted
};

/// Writes `<folder>/<name>.crt` and `<folder>/<name>.key`. Each call makes a new key, so two
/// names give two certificates whose keys do not match each other. Fails the test on an OpenSSL
/// error (the paths are returned anyway).
inline TestCertificate make_test_certificate(const std::filesystem::path& folder, const std::string& name) {
  const TestCertificate files{folder / (name + ".crt"), folder / (name + ".key")};
  const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"),
                                                                 EVP_PKEY_free);
  const std::unique_ptr<X509, decltype(&X509_free)> certificate(X509_new(), X509_free);
  if (key == nullptr || certificate == nullptr) {
    ADD_FAILURE() << "OpenSSL could not make a key";
    return files;
  }
  X509* cert = certificate.get();
  static long serial = 1;
  bool made = X509_set_version(cert, 2) == 1 && ASN1_INTEGER_set(X509_get_serialNumber(cert), serial++) == 1 &&
              X509_gmtime_adj(X509_getm_notBefore(cert), -60) != nullptr &&
              X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 60 * 60) != nullptr && X509_set_pubkey(cert, key.get()) == 1;
  X509_NAME* subject = X509_get_subject_name(cert);
  const std::string common_name = "rasso test " + name;
  made = made && X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                                            reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0) == 1 &&
         X509_set_issuer_name(cert, subject) == 1;
  X509V3_CTX extension_context;
  X509V3_set_ctx_nodb(&extension_context);
  X509V3_set_ctx(&extension_context, cert, cert, nullptr, nullptr, 0);
  // What `openssl req -x509` adds, plus the names clients check.
  const std::pair<int, const char*> extensions[] = {{NID_basic_constraints, "critical,CA:TRUE"},
                                                    {NID_subject_key_identifier, "hash"},
                                                    {NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"}};
  for (const auto& [nid, value] : extensions) {
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &extension_context, nid, value);
    made = made && extension != nullptr && X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
  }
  made = made && X509_sign(cert, key.get(), EVP_sha256()) > 0;

  FILE* certificate_out = std::fopen(files.certificate.c_str(), "w");
  FILE* key_out = std::fopen(files.key.c_str(), "w");
  made = made && certificate_out != nullptr && key_out != nullptr && PEM_write_X509(certificate_out, cert) == 1 &&
         PEM_write_PrivateKey(key_out, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
  if (certificate_out != nullptr) std::fclose(certificate_out);
  if (key_out != nullptr) std::fclose(key_out);
  if (!made) ADD_FAILURE() << "OpenSSL could not make the test certificate " << files.certificate;
  return files;
}

}  // namespace rasso::testing_support
