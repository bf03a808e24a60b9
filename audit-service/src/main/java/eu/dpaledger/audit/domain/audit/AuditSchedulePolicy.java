package eu.dpaledger.audit.domain.audit;

import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.time.LegalClock;
import eu.dpaledger.platform.time.OfficeHours;
import eu.dpaledger.platform.time.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Art. 9.1: at least 10 days' written notice, and the audit on working days of the processor within its
 * office hours, unless mandatory requirements dictate otherwise (the override lifts the working-day
 * and office-hours rules, never the notice).
 */
public final class AuditSchedulePolicy {

    public static final String NOTICE_TOO_SHORT = "audit-notice-too-short";
    public static final String NON_WORKING_DAY = "audit-on-non-working-day";
    public static final String OUTSIDE_OFFICE_HOURS = "audit-outside-office-hours";
    public static final String INVALID_PERIOD = "invalid-audit-period";
    public static final String NOTICE_IN_FUTURE = "notice-in-the-future";

    private AuditSchedulePolicy() {
    }

    /**
     * The moment the notice period has run (DPA art. 9.1: "at least 10 days"): ten full days after the day of
     * the notice, the notice's own day not counted and the period not extended (Reg. 1182/71 art. 3(1), 3(2)(b);
     * {@link LegalClock#AUDIT_NOTICE}). Notice on Monday 1 March at 10:00 → the days are 2–11 March → the audit
     * may start from 12 March 00:00, in the processor's zone.
     */
    public static Instant earliestStart(Instant noticeGivenAt, WorkingCalendar calendar) {
        return LegalClock.AUDIT_NOTICE.deadline(noticeGivenAt, calendar);
    }

    /** Refuses a schedule that breaks art. 9.1, naming the rule, the first allowed start and any holiday. */
    public static void check(Instant noticeGivenAt, Instant start, Instant end, boolean overridden, WorkingCalendar calendar,
                             Instant now) {
        if (noticeGivenAt == null) {
            throw required("noticeGivenAt");
        }
        if (start == null) {
            throw required("start");
        }
        if (end == null) {
            throw required("end");
        }
        if (noticeGivenAt.isAfter(now)) {
            throw DomainRejection.invalidField(NOTICE_IN_FUTURE, "Notice in the future", "noticeGivenAt",
                    "record the notice once it was given");
        }
        if (!end.isAfter(start)) {
            throw DomainRejection.invalidField(INVALID_PERIOD, "The audit ends before it starts", "end", "must be after start");
        }
        Instant earliest = earliestStart(noticeGivenAt, calendar);
        if (start.isBefore(earliest)) {
            throw rejection(NOTICE_TOO_SHORT, "Notice too short",
                    "DPA art. 9.1: at least 10 days' written notice; counted from the day after the notice (Reg. 1182/71 art. 3(1)), "
                            + "the audit may start from " + earliest + " at the earliest",
                    "start", firstAllowedStart(earliest, calendar), Map.of("earliestByNotice", earliest.toString()));
        }
        if (overridden) {
            return;
        }
        checkDay("start", start, calendar, earliest);
        checkDay("end", end, calendar, earliest);
        OfficeHours hours = calendar.officeHours();
        LocalTime startTime = start.atZone(calendar.zone()).toLocalTime();
        if (!hours.contains(startTime)) {
            throw rejection(OUTSIDE_OFFICE_HOURS, "Outside office hours",
                    "Art. 9.1: the audit starts within office hours (" + hours.start() + "–" + hours.end() + "), not at " + startTime,
                    "start", firstAllowedStart(max(start, earliest), calendar), Map.of());
        }
        LocalTime endTime = end.atZone(calendar.zone()).toLocalTime();
        if (endTime.isAfter(hours.end()) || !endTime.isAfter(hours.start())) {
            throw rejection(OUTSIDE_OFFICE_HOURS, "Outside office hours",
                    "Art. 9.1: the audit ends within office hours (" + hours.start() + "–" + hours.end() + "), not at " + endTime,
                    "end", firstAllowedStart(max(start, earliest), calendar), Map.of());
        }
    }

    /** The first instant at or after {@code from} on a working day within office hours. */
    public static Instant firstAllowedStart(Instant from, WorkingCalendar calendar) {
        return calendar.firstOfficeInstantOnOrAfter(from);
    }

    private static void checkDay(String field, Instant instant, WorkingCalendar calendar, Instant earliest) {
        LocalDate day = instant.atZone(calendar.zone()).toLocalDate();
        Optional<String> reason = calendar.nonWorkingReason(day);
        if (reason.isPresent()) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("date", day.toString());
            extra.put("reason", reason.get());
            calendar.holidayName(day).ifPresent(name -> extra.put("holiday", name));
            throw rejection(NON_WORKING_DAY, "Not a working day",
                    "Art. 9.1: audits take place on the processor's working days; " + day + " is not one (" + reason.get() + ")",
                    field, firstAllowedStart(max(instant, earliest), calendar), extra);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static DomainRejection rejection(String rule, String title, String detail, String field, Instant firstAllowed,
                                             Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>(extra);
        details.put("firstAllowedStart", firstAllowed.toString());
        details.put("violations", List.of(Map.of("field", field, "message", detail)));
        return new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, rule, title, detail, details);
    }

    static DomainRejection required(String field) {
        return CommonRejections.required(field);
    }
}
