package eu.dpaledger.breach.domain;

import eu.dpaledger.platform.time.LegalClock;
import eu.dpaledger.platform.time.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The two breach clocks, pure hours (Reg. 1182/71 art. 3: periods in hours are not stretched by
 * weekends, holidays or daylight saving): the report 24 h after the processor became aware (art. 7.3),
 * the notification 72 h after the controller became aware (GDPR 33(1)).
 */
public final class BreachClocks {

    private BreachClocks() {
    }

    public static Instant reportDueAt(Instant processorAwareAt, ZoneId zone) {
        return LegalClock.BREACH_REPORT.deadline(processorAwareAt, WorkingCalendar.belgium(zone));
    }

    public static Instant notificationDueAt(Instant controllerAwareAt, ZoneId zone) {
        return LegalClock.AUTHORITY_NOTIFICATION.deadline(controllerAwareAt, WorkingCalendar.belgium(zone));
    }

    /** How late the report came, in seconds (0 when on time). */
    public static long lateBySeconds(Instant receivedAt, Instant dueAt) {
        return Math.max(0, Duration.between(dueAt, receivedAt).toSeconds());
    }
}
