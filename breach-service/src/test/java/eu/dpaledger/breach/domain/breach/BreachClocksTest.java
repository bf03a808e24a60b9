package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Risk;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static eu.dpaledger.breach.domain.breach.BreachSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 24-hour report and the 72-hour notification at their edges; pure hours (Reg. 1182/71). */
class BreachClocksTest {

    static final Instant AWARE = t("2026-11-25T08:00:00Z");

    @Test
    void a_report_23_hours_59_minutes_after_awareness_is_in_time() {
        var e = reported(minimal(AWARE), t("2026-11-26T07:59:00Z"));
        assertEquals(t("2026-11-26T08:00:00Z"), e.reportDueAt());
        assertEquals(0, e.lateBySeconds());
    }

    @Test
    void a_report_24_hours_1_minute_after_awareness_is_late_by_one_minute() {
        var e = reported(minimal(AWARE), t("2026-11-26T08:01:00Z"));
        assertEquals(60, e.lateBySeconds());
        assertTrue(given(e).when(tick(t("2026-11-26T08:02:00Z"))).thenState().orElseThrow().late());
    }

    @Test
    void the_end_of_summer_time_does_not_stretch_the_24_hours() {
        // Aware Saturday 24 October 2026 12:00 in Brussels (CEST, UTC+2); the clocks go back that night.
        Instant aware = t("2026-10-24T10:00:00Z");
        var e = reported(minimal(aware), t("2026-10-25T10:30:00Z"));
        // 24 elapsed hours: Sunday 11:00 CET (10:00 UTC), not 12:00 local.
        assertEquals(t("2026-10-25T10:00:00Z"), e.reportDueAt());
        assertEquals(1800, e.lateBySeconds());
    }

    @Test
    void the_start_of_summer_time_does_not_shorten_the_72_hours() {
        // Received Friday 26 March 2027 10:00 CET; on Sunday 28 March the clocks go forward.
        var e = reported(minimal(t("2027-03-26T09:00:00Z")), t("2027-03-26T09:00:00Z"));
        assertEquals(t("2027-03-29T09:00:00Z"), e.notificationDueAt(), "72 elapsed hours: Monday 11:00 CEST");
    }

    @Test
    void the_72_hours_run_from_receipt_unless_the_controller_justifies_another_moment() {
        var e = reported(minimal(AWARE), t("2026-11-25T10:00:00Z"));
        assertEquals(t("2026-11-28T10:00:00Z"), e.notificationDueAt());
        given(e).when(new BreachCommand.SetControllerAwareness(t("2026-11-26T09:00:00Z"), " ", CONTROLLER, t("2026-11-26T10:00:00Z")))
                .thenRejected(BreachAggregate.JUSTIFICATION_REQUIRED);
        var later = given(e).when(new BreachCommand.SetControllerAwareness(t("2026-11-26T09:00:00Z"),
                "The report reached a closed mailbox; the DPO read it the next morning", CONTROLLER, t("2026-11-26T10:00:00Z")))
                .thenState().orElseThrow();
        assertEquals(t("2026-11-29T09:00:00Z"), later.notificationDueAt());
    }

    @Test
    void the_scheduler_warns_once_before_and_records_once_when_the_72_hours_pass() {
        var e = reported(minimal(AWARE), t("2026-11-25T10:00:00Z"));
        given(e).when(tick(t("2026-11-27T21:00:00Z"))).then();
        var warned = new BreachEvent.NotificationDeadlineApproaching(t("2026-11-28T10:00:00Z"), t("2026-11-27T22:00:00Z"));
        given(e).when(tick(t("2026-11-27T22:00:00Z"))).then(warned);
        given(e, warned).when(tick(t("2026-11-27T23:00:00Z"))).then();
        var missed = new BreachEvent.NotificationDeadlineMissed(t("2026-11-28T10:00:00Z"), t("2026-11-28T10:00:00Z"));
        given(e, warned).when(tick(t("2026-11-28T10:00:00Z"))).then(missed);
        given(e, warned, missed).when(tick(t("2026-11-29T10:00:00Z"))).then();
    }

    @Test
    void no_deadline_events_once_notified_or_assessed_as_unlikely_to_result_in_a_risk() {
        var e = reported(minimal(AWARE), t("2026-11-25T10:00:00Z"));
        var notified = new BreachEvent.AuthorityNotified("VTC", t("2026-11-26T10:00:00Z"), "VTC-1", BreachCommand.Phase.INITIAL,
                null, false, CONTROLLER.subject(), t("2026-11-26T10:00:00Z"));
        given(e, notified).when(tick(t("2026-11-28T11:00:00Z"))).then();
        var unlikely = new BreachEvent.RiskAssessed(Risk.UNLIKELY, "Encrypted, key safe", "LOW", 0.5, Risk.UNLIKELY,
                CONTROLLER.subject(), t("2026-11-26T10:00:00Z"), false);
        BreachRecord documented = given(e, unlikely).when(tick(t("2026-11-28T11:00:00Z"))).thenState().orElseThrow();
        assertFalse(documented.notificationOverdue(t("2026-11-28T11:00:00Z")));
        assertEquals("DOCUMENTED", documented.status());
    }
}
