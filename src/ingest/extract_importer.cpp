#include "ingest/extract_importer.h"

#include <array>
#include <nlohmann/json.hpp>

#include "core/field_spec.h"
#include "core/row_fingerprint.h"
#include "core/row_rules.h"
#include "ingest/extract_file_reader.h"
#include "ingest/field_normaliser.h"

namespace rasso {
namespace {

struct ExtractFile {
  Entity entity;
  std::filesystem::path path;
};

Result<std::vector<ExtractFile>> find_extract_files(const std::filesystem::path& folder, ImportReport& report) {
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    return Error{"io", folder.string() + ": not a folder"};
  }
  std::vector<ExtractFile> files;
  for (Entity entity : kEntitiesInLoadOrder) {
    const std::filesystem::path csv = folder / (std::string(entity_name(entity)) + ".csv");
    const std::filesystem::path jsonl = folder / (std::string(entity_name(entity)) + ".jsonl");
    const bool has_csv = std::filesystem::exists(csv);
    const bool has_jsonl = std::filesystem::exists(jsonl);
    if (has_csv && has_jsonl) {
      report.problems.push_back({csv.filename().string(), 0, "", "",
                                 "both " + csv.filename().string() + " and " + jsonl.filename().string() +
                                     " are present; keep one"});
    }
    if (has_csv || has_jsonl) files.push_back({entity, has_csv ? csv : jsonl});
  }
  std::vector<std::string> ignored;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const bool ours = entry.path().extension() == ".csv" || entry.path().extension() == ".jsonl";
    if (!ours || !entity_from_name(entry.path().stem().string())) ignored.push_back(entry.path().filename().string());
  }
  std::sort(ignored.begin(), ignored.end());
  report.ignored_files = std::move(ignored);
  if (files.empty() && report.problems.empty()) {
    return Error{"invalid_input", folder.string() + ": no extract files found (expected files such as crimes.csv, "
                                                    "persons.csv; see docs/data-formats.md)"};
  }
  return files;
}

// Validates and loads one file's rows through the session.
class FileLoader {
 public:
  FileLoader(ImportSession& session, const CodeTables& codes, const ImportOptions& options, ImportReport& report)
      : session_(session), codes_(codes), options_(options), report_(report) {}

  Status load(const ExtractFile& file, std::size_t bytes_before, std::size_t bytes_total) {
    const EntitySpec& spec = entity_spec(file.entity);
    FileImportCounts counts{file.path.filename().string()};
    auto reader = open_extract_file(file.path, spec);
    ExtractRow row;
    ImportProblem fatal;
    std::vector<std::string> values(spec.fields.size());
    while (true) {
      if (full()) {
        report_.stopped_early = true;
        break;
      }
      const auto next = reader->next(row, fatal);
      if (next == ExtractFileReader::Next::End) break;
      if (next == ExtractFileReader::Next::Fatal) {
        add(std::move(fatal));
        break;
      }
      ++counts.rows_read;
      if ((counts.rows_read & 0x3fff) == 0 && options_.progress) {
        options_.progress(bytes_before + reader->bytes_read(), bytes_total);
      }
      if (row.problem) {
        add(std::move(*row.problem));
        continue;
      }
      auto loaded = load_row(spec, file, row, values, counts);
      if (!loaded) return loaded;
    }
    report_.files.push_back(std::move(counts));
    return ok_status();
  }

  bool full() const { return report_.problems.size() >= options_.max_problems; }

 private:
  void add(ImportProblem problem) {
    if (full()) {
      report_.stopped_early = true;
      return;
    }
    report_.problems.push_back(std::move(problem));
  }


  void add(const ExtractFile& file, std::size_t line, std::string_view field, std::string_view value, std::string rule) {
    add(ImportProblem{file.path.filename().string(), line, std::string(field), displayable_value(value), std::move(rule)});
  }

  Status load_row(const EntitySpec& spec, const ExtractFile& file, const ExtractRow& row,
                  std::vector<std::string>& values, FileImportCounts& counts) {
    bool clean = true;
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
      auto normalised = normalise_field(spec.fields[i], row.values[i], codes_);
      if (!normalised) {
        add(file, row.line, spec.fields[i].name, row.values[i], normalised.error().message);
        clean = false;
        values[i].clear();
      } else {
        values[i] = std::move(*normalised);
      }
    }
    if (!clean) return ok_status();
    for (RowRuleViolation& violation : check_row_rules(spec, values)) {
      add(file, row.line, violation.field, violation.value, std::move(violation.rule));
      clean = false;
    }
    auto references_ok = check_references(spec, file, row.line, values);
    if (!references_ok) return references_ok.error();
    if (!clean || !*references_ok) return ok_status();
    auto upserted = session_.upsert(spec.entity, values, row_fingerprint(values), row.line);
    if (!upserted) return upserted.error();
    switch (upserted->outcome) {
      case UpsertOutcome::Added: ++counts.added; break;
      case UpsertOutcome::Changed: ++counts.changed; break;
      case UpsertOutcome::Unchanged: ++counts.unchanged; break;
      case UpsertOutcome::Duplicate:
        add(file, row.line, spec.key().name, values[0],
            "duplicate key: already used on line " + std::to_string(upserted->first_line) + " of this file");
        break;
    }
    return ok_status();
  }

  Result<bool> check_references(const EntitySpec& spec, const ExtractFile& file, std::size_t line,
                                const std::vector<std::string>& values) {
    bool all_found = true;
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
      const FieldSpec& field = spec.fields[i];
      if (values[i].empty() || (field.type != FieldType::Reference && field.type != FieldType::ReferenceList)) continue;
      const Entity target = *entity_from_name(field.detail);
      std::size_t start = 0;
      while (start <= values[i].size()) {
        const std::size_t end = std::min(values[i].find(';', start), values[i].size());
        const std::string key = values[i].substr(start, end - start);
        auto found = reference_exists(target, key);
        if (!found) return found.error();
        if (!*found) {
          add(file, line, field.name, key,
              "refers to " + std::string(field.detail) + " '" + key + "', which is neither in this extract nor in the store");
          all_found = false;
        }
        if (field.type == FieldType::Reference) break;
        start = end + 1;
      }
    }
    return all_found;
  }

  // Consecutive rows usually refer to the same crime or person, so the last key found for each
  // entity is remembered to skip a store lookup.
  Result<bool> reference_exists(Entity target, const std::string& key) {
    std::string& last = last_found_[static_cast<std::size_t>(target)];
    if (!last.empty() && last == key) return true;
    auto found = session_.exists(target, key);
    if (found && *found) last = key;
    return found;
  }

  std::array<std::string, kEntitiesInLoadOrder.size()> last_found_;
  ImportSession& session_;
  const CodeTables& codes_;
  const ImportOptions& options_;
  ImportReport& report_;
};

}  // namespace

std::size_t ImportReport::rows_read() const {
  std::size_t total = 0;
  for (const FileImportCounts& file : files) total += file.rows_read;
  return total;
}

std::string ImportReport::to_json() const {
  nlohmann::json out;
  out["committed"] = committed;
  out["import_id"] = import_id;
  out["files"] = nlohmann::json::array();
  for (const FileImportCounts& file : files) {
    out["files"].push_back({{"file", file.file},
                            {"rows_read", file.rows_read},
                            {"added", file.added},
                            {"changed", file.changed},
                            {"unchanged", file.unchanged}});
  }
  out["problems"] = nlohmann::json::array();
  for (const ImportProblem& problem : problems) {
    out["problems"].push_back({{"file", problem.file},
                               {"line", problem.line},
                               {"field", problem.field},
                               {"value", problem.value},
                               {"rule", problem.rule}});
  }
  out["stopped_early"] = stopped_early;
  out["ignored_files"] = ignored_files;
  return out.dump();
}

Result<ImportReport> import_extract(Store& store, const std::filesystem::path& folder, const CodeTables& codes,
                                    const ImportOptions& options) {
  ImportReport report;
  auto files = find_extract_files(folder, report);
  if (!files) return files.error();
  std::size_t bytes_total = 0;
  for (const ExtractFile& file : *files) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file.path, error);
    if (!error) bytes_total += static_cast<std::size_t>(size);
  }
  const std::string started_at = options.now ? options.now() : std::string();
  auto session = store.begin_import(std::filesystem::absolute(folder).string(), started_at);
  if (!session) return session.error();
  FileLoader loader(**session, codes, options, report);
  std::size_t bytes_done = 0;
  for (const ExtractFile& file : *files) {
    if (loader.full()) {
      report.stopped_early = true;
      break;
    }
    Status loaded = loader.load(file, bytes_done, bytes_total);
    if (!loaded) return loaded.error();  // the session rolls back as it goes out of scope
    std::error_code error;
    const auto size = std::filesystem::file_size(file.path, error);
    bytes_done += error ? 0 : static_cast<std::size_t>(size);
    if (options.progress) options.progress(bytes_done, bytes_total);
  }
  if (!report.problems.empty()) return report;
  report.committed = true;
  report.import_id = (*session)->import_id();
  const std::string finished_at = options.now ? options.now() : std::string();
  AuditEvent audit;
  audit.occurred_at = finished_at;
  audit.actor = options.actor;
  audit.action = "import";
  audit.processing = "collection";
  audit.subject_type = "extract";
  audit.subject_id = std::filesystem::absolute(folder).string();
  audit.purpose = options.purpose;
  audit.correlation_id = options.correlation_id.empty() ? "import-" + std::to_string(report.import_id) : options.correlation_id;
  audit.details_json = report.to_json();
  Status committed = (*session)->commit(finished_at, report.to_json(), audit);
  if (!committed) return committed.error();
  return report;
}

}  // namespace rasso
