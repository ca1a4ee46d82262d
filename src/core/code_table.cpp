#include "core/code_table.h"

namespace rasso {

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view CodeEntry::attribute(std::string_view name) const {
  const auto it = attributes.find(name);
  return it == attributes.end() ? std::string_view{} : std::string_view{it->second};
}

CodeTable::CodeTable(std::string name, std::vector<CodeEntry> entries)
    : name_(std::move(name)), entries_(std::move(entries)) {
  for (std::size_t i = 0; i < entries_.size(); ++i) index_.emplace(ascii_upper(entries_[i].code), i);
}

const CodeEntry* CodeTable::find(std::string_view code) const {
  const auto it = index_.find(ascii_upper(code));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

std::string CodeTable::codes_list() const {
  std::string out;
  for (const CodeEntry& entry : entries_) {
    if (!out.empty()) out += ", ";
    out += entry.code;
  }
  return out;
}

void CodeTables::add(CodeTable table) {
  std::string name = table.name();
  tables_.insert_or_assign(std::move(name), std::move(table));
}

const CodeTable* CodeTables::table(std::string_view name) const {
  const auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

std::vector<std::string> CodeTables::names() const {
  std::vector<std::string> out;
  for (const auto& [name, table] : tables_) out.push_back(name);
  return out;
}

}  // namespace rasso
