#include "generator/case_writer.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "generator/bail_ladder.h"
#include "generator/case_outcome.h"
#include "generator/force_area.h"
#include "generator/offence_profile.h"
#include "generator/person_error_model.h"
#include "generator/person_identity.h"
#include "generator/protection_orders.h"
#include "generator/quantile_curve.h"
#include "generator/victim_contact_schedule.h"
#include "generator/weighted_choice.h"
#include "generator/workforce.h"

namespace rasso {
namespace {

constexpr std::uint64_t kCrimeStream = 0xC1;
constexpr std::uint64_t kWorkforceStream = 0xF0;
constexpr std::uint64_t kCoreStream = 0xC0;

// PACE was amended on 28 October 2022 to favour pre-charge bail over release under investigation.
const CivilDate kBailReform = CivilDate::from_days(19293);

// Delays in days (default curves).
const QuantileCurve kDaysToSuspectNamed({{0, 0}, {60, 0}, {80, 7}, {95, 60}, {100, 300}});
const QuantileCurve kDaysToArrest({{0, 0}, {30, 1}, {50, 7}, {75, 40}, {90, 120}, {100, 400}});
const QuantileCurve kDaysToWitnessNamed({{0, 0}, {50, 3}, {90, 30}, {100, 120}});
const QuantileCurve kBreachReportDelay({{0, 0}, {60, 0}, {90, 2}, {100, 10}});
const QuantileCurve kBreachResponseDelay({{0, 0}, {70, 0}, {90, 2}, {100, 14}});
const QuantileCurve kDaysToS63gApplication({{0, 3}, {50, 20}, {80, 35}, {100, 90}});
const QuantileCurve kDaysToS63gDecision({{0, 20}, {50, 60}, {100, 180}});
const QuantileCurve kWitnessAge({{0, 16}, {20, 22}, {50, 33}, {80, 50}, {100, 80}});

constexpr Weighted<int> kOffenceHours[] = {
    {0, 6}, {1, 6}, {2, 6}, {3, 5}, {4, 3}, {5, 2},  {6, 2},  {7, 2},  {8, 3},  {9, 3},  {10, 3}, {11, 3},
    {12, 3}, {13, 3}, {14, 3}, {15, 4}, {16, 4}, {17, 4}, {18, 4}, {19, 5}, {20, 5}, {21, 6}, {22, 7}, {23, 7},
};
constexpr Weighted<std::string_view> kBailBreachResponses[] = {
    {"arrest", 550}, {"warning", 200}, {"none", 100}, {"", 150}};
constexpr Weighted<std::string_view> kOrderBreachResponses[] = {
    {"arrest", 400}, {"charge", 150}, {"court", 100}, {"warning", 100}, {"none", 100}, {"", 150}};
constexpr Weighted<std::string_view> kNewCrimeBreachResponses[] = {
    {"arrest", 600}, {"charge", 200}, {"court", 100}, {"", 100}};

constexpr std::string_view kBailConditionsAdult =
    "Not to contact the complainant directly or indirectly; Not to enter the street where the complainant lives";
constexpr std::string_view kBailConditionsChild =
    "Not to have unsupervised contact with any child under 16; Not to contact any prosecution witness";
constexpr std::string_view kBailConditionsResidence =
    "To reside and sleep at the home address; Not to contact the complainant directly or indirectly";

// Everything counted while generating, reported in planted.json.
struct Planted {
  std::size_t person_records = 0, true_victims = 0, true_witnesses = 0, repeat_victims = 0;
  std::size_t crimes_open = 0, crimes_charged = 0, crimes_domestic = 0;
  std::size_t suspects_eliminated = 0;
  std::size_t arrests = 0, bail_ladders = 0, bail_periods = 0, bail_wrong_rank = 0, bail_lapsed = 0,
              bail_lapsed_unrecorded = 0, rui = 0;
  std::size_t orders = 0, orders_in_force = 0;
  std::size_t bail_breaches = 0, order_breaches = 0, breaches_without_response = 0, breaches_with_new_crime = 0;
  std::size_t victim_contacts = 0, late_contact_gaps = 0, nfa_victims = 0, nfa_victims_unexplained = 0;
  std::size_t s63g_eligible = 0, s63g_applications = 0, s63g_eligible_no_decision = 0;
  WorkforceCounts workforce;
  std::size_t officers = 0;
  PersonErrorCounts errors{};
};

struct ForceState {
  std::string code;
  ForceWorkforce workforce;
  std::map<int, std::size_t> crimes_by_year;
  std::size_t persons = 0, involvements = 0, arrests = 0, orders = 0, breaches = 0, contacts = 0, biometrics = 0;
  std::vector<std::uint32_t> recent_victims;  // ring of victims who may be victimised again
  std::size_t recent_next = 0;
};

struct PersonInCrime {
  std::uint32_t true_id = 0;
  std::string record_ref;
  TrueIdentity identity;
  int age_at_offence = 0;
};

struct OrderOnRecord {
  std::string ref;
  ProtectionOrder order;
};

// One crime while its rows are written.
struct CrimeContext {
  const PlannedCrime& plan;
  const OffenceProfile& offence;
  ForceState& force;
  RandomSource random;
  std::string crime_ref;
  CaseOutcome outcome;
  const Officer* oic = nullptr;
  std::vector<PersonInCrime> victims, suspects, witnesses;
  std::vector<std::string_view> relationships;  // per suspect
  std::vector<CivilDate> decisions;             // key decisions the victims should hear of
  std::string victim_refs;                      // victims' record refs joined by ';'
  std::size_t district = 0;
  bool domestic = false;
};

void date_or_blank(CsvWriter& out, std::optional<CivilDate> date) {
  if (date) {
    out.field(*date);
  } else {
    out.blank();
  }
}

std::optional<CivilDate> not_after(CivilDate date, CivilDate limit) {
  return date <= limit ? std::optional<CivilDate>(date) : std::nullopt;
}

}  // namespace

class CaseWriter::Impl {
 public:
  Impl(const GeneratorOptions& options, const NameData& names, ExtractFiles& files, const CrimePlan& plan)
      : options_(options), names_(names), files_(files), plan_(plan), areas_(make_areas(options, names)),
        identities_(names, options.seed, options.as_of, areas_), error_model_(names, options.errors) {
    cores_ = plan_.suspect_cores;
    victim_crimes_.assign(cores_.size(), 0);
    for (const std::string& code : options.forces) {
      forces_.emplace_back();
      forces_.back().code = code;
    }
    another_pnc_ = [this](RandomSource& random) -> std::optional<PoliceNumber> {
      if (plan_.suspect_cores.empty()) return std::nullopt;
      const auto other = static_cast<std::uint32_t>(random.below(plan_.suspect_cores.size()));
      return identities_.pnc_of(other, cores_[other]);
    };
  }

  void write_workforce() {
    std::vector<std::size_t> crimes_per_force(forces_.size(), 0);
    for (const PlannedCrime& crime : plan_.crimes) ++crimes_per_force[crime.force];
    for (std::size_t f = 0; f < forces_.size(); ++f) {
      RandomSource random(mix_seed(options_.seed, kWorkforceStream, f));
      const std::size_t per_year = crimes_per_force[f] / static_cast<std::size_t>(std::max(1, options_.years));
      forces_[f].workforce = build_workforce(forces_[f].code, per_year, options_.as_of, random);
      planted_.officers += forces_[f].workforce.officers.size();
      rasso::write_workforce(forces_[f].workforce, options_.as_of, random, files_[Entity::Units],
                             files_[Entity::Officers], files_[Entity::Training], planted_.workforce);
    }
  }

  void write_crime(std::size_t index);
  std::map<std::string, std::size_t> planted() const;

 private:
  static std::vector<ForceArea> make_areas(const GeneratorOptions& options, const NameData& names) {
    std::vector<ForceArea> areas;
    for (const std::string& code : options.forces) areas.emplace_back(names, code);
    return areas;
  }

  std::uint32_t new_person(PersonCore core) {
    cores_.push_back(core);
    victim_crimes_.push_back(0);
    return static_cast<std::uint32_t>(cores_.size() - 1);
  }

  std::uint32_t choose_victim(CrimeContext& c);
  PersonInCrime emit_person(CrimeContext& c, std::uint32_t true_id, PersonKind kind);
  void write_crime_row(CrimeContext& c);
  void write_involvement(CrimeContext& c, const PersonInCrime& person, std::string_view role, std::string_view status,
                         std::optional<CivilDate> named, std::string_view relationship);
  void process_suspect(CrimeContext& c, std::size_t k);
  /// Writes the arrest (and any bail that follows); returns its reference.
  std::string write_arrest(CrimeContext& c, const PersonInCrime& suspect, CivilDate arrest, bool charged,
                           bool final_decision);
  void write_bail(CrimeContext& c, const PersonInCrime& suspect, const std::string& arrest_ref, CivilDate start,
                  bool charged, bool final_decision);
  void write_biometrics(CrimeContext& c, const PersonInCrime& suspect, const std::string& arrest_ref, CivilDate taken,
                        std::optional<CivilDate> no_charge_date, std::string_view relationship);
  void write_orders(CrimeContext& c, const PersonInCrime& suspect, std::size_t k, bool charged, bool nfa);
  /// Writes a breach. `reported` defaults to a short delay after `occurred`.
  void write_breach(CrimeContext& c, std::string_view of, std::string_view bail_ref, std::string_view order_ref,
                    std::string_view person_ref, CivilDate occurred, std::span<const Weighted<std::string_view>> responses,
                    std::string_view new_crime_ref, std::optional<CivilDate> reported = std::nullopt);
  void breaches_of_earlier_orders(CrimeContext& c, const PersonInCrime& suspect);
  void write_victim_contacts(CrimeContext& c);

  const GeneratorOptions& options_;
  const NameData& names_;
  ExtractFiles& files_;
  const CrimePlan& plan_;
  std::vector<ForceArea> areas_;
  IdentityFactory identities_;
  PersonErrorModel error_model_;
  std::vector<PersonCore> cores_;            // every true person; suspects first
  std::vector<std::uint8_t> victim_crimes_;  // crimes each true person is a victim in (saturating)
  std::vector<ForceState> forces_;
  std::map<std::uint32_t, std::vector<OrderOnRecord>> orders_by_subject_;
  std::function<std::optional<PoliceNumber>(RandomSource&)> another_pnc_;
  Planted planted_;
};

std::uint32_t CaseWriter::Impl::choose_victim(CrimeContext& c) {
  ForceState& force = c.force;
  const CivilDate at = c.plan.offence_date();
  const int youngest = victim_age_min(c.offence.victim_age);
  const int oldest = victim_age_max(c.offence.victim_age);
  if (!force.recent_victims.empty() && c.random.chance(options_.repeat_victim)) {
    const std::uint32_t candidate = force.recent_victims[c.random.below(force.recent_victims.size())];
    const PersonCore& core = cores_[candidate];
    const int age = age_on(CivilDate::from_days(core.dob_days), at);
    const bool sex_fits = c.offence.female_victim_ppm == 1'000'000 ? core.sex == Sex::Female
                          : c.offence.female_victim_ppm == 0       ? core.sex == Sex::Male
                                                                   : true;
    const bool already_here = std::any_of(c.victims.begin(), c.victims.end(),
                                          [&](const PersonInCrime& v) { return v.true_id == candidate; });
    if (sex_fits && age >= youngest && age <= oldest && !already_here) return candidate;
  }
  PersonCore core;
  core.kind = PersonKind::Victim;
  core.sex = c.random.chance_ppm(c.offence.female_victim_ppm) ? Sex::Female : Sex::Male;
  core.home_force = c.plan.force;
  core.dob_days = birth_date_for_age(at, victim_age_at_offence(c.offence.victim_age, c.random), c.random).days_since_epoch();
  const std::uint32_t id = new_person(core);
  ++planted_.true_victims;
  constexpr std::size_t kRecentVictims = 4096;
  if (force.recent_victims.size() < kRecentVictims) {
    force.recent_victims.push_back(id);
  } else {
    force.recent_victims[force.recent_next++ % kRecentVictims] = id;
  }
  return id;
}

PersonInCrime CaseWriter::Impl::emit_person(CrimeContext& c, std::uint32_t true_id, PersonKind kind) {
  PersonInCrime person;
  person.true_id = true_id;
  person.record_ref = fmt::format("{}-PR{:08}", c.force.code, ++c.force.persons);
  person.identity = identities_.identity(true_id, cores_[true_id]);
  person.age_at_offence = age_on(person.identity.dob, c.plan.offence_date());
  const PersonRecordFields record = error_model_.render(person.identity, kind, c.random, another_pnc_, planted_.errors);
  CsvWriter& out = files_[Entity::Persons];
  out.field(person.record_ref);
  out.field(c.force.code);
  out.field(record.forename);
  out.field(record.middle_names);
  out.field(record.surname);
  date_or_blank(out, record.dob);
  out.field(record.sex);
  out.field(record.ethnicity);
  out.field(record.disability);
  out.field(record.address);
  out.field(record.postcode);
  out.field(record.pnc_id);
  out.field(record.cro_number);
  out.end_row();
  CsvWriter& truth = files_.truth();
  truth.field(person.record_ref);
  truth.field(static_cast<std::int64_t>(true_id));
  truth.end_row();
  ++planted_.person_records;
  return person;
}

void CaseWriter::Impl::write_crime_row(CrimeContext& c) {
  CsvWriter& out = files_[Entity::Crimes];
  const PlannedCrime& p = c.plan;
  const PostcodeDistrict& district = names_.districts[c.district];
  out.field(c.crime_ref);
  out.field(c.force.code);
  out.field(c.offence.code);
  date_or_blank(out, p.committed());
  if (p.has_committed && p.reported_days - p.committed_days <= 30 && c.random.chance_ppm(700'000)) {
    const int hour = pick_weighted<int>(c.random, kOffenceHours);
    const auto minute = c.random.chance_ppm(600'000) ? 5 * c.random.below(12) : c.random.below(60);
    out.field(fmt::format("{:02}:{:02}", hour, minute));
  } else {
    out.blank();
  }
  out.field(p.reported());
  out.field(p.recorded());
  if (c.random.chance_ppm(30'000)) {
    out.blank();
  } else {
    out.field(district.district);
  }
  if (c.random.chance_ppm(100'000)) {
    out.blank();
  } else if (district.region == "Wales") {
    out.field(fmt::format("W01{:06}", 1 + (c.district * 7 + c.random.below(7)) % 1900));
  } else {
    out.field(fmt::format("E01{:06}", 1 + (c.district * 13 + c.random.below(13)) % 33000));
  }
  out.field(std::string_view(c.domestic ? "Y" : "N"));
  const bool online = std::find(c.relationships.begin(), c.relationships.end(), "online_contact") != c.relationships.end() ||
                      c.random.chance_ppm(40'000);
  out.field(std::string_view(online ? "Y" : "N"));
  if (c.random.chance_ppm(50'000)) {
    out.blank();
  } else {
    out.field(std::string_view(c.victims.front().age_at_offence < 18 ? "Y" : "N"));
  }
  out.field(static_cast<std::int64_t>(c.outcome.code));
  date_or_blank(out, c.outcome.date);
  if (c.random.chance_ppm(20'000)) {
    out.blank();
  } else {
    out.field(c.oic->ref);
  }
  out.field(c.force.workforce.units[c.oic->unit].ref);
  out.end_row();
}

void CaseWriter::Impl::write_involvement(CrimeContext& c, const PersonInCrime& person, std::string_view role,
                                         std::string_view status, std::optional<CivilDate> named,
                                         std::string_view relationship) {
  CsvWriter& out = files_[Entity::Involvements];
  out.field(fmt::format("{}-IN{:08}", c.force.code, ++c.force.involvements));
  out.field(c.crime_ref);
  out.field(person.record_ref);
  out.field(role);
  out.field(status);
  date_or_blank(out, named);
  if (person.age_at_offence < 0 || person.age_at_offence > 120 || c.random.chance_ppm(80'000)) {
    out.blank();
  } else {
    out.field(static_cast<std::int64_t>(person.age_at_offence));
  }
  out.field(relationship);
  out.end_row();
}

void CaseWriter::Impl::write_breach(CrimeContext& c, std::string_view of, std::string_view bail_ref,
                                    std::string_view order_ref, std::string_view person_ref, CivilDate occurred,
                                    std::span<const Weighted<std::string_view>> responses, std::string_view new_crime_ref,
                                    std::optional<CivilDate> reported_on) {
  const CivilDate as_of = options_.as_of;
  const CivilDate reported = reported_on ? *reported_on : std::min(as_of, occurred.plus_days(kBreachReportDelay.sample(c.random)));
  std::string_view response = pick_weighted<std::string_view>(c.random, responses);
  std::optional<CivilDate> response_date;
  if (!response.empty()) {
    response_date = not_after(reported.plus_days(kBreachResponseDelay.sample(c.random)), as_of);
    if (!response_date) response = {};
  }
  CsvWriter& out = files_[Entity::Breaches];
  out.field(fmt::format("{}-BR{:06}", c.force.code, ++c.force.breaches));
  out.field(of);
  out.field(bail_ref);
  out.field(order_ref);
  out.field(person_ref);
  out.field(occurred);
  out.field(reported);
  out.field(response);
  date_or_blank(out, response_date);
  out.field(new_crime_ref);
  out.end_row();
  if (response.empty()) ++planted_.breaches_without_response;
  if (!new_crime_ref.empty()) ++planted_.breaches_with_new_crime;
  ++(of == "bail" ? planted_.bail_breaches : planted_.order_breaches);
}

void CaseWriter::Impl::write_bail(CrimeContext& c, const PersonInCrime& suspect, const std::string& arrest_ref,
                                  CivilDate start, bool charged, bool final_decision) {
  const std::optional<CivilDate> decision = final_decision ? c.outcome.date : std::nullopt;
  const BailLadder ladder = build_bail_ladder(start, decision, charged, options_.as_of, options_.bail, c.random);
  const std::string_view conditions = c.random.chance_ppm(50'000)   ? std::string_view{}
                                      : c.offence.child_offence    ? kBailConditionsChild
                                      : c.random.chance_ppm(300'000) ? kBailConditionsResidence
                                                                     : kBailConditionsAdult;
  CsvWriter& out = files_[Entity::Bail];
  std::vector<std::string> refs;
  for (const BailPeriod& period : ladder.periods) {
    refs.push_back(fmt::format("{}-B{}", arrest_ref, period.number));
    out.field(refs.back());
    out.field(arrest_ref);
    out.field(static_cast<std::int64_t>(period.number));
    out.field(period.start);
    out.field(period.end);
    out.field(period.authorised_by);
    date_or_blank(out, period.authorised_date);
    out.field(conditions);
    const std::uint32_t views = c.random.ppm();
    out.field(std::string_view(views < 750'000 ? "Y" : views < 900'000 ? "N" : ""));
    date_or_blank(out, period.ended);
    out.field(period.end_reason);
    out.end_row();
    if (period.wrong_rank) ++planted_.bail_wrong_rank;
  }
  ++planted_.bail_ladders;
  planted_.bail_periods += ladder.periods.size();
  if (ladder.lapsed) ++planted_.bail_lapsed;
  if (ladder.lapsed_unrecorded) ++planted_.bail_lapsed_unrecorded;
  if (ladder.rui_from) {
    ++planted_.rui;
    c.decisions.push_back(*ladder.rui_from);
  }
  for (std::size_t i = 1; i < ladder.periods.size(); ++i) {
    if (ladder.periods[i].authorised_date) c.decisions.push_back(*ladder.periods[i].authorised_date);
  }
  // Breaches of bail conditions (not an offence; police may arrest under s46A).
  if (!conditions.empty() && c.random.chance_ppm(100'000)) {
    const BailPeriod& period = ladder.periods[c.random.below(ladder.periods.size())];
    const CivilDate last = std::min({period.end, options_.as_of, period.ended.value_or(period.end)});
    if (period.start <= last) {
      const CivilDate occurred =
          CivilDate::from_days(static_cast<std::int32_t>(c.random.between(period.start.days_since_epoch(), last.days_since_epoch())));
      write_breach(c, "bail", refs[static_cast<std::size_t>(period.number - 1)], {}, suspect.record_ref, occurred,
                   kBailBreachResponses, {});
    }
  }
}

void CaseWriter::Impl::write_biometrics(CrimeContext& c, const PersonInCrime& suspect, const std::string& arrest_ref,
                                        CivilDate taken, std::optional<CivilDate> no_charge_date,
                                        std::string_view relationship) {
  if (c.random.chance_ppm(50'000)) return;  // no samples taken on this arrest
  const bool dna = c.random.chance_ppm(920'000);
  const bool prints = !dna || c.random.chance_ppm(970'000);
  const bool previous_convictions = suspect.identity.cro.has_value();
  CsvWriter& out = files_[Entity::Biometrics];
  out.field(fmt::format("{}-BIO{:07}", c.force.code, ++c.force.biometrics));
  out.field(suspect.record_ref);
  out.field(arrest_ref);
  out.field(taken);
  out.field(std::string_view(dna ? "Y" : "N"));
  out.field(std::string_view(prints ? "Y" : "N"));
  out.field(std::string_view(c.random.chance_ppm(100'000) ? "" : previous_convictions ? "Y" : "N"));
  date_or_blank(out, no_charge_date);
  // s63G: no previous conviction, arrested for a qualifying offence, not charged.
  const bool eligible = !previous_convictions && no_charge_date.has_value();
  std::string_view ground, decision;
  std::optional<CivilDate> applied, decided;
  if (eligible) {
    ++planted_.s63g_eligible;
    const int victim_age = c.victims.front().age_at_offence;
    ground = victim_age < 18                          ? "victim_under_18"
             : is_domestic_relationship(relationship) ? "victim_associated"
             : c.victims.front().identity.disabled    ? "victim_vulnerable"
                                                      : "prevent_detect";
    const std::uint32_t draw = c.random.ppm();
    if (draw < 350'000) {
      applied = not_after(no_charge_date->plus_days(kDaysToS63gApplication.sample(c.random)), options_.as_of);
    } else if (draw < 500'000) {
      decision = "not_applied";
    } else if (draw < 800'000) {
      ground = {};  // never considered
    }
    if (applied) {
      ++planted_.s63g_applications;
      decided = not_after(applied->plus_days(kDaysToS63gDecision.sample(c.random)), options_.as_of);
      decision = !decided ? "pending" : c.random.chance_ppm(650'000) ? "granted" : "refused";
    }
    if (decision.empty()) ++planted_.s63g_eligible_no_decision;
  }
  out.field(ground);
  date_or_blank(out, applied);
  out.field(decision);
  date_or_blank(out, decided);
  out.end_row();
}

std::string CaseWriter::Impl::write_arrest(CrimeContext& c, const PersonInCrime& suspect, CivilDate arrest,
                                           bool charged, bool final_decision) {
  const std::string arrest_ref = fmt::format("{}-CU{:07}", c.force.code, ++c.force.arrests);
  const CivilDate as_of = options_.as_of;
  // The decision date, or a date far enough away not to matter while the case is open.
  const CivilDate decision = final_decision ? c.outcome.date.value_or(as_of.plus_days(1000)) : as_of.plus_days(1000);
  std::string_view disposal;
  CivilDate disposal_date = std::min(as_of, c.random.chance_ppm(150'000) ? arrest.plus_days(1) : arrest);
  if (arrest.days_until(decision) <= 1) {
    disposal = charged ? "charged" : "no_further_action";
    disposal_date = decision;
  } else {
    const std::uint32_t bail_share = arrest >= kBailReform ? 450'000 : 250'000;
    disposal = c.random.chance_ppm(bail_share) ? "pre_charge_bail" : "released_under_investigation";
  }
  CsvWriter& out = files_[Entity::Arrests];
  out.field(arrest_ref);
  out.field(c.crime_ref);
  out.field(suspect.record_ref);
  out.field(arrest);
  out.field(disposal);
  out.field(disposal_date);
  out.end_row();
  ++planted_.arrests;
  c.decisions.push_back(disposal_date);
  if (disposal == "pre_charge_bail") {
    write_bail(c, suspect, arrest_ref, disposal_date, charged, final_decision);
  } else if (disposal == "released_under_investigation") {
    ++planted_.rui;
  }
  return arrest_ref;
}

void CaseWriter::Impl::write_orders(CrimeContext& c, const PersonInCrime& suspect, std::size_t k, bool charged, bool nfa) {
  OrderCase order_case;
  order_case.reported = c.plan.reported();
  order_case.as_of = options_.as_of;
  order_case.outcome_date = c.outcome.date;
  order_case.charged = charged;
  order_case.no_further_action = nfa;
  order_case.repeat_suspect = plan_.crimes_per_suspect[suspect.true_id] >= 2;
  order_case.domestic = is_domestic_relationship(c.relationships[k]);
  order_case.stalking_risk = c.relationships[k] == "ex_partner" || c.relationships[k] == "acquaintance" ||
                             c.relationships[k] == "online_contact";
  order_case.child_offence = c.offence.child_offence;
  const std::vector<ProtectionOrder> orders = plan_protection_orders(order_case, c.random);
  const PostcodeDistrict& place = names_.districts[c.district];
  for (const ProtectionOrder& order : orders) {
    const std::string ref = fmt::format("{}-ORD{:06}", c.force.code, ++c.force.orders);
    CsvWriter& out = files_[Entity::Orders];
    out.field(ref);
    out.field(order.type);
    out.field(suspect.record_ref);
    out.field(order.protects_victims ? std::string_view(c.victim_refs) : std::string_view{});
    out.field(c.crime_ref);
    out.field(order.basis);
    out.field(order.status);
    date_or_blank(out, order.applied);
    date_or_blank(out, order.start);
    date_or_blank(out, order.end);
    out.field(std::string_view(order.until_further_order ? "Y" : "N"));
    switch (order.court) {
      case CourtKind::Crown: out.field(fmt::format("Crown Court at {}", place.local_authority)); break;
      case CourtKind::Magistrates: out.field(fmt::format("{} Magistrates' Court", place.local_authority)); break;
      case CourtKind::Family: out.field(fmt::format("Family Court at {}", place.local_authority)); break;
      case CourtKind::None: out.blank(); break;
    }
    out.field(order.conditions);
    out.end_row();
    ++planted_.orders;
    if (!order.start) continue;
    if (order.in_force_on(options_.as_of)) ++planted_.orders_in_force;
    orders_by_subject_[suspect.true_id].push_back({ref, order});
    // Some subjects breach the order, a few repeatedly (notices last two days: not modelled).
    if (order.type == "DVPN" || order.type == "DAPN" || !c.random.chance_ppm(120'000)) continue;
    const CivilDate last = std::min(options_.as_of, order.end.value_or(options_.as_of));
    const std::uint64_t breaches = 1 + (c.random.chance_ppm(300'000) ? 1 + c.random.below(2) : 0);
    for (std::uint64_t b = 0; b < breaches && *order.start <= last; ++b) {
      const CivilDate occurred = CivilDate::from_days(
          static_cast<std::int32_t>(c.random.between(order.start->days_since_epoch(), last.days_since_epoch())));
      write_breach(c, "order", {}, ref, suspect.record_ref, occurred, kOrderBreachResponses, {});
    }
  }
}

void CaseWriter::Impl::breaches_of_earlier_orders(CrimeContext& c, const PersonInCrime& suspect) {
  const auto it = orders_by_subject_.find(suspect.true_id);
  if (it == orders_by_subject_.end()) return;
  const CivilDate when = c.plan.offence_date();
  for (const OrderOnRecord& earlier : it->second) {
    if (!earlier.order.in_force_on(when)) continue;
    write_breach(c, "order", {}, earlier.ref, suspect.record_ref, when, kNewCrimeBreachResponses, c.crime_ref,
                 c.plan.reported());
  }
}

void CaseWriter::Impl::process_suspect(CrimeContext& c, std::size_t k) {
  const PersonInCrime& suspect = c.suspects[k];
  const CivilDate as_of = options_.as_of;
  const bool final_decision = c.outcome.code != 0;
  // With several suspects, some are eliminated; the case outcome applies to the others.
  const bool eliminated = k > 0 && c.random.chance_ppm(250'000);
  const bool charged = c.outcome.code == 1 && !eliminated;
  CivilDate named = std::min(as_of, c.plan.reported().plus_days(kDaysToSuspectNamed.sample(c.random)));
  if (c.outcome.date && named > *c.outcome.date) named = *c.outcome.date;

  const std::uint32_t arrest_chance = eliminated ? 300'000 : charged ? 850'000 : final_decision ? 450'000 : 500'000;
  std::optional<CivilDate> arrest;
  if (c.random.chance_ppm(arrest_chance)) {
    CivilDate when = named.plus_days(kDaysToArrest.sample(c.random));
    if (c.outcome.date && when > *c.outcome.date) when = *c.outcome.date;
    arrest = not_after(when, as_of);
  }
  const bool interviewed = !arrest && c.random.chance_ppm(500'000);
  std::string_view status = eliminated ? "eliminated"
                            : charged ? "charged"
                            : final_decision ? "no_further_action"
                            : arrest ? "arrested"
                            : interviewed ? "voluntary_interview"
                                          : "named";
  if (eliminated) ++planted_.suspects_eliminated;
  write_involvement(c, suspect, "suspect", status, named, c.relationships[k]);

  const std::optional<CivilDate> no_charge_date = final_decision && !charged ? c.outcome.date : std::nullopt;
  if (arrest) {
    const std::string arrest_ref = write_arrest(c, suspect, *arrest, charged, final_decision && !eliminated);
    write_biometrics(c, suspect, arrest_ref, *arrest, no_charge_date, c.relationships[k]);
  }
  if (!eliminated) write_orders(c, suspect, k, charged, final_decision && !charged);
}

void CaseWriter::Impl::write_victim_contacts(CrimeContext& c) {
  for (const PersonInCrime& victim : c.victims) {
    VictimCase victim_case;
    victim_case.reported = c.plan.reported();
    victim_case.as_of = options_.as_of;
    victim_case.outcome_date = c.outcome.date;
    victim_case.outcome_code = c.outcome.code;
    victim_case.decisions = c.decisions;
    victim_case.agreed_frequency_days = pick_agreed_frequency(c.random);
    const VictimContactPlan plan = plan_victim_contacts(victim_case, options_.contacts, c.random);
    CsvWriter& out = files_[Entity::VictimContacts];
    const auto& investigators = c.force.workforce.rasso_investigators;
    for (const VictimContact& contact : plan.contacts) {
      out.field(fmt::format("{}-VC{:08}", c.force.code, ++c.force.contacts));
      out.field(c.crime_ref);
      out.field(victim.record_ref);
      out.field(contact.date);
      out.field(contact.method);
      out.field(contact.purpose);
      if (c.random.chance_ppm(50'000)) {
        out.blank();
      } else {
        out.field(static_cast<std::int64_t>(victim_case.agreed_frequency_days));
      }
      const std::uint32_t who = c.random.ppm();
      if (who < 30'000) {
        out.blank();
      } else if (who < 100'000) {
        out.field(c.force.workforce.officers[investigators[c.random.below(investigators.size())]].ref);
      } else {
        out.field(c.oic->ref);
      }
      out.end_row();
    }
    planted_.victim_contacts += plan.contacts.size();
    planted_.late_contact_gaps += plan.late_gaps;
    if (plan.nfa_outcome) {
      ++planted_.nfa_victims;
      if (!plan.nfa_explained) ++planted_.nfa_victims_unexplained;
    }
  }
}

void CaseWriter::Impl::write_crime(std::size_t index) {
  const PlannedCrime& plan = plan_.crimes[index];
  CrimeContext c{plan, offence_profiles()[plan.offence], forces_[plan.force],
                 RandomSource(mix_seed(options_.seed, kCrimeStream, index)), {}, {}, nullptr, {}, {}, {}, {}, {}, {}, 0, false};
  const CivilDate reported = plan.reported();
  c.crime_ref = fmt::format("{}/{:02}/{:06}", c.force.code, reported.year() % 100, ++c.force.crimes_by_year[reported.year()]);
  c.district = areas_[plan.force].pick_district(c.random);

  // The people: victims (some victimised before), the planned suspects, new witnesses.
  std::vector<std::uint32_t> victim_ids;
  for (std::uint8_t v = 0; v < plan.victims; ++v) {
    const std::uint32_t id = choose_victim(c);
    if (std::find(victim_ids.begin(), victim_ids.end(), id) != victim_ids.end()) continue;
    victim_ids.push_back(id);
    if (victim_crimes_[id] == 1) ++planted_.repeat_victims;
    if (victim_crimes_[id] < 255) ++victim_crimes_[id];
    c.victims.push_back(emit_person(c, id, PersonKind::Victim));
  }
  bool juvenile_suspect = false;
  for (std::uint32_t id : plan_.suspects_of(index)) {
    c.suspects.push_back(emit_person(c, id, PersonKind::Suspect));
    c.relationships.push_back(pick_relationship(c.offence, c.random));
    juvenile_suspect = juvenile_suspect || c.suspects.back().age_at_offence < 18;
    c.domestic = c.domestic || is_domestic_relationship(c.relationships.back());
  }
  for (std::uint8_t w = 0; w < plan.witnesses; ++w) {
    RandomSource core_random(mix_seed(options_.seed, kCoreStream, cores_.size()));
    PersonCore core;
    core.kind = PersonKind::Witness;
    core.sex = core_random.chance_ppm(500'000) ? Sex::Female : Sex::Male;
    core.home_force = plan.force;
    core.dob_days = birth_date_for_age(plan.offence_date(), kWitnessAge.sample(core_random), core_random).days_since_epoch();
    c.witnesses.push_back(emit_person(c, new_person(core), PersonKind::Witness));
    ++planted_.true_witnesses;
  }
  for (std::size_t i = 0; i < c.victims.size(); ++i) {
    if (i > 0) c.victim_refs += ';';
    c.victim_refs += c.victims[i].record_ref;
  }

  c.outcome = draw_case_outcome(c.offence, !c.suspects.empty(), juvenile_suspect, reported, options_.as_of, c.random);
  if (c.outcome.code == 0) ++planted_.crimes_open;
  if (c.outcome.code == 1) ++planted_.crimes_charged;
  if (c.domestic) ++planted_.crimes_domestic;
  c.oic = &c.force.workforce.officers[c.force.workforce.pick_investigator(c.offence.child_offence, reported, c.random)];
  write_crime_row(c);

  for (const PersonInCrime& victim : c.victims) write_involvement(c, victim, "victim", {}, reported, {});
  for (std::size_t k = 0; k < c.suspects.size(); ++k) {
    breaches_of_earlier_orders(c, c.suspects[k]);
    process_suspect(c, k);
  }
  for (const PersonInCrime& witness : c.witnesses) {
    const CivilDate named = std::min(options_.as_of, reported.plus_days(kDaysToWitnessNamed.sample(c.random)));
    write_involvement(c, witness, "witness", {}, named, {});
  }
  write_victim_contacts(c);
}

std::map<std::string, std::size_t> CaseWriter::Impl::planted() const {
  std::map<std::string, std::size_t> out;
  std::size_t repeat = 0, five_plus = 0, ten_plus = 0, cross_force = 0, most = 0;
  for (std::size_t id = 0; id < plan_.crimes_per_suspect.size(); ++id) {
    const std::uint32_t crimes = plan_.crimes_per_suspect[id];
    most = std::max<std::size_t>(most, crimes);
    if (crimes >= 2) ++repeat;
    if (crimes >= 5) ++five_plus;
    if (crimes >= 10) ++ten_plus;
    if (crimes >= 2 && plan_.suspect_in_two_forces[id]) ++cross_force;
  }
  const Planted& p = planted_;
  out["crimes"] = plan_.crimes.size();
  out["crimes_open"] = p.crimes_open;
  out["crimes_charged"] = p.crimes_charged;
  out["crimes_domestic"] = p.crimes_domestic;
  out["person_records"] = p.person_records;
  out["true_people"] = cores_.size();
  out["true_suspects"] = plan_.crimes_per_suspect.size();
  out["true_victims"] = p.true_victims;
  out["true_witnesses"] = p.true_witnesses;
  out["repeat_suspects"] = repeat;
  out["repeat_suspects_5_plus"] = five_plus;
  out["repeat_suspects_10_plus"] = ten_plus;
  out["repeat_suspects_cross_force"] = cross_force;
  out["max_crimes_per_suspect"] = most;
  out["repeat_victims"] = p.repeat_victims;
  out["suspects_eliminated"] = p.suspects_eliminated;
  out["arrests"] = p.arrests;
  out["rui"] = p.rui;
  out["bail_ladders"] = p.bail_ladders;
  out["bail_periods"] = p.bail_periods;
  out["bail_wrong_rank_extensions"] = p.bail_wrong_rank;
  out["bail_lapsed"] = p.bail_lapsed;
  out["bail_lapsed_unrecorded"] = p.bail_lapsed_unrecorded;
  out["orders"] = p.orders;
  out["orders_in_force"] = p.orders_in_force;
  out["bail_breaches"] = p.bail_breaches;
  out["order_breaches"] = p.order_breaches;
  out["breaches_without_response"] = p.breaches_without_response;
  out["breaches_with_new_crime"] = p.breaches_with_new_crime;
  out["victim_contacts"] = p.victim_contacts;
  out["late_contact_gaps"] = p.late_contact_gaps;
  out["nfa_victims"] = p.nfa_victims;
  out["nfa_victims_unexplained"] = p.nfa_victims_unexplained;
  out["s63g_eligible"] = p.s63g_eligible;
  out["s63g_applications"] = p.s63g_applications;
  out["s63g_eligible_no_decision"] = p.s63g_eligible_no_decision;
  out["officers"] = p.officers;
  out["officer_leavers"] = p.workforce.leavers;
  out["training_missing"] = p.workforce.training_missing;
  out["training_expired"] = p.workforce.training_expired;
  for (std::size_t kind = 0; kind < kPersonErrorKinds; ++kind) {
    out[fmt::format("error_{}", error_kind_name(static_cast<PersonError>(kind)))] = p.errors[kind];
  }
  return out;
}

CaseWriter::CaseWriter(const GeneratorOptions& options, const NameData& names, ExtractFiles& files, const CrimePlan& plan)
    : impl_(std::make_unique<Impl>(options, names, files, plan)) {}

CaseWriter::~CaseWriter() = default;

void CaseWriter::write_workforce() { impl_->write_workforce(); }

void CaseWriter::write_crime(std::size_t index) { impl_->write_crime(index); }

std::map<std::string, std::size_t> CaseWriter::planted() const { return impl_->planted(); }

}  // namespace rasso
