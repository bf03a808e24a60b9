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
 * and office-hours rules, never the notice). An audit over several days is a session per day, each within
 * the office hours of a day the processor is open.
 */
public final class AuditSchedulePolicy {

    public static final String NOTICE_TOO_SHORT = "audit-notice-too-short";
    public static final String NON_WORKING_DAY = "audit-on-non-working-day";
    public static final String OUTSIDE_OFFICE_HOURS = "audit-outside-office-hours";
    public static final String INVALID_PERIOD = "invalid-audit-period";
    public static final String NOTICE_IN_FUTURE = "notice-in-the-future";
    public static final String RESCHEDULE_WITHOUT_NEW_NOTICE = "reschedule-without-new-notice";

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
        checkEveryDay(start, end, calendar, earliest);
        OfficeHours hours = calendar.officeHours();
        LocalTime startTime = start.atZone(calendar.zone()).toLocalTime();
        if (!hours.contains(startTime)) {
            throw rejection(OUTSIDE_OFFICE_HOURS, "Outside office hours",
                    "DPA art. 9.1: the audit starts within office hours (" + hours.start() + "–" + hours.end() + "), not at " + startTime,
                    "start", firstAllowedStart(max(start, earliest), calendar), Map.of());
        }
        LocalTime endTime = end.atZone(calendar.zone()).toLocalTime();
        if (endTime.isAfter(hours.end()) || !endTime.isAfter(hours.start())) {
            throw rejection(OUTSIDE_OFFICE_HOURS, "Outside office hours",
                    "DPA art. 9.1: the audit ends within office hours (" + hours.start() + "–" + hours.end() + "), not at " + endTime,
                    "end", firstAllowedStart(max(start, earliest), calendar), Map.of());
        }
    }

    /**
     * DPA art. 9.1: moved dates need their own written notice, given when the move is communicated, so after the
     * notice it replaces and not before the schedule it changes was recorded; the old notice never carries over (the
     * 10 days are then counted from the new notice by {@link #check}).
     */
    public static void checkNewNotice(Instant noticeGivenAt, Instant previousNotice, Instant previousScheduleRecordedAt,
                                      WorkingCalendar calendar, Instant now) {
        if (noticeGivenAt == null) {
            throw required("noticeGivenAt");
        }
        // The schedule being moved was recorded no earlier than its own notice, so this bound covers both.
        Instant bound = max(previousNotice, previousScheduleRecordedAt);
        if (!noticeGivenAt.isAfter(previousNotice) || noticeGivenAt.isBefore(bound)) {
            String detail = "DPA art. 9.1: moved dates need at least 10 days' written notice of the new start, given when the move is "
                    + "communicated (not before " + bound + "); the notice of " + previousNotice + " does not carry over";
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("previousNoticeGivenAt", previousNotice.toString());
            extra.put("earliestByNotice", earliestStart(now, calendar).toString());
            throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, RESCHEDULE_WITHOUT_NEW_NOTICE, "No new notice for the new dates",
                    detail, withViolation(extra, firstAllowedStart(earliestStart(now, calendar), calendar), "noticeGivenAt", detail));
        }
    }

    /** The first instant at or after {@code from} on a day the processor is open, within office hours. */
    public static Instant firstAllowedStart(Instant from, WorkingCalendar calendar) {
        return calendar.firstOfficeInstantOnOrAfter(from);
    }

    /**
     * DPA art. 9.1: the audit runs in sessions within office hours, one per day: the first day from its start to
     * closing time, the days between as whole office days, the last day from opening time to its end. Every day from
     * the start's date to the end's date must therefore be a day the processor is open: a working day (not a Saturday,
     * Sunday or public holiday) that is not one of its closing days. The first day that is not is refused.
     */
    private static void checkEveryDay(Instant start, Instant end, WorkingCalendar calendar, Instant earliest) {
        LocalDate first = calendar.dateOf(start);
        LocalDate last = calendar.dateOf(end);
        // Any seven days hold a Saturday, so this loop ends within a week of the start, however far the end lies.
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Optional<String> reason = calendar.closedReason(day);
            if (reason.isEmpty()) {
                continue;
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("date", day.toString());
            extra.put("reason", reason.get());
            LocalDate closed = day;
            calendar.holidayName(day).or(() -> calendar.closingDayName(closed)).ifPresent(name -> extra.put("holiday", name));
            String field = day.equals(first) ? "start" : "end";
            String detail = "DPA art. 9.1: audits take place on the processor's working days; " + day + " is not one (" + reason.get() + ")";
            if (!first.equals(last)) {
                detail += ", and every day of an audit from " + first + " to " + last + " must be";
            }
            Instant from = day.equals(first) ? start : day.atStartOfDay(calendar.zone()).toInstant();
            throw rejection(NON_WORKING_DAY, "Not a working day", detail, field, firstAllowedStart(max(from, earliest), calendar), extra);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static DomainRejection rejection(String rule, String title, String detail, String field, Instant firstAllowed,
                                             Map<String, Object> extra) {
        return new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, rule, title, detail, withViolation(extra, firstAllowed, field, detail));
    }

    private static Map<String, Object> withViolation(Map<String, Object> extra, Instant firstAllowed, String field, String detail) {
        Map<String, Object> details = new LinkedHashMap<>(extra);
        details.put("firstAllowedStart", firstAllowed.toString());
        details.put("violations", List.of(Map.of("field", field, "message", detail)));
        return details;
    }

    static DomainRejection required(String field) {
        return CommonRejections.required(field);
    }
}
