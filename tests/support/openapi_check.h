#pragma once
// OpenApiCheck: holds the server's OpenAPI document and checks real responses against it: the
// status is one the operation documents, the media type is one documented for that status, and
// a JSON body carries the documented required top-level keys. Remembers which operations were
// checked, so a test can prove it exercised every route it is responsible for.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/http_test_client.h"

namespace rasso::testing_support {

class OpenApiCheck {
 public:
  explicit OpenApiCheck(nlohmann::json document) : document_(std::move(document)) {}

  /// Checks that `result` is a documented response of `method pattern` (e.g. "GET",
  /// "/api/v1/crimes/{crime_ref}"), and records the operation as covered.
  void check(const std::string& method, const std::string& pattern, const HttpResult& result) {
    ASSERT_TRUE(document_["paths"].contains(pattern)) << pattern;
    const std::string lower = lower_case(method);
    ASSERT_TRUE(document_["paths"][pattern].contains(lower)) << method << " " << pattern;
    const auto& responses = document_["paths"][pattern][lower]["responses"];
    const std::string status = std::to_string(result.status);
    covered_.insert(method + " " + pattern);
    ASSERT_TRUE(responses.contains(status))
        << method << " " << pattern << " answered " << result.status << " which is not documented: " << result.body.substr(0, 300);
    const auto& content = responses[status]["content"];
    const auto type = result.headers.find("content-type");
    if (type != result.headers.end() && content.is_object()) {
      const std::string media_type = type->second.substr(0, type->second.find(';'));
      EXPECT_TRUE(content.contains(media_type)) << method << " " << pattern << " " << status << " answered " << media_type;
    }
    for (const std::string& key : required_keys(content)) {
      EXPECT_TRUE(result.json().contains(key))
          << method << " " << pattern << " lacks '" << key << "': " << result.body.substr(0, 300);
    }
  }

  const std::set<std::string>& covered() const { return covered_; }
  const nlohmann::json& document() const { return document_; }

 private:
  static std::string lower_case(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  }

  // The required top-level keys of the first documented media type's schema.
  std::vector<std::string> required_keys(const nlohmann::json& content) const {
    if (!content.is_object() || content.empty()) return {};
    nlohmann::json schema = content.begin().value().value("schema", nlohmann::json::object());
    if (schema.contains("$ref")) {
      const std::string ref = schema["$ref"].get<std::string>();
      schema = document_.at("components").at("schemas").at(ref.substr(ref.rfind('/') + 1));
    }
    std::vector<std::string> keys;
    if (schema.contains("required")) {
      for (const auto& key : schema["required"]) keys.push_back(key.get<std::string>());
    }
    return keys;
  }

  nlohmann::json document_;
  std::set<std::string> covered_;
};

}  // namespace rasso::testing_support
