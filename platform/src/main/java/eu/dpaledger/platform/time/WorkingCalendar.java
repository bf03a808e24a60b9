package eu.dpaledger.platform.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An organisation's calendar in a zone, with two kinds of day. Immutable.
 * <ul>
 *   <li>A <em>working day</em> is a working day of Reg. 1182/71 art. 2(2): any day except Saturdays, Sundays and
 *       Belgian public holidays. Legal periods ({@link Periods}) count with these only, so an organisation's closing
 *       days never move the end of a period.</li>
 *   <li>An <em>open day</em> is a working day on which the organisation is not closed (its closing days, e.g. 11 July
 *       for a Flemish public body). Open days and office hours decide when an act may take place at the
 *       organisation's premises, such as an on-site audit (DPA art. 9.1).</li>
 * </ul>
 */
public final class WorkingCalendar {

    /**
     * Flemish public bodies are closed on the feast of the Flemish Community (Flemish staff regulations); it is no
     * public holiday, so it closes the organisation without moving any legal period.
     */
    public static final ClosingDay FLEMISH_COMMUNITY_DAY =
            ClosingDay.recurring("Day of the Flemish Community", MonthDay.of(7, 11));

    // guards against a calendar whose closing days leave no open day at all
    private static final int MAX_DAYS_WITHOUT_WORK = 366;

    private final ZoneId zone;
    private final OfficeHours officeHours;
    private final List<ClosingDay> closingDays;

    private WorkingCalendar(ZoneId zone, OfficeHours officeHours, List<ClosingDay> closingDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.officeHours = Objects.requireNonNull(officeHours, "officeHours");
        this.closingDays = List.copyOf(closingDays);
    }

    /** Belgian national public holidays only, default office hours. */
    public static WorkingCalendar belgium(ZoneId zone) {
        return new WorkingCalendar(zone, OfficeHours.DEFAULT, List.of());
    }

    /** Belgian national public holidays, closed on 11 July, default office hours. */
    public static WorkingCalendar flemishPublicBody(ZoneId zone) {
        return new WorkingCalendar(zone, OfficeHours.DEFAULT, List.of(FLEMISH_COMMUNITY_DAY));
    }

    /** A copy with {@code extra} closing days added to the ones this calendar already has. */
    public WorkingCalendar plusClosingDays(List<ClosingDay> extra) {
        List<ClosingDay> all = new ArrayList<>(closingDays);
        all.addAll(extra);
        return new WorkingCalendar(zone, officeHours, all);
    }

    /** A copy with other office hours. */
    public WorkingCalendar withOfficeHours(OfficeHours hours) {
        return new WorkingCalendar(zone, hours, closingDays);
    }

    public ZoneId zone() {
        return zone;
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    public List<ClosingDay> closingDays() {
        return closingDays;
    }

    /** The Belgian public holiday's name on {@code date}, whatever the weekday; closing days are no public holidays. */
    public Optional<String> holidayName(LocalDate date) {
        return BelgianPublicHolidays.nameOf(date);
    }

    /** The name of the organisation's closing day on {@code date}, whatever the weekday. */
    public Optional<String> closingDayName(LocalDate date) {
        return closingDays.stream().filter(c -> c.appliesTo(date)).map(ClosingDay::name).findFirst();
    }

    /**
     * Why {@code date} is not a working day of Reg. 1182/71 art. 2(2): the public holiday's name, else "Saturday" or
     * "Sunday"; empty on a working day. Closing days play no part.
     */
    public Optional<String> nonWorkingReason(LocalDate date) {
        Optional<String> holiday = holidayName(date);
        if (holiday.isPresent()) {
            return holiday;
        }
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY) {
            return Optional.of("Saturday");
        }
        if (day == DayOfWeek.SUNDAY) {
            return Optional.of("Sunday");
        }
        return Optional.empty();
    }

    /** A working day of Reg. 1182/71 art. 2(2): not a Saturday, Sunday or public holiday, whatever the closing days. */
    public boolean isWorkingDay(LocalDate date) {
        return nonWorkingReason(date).isEmpty();
    }

    /**
     * Why the organisation is closed on {@code date}: the public holiday's name, else the closing day's name, else
     * "Saturday" or "Sunday"; empty on an open day.
     */
    public Optional<String> closedReason(LocalDate date) {
        Optional<String> holiday = holidayName(date);
        if (holiday.isPresent()) {
            return holiday;
        }
        Optional<String> closing = closingDayName(date);
        return closing.isPresent() ? closing : nonWorkingReason(date);
    }

    /** A working day on which the organisation is not closed: a day for acts at its premises (DPA art. 9.1). */
    public boolean isOpen(LocalDate date) {
        return closedReason(date).isEmpty();
    }

    /** The first working day of Reg. 1182/71 on or after {@code date} (closing days do not count). */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        return firstOnOrAfter(date, this::isWorkingDay);
    }

    /** The first day on or after {@code date} on which the organisation is open. */
    public LocalDate nextOpenDayOnOrAfter(LocalDate date) {
        return firstOnOrAfter(date, this::isOpen);
    }

    private static LocalDate firstOnOrAfter(LocalDate date, Predicate<LocalDate> wanted) {
        LocalDate d = date;
        for (int i = 0; i <= MAX_DAYS_WITHOUT_WORK; i++, d = d.plusDays(1)) {
            if (wanted.test(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within a year after " + date);
    }

    /** The first instant of the day after {@code date} in this zone: the exclusive end of {@code date} (Reg. 1182/71 art. 3(2)(b)). */
    public Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The local date of {@code instant} in this zone. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** True when {@code instant} falls on an open day and within office hours, in this zone. */
    public boolean isWithinOfficeHours(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return isOpen(local.toLocalDate()) && officeHours.contains(local.toLocalTime());
    }

    /**
     * True when {@code [start, end)} lies within the office hours of one open day; {@code end} is exclusive, so an
     * interval may end exactly at closing time.
     */
    public boolean isWithinOfficeHours(Instant start, Instant end) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("interval ends before it starts: " + start + " - " + end);
        }
        if (!isWithinOfficeHours(start)) {
            return false;
        }
        ZonedDateTime localEnd = end.atZone(zone);
        return localEnd.toLocalDate().equals(dateOf(start)) && !localEnd.toLocalTime().isAfter(officeHours.end());
    }

    /** {@code instant} itself when within office hours, else the start of office hours on the next open day. */
    public Instant firstOfficeInstantOnOrAfter(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (isOpen(date) && local.toLocalTime().isBefore(officeHours.end())) {
            Instant opening = ZonedDateTime.of(date, officeHours.start(), zone).toInstant();
            return instant.isBefore(opening) ? opening : instant;
        }
        LocalDate next = nextOpenDayOnOrAfter(date.plusDays(1));
        return ZonedDateTime.of(next, officeHours.start(), zone).toInstant();
    }

    @Override
    public String toString() {
        return "WorkingCalendar[zone=" + zone + ", officeHours=" + officeHours + ", closingDays=" + closingDays + "]";
    }
}
