package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.ReportKind;
import eu.dpaledger.breach.domain.ReportRules;
import eu.dpaledger.breach.domain.Risk;
import eu.dpaledger.platform.domain.DomainRejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static eu.dpaledger.breach.domain.breach.BreachSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Serious attempts at unlawful processing or access (DPA art. 7.3, "ernstige pogingen"): reported and tracked on
 * the 24-hour clock like a breach, but no GDPR art. 33 clock or duty until the controller assesses one as a breach.
 */
class SeriousAttemptTest {

    static final Instant AWARE = t("2026-11-25T08:00:00Z");
    static final Instant RECEIVED = t("2026-11-25T12:00:00Z");
    static final Instant ASSESSED = t("2026-11-26T09:00:00Z");

    @Test
    void a_serious_attempt_runs_the_24_hour_clock_but_not_the_72_hour_one() {
        var reported = reported(attempt(AWARE), RECEIVED);
        assertEquals(t("2026-11-26T08:00:00Z"), reported.reportDueAt());
        BreachRecord attempt = given(reported).when(tick(RECEIVED.plusSeconds(80 * 3600))).then().orElseThrow();
        assertEquals(ReportKind.SERIOUS_ATTEMPT, attempt.kind());
        assertEquals("ATTEMPT_REPORTED", attempt.status());
        assertFalse(attempt.notificationOpen());
        assertFalse(attempt.notificationOverdue(RECEIVED.plusSeconds(80 * 3600)));
        assertEquals(List.of("ASSESSMENT"), attempt.openObligations());
    }

    @Test
    void a_serious_attempt_reported_after_24_hours_is_late_like_a_breach() {
        BreachRecord late = given().when(report(attempt(AWARE), t("2026-11-26T09:00:00Z"))).thenState().orElseThrow();
        assertTrue(late.late());
        assertEquals(3600, late.lateBySecondsOnReceipt());
    }

    @Test
    void a_report_that_names_no_kind_is_a_breach_with_its_72_hours() {
        BreachRecord breach = given().when(report(minimal(AWARE), RECEIVED)).thenState().orElseThrow();
        assertEquals(ReportKind.BREACH, breach.kind());
        assertTrue(breach.notificationOpen());
        assertEquals(List.of("ASSESSMENT", "AUTHORITY_NOTIFICATION"), breach.openObligations());
    }

    @Test
    void no_risk_assessment_notification_awareness_or_communication_for_an_attempt_not_assessed_as_breach() {
        var stream = given(reported(attempt(AWARE), RECEIVED));
        DomainRejection r = stream.when(new BreachCommand.Assess(Risk.RISK, "Portal accounts", CONTROLLER, ASSESSED))
                .thenRejected(DomainRejection.Kind.STATE_CONFLICT, BreachAggregate.ATTEMPT_NOT_ASSESSED_AS_BREACH);
        assertTrue(r.detail().contains("DPA art. 7.3"), r.detail());
        stream.when(notification(ASSESSED, null, null, ASSESSED)).thenRejected(BreachAggregate.ATTEMPT_NOT_ASSESSED_AS_BREACH);
        stream.when(informed(ASSESSED, ASSESSED)).thenRejected(BreachAggregate.ATTEMPT_NOT_ASSESSED_AS_BREACH);
        stream.when(new BreachCommand.SetControllerAwareness(ASSESSED, "Read late", CONTROLLER, ASSESSED))
                .thenRejected(BreachAggregate.ATTEMPT_NOT_ASSESSED_AS_BREACH);
    }

    @Test
    void the_controller_assessing_it_as_a_breach_starts_the_72_hours_from_then() {
        var stream = given(reported(attempt(AWARE), RECEIVED));
        var assessed = (BreachEvent.AttemptAssessed) stream.when(assessAttempt(true, null, ASSESSED)).thenAccepted().get(0);
        assertEquals(ASSESSED, assessed.controllerAwareAt());
        assertEquals(t("2026-11-29T09:00:00Z"), assessed.notificationDueAt());
        BreachRecord breach = stream.state().orElseThrow();
        assertEquals(ReportKind.BREACH, breach.kind());
        assertEquals("REPORTED", breach.status());
        assertEquals(List.of("ASSESSMENT", "AUTHORITY_NOTIFICATION"), breach.openObligations());
        stream.when(tick(t("2026-11-29T09:00:00Z")))
                .then(new BreachEvent.NotificationDeadlineMissed(t("2026-11-29T09:00:00Z"), t("2026-11-29T09:00:00Z")));
        stream.when(new BreachCommand.Assess(Risk.RISK, "Portal accounts taken over", CONTROLLER, ASSESSED)).thenAccepted();
    }

    @Test
    void the_controller_may_state_an_earlier_awareness_but_not_a_future_one() {
        var reported = reported(attempt(AWARE), RECEIVED);
        var earlier = (BreachEvent.AttemptAssessed) given(reported).when(assessAttempt(true, RECEIVED, ASSESSED)).thenAccepted().get(0);
        assertEquals(t("2026-11-28T12:00:00Z"), earlier.notificationDueAt());
        given(reported).when(assessAttempt(true, ASSESSED.plusSeconds(1), ASSESSED))
                .thenRejected(eu.dpaledger.platform.domain.CommonRejections.INSTANT_IN_THE_FUTURE);
    }

    @Test
    void an_attempt_only_is_documented_and_may_still_be_assessed_as_a_breach_later() {
        var stream = given(reported(attempt(AWARE), RECEIVED));
        stream.when(assessAttempt(false, null, ASSESSED))
                .then(new BreachEvent.AttemptAssessed(false, "The session reached the residents' files", null, null,
                        CONTROLLER.subject(), ASSESSED));
        BreachRecord documented = stream.when(tick(ASSESSED.plusSeconds(100 * 3600))).then().orElseThrow();
        assertEquals("ATTEMPT_DOCUMENTED", documented.status());
        assertEquals(List.of(), documented.openObligations());
        assertNull(documented.assessment());
        BreachRecord breach = stream.when(assessAttempt(true, null, ASSESSED.plusSeconds(3600))).thenState().orElseThrow();
        assertEquals("REPORTED", breach.status());
        stream.when(assessAttempt(false, null, ASSESSED.plusSeconds(7200))).thenRejected(BreachAggregate.NOT_A_SERIOUS_ATTEMPT);
    }

    @Test
    void only_the_controller_assesses_an_attempt_and_states_why() {
        var reported = reported(attempt(AWARE), RECEIVED);
        given(reported).when(new BreachCommand.AssessAttempt(true, null, "x", PROCESSOR, ASSESSED))
                .thenRejected(BreachAggregate.ONLY_CONTROLLER_DECIDES);
        given(reported).when(new BreachCommand.AssessAttempt(null, null, "x", CONTROLLER, ASSESSED))
                .thenRejected(ReportRules.FIELD_REQUIRED);
        given(reported).when(new BreachCommand.AssessAttempt(true, null, " ", CONTROLLER, ASSESSED))
                .thenRejected(BreachAggregate.JUSTIFICATION_REQUIRED);
    }

    @Test
    void a_breach_is_not_assessed_as_an_attempt() {
        given(reported(minimal(AWARE), RECEIVED)).when(assessAttempt(false, null, ASSESSED))
                .thenRejected(DomainRejection.Kind.STATE_CONFLICT, BreachAggregate.NOT_A_SERIOUS_ATTEMPT);
    }

    @Test
    void a_supplement_cannot_change_what_was_reported_but_may_repeat_it() {
        var stream = given(reported(attempt(AWARE), RECEIVED));
        var toBreach = new Annex2(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                ReportKind.BREACH);
        var r = stream.when(new BreachCommand.Supplement(toBreach, PROCESSOR, ASSESSED)).thenRejected(ReportRules.INCONSISTENT_REPORT);
        assertTrue(r.detail().startsWith("kind:"), r.detail());
        var same = new Annex2(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "Accounts locked, rate limiting", ReportKind.SERIOUS_ATTEMPT);
        var supplemented = (BreachEvent.BreachSupplemented) stream.when(new BreachCommand.Supplement(same, PROCESSOR, ASSESSED))
                .thenAccepted().get(0);
        assertEquals(List.of("measures"), supplemented.fields());
        given(reported(minimal(AWARE), RECEIVED)).when(new BreachCommand.Supplement(new Annex2(null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, ReportKind.SERIOUS_ATTEMPT), PROCESSOR, ASSESSED))
                .thenRejected(ReportRules.INCONSISTENT_REPORT);
    }
}
