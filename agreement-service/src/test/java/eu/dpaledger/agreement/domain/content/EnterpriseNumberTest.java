package eu.dpaledger.agreement.domain.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnterpriseNumberTest {

    @ParameterizedTest
    @CsvSource({
            "BE0207.511.803,  0207511803",
            "0207.511.803,    0207511803",
            "0207511803,      0207511803",
            "BE 0428 304 785, 0428304785",
            "be0428.304.785,  0428304785",
            "428.304.785,     0428304785",
    })
    void accepted_spellings_normalise_to_ten_digits(String typed, String digits) {
        assertEquals(digits, EnterpriseNumber.parse(typed).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0207511803", "0428304785", "0123456749", "0876543270", "0555555523"})
    void numbers_with_correct_mod97_check_digits_are_valid(String number) {
        assertTrue(EnterpriseNumber.isValid(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0207511804", "0428304786", "0123456700", "0555555597"})
    void enterprise_number_with_bad_check_digits_is_refused(String number) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnterpriseNumber.parse(number));
        assertTrue(e.getMessage().contains("check digits"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "BE", "02075118", "020751180345", "2207511803", "0207S11803", "NL0207511803"})
    void malformed_numbers_are_refused(String number) {
        assertFalse(EnterpriseNumber.isValid(number));
    }

    @Test
    void null_is_not_a_number() {
        assertFalse(EnterpriseNumber.tryParse(null).isPresent());
    }

    @Test
    void format_groups_the_digits_as_the_register_does() {
        assertEquals("0207.511.803", EnterpriseNumber.parse("0207511803").format());
        assertEquals("0428.304.785", EnterpriseNumber.parse("BE 0428 304 785").format());
    }

    @Test
    void check_digits_are_97_when_the_base_is_a_multiple_of_97() {
        // 00000097 mod 97 == 0, so the check digits are 97 - 0 = 97.
        assertTrue(EnterpriseNumber.isValid("0000009797"));
        assertFalse(EnterpriseNumber.isValid("0000009700"));
    }
}
