// Training compliance rules on hand-built officers and courses: the day before, on and after each
// due date and lapse date, roles that do and do not need a course, retired courses, the roll-ups,
// the training worklist and the catalogue shipped in codes/course.csv.

#include "worklists/training_compliance.h"

#include <gtest/gtest.h>

#include <map>

#include "ingest/reference_data.h"
#include "worklists/training_worklist.h"
#include "worklists/worklist.h"

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

OfficerRecord officer(const char* ref, const char* role, const char* start, const char* unit = "U1") {
  OfficerRecord out;
  out.officer_ref = ref;
  out.force_code = "WD";
  out.unit_ref = unit;
  out.rank = "PC";
  out.role = role;
  out.start_date = d(start);
  return out;
}

TrainingCourse course(const char* code, std::vector<std::string> roles, int due_days, int renewal_months = 0) {
  TrainingCourse out;
  out.code = code;
  out.label = std::string(code) + " course";
  out.required_for_roles = std::move(roles);
  out.due_within_days = due_days;
  out.renewal_months = renewal_months;
  return out;
}

TrainingRecord completion(const char* officer_ref, const char* code, const char* completed, const char* expiry = nullptr) {
  TrainingRecord out;
  out.training_ref = std::string(officer_ref) + "-" + code + "-" + completed;
  out.officer_ref = officer_ref;
  out.course_code = code;
  out.completed_date = d(completed);
  if (expiry != nullptr) out.expiry_date = d(expiry);
  return out;
}

TrainingRequirement evaluate(const OfficerRecord& who, const TrainingCourse& what, const std::vector<TrainingRecord>& held,
                             const char* as_of, int warning_days = 60) {
  std::vector<const TrainingRecord*> pointers;
  for (const TrainingRecord& record : held) pointers.push_back(&record);
  return evaluate_requirement(who, what, pointers, d(as_of), warning_days);
}

TEST(TrainingCompliance, FirstDueDateRunsFromJoiningTheUnit) {
  const OfficerRecord pc = officer("O1", "investigator", "2025-01-01");
  const TrainingCourse abe = course("ABE", {"investigator"}, 90);
  EXPECT_EQ(first_due_date(abe, d("2025-01-01")), d("2025-04-01"));
  // Day before, on and after the due date.
  EXPECT_EQ(evaluate(pc, abe, {}, "2025-03-31").state, TrainingState::NotYetDue);
  EXPECT_EQ(evaluate(pc, abe, {}, "2025-04-01").state, TrainingState::NotYetDue);
  const TrainingRequirement after = evaluate(pc, abe, {}, "2025-04-02");
  EXPECT_EQ(after.state, TrainingState::Overdue);
  EXPECT_EQ(*after.due_date, d("2025-04-01"));
  EXPECT_TRUE(after.failing());
  // Completing it on the due date is in time, and counts from then on.
  EXPECT_EQ(evaluate(pc, abe, {completion("O1", "ABE", "2025-04-01")}, "2025-04-02").state, TrainingState::Held);
}

TEST(TrainingCompliance, AnInspectionDeadlineAppliesToStaffAlreadyInPost) {
  TrainingCourse word = course("WORD_ON_WORD", {"investigator", "supervisor"}, 90);
  word.required_by = d("2025-01-31");
  const OfficerRecord veteran = officer("O1", "investigator", "2015-06-01");
  EXPECT_EQ(evaluate(veteran, word, {}, "2025-01-30").state, TrainingState::NotYetDue);
  EXPECT_EQ(evaluate(veteran, word, {}, "2025-01-31").state, TrainingState::NotYetDue);
  EXPECT_EQ(evaluate(veteran, word, {}, "2025-02-01").state, TrainingState::Overdue);
  // Someone joining after the deadline has the usual 90 days.
  const OfficerRecord newcomer = officer("O2", "supervisor", "2025-03-01");
  EXPECT_EQ(*evaluate(newcomer, word, {}, "2025-03-02").due_date, d("2025-05-30"));
}

TEST(TrainingCompliance, RenewalLapsesOnTheDayAndWarnsWithinTheWindow) {
  const OfficerRecord pc = officer("O1", "investigator", "2015-01-01");
  const TrainingCourse victims = course("VICTIMS_CODE", {"investigator"}, 90, 24);
  const std::vector<TrainingRecord> held = {completion("O1", "VICTIMS_CODE", "2023-01-15")};
  // Lapses 2025-01-15: held up to the day before, expired from the day itself.
  EXPECT_EQ(evaluate(pc, victims, held, "2024-11-15").state, TrainingState::Held);      // 61 days left
  EXPECT_EQ(evaluate(pc, victims, held, "2024-11-16").state, TrainingState::Expiring);  // 60 days left
  EXPECT_EQ(evaluate(pc, victims, held, "2025-01-14").state, TrainingState::Expiring);
  const TrainingRequirement lapsed = evaluate(pc, victims, held, "2025-01-15");
  EXPECT_EQ(lapsed.state, TrainingState::Expired);
  EXPECT_EQ(*lapsed.due_date, d("2025-01-15"));
  EXPECT_EQ(evaluate(pc, victims, held, "2025-01-16").state, TrainingState::Expired);
  // The warning window is configurable.
  EXPECT_EQ(evaluate(pc, victims, held, "2024-12-20", 10).state, TrainingState::Held);
  // A recorded expiry date wins over the renewal period; a renewal resets it.
  EXPECT_EQ(evaluate(pc, victims, {completion("O1", "VICTIMS_CODE", "2023-01-15", "2024-01-15")}, "2024-01-15").state,
            TrainingState::Expired);
  const std::vector<TrainingRecord> renewed = {completion("O1", "VICTIMS_CODE", "2023-01-15"),
                                               completion("O1", "VICTIMS_CODE", "2025-01-10")};
  EXPECT_EQ(evaluate(pc, victims, renewed, "2025-02-01").state, TrainingState::Held);
  // A completion dated after the as-of date does not count yet.
  EXPECT_EQ(evaluate(pc, victims, renewed, "2025-01-09").state, TrainingState::Expiring);
  // No renewal period and no expiry: held for good.
  EXPECT_EQ(evaluate(pc, course("SSAIDP", {"investigator"}, 90), {completion("O1", "SSAIDP", "2010-01-01")}, "2030-01-01").state,
            TrainingState::Held);
}

TEST(TrainingCompliance, OnlyRolesThatNeedACourseAreAssessed) {
  const std::vector<OfficerRecord> officers = {officer("INV", "investigator", "2020-01-01"),
                                               officer("SUP", "supervisor", "2020-01-01"),
                                               officer("ANA", "analyst", "2020-01-01"),
                                               officer("LEFT", "investigator", "2020-01-01"),
                                               officer("SOON", "investigator", "2026-01-01")};
  std::vector<OfficerRecord> people = officers;
  people[3].leave_date = d("2025-06-01");
  TrainingCourse retired = course("OLD", {"investigator", "supervisor", "analyst"}, 90);
  retired.active = false;
  const std::vector<TrainingCourse> catalogue = {course("SSAIDP", {"investigator"}, 90),
                                                 course("TRAUMA", {"investigator", "supervisor", "analyst"}, 90), retired};
  const auto requirements = evaluate_training(people, {}, catalogue, d("2025-06-01"));
  std::vector<std::string> assessed;
  for (const auto& requirement : requirements) assessed.push_back(std::string(requirement.officer_ref) + "/" + std::string(requirement.course_code));
  EXPECT_EQ(assessed, (std::vector<std::string>{"INV/SSAIDP", "INV/TRAUMA", "SUP/TRAUMA", "ANA/TRAUMA"}));
  EXPECT_TRUE(course_required_for(catalogue[0], "INVESTIGATOR"));
  EXPECT_FALSE(course_required_for(catalogue[0], "supervisor"));
  EXPECT_FALSE(course_required_for(retired, "investigator"));
}

TEST(TrainingCompliance, RollUpsByUnitAndOfficer) {
  const std::vector<OfficerRecord> officers = {officer("A", "investigator", "2020-01-01", "U1"),
                                               officer("B", "investigator", "2025-05-01", "U1"),
                                               officer("C", "investigator", "2020-01-01", "U2")};
  const std::vector<TrainingCourse> catalogue = {course("SSAIDP", {"investigator"}, 90), course("ABE", {"investigator"}, 90, 36)};
  const std::vector<TrainingRecord> training = {completion("A", "SSAIDP", "2021-01-01"), completion("A", "ABE", "2022-07-01"),
                                                completion("C", "ABE", "2021-01-01")};
  const auto requirements = evaluate_training(officers, training, catalogue, d("2025-06-01"));
  const auto units = compliance_by_unit(requirements);
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0].key, "U1");
  EXPECT_EQ(units[0].officers, 2);
  EXPECT_EQ(units[0].required, 4);
  EXPECT_EQ(units[0].held, 2);          // A: SSAIDP held, ABE lapses 2025-07-01 (expiring)
  EXPECT_EQ(units[0].expiring, 1);
  EXPECT_EQ(units[0].not_yet_due, 2);   // B joined a month ago
  EXPECT_DOUBLE_EQ(units[0].rate(), 1.0);
  EXPECT_EQ(units[1].key, "U2");
  EXPECT_EQ(units[1].overdue, 1);
  EXPECT_EQ(units[1].expired, 1);
  EXPECT_DOUBLE_EQ(units[1].rate(), 0.0);
  EXPECT_EQ(units[2].key, "ALL");
  EXPECT_EQ(units[2].required, 6);
  EXPECT_DOUBLE_EQ(units[2].rate(), 0.5);
  const auto by_officer = compliance_by_officer(requirements);
  ASSERT_EQ(by_officer.size(), 3u);
  EXPECT_EQ(by_officer[2].key, "C");
  EXPECT_EQ(by_officer[2].unit_ref, "U2");
  EXPECT_EQ(by_officer[2].overdue + by_officer[2].expired, 2);
}

TEST(TrainingCompliance, WorklistListsWhatNeedsDoingMostUrgentFirst) {
  const std::vector<OfficerRecord> officers = {officer("A", "investigator", "2020-01-01", "U1"),
                                               officer("B", "investigator", "2025-04-15", "U1"),
                                               officer("C", "investigator", "2025-05-30", "U2")};
  const std::vector<TrainingCourse> catalogue = {course("SSAIDP", {"investigator"}, 90), course("ABE", {"investigator"}, 90, 36)};
  const std::vector<TrainingRecord> training = {completion("A", "SSAIDP", "2021-01-01"), completion("A", "ABE", "2022-07-01"),
                                                completion("B", "ABE", "2025-05-01"), completion("C", "SSAIDP", "2025-05-30"),
                                                completion("C", "ABE", "2025-05-30")};
  // A: ABE lapses 2025-07-01 (expiring). B: SSAIDP due 2025-07-14 (due soon). Set up one overdue:
  std::vector<OfficerRecord> people = officers;
  people.push_back(officer("D", "investigator", "2024-01-01", "U2"));
  const auto requirements = evaluate_training(people, training, catalogue, d("2025-06-01"));
  const auto items = training_worklist(requirements, catalogue, d("2025-06-01"));
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(item_kind_code(items[0].kind), "training_overdue");  // D, both courses due 2024-03-31
  EXPECT_EQ(items[0].officer_ref, "D");
  EXPECT_EQ(items[0].days_overdue, 427);
  EXPECT_EQ(item_kind_code(items[1].kind), "training_overdue");
  EXPECT_EQ(item_kind_code(items[2].kind), "training_expiring");
  EXPECT_EQ(items[2].officer_ref, "A");
  EXPECT_EQ(items[2].record_ref, "ABE");
  EXPECT_EQ(items[2].due_date, d("2025-07-01"));
  EXPECT_EQ(item_kind_code(items[3].kind), "training_due");
  EXPECT_EQ(items[3].officer_ref, "B");
  EXPECT_NE(items[0].reason.find("never completed, due by 2024-03-31, 427 days ago"), std::string::npos) << items[0].reason;
  // A narrower window drops what is not yet pressing; the filter narrows by unit.
  EXPECT_EQ(training_worklist(requirements, catalogue, d("2025-06-01"), 20).size(), 2u);
  EXPECT_EQ(training_worklist(requirements, catalogue, d("2025-06-01"), 60, {"", "U1", ""}).size(), 2u);
  // The same list through run_worklist, by name.
  ASSERT_TRUE(worklist_from_name("training"));
  ExtractTables tables;
  tables.officers = people;
  tables.training = training;
  const WorklistSnapshot snapshot(std::move(tables));
  WorklistRules rules;
  rules.training_courses = catalogue;
  EXPECT_EQ(run_worklist(WorklistKind::Training, snapshot, rules, d("2025-06-01")).size(), 4u);
}

TEST(TrainingCompliance, AccreditationOfInvestigatorsInPost) {
  const std::vector<OfficerRecord> officers = {officer("A", "investigator", "2020-01-01", "U1"),
                                               officer("B", "investigator", "2020-01-01", "U1"),
                                               officer("C", "supervisor", "2020-01-01", "U1"),
                                               officer("D", "investigator", "2020-01-01", "U2")};
  const std::map<std::string, std::string, std::less<>> status = {{"A", "accredited"}, {"B", "trainee"}, {"C", "accredited"}};
  const auto summary = accreditation_by_unit(officers, d("2025-01-01"), [&](std::string_view ref) -> std::string_view {
    const auto found = status.find(ref);
    return found == status.end() ? std::string_view() : std::string_view(found->second);
  });
  ASSERT_EQ(summary.size(), 3u);
  EXPECT_EQ(summary[0].investigators, 2);
  EXPECT_EQ(summary[0].accredited, 1);
  EXPECT_EQ(summary[0].trainee, 1);
  EXPECT_EQ(summary[1].not_recorded, 1);
  EXPECT_EQ(summary[2].investigators, 3);
}

TEST(TrainingCourseCatalogue, ShippedCoursesCarryTheInspectionDeadlines) {
  const CodeTables codes = *load_code_tables(RASSO_DEFAULT_DATA_DIR);
  const auto courses = courses_from_code_table(*codes.table("course"));
  ASSERT_TRUE(courses) << courses.error().message;
  ASSERT_EQ(courses->size(), 8u);
  for (const TrainingCourse& shipped : *courses) {
    EXPECT_TRUE(validate_training_course(shipped, codes.table("officer_role"))) << shipped.code;
    const bool inspected = shipped.code == "WORD_ON_WORD" || shipped.code == "NOM_P21" || shipped.code == "NOM_P22";
    EXPECT_EQ(shipped.required_by.has_value(), inspected) << shipped.code;
    if (shipped.code == "ABE") {
      EXPECT_EQ(shipped.renewal_months, 36);
    }
    if (shipped.code == "NOM_P21") {
      EXPECT_TRUE(course_required_for(shipped, "offender_manager"));
    }
  }
}

TEST(TrainingCourseCatalogue, RefusesCoursesAnAdministratorMustFix) {
  const CodeTables codes = *load_code_tables(RASSO_DEFAULT_DATA_DIR);
  const CodeTable* roles = codes.table("officer_role");
  TrainingCourse good = course("NEW_COURSE", {"investigator"}, 30);
  EXPECT_TRUE(validate_training_course(good, roles));
  auto refused = [&](TrainingCourse bad, const char* words) {
    const Status status = validate_training_course(bad, roles);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, "invalid_input");
    EXPECT_NE(status.error().message.find(words), std::string::npos) << status.error().message;
  };
  TrainingCourse bad = good;
  bad.code = "new course";
  refused(bad, "upper-case");
  bad = good;
  bad.label.clear();
  refused(bad, "label");
  bad = good;
  bad.required_for_roles = {"detective"};
  refused(bad, "unknown role 'detective'");
  bad = good;
  bad.required_for_roles = {"investigator", "investigator"};
  refused(bad, "twice");
  bad = good;
  bad.due_within_days = -1;
  refused(bad, "due-within-days");
  bad = good;
  bad.renewal_months = 1000;
  refused(bad, "renewal-months");
  EXPECT_EQ(parse_role_list(" Investigator; ;supervisor "), (std::vector<std::string>{"investigator", "supervisor"}));
  EXPECT_EQ(role_list_text({"a", "b"}), "a;b");
}

}  // namespace
}  // namespace rasso
