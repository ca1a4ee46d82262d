#include "core/table_links.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <string_view>

#include "core/parallel_halves.h"

namespace rasso {
namespace {

// Finds a row of one table by its reference. Extracts list rows grouped and in order (the
// involvements of one crime together, persons in the order they are first named, arrests and
// contacts in their crimes' order with gaps), so the next few rows after the last one a cursor
// found, and the row after the furthest one it found (where a newly named person is), are tried
// first. Only when those guesses miss is the hash index built, once, by whichever thread misses
// first. Lookups through different cursors may run concurrently.
template <typename Record, std::string Record::*Key>
class GuessingLookup {
 public:
  // Where the previous lookups of one pass left off.
  struct Cursor {
    std::size_t last = 0;
    std::size_t furthest = 0;
  };

  explicit GuessingLookup(const std::vector<Record>& records) : records_(records) {}

  /// The row of `ref`, or kNoRow (always for a blank reference).
  RowIndex find(std::string_view ref, Cursor& cursor) const {
    if (ref.empty()) return kNoRow;
    // Each guess reads a reference held in another record, most likely a cache miss: before the
    // index exists a few of them are still cheaper than building it; after, one probe is.
    const std::size_t look_ahead = index_ready_.load(std::memory_order_acquire) ? 1 : 8;
    const std::size_t size = records_.size();
    for (std::size_t row = cursor.last; row < size && row <= cursor.last + look_ahead; ++row) {
      if (key(row) == ref) return found(row, cursor);
    }
    if (cursor.furthest + 1 < size && key(cursor.furthest + 1) == ref) return found(cursor.furthest + 1, cursor);
    std::call_once(built_, [this] {
      std::vector<std::string_view> keys;
      keys.reserve(records_.size());
      for (const Record& record : records_) keys.emplace_back(record.*Key);
      index_ = RefIndex(std::move(keys));
      index_ready_.store(true, std::memory_order_release);
    });
    const RowIndex row = index_.find(ref);
    return row == kNoRow ? kNoRow : found(row, cursor);
  }

 private:
  std::string_view key(std::size_t row) const { return records_[row].*Key; }

  static RowIndex found(std::size_t row, Cursor& cursor) {
    cursor.last = row;
    cursor.furthest = std::max(cursor.furthest, row);
    return static_cast<RowIndex>(row);
  }

  const std::vector<Record>& records_;
  mutable std::once_flag built_;
  mutable RefIndex index_;
  mutable std::atomic<bool> index_ready_{false};
};

using CrimeLookup = GuessingLookup<CrimeRecord, &CrimeRecord::crime_ref>;
using PersonLookup = GuessingLookup<PersonRecord, &PersonRecord::person_ref>;
using ArrestLookup = GuessingLookup<ArrestRecord, &ArrestRecord::arrest_ref>;
using BailLookup = GuessingLookup<BailPeriodRecord, &BailPeriodRecord::bail_ref>;
using OrderLookup = GuessingLookup<OrderRecord, &OrderRecord::order_ref>;
using OfficerLookup = GuessingLookup<OfficerRecord, &OfficerRecord::officer_ref>;

// Links `records[i].*Ref` for rows [begin, end) into `links` (sized already) through `lookup`, and
// returns how many non-blank references named no row.
template <typename Record, typename Lookup>
std::size_t link_rows(const std::vector<Record>& records, std::string Record::*ref, const Lookup& lookup,
                      std::vector<RowIndex>& links, std::size_t begin, std::size_t end) {
  typename Lookup::Cursor cursor;
  std::size_t unresolved = 0;
  for (std::size_t row = begin; row < end; ++row) {
    const std::string& key = records[row].*ref;
    links[row] = lookup.find(key, cursor);
    if (links[row] == kNoRow && !key.empty()) ++unresolved;
  }
  return unresolved;
}

template <typename Record, typename Lookup>
std::size_t link_all(const std::vector<Record>& records, std::string Record::*ref, const Lookup& lookup,
                     std::vector<RowIndex>& links) {
  links.assign(records.size(), kNoRow);
  return link_rows(records, ref, lookup, links, 0, records.size());
}

}  // namespace

bool TableLinks::fits(const ExtractTables& tables) const {
  return crime_officer.size() == tables.crimes.size() && involvement_crime.size() == tables.involvements.size() &&
         involvement_person.size() == tables.involvements.size() && arrest_crime.size() == tables.arrests.size() &&
         bail_arrest.size() == tables.bail_periods.size() && order_crime.size() == tables.orders.size() &&
         breach_bail.size() == tables.breaches.size() && breach_order.size() == tables.breaches.size() &&
         contact_crime.size() == tables.victim_contacts.size() && biometric_arrest.size() == tables.biometrics.size() &&
         training_officer.size() == tables.training.size();
}

TableLinks link_tables(const ExtractTables& tables) {
  const CrimeLookup crimes(tables.crimes);
  const PersonLookup persons(tables.persons);
  const ArrestLookup arrests(tables.arrests);
  const BailLookup bail_periods(tables.bail_periods);
  const OrderLookup orders(tables.orders);
  const OfficerLookup officers(tables.officers);
  TableLinks links;
  // The involvements on one thread, every smaller table on the other; then the contacts, the
  // largest table by far, in two halves.
  std::size_t unresolved_first = 0, unresolved_second = 0;
  in_parallel(
      [&] {
        unresolved_first += link_all(tables.involvements, &InvolvementRecord::crime_ref, crimes, links.involvement_crime);
        unresolved_first += link_all(tables.involvements, &InvolvementRecord::person_ref, persons, links.involvement_person);
      },
      [&] {
        std::size_t& unresolved = unresolved_second;
        unresolved += link_all(tables.crimes, &CrimeRecord::officer_ref, officers, links.crime_officer);
        unresolved += link_all(tables.arrests, &ArrestRecord::crime_ref, crimes, links.arrest_crime);
        unresolved += link_all(tables.bail_periods, &BailPeriodRecord::arrest_ref, arrests, links.bail_arrest);
        unresolved += link_all(tables.orders, &OrderRecord::crime_ref, crimes, links.order_crime);
        unresolved += link_all(tables.breaches, &BreachRecord::bail_ref, bail_periods, links.breach_bail);
        unresolved += link_all(tables.breaches, &BreachRecord::order_ref, orders, links.breach_order);
        unresolved += link_all(tables.biometrics, &BiometricRecord::arrest_ref, arrests, links.biometric_arrest);
        unresolved += link_all(tables.training, &TrainingRecord::officer_ref, officers, links.training_officer);
      });
  const std::vector<VictimContactRecord>& contacts = tables.victim_contacts;
  links.contact_crime.assign(contacts.size(), kNoRow);
  std::size_t unresolved_contacts_first = 0, unresolved_contacts_second = 0;
  const std::size_t middle = contacts.size() / 2;
  in_parallel(
      [&] {
        unresolved_contacts_first =
            link_rows(contacts, &VictimContactRecord::crime_ref, crimes, links.contact_crime, 0, middle);
      },
      [&] {
        unresolved_contacts_second =
            link_rows(contacts, &VictimContactRecord::crime_ref, crimes, links.contact_crime, middle, contacts.size());
      });
  links.unresolved_references =
      unresolved_first + unresolved_second + unresolved_contacts_first + unresolved_contacts_second;
  return links;
}

}  // namespace rasso
