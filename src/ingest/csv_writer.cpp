#include "ingest/csv_writer.h"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace rasso {
namespace {

bool needs_quotes(std::string_view value) {
  for (char c : value) {
    // Letters and digits all sort after ',', so most bytes are passed by the first test.
    if (static_cast<unsigned char>(c) <= ',' && (c == ',' || c == '"' || c == '\n' || c == '\r')) return true;
  }
  return false;
}

bool looks_like_formula(std::string_view value) {
  if (value.empty()) return false;
  const char first = value.front();
  return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
}

void append_escaped(std::string& out, std::string_view value, bool neutralise_formulas) {
  const bool prefix = neutralise_formulas && looks_like_formula(value);
  if (!needs_quotes(value)) {
    if (prefix) out += '\'';
    out.append(value);
    return;
  }
  out += '"';
  if (prefix) out += '\'';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_two_digits(std::string& out, int value) {
  out += static_cast<char>('0' + value / 10);
  out += static_cast<char>('0' + value % 10);
}

}  // namespace

std::string csv_escape(std::string_view value, bool neutralise_formulas) {
  std::string out;
  append_escaped(out, value, neutralise_formulas);
  return out;
}

Result<std::unique_ptr<CsvWriter>> CsvWriter::open(const std::filesystem::path& path, CsvWriterOptions options) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return Error{"io", fmt::format("cannot open {} for writing: {}", path.string(), std::strerror(errno))};
  }
  return std::unique_ptr<CsvWriter>(new CsvWriter(file, path, options));
}

CsvWriter::CsvWriter(std::FILE* file, std::filesystem::path path, CsvWriterOptions options)
    : file_(file), path_(std::move(path)), options_(options) {
  buffer_.reserve(options_.buffer_bytes + 4096);
}

CsvWriter::~CsvWriter() { (void)close(); }

void CsvWriter::separate() {
  if (row_started_) buffer_ += ',';
  row_started_ = true;
}

void CsvWriter::field(std::string_view value) {
  separate();
  append_escaped(buffer_, value, options_.neutralise_formulas);
}

void CsvWriter::field(std::int64_t value) {
  separate();
  fmt::format_to(std::back_inserter(buffer_), "{}", value);
}

void CsvWriter::field(CivilDate date) {
  separate();
  const int year = date.year();
  append_two_digits(buffer_, year / 100);
  append_two_digits(buffer_, year % 100);
  buffer_ += '-';
  append_two_digits(buffer_, date.month());
  buffer_ += '-';
  append_two_digits(buffer_, date.day());
}

void CsvWriter::end_row() {
  buffer_ += '\n';
  row_started_ = false;
  ++rows_;
  flush_if_full();
}

void CsvWriter::write_row(std::span<const std::string_view> fields) {
  for (std::string_view value : fields) field(value);
  end_row();
}

void CsvWriter::write_row(std::span<const std::string> fields) {
  for (const std::string& value : fields) field(std::string_view(value));
  end_row();
}

void CsvWriter::flush_if_full() {
  if (buffer_.size() >= options_.buffer_bytes) flush();
}

void CsvWriter::flush() {
  if (file_ == nullptr || buffer_.empty()) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) write_failed_ = true;
  buffer_.clear();
}

Status CsvWriter::close() {
  if (file_ == nullptr) return ok_status();
  flush();
  if (std::fflush(file_) != 0) write_failed_ = true;
  if (std::fclose(file_) != 0) write_failed_ = true;
  file_ = nullptr;
  if (write_failed_) return Error{"io", fmt::format("could not write all of {} (disk full?)", path_.string())};
  return ok_status();
}

}  // namespace rasso
