package eu.dpaledger.platform.time;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private static final Map<String, String> NATIONAL = ordered(
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

    /**
     * The national public holidays of {@code year}, date to English name, in date order: ten, or nine dates when two
     * fall on one day (1 May 2008 is "Labour Day and Ascension Day").
     */
    public static Map<LocalDate, String> of(int year) {
        return BY_YEAR.computeIfAbsent(year, BelgianPublicHolidays::load);
    }

    /** The English name of the national public holiday on {@code date}, if it is one. */
    public static Optional<String> nameOf(LocalDate date) {
        return Optional.ofNullable(of(date.getYear()).get(date));
    }

    private static Map<String, String> ordered(String... keysAndNames) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            map.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    // synchronized: jollyday's manager is not documented as thread-safe
    private static synchronized Map<LocalDate, String> load(int year) {
        if (manager == null) {
            manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.BELGIUM));
        }
        Map<String, LocalDate> found = new HashMap<>();
        for (Holiday h : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)) {
            if (NATIONAL.containsKey(h.getPropertiesKey())) {
                found.put(h.getPropertiesKey(), h.getDate());
            }
        }
        // fail loudly if a jollyday upgrade renames or drops a holiday rather than silently counting it as a working day;
        // count the holidays, not their dates: Ascension Day falls on Labour Day when Easter is on 23 March (2008, 2160)
        if (!found.keySet().equals(NATIONAL.keySet())) {
            throw new IllegalStateException("expected the " + NATIONAL.size() + " Belgian public holidays " + NATIONAL.keySet()
                    + " in " + year + " from jollyday, got " + found);
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        NATIONAL.forEach((key, name) -> holidays.merge(found.get(key), name, (first, second) -> first + " and " + second));
        return Collections.unmodifiableMap(holidays);
    }
}
