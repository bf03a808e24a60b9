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

/**
 * An organisation's working days and office hours in its zone: Monday–Friday except Belgian public holidays and the
 * organisation's closing days (the "working days" of Reg. 1182/71 art. 2(2)). Immutable.
 */
public final class WorkingCalendar {

    /** Flemish public bodies are closed on the feast of the Flemish Community (Flemish staff regulations). */
    public static final ClosingDay FLEMISH_COMMUNITY_DAY =
            ClosingDay.recurring("Day of the Flemish Community", MonthDay.of(7, 11));

    // guards against a calendar whose closing days leave no working day at all
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

    /** Belgian national public holidays plus 11 July, default office hours. */
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

    /** The public holiday's or closing day's name on {@code date}, whatever the weekday. */
    public Optional<String> holidayName(LocalDate date) {
        Optional<String> publicHoliday = BelgianPublicHolidays.nameOf(date);
        if (publicHoliday.isPresent()) {
            return publicHoliday;
        }
        return closingDays.stream().filter(c -> c.appliesTo(date)).map(ClosingDay::name).findFirst();
    }

    /**
     * Why {@code date} is not a working day: the holiday or closing-day name, else "Saturday" or "Sunday";
     * empty on a working day.
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

    public boolean isWorkingDay(LocalDate date) {
        return nonWorkingReason(date).isEmpty();
    }

    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        for (int i = 0; i <= MAX_DAYS_WITHOUT_WORK; i++, d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
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

    /** True when {@code instant} falls on a working day and within office hours, in this zone. */
    public boolean isWithinOfficeHours(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return isWorkingDay(local.toLocalDate()) && officeHours.contains(local.toLocalTime());
    }

    /**
     * True when {@code [start, end)} lies within the office hours of one working day; {@code end} is exclusive, so an
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

    /** {@code instant} itself when within office hours, else the start of office hours on the next working day. */
    public Instant firstOfficeInstantOnOrAfter(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (isWorkingDay(date) && local.toLocalTime().isBefore(officeHours.end())) {
            Instant opening = ZonedDateTime.of(date, officeHours.start(), zone).toInstant();
            return instant.isBefore(opening) ? opening : instant;
        }
        LocalDate next = nextWorkingDayOnOrAfter(date.plusDays(1));
        return ZonedDateTime.of(next, officeHours.start(), zone).toInstant();
    }

    @Override
    public String toString() {
        return "WorkingCalendar[zone=" + zone + ", officeHours=" + officeHours + ", closingDays=" + closingDays + "]";
    }
}
