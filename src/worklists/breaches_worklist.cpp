#include "worklists/breaches_worklist.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "core/breach_timeline.h"
#include "worklists/orders_worklist.h"
#include "worklists/reason_text.h"

namespace rasso {
namespace {

std::string_view breached_thing(const BreachRecord& breach) {
  switch (breach.breach_of) {
    case BreachOf::Bail: return "bail";
    case BreachOf::Order: return "order";
    case BreachOf::Other: break;
  }
  return "conditions";
}

class BreachReview {
 public:
  BreachReview(const WorklistSnapshot& snapshot, const WorklistRules& rules, CivilDate as_of,
               const WorklistFilter& filter)
      : snapshot_(snapshot), rules_(rules), as_of_(as_of), filter_(filter) {}

  std::vector<WorklistItem> run() {
    const auto& breaches = snapshot_.tables().breaches;
    for (RowIndex row = 0; row < breaches.size(); ++row) {
      const BreachRecord& breach = breaches[row];
      if (breach.reported_date > as_of_) continue;
      if (within_repeat_breach_window(breach.occurred_date, as_of_, rules_.config.repeat_breach_lookback_months)) {
        in_window_.push_back(row);
      }
      const Owner owner = owner_of_breach(row);
      if (!filter_.matches(owner)) continue;
      if (!breach.responded_by(as_of_)) list_awaiting_response(row, owner);
      const RowIndex order = snapshot_.order_of_breach(row);
      if (breach.breach_of == BreachOf::Order && order != kNoRow) check_order_start(row, order, owner);
    }
    list_repeat_breaches();
    sort_by_urgency(items_);
    return std::move(items_);
  }

 private:
  Owner owner_of_breach(RowIndex breach) const {
    const RowIndex crime = snapshot_.crime_of_breach(breach);
    if (crime != kNoRow) return snapshot_.owner_of_crime(crime);
    const RowIndex order = snapshot_.order_of_breach(breach);
    return order == kNoRow ? Owner{} : owner_of_order(snapshot_, order);
  }

  std::string_view crime_ref_of(RowIndex breach) const {
    const RowIndex crime = snapshot_.crime_of_breach(breach);
    return crime == kNoRow ? std::string_view{} : std::string_view{snapshot_.tables().crimes[crime].crime_ref};
  }

  void add(ItemKind kind, std::string reason, CivilDate due, RowIndex row, const Owner& owner) {
    const BreachRecord& breach = snapshot_.tables().breaches[row];
    items_.push_back(make_worklist_item(kind, std::move(reason), due, as_of_, breach.breach_ref, crime_ref_of(row),
                                        breach.person_ref, owner));
  }

  void list_awaiting_response(RowIndex row, const Owner& owner) {
    const BreachRecord& breach = snapshot_.tables().breaches[row];
    const int days = rules_.config.breach_response_days;
    ReasonText reason;
    reason << "Breach of " << breached_thing(breach) << " on " << breach.occurred_date << ", reported on "
           << breach.reported_date << ", has no recorded response (due within " << days << " days of the report)";
    add(ItemKind::BreachAwaitingResponse, reason.take(), breach_response_due(breach.reported_date, days), row, owner);
  }

  void check_order_start(RowIndex row, RowIndex order_row, const Owner& owner) {
    const BreachRecord& breach = snapshot_.tables().breaches[row];
    const OrderRecord& order = snapshot_.tables().orders[order_row];
    if (!breach_predates_order(breach.occurred_date, order.terms())) return;
    ReasonText reason;
    reason << "Breach on " << breach.occurred_date;
    if (order.start_date) {
      reason << " is dated before order " << order.order_ref << " started on " << *order.start_date;
    } else {
      reason << " is linked to order " << order.order_ref << ", which has no start date";
    }
    reason << "; check the order linked and the dates";
    add(ItemKind::BreachBeforeOrderStarted, reason.take(), breach.reported_date, row, owner);
  }

  // One item per person with at least the threshold of breaches in the window, on the latest.
  void list_repeat_breaches() {
    const auto& breaches = snapshot_.tables().breaches;
    std::sort(in_window_.begin(), in_window_.end(), [&breaches](RowIndex a, RowIndex b) {
      return std::tie(breaches[a].person_ref, breaches[a].occurred_date, breaches[a].breach_ref) <
             std::tie(breaches[b].person_ref, breaches[b].occurred_date, breaches[b].breach_ref);
    });
    for (std::size_t first = 0; first < in_window_.size();) {
      std::size_t last = first;
      while (last < in_window_.size() && breaches[in_window_[last]].person_ref == breaches[in_window_[first]].person_ref) {
        ++last;
      }
      const std::size_t count = last - first;
      if (count >= static_cast<std::size_t>(std::max(1, rules_.config.repeat_breach_threshold))) {
        list_repeat(first, last);
      }
      first = last;
    }
  }

  void list_repeat(std::size_t first, std::size_t last) {
    const auto& breaches = snapshot_.tables().breaches;
    const RowIndex latest_row = in_window_[last - 1];
    const BreachRecord& latest = breaches[latest_row];
    const Owner owner = owner_of_breach(latest_row);
    if (!filter_.matches(owner)) return;
    const int months = rules_.config.repeat_breach_lookback_months;
    ReasonText reason;
    reason << (last - first) << " breaches by " << latest.person_ref;
    if (months == 0) {
      reason << " on record:";
    } else {
      reason << " in the " << months << " months to " << as_of_ << ":";
    }
    for (std::size_t i = first; i < last; ++i) {
      const BreachRecord& breach = breaches[in_window_[i]];
      reason << (i == first ? " " : ", ") << breach.breach_ref << " (" << breached_thing(breach) << ", "
             << breach.occurred_date << ")";
    }
    add(ItemKind::RepeatBreaches, reason.take(), latest.reported_date, latest_row, owner);
  }

  const WorklistSnapshot& snapshot_;
  const WorklistRules& rules_;
  CivilDate as_of_;
  const WorklistFilter& filter_;
  std::vector<RowIndex> in_window_;
  std::vector<WorklistItem> items_;
};

}  // namespace

std::vector<WorklistItem> breaches_worklist(const WorklistSnapshot& snapshot, const WorklistRules& rules,
                                            CivilDate as_of, const WorklistFilter& filter) {
  return BreachReview(snapshot, rules, as_of, filter).run();
}

}  // namespace rasso
