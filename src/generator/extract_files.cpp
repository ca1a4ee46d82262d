#include "generator/extract_files.h"

#include <system_error>

#include <fmt/format.h>

#include "core/field_spec.h"

namespace rasso {

Result<std::unique_ptr<ExtractFiles>> ExtractFiles::open(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Error{"io", fmt::format("cannot create {}: {}", dir.string(), error.message())};
  auto files = std::unique_ptr<ExtractFiles>(new ExtractFiles());
  for (Entity entity : kEntitiesInLoadOrder) {
    auto writer = CsvWriter::open(dir / fmt::format("{}.csv", entity_name(entity)));
    if (!writer) return writer.error();
    for (const FieldSpec& field : entity_spec(entity).fields) (*writer)->field(field.name);
    (*writer)->end_row();
    files->writers_[static_cast<std::size_t>(entity)] = std::move(*writer);
  }
  auto truth = CsvWriter::open(dir / "truth.csv");
  if (!truth) return truth.error();
  (*truth)->field(std::string_view("person_ref"));
  (*truth)->field(std::string_view("true_id"));
  (*truth)->end_row();
  files->truth_ = std::move(*truth);
  return files;
}

Status ExtractFiles::close(std::map<std::string, std::size_t>& rows) {
  Status result = ok_status();
  auto finish = [&](const std::string& name, CsvWriter& writer) {
    rows[name] = writer.rows() - 1;
    if (Status status = writer.close(); !status && result) result = status;
  };
  for (Entity entity : kEntitiesInLoadOrder) {
    finish(fmt::format("{}.csv", entity_name(entity)), *writers_[static_cast<std::size_t>(entity)]);
  }
  finish("truth.csv", *truth_);
  return result;
}

}  // namespace rasso
