#pragma once
// CaseWriter: writes the rows of every crime of a CrimePlan — the crime, a person record (and
// its truth row) for each victim, suspect and witness, involvements, arrests, pre-charge bail,
// protection orders, breaches, victim contacts and biometrics — and each force's workforce,
// counting everything it plants. Crimes must be written in plan order: later crimes read what
// earlier ones left (orders a repeat suspect may breach, victims who may be victimised again).

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "generator/crime_plan.h"
#include "generator/extract_files.h"
#include "generator/generator_options.h"
#include "generator/name_data.h"

namespace rasso {

class CaseWriter {
 public:
  /// `names`, `files` and `plan` must outlive the writer.
  CaseWriter(const GeneratorOptions& options, const NameData& names, ExtractFiles& files, const CrimePlan& plan);
  ~CaseWriter();
  CaseWriter(const CaseWriter&) = delete;
  CaseWriter& operator=(const CaseWriter&) = delete;

  /// Writes every force's units, officers and training records. Call once, before write_crime.
  void write_workforce();
  /// Writes every row that follows from crime `index`; call for 0, 1, 2, ... in order.
  void write_crime(std::size_t index);
  /// What has been planted so far, by kind (see GeneratorSummary::planted).
  std::map<std::string, std::size_t> planted() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasso
