#pragma once
// NameTable: every distinct folded name (forename, middle name or surname) seen by a linkage
// run, with what the comparisons and blocking rules need to know about it, worked out once per
// name instead of once per pair: its NYSIIS code, its canonical forms (nickname -> formal), and
// for a multi-word surname ("SMITH JONES") the ids of its words.

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "linkage/nickname_index.h"
#include "linkage/string_interner.h"

namespace rasso::linkage {

/// Dense id of a folded name in a NameTable; kNoName (0) is "no name".
using NameId = std::uint32_t;
inline constexpr NameId kNoName = 0;

/// Dense id of a NYSIIS code or of a canonical form; 0 is "none".
using PhoneticId = std::uint32_t;
using FormId = std::uint32_t;

class NameTable {
 public:
  /// `nicknames` must not be null; it is shared, not copied.
  explicit NameTable(std::shared_ptr<const NicknameIndex> nicknames);

  /// The id of a folded name (fold_to_ascii_upper output), adding it and its properties if new.
  /// "" gives kNoName. Not thread-safe.
  NameId intern(std::string_view folded_name);

  /// The folded text of a name.
  std::string_view text(NameId name) const { return names_.text(name); }

  /// The NYSIIS code (Taft's 6 characters, over all the name's letters) of a name; 0 for kNoName.
  PhoneticId phonetic(NameId name) const { return entries_[name].phonetic; }
  std::string_view phonetic_text(PhoneticId code) const { return phonetics_.text(code); }

  /// The canonical forms of a name (NicknameIndex::canonical_forms), sorted by id; empty for kNoName.
  std::span<const FormId> forms(NameId name) const;
  std::string_view form_text(FormId form) const { return forms_.text(form); }

  /// The words of a multi-word name, in order; empty for a one-word name or kNoName.
  std::span<const NameId> parts(NameId name) const;

  /// True if two different names share a canonical form (Bob and Robert). False when either is
  /// kNoName or the names are equal. Thread-safe with other const calls.
  bool nickname_equivalent(NameId a, NameId b) const;

  /// Number of ids given out, including kNoName.
  std::size_t size() const { return entries_.size(); }

  const NicknameIndex& nicknames() const { return *nicknames_; }

 private:
  struct Entry {
    PhoneticId phonetic = 0;
    std::uint32_t forms_begin = 0;
    std::uint32_t forms_count = 0;
    std::uint32_t parts_begin = 0;
    std::uint32_t parts_count = 0;
  };

  std::shared_ptr<const NicknameIndex> nicknames_;
  StringInterner names_;
  StringInterner phonetics_;
  StringInterner forms_;
  std::vector<Entry> entries_;
  std::vector<FormId> form_pool_;
  std::vector<NameId> part_pool_;
};

}  // namespace rasso::linkage
