#pragma once
// WorklistItem: one thing a worklist says needs doing — what kind it is and why (in words), by
// when, how overdue, who owns it, and the records it is about — plus the filter that narrows a
// worklist to a force, unit or officer, and the urgency order every worklist is sorted in.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/civil_date.h"

namespace rasso {

enum class ItemKind : std::uint8_t {
  // bail worklist
  BailLapsed,                        // bail expired with no extension or decision
  BailExpiring,                      // bail expires within the warning days, no extension or decision
  BailWrongRank,                     // a period authorised below the rank the law requires
  BailConditionsWithoutVictimViews,  // conditions set without the victim's views recorded as sought
  RuiOpenTooLong,                    // released under investigation longer than the threshold
  // orders worklist
  OrderExpiring,                     // an order in force ends within the warning days
  // breaches worklist
  BreachAwaitingResponse,            // no response recorded (overdue once past the response days)
  BreachBeforeOrderStarted,          // dated before the order it breaches started
  RepeatBreaches,                    // a person with repeated breaches in the look-back window
  // s63g worklist
  S63gApplicationDue,                // eligible, no application or decision yet
  S63gExtensionWindowOpen,           // retention granted, in its last months: extension possible
  // victims worklist
  VictimDecisionUpdateDue,           // a key decision the victim has not been told of
  VictimNfaNotExplained,             // an NFA outcome not explained to the victim
  VictimRightToReviewNotOffered,     // NFA explained but the right to review not offered
  VictimIsvaReferralDue,             // no ISVA referral offered
  VictimUpdateDue,                   // regular update due under the agreed frequency
  // training worklist (worklists/training_worklist.h)
  TrainingOverdue,                   // a required course never completed, past its due date
  TrainingExpired,                   // a required course whose completion has lapsed
  TrainingExpiring,                  // a required course lapsing within the warning window
  TrainingDue,                       // a required course not yet completed, due within the warning window
  WellbeingCheckinDue,               // a well-being check-in overdue or due within the warning window
};

/// The stable snake_case code of a kind, e.g. "bail_lapsed".
std::string_view item_kind_code(ItemKind kind);

/// Who a worklist item belongs to: the officer in charge of the crime, the crime's unit (or the
/// officer's unit when the crime has none) and the crime's force. Views into a WorklistSnapshot.
struct Owner {
  std::string_view officer_ref;
  std::string_view unit_ref;
  std::string_view force_code;
};

/// Narrows a worklist; an empty field matches everything.
struct WorklistFilter {
  std::string force_code;
  std::string unit_ref;
  std::string officer_ref;

  bool matches(const Owner& owner) const {
    return (force_code.empty() || force_code == owner.force_code) && (unit_ref.empty() || unit_ref == owner.unit_ref) &&
           (officer_ref.empty() || officer_ref == owner.officer_ref);
  }
};

/// One item of a worklist. The reference fields are views of the strings of the WorklistSnapshot
/// the item came from, so items are small and cheap to sort: keep the snapshot alive as long as
/// the items (worklist_item_fields() copies them out).
struct WorklistItem {
  ItemKind kind = ItemKind::BailLapsed;
  CivilDate due_date = CivilDate::from_days(0);   // when the work is (or was) due
  int32_t days_overdue = 0;                       // as-of date minus due date; negative = days left
  std::string reason;                             // why the item is here, in words
  std::string_view record_ref;                    // the record it is about: bail, arrest, order, breach, biometric, crime
  std::string_view crime_ref;                     // may be blank when no crime is linked
  std::string_view person_ref;                    // the suspect, subject, breacher or victim
  std::string_view officer_ref;                   // owner (see Owner)
  std::string_view unit_ref;
  std::string_view force_code;
};

/// Builds an item due on `due`, measuring how overdue it is on `as_of`. The item keeps the views it
/// is given, so the strings behind them must outlive it.
WorklistItem make_worklist_item(ItemKind kind, std::string reason, CivilDate due, CivilDate as_of,
                                std::string_view record_ref, std::string_view crime_ref, std::string_view person_ref,
                                const Owner& owner);

/// The item's fields as (name, value) pairs, in a fixed order: kind, reason, due_date (ISO),
/// days_overdue, record_ref, crime_ref, person_ref, officer_ref, unit_ref, force_code.
std::vector<std::pair<std::string_view, std::string>> worklist_item_fields(const WorklistItem& item);

/// Sorts most urgent first: most days overdue, then earliest due date, then record_ref,
/// crime_ref, person_ref and kind, so the order never depends on the input order.
void sort_by_urgency(std::vector<WorklistItem>& items);

}  // namespace rasso
