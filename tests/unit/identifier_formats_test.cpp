#include "core/identifier_formats.h"

#include <gtest/gtest.h>

namespace rasso {
namespace {

TEST(PncId, ShapeAcceptsLongAndShortYears) {
  EXPECT_TRUE(is_pnc_id_shape("2001/0123456A"));
  EXPECT_TRUE(is_pnc_id_shape("01/0123456A"));
  EXPECT_FALSE(is_pnc_id_shape("2001/123456A"));   // serial too short
  EXPECT_FALSE(is_pnc_id_shape("2001-0123456A"));  // wrong separator
  EXPECT_FALSE(is_pnc_id_shape("2001/01234567"));  // no check letter
  EXPECT_FALSE(is_pnc_id_shape("201/0123456A"));
}

TEST(PncId, CheckCharacterIsModulo23) {
  // 01 * 10^7 + 123456 = 10123456; 10123456 mod 23 = 6 -> 'F'.
  EXPECT_EQ(pnc_check_character(2001, 123456), 'F');
  EXPECT_TRUE(pnc_id_check_character_valid("2001/0123456F"));
  EXPECT_FALSE(pnc_id_check_character_valid("2001/0123456G"));
  EXPECT_FALSE(pnc_id_check_character_valid("not a pnc"));
}

TEST(CroNumber, Shape) {
  EXPECT_TRUE(is_cro_number_shape("123456/85X"));
  EXPECT_TRUE(is_cro_number_shape("1/01A"));
  EXPECT_FALSE(is_cro_number_shape("1234567/85X"));
  EXPECT_FALSE(is_cro_number_shape("123456/8X"));
}

TEST(Postcode, Normalises) {
  EXPECT_EQ(normalise_postcode("b15  2tt"), "B15 2TT");
  EXPECT_EQ(normalise_postcode(" M1 "), "M1");
  EXPECT_EQ(normalise_postcode("4011"), "4011");
  EXPECT_FALSE(normalise_postcode("B15-2TT"));
  EXPECT_FALSE(normalise_postcode("B1 5 2TT"));
  EXPECT_FALSE(normalise_postcode("ABCDE12345"));
  EXPECT_FALSE(normalise_postcode(""));
}

TEST(Identifier, Shape) {
  EXPECT_TRUE(is_identifier_shape("WD-C-000001"));
  EXPECT_TRUE(is_identifier_shape("rec-1.2/3_x"));
  EXPECT_FALSE(is_identifier_shape(""));
  EXPECT_FALSE(is_identifier_shape("has space"));
  EXPECT_FALSE(is_identifier_shape(std::string(65, 'a')));
}

}  // namespace
}  // namespace rasso
