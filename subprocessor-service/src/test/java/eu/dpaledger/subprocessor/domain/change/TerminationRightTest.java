package eu.dpaledger.subprocessor.domain.change;

import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.TransferMechanism;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand.AlternativeOutcome;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.TerminationRightGranted;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.TerminationRightLapsed;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static eu.dpaledger.subprocessor.domain.ChangeRejections.ALTERNATIVE_MUST_AVOID_OBJECTED;
import static eu.dpaledger.subprocessor.domain.change.ChangeSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DPA art. 6.2 after an objection: an alternative must avoid the objected sub-processor (S1), and the
 * termination right lapses, once, when its ground goes (S2). Cloudflare is announced on 20 August 2026 and
 * objected to on 31 August 2026 10:00 UTC; the right arises at 30 November 2026 23:00 UTC (1 December, Brussels).
 */
class TerminationRightTest {

    static final Instant OBJECTED_AT = t("2026-08-31T10:00:00Z");
    static final Instant RIGHT_FROM = t("2026-11-30T23:00:00Z");
    static final ChangeEvent ANNOUNCED = announcedAdd(CLOUDFLARE, d("2026-10-01"), t("2026-08-20T08:00:00Z"));
    static final ChangeEvent OBJECTED = objected(OBJECTED_AT);
    static final ChangeEvent GRANTED = new TerminationRightGranted(AGREEMENT, SubprocessorChangeAggregate.TERMINATION_GROUND,
            OBJECTED_AT, RIGHT_FROM, RIGHT_FROM);
    static final SubprocessorDetails BUNNY = new SubprocessorDetails("Bunny.net", "Ljubljana", "SI", null);
    static final Instant SUPERSEDED_AT = t("2026-10-15T09:00:00Z");
    static final ChangeEvent SUPERSEDED = new ChangeEvent.ChangeSuperseded("chg-2", PROCESSOR.subject(), SUPERSEDED_AT);

    // ------------------------------------------------------------------ S1: the alternative avoids the sub-processor

    @Test
    void an_alternative_to_an_objected_change_that_names_the_same_subprocessor_is_refused_whatever_the_spelling() {
        var again = new SubprocessorDetails("  cloudflare,   INC. ", "San Francisco", "US", TransferMechanism.ADEQUACY_DECISION);
        given(ANNOUNCED, OBJECTED).when(alternative(ChangeKind.ADD, again, SUPERSEDED_AT))
                .thenRejected(DomainRejection.Kind.UNPROCESSABLE, ALTERNATIVE_MUST_AVOID_OBJECTED);
    }

    @Test
    void an_alternative_that_replaces_an_engaged_subprocessor_by_the_objected_one_is_refused() {
        given(ANNOUNCED, OBJECTED).when(alternative(ChangeKind.REPLACE, CLOUDFLARE, SUPERSEDED_AT))
                .thenRejected(DomainRejection.Kind.UNPROCESSABLE, ALTERNATIVE_MUST_AVOID_OBJECTED);
    }

    @Test
    void the_refusal_names_the_article_and_the_objected_subprocessor() {
        DomainRejection refused = given(ANNOUNCED, OBJECTED).when(alternative(ChangeKind.ADD, CLOUDFLARE, SUPERSEDED_AT))
                .thenRejected(ALTERNATIVE_MUST_AVOID_OBJECTED);
        org.junit.jupiter.api.Assertions.assertTrue(refused.detail().contains("DPA art. 6.2"), refused.detail());
        org.junit.jupiter.api.Assertions.assertTrue(refused.detail().contains("Cloudflare, Inc."), refused.detail());
    }

    @Test
    void an_alternative_that_avoids_the_objected_subprocessor_supersedes_the_change() {
        given(ANNOUNCED, OBJECTED).when(alternative(ChangeKind.ADD, BUNNY, SUPERSEDED_AT)).then(SUPERSEDED);
    }

    @Test
    void another_legal_entity_of_the_same_group_is_another_subprocessor() {
        // Project rule: sub-processors are compared by name key, as the registry does; another entity is another name.
        var sameGroup = new SubprocessorDetails("Cloudflare Germany GmbH", "München", "DE", null);
        given(ANNOUNCED, OBJECTED).when(alternative(ChangeKind.ADD, sameGroup, SUPERSEDED_AT)).then(SUPERSEDED);
    }

    @Test
    void an_alternative_that_removes_a_subprocessor_avoids_the_objected_one() {
        given(ANNOUNCED, OBJECTED).when(alternative(ChangeKind.REMOVE, LEVEL27, SUPERSEDED_AT)).then(SUPERSEDED);
    }

    @Test
    void before_any_objection_an_alternative_may_correct_the_same_subprocessor() {
        given(ANNOUNCED).when(alternative(ChangeKind.ADD, CLOUDFLARE, t("2026-08-25T09:00:00Z")))
                .then(new ChangeEvent.ChangeSuperseded("chg-2", PROCESSOR.subject(), t("2026-08-25T09:00:00Z")));
    }

    // ------------------------------------------------------------------ S2: the right lapses with its ground

    @Test
    void withdrawing_the_objection_lapses_the_pending_right() {
        Instant at = t("2026-09-15T10:00:00Z");
        given(ANNOUNCED, OBJECTED).when(new ChangeCommand.WithdrawObjection("EU-only processing agreed", CONTROLLER, at))
                .then(new ChangeEvent.ObjectionWithdrawn("EU-only processing agreed", CONTROLLER.subject(), at),
                        lapsed(LapseReason.OBJECTION_WITHDRAWN, false, at),
                        new ChangeEvent.ChangeAccepted(AcceptanceBasis.OBJECTION_RESOLVED, at));
    }

    @Test
    void withdrawing_the_objection_after_the_right_was_granted_lapses_the_granted_right() {
        Instant at = t("2026-12-10T10:00:00Z");
        given(ANNOUNCED, OBJECTED, GRANTED).when(new ChangeCommand.WithdrawObjection("Agreed after all", CONTROLLER, at))
                .then(new ChangeEvent.ObjectionWithdrawn("Agreed after all", CONTROLLER.subject(), at),
                        lapsed(LapseReason.OBJECTION_WITHDRAWN, true, at),
                        new ChangeEvent.ChangeAccepted(AcceptanceBasis.OBJECTION_RESOLVED, at),
                        new ChangeEvent.ChangeTookEffect(d("2026-12-10"), at));
    }

    @Test
    void withdrawing_an_objected_change_lapses_its_granted_right() {
        Instant at = t("2026-12-10T10:00:00Z");
        given(ANNOUNCED, OBJECTED, GRANTED).when(new ChangeCommand.WithdrawChange("We stay with Level 27", PROCESSOR, at))
                .then(new ChangeEvent.ChangeWithdrawn("We stay with Level 27", PROCESSOR.subject(), at),
                        lapsed(LapseReason.CHANGE_WITHDRAWN, true, at));
    }

    @Test
    void withdrawing_a_change_nobody_objected_to_lapses_nothing() {
        Instant at = t("2026-08-25T10:00:00Z");
        given(ANNOUNCED).when(new ChangeCommand.WithdrawChange("Not needed", PROCESSOR, at))
                .then(new ChangeEvent.ChangeWithdrawn("Not needed", PROCESSOR.subject(), at));
    }

    @Test
    void a_lapsed_right_is_never_granted_afterwards() {
        Instant at = t("2026-09-15T10:00:00Z");
        given(ANNOUNCED, OBJECTED, new ChangeEvent.ChangeWithdrawn("Not needed", PROCESSOR.subject(), at),
                lapsed(LapseReason.CHANGE_WITHDRAWN, false, at))
                .when(tick(t("2026-12-15T00:00:00Z"))).then();
    }

    @Test
    void while_the_alternative_is_pending_the_three_months_run_on_and_grant_the_right() {
        var pending = outcome(ChangeStatus.ANNOUNCED, ChangeKind.ADD, "Bunny.net");
        given(ANNOUNCED, OBJECTED, SUPERSEDED).when(tickWith(pending, t("2026-11-30T22:59:59Z"))).then(
                new ChangeEvent.TerminationRightApproaching(RIGHT_FROM, t("2026-11-30T22:59:59Z")));
        given(ANNOUNCED, OBJECTED, SUPERSEDED).when(tickWith(pending, RIGHT_FROM)).then(GRANTED);
        var objectedAlternative = outcome(ChangeStatus.OBJECTED, ChangeKind.ADD, "Bunny.net");
        given(ANNOUNCED, OBJECTED, SUPERSEDED).when(tickWith(objectedAlternative, RIGHT_FROM)).then(GRANTED);
    }

    @Test
    void the_right_lapses_once_the_alternative_is_accepted_pending_or_granted() {
        Instant at = t("2026-11-14T23:00:00Z");
        var accepted = outcome(ChangeStatus.ACCEPTED, ChangeKind.ADD, "Bunny.net");
        given(ANNOUNCED, OBJECTED, SUPERSEDED).when(tickWith(accepted, at))
                .then(lapsed(LapseReason.ALTERNATIVE_ACCEPTED, false, at));
        Instant later = t("2026-12-20T09:00:00Z");
        var inEffect = outcome(ChangeStatus.IN_EFFECT, ChangeKind.ADD, "Bunny.net");
        given(ANNOUNCED, OBJECTED, SUPERSEDED, GRANTED).when(tickWith(inEffect, later))
                .then(lapsed(LapseReason.ALTERNATIVE_ACCEPTED, true, later));
    }

    @Test
    void a_withdrawn_alternative_lapses_the_right() {
        Instant at = t("2026-12-20T09:00:00Z");
        given(ANNOUNCED, OBJECTED, SUPERSEDED, GRANTED)
                .when(tickWith(outcome(ChangeStatus.WITHDRAWN, ChangeKind.ADD, "Bunny.net"), at))
                .then(lapsed(LapseReason.CHANGE_WITHDRAWN, true, at));
    }

    @Test
    void an_accepted_alternative_that_engages_the_objected_subprocessor_again_does_not_lapse_the_right() {
        // A chain of alternatives (Cloudflare, objected -> Bunny.net, objected -> Cloudflare again) avoids nothing.
        var backAgain = outcome(ChangeStatus.ACCEPTED, ChangeKind.ADD, "cloudflare, inc.");
        given(ANNOUNCED, OBJECTED, SUPERSEDED).when(tickWith(backAgain, t("2026-11-14T23:00:00Z"))).then();
        given(ANNOUNCED, OBJECTED, SUPERSEDED).when(tickWith(backAgain, RIGHT_FROM)).then(GRANTED);
    }

    @Test
    void the_lapse_is_recorded_once() {
        Instant at = t("2026-11-14T23:00:00Z");
        var accepted = outcome(ChangeStatus.ACCEPTED, ChangeKind.ADD, "Bunny.net");
        ChangeRecord after = given(ANNOUNCED, OBJECTED, SUPERSEDED, lapsed(LapseReason.ALTERNATIVE_ACCEPTED, false, at))
                .when(tickWith(accepted, t("2026-12-20T09:00:00Z"))).then().change().orElseThrow();
        assertEquals(LapseReason.ALTERNATIVE_ACCEPTED, after.objection().lapseReason());
        assertEquals(at, after.objection().terminationRightLapsedAt());
    }

    @Test
    void a_superseded_change_without_news_of_its_alternative_decides_nothing() {
        given(ANNOUNCED, OBJECTED, SUPERSEDED).when(tick(RIGHT_FROM)).then();
    }

    // ------------------------------------------------------------------ builders

    static ChangeCommand.Supersede alternative(ChangeKind kind, SubprocessorDetails who, Instant at) {
        return new ChangeCommand.Supersede("chg-2", AGREEMENT, kind, who, PROCESSOR, at);
    }

    static TerminationRightLapsed lapsed(LapseReason reason, boolean wasGranted, Instant at) {
        return new TerminationRightLapsed(AGREEMENT, SubprocessorChangeAggregate.TERMINATION_GROUND, OBJECTED_AT, reason,
                wasGranted, at);
    }

    static AlternativeOutcome outcome(ChangeStatus status, ChangeKind kind, String name) {
        return new AlternativeOutcome("chg-2", status, kind, name);
    }

    static ChangeCommand.Tick tickWith(AlternativeOutcome alternative, Instant at) {
        return new ChangeCommand.Tick(WINDOW_WARNING, TERMINATION_WARNING, alternative, at);
    }
}
