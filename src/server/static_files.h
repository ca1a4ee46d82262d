#pragma once
// The web front end's built files (web/dist): a request path maps to a file under the web
// folder (never outside it), with its content type and a Cache-Control suited to it (hashed
// assets cached for a year, HTML revalidated). Without a built front end, "/" explains that.

#include <filesystem>
#include <string_view>

#include "server/api_request.h"

namespace rasso::server {

/// The content type for a file name's extension ("application/octet-stream" when unknown).
std::string_view content_type_for(const std::filesystem::path& file);

/// The response for GET `path` under `web_dir`: the file, or a 404 JSON error (with
/// `correlation_id`) when there is none or the path tries to leave the folder. "/" is
/// index.html; "/name" also tries name.html.
HttpResponse serve_static(const std::filesystem::path& web_dir, std::string_view path, std::string_view correlation_id);

}  // namespace rasso::server
