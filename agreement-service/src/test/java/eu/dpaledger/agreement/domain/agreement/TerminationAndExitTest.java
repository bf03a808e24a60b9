package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.agreement.AgreementCommand.ConfirmDestruction;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.RecordDataReturn;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.Terminate;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementClosed;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementTerminated;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.DataReturned;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.DestructionConfirmed;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.AgreementSettings;
import eu.dpaledger.agreement.domain.content.PartyRole;
import eu.dpaledger.agreement.domain.content.SupervisoryAuthority;
import eu.dpaledger.platform.domain.DomainRejection.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.given;
import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.recordOf;
import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.replay;
import static eu.dpaledger.agreement.domain.agreement.SeedAgreement.*;
import static eu.dpaledger.agreement.domain.agreement.TerminationGround.ASSIGNMENT_ENDED;
import static eu.dpaledger.agreement.domain.agreement.TerminationGround.PROCESSOR_DEFAULT;
import static eu.dpaledger.agreement.domain.agreement.TerminationGround.SUBPROCESSOR_OBJECTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Termination (art. 11.1, 6.2) and the processor's exit steps (art. 11.2–11.4). */
class TerminationAndExitTest {

    private static final Instant NOW = TERMINATED;
    private static final String NOTICE = "AANGETEKEND-2026-014";
    private static final Instant DESTROYED = Instant.parse("2026-07-20T15:00:00Z");
    private static final Instant CONFIRMATION_RECORDED = Instant.parse("2026-07-21T09:00:00Z");

    // --- Terminate ---

    @Test
    void either_party_records_that_the_assignment_ended() {
        AgreementState state = given(active())
                .when(new Terminate(ASSIGNMENT_ENDED, NOW, null, false, processorStaff(), NOW))
                .then(new AgreementTerminated(ASSIGNMENT_ENDED, NOW, null, PartyRole.PROCESSOR, NOW));
        assertInstanceOf(AgreementState.Terminated.class, state);
        assertEquals(ASSIGNMENT_ENDED, recordOf(state).termination().ground());
    }

    @Test
    void controller_terminates_for_processor_default_with_the_notice_reference() {
        given(active())
                .when(new Terminate(PROCESSOR_DEFAULT, NOW, " " + NOTICE + " ", false, controllerStaff(), NOW))
                .then(new AgreementTerminated(PROCESSOR_DEFAULT, NOW, NOTICE, PartyRole.CONTROLLER, NOW));
    }

    @Test
    void processor_default_needs_notice_reference() {
        given(active())
                .when(new Terminate(PROCESSOR_DEFAULT, NOW, " ", false, controllerStaff(), NOW))
                .thenRejected(Kind.INVALID, "notice-of-default-required");
    }

    @Test
    void processor_cannot_terminate_for_its_own_default() {
        given(active())
                .when(new Terminate(PROCESSOR_DEFAULT, NOW, NOTICE, false, processorStaff(), NOW))
                .thenRejected(Kind.FORBIDDEN, "controller-only-ground");
    }

    @Test
    void subprocessor_objection_ground_needs_the_granted_termination_right() {
        given(active())
                .when(new Terminate(SUBPROCESSOR_OBJECTION, NOW, null, false, controllerStaff(), NOW))
                .thenRejected(Kind.UNPROCESSABLE, "no-subprocessor-termination-right");
        given(active())
                .when(new Terminate(SUBPROCESSOR_OBJECTION, NOW, null, true, controllerStaff(), NOW))
                .then(new AgreementTerminated(SUBPROCESSOR_OBJECTION, NOW, null, PartyRole.CONTROLLER, NOW));
    }

    @Test
    void processor_cannot_use_the_subprocessor_objection_ground() {
        given(active())
                .when(new Terminate(SUBPROCESSOR_OBJECTION, NOW, null, true, processorStaff(), NOW))
                .thenRejected(Kind.FORBIDDEN, "controller-only-ground");
    }

    @Test
    void termination_needs_a_ground_and_an_effective_time() {
        given(active()).when(new Terminate(ASSIGNMENT_ENDED, null, null, false, controllerStaff(), NOW))
                .thenRejected(Kind.INVALID, "field-required");
        given(active()).when(new Terminate(null, NOW, null, false, controllerStaff(), NOW))
                .thenRejected(Kind.INVALID, "field-required");
    }

    @Test
    void only_an_active_agreement_can_be_terminated() {
        given(draft()).when(new Terminate(ASSIGNMENT_ENDED, NOW, null, false, controllerStaff(), NOW))
                .thenRejected(Kind.STATE_CONFLICT, "agreement-not-active");
        given(terminated()).when(new Terminate(ASSIGNMENT_ENDED, NOW, null, false, controllerStaff(), NOW))
                .thenRejected(Kind.STATE_CONFLICT, "agreement-not-active");
    }

    @Test
    void an_auditor_cannot_terminate() {
        given(active()).when(new Terminate(ASSIGNMENT_ENDED, NOW, null, false, controllerAuditor(), NOW))
                .thenRejected(Kind.FORBIDDEN, "party-role-required");
    }

    // --- RecordDataReturn ---

    @Test
    void processor_records_the_data_return_and_the_confirmation_falls_due_after_the_setting_days() {
        AgreementState state = given(terminated())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256.toUpperCase(), DATA_DELIVERED, processorStaff(),
                        DATA_RETURN_RECORDED))
                .then(new DataReturned("text/csv", ARCHIVE_SHA256, DATA_DELIVERED,
                        DATA_DELIVERED.plus(Duration.ofDays(30)), DATA_RETURN_RECORDED));
        assertEquals(DATA_DELIVERED.plus(Duration.ofDays(30)), recordOf(state).destructionConfirmationDueAt());
    }

    @Test
    void the_due_date_follows_the_agreement_settings() {
        AgreementContent c = content();
        AgreementContent sevenDays = new AgreementContent(c.controller(), c.processor(), c.assignment(), c.purposes(),
                c.dataCategories(), c.applications(), c.securityMeasures(), c.processingLocations(), c.subprocessors(),
                new AgreementSettings(SupervisoryAuthority.VTC, "Europe/Brussels", 30, 7));
        List<AgreementEvent> history = List.of(
                new AgreementEvent.DraftCreated(ID, sevenDays, PartyRole.CONTROLLER, DRAFTED),
                new AgreementEvent.AgreementActivated("not-checked-by-evolve", PROCESSOR_SIGNS),
                assignmentEnded());
        DataReturned returned = (DataReturned) given(history)
                .when(new RecordDataReturn("application/json", ARCHIVE_SHA256, DATA_DELIVERED, processorStaff(),
                        DATA_RETURN_RECORDED))
                .thenAccepted().get(0);
        assertEquals(DATA_DELIVERED.plus(Duration.ofDays(7)), returned.destructionConfirmationDueAt());
    }

    @Test
    void only_the_processor_records_the_data_return() {
        given(terminated())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, DATA_DELIVERED, controllerStaff(),
                        DATA_RETURN_RECORDED))
                .thenRejected(Kind.FORBIDDEN, "only-processor");
    }

    @Test
    void data_return_needs_a_terminated_agreement() {
        given(active())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, DATA_DELIVERED, processorStaff(),
                        DATA_RETURN_RECORDED))
                .thenRejected(Kind.STATE_CONFLICT, "agreement-not-terminated");
    }

    @Test
    void data_return_is_recorded_once() {
        given(dataReturnedHistory())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, DATA_DELIVERED, processorStaff(),
                        DATA_RETURN_RECORDED))
                .thenRejected(Kind.STATE_CONFLICT, "data-already-returned");
    }

    @Test
    void data_return_digest_must_be_a_sha256() {
        given(terminated())
                .when(new RecordDataReturn("text/csv", "abc123", DATA_DELIVERED, processorStaff(),
                        DATA_RETURN_RECORDED))
                .thenRejected(Kind.INVALID, "invalid-sha256");
        given(terminated())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256.replace('a', 'g'), DATA_DELIVERED,
                        processorStaff(), DATA_RETURN_RECORDED))
                .thenRejected(Kind.INVALID, "invalid-sha256");
    }

    @Test
    void data_return_needs_its_format_and_delivery_time() {
        given(terminated())
                .when(new RecordDataReturn(" ", ARCHIVE_SHA256, DATA_DELIVERED, processorStaff(), DATA_RETURN_RECORDED))
                .thenRejected(Kind.INVALID, "field-required");
        given(terminated())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, null, processorStaff(), DATA_RETURN_RECORDED))
                .thenRejected(Kind.INVALID, "field-required");
    }

    @Test
    void data_delivered_in_the_future_is_refused_beyond_the_clock_skew_tolerance() {
        Instant withinTolerance = DATA_RETURN_RECORDED.plus(Duration.ofMinutes(1));
        given(terminated())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, withinTolerance, processorStaff(),
                        DATA_RETURN_RECORDED))
                .thenState();
        given(terminated())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, DATA_RETURN_RECORDED.plus(Duration.ofHours(1)),
                        processorStaff(), DATA_RETURN_RECORDED))
                .thenRejected(Kind.INVALID, "instant-in-the-future");
    }

    // --- the exit starts when the termination takes effect (DPA art. 11.2) ---

    private static final Instant EFFECTIVE = NOW.plus(Duration.ofDays(30));

    private static List<AgreementEvent> terminatedEffectiveInThirtyDays() {
        return append(active(), new AgreementTerminated(ASSIGNMENT_ENDED, EFFECTIVE, null, PartyRole.CONTROLLER, NOW));
    }

    @Test
    void data_return_before_the_termination_takes_effect_is_refused() {
        given(terminatedEffectiveInThirtyDays())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, NOW.plus(Duration.ofDays(1)), processorStaff(),
                        NOW.plus(Duration.ofDays(1))))
                .thenRejected(Kind.STATE_CONFLICT, "termination-not-yet-effective");
        given(terminatedEffectiveInThirtyDays())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, EFFECTIVE.minusSeconds(1), processorStaff(),
                        EFFECTIVE.minusSeconds(1)))
                .thenRejected(Kind.STATE_CONFLICT, "termination-not-yet-effective");
    }

    @Test
    void data_return_from_the_moment_the_termination_takes_effect_is_accepted() {
        given(terminatedEffectiveInThirtyDays())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, EFFECTIVE, processorStaff(), EFFECTIVE))
                .then(new DataReturned("text/csv", ARCHIVE_SHA256, EFFECTIVE, EFFECTIVE.plus(Duration.ofDays(30)),
                        EFFECTIVE));
    }

    @Test
    void data_return_dated_before_the_termination_took_effect_is_refused() {
        given(terminated())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, TERMINATED.minusSeconds(1), processorStaff(),
                        DATA_RETURN_RECORDED))
                .thenRejected(Kind.INVALID, "data-return-dated-before-termination");
        given(terminated())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, TERMINATED, processorStaff(), DATA_RETURN_RECORDED))
                .thenAccepted();
    }

    @Test
    void a_stream_with_an_early_data_return_still_cannot_close_before_the_termination_takes_effect() {
        // Streams written before this rule may hold a data return recorded before the termination took effect.
        List<AgreementEvent> early = append(terminatedEffectiveInThirtyDays(), new DataReturned("text/csv", ARCHIVE_SHA256,
                NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(31)), NOW.plus(Duration.ofDays(1))));
        given(early)
                .when(new ConfirmDestruction(NOW.plus(Duration.ofDays(2)), "Vernietigd", null, processorStaff(),
                        NOW.plus(Duration.ofDays(2))))
                .thenRejected(Kind.STATE_CONFLICT, "termination-not-yet-effective");
        given(early)
                .when(new ConfirmDestruction(EFFECTIVE, "Vernietigd", null, processorStaff(), EFFECTIVE))
                .thenAccepted();
    }

    // --- ConfirmDestruction ---

    @Test
    void destruction_confirmation_closes_the_agreement() {
        AgreementState state = given(dataReturnedHistory())
                .when(new ConfirmDestruction(DESTROYED, "Alle kopieën en back-ups vernietigd",
                        List.of("Facturatiegegevens (boekhoudwetgeving, 7 jaar)"), processorStaff(),
                        CONFIRMATION_RECORDED))
                .then(new DestructionConfirmed(DESTROYED, "Alle kopieën en back-ups vernietigd",
                                List.of("Facturatiegegevens (boekhoudwetgeving, 7 jaar)"), CONFIRMATION_RECORDED),
                        new AgreementClosed(CONFIRMATION_RECORDED));
        assertInstanceOf(AgreementState.Closed.class, state);
        AgreementRecord agreement = recordOf(state);
        assertEquals(AgreementStatus.CLOSED, agreement.status());
        assertEquals(CONFIRMATION_RECORDED, agreement.closedAt());
        assertTrue(agreement.openExitSteps(CONFIRMATION_RECORDED.plus(Duration.ofDays(400))).isEmpty());
    }

    @Test
    void destruction_before_data_return_is_refused() {
        given(terminated())
                .when(new ConfirmDestruction(DESTROYED, "Vernietigd", null, processorStaff(), CONFIRMATION_RECORDED))
                .thenRejected(Kind.STATE_CONFLICT, "destruction-before-data-return");
    }

    @Test
    void destruction_dated_before_the_hand_over_is_refused() {
        given(dataReturnedHistory())
                .when(new ConfirmDestruction(DATA_DELIVERED.minusSeconds(1), "Vernietigd", null, processorStaff(),
                        CONFIRMATION_RECORDED))
                .thenRejected(Kind.INVALID, "destruction-dated-before-data-return");
    }

    @Test
    void destruction_confirmed_in_the_future_is_refused() {
        given(dataReturnedHistory())
                .when(new ConfirmDestruction(CONFIRMATION_RECORDED.plus(Duration.ofDays(1)), "Vernietigd", null,
                        processorStaff(), CONFIRMATION_RECORDED))
                .thenRejected(Kind.INVALID, "instant-in-the-future");
    }

    @Test
    void destruction_confirmation_needs_the_statement_and_time() {
        given(dataReturnedHistory())
                .when(new ConfirmDestruction(DESTROYED, " ", null, processorStaff(), CONFIRMATION_RECORDED))
                .thenRejected(Kind.INVALID, "field-required");
        given(dataReturnedHistory())
                .when(new ConfirmDestruction(null, "Vernietigd", null, processorStaff(), CONFIRMATION_RECORDED))
                .thenRejected(Kind.INVALID, "field-required");
    }

    @Test
    void only_the_processor_confirms_destruction() {
        given(dataReturnedHistory())
                .when(new ConfirmDestruction(DESTROYED, "Vernietigd", null, controllerStaff(), CONFIRMATION_RECORDED))
                .thenRejected(Kind.FORBIDDEN, "only-processor");
    }

    @Test
    void nothing_more_to_confirm_once_closed() {
        List<AgreementEvent> closed = append(dataReturnedHistory(),
                new DestructionConfirmed(DESTROYED, "Vernietigd", List.of(), CONFIRMATION_RECORDED),
                new AgreementClosed(CONFIRMATION_RECORDED));
        given(closed)
                .when(new ConfirmDestruction(DESTROYED, "Vernietigd", null, processorStaff(), CONFIRMATION_RECORDED))
                .thenRejected(Kind.STATE_CONFLICT, "agreement-not-terminated");
    }

    @Test
    void an_outsider_cannot_see_a_terminated_agreement() {
        given(terminated())
                .when(new RecordDataReturn("text/csv", ARCHIVE_SHA256, DATA_DELIVERED, outsider(),
                        DATA_RETURN_RECORDED))
                .thenRejected(Kind.NOT_FOUND, "agreement-not-found");
    }

    // --- open exit steps ---

    @Test
    void after_termination_the_data_return_is_open_without_a_due_date() {
        AgreementRecord agreement = recordOf(replay(terminated()));
        assertEquals(List.of(new ExitStep(ExitStep.DATA_RETURN, null, false)),
                agreement.openExitSteps(NOW.plus(Duration.ofDays(90))));
    }

    @Test
    void exit_steps_open_only_once_the_termination_takes_effect() {
        Instant effective = NOW.plus(Duration.ofDays(30));
        AgreementRecord agreement = recordOf(replay(append(active(),
                new AgreementTerminated(ASSIGNMENT_ENDED, effective, null, PartyRole.CONTROLLER, NOW))));
        assertTrue(agreement.openExitSteps(NOW.plus(Duration.ofDays(29))).isEmpty());
        assertEquals(1, agreement.openExitSteps(effective).size());
    }

    @Test
    void after_the_data_return_the_destruction_confirmation_is_open_until_its_due_date() {
        AgreementRecord agreement = recordOf(replay(dataReturnedHistory()));
        Instant due = DATA_DELIVERED.plus(Duration.ofDays(30));
        assertEquals(List.of(new ExitStep(ExitStep.DESTRUCTION_CONFIRMATION, due, false)),
                agreement.openExitSteps(due));
    }

    @Test
    void destruction_confirmation_is_overdue_after_setting_days() {
        AgreementRecord agreement = recordOf(replay(dataReturnedHistory()));
        Instant due = DATA_DELIVERED.plus(Duration.ofDays(30));
        ExitStep step = agreement.openExitSteps(due.plusSeconds(1)).get(0);
        assertEquals(ExitStep.DESTRUCTION_CONFIRMATION, step.step());
        assertTrue(step.overdue());
        assertFalse(agreement.openExitSteps(due.minusSeconds(1)).get(0).overdue());
    }
}
