#include "worklists/victims_worklist.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "core/victim_contact_deadline.h"
#include "worklists/reason_text.h"

namespace rasso {
namespace {

struct KeyDecision {
  CivilDate date;
  std::string_view what;
};

// What one victim's contacts up to the as-of date show.
struct ContactSummary {
  std::optional<CivilDate> last_contact;
  std::optional<CivilDate> frequency_agreed_on;
  int frequency_days = 0;
  bool isva_offered = false;
  std::optional<CivilDate> last_decision_contact;  // told of a decision or of an NFA
  std::optional<CivilDate> nfa_explained_on;       // first explanation on or after the outcome
  bool right_to_review_offered = false;            // on or after the outcome
};

void keep_latest(std::optional<CivilDate>& latest, CivilDate date) {
  if (!latest || date > *latest) latest = date;
}

ContactSummary summarise(std::span<const ContactFact> contacts, RowIndex victim, CivilDate as_of,
                         std::optional<CivilDate> outcome_date) {
  ContactSummary summary;
  for (const ContactFact& contact : contacts) {
    if (contact.involvement != victim || contact.date > as_of) continue;
    keep_latest(summary.last_contact, contact.date);
    if (contact.agreed_frequency_days > 0 && (!summary.frequency_agreed_on || contact.date >= *summary.frequency_agreed_on)) {
      summary.frequency_agreed_on = contact.date;
      summary.frequency_days = contact.agreed_frequency_days;
    }
    const bool after_outcome = outcome_date && contact.date >= *outcome_date;
    switch (contact.purpose) {
      case ContactPurpose::IsvaReferral: summary.isva_offered = true; break;
      case ContactPurpose::Decision: keep_latest(summary.last_decision_contact, contact.date); break;
      case ContactPurpose::NfaExplained:
        keep_latest(summary.last_decision_contact, contact.date);
        if (after_outcome && (!summary.nfa_explained_on || contact.date < *summary.nfa_explained_on)) {
          summary.nfa_explained_on = contact.date;
        }
        break;
      case ContactPurpose::RightToReview: summary.right_to_review_offered |= after_outcome; break;
      default: break;
    }
  }
  return summary;
}

std::string_view disposal_decision(ArrestDisposal disposal) {
  switch (disposal) {
    case ArrestDisposal::PreChargeBail: return "release on bail";
    case ArrestDisposal::ReleasedUnderInvestigation: return "release under investigation";
    case ArrestDisposal::Charged: return "charge";
    case ArrestDisposal::NoFurtherAction: return "no further action against a suspect";
    case ArrestDisposal::Cautioned: return "caution";
    case ArrestDisposal::Other: break;
  }
  return {};
}

std::string_view bail_end_decision(BailEndReason reason) {
  switch (reason) {
    case BailEndReason::ReleasedUnderInvestigation: return "release under investigation";
    case BailEndReason::Charged: return "charge";
    case BailEndReason::NoFurtherAction: return "no further action against a suspect";
    default: break;
  }
  return {};
}

std::string_view working_days_unit(int days) { return days == 1 ? " working day" : " working days"; }

class CrimeVictimReview {
 public:
  CrimeVictimReview(const WorklistSnapshot& snapshot, const WorklistRules& rules, CivilDate as_of,
                    std::vector<KeyDecision>& decisions, std::vector<WorklistItem>& items)
      : snapshot_(snapshot), rules_(rules), config_(rules.config), as_of_(as_of), decisions_(decisions), items_(items) {}

  void review(RowIndex crime_row, const Owner& owner) {
    crime_ = &snapshot_.tables().crimes[crime_row];
    owner_ = owner;
    const bool open = crime_->open_on(as_of_);
    if (open) gather_decisions(crime_row);
    const auto involvements = snapshot_.involvements_of(crime_row);
    const RowIndex first = snapshot_.first_involvement_of(crime_row);
    const auto contacts = snapshot_.contacts_of(crime_row);
    for (std::size_t i = 0; i < involvements.size(); ++i) {
      const InvolvementRecord& victim = involvements[i];
      if (victim.role != InvolvementRole::Victim) continue;
      const RowIndex victim_row = first + static_cast<RowIndex>(i);
      const ContactSummary summary = summarise(contacts, victim_row, as_of_, open ? std::nullopt : crime_->outcome_date);
      victim_ = &victim;
      enhanced_ = enhanced(victim, victim_row);
      update_days_ = enhanced_ ? config_.enhanced_update_working_days : config_.standard_update_working_days;
      if (open) {
        review_open(summary);
      } else {
        review_closed(summary);
      }
    }
  }

 private:
  bool enhanced(const InvolvementRecord& victim, RowIndex victim_row) const {
    if (config_.all_victims_enhanced) return true;
    const bool under_18 = crime_->child_victim || (victim.age_at_offence && *victim.age_at_offence < 18);
    const RowIndex person = snapshot_.person_of_involvement(victim_row);
    const bool disabled = person != kNoRow && snapshot_.tables().persons[person].disabled;
    return has_enhanced_rights(under_18, disabled, config_);
  }

  CivilDate decision_update_due(CivilDate decided) const {
    return key_decision_update_due(decided, enhanced_, rules_.bank_holidays, config_);
  }

  void gather_decisions(RowIndex crime_row) {
    decisions_.clear();
    const RowRange arrests = snapshot_.arrests_of(crime_row);
    for (RowIndex row = arrests.begin; row < arrests.end; ++row) {
      const ArrestRecord& arrest = snapshot_.tables().arrests[row];
      if (arrest.arrest_date > as_of_) continue;
      decisions_.push_back({arrest.arrest_date, "arrest"});
      const std::string_view disposal = disposal_decision(arrest.disposal);
      if (!disposal.empty() && arrest.left_custody() <= as_of_) decisions_.push_back({arrest.left_custody(), disposal});
      gather_bail_decisions(snapshot_.bail_periods_of(row));
    }
    std::stable_sort(decisions_.begin(), decisions_.end(),
                     [](const KeyDecision& a, const KeyDecision& b) { return a.date < b.date; });
  }

  void gather_bail_decisions(std::span<const BailPeriodRecord> periods) {
    const BailPeriodRecord* previous = nullptr;
    for (const BailPeriodRecord& period : periods) {
      if (period.decided_on() > as_of_) break;
      if (previous && period.conditions != previous->conditions) {
        decisions_.push_back({period.decided_on(), "change of bail conditions"});
      }
      const std::string_view ended = bail_end_decision(period.end_reason);
      if (!ended.empty() && period.ended_date && *period.ended_date <= as_of_) {
        decisions_.push_back({*period.ended_date, ended});
      }
      previous = &period;
    }
  }

  void review_open(const ContactSummary& summary) {
    list_untold_decisions(summary);
    if (!summary.isva_offered) {
      const int days = config_.isva_offer_working_days;
      ReasonText reason;
      reason << "No ISVA referral offered; due within " << days << working_days_unit(days) << " of the report on "
             << crime_->reported_date;
      add(ItemKind::VictimIsvaReferralDue, reason.take(),
          isva_referral_due(crime_->reported_date, rules_.bank_holidays, config_));
    }
    const int frequency = summary.frequency_days > 0 ? summary.frequency_days : config_.default_contact_frequency_days;
    const CivilDate since = summary.last_contact.value_or(crime_->reported_date);
    const CivilDate due = next_agreed_update_due(since, frequency, rules_.bank_holidays);
    if (due.days_until(as_of_) >= -config_.update_lookahead_days) {
      ReasonText reason;
      reason << "Update due every " << frequency << " days"
             << (summary.frequency_days > 0 ? " as agreed with the victim" : " (no frequency agreed)")
             << (summary.last_contact ? "; last contact " : "; no contact since the report on ") << since;
      add(ItemKind::VictimUpdateDue, reason.take(), due);
    }
  }

  void list_untold_decisions(const ContactSummary& summary) {
    auto untold = decisions_.begin();
    if (summary.last_decision_contact) {
      untold = std::find_if(decisions_.begin(), decisions_.end(),
                            [&summary](const KeyDecision& d) { return d.date > *summary.last_decision_contact; });
    }
    if (untold == decisions_.end()) return;
    ReasonText reason;
    reason << "Victim not yet told of: ";
    constexpr std::ptrdiff_t kListed = 3;
    for (auto it = untold; it != decisions_.end() && it - untold < kListed; ++it) {
      reason << (it == untold ? "" : ", ") << it->what << " on " << it->date;
    }
    if (decisions_.end() - untold > kListed) reason << " and " << (decisions_.end() - untold - kListed) << " more";
    reason << " (due within " << update_days_ << working_days_unit(update_days_) << " of each)";
    add(ItemKind::VictimDecisionUpdateDue, reason.take(), decision_update_due(untold->date));
  }

  void review_closed(const ContactSummary& summary) {
    const CivilDate outcome_date = *crime_->outcome_date;
    const int outcome = crime_->outcome_code;
    ReasonText reason;
    if (is_nfa_outcome(outcome, config_)) {
      reason << "No-further-action outcome " << outcome << " on " << outcome_date;
      if (!summary.nfa_explained_on) {
        reason << " not explained to the victim (due within " << update_days_ << working_days_unit(update_days_) << ")";
        add(ItemKind::VictimNfaNotExplained, reason.take(), decision_update_due(outcome_date));
      } else if (is_reviewable_outcome(outcome, config_) && !summary.right_to_review_offered) {
        reason << " explained on " << *summary.nfa_explained_on
               << " but the right to review was not offered; the victim may ask for a review until "
               << right_to_review_window_closes(*summary.nfa_explained_on, config_);
        add(ItemKind::VictimRightToReviewNotOffered, reason.take(), decision_update_due(outcome_date));
      }
    } else if (outcome == 1 && !(summary.last_decision_contact && *summary.last_decision_contact >= outcome_date)) {
      reason << "Victim not yet told of: charge on " << outcome_date << " (due within " << update_days_
             << working_days_unit(update_days_) << ")";
      add(ItemKind::VictimDecisionUpdateDue, reason.take(), decision_update_due(outcome_date));
    }
  }

  void add(ItemKind kind, std::string reason, CivilDate due) {
    items_.push_back(make_worklist_item(kind, std::move(reason), due, as_of_, crime_->crime_ref, crime_->crime_ref,
                                        victim_->person_ref, owner_));
  }

  const WorklistSnapshot& snapshot_;
  const WorklistRules& rules_;
  const SafeguardingConfig& config_;
  CivilDate as_of_;
  std::vector<KeyDecision>& decisions_;
  std::vector<WorklistItem>& items_;
  const CrimeRecord* crime_ = nullptr;
  const InvolvementRecord* victim_ = nullptr;
  Owner owner_;
  bool enhanced_ = true;
  int update_days_ = 1;  // working days to tell this victim of a key decision
};

}  // namespace

std::vector<WorklistItem> victims_worklist(const WorklistSnapshot& snapshot, const WorklistRules& rules,
                                           CivilDate as_of, const WorklistFilter& filter) {
  const auto& crimes = snapshot.tables().crimes;
  std::vector<RowIndex> in_scope;
  std::size_t victims = 0;
  for (RowIndex crime = 0; crime < crimes.size(); ++crime) {
    if (crimes[crime].reported_date > as_of || !filter.matches(snapshot.owner_of_crime(crime))) continue;
    in_scope.push_back(crime);
    victims += snapshot.victim_count(crime);
  }
  // Most victims have at most one item: room for one each saves regrowing (and re-touching) a
  // vector of hundreds of thousands of items.
  std::vector<WorklistItem> items;
  items.reserve(victims);
  std::vector<KeyDecision> decisions;
  CrimeVictimReview review(snapshot, rules, as_of, decisions, items);
  for (RowIndex crime : in_scope) review.review(crime, snapshot.owner_of_crime(crime));
  sort_by_urgency(items);
  return items;
}

}  // namespace rasso
