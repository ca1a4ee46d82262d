#include "ingest/csv_reader.h"

#include <csv.h>

#include <cerrno>
#include <cstring>

namespace rasso {
namespace {

constexpr std::size_t kReadChunk = 1 << 16;

Error io_error(const std::filesystem::path& path, const std::string& what) {
  return Error{"io", path.string() + ": " + what};
}

}  // namespace

Result<std::unique_ptr<CsvReader>> CsvReader::open(const std::filesystem::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return io_error(path, std::strerror(errno));
  std::error_code size_error;
  const auto size = std::filesystem::file_size(path, size_error);
  return std::unique_ptr<CsvReader>(new CsvReader(file, path, size_error ? 0 : static_cast<std::size_t>(size)));
}

CsvReader::CsvReader(std::FILE* file, std::filesystem::path path, std::size_t file_size)
    : file_(file), path_(std::move(path)), parser_(std::make_unique<csv_parser>()), file_size_(file_size),
      buffer_(kReadChunk) {
  // Strict: a quote inside an unquoted field, or one left open at the end, is an error.
  // REPALL_NL: every line break ends a record, so physical lines can be counted exactly.
  csv_init(parser_.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
  // libcsv grows its field buffer by this much at a time; its default (128 bytes) makes a long
  // field cost quadratic copying.
  csv_set_blk_size(parser_.get(), 1 << 20);
}

CsvReader::~CsvReader() {
  csv_free(parser_.get());
  std::fclose(file_);
}

void CsvReader::on_field(void* data, std::size_t length, void* self_ptr) {
  auto* self = static_cast<CsvReader*>(self_ptr);
  if (!self->record_open_) {
    self->record_open_ = true;
    self->building_.fields.clear();
    self->building_.line = self->line_;
  }
  const char* text = static_cast<const char*>(data);
  self->building_.fields.emplace_back(text == nullptr ? "" : std::string(text, length));
  for (std::size_t i = 0; i < length; ++i) {
    if (text[i] == '\n') ++self->line_;  // a line break inside a quoted field
  }
}

void CsvReader::on_record(int terminator, void* self_ptr) {
  auto* self = static_cast<CsvReader*>(self_ptr);
  if (self->record_open_) {
    self->ready_.push_back(std::move(self->building_));
    self->building_ = CsvRecord{};
    self->record_open_ = false;
  }
  if (terminator == '\n') ++self->line_;
}

Result<bool> CsvReader::fill() {
  const std::size_t got = std::fread(buffer_.data(), 1, buffer_.size(), file_);
  if (got == 0) {
    if (std::ferror(file_)) return io_error(path_, "read failed");
    finished_ = true;
    if (csv_fini(parser_.get(), on_field, on_record, this) != 0) {
      return Error{"csv_syntax", "line " + std::to_string(building_.line ? building_.line : line_) +
                                     ": a quoted field is never closed (missing closing quote)"};
    }
    return true;
  }
  const std::size_t parsed = csv_parse(parser_.get(), buffer_.data(), got, on_field, on_record, this);
  if (parsed != got) {
    // Records before the failure have been counted, so line_ is the line the parser stopped on.
    return Error{"csv_syntax", "line " + std::to_string(line_) + ": " + csv_strerror(csv_error(parser_.get())) +
                                   " (a quote inside an unquoted field, or text after a closing quote)"};
  }
  bytes_read_ += got;
  return true;
}

Result<bool> CsvReader::next(CsvRecord& record) {
  while (ready_.empty() && !finished_) {
    Result<bool> filled = fill();
    if (!filled) return filled.error();
  }
  if (ready_.empty()) return false;
  record = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

int CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<CsvTable> read_csv_table(const std::filesystem::path& path) {
  auto reader = CsvReader::open(path);
  if (!reader) return reader.error();
  CsvTable table;
  CsvRecord record;
  bool first = true;
  while (true) {
    Result<bool> got = (*reader)->next(record);
    if (!got) return Error{got.error().code, path.string() + ": " + got.error().message};
    if (!*got) break;
    if (first) {
      table.header = std::move(record.fields);
      first = false;
    } else {
      table.rows.push_back(std::move(record));
    }
  }
  if (first) return Error{"csv_syntax", path.string() + ": the file is empty (a header row is required)"};
  return table;
}

}  // namespace rasso
