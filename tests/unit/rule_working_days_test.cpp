// Working days in England and Wales, with the shipped bank-holiday list (2015-2030), including the
// one-off holidays of 2020 (VE day moved), 2022 (Platinum Jubilee, state funeral) and 2023
// (coronation), and the ordinary holidays they displaced.

#include "core/working_days.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "core/bank_holiday_calendar.h"
#include "ingest/csv_reader.h"

namespace rasso {
namespace {

CivilDate d(const char* iso) { return *CivilDate::parse_iso(iso); }

const BankHolidayCalendar& england_and_wales() {
  static const BankHolidayCalendar calendar = [] {
    auto table = read_csv_table(std::filesystem::path(RASSO_DEFAULT_DATA_DIR) / "bank_holidays_england_wales.csv");
    EXPECT_TRUE(table.ok());
    std::vector<CivilDate> dates;
    for (const CsvRecord& row : table->rows) dates.push_back(*CivilDate::parse_iso(row.fields[0]));
    return BankHolidayCalendar(dates);
  }();
  return calendar;
}

struct WorkingDayCase {
  const char* date;
  bool working;
  const char* why;
};

class IsWorkingDay : public testing::TestWithParam<WorkingDayCase> {};

TEST_P(IsWorkingDay, MatchesTheCalendar) {
  EXPECT_EQ(is_working_day(d(GetParam().date), england_and_wales()), GetParam().working) << GetParam().why;
}

INSTANTIATE_TEST_SUITE_P(
    Table, IsWorkingDay,
    testing::Values(WorkingDayCase{"2024-03-04", true, "ordinary Monday"},
                    WorkingDayCase{"2024-03-02", false, "Saturday"},
                    WorkingDayCase{"2024-03-03", false, "Sunday"},
                    WorkingDayCase{"2024-02-29", true, "leap day, a Thursday"},
                    WorkingDayCase{"2020-05-08", false, "2020 early May bank holiday moved to Friday for VE day"},
                    WorkingDayCase{"2020-05-04", true, "the first Monday of May 2020 was a working day"},
                    WorkingDayCase{"2020-12-28", false, "2020 Boxing Day substitute"},
                    WorkingDayCase{"2022-06-02", false, "2022 spring bank holiday moved to Thursday"},
                    WorkingDayCase{"2022-06-03", false, "Platinum Jubilee bank holiday"},
                    WorkingDayCase{"2022-05-30", true, "the last Monday of May 2022 was a working day"},
                    WorkingDayCase{"2022-09-19", false, "state funeral of Queen Elizabeth II"},
                    WorkingDayCase{"2022-12-27", false, "2022 Christmas Day substitute"},
                    WorkingDayCase{"2023-01-02", false, "2023 New Year's Day substitute"},
                    WorkingDayCase{"2023-05-08", false, "coronation of King Charles III"},
                    WorkingDayCase{"2023-05-09", true, "the day after the coronation"},
                    WorkingDayCase{"2030-12-25", false, "Christmas 2030, the last year listed"}));

struct AddCase {
  const char* from;
  int working_days;
  const char* expected;
  const char* why;
};

class AddWorkingDays : public testing::TestWithParam<AddCase> {};

TEST_P(AddWorkingDays, CountsOnlyWorkingDays) {
  EXPECT_EQ(add_working_days(d(GetParam().from), GetParam().working_days, england_and_wales()).to_iso(),
            GetParam().expected)
      << GetParam().why;
}

INSTANTIATE_TEST_SUITE_P(
    Table, AddWorkingDays,
    testing::Values(AddCase{"2024-03-04", 1, "2024-03-05", "Monday + 1"},
                    AddCase{"2024-03-01", 1, "2024-03-04", "Friday + 1 skips the weekend"},
                    AddCase{"2024-03-02", 1, "2024-03-04", "Saturday + 1 is Monday"},
                    AddCase{"2024-03-03", 1, "2024-03-04", "Sunday + 1 is Monday"},
                    AddCase{"2024-03-02", 0, "2024-03-02", "zero working days stays put, even on a weekend"},
                    AddCase{"2024-02-26", 5, "2024-03-04", "a week across the leap day"},
                    AddCase{"2024-05-31", 2, "2024-06-04", "across a month end and a weekend"},
                    AddCase{"2024-03-28", 2, "2024-04-03", "across Good Friday and Easter Monday 2024"},
                    AddCase{"2020-05-07", 1, "2020-05-11", "over VE day 2020"},
                    AddCase{"2022-06-01", 1, "2022-06-06", "over the Jubilee weekend"},
                    AddCase{"2022-09-16", 1, "2022-09-20", "over the state funeral"},
                    AddCase{"2022-12-23", 1, "2022-12-28", "over Christmas 2022 and its substitute day"},
                    AddCase{"2022-12-30", 1, "2023-01-03", "over New Year 2023 and its substitute day"},
                    AddCase{"2023-05-05", 1, "2023-05-09", "over the coronation"},
                    AddCase{"2020-12-24", 2, "2020-12-30", "over Christmas 2020"},
                    AddCase{"2023-12-29", 5, "2024-01-08", "across a year end"}));

TEST(WorkingDays, NextWorkingDayIsAlwaysLater) {
  const auto& calendar = england_and_wales();
  EXPECT_EQ(next_working_day(d("2024-03-04"), calendar).to_iso(), "2024-03-05");
  EXPECT_EQ(next_working_day(d("2023-05-05"), calendar).to_iso(), "2023-05-09");
}

TEST(WorkingDays, OnOrAfterKeepsAWorkingDayAndMovesOthers) {
  const auto& calendar = england_and_wales();
  EXPECT_EQ(working_day_on_or_after(d("2024-03-04"), calendar).to_iso(), "2024-03-04");
  EXPECT_EQ(working_day_on_or_after(d("2024-03-02"), calendar).to_iso(), "2024-03-04");
  EXPECT_EQ(working_day_on_or_after(d("2022-09-19"), calendar).to_iso(), "2022-09-20");
  EXPECT_EQ(working_day_on_or_after(d("2022-06-02"), calendar).to_iso(), "2022-06-06");
}

TEST(BankHolidayCalendar, CoversTheListedYearsOnly) {
  const auto& calendar = england_and_wales();
  EXPECT_FALSE(calendar.covers(d("2014-12-31")));
  EXPECT_TRUE(calendar.covers(d("2015-01-01")));
  EXPECT_TRUE(calendar.covers(d("2030-12-31")));
  EXPECT_FALSE(calendar.covers(d("2031-01-01")));
  EXPECT_FALSE(calendar.is_bank_holiday(d("2031-01-01")));
  EXPECT_TRUE(calendar.is_bank_holiday(d("2030-12-25")));
}

TEST(BankHolidayCalendar, EmptyCalendarKnowsOnlyWeekends) {
  const BankHolidayCalendar none;
  EXPECT_FALSE(none.covers(d("2024-12-25")));
  EXPECT_TRUE(is_working_day(d("2024-12-25"), none));
  EXPECT_EQ(add_working_days(d("2024-12-24"), 1, none).to_iso(), "2024-12-25");
}

TEST(BankHolidayCalendar, AcceptsDatesInAnyOrderWithDuplicates) {
  const std::vector<CivilDate> dates = {d("2023-05-08"), d("2022-06-03"), d("2023-05-08")};
  const BankHolidayCalendar calendar(dates);
  EXPECT_TRUE(calendar.is_bank_holiday(d("2022-06-03")));
  EXPECT_TRUE(calendar.is_bank_holiday(d("2023-05-08")));
  EXPECT_FALSE(calendar.is_bank_holiday(d("2023-05-09")));
  EXPECT_TRUE(calendar.covers(d("2022-01-01")));
  EXPECT_TRUE(calendar.covers(d("2023-12-31")));
}

}  // namespace
}  // namespace rasso
