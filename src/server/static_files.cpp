#include "server/static_files.h"

#include <fstream>
#include <map>
#include <sstream>

#include "server/api_response.h"
#include "server/router.h"

namespace rasso::server {
namespace {

constexpr const char* kNotBuiltPage =
    "RASSO Workbench\n\nThe web front end is not built, so there is no page to show here.\n"
    "Build it with: (cd web && npm ci && npm run build), then restart 'rasso serve'.\n"
    "The API is available under /api/v1/ (see /api/v1/openapi.json).\n";

bool safe_relative(const std::string& decoded) {
  if (decoded.find('\0') != std::string::npos || decoded.find('\\') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= decoded.size()) {
    const std::size_t end = decoded.find('/', start);
    const std::string segment = decoded.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (segment == ".." || segment == "." || (!segment.empty() && segment.front() == '.')) return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::string_view content_type_for(const std::filesystem::path& file) {
  static const std::map<std::string, std::string_view> kTypes = {
      {".html", "text/html; charset=utf-8"},  {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},          {".svg", "image/svg+xml"},
      {".png", "image/png"},                  {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},               {".woff2", "font/woff2"},
      {".woff", "font/woff"},                 {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},           {".webmanifest", "application/manifest+json"}};
  const auto found = kTypes.find(file.extension().string());
  return found == kTypes.end() ? std::string_view("application/octet-stream") : found->second;
}

HttpResponse serve_static(const std::filesystem::path& web_dir, std::string_view path, std::string_view correlation_id) {
  const auto decoded = percent_decode(path);
  if (!decoded || decoded->empty() || decoded->front() != '/' || !safe_relative(decoded->substr(1))) {
    return error_response("not_found", "no such page", correlation_id);
  }
  std::error_code error;
  if (!std::filesystem::is_directory(web_dir, error)) {
    if (*decoded == "/" || *decoded == "/index.html") {
      HttpResponse page;
      page.content_type = "text/plain; charset=utf-8";
      page.body = kNotBuiltPage;
      page.headers.emplace_back("Cache-Control", "no-cache");
      return page;
    }
    return error_response("not_found", "no such page (the web front end is not built)", correlation_id);
  }
  std::string relative = decoded->substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  std::filesystem::path file = web_dir / relative;
  if (!std::filesystem::is_regular_file(file, error) && file.extension().empty()) file += ".html";
  if (!std::filesystem::is_regular_file(file, error)) return error_response("not_found", "no such page", correlation_id);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  HttpResponse response;
  response.content_type = std::string(content_type_for(file));
  response.body = content.str();
  const bool immutable_asset = relative.rfind("assets/", 0) == 0;
  response.headers.emplace_back("Cache-Control", immutable_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace rasso::server
