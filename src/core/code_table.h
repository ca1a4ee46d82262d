#pragma once
// CodeTable and CodeTables: the code lists an extract's values are checked against (Home Office
// offence and outcome codes, ethnicity, ranks, order types, ...). They are data, loaded from
// data/reference/codes/*.csv, so an administrator can update them without a rebuild.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rasso {

/// One row of a code table: the code, its label, and any further columns by header name.
struct CodeEntry {
  std::string code;
  std::string label;
  std::map<std::string, std::string, std::less<>> attributes;

  /// The attribute called `name`, or an empty string if the table has no such column.
  std::string_view attribute(std::string_view name) const;
};

class CodeTable {
 public:
  CodeTable() = default;
  CodeTable(std::string name, std::vector<CodeEntry> entries);

  const std::string& name() const { return name_; }
  const std::vector<CodeEntry>& entries() const { return entries_; }

  /// The entry whose code equals `code` ignoring ASCII case, or nullptr.
  const CodeEntry* find(std::string_view code) const;
  /// A comma-separated list of the codes, for error messages and docs.
  std::string codes_list() const;

 private:
  std::string name_;
  std::vector<CodeEntry> entries_;
  std::map<std::string, std::size_t, std::less<>> index_;  // upper-cased code -> entry
};

class CodeTables {
 public:
  /// Adds or replaces the table with `table.name()`.
  void add(CodeTable table);
  /// The table called `name`, or nullptr.
  const CodeTable* table(std::string_view name) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, CodeTable, std::less<>> tables_;
};

/// `text` with ASCII letters upper-cased.
std::string ascii_upper(std::string_view text);
/// `text` with ASCII letters lower-cased.
std::string ascii_lower(std::string_view text);

}  // namespace rasso
