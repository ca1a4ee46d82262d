#include "worklists/s63g_worklist.h"

#include <algorithm>

#include "worklists/reason_text.h"

namespace rasso {
namespace {

bool is_associated(std::string_view relationship, const SafeguardingConfig& config) {
  return !relationship.empty() && std::find(config.associated_relationships.begin(),
                                            config.associated_relationships.end(),
                                            relationship) != config.associated_relationships.end();
}

bool known_by(const std::optional<CivilDate>& date, CivilDate as_of) { return date && *date <= as_of; }

std::string application_reason(const S63gEligibility& eligibility, CivilDate no_charge_date, int deadline_days) {
  ReasonText reason;
  reason << "Eligible for s63G retention (" << eligibility.grounds.in_words()
         << "); no application or decision recorded; apply by " << *eligibility.application_deadline << " ("
         << deadline_days << " days after the no-charge decision on " << no_charge_date << ")";
  if (eligibility.previous_convictions_unrecorded) reason << "; previous convictions not recorded: check the PNC";
  return reason.take();
}

}  // namespace

S63gFacts s63g_facts(const BiometricRecord& biometric, const ArrestRecord* arrest, const CrimeRecord* crime,
                     std::span<const InvolvementRecord> crime_involvements, CivilDate as_of,
                     const SafeguardingConfig& config) {
  S63gFacts facts;
  facts.qualifying_offence = crime && is_s63g_qualifying_offence(crime->offence_code, config);
  facts.samples_taken = biometric.dna_taken || biometric.fingerprints_taken;
  facts.previous_convictions = biometric.previous_convictions;
  const bool arrest_disposed = arrest && arrest->left_custody() <= as_of;
  facts.charged = arrest_disposed && (arrest->disposal == ArrestDisposal::Charged ||
                                      arrest->disposal == ArrestDisposal::Cautioned);
  if (known_by(biometric.no_charge_date, as_of)) {
    facts.no_charge_date = biometric.no_charge_date;
  } else if (arrest_disposed && arrest->disposal == ArrestDisposal::NoFurtherAction) {
    facts.no_charge_date = arrest->left_custody();
  }
  facts.grounds.victim_under_18 = crime && crime->child_victim;
  for (const InvolvementRecord& involvement : crime_involvements) {
    if (involvement.role == InvolvementRole::Victim && involvement.age_at_offence && *involvement.age_at_offence < 18) {
      facts.grounds.victim_under_18 = true;
    }
    if (involvement.role == InvolvementRole::Suspect && involvement.person_ref == biometric.person_ref) {
      if (involvement.suspect_status == "charged") facts.charged = true;
      if (is_associated(involvement.relationship_to_victim, config)) facts.grounds.victim_associated = true;
    }
  }
  if (const auto recorded = parse_s63g_ground(biometric.ground)) facts.grounds.add(*recorded);
  return facts;
}

std::vector<WorklistItem> s63g_worklist(const WorklistSnapshot& snapshot, const WorklistRules& rules, CivilDate as_of,
                                        const WorklistFilter& filter) {
  const SafeguardingConfig& config = rules.config;
  const ExtractTables& tables = snapshot.tables();
  std::vector<WorklistItem> items;
  for (RowIndex row = 0; row < tables.biometrics.size(); ++row) {
    const BiometricRecord& biometric = tables.biometrics[row];
    if (biometric.samples_taken_date > as_of) continue;
    const RowIndex arrest_row = snapshot.arrest_of_biometric(row);
    const RowIndex crime_row = arrest_row == kNoRow ? kNoRow : snapshot.crime_of_arrest(arrest_row);
    const Owner owner = snapshot.owner_of_crime(crime_row);
    if (!filter.matches(owner)) continue;
    const std::string_view crime_ref =
        crime_row == kNoRow ? std::string_view{} : std::string_view{tables.crimes[crime_row].crime_ref};
    const bool decided = biometric.decision != S63gDecision::None && biometric.decision != S63gDecision::Pending &&
                         (!biometric.decision_date || *biometric.decision_date <= as_of);
    if (decided) {
      if (biometric.decision != S63gDecision::Granted ||
          !is_s63g_extension_window_open(biometric.samples_taken_date, as_of, config)) {
        continue;
      }
      const CivilDate ends = s63g_retention_end(biometric.samples_taken_date, config);
      ReasonText reason;
      reason << "Retention with the Commissioner's consent ends on " << ends
             << "; an application to extend it can be made from "
             << s63g_extension_window_opens(biometric.samples_taken_date, config) << " until then";
      items.push_back(make_worklist_item(ItemKind::S63gExtensionWindowOpen, reason.take(), ends, as_of,
                                         biometric.biometric_ref, crime_ref, biometric.person_ref, owner));
      continue;
    }
    if (known_by(biometric.application_date, as_of)) continue;  // awaiting the Commissioner
    const ArrestRecord* arrest = arrest_row == kNoRow ? nullptr : &tables.arrests[arrest_row];
    const CrimeRecord* crime = crime_row == kNoRow ? nullptr : &tables.crimes[crime_row];
    const auto involvements =
        crime_row == kNoRow ? std::span<const InvolvementRecord>{} : snapshot.involvements_of(crime_row);
    const S63gFacts facts = s63g_facts(biometric, arrest, crime, involvements, as_of, config);
    const S63gEligibility eligibility = assess_s63g_eligibility(facts, config);
    if (!eligibility.eligible) continue;
    items.push_back(make_worklist_item(
        ItemKind::S63gApplicationDue,
        application_reason(eligibility, *facts.no_charge_date, config.s63g_application_deadline_days),
        *eligibility.application_deadline, as_of, biometric.biometric_ref, crime_ref, biometric.person_ref, owner));
  }
  sort_by_urgency(items);
  return items;
}

}  // namespace rasso
