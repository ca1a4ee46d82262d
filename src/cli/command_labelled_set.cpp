// rasso labelled-set: turns one of the public labelled record-linkage data sets in
// ../shared/data/linkage/ into an extract folder (persons.csv) plus truth.csv, so that its
// accuracy is measured through the real path: rasso import, then rasso link --evaluate.

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <set>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "core/entity.h"
#include "core/field_spec.h"
#include "ingest/csv_reader.h"
#include "ingest/csv_writer.h"
#include "ingest/field_normaliser.h"
#include "linkage/labelled_datasets.h"

namespace rasso::cli {
namespace {

using Converter = linkage::LabelledPersons (*)(const std::vector<std::string>&,
                                               const std::vector<std::vector<std::string>>&);

struct LabelledSet {
  std::vector<std::string> files;  // relative to the linkage data folder; linked as one set
  Converter convert;
};

const std::map<std::string, LabelledSet>& labelled_sets() {
  static const std::map<std::string, LabelledSet> sets = {
      {"febrl1", {{"febrl/dataset1.csv"}, linkage::labelled_from_febrl}},
      {"febrl2", {{"febrl/dataset2.csv"}, linkage::labelled_from_febrl}},
      {"febrl3", {{"febrl/dataset3.csv"}, linkage::labelled_from_febrl}},
      {"febrl4", {{"febrl/dataset4a.csv", "febrl/dataset4b.csv"}, linkage::labelled_from_febrl}},
      {"rldata500", {{"rldata/RLdata500.csv"}, linkage::labelled_from_rldata}},
      {"rldata10000", {{"rldata/RLdata10000.csv"}, linkage::labelled_from_rldata}},
      {"splink-fake-1000", {{"splink_fake_1000/fake_1000.csv"}, linkage::labelled_from_splink_fake}},
  };
  return sets;
}

Result<linkage::LabelledPersons> read_set(const std::filesystem::path& folder, const LabelledSet& set) {
  linkage::LabelledPersons all;
  for (const std::string& file : set.files) {
    auto table = read_csv_table(folder / file);
    if (!table) return table.error();
    std::vector<std::vector<std::string>> rows;
    rows.reserve(table->rows.size());
    for (CsvRecord& row : table->rows) rows.push_back(std::move(row.fields));
    linkage::append_labelled(all, set.convert(table->header, rows));
  }
  return all;
}

// The persons.csv columns a labelled set can fill, with the record's value of each.
const std::vector<std::pair<const char*, std::string linkage::PersonRecord::*>>& person_columns() {
  static const std::vector<std::pair<const char*, std::string linkage::PersonRecord::*>> columns = {
      {"person_ref", &linkage::PersonRecord::person_ref}, {"forename", &linkage::PersonRecord::forename},
      {"middle_names", &linkage::PersonRecord::middle_names}, {"surname", &linkage::PersonRecord::surname},
      {"dob", &linkage::PersonRecord::dob},               {"sex", &linkage::PersonRecord::sex},
      {"postcode", &linkage::PersonRecord::postcode},     {"pnc_id", &linkage::PersonRecord::pnc_id},
      {"cro_number", &linkage::PersonRecord::cro_number}};
  return columns;
}

// What write_extract changed to make the set importable.
struct ExtractWritten {
  std::map<std::string, std::size_t> blanked;  // values the import would refuse, written blank, per column
  std::size_t left_out = 0;                    // records with no name or identifier left, not written
};

// Writes persons.csv and truth.csv. A value the import would refuse (a FEBRL date of birth such as
// 1985-02-30, say) is written blank, as a force would have to, and counted per column; a record
// left with no forename, surname, PNC ID or CRO number (which the import refuses whole) is left
// out of both files and counted.
Result<ExtractWritten> write_extract(const linkage::LabelledPersons& data, const std::filesystem::path& out,
                                     const CodeTables& codes) {
  std::filesystem::create_directories(out);
  auto persons = CsvWriter::open(out / "persons.csv");
  if (!persons) return persons.error();
  auto truth = CsvWriter::open(out / "truth.csv");
  if (!truth) return truth.error();
  const EntitySpec& spec = entity_spec(Entity::Persons);
  std::vector<const FieldSpec*> fields;
  for (const auto& [name, member] : person_columns()) {
    (*persons)->field(std::string_view(name));
    fields.push_back(&spec.fields[*spec.index_of(name)]);
  }
  (*persons)->end_row();
  (*truth)->write_row(std::vector<std::string>{"person_ref", "true_id"});
  ExtractWritten written;
  std::vector<std::string> values(fields.size());
  for (const linkage::PersonRecord& record : data.records) {
    std::vector<std::string> refused;
    bool identifiable = false;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      values[i] = record.*(person_columns()[i].second);
      if (!values[i].empty() && !normalise_field(*fields[i], values[i], codes)) {
        values[i].clear();
        refused.emplace_back(fields[i]->name);
      }
      const std::string_view name = fields[i]->name;
      const bool identifies = name == "forename" || name == "surname" || name == "pnc_id" || name == "cro_number";
      identifiable = identifiable || (identifies && !values[i].empty());
    }
    if (!identifiable) {
      ++written.left_out;
      continue;
    }
    for (const std::string& field : refused) ++written.blanked[field];
    for (const std::string& value : values) {
      if (value.empty()) {
        (*persons)->blank();
      } else {
        (*persons)->field(value);
      }
    }
    (*persons)->end_row();
    (*truth)->write_row(std::vector<std::string>{record.person_ref, data.true_id_by_ref.at(record.person_ref)});
  }
  if (Status closed = (*persons)->close(); !closed) return closed.error();
  if (Status closed = (*truth)->close(); !closed) return closed.error();
  return written;
}

}  // namespace

void register_labelled_set_command(CLI::App& app, CommandContext& context) {
  struct Options {
    std::string set;
    std::string out;
    std::string data = std::string(RASSO_DEFAULT_DATA_DIR) + "/../../../shared/data/linkage";
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "labelled-set", "Write a public labelled linkage data set as an extract (persons.csv) plus truth.csv");
  std::vector<std::string> names;
  for (const auto& [name, set] : labelled_sets()) names.push_back(name);
  command->add_option("set", options->set, "The data set")->required()->check(CLI::IsMember(names));
  command->add_option("--out", options->out, "Folder to write persons.csv and truth.csv into")->required();
  command->add_option("--data", options->data, "The linkage data folder (default: ../shared/data/linkage)");
  command->callback([options, &context] {
    CodeTables codes;
    if (!context.load_codes(codes)) return;
    auto data = read_set(options->data, labelled_sets().at(options->set));
    if (!data) return context.fail(data.error());
    auto written = write_extract(*data, options->out, codes);
    if (!written) return context.fail(written.error());
    fmt::print("Wrote {} person records of {} ({} true people) to {}.\n", data->records.size() - written->left_out,
               options->set,
               [&] {
                 std::set<std::string_view> ids;
                 for (const auto& [ref, id] : data->true_id_by_ref) ids.insert(id);
                 return ids.size();
               }(),
               options->out);
    for (const auto& [field, count] : written->blanked) {
      fmt::print("  {} value(s) of {} the import would refuse were left blank\n", count, field);
    }
    if (written->left_out > 0) {
      fmt::print("  {} record(s) with no forename, surname, PNC ID or CRO number (which the import refuses) "
                 "were left out\n",
                 written->left_out);
    }
  });
}

}  // namespace rasso::cli
