#include "worklists/bail_worklist.h"

#include "core/released_under_investigation.h"
#include "worklists/bail_state.h"
#include "worklists/reason_text.h"

namespace rasso {
namespace {

// "period 2 (to 6 months)"; later court periods have no statutory length.
struct PeriodName {
  int number;
};
ReasonText& operator<<(ReasonText& text, PeriodName period) {
  text << "period " << period.number;
  if (const auto months = statutory_bail_limit_months(period.number)) text << " (to " << *months << " months)";
  return text;
}

// Lists the bail worklist items for one crime.
class CrimeBailReview {
 public:
  CrimeBailReview(const WorklistSnapshot& snapshot, const WorklistRules& rules, CivilDate as_of, RowIndex crime,
                  std::vector<WorklistItem>& items)
      : snapshot_(snapshot), rules_(rules), as_of_(as_of), crime_(crime),
        owner_(snapshot.owner_of_crime(crime)), items_(items) {}

  void review() {
    const RowRange arrests = snapshot_.arrests_of(crime_);
    for (RowIndex row = arrests.begin; row < arrests.end; ++row) {
      const ArrestRecord& arrest = snapshot_.tables().arrests[row];
      if (arrest.arrest_date > as_of_) continue;
      const auto periods = snapshot_.bail_periods_of(row);
      list_wrong_rank_periods(arrest, periods);
      if (superseded(arrest, row, arrests)) continue;
      if (arrest.disposal == ArrestDisposal::ReleasedUnderInvestigation && arrest.left_custody() <= as_of_) {
        check_rui(arrest, arrest.left_custody());
      } else if (arrest.disposal == ArrestDisposal::PreChargeBail) {
        review_bail(arrest, periods);
      }
    }
  }

 private:
  // A later arrest of the same person for this crime replaces this one.
  bool superseded(const ArrestRecord& arrest, RowIndex row, RowRange arrests) const {
    for (RowIndex later = row + 1; later < arrests.end; ++later) {
      const ArrestRecord& other = snapshot_.tables().arrests[later];
      if (other.person_ref == arrest.person_ref && other.arrest_date <= as_of_) return true;
    }
    return false;
  }

  void list_wrong_rank_periods(const ArrestRecord& arrest, std::span<const BailPeriodRecord> periods) {
    for (const BailPeriodRecord& period : periods) {
      if (period.decided_on() > as_of_) continue;
      if (rules_.bail_authorities.at_least(period.authorised_by, required_bail_authority(period.period_number))) {
        continue;
      }
      ReasonText reason;
      reason << "Bail " << PeriodName{period.period_number} << " was authorised by " << period.authorised_by
             << "; the law requires " << required_bail_authority_in_words(period.period_number);
      add(ItemKind::BailWrongRank, reason.take(), period.decided_on(), period.bail_ref, arrest);
    }
  }

  void review_bail(const ArrestRecord& arrest, std::span<const BailPeriodRecord> periods) {
    const BailState state = bail_state_on(periods, as_of_);
    if (!state.current) return;
    const BailPeriodRecord& current = *state.current;
    if (state.ended) {
      if (current.end_reason == BailEndReason::Lapsed) {
        const CivilDate lapsed_on = current.ended_date.value_or(bail_period_expiry(state.terms()));
        ReasonText reason;
        reason << "Pre-charge bail lapsed on " << lapsed_on << " (recorded as lapsed) and the investigation is still open";
        add(ItemKind::BailLapsed, reason.take(), lapsed_on, current.bail_ref, arrest);
      } else if (current.end_reason == BailEndReason::ReleasedUnderInvestigation && current.ended_date) {
        check_rui(arrest, *current.ended_date);
      }
      return;
    }
    const BailPeriodStatus status =
        assess_bail_period(state.terms(), as_of_, rules_.bail_authorities, rules_.config.bail_expiry_warning_days);
    if (status.lapsed) {
      ReasonText reason;
      reason << "Pre-charge bail " << PeriodName{current.period_number} << " expired on " << status.expiry
             << " with no extension or decision recorded";
      add(ItemKind::BailLapsed, reason.take(), status.expiry, current.bail_ref, arrest);
      return;
    }
    if (status.expiring_soon) {
      const int next = current.period_number + 1;
      ReasonText reason;
      reason << "Pre-charge bail " << PeriodName{current.period_number} << " expires on " << status.expiry << ", "
             << InDays{status.days_left} << ", with no extension or decision recorded; extending it ("
             << PeriodName{next} << ") needs " << required_bail_authority_in_words(next);
      add(ItemKind::BailExpiring, reason.take(), status.expiry, current.bail_ref, arrest);
    }
    if (conditions_without_victim_views(!current.conditions.empty(), current.victim_views_sought)) {
      ReasonText reason;
      reason << "Bail conditions set on " << current.decided_on() << " without the victim's views recorded as sought";
      add(ItemKind::BailConditionsWithoutVictimViews, reason.take(), current.decided_on(), current.bail_ref, arrest);
    }
  }

  void check_rui(const ArrestRecord& arrest, CivilDate rui_start) {
    const int months = rules_.config.rui_threshold_months;
    if (!rui_open_too_long(rui_start, as_of_, months)) return;
    ReasonText reason;
    reason << "Released under investigation since " << rui_start << ", more than " << months
           << " months, and the investigation is still open";
    add(ItemKind::RuiOpenTooLong, reason.take(), rui_review_date(rui_start, months), arrest.arrest_ref, arrest);
  }

  void add(ItemKind kind, std::string reason, CivilDate due, std::string_view record_ref, const ArrestRecord& arrest) {
    items_.push_back(make_worklist_item(kind, std::move(reason), due, as_of_, record_ref, arrest.crime_ref,
                                        arrest.person_ref, owner_));
  }

  const WorklistSnapshot& snapshot_;
  const WorklistRules& rules_;
  CivilDate as_of_;
  RowIndex crime_;
  Owner owner_;
  std::vector<WorklistItem>& items_;
};

}  // namespace

std::vector<WorklistItem> bail_worklist(const WorklistSnapshot& snapshot, const WorklistRules& rules, CivilDate as_of,
                                        const WorklistFilter& filter) {
  std::vector<WorklistItem> items;
  const auto& crimes = snapshot.tables().crimes;
  for (RowIndex crime = 0; crime < crimes.size(); ++crime) {
    if (snapshot.arrests_of(crime).size() == 0 || !crimes[crime].open_on(as_of)) continue;
    if (!filter.matches(snapshot.owner_of_crime(crime))) continue;
    CrimeBailReview(snapshot, rules, as_of, crime, items).review();
  }
  sort_by_urgency(items);
  return items;
}

}  // namespace rasso
