#include "linkage/link_explanation.h"

#include <fmt/format.h>

#include "linkage/pair_scorer.h"
#include "linkage/person_comparison.h"

namespace rasso::linkage {
namespace {

std::string cleaned_value(Field field, const PreparedPerson& person, const PreparedPeople& people) {
  const NameTable& names = people.names();
  switch (field) {
    case Field::Forename: return std::string(names.text(person.forename));
    case Field::Surname: return std::string(names.text(person.surname));
    case Field::DateOfBirth:
      return person.dob.known() ? fmt::format("{:04}-{:02}-{:02}", person.dob.year, person.dob.month, person.dob.day)
                                : "";
    case Field::Sex: return person.sex == RecordedSex::Male ? "M" : person.sex == RecordedSex::Female ? "F" : "";
    case Field::Postcode:
      return std::string(people.codes().text(person.postcode != 0 ? person.postcode : person.district));
    case Field::PncId: return std::string(people.codes().text(person.pnc));
    case Field::CroNumber: return std::string(people.codes().text(person.cro));
  }
  return {};
}

}  // namespace

LinkExplanation explain_pair(const LinkageResult& result, std::uint32_t a, std::uint32_t b, LinkSource source) {
  const PreparedPeople& people = *result.prepared;
  const PairScorer scorer(result.model, *result.term_frequencies, result.term_frequency_adjustments);
  const ComparisonVector levels = compare_people(people[a], people[b], people.names());

  LinkExplanation explanation;
  explanation.person_ref_a = result.records[a].person_ref;
  explanation.person_ref_b = result.records[b].person_ref;
  explanation.source = source;
  explanation.prior_weight = scorer.prior_weight();
  explanation.match_weight = scorer.match_weight(people[a], levels);
  explanation.probability = match_probability(explanation.match_weight);
  for (Field field : kFields) {
    FieldEvidence evidence;
    evidence.field = field;
    evidence.level = level_name(field, levels[field]);
    evidence.value_a = cleaned_value(field, people[a], people);
    evidence.value_b = cleaned_value(field, people[b], people);
    evidence.weight = scorer.level_weight(field, levels[field]);
    evidence.term_frequency_adjustment = scorer.term_frequency_adjustment(field, people[a], levels);
    explanation.fields.push_back(std::move(evidence));
  }
  return explanation;
}

std::optional<PersonExplanation> explain_resolved_person(const LinkageResult& result, ResolvedPersonId id) {
  const std::vector<std::uint32_t> members = result.members_of(id);
  if (members.empty()) return std::nullopt;
  PersonExplanation explanation;
  explanation.id = id;
  for (std::uint32_t member : members) explanation.person_refs.push_back(result.records[member].person_ref);
  const std::uint32_t cluster = result.cluster_of[members.front()];
  for (const AcceptedLink& link : result.links) {
    if (result.cluster_of[link.a] == cluster)
      explanation.links.push_back(explain_pair(result, link.a, link.b, link.source));
  }
  return explanation;
}

std::string render_explanation(const PersonExplanation& explanation) {
  std::string text = fmt::format("resolved person {}: {} record(s), {} link(s)\n", explanation.id.value,
                                 explanation.person_refs.size(), explanation.links.size());
  for (const LinkExplanation& link : explanation.links) {
    text += fmt::format("link {} ~ {}  weight {:.1f}  probability {:.3f}  ({})\n", link.person_ref_a, link.person_ref_b,
                        link.match_weight, link.probability,
                        link.source == LinkSource::Reviewer ? "reviewer: same" : "model");
    text += fmt::format("  {:<11} {:<39} {:<22} {:+.1f}\n", "prior", "", "", link.prior_weight);
    for (const FieldEvidence& field : link.fields) {
      const std::string values = fmt::format("{} | {}", field.value_a.empty() ? "-" : field.value_a,
                                             field.value_b.empty() ? "-" : field.value_b);
      text += fmt::format("  {:<11} {:<39} {:<22} {:+.1f}", field_name(field.field), values, field.level, field.weight);
      if (field.term_frequency_adjustment != 0.0) {
        text += fmt::format("  (name frequency {:+.1f})", field.term_frequency_adjustment);
      }
      text += '\n';
    }
  }
  return text;
}

}  // namespace rasso::linkage
