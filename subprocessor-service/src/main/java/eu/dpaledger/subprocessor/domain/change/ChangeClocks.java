package eu.dpaledger.subprocessor.domain.change;

import eu.dpaledger.platform.time.LegalClock;
import eu.dpaledger.platform.time.Periods;
import eu.dpaledger.platform.time.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The two clocks of a change, counted on the Belgian calendar in the agreement's time zone (Reg. 1182/71). */
public final class ChangeClocks {

    private ChangeClocks() {
    }

    /**
     * Art. 6.1: the controller may object within the agreement's {@code subprocessorObjectionDays}, counted
     * in days from the notice (the notice's own day not counted, a last day off work moved to the next
     * working day). Returns the exclusive end: the first instant after the window's last day.
     */
    public static Instant objectionWindowEndsAt(Instant announcedAt, int objectionDays, ZoneId zone) {
        return Periods.deadline(LegalClock.agreementDays(objectionDays), announcedAt, WorkingCalendar.belgium(zone));
    }

    /** Art. 6.2: the last day of the 3-month negotiation after the processor received the objection. */
    public static LocalDate negotiationEndsOn(Instant objectionReceivedAt, ZoneId zone) {
        WorkingCalendar calendar = WorkingCalendar.belgium(zone);
        return Periods.lastDay(LegalClock.SUBPROCESSOR_NEGOTIATION.rule(), calendar.dateOf(objectionReceivedAt), calendar);
    }

    /** Art. 6.2: from this instant, if still unresolved, the controller may terminate. */
    public static Instant terminationRightFrom(Instant objectionReceivedAt, ZoneId zone) {
        return LegalClock.SUBPROCESSOR_NEGOTIATION.deadline(objectionReceivedAt, WorkingCalendar.belgium(zone));
    }

    /** The calendar date of an instant in the agreement's zone. */
    public static LocalDate dateOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
