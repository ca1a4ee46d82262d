#pragma once
// WorklistSnapshot: the worklist tables with their references linked, built once (e.g. when the
// store is loaded) and then read by every worklist engine for any as-of date and filter. Building
// it resolves every reference through a hash index and groups the child tables under their
// parents, so the engines do no lookups by string. Immutable once built: safe to read from many
// threads. Not copyable (indexes hold views of its strings); movable.
//
// References that point at nothing (a partial extract) are tolerated: the link is kNoRow and the
// count is in unresolved_references(). Items whose crime cannot be found have no owner, so they
// only appear in an unfiltered worklist.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/ref_index.h"
#include "core/extract_records.h"
#include "worklists/worklist_item.h"

namespace rasso {

/// One victim contact, reduced to what the victims worklist reads, grouped by crime.
struct ContactFact {
  CivilDate date = CivilDate::from_days(0);
  RowIndex involvement = kNoRow;        // the victim's involvement in the crime
  ContactPurpose purpose = ContactPurpose::Other;
  std::uint16_t agreed_frequency_days = 0;  // 0 = none recorded on this contact
};

/// A run of consecutive rows [begin, end) of one table.
struct RowRange {
  RowIndex begin = 0;
  RowIndex end = 0;
  std::size_t size() const { return end - begin; }
};

class WorklistSnapshot {
 public:
  /// Takes the tables and links them. Involvements and arrests are regrouped by crime (arrests in
  /// date order), bail periods by arrest (in period order); other tables keep their order.
  explicit WorklistSnapshot(ExtractTables inputs);
  WorklistSnapshot(const WorklistSnapshot&) = delete;
  WorklistSnapshot& operator=(const WorklistSnapshot&) = delete;
  WorklistSnapshot(WorklistSnapshot&&) = default;
  WorklistSnapshot& operator=(WorklistSnapshot&&) = default;

  const ExtractTables& tables() const { return tables_; }

  // Lookups by reference; kNoRow when absent.
  RowIndex find_crime(std::string_view crime_ref) const { return crime_index_.find(crime_ref); }
  RowIndex find_person(std::string_view person_ref) const { return person_index_.find(person_ref); }
  RowIndex find_arrest(std::string_view arrest_ref) const { return arrest_index_.find(arrest_ref); }
  RowIndex find_bail_period(std::string_view bail_ref) const { return bail_index_.find(bail_ref); }
  RowIndex find_order(std::string_view order_ref) const { return order_index_.find(order_ref); }
  RowIndex find_breach(std::string_view breach_ref) const { return breach_index_.find(breach_ref); }
  RowIndex find_biometric(std::string_view biometric_ref) const { return biometric_index_.find(biometric_ref); }

  /// The row of `person_ref`'s involvement as a victim of `crime`, or kNoRow.
  RowIndex find_victim(RowIndex crime, std::string_view person_ref) const;
  /// The involvements of a crime (victims, suspects, witnesses).
  std::span<const InvolvementRecord> involvements_of(RowIndex crime) const;
  /// How many of the crime's involvements are victims.
  std::size_t victim_count(RowIndex crime) const { return crime_victims_[crime]; }
  /// The first row of involvements_of(crime) in tables().involvements.
  RowIndex first_involvement_of(RowIndex crime) const { return crime_involvements_[crime]; }
  /// The arrests for a crime, earliest first, as rows of tables().arrests.
  RowRange arrests_of(RowIndex crime) const { return {crime_arrests_[crime], crime_arrests_[crime + 1]}; }
  /// The bail periods that followed an arrest, in period order.
  std::span<const BailPeriodRecord> bail_periods_of(RowIndex arrest) const;
  /// The victim contacts for a crime's recorded victims; contacts with someone not recorded as a
  /// victim of the crime are left out (counted in unmatched_contacts()).
  std::span<const ContactFact> contacts_of(RowIndex crime) const;

  RowIndex crime_of_arrest(RowIndex arrest) const { return arrest_crime_[arrest]; }
  RowIndex arrest_of_bail_period(RowIndex bail) const { return bail_arrest_[bail]; }
  RowIndex person_of_involvement(RowIndex involvement) const { return involvement_person_[involvement]; }
  RowIndex crime_of_order(RowIndex order) const { return order_crime_[order]; }
  RowIndex subject_of_order(RowIndex order) const { return order_subject_[order]; }
  RowIndex bail_period_of_breach(RowIndex breach) const { return breach_bail_[breach]; }
  RowIndex order_of_breach(RowIndex breach) const { return breach_order_[breach]; }
  /// The crime a breach is about: that of the breached bail's arrest or of the breached order,
  /// else the new crime recorded for the breach.
  RowIndex crime_of_breach(RowIndex breach) const { return breach_crime_[breach]; }
  RowIndex arrest_of_biometric(RowIndex biometric) const { return biometric_arrest_[biometric]; }

  /// Who owns work on a crime; all fields empty for kNoRow.
  Owner owner_of_crime(RowIndex crime) const;

  /// References that named a record not in the tables.
  std::size_t unresolved_references() const { return unresolved_references_; }
  /// Victim contacts whose person is not recorded as a victim of the crime.
  std::size_t unmatched_contacts() const { return unmatched_contacts_; }

 private:
  void link_crimes_and_people();
  void link_involvements();
  void link_arrests();
  void link_bail_periods();
  void link_orders_and_breaches();
  void link_contacts();
  void link_biometrics();
  template <typename Index>
  RowIndex resolve(Index& index, std::string_view ref);

  ExtractTables tables_;
  RefIndex crime_index_, person_index_, officer_index_, arrest_index_, bail_index_, order_index_, breach_index_,
      biometric_index_;
  std::vector<RowIndex> crime_officer_, involvement_person_, arrest_crime_, bail_arrest_, order_crime_,
      order_subject_, breach_bail_, breach_order_, breach_crime_, biometric_arrest_;
  // Offsets: rows of group g are [offsets[g], offsets[g + 1]).
  std::vector<RowIndex> crime_involvements_, crime_arrests_, arrest_bail_, crime_contacts_;
  std::vector<std::uint16_t> crime_victims_;  // saturates at 65535
  std::vector<ContactFact> contact_facts_;
  std::size_t unresolved_references_ = 0;
  std::size_t unmatched_contacts_ = 0;
};

}  // namespace rasso
