package eu.dpaledger.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BelgianPublicHolidaysTest {

    @ParameterizedTest(name = "{0}: Easter Monday {1}, Ascension {2}, Whit Monday {3}")
    @CsvSource({
        "2024, 2024-04-01, 2024-05-09, 2024-05-20",
        "2025, 2025-04-21, 2025-05-29, 2025-06-09",
        "2026, 2026-04-06, 2026-05-14, 2026-05-25",
        "2027, 2027-03-29, 2027-05-06, 2027-05-17",
        "2028, 2028-04-17, 2028-05-25, 2028-06-05",
        "2029, 2029-04-02, 2029-05-10, 2029-05-21",
        "2030, 2030-04-22, 2030-05-30, 2030-06-10",
    })
    void easterBasedHolidaysAreComputedPerYear(int year, LocalDate easterMonday, LocalDate ascension, LocalDate whitMonday) {
        var holidays = BelgianPublicHolidays.of(year);
        assertEquals("Easter Monday", holidays.get(easterMonday));
        assertEquals("Ascension Day", holidays.get(ascension));
        assertEquals("Whit Monday", holidays.get(whitMonday));
    }

    static Stream<Arguments> fixedHolidays() {
        String[][] fixed = {
            {"--01-01", "New Year's Day"}, {"--05-01", "Labour Day"}, {"--07-21", "National Day"},
            {"--08-15", "Assumption Day"}, {"--11-01", "All Saints' Day"}, {"--11-11", "Armistice Day"},
            {"--12-25", "Christmas Day"},
        };
        return IntStream.rangeClosed(2024, 2030).boxed().flatMap(year -> Stream.of(fixed)
                .map(f -> Arguments.of(MonthDay.parse(f[0]).atYear(year), f[1])));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("fixedHolidays")
    void everyFixedHolidayIsAPublicHolidayEveryYear(LocalDate date, String name) {
        assertEquals(Optional.of(name), BelgianPublicHolidays.nameOf(date));
    }

    @ParameterizedTest(name = "{0} has exactly ten national public holidays")
    @ValueSource(ints = {2024, 2025, 2026, 2027, 2028, 2029, 2030})
    void eachYearHasExactlyTenNationalPublicHolidays(int year) {
        var holidays = BelgianPublicHolidays.of(year);
        assertEquals(10, holidays.size(), holidays::toString);
        assertTrue(holidays.keySet().stream().allMatch(d -> d.getYear() == year));
    }

    @ParameterizedTest(name = "{0} ({1}) is not a public holiday")
    @CsvSource({
        "2025-04-20, Easter Sunday",
        "2026-05-24, Whit Sunday",
        "2025-04-18, Good Friday",
        "2026-11-02, All Souls (jollyday observance)",
        "2029-11-15, King's Feast (jollyday observance)",
        "2025-12-31, New Year's Eve (jollyday observance)",
        "2025-12-26, Boxing Day",
        "2025-07-11, Day of the Flemish Community (not national)",
        "2025-09-27, Day of the French Community (not national)",
    })
    void daysOutsideTheNationalListAreNotPublicHolidays(LocalDate date, String what) {
        assertEquals(Optional.empty(), BelgianPublicHolidays.nameOf(date));
    }

    @Test
    void ascension_on_labour_day_2008_is_one_date_with_both_names_not_a_failure() {
        // Easter on 23 March 2008: Ascension Day (Easter + 39) is 1 May; the next time is 2160.
        var holidays = BelgianPublicHolidays.of(2008);
        assertEquals(9, holidays.size(), holidays::toString);
        assertEquals(Optional.of("Labour Day and Ascension Day"), BelgianPublicHolidays.nameOf(LocalDate.of(2008, 5, 1)));
        assertEquals(Optional.of("Whit Monday"), BelgianPublicHolidays.nameOf(LocalDate.of(2008, 5, 12)));
    }

    @Test
    void in_2036_ascension_is_22_may_so_the_year_keeps_ten_dates() {
        // Easter on 13 April 2036: Ascension Day is 22 May, not 1 May.
        assertEquals(Optional.of("Ascension Day"), BelgianPublicHolidays.nameOf(LocalDate.of(2036, 5, 22)));
        assertEquals(Optional.of("Labour Day"), BelgianPublicHolidays.nameOf(LocalDate.of(2036, 5, 1)));
        assertEquals(10, BelgianPublicHolidays.of(2036).size());
    }
}
