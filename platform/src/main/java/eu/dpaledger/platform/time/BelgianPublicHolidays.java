package eu.dpaledger.platform.time;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The ten Belgian national public holidays (Law of 4 January 1974), dates computed by jollyday, names in English. */
public final class BelgianPublicHolidays {

    /*
     * Whitelist by jollyday key, with our English names. Jollyday's Belgian calendar also holds
     * Easter Sunday and Whit Sunday (always Sundays) and the observances All Souls (2 Nov),
     * King's Feast (15 Nov) and New Year's Eve (31 Dec), which are ordinary working days.
     */
    private static final Map<String, String> NATIONAL = Map.of(
            "NEW_YEAR", "New Year's Day",
            "christian.EASTER_MONDAY", "Easter Monday",
            "LABOUR_DAY", "Labour Day",
            "christian.ASCENSION_DAY", "Ascension Day",
            "christian.PENTECOST_MONDAY", "Whit Monday",
            "NATIONAL_DAY", "National Day",
            "ASSUMPTION_DAY", "Assumption Day",
            "ALL_SAINTS", "All Saints' Day",
            "ARMISTICE", "Armistice Day",
            "CHRISTMAS", "Christmas Day");

    private static final Map<Integer, Map<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

    private static HolidayManager manager;

    private BelgianPublicHolidays() {
    }

    /** The national public holidays of {@code year}, date to English name, in date order. */
    public static Map<LocalDate, String> of(int year) {
        return BY_YEAR.computeIfAbsent(year, BelgianPublicHolidays::load);
    }

    /** The English name of the national public holiday on {@code date}, if it is one. */
    public static Optional<String> nameOf(LocalDate date) {
        return Optional.ofNullable(of(date.getYear()).get(date));
    }

    // synchronized: jollyday's manager is not documented as thread-safe
    private static synchronized Map<LocalDate, String> load(int year) {
        if (manager == null) {
            manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.BELGIUM));
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        for (Holiday h : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)) {
            String name = NATIONAL.get(h.getPropertiesKey());
            if (name != null) {
                holidays.put(h.getDate(), name);
            }
        }
        // fail loudly if a jollyday upgrade renames or drops a holiday rather than silently counting it as a working day
        if (holidays.size() != NATIONAL.size()) {
            throw new IllegalStateException("expected " + NATIONAL.size() + " Belgian public holidays in " + year
                    + " from jollyday, got " + holidays);
        }
        return Collections.unmodifiableMap(holidays);
    }
}
