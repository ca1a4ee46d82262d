#include "worklists/orders_worklist.h"

#include "worklists/reason_text.h"

namespace rasso {
namespace {

std::string order_reason(const OrderRecord& order, int32_t days_left) {
  ReasonText reason;
  reason << (order.order_type.empty() ? std::string_view("Order") : std::string_view(order.order_type)) << " "
         << order.order_ref << " against " << order.subject_person_ref << " ends on " << *order.end_date << ", "
         << InDays{days_left};
  const std::size_t protected_people = order.protected_person_refs.size();
  if (protected_people > 0) {
    reason << "; it protects " << protected_people << (protected_people == 1 ? " person" : " people");
  }
  return reason.take();
}

}  // namespace

Owner owner_of_order(const WorklistSnapshot& snapshot, RowIndex order) {
  const RowIndex crime = snapshot.crime_of_order(order);
  if (crime != kNoRow) return snapshot.owner_of_crime(crime);
  const RowIndex subject = snapshot.subject_of_order(order);
  if (subject == kNoRow) return {};
  return {{}, {}, snapshot.tables().persons[subject].force_code};
}

std::vector<WorklistItem> orders_worklist(const WorklistSnapshot& snapshot, const WorklistRules& rules,
                                          CivilDate as_of, const WorklistFilter& filter) {
  std::vector<WorklistItem> items;
  const auto& orders = snapshot.tables().orders;
  for (RowIndex row = 0; row < orders.size(); ++row) {
    const OrderRecord& order = orders[row];
    if (!is_order_expiring_within(order.terms(), as_of, rules.config.order_expiry_warning_days)) continue;
    const Owner owner = owner_of_order(snapshot, row);
    if (!filter.matches(owner)) continue;
    items.push_back(make_worklist_item(ItemKind::OrderExpiring, order_reason(order, as_of.days_until(*order.end_date)),
                                       *order.end_date, as_of, order.order_ref, order.crime_ref,
                                       order.subject_person_ref, owner));
  }
  sort_by_urgency(items);
  return items;
}

}  // namespace rasso
