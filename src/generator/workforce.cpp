#include "generator/workforce.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "generator/quantile_curve.h"
#include "generator/weighted_choice.h"

namespace rasso {
namespace {

// The courses of codes/course.csv: who must complete each, how long it stays valid, the share
// of those who must that have completed it (default), and when forces began delivering it.
struct Course {
  std::string_view code;
  std::array<std::string_view, 3> required_for;
  int validity_months;
  std::uint32_t completed_ppm;
  int introduced_year;
};

constexpr Course kCourses[] = {
    {"WORD_ON_WORD", {"investigator", "supervisor", ""}, 0, 600'000, 2024},
    {"NOM_P21", {"investigator", "supervisor", "offender_manager"}, 0, 700'000, 2023},
    {"NOM_P22", {"investigator", "supervisor", "offender_manager"}, 0, 600'000, 2023},
    {"SSAIDP", {"investigator", "", ""}, 0, 750'000, 2010},
    {"PIP2", {"investigator", "", ""}, 0, 0, 2008},  // completed exactly by accredited detectives
    {"ABE", {"investigator", "", ""}, 36, 900'000, 2005},
    {"VICTIMS_CODE", {"investigator", "supervisor", ""}, 24, 850'000, 2021},
    {"TRAUMA", {"investigator", "supervisor", "analyst"}, 24, 750'000, 2019},
};

constexpr std::string_view kTeamNames[] = {"North", "South", "East", "West", "Central", "City",
                                           "Metropolitan", "County", "Rural", "Urban", "Valley", "Coast"};

// Days an officer has been in post on the as-of date (default curve).
const QuantileCurve kDaysInPost({{0, 20}, {20, 400}, {50, 1500}, {80, 3650}, {100, 9000}});

std::string_view pick_detective_status(std::string_view role, RandomSource& random) {
  if (role == "investigator") {
    const std::uint32_t draw = random.ppm();
    return draw < 650'000 ? "accredited" : draw < 900'000 ? "trainee" : "not_detective";
  }
  if (role == "supervisor") return random.chance_ppm(900'000) ? "accredited" : "not_detective";
  if (role == "offender_manager") return random.chance_ppm(400'000) ? "not_detective" : "";
  return "";
}

class WorkforceBuilder {
 public:
  WorkforceBuilder(std::string_view force, CivilDate as_of, RandomSource& random) : as_of_(as_of), random_(random) {
    workforce_.force_code = std::string(force);
  }

  std::size_t add_unit(std::string name, std::string_view type) {
    workforce_.units.push_back({fmt::format("{}-U{:02}", workforce_.force_code, workforce_.units.size() + 1),
                                std::move(name), type});
    return workforce_.units.size() - 1;
  }

  std::size_t add_officer(std::size_t unit, std::string_view rank, std::string_view role) {
    Officer officer;
    officer.ref = fmt::format("{}-OF{:05}", workforce_.force_code, workforce_.officers.size() + 1);
    officer.unit = unit;
    officer.rank = rank;
    officer.role = role;
    officer.start = as_of_.plus_days(-kDaysInPost.sample(random_));
    if (random_.chance_ppm(120'000)) {
      const std::int32_t from = std::max(officer.start.days_since_epoch(), as_of_.days_since_epoch() - 1826);
      officer.leave = CivilDate::from_days(static_cast<std::int32_t>(random_.between(from, as_of_.days_since_epoch())));
    }
    workforce_.officers.push_back(std::move(officer));
    return workforce_.officers.size() - 1;
  }

  // A team of investigators with a sergeant for every six and an inspector in charge.
  void add_team(std::size_t unit, std::size_t investigators, std::vector<std::size_t>& pool) {
    for (std::size_t i = 0; i < investigators; ++i) {
      pool.push_back(add_officer(unit, random_.chance_ppm(150'000) ? "STAFF" : "PC", "investigator"));
    }
    for (std::size_t i = 0; i < (investigators + 5) / 6; ++i) add_officer(unit, "PS", "supervisor");
    add_officer(unit, "INSP", "supervisor");
  }

  ForceWorkforce take() { return std::move(workforce_); }
  ForceWorkforce& workforce() { return workforce_; }

 private:
  CivilDate as_of_;
  RandomSource& random_;
  ForceWorkforce workforce_;
};

}  // namespace

std::size_t ForceWorkforce::pick_investigator(bool child_offence, CivilDate date, RandomSource& random) const {
  const auto& pool = child_offence && !child_investigators.empty() ? child_investigators : rasso_investigators;
  std::size_t chosen = pool[random.below(pool.size())];
  for (int attempt = 0; attempt < 8; ++attempt) {
    const Officer& officer = officers[chosen];
    if (officer.start <= date && (!officer.leave || *officer.leave >= date)) break;
    chosen = pool[random.below(pool.size())];
  }
  return chosen;
}

ForceWorkforce build_workforce(std::string_view force_code, std::size_t crimes_per_year, CivilDate as_of,
                               RandomSource& random) {
  WorkforceBuilder builder(force_code, as_of, random);
  // About 25 new cases per investigator a year (default caseload).
  const std::size_t investigators = std::max<std::size_t>(8, crimes_per_year / 25);
  const std::size_t child_investigators = std::max<std::size_t>(3, investigators * 3 / 10);
  const std::size_t adult_investigators = std::max<std::size_t>(5, investigators - child_investigators);
  const std::size_t teams = std::clamp<std::size_t>(adult_investigators / 20, 1, std::size(kTeamNames));

  const std::size_t leadership = builder.add_unit("Public Protection Leadership", "other");
  builder.add_officer(leadership, "SUPT", "senior_leader");
  builder.add_officer(leadership, "CI", "senior_leader");
  for (std::size_t t = 0; t < teams; ++t) {
    const std::size_t unit = builder.add_unit(fmt::format("RASSO Team {}", kTeamNames[t]), "rasso");
    const std::size_t size = adult_investigators / teams + (t < adult_investigators % teams ? 1 : 0);
    builder.add_team(unit, size, builder.workforce().rasso_investigators);
  }
  const std::size_t cait = builder.add_unit("Child Abuse Investigation Team", "safeguarding");
  builder.add_team(cait, child_investigators, builder.workforce().child_investigators);
  std::vector<std::size_t> cid_pool;
  builder.add_team(builder.add_unit("Criminal Investigation Department", "cid"), 5, cid_pool);
  const std::size_t som = builder.add_unit("Sex Offender Management Unit", "offender_management");
  for (std::size_t i = 0; i < std::max<std::size_t>(2, investigators / 10); ++i) builder.add_officer(som, "PC", "offender_manager");
  builder.add_officer(som, "PS", "supervisor");
  const std::size_t analysis = builder.add_unit("Performance and Analysis", "other");
  for (std::size_t i = 0; i < std::max<std::size_t>(1, investigators / 40); ++i) builder.add_officer(analysis, "STAFF", "analyst");
  const std::size_t response = builder.add_unit("Response and Neighbourhood Policing", "response");
  for (int i = 0; i < 4; ++i) builder.add_officer(response, "PC", "other");
  return builder.take();
}

void write_workforce(const ForceWorkforce& workforce, CivilDate as_of, RandomSource& random, CsvWriter& units,
                     CsvWriter& officers, CsvWriter& training, WorkforceCounts& counts) {
  for (const Unit& unit : workforce.units) {
    units.field(unit.ref);
    units.field(workforce.force_code);
    units.field(unit.name);
    units.field(unit.type);
    units.end_row();
  }
  std::size_t training_number = 0;
  for (const Officer& officer : workforce.officers) {
    const std::string_view detective = pick_detective_status(officer.role, random);
    officers.field(officer.ref);
    officers.field(workforce.force_code);
    officers.field(workforce.units[officer.unit].ref);
    if (officer.rank == "STAFF" && random.chance_ppm(500'000)) {
      officers.blank();
    } else {
      officers.field(fmt::format("{}{}", officer.rank == "STAFF" ? "S" : "", random.between(1000, 9999)));
    }
    officers.field(officer.rank);
    officers.field(officer.role);
    officers.field(detective);
    officers.field(officer.start);
    if (officer.leave) {
      officers.field(*officer.leave);
      ++counts.leavers;
    } else {
      officers.blank();
    }
    officers.end_row();

    const CivilDate serving_until = officer.leave ? *officer.leave : as_of;
    for (const Course& course : kCourses) {
      if (std::find(course.required_for.begin(), course.required_for.end(), officer.role) == course.required_for.end()) continue;
      const bool done = course.code == "PIP2" ? detective == "accredited" : random.chance_ppm(course.completed_ppm);
      const CivilDate introduced = *CivilDate::from_ymd(course.introduced_year, 1, 1);
      CivilDate from = std::max(officer.start, introduced);
      // Records of courses that lapse are kept for the last two validity periods only.
      if (course.validity_months > 0) from = std::max(from, as_of.plus_months(-2 * course.validity_months));
      if (!done || from > serving_until) {
        if (!officer.leave) ++counts.training_missing;
        continue;
      }
      // Completed, and for courses that lapse, renewed at each expiry with a falling chance.
      while (true) {
        const CivilDate completed = CivilDate::from_days(
            static_cast<std::int32_t>(random.between(from.days_since_epoch(), std::min(serving_until, from.plus_days(120)).days_since_epoch())));
        training.field(fmt::format("{}-TR{:06}", workforce.force_code, ++training_number));
        training.field(officer.ref);
        training.field(course.code);
        training.field(completed);
        if (course.validity_months == 0) {
          training.blank();
          training.end_row();
          break;
        }
        const CivilDate expiry = completed.plus_months(course.validity_months);
        training.field(expiry);
        training.end_row();
        if (expiry > as_of) break;
        if (expiry > serving_until || !random.chance_ppm(750'000)) {
          if (!officer.leave) ++counts.training_expired;
          break;
        }
        from = expiry.plus_days(-60);
      }
    }
  }
}

}  // namespace rasso
