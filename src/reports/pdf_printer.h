#pragma once
// Printing a report's HTML file to PDF with headless Chromium, when it is installed.

#include <filesystem>
#include <optional>

#include "core/result.h"

namespace rasso {

/// The headless Chromium the reports print with: $RASSO_CHROMIUM if set, else the first of
/// /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome that exists; nullopt when
/// none does.
std::optional<std::filesystem::path> find_chromium();

/// Runs `chromium --headless --no-sandbox --print-to-pdf=PDF file://HTML`. Error "unavailable"
/// when no Chromium is installed, "io" when it fails or writes no file.
Status print_html_to_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf);

}  // namespace rasso
