#include "worklists/worklist_item.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <tuple>

namespace rasso {

std::string_view item_kind_code(ItemKind kind) {
  switch (kind) {
    case ItemKind::BailLapsed: return "bail_lapsed";
    case ItemKind::BailExpiring: return "bail_expiring";
    case ItemKind::BailWrongRank: return "bail_wrong_rank";
    case ItemKind::BailConditionsWithoutVictimViews: return "bail_conditions_without_victim_views";
    case ItemKind::RuiOpenTooLong: return "rui_open_too_long";
    case ItemKind::OrderExpiring: return "order_expiring";
    case ItemKind::BreachAwaitingResponse: return "breach_awaiting_response";
    case ItemKind::BreachBeforeOrderStarted: return "breach_before_order_started";
    case ItemKind::RepeatBreaches: return "repeat_breaches";
    case ItemKind::S63gApplicationDue: return "s63g_application_due";
    case ItemKind::S63gExtensionWindowOpen: return "s63g_extension_window_open";
    case ItemKind::VictimDecisionUpdateDue: return "victim_decision_update_due";
    case ItemKind::VictimNfaNotExplained: return "victim_nfa_not_explained";
    case ItemKind::VictimRightToReviewNotOffered: return "victim_right_to_review_not_offered";
    case ItemKind::VictimIsvaReferralDue: return "victim_isva_referral_due";
    case ItemKind::VictimUpdateDue: return "victim_update_due";
    case ItemKind::TrainingOverdue: return "training_overdue";
    case ItemKind::TrainingExpired: return "training_expired";
    case ItemKind::TrainingExpiring: return "training_expiring";
    case ItemKind::TrainingDue: return "training_due";
    case ItemKind::WellbeingCheckinDue: return "wellbeing_checkin_due";
  }
  return "unknown";
}

WorklistItem make_worklist_item(ItemKind kind, std::string reason, CivilDate due, CivilDate as_of,
                                std::string_view record_ref, std::string_view crime_ref, std::string_view person_ref,
                                const Owner& owner) {
  WorklistItem item;
  item.kind = kind;
  item.reason = std::move(reason);
  item.due_date = due;
  item.days_overdue = due.days_until(as_of);
  item.record_ref = record_ref;
  item.crime_ref = crime_ref;
  item.person_ref = person_ref;
  item.officer_ref = owner.officer_ref;
  item.unit_ref = owner.unit_ref;
  item.force_code = owner.force_code;
  return item;
}

std::vector<std::pair<std::string_view, std::string>> worklist_item_fields(const WorklistItem& item) {
  return {{"kind", std::string(item_kind_code(item.kind))},
          {"reason", item.reason},
          {"due_date", item.due_date.to_iso()},
          {"days_overdue", std::to_string(item.days_overdue)},
          {"record_ref", std::string(item.record_ref)},
          {"crime_ref", std::string(item.crime_ref)},
          {"person_ref", std::string(item.person_ref)},
          {"officer_ref", std::string(item.officer_ref)},
          {"unit_ref", std::string(item.unit_ref)},
          {"force_code", std::string(item.force_code)}};
}

namespace {

// What sort_by_urgency compares, kept small and contiguous: most ties on the due date are settled
// by the first bytes of record_ref without touching the items.
struct UrgencyKey {
  int32_t days_overdue;
  CivilDate due_date;
  std::array<char, 16> ref_prefix;  // record_ref's first 16 bytes, zero padded
  std::uint32_t index;
};

UrgencyKey urgency_key(const WorklistItem& item, std::size_t index) {
  UrgencyKey key{item.days_overdue, item.due_date, {}, static_cast<std::uint32_t>(index)};
  std::copy_n(item.record_ref.data(), std::min(item.record_ref.size(), key.ref_prefix.size()), key.ref_prefix.data());
  return key;
}

}  // namespace

void sort_by_urgency(std::vector<WorklistItem>& items) {
  std::vector<UrgencyKey> keys;
  keys.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) keys.push_back(urgency_key(items[i], i));
  std::sort(keys.begin(), keys.end(), [&items](const UrgencyKey& a, const UrgencyKey& b) {
    if (a.days_overdue != b.days_overdue) return a.days_overdue > b.days_overdue;
    if (a.due_date != b.due_date) return a.due_date < b.due_date;
    if (const int order = std::memcmp(a.ref_prefix.data(), b.ref_prefix.data(), a.ref_prefix.size()); order != 0) {
      return order < 0;
    }
    const WorklistItem& x = items[a.index];
    const WorklistItem& y = items[b.index];
    return std::tie(x.record_ref, x.crime_ref, x.person_ref, x.kind, a.index) <
           std::tie(y.record_ref, y.crime_ref, y.person_ref, y.kind, b.index);
  });
  // Move each item once into place, following the cycles of the permutation: position p takes the
  // item that was at keys[p].index.
  std::vector<bool> placed(items.size(), false);
  for (std::size_t start = 0; start < items.size(); ++start) {
    if (placed[start]) continue;
    WorklistItem carried = std::move(items[start]);
    std::size_t position = start;
    while (keys[position].index != start) {
      items[position] = std::move(items[keys[position].index]);
      placed[position] = true;
      position = keys[position].index;
    }
    items[position] = std::move(carried);
    placed[position] = true;
  }
}

}  // namespace rasso
