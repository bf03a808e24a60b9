package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.DataClass;
import eu.dpaledger.breach.domain.ReportRules;
import eu.dpaledger.breach.domain.Risk;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.DomainRejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static eu.dpaledger.breach.domain.breach.BreachSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who reports, who notifies, and what a report may not say (art. 7.3, GDPR 33, 34). */
class BreachRulesTest {

    static final Instant AWARE = t("2026-11-25T08:00:00Z");
    static final Instant NOW = t("2026-11-25T12:00:00Z");

    @Test
    void a_report_with_only_awareness_and_a_description_is_accepted() {
        assertEquals("REPORTED", given().when(report(minimal(AWARE), NOW)).thenState().orElseThrow().status());
    }

    @Test
    void the_controller_cannot_report_and_a_draft_agreement_takes_no_reports() {
        given().when(new BreachCommand.Report("b-1", ACTIVE, minimal(AWARE), CONTROLLER, NOW))
                .thenRejected(BreachAggregate.ONLY_PROCESSOR_REPORTS);
        var draft = agreement("DRAFT");
        given().when(new BreachCommand.Report("b-1", draft, minimal(AWARE), PROCESSOR, NOW))
                .thenRejected(BreachAggregate.NO_REPORTS_ON_DRAFTS);
        var terminated = agreement("TERMINATED");
        assertEquals(1, given().when(new BreachCommand.Report("b-1", terminated, minimal(AWARE), PROCESSOR, NOW)).thenAccepted().size(),
                "art. 7 survives termination");
    }

    @Test
    void inconsistent_input_is_refused_naming_the_field() {
        Map<String, Annex2> cases = Map.of(
                "processorAwareAt", new Annex2(null, null, null, t("2026-11-25T09:00:00Z"), AWARE, "x", null, null, null, null,
                        null, null, null, null, null),
                "personsAffected.min", new Annex2(null, null, null, null, AWARE, "x", null, null, null,
                        new Annex2.PersonsAffected(Annex2.PersonsAffected.Kind.RANGE, 10L, 5L), null, null, null, null, null),
                "occurrence.from", new Annex2(null, null, null, null, AWARE, "x",
                        new Annex2.Occurrence(Annex2.Occurrence.Kind.BETWEEN, null, t("2026-11-24T10:00:00Z"), t("2026-11-24T09:00:00Z")),
                        null, null, null, null, null, null, null, null),
                "detectedAt", new Annex2(null, null, null, t("2026-11-26T09:00:00Z"), AWARE, "x", null, null, null, null,
                        null, null, null, null, null),
                "dataClasses", new Annex2(null, null, null, null, AWARE, "x", null, Set.of(DataClass.A, DataClass.B), null,
                        null, null, null, null, null, null));
        cases.forEach((field, annex) -> {
            DomainRejection r = given().when(report(annex, NOW)).thenRejected(ReportRules.INCONSISTENT_REPORT);
            assertEquals(field, ((Map<?, ?>) ((List<?>) r.details().get("violations")).get(0)).get("field"));
        });
        given().when(report(new Annex2(null, null, null, null, AWARE, "x", null, Set.of(DataClass.Q), null, null, null,
                null, null, null, null), NOW)).thenRejected(ReportRules.FIELD_REQUIRED);
        given().when(report(minimal(null), NOW)).thenRejected(ReportRules.FIELD_REQUIRED);
    }

    @Test
    void a_supplement_records_each_changed_field_with_its_history() {
        var reported = reported(minimal(AWARE), NOW);
        var classes = new Annex2(null, null, null, null, null, null, null, Set.of(DataClass.B, DataClass.D), null,
                new Annex2.PersonsAffected(Annex2.PersonsAffected.Kind.RANGE, 100L, 250L), null, null, null, null, null);
        BreachRecord after = given(reported).when(new BreachCommand.Supplement(classes, PROCESSOR, NOW.plusSeconds(3600)))
                .thenState().orElseThrow();
        assertEquals(Set.of(DataClass.B, DataClass.D), after.report().dataClasses());
        assertEquals(List.of("processorAwareAt", "description", "dataClasses", "personsAffected"),
                after.history().stream().map(BreachRecord.FieldChange::field).toList());
        given(reported).when(new BreachCommand.Supplement(minimal(AWARE), PROCESSOR, NOW.plusSeconds(60)))
                .thenRejected(BreachAggregate.NOTHING_TO_SUPPLEMENT);
        given(reported).when(new BreachCommand.Supplement(classes, CONTROLLER, NOW.plusSeconds(60)))
                .thenRejected(BreachAggregate.ONLY_PROCESSOR_REPORTS);
    }

    @Test
    void a_corrected_awareness_moves_the_24_hour_clock_but_not_the_receipt() {
        var reported = reported(minimal(AWARE), t("2026-11-26T07:00:00Z"));
        var correction = new Annex2(null, null, null, null, t("2026-11-24T20:00:00Z"), null, null, null, null, null, null,
                null, null, null, null);
        BreachRecord after = given(reported).when(new BreachCommand.Supplement(correction, PROCESSOR, t("2026-11-26T09:00:00Z")))
                .thenState().orElseThrow();
        assertEquals(t("2026-11-25T20:00:00Z"), after.reportDueAt());
        assertEquals(11 * 3600, after.lateBySeconds());
        assertEquals(t("2026-11-26T07:00:00Z"), after.receivedAt());
    }

    @Test
    void the_assessment_records_the_proposal_raised_to_a_risk_while_annex_2_is_largely_unknown() {
        // EDPB Guidelines 9/2022: in doubt, notify; the controller still decides.
        var assessed = (BreachEvent.RiskAssessed) given(reported(minimal(AWARE), NOW))
                .when(new BreachCommand.Assess(Risk.UNLIKELY, "Only a test mailbox", CONTROLLER, NOW)).thenAccepted().get(0);
        assertEquals("LOW", assessed.proposedLevel());
        assertEquals(Risk.RISK, assessed.proposedRisk());
        assertEquals(true, assessed.proposalProvisional());
        assertEquals(Risk.UNLIKELY, assessed.risk());
    }

    @Test
    void the_processor_may_not_assess_or_notify_article_7_3() {
        var reported = reported(minimal(AWARE), NOW);
        DomainRejection r = given(reported).when(new BreachCommand.NotifyAuthority(null, NOW, "GBA-1", null, null, PROCESSOR, NOW))
                .thenRejected(BreachAggregate.ONLY_CONTROLLER_DECIDES);
        assertEquals(DomainRejection.Kind.FORBIDDEN, r.kind());
        assertTrue(r.detail().contains("Art. 7.3"));
        given(reported).when(new BreachCommand.Assess(Risk.UNLIKELY, "fine", PROCESSOR, NOW))
                .thenRejected(BreachAggregate.ONLY_CONTROLLER_DECIDES);
        given(reported).when(new BreachCommand.CommunicateToDataSubjects(NOW, "mail", null, null, null, PROCESSOR, NOW))
                .thenRejected(BreachAggregate.ONLY_CONTROLLER_DECIDES);
    }

    @Test
    void a_role_counts_only_in_the_party_s_own_organisation() {
        var processorStaffAsController = new Actor("staff@esn", ESN, Set.of(Actor.CONTROLLER, Actor.PROCESSOR));
        var controllerStaffAsProcessor = new Actor("dpo@opwijk", OPWIJK, Set.of(Actor.PROCESSOR));
        given().when(new BreachCommand.Report("b-1", ACTIVE, minimal(AWARE), controllerStaffAsProcessor, NOW))
                .thenRejected(BreachAggregate.ONLY_PROCESSOR_REPORTS);
        given(reported(minimal(AWARE), NOW)).when(new BreachCommand.Assess(Risk.RISK, "Mailbox data", processorStaffAsController, NOW))
                .thenRejected(BreachAggregate.ONLY_CONTROLLER_DECIDES);
    }

    @Test
    void notifications_come_in_phases_initial_then_phased_then_final() {
        var reported = reported(minimal(AWARE), NOW);
        given(reported).when(notification(NOW, BreachCommand.Phase.PHASED, null, NOW)).thenRejected(BreachAggregate.NOTIFICATION_ORDER);
        var initial = (BreachEvent.AuthorityNotified) given(reported)
                .when(notification(NOW.plusSeconds(60), null, null, NOW.plusSeconds(60))).thenAccepted().get(0);
        assertEquals("VTC", initial.authority(), "defaults to the controller's authority");
        assertEquals(BreachCommand.Phase.INITIAL, initial.phase());
        var phased = (BreachEvent.AuthorityNotified) given(reported, initial)
                .when(notification(NOW.plusSeconds(120), BreachCommand.Phase.PHASED, null, NOW.plusSeconds(120))).thenAccepted().get(0);
        given(reported, initial, phased).when(notification(NOW.plusSeconds(180), BreachCommand.Phase.INITIAL, null, NOW.plusSeconds(180)))
                .thenRejected(BreachAggregate.NOTIFICATION_ORDER);
        var fin = (BreachEvent.AuthorityNotified) given(reported, initial, phased)
                .when(notification(NOW.plusSeconds(240), BreachCommand.Phase.FINAL, null, NOW.plusSeconds(240))).thenAccepted().get(0);
        assertEquals("NOTIFIED", given(reported, initial, phased, fin).when(tick(NOW.plusSeconds(300)))
                .thenState().orElseThrow().status());
        given(reported, initial, phased, fin).when(notification(NOW.plusSeconds(300), BreachCommand.Phase.PHASED, null, NOW.plusSeconds(300)))
                .thenRejected(BreachAggregate.NOTIFICATION_CLOSED);
    }

    @Test
    void a_late_notification_without_reasons_is_refused_and_with_reasons_is_recorded_as_late() {
        var reported = reported(minimal(AWARE), NOW);
        Instant late = NOW.plusSeconds(72 * 3600 + 60);
        given(reported).when(notification(late, null, null, late)).thenRejected(BreachAggregate.DELAY_REASONS_REQUIRED);
        var notified = (BreachEvent.AuthorityNotified) given(reported)
                .when(notification(late, null, "Forensic analysis needed to confirm personal data was involved", late))
                .thenAccepted().get(0);
        assertTrue(notified.late());
        assertEquals(false, ((BreachEvent.AuthorityNotified) given(reported)
                .when(notification(NOW.plusSeconds(72 * 3600), null, null, NOW.plusSeconds(72 * 3600))).thenAccepted().get(0)).late(),
                "exactly at 72 hours is in time");
    }

    @Test
    void a_high_risk_leaves_the_data_subjects_open_until_informed_or_exempted() {
        // Since B3 the UNINTELLIGIBLE exemption needs annex 2 to say so (GDPR art. 34(3)(a)): the report says YES.
        var reported = reported(encrypted(AWARE), NOW);
        var high = new BreachEvent.RiskAssessed(Risk.HIGH_RISK, "Health data of patients", "VERY_HIGH", 4.5, Risk.HIGH_RISK,
                CONTROLLER.subject(), NOW, false);
        BreachRecord assessed = given(reported, high).when(tick(NOW)).thenState().orElseThrow();
        assertEquals(List.of("AUTHORITY_NOTIFICATION", "DATA_SUBJECT_COMMUNICATION"), assessed.openObligations());
        given(reported, high).when(new BreachCommand.CommunicateToDataSubjects(null, null,
                BreachCommand.Exemption.UNINTELLIGIBLE, " ", null, CONTROLLER, NOW)).thenRejected(ReportRules.FIELD_REQUIRED);
        BreachRecord exempted = given(reported, high).when(new BreachCommand.CommunicateToDataSubjects(null, null,
                BreachCommand.Exemption.UNINTELLIGIBLE, "AES-256, key not compromised", null, CONTROLLER, NOW)).thenState().orElseThrow();
        assertEquals(List.of("AUTHORITY_NOTIFICATION"), exempted.openObligations());
    }
}
