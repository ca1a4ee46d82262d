#include "analytics/scrutiny_case_summary.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace rasso {
namespace {

std::string label_or_code(const CodeTables& codes, std::string_view table, std::string_view code) {
  const CodeTable* found_table = codes.table(table);
  const CodeEntry* entry = found_table != nullptr ? found_table->find(code) : nullptr;
  return entry != nullptr ? entry->label : std::string(code);
}

std::string sex_word(std::string_view code) {
  if (code == "F") return "female";
  if (code == "M") return "male";
  return "not recorded";
}

std::string disposal_text(ArrestDisposal disposal) {
  switch (disposal) {
    case ArrestDisposal::PreChargeBail: return "released on pre-charge bail";
    case ArrestDisposal::ReleasedUnderInvestigation: return "released under investigation";
    case ArrestDisposal::Charged: return "charged";
    case ArrestDisposal::NoFurtherAction: return "released, no further action";
    case ArrestDisposal::Cautioned: return "cautioned";
    case ArrestDisposal::Other: return "released";
  }
  return "released";
}

std::string contact_text(ContactPurpose purpose) {
  switch (purpose) {
    case ContactPurpose::Initial: return "victim contacted (initial)";
    case ContactPurpose::Update: return "victim updated";
    case ContactPurpose::Decision: return "victim told of a decision";
    case ContactPurpose::NfaExplained: return "no further action explained to the victim";
    case ContactPurpose::RightToReview: return "victim told of the right to review";
    case ContactPurpose::IsvaReferral: return "ISVA referral offered";
    case ContactPurpose::Withdrawal: return "victim withdrew support";
    case ContactPurpose::Other: return "victim contacted";
  }
  return "victim contacted";
}

struct Grouped {
  std::unordered_map<std::string_view, std::vector<const InvolvementRecord*>> involvements;
  std::unordered_map<std::string_view, std::vector<const ArrestRecord*>> arrests;
  std::unordered_map<std::string_view, std::vector<const BailPeriodRecord*>> bail;  // by arrest
  std::unordered_map<std::string_view, std::vector<const VictimContactRecord*>> contacts;
  std::unordered_map<std::string_view, std::vector<const OrderRecord*>> orders;
  std::unordered_map<std::string_view, const PersonRecord*> persons;
};

Grouped group_for(const ExtractTables& tables, const std::unordered_set<std::string_view>& wanted) {
  Grouped grouped;
  std::unordered_set<std::string_view> arrest_refs;
  for (const InvolvementRecord& involvement : tables.involvements) {
    if (wanted.contains(involvement.crime_ref)) grouped.involvements[involvement.crime_ref].push_back(&involvement);
  }
  for (const ArrestRecord& arrest : tables.arrests) {
    if (!wanted.contains(arrest.crime_ref)) continue;
    grouped.arrests[arrest.crime_ref].push_back(&arrest);
    arrest_refs.insert(arrest.arrest_ref);
  }
  for (const BailPeriodRecord& bail : tables.bail_periods) {
    if (arrest_refs.contains(bail.arrest_ref)) grouped.bail[bail.arrest_ref].push_back(&bail);
  }
  for (const VictimContactRecord& contact : tables.victim_contacts) {
    if (wanted.contains(contact.crime_ref)) grouped.contacts[contact.crime_ref].push_back(&contact);
  }
  for (const OrderRecord& order : tables.orders) {
    if (wanted.contains(order.crime_ref)) grouped.orders[order.crime_ref].push_back(&order);
  }
  for (const PersonRecord& person : tables.persons) grouped.persons.emplace(person.person_ref, &person);
  return grouped;
}

template <typename Map, typename Key>
const typename Map::mapped_type* find_in(const Map& map, const Key& key) {
  const auto found = map.find(key);
  return found == map.end() ? nullptr : &found->second;
}

CaseSummary summarise_one(const CrimeRecord& crime, const Grouped& grouped, const CodeTables& codes) {
  CaseSummary summary;
  summary.offence_label = label_or_code(codes, "offence", crime.offence_code);
  const CodeTable* offences = codes.table("offence");
  const CodeEntry* offence = offences != nullptr ? offences->find(crime.offence_code) : nullptr;
  summary.offence_group = offence != nullptr && !offence->attribute("group").empty() ? std::string(offence->attribute("group")) : "other";
  summary.outcome_code = crime.outcome_code;
  summary.outcome_label = label_or_code(codes, "outcome", std::to_string(crime.outcome_code));
  if (crime.child_victim) summary.flags.push_back("child victim");
  if (crime.domestic_abuse.value_or(false)) summary.flags.push_back("domestic abuse");
  if (crime.online.value_or(false)) summary.flags.push_back("online");

  const CivilDate day0 = crime.reported_date;
  auto day = [&](CivilDate date) { return day0.days_until(date); };
  auto& timeline = summary.timeline;
  if (crime.committed_date) timeline.push_back({day(*crime.committed_date), "offence committed"});
  timeline.push_back({0, "reported"});
  if (crime.recorded_date && *crime.recorded_date != day0) timeline.push_back({day(*crime.recorded_date), "recorded as a crime"});

  if (const auto* involvements = find_in(grouped.involvements, std::string_view(crime.crime_ref))) {
    for (const InvolvementRecord* involvement : *involvements) {
      if (involvement->role != InvolvementRole::Victim && involvement->role != InvolvementRole::Suspect) continue;
      CaseSummaryParty party;
      party.role = involvement->role == InvolvementRole::Victim ? "victim" : "suspect";
      party.age_band = panel_age_band(involvement->age_at_offence);
      const auto* person = find_in(grouped.persons, std::string_view(involvement->person_ref));
      party.sex = sex_word(person != nullptr ? std::string_view((*person)->sex) : std::string_view());
      if (!involvement->relationship_to_victim.empty()) {
        party.relationship = label_or_code(codes, "relationship", involvement->relationship_to_victim);
      }
      summary.parties.push_back(std::move(party));
      if (involvement->role == InvolvementRole::Suspect && involvement->named_date) {
        timeline.push_back({day(*involvement->named_date), "suspect named"});
      }
    }
    std::stable_sort(summary.parties.begin(), summary.parties.end(),
                     [](const CaseSummaryParty& a, const CaseSummaryParty& b) { return a.role > b.role; });
  }
  if (const auto* arrests = find_in(grouped.arrests, std::string_view(crime.crime_ref))) {
    for (const ArrestRecord* arrest : *arrests) {
      timeline.push_back({day(arrest->arrest_date), "suspect arrested"});
      timeline.push_back({day(arrest->left_custody()), "suspect " + disposal_text(arrest->disposal)});
      const auto* periods = find_in(grouped.bail, std::string_view(arrest->arrest_ref));
      if (periods == nullptr) continue;
      for (const BailPeriodRecord* bail : *periods) {
        std::string text = bail->period_number == 1 ? "bail period starts" : "bail extended";
        text += bail->conditions.empty() ? " (no conditions)" : " (with conditions)";
        if (!bail->authorised_by.empty() && bail->period_number > 1) text += ", authorised by " + bail->authorised_by;
        timeline.push_back({day(bail->start_date), text});
      }
    }
  }
  if (const auto* contacts = find_in(grouped.contacts, std::string_view(crime.crime_ref))) {
    for (const VictimContactRecord* contact : *contacts) timeline.push_back({day(contact->contact_date), contact_text(contact->purpose)});
  }
  if (const auto* orders = find_in(grouped.orders, std::string_view(crime.crime_ref))) {
    for (const OrderRecord* order : *orders) {
      if (order->start_date) timeline.push_back({day(*order->start_date), order->order_type + " made"});
    }
  }
  if (crime.outcome_date) {
    timeline.push_back({day(*crime.outcome_date), "outcome " + std::to_string(crime.outcome_code) + ": " + summary.outcome_label});
  }
  std::stable_sort(timeline.begin(), timeline.end(), [](const CaseSummaryEvent& a, const CaseSummaryEvent& b) { return a.day < b.day; });
  return summary;
}

}  // namespace

std::string panel_age_band(std::optional<int> age) {
  if (!age) return "not recorded";
  const int years = *age;
  if (years < 13) return "under 13";
  if (years < 16) return "13-15";
  if (years < 18) return "16-17";
  if (years < 25) return "18-24";
  if (years >= 65) return "65 and over";
  const int low = (years - 25) / 10 * 10 + 25;
  return std::to_string(low) + "-" + std::to_string(low + 9);
}

std::vector<CaseSummary> summarise_cases(const ExtractTables& tables, const CodeTables& codes,
                                         std::span<const std::string> crime_refs,
                                         std::span<const std::string> pseudonyms) {
  const std::unordered_set<std::string_view> wanted(crime_refs.begin(), crime_refs.end());
  std::unordered_map<std::string_view, const CrimeRecord*> crimes;
  for (const CrimeRecord& crime : tables.crimes) {
    if (wanted.contains(crime.crime_ref)) crimes.emplace(crime.crime_ref, &crime);
  }
  const Grouped grouped = group_for(tables, wanted);
  std::vector<CaseSummary> out;
  for (std::size_t i = 0; i < crime_refs.size(); ++i) {
    const auto found = crimes.find(crime_refs[i]);
    if (found == crimes.end()) continue;
    CaseSummary summary = summarise_one(*found->second, grouped, codes);
    summary.pseudonym = i < pseudonyms.size() ? pseudonyms[i] : "case " + std::to_string(i + 1);
    out.push_back(std::move(summary));
  }
  return out;
}

nlohmann::json case_summary_json(const CaseSummary& summary) {
  nlohmann::json parties = nlohmann::json::array();
  for (const CaseSummaryParty& party : summary.parties) {
    parties.push_back({{"role", party.role}, {"age_band", party.age_band}, {"sex", party.sex}, {"relationship", party.relationship}});
  }
  nlohmann::json timeline = nlohmann::json::array();
  for (const CaseSummaryEvent& event : summary.timeline) timeline.push_back({{"day", event.day}, {"event", event.text}});
  return {{"pseudonym", summary.pseudonym}, {"offence", summary.offence_label}, {"offence_group", summary.offence_group},
          {"outcome_code", summary.outcome_code}, {"outcome", summary.outcome_label}, {"flags", summary.flags},
          {"parties", parties}, {"timeline", timeline}};
}

CaseSummary case_summary_from_json(const nlohmann::json& json) {
  CaseSummary summary;
  summary.pseudonym = json.value("pseudonym", "");
  summary.offence_label = json.value("offence", "");
  summary.offence_group = json.value("offence_group", "");
  summary.outcome_code = json.value("outcome_code", 0);
  summary.outcome_label = json.value("outcome", "");
  summary.flags = json.value("flags", std::vector<std::string>{});
  for (const auto& party : json.value("parties", nlohmann::json::array())) {
    summary.parties.push_back({party.value("role", ""), party.value("age_band", ""), party.value("sex", ""),
                               party.value("relationship", "")});
  }
  for (const auto& event : json.value("timeline", nlohmann::json::array())) {
    summary.timeline.push_back({event.value("day", 0), event.value("event", "")});
  }
  return summary;
}

std::string case_summary_text(const CaseSummary& summary) {
  std::string text = summary.pseudonym + ": " + summary.offence_label + " (" + summary.offence_group + "); outcome " +
                     std::to_string(summary.outcome_code) + " " + summary.outcome_label + "\n";
  if (!summary.flags.empty()) {
    text += "  flags:";
    for (const std::string& flag : summary.flags) text += " " + flag + ";";
    text += "\n";
  }
  for (const CaseSummaryParty& party : summary.parties) {
    text += "  " + party.role + ": " + party.sex + ", aged " + party.age_band;
    if (!party.relationship.empty()) text += ", " + party.relationship;
    text += "\n";
  }
  for (const CaseSummaryEvent& event : summary.timeline) text += "  day " + std::to_string(event.day) + ": " + event.text + "\n";
  return text;
}

}  // namespace rasso
