// Normalisation of names: folding, parsing of the name fields, nicknames.

#include <gtest/gtest.h>

#include "linkage/nickname_index.h"
#include "linkage/person_name_parser.h"
#include "linkage/person_record.h"
#include "linkage/text_folding.h"

namespace rasso::linkage {
namespace {

TEST(LinkageTextFolding, UpperCasesAndStripsAccentsAndPunctuation) {
  EXPECT_EQ(fold_to_ascii_upper("Zoë O'Brien-Smith"), "ZOE OBRIEN SMITH");
  EXPECT_EQ(fold_to_ascii_upper("  José   María "), "JOSE MARIA");
  EXPECT_EQ(fold_to_ascii_upper("Łukasz Wałęsa"), "LUKASZ WALESA");
  EXPECT_EQ(fold_to_ascii_upper("Straße"), "STRASSE");
  EXPECT_EQ(fold_to_ascii_upper("Ægir Œuvre Þór"), "AEGIR OEUVRE THOR");
  EXPECT_EQ(fold_to_ascii_upper("O\u2019Neill"), "ONEILL");
  EXPECT_EQ(fold_to_ascii_upper("R.J."), "R J");
  EXPECT_EQ(fold_to_ascii_upper("?!"), "");
}

TEST(LinkageTextFolding, DropsOtherScriptsAndInvalidBytes) {
  EXPECT_EQ(fold_to_ascii_upper("Ivan \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD"), "IVAN");
  EXPECT_EQ(fold_to_ascii_upper("Ann\xFF"
                                "e"),
            "ANNE");
}

TEST(LinkagePersonNameParser, SurnameCommaForenamesForm) {
  const ParsedName name = parse_person_name("", "", "SMITH, Robert James");
  EXPECT_EQ(name.forename, "ROBERT");
  EXPECT_EQ(name.middle_names, "JAMES");
  EXPECT_EQ(name.surname, "SMITH");
}

TEST(LinkagePersonNameParser, CommaFormKeepsAForenameThatWasEntered) {
  const ParsedName name = parse_person_name("Bob", "", "Smith, Robert");
  EXPECT_EQ(name.forename, "BOB");
  EXPECT_EQ(name.surname, "SMITH");
}

TEST(LinkagePersonNameParser, TitlesAndSuffixesAreRemoved) {
  const ParsedName name = parse_person_name("Mr Robert James", "Tom", "Smith Jnr");
  EXPECT_EQ(name.forename, "ROBERT");
  EXPECT_EQ(name.middle_names, "JAMES TOM");
  EXPECT_EQ(name.surname, "SMITH");
  EXPECT_EQ(parse_person_name("Dr. Jane", "", "Doe").forename, "JANE");
}

TEST(LinkagePersonNameParser, DoubleBarrelledSurnameKeepsBothParts) {
  EXPECT_EQ(parse_person_name("Anna", "", "Smith-Jones").surname, "SMITH JONES");
  EXPECT_EQ(parse_person_name("Anna", "", "Smith Jones").surname, "SMITH JONES");
}

TEST(LinkagePersonNameParser, BlankForenameStaysBlank) {
  const ParsedName name = parse_person_name("", "Helen", "Brown");
  EXPECT_EQ(name.forename, "");
  EXPECT_EQ(name.middle_names, "HELEN");
}

NicknameIndex sample_nicknames() {
  return NicknameIndex::from_pairs({{"bob", "robert"},
                                    {"robert", "bob"},
                                    {"bill", "william"},
                                    {"bill", "robert"},
                                    {"robert", "bill"},
                                    {"william", "bill"},
                                    {"peggy", "margaret"},
                                    {"al", "albert"},
                                    {"al", "alfred"}});
}

TEST(LinkageNicknameIndex, NicknamesAreEquivalentToTheirFormalNames) {
  const NicknameIndex index = sample_nicknames();
  EXPECT_TRUE(index.equivalent("BOB", "ROBERT"));
  EXPECT_TRUE(index.equivalent("BILL", "WILLIAM"));
  EXPECT_TRUE(index.equivalent("PEGGY", "MARGARET"));
  EXPECT_TRUE(index.equivalent("AL", "ALFRED"));
  EXPECT_FALSE(index.equivalent("PEGGY", "ROBERT"));
}

TEST(LinkageNicknameIndex, ManyToManyIsNotTransitive) {
  const NicknameIndex index = sample_nicknames();
  EXPECT_TRUE(index.equivalent("BILL", "ROBERT"));
  EXPECT_TRUE(index.equivalent("BILL", "WILLIAM"));
  // Reverse rows (robert,bill) must not make Robert and William the same name.
  EXPECT_FALSE(index.equivalent("ROBERT", "WILLIAM"));
  EXPECT_FALSE(index.equivalent("ALBERT", "ALFRED"));
}

TEST(LinkageNicknameIndex, CanonicalFormsIncludeTheNameItself) {
  const NicknameIndex index = NicknameIndex::from_pairs({{"Bob", "Robert"}, {"Bob", "Bobby"}});
  EXPECT_EQ(index.canonical_forms("BOB"), (std::vector<std::string>{"BOB", "BOBBY", "ROBERT"}));
  EXPECT_EQ(index.canonical_forms("ZBIGNIEW"), (std::vector<std::string>{"ZBIGNIEW"}));
  EXPECT_TRUE(index.canonical_forms("").empty());
}

TEST(LinkagePersonRecord, RowsFollowThePersonsFieldSpecOrder) {
  // person_ref, force_code, forename, middle_names, surname, dob, sex, ethnicity, disability,
  // address, postcode, pnc_id, cro_number
  const std::vector<std::vector<std::string>> rows = {
      {"WM-1", "WM", "Robert", "James", "Smith", "1985-04-03", "M", "W1", "N", "1 High St", "B15 2TT", "1985/0123456X",
       "123456/85X"},
      {"WM-2", "WM", "Bob"},
  };
  const std::vector<PersonRecord> records = person_records_from_rows(rows);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].person_ref, "WM-1");
  EXPECT_EQ(records[0].middle_names, "James");
  EXPECT_EQ(records[0].dob, "1985-04-03");
  EXPECT_EQ(records[0].postcode, "B15 2TT");
  EXPECT_EQ(records[0].pnc_id, "1985/0123456X");
  EXPECT_EQ(records[0].cro_number, "123456/85X");
  EXPECT_EQ(records[1].forename, "Bob");
  EXPECT_EQ(records[1].surname, "");
}

}  // namespace
}  // namespace rasso::linkage
