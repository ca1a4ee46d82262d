// Cleaning of identifiers and dates, and the comparison levels of each field.

#include <gtest/gtest.h>

#include <memory>

#include "core/identifier_formats.h"
#include "linkage/person_comparison.h"
#include "linkage/prepared_person.h"

namespace rasso::linkage {
namespace {

PersonRecord record(std::string forename, std::string surname, std::string dob, std::string sex = "",
                    std::string postcode = "", std::string pnc = "") {
  PersonRecord r;
  r.person_ref = forename + surname + dob;
  r.forename = std::move(forename);
  r.surname = std::move(surname);
  r.dob = std::move(dob);
  r.sex = std::move(sex);
  r.postcode = std::move(postcode);
  r.pnc_id = std::move(pnc);
  return r;
}

class LinkageComparison : public ::testing::Test {
 protected:
  ComparisonVector compare(const PersonRecord& a, const PersonRecord& b) {
    PreparedPeople people(
        std::make_shared<const NicknameIndex>(NicknameIndex::from_pairs({{"bob", "robert"}, {"peggy", "margaret"}})));
    const std::vector<PersonRecord> both = {a, b};
    people.append(both);
    return compare_people(people[0], people[1], people.names());
  }
};

TEST(LinkageBirthDate, ParsesIsoDatesOnly) {
  EXPECT_EQ(parse_birth_date("1985-04-03"), (BirthDate{1985, 4, 3}));
  EXPECT_EQ(parse_birth_date("1985-02-30"), (BirthDate{1985, 2, 30}));  // kept: may be a typo of a real date
  EXPECT_FALSE(parse_birth_date("1985-13-01").known());
  EXPECT_FALSE(parse_birth_date("03/04/1985").known());
  EXPECT_FALSE(parse_birth_date("").known());
}

TEST(LinkageBirthDate, ComparisonLevels) {
  const BirthDate date{1985, 4, 3};
  EXPECT_EQ(compare_birth_dates(date, {1985, 4, 3}), DobLevel::Exact);
  EXPECT_EQ(compare_birth_dates(date, {1985, 3, 4}), DobLevel::DayMonthSwapped);
  EXPECT_EQ(compare_birth_dates(date, {1985, 4, 8}), DobLevel::OneDigit);  // one digit substituted
  EXPECT_EQ(compare_birth_dates(date, {1958, 4, 3}), DobLevel::OneDigit);  // adjacent digits transposed
  EXPECT_EQ(compare_birth_dates(date, {1986, 4, 3}), DobLevel::OneDigit);
  EXPECT_EQ(compare_birth_dates(date, {1985, 11, 30}), DobLevel::SameYear);
  EXPECT_EQ(compare_birth_dates(date, {1972, 9, 21}), DobLevel::Different);
  EXPECT_EQ(compare_birth_dates(date, {}), DobLevel::Missing);
  // A day equal to its month cannot be told from a swap; it is simply exact.
  EXPECT_EQ(compare_birth_dates({1985, 4, 4}, {1985, 4, 4}), DobLevel::Exact);
}

TEST(LinkageIdentifiers, PncIdsAreComparedInOneSpelling) {
  const char check = pnc_check_character(1985, 123456);
  const std::string long_form = std::string("1985/0123456") + check;
  const std::string short_form = long_form.substr(2);
  EXPECT_EQ(canonical_pnc_id(long_form), short_form);
  EXPECT_EQ(canonical_pnc_id(" " + short_form + " "), short_form);
  // A wrong check character makes the ID unusable for matching (it counts as missing).
  EXPECT_EQ(canonical_pnc_id(std::string("1985/0123456") + (check == 'A' ? 'B' : 'A')), "");
  EXPECT_EQ(canonical_pnc_id("not a pnc"), "");
  EXPECT_EQ(canonical_cro_number("123456/85x"), "123456/85X");
  EXPECT_EQ(canonical_cro_number("12345678/85X"), "");
}

TEST(LinkageIdentifiers, PostcodeDistricts) {
  EXPECT_EQ(split_postcode("b15 2tt").full, "B15 2TT");
  EXPECT_EQ(split_postcode("b15 2tt").district, "B15");
  EXPECT_EQ(split_postcode("B152TT").full, "B15 2TT");
  EXPECT_EQ(split_postcode("B15").full, "");
  EXPECT_EQ(split_postcode("B15").district, "B15");
  EXPECT_EQ(split_postcode("??").district, "");
}

TEST_F(LinkageComparison, ForenameLevels) {
  auto forename_level = [&](const char* a, const char* b) {
    return static_cast<ForenameLevel>(compare(record(a, "Smith", ""), record(b, "Smith", ""))[Field::Forename]);
  };
  EXPECT_EQ(forename_level("Robert", "ROBERT"), ForenameLevel::Exact);
  EXPECT_EQ(forename_level("Bob", "Robert"), ForenameLevel::Nickname);
  EXPECT_EQ(forename_level("Peggy", "Margaret"), ForenameLevel::Nickname);
  EXPECT_EQ(forename_level("Jonathon", "Jonathan"), ForenameLevel::JaroWinkler92);
  EXPECT_EQ(forename_level("Dwayne", "Duane"), ForenameLevel::JaroWinkler80);
  EXPECT_EQ(forename_level("Robert", "Zbigniew"), ForenameLevel::Different);
  EXPECT_EQ(forename_level("", "Robert"), ForenameLevel::Missing);
}

TEST_F(LinkageComparison, SurnameLevels) {
  auto surname_level = [&](const char* a, const char* b) {
    return static_cast<SurnameLevel>(compare(record("Anna", a, ""), record("Anna", b, ""))[Field::Surname]);
  };
  EXPECT_EQ(surname_level("O'Brien", "OBRIEN"), SurnameLevel::Exact);
  EXPECT_EQ(surname_level("Smith-Jones", "Jones"), SurnameLevel::DoubleBarrelPart);
  EXPECT_EQ(surname_level("Smith", "Smith Jones"), SurnameLevel::DoubleBarrelPart);
  EXPECT_EQ(surname_level("Wojciechowski", "Wojciechowsky"), SurnameLevel::JaroWinkler92);
  EXPECT_EQ(surname_level("Smith", "Patel"), SurnameLevel::Different);
}

TEST_F(LinkageComparison, SwappedNamesAreOneLevel) {
  const ComparisonVector levels = compare(record("Smith", "Robert", ""), record("Robert", "Smith", ""));
  EXPECT_EQ(levels[Field::Forename], static_cast<Level>(ForenameLevel::SwappedWithSurname));
  EXPECT_EQ(levels[Field::Surname], static_cast<Level>(SurnameLevel::SwappedWithForename));
  // The swap's evidence is counted once, on the forename.
  EXPECT_TRUE(carries_evidence(Field::Forename, levels[Field::Forename]));
  EXPECT_FALSE(carries_evidence(Field::Surname, levels[Field::Surname]));
  // Swapped with a typo as well.
  EXPECT_EQ(compare(record("Whiite", "Harriet", ""), record("Harriet", "White", ""))[Field::Forename],
            static_cast<Level>(ForenameLevel::SwappedWithSurname));
}

TEST_F(LinkageComparison, OtherFields) {
  const ComparisonVector levels =
      compare(record("A", "B", "1985-04-03", "M", "B15 2TT"), record("A", "B", "1985-03-04", "F", "B15 9ZZ"));
  EXPECT_EQ(levels[Field::DateOfBirth], static_cast<Level>(DobLevel::DayMonthSwapped));
  EXPECT_EQ(levels[Field::Sex], static_cast<Level>(SexLevel::Different));
  EXPECT_EQ(levels[Field::Postcode], static_cast<Level>(PostcodeLevel::SameDistrict));
  EXPECT_EQ(compare(record("A", "B", "", "U", "B15"), record("A", "B", "", "M", "B15 2TT"))[Field::Postcode],
            static_cast<Level>(PostcodeLevel::SameDistrict));
  EXPECT_EQ(compare(record("A", "B", "", "U"), record("A", "B", "", "M"))[Field::Sex],
            static_cast<Level>(SexLevel::Missing));
}

TEST(LinkageComparisonPatterns, PackAndUnpack) {
  ComparisonVector levels;
  for (std::size_t f = 0; f < kFieldCount; ++f) levels.levels[f] = static_cast<Level>(kLevelCounts[f] - 1);
  EXPECT_EQ(pattern_index(levels), pattern_count() - 1);
  levels[Field::DateOfBirth] = static_cast<Level>(DobLevel::OneDigit);
  EXPECT_EQ(pattern_levels(pattern_index(levels)), levels);
  EXPECT_EQ(level_name(Field::DateOfBirth, static_cast<Level>(DobLevel::DayMonthSwapped)), "day_month_swapped");
}

}  // namespace
}  // namespace rasso::linkage
