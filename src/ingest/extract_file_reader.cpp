#include "ingest/extract_file_reader.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "ingest/csv_reader.h"
#include "ingest/field_normaliser.h"

namespace rasso {
namespace {

ImportProblem file_problem(const std::filesystem::path& path, std::size_t line, std::string field, std::string rule) {
  return ImportProblem{path.filename().string(), line, std::move(field), "", std::move(rule)};
}

// Maps a header (CSV column names or JSON keys) onto the spec's fields.
class ColumnMap {
 public:
  explicit ColumnMap(const EntitySpec& spec) : spec_(spec) {}

  /// For a CSV header: column index -> spec field index. Returns a problem for a bad header.
  std::optional<ImportProblem> bind_header(const std::filesystem::path& path, std::vector<std::string> header) {
    if (!header.empty() && header[0].rfind("\xEF\xBB\xBF", 0) == 0) header[0].erase(0, 3);  // UTF-8 BOM
    std::vector<bool> seen(spec_.fields.size(), false);
    for (const std::string& name : header) {
      const auto index = spec_.index_of(name);
      if (!index) {
        return file_problem(path, 1, name, "unknown column; the columns of " + std::string(spec_.name()) +
                                               " are: " + columns_list());
      }
      if (seen[*index]) return file_problem(path, 1, name, "column appears more than once in the header");
      seen[*index] = true;
      field_of_column_.push_back(*index);
    }
    for (std::size_t i = 0; i < spec_.fields.size(); ++i) {
      if (spec_.fields[i].required && !seen[i]) {
        return file_problem(path, 1, std::string(spec_.fields[i].name), "required column is missing from the header");
      }
    }
    return std::nullopt;
  }

  std::size_t columns() const { return field_of_column_.size(); }
  std::size_t field_of_column(std::size_t column) const { return field_of_column_[column]; }

  std::string columns_list() const {
    std::string out;
    for (const FieldSpec& field : spec_.fields) out += (out.empty() ? "" : ", ") + std::string(field.name);
    return out;
  }

 private:
  const EntitySpec& spec_;
  std::vector<std::size_t> field_of_column_;
};

class CsvExtractReader final : public ExtractFileReader {
 public:
  CsvExtractReader(std::filesystem::path path, const EntitySpec& spec) : path_(std::move(path)), spec_(spec), map_(spec) {}

  Next next(ExtractRow& row, ImportProblem& fatal) override {
    if (failed_) return Next::Fatal;
    if (!reader_ && !start(fatal)) return Next::Fatal;
    auto got = reader_->next(record_);
    if (!got) return fail(fatal, file_problem(path_, 0, "", got.error().message));
    if (!*got) return Next::End;
    row.line = record_.line;
    row.problem.reset();
    row.values.assign(spec_.fields.size(), std::string());
    if (record_.fields.size() != map_.columns()) {
      row.problem = ImportProblem{path_.filename().string(), record_.line, "", "",
                                  "row has " + std::to_string(record_.fields.size()) + " fields but the header has " +
                                      std::to_string(map_.columns())};
      return Next::Row;
    }
    for (std::size_t column = 0; column < record_.fields.size(); ++column) {
      row.values[map_.field_of_column(column)] = std::move(record_.fields[column]);
    }
    return Next::Row;
  }

  std::size_t bytes_read() const override { return reader_ ? reader_->bytes_read() : 0; }
  std::size_t file_size() const override { return reader_ ? reader_->file_size() : 0; }

 private:
  // Opens the file and binds its header; on failure records the problem in `fatal`.
  bool start(ImportProblem& fatal) {
    std::optional<ImportProblem> problem;
    auto opened = CsvReader::open(path_);
    if (!opened) {
      problem = file_problem(path_, 0, "", opened.error().message);
    } else {
      reader_ = std::move(*opened);
      auto got = reader_->next(record_);
      if (!got) {
        problem = file_problem(path_, 0, "", got.error().message);
      } else if (!*got) {
        problem = file_problem(path_, 1, "", "the file is empty: a header row is required");
      } else {
        problem = map_.bind_header(path_, std::move(record_.fields));
      }
    }
    if (!problem) return true;
    fail(fatal, std::move(*problem));
    return false;
  }

  Next fail(ImportProblem& fatal, ImportProblem problem) {
    // CSV syntax errors carry "line N: ..." from the reader; lift the line into the problem.
    if (problem.line == 0 && problem.rule.rfind("line ", 0) == 0) {
      const std::size_t colon = problem.rule.find(':');
      problem.line = std::stoul(problem.rule.substr(5, colon - 5));
      problem.rule = problem.rule.substr(colon + 2);
    }
    fatal = std::move(problem);
    failed_ = true;
    return Next::Fatal;
  }

  std::filesystem::path path_;
  const EntitySpec& spec_;
  ColumnMap map_;
  std::unique_ptr<CsvReader> reader_;
  CsvRecord record_;
  bool failed_ = false;
};

class JsonLinesExtractReader final : public ExtractFileReader {
 public:
  JsonLinesExtractReader(std::filesystem::path path, const EntitySpec& spec) : path_(std::move(path)), spec_(spec) {
    input_.rdbuf()->pubsetbuf(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    input_.open(path_, std::ios::binary);
    std::error_code error;
    const auto size = std::filesystem::file_size(path_, error);
    file_size_ = error ? 0 : static_cast<std::size_t>(size);
  }

  Next next(ExtractRow& row, ImportProblem& fatal) override {
    if (!input_) {
      if (line_ == 0) {
        fatal = file_problem(path_, 0, "", "cannot open the file");
        line_ = 1;
        return Next::Fatal;
      }
      return Next::End;
    }
    std::string text;
    while (std::getline(input_, text)) {
      ++line_;
      bytes_read_ += text.size() + 1;
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (text.find_first_not_of(" \t") == std::string::npos) continue;
      parse_line(text, row);
      return Next::Row;
    }
    if (input_.bad()) {
      fatal = file_problem(path_, line_, "", "read failed");
      return Next::Fatal;
    }
    return Next::End;
  }

  std::size_t bytes_read() const override { return bytes_read_; }
  std::size_t file_size() const override { return file_size_; }

 private:
  void parse_line(const std::string& text, ExtractRow& row) {
    row.line = line_;
    row.problem.reset();
    row.values.assign(spec_.fields.size(), std::string());
    const nlohmann::json object = nlohmann::json::parse(text, nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
      row.problem = problem("", displayable_value(text), "line is not a valid JSON object");
      return;
    }
    for (const auto& [key, value] : object.items()) {
      const auto index = spec_.index_of(key);
      if (!index) {
        row.problem = problem(key, "", "unknown field for " + std::string(spec_.name()));
        return;
      }
      if (value.is_string()) {
        row.values[*index] = value.get<std::string>();
      } else if (value.is_boolean()) {
        row.values[*index] = value.get<bool>() ? "Y" : "N";
      } else if (value.is_number_integer()) {
        row.values[*index] = value.dump();
      } else if (!value.is_null()) {
        row.problem = problem(key, displayable_value(value.dump()), "must be a string, whole number, boolean or null");
        return;
      }
    }
  }

  ImportProblem problem(std::string field, std::string value, std::string rule) const {
    return ImportProblem{path_.filename().string(), line_, std::move(field), std::move(value), std::move(rule)};
  }

  std::filesystem::path path_;
  const EntitySpec& spec_;
  std::array<char, 1 << 16> buffer_{};
  std::ifstream input_;
  std::size_t line_ = 0;
  std::size_t bytes_read_ = 0;
  std::size_t file_size_ = 0;
};

}  // namespace

std::unique_ptr<ExtractFileReader> open_extract_file(const std::filesystem::path& path, const EntitySpec& spec) {
  if (path.extension() == ".jsonl") return std::make_unique<JsonLinesExtractReader>(path, spec);
  return std::make_unique<CsvExtractReader>(path, spec);
}

}  // namespace rasso
