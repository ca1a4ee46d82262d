// rasso kpi, rasso report and rasso export end to end on the hand-built extract: the JSON shape of
// the contract, well-formed self-contained HTML with every section and chart, a real render in
// headless Chromium, XLSX and CSV files, pseudonyms by default and disclosure audit events.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <vector>

#include "support/rasso_command.h"
#include "support/test_workspace.h"

namespace rasso {
namespace {

using testing_support::read_file;
using testing_support::run_rasso;
using testing_support::TestWorkspace;

std::string db(const TestWorkspace& workspace) { return "--db " + workspace.store_path().string(); }

void import_handbuilt(const TestWorkspace& workspace) { workspace.import(workspace.copy_extract("kpi-handbuilt", "extract")); }

// Checks that `html` is well-formed markup: every element closed in order, void elements written
// as <x/>. Returns the first problem, or "" when there is none.
std::string markup_problem(const std::string& html) {
  std::vector<std::string> open;
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string::npos) {
    if (html.compare(at, 4, "<!--") == 0) {
      at = html.find("-->", at);
      if (at == std::string::npos) return "unclosed comment";
      continue;
    }
    const std::size_t end = html.find('>', at);
    if (end == std::string::npos) return "unclosed tag at " + std::to_string(at);
    std::string tag = html.substr(at + 1, end - at - 1);
    at = end + 1;
    if (tag.rfind("!DOCTYPE", 0) == 0) continue;
    if (tag.find('<') != std::string::npos) return "'<' inside a tag: " + tag;
    const bool closing = !tag.empty() && tag.front() == '/';
    const bool self_closing = !tag.empty() && tag.back() == '/';
    std::string name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" /\n\t"));
    if (closing) {
      if (open.empty() || open.back() != name) return "</" + name + "> closes <" + (open.empty() ? "" : open.back()) + ">";
      open.pop_back();
    } else if (!self_closing) {
      if (name == "meta" || name == "br" || name == "img" || name == "link" || name == "input") return "void <" + name + "> not self-closed";
      open.push_back(name);
      if (name == "style") {  // CSS is text, not markup
        const std::size_t close = html.find("</style>", at);
        if (close == std::string::npos) return "unclosed <style>";
        at = close;
      }
    }
  }
  return open.empty() ? "" : "<" + open.back() + "> never closed";
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

// Width and height from a PNG's IHDR chunk.
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& png) {
  const auto be32 = [&](std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 3]));
  };
  if (png.size() < 24 || png.compare(1, 3, "PNG") != 0) return {0, 0};
  return {be32(16), be32(20)};
}

std::string shell_output(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  pclose(pipe);
  return out;
}

TEST(KpiCliTest, JsonFollowsTheApiContract) {
  TestWorkspace workspace;
  import_handbuilt(workspace);
  const auto result = run_rasso("kpi " + db(workspace) + " --period 2025Q2 --as-of 2025-06-30 --by unit --json", false);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto json = nlohmann::json::parse(result.output);
  EXPECT_EQ(json["period"], "2025Q2");
  EXPECT_EQ(json["previous_period"], "2025Q1");
  const auto& measures = json["measures"];
  const auto recorded = std::find_if(measures.begin(), measures.end(), [](const auto& m) { return m["id"] == "recorded_crimes"; });
  ASSERT_NE(recorded, measures.end());
  EXPECT_EQ((*recorded)["unit"], "count");
  EXPECT_EQ((*recorded)["value"], 5);
  EXPECT_TRUE((*recorded)["previous_value"].is_null());  // 2: hidden
  EXPECT_EQ((*recorded)["display"], "5");
  ASSERT_EQ((*recorded)["breakdown"].size(), 2u);
  for (const auto& cell : (*recorded)["breakdown"]) {
    EXPECT_TRUE(cell["dimension"].contains("unit"));
    EXPECT_TRUE(cell["suppressed"].get<bool>());
    EXPECT_EQ(cell["display"], "<5");
    EXPECT_TRUE(cell["value"].is_null());
  }
  const auto table = run_rasso("kpi " + db(workspace) + " --period 2025Q2 --as-of 2025-06-30");
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_NE(table.output.find("Recorded RASSO crimes"), std::string::npos);
  EXPECT_NE(run_rasso("kpi " + db(workspace) + " --period 2025Q5").exit_code, 0);
  EXPECT_NE(run_rasso("kpi " + db(workspace) + " --by colour").exit_code, 0);
}

TEST(KpiCliTest, ProblemProfileIsWellFormedSelfContainedAndComplete) {
  TestWorkspace workspace;
  import_handbuilt(workspace);
  const auto html_path = workspace.root() / "profile.html";
  const auto notes = workspace.root() / "recommendations.md";
  testing_support::write_file(notes, "Task the north team with the repeat suspect.\n\nReview ISVA referrals <weekly>.\n");
  const auto result = run_rasso("report problem-profile " + db(workspace) + " --from 2024-07-01 --to 2025-06-30 --out " +
                                html_path.string() + " --recommendations " + notes.string() + " --suppress-below 1");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const std::string html = read_file(html_path);
  EXPECT_EQ(markup_problem(html), "");
  for (const char* id : {"aim-and-scope", "definitions", "sources-and-caveats", "scale-and-trend", "offence-types", "victims",
                         "suspects", "places", "times", "vulnerability", "attrition", "timeliness", "bail-orders-s63g",
                         "data-gaps", "recommendations"}) {
    EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  const std::size_t charts = count_of(html, "<svg ");
  EXPECT_GE(charts, 15u);
  EXPECT_EQ(count_of(html, "role=\"img\""), charts);
  EXPECT_EQ(count_of(html, "<desc id="), charts);
  EXPECT_GE(count_of(html, "<table>"), charts);  // each chart has its table
  EXPECT_NE(html.find("class=\"line\""), std::string::npos);            // a line chart
  EXPECT_NE(html.find("bar funnel"), std::string::npos);                // the funnel
  EXPECT_NE(html.find("contenteditable=\"true\""), std::string::npos);
  EXPECT_NE(html.find("Review ISVA referrals &lt;weekly&gt;."), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("Alice"), std::string::npos);  // aggregates only
  EXPECT_NE(html.find("Crimes by hour of the day"), std::string::npos);  // the extract has times for some
}

TEST(KpiCliTest, ReportsSuppressSmallNumbersByDefault) {
  TestWorkspace workspace;
  import_handbuilt(workspace);
  const auto html_path = workspace.root() / "profile.html";
  ASSERT_EQ(run_rasso("report problem-profile " + db(workspace) + " --from 2025-04-01 --to 2025-06-30 --out " + html_path.string()).exit_code, 0);
  const std::string html = read_file(html_path);
  EXPECT_EQ(markup_problem(html), "");
  EXPECT_NE(html.find("&lt;5"), std::string::npos);
  EXPECT_EQ(html.find(">1</td>"), std::string::npos);  // no small count in any table
  EXPECT_EQ(html.find(">2</td>"), std::string::npos);
}

TEST(KpiCliTest, FlightDeckPackRendersInHeadlessChromium) {
  TestWorkspace workspace;
  import_handbuilt(workspace);
  const auto html_path = workspace.root() / "deck.html";
  const auto result = run_rasso("report flight-deck " + db(workspace) + " --period 2025Q2 --as-of 2025-06-30 --by unit --out " +
                                html_path.string() + " --suppress-below 1");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const std::string html = read_file(html_path);
  EXPECT_EQ(markup_problem(html), "");
  EXPECT_NE(html.find("Victim withdrawal rate (outcome 16)"), std::string::npos);
  if (!std::filesystem::exists("/usr/bin/chromium")) GTEST_SKIP() << "chromium is not installed";
  // Kept under the build folder as an artefact of the test run.
  const auto artefacts = std::filesystem::current_path() / "report-screenshots";
  std::filesystem::create_directories(artefacts);
  const auto screenshot = artefacts / "flight-deck.png";
  std::filesystem::remove(screenshot);
  const std::string command = "/usr/bin/chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot=" +
                              screenshot.string() + " --window-size=1200,2000 file://" + html_path.string() + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string png = read_file(screenshot);
  const auto [width, height] = png_size(png);
  EXPECT_EQ(width, 1200u);
  EXPECT_EQ(height, 2000u);
  // A blank 1200x2000 PNG compresses to a few kilobytes; a page of tables and charts does not.
  EXPECT_GT(png.size(), 40'000u);
  const auto pdf = artefacts / "flight-deck.pdf";
  ASSERT_EQ(run_rasso("report flight-deck " + db(workspace) + " --period 2025Q2 --as-of 2025-06-30 --out " + html_path.string() +
                      " --pdf " + pdf.string()).exit_code, 0);
  EXPECT_EQ(read_file(pdf).rfind("%PDF", 0), 0u);
}

TEST(KpiCliTest, ProblemProfileScreenshotIsNotBlank) {
  if (!std::filesystem::exists("/usr/bin/chromium")) GTEST_SKIP() << "chromium is not installed";
  TestWorkspace workspace;
  import_handbuilt(workspace);
  const auto html_path = workspace.root() / "profile.html";
  ASSERT_EQ(run_rasso("report problem-profile " + db(workspace) + " --from 2024-07-01 --to 2025-06-30 --suppress-below 1 --out " +
                      html_path.string()).exit_code, 0);
  const auto artefacts = std::filesystem::current_path() / "report-screenshots";
  std::filesystem::create_directories(artefacts);
  const auto screenshot = artefacts / "problem-profile.png";
  std::filesystem::remove(screenshot);
  ASSERT_EQ(std::system(("/usr/bin/chromium --headless --no-sandbox --disable-gpu --screenshot=" + screenshot.string() +
                         " --window-size=1200,2000 file://" + html_path.string() + " >/dev/null 2>&1").c_str()), 0);
  const std::string png = read_file(screenshot);
  EXPECT_EQ(png_size(png).first, 1200u);
  EXPECT_GT(png.size(), 40'000u);
}

TEST(KpiCliTest, ExportsArePseudonymisedUnlessNamesAreAskedForAndAudited) {
  TestWorkspace workspace;
  import_handbuilt(workspace);
  const auto pseudonymised = workspace.root() / "crimes.csv";
  ASSERT_EQ(run_rasso("export crimes " + db(workspace) + " --as-of 2025-06-30 --out " + pseudonymised.string()).exit_code, 0);
  const std::string csv = read_file(pseudonymised);
  EXPECT_NE(csv.find("crime_ref,force_code,offence_code"), std::string::npos);
  EXPECT_NE(csv.find("Person P-"), std::string::npos);
  EXPECT_EQ(csv.find("Alice"), std::string::npos);
  EXPECT_EQ(count_of(csv, "\n"), 9u);  // header + 8 crimes
  const auto named = workspace.root() / "crimes-named.csv";
  ASSERT_EQ(run_rasso("export crimes " + db(workspace) + " --as-of 2025-06-30 --names --out " + named.string()).exit_code, 0);
  EXPECT_NE(read_file(named).find("Alice Ash"), std::string::npos);
  const auto repeat = workspace.root() / "repeat.xlsx";
  ASSERT_EQ(run_rasso("export repeat-suspects " + db(workspace) + " --as-of 2025-06-30 --format xlsx --out " + repeat.string()).exit_code, 0);
  const std::string listing = shell_output("unzip -l " + repeat.string());
  EXPECT_NE(listing.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(shell_output("unzip -p " + repeat.string() + " xl/workbook.xml").find("name=\"Repeat suspects\""), std::string::npos);
  const auto worklist = workspace.root() / "breaches.csv";
  ASSERT_EQ(run_rasso("export worklist-breaches " + db(workspace) + " --as-of 2025-06-30 --out " + worklist.string()).exit_code, 0);
  EXPECT_NE(read_file(worklist).find("kind,reason,due_date"), std::string::npos);
  const auto kpis = workspace.root() / "kpis.xlsx";
  ASSERT_EQ(run_rasso("export kpis " + db(workspace) + " --as-of 2025-06-30 --period 2025Q2 --by unit --format xlsx --out " + kpis.string()).exit_code, 0);
  EXPECT_NE(shell_output("unzip -l " + kpis.string()).find("sharedStrings.xml"), std::string::npos);

  const auto audit = run_rasso("audit list " + db(workspace) + " --json --limit 100", false);
  ASSERT_EQ(audit.exit_code, 0) << audit.output;
  EXPECT_EQ(count_of(audit.output, "\"disclosure\""), 5u);
  EXPECT_NE(audit.output.find("\"names_included\": true"), std::string::npos);
}

}  // namespace
}  // namespace rasso
