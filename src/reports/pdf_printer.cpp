#include "reports/pdf_printer.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace rasso {

std::optional<std::filesystem::path> find_chromium() {
  if (const char* configured = std::getenv("RASSO_CHROMIUM"); configured != nullptr && *configured != '\0') {
    return std::filesystem::path(configured);
  }
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
    if (std::filesystem::exists(candidate)) return std::filesystem::path(candidate);
  }
  return std::nullopt;
}

Status print_html_to_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf) {
  const auto chromium = find_chromium();
  if (!chromium) return Error{"unavailable", "headless Chromium is not installed (install the Debian package chromium)"};
  std::filesystem::remove(pdf);
  const std::string program = chromium->string();
  const std::string print = "--print-to-pdf=" + std::filesystem::absolute(pdf).string();
  const std::string url = "file://" + std::filesystem::absolute(html).string();
  std::vector<std::string> args = {program, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", print, url};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t child = fork();
  if (child < 0) return Error{"io", "cannot start Chromium"};
  if (child == 0) {
    // Chromium chatters on stderr about D-Bus and GPU in containers; the exit code is what counts.
    if (std::freopen("/dev/null", "w", stdout) == nullptr || std::freopen("/dev/null", "w", stderr) == nullptr) _exit(127);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(pdf) || std::filesystem::file_size(pdf) == 0) {
    return Error{"io", "Chromium could not print " + html.string() + " to " + pdf.string()};
  }
  return ok_status();
}

}  // namespace rasso
