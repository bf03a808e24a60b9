package eu.dpaledger.breach.domain;

import eu.dpaledger.breach.domain.Annex2.Unintelligible.Answer;
import eu.dpaledger.breach.domain.EnisaSeverity.Assessment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worked examples of ENISA 2013, SE = DPC × EI + CB, each computed by hand in the comment above it. */
class EnisaSeverityTest {

    private static final Instant AWARE = Instant.parse("2025-01-15T09:30:00Z");

    @Test
    void health_data_fully_identifiable_and_copied_is_very_high() {
        // DPC 4 (K sensitive) × EI 1 (not unintelligible, B present) + CB 0.5 (B copied: confidentiality 0.5)
        // = 4.5 ≥ 4: VERY_HIGH → HIGH_RISK
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.K, DataClass.B), Answer.NO, Set.of(Circumstance.B)));

        assertEquals(4, a.dpc());
        assertEquals(1.0, a.ei());
        assertEquals(0.5, a.cb());
        assertEquals(4.5, a.score());
        assertEquals(Severity.VERY_HIGH, a.level());
        assertEquals(Risk.HIGH_RISK, a.proposedRisk());
        assertFalse(a.provisional());
        assertEquals("DPC 4: sensitive data (K health or sexual orientation)", a.reasoning().get(0));
        assertEquals("ENISA 2013: SE = DPC × EI + CB", a.method());
    }

    @Test
    void encrypted_email_addresses_read_only_are_low() {
        // DPC 1 (D simple) × EI 0.25 (made unintelligible) + CB 0.25 (A read only: confidentiality 0.25)
        // = 0.5 < 2: LOW → UNLIKELY
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.D), Answer.YES, Set.of(Circumstance.A)));

        assertEquals(1, a.dpc());
        assertEquals(0.25, a.ei());
        assertEquals(0.25, a.cb());
        assertEquals(0.5, a.score());
        assertEquals(Severity.LOW, a.level());
        assertEquals(Risk.UNLIKELY, a.proposedRisk());
        assertFalse(a.provisional());
    }

    @Test
    void bank_account_numbers_on_a_stolen_laptop_are_high() {
        // DPC 3 (F financial) × EI 0.75 (not unintelligible, no B, G or H) = 2.25
        // + CB: confidentiality 0.5 (the thief may read) + availability 0.25 + malicious intent 0.5 = 1.25
        // = 3.5, 3 ≤ SE < 4: HIGH → HIGH_RISK
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.F), Answer.NO, Set.of(Circumstance.E)));

        assertEquals(3, a.dpc());
        assertEquals(0.75, a.ei());
        assertEquals(1.25, a.cb());
        assertEquals(3.5, a.score());
        assertEquals(Severity.HIGH, a.level());
        assertEquals(Risk.HIGH_RISK, a.proposedRisk());
        assertTrue(a.reasoning().get(2).contains("malicious intent 0.5"), a.reasoning().get(2));
    }

    @Test
    void data_not_traceable_to_a_person_is_low_and_not_provisional() {
        // Only A: no personal data, DPC 0, nothing to weigh: LOW → UNLIKELY, whatever else is unknown.
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.A), null, null));

        assertEquals(0, a.dpc());
        assertEquals(0.0, a.score());
        assertEquals(Severity.LOW, a.level());
        assertEquals(Risk.UNLIKELY, a.proposedRisk());
        assertFalse(a.provisional());
        assertTrue(a.reasoning().get(0).contains("no personal data traceable to a person"), a.reasoning().get(0));
    }

    @Test
    void a_report_with_only_the_required_fields_is_provisional_and_says_what_is_missing() {
        // DPC 1 assumed (classes unknown) × EI 0.75 (unintelligibility unknown, no B, G or H known)
        // + CB 0 (circumstances unknown) = 0.75 < 2: LOW → UNLIKELY, provisional
        Assessment a = EnisaSeverity.assess(report(null, null, null));

        assertEquals(1, a.dpc());
        assertEquals(0.75, a.ei());
        assertEquals(0.0, a.cb());
        assertEquals(0.75, a.score());
        assertEquals(Severity.LOW, a.level());
        assertTrue(a.provisional());
        String reasoning = String.join("\n", a.reasoning());
        assertTrue(reasoning.contains("data classes not yet known"), reasoning);
        assertTrue(reasoning.contains("unintelligibility not yet known"), reasoning);
        assertTrue(reasoning.contains("circumstances not yet known"), reasoning);
    }

    @Test
    void a_barely_filled_report_is_proposed_as_a_risk_not_as_unlikely() {
        // 0.75 is LOW, but every factor is assumed: in doubt, notify (EDPB Guidelines 9/2022), so at least RISK.
        Assessment a = EnisaSeverity.assess(report(null, null, null));

        assertEquals(Severity.LOW, a.level());
        assertEquals(Risk.RISK, a.proposedRisk());
        assertEquals(java.util.List.of("dataClasses", "unintelligible", "circumstances"), a.notYetKnown());
        String last = a.reasoning().get(a.reasoning().size() - 1);
        assertTrue(last.contains("information is incomplete") && last.contains("EDPB Guidelines 9/2022"), last);
    }

    @Test
    void a_low_score_resting_on_circumstances_not_yet_known_is_still_proposed_as_a_risk() {
        // DPC 1 (D) × EI 0.25 (unintelligible) + CB 0 (F: not yet known) = 0.25 LOW, provisional → RISK.
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.D), Answer.YES, Set.of(Circumstance.F)));

        assertEquals(Severity.LOW, a.level());
        assertEquals(Risk.RISK, a.proposedRisk());
        assertEquals(java.util.List.of("circumstances"), a.notYetKnown());
    }

    @Test
    void a_complete_report_scoring_low_is_still_proposed_as_unlikely() {
        // Nothing assumed: ENISA's LOW stands, no "in doubt" line.
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.D), Answer.YES, Set.of(Circumstance.A)));

        assertEquals(Risk.UNLIKELY, a.proposedRisk());
        assertEquals(java.util.List.of(), a.notYetKnown());
        assertEquals(4, a.reasoning().size());
    }

    @Test
    void a_provisional_high_score_keeps_its_high_risk() {
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.L, DataClass.B), null, Set.of(Circumstance.B)));

        assertTrue(a.provisional());
        assertEquals(Risk.HIGH_RISK, a.proposedRisk());
        assertEquals(4, a.reasoning().size(), "nothing to raise");
    }

    @Test
    void empty_data_classes_count_as_not_yet_known() {
        Assessment a = EnisaSeverity.assess(report(Set.of(), Answer.NO, Set.of(Circumstance.B)));

        assertEquals(1, a.dpc());
        assertTrue(a.provisional());
    }

    @Test
    void credentials_raise_simple_data_to_two() {
        // DPC 2 (E credentials: simple 1 raised by 1, account takeover) × EI 0.75 (no B, G or H)
        // + CB 0.5 (B copied) = 2.0, 2 ≤ SE < 3: MEDIUM → RISK
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.D, DataClass.E), Answer.NO,
                Set.of(Circumstance.B)));

        assertEquals(2, a.dpc());
        assertEquals(2.0, a.score());
        assertEquals(Severity.MEDIUM, a.level());
        assertEquals(Risk.RISK, a.proposedRisk());
        assertTrue(a.reasoning().get(0).startsWith("DPC 2: simple data raised by 1"), a.reasoning().get(0));
        assertTrue(a.reasoning().get(0).contains("E user names"), a.reasoning().get(0));
    }

    @Test
    void national_register_number_is_raised_and_fully_identifying() {
        // DPC 2 (G raised) × EI 1 (G identifies directly) + CB 0.25 (C altered: integrity 0.25) = 2.25 MEDIUM
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.G), Answer.NO, Set.of(Circumstance.C)));

        assertEquals(2, a.dpc());
        assertEquals(1.0, a.ei());
        assertEquals(2.25, a.score());
        assertEquals(Severity.MEDIUM, a.level());
    }

    @Test
    void partly_unintelligible_data_has_limited_ease_of_identification() {
        // DPC 3 (M financial) × EI 0.5 (partly) + CB 0.25 (C altered) + 0.5 (D deleted) = 2.25 MEDIUM
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.M, DataClass.B), Answer.PARTLY,
                Set.of(Circumstance.C, Circumstance.D)));

        assertEquals(0.5, a.ei());
        assertEquals(0.75, a.cb());
        assertEquals(2.25, a.score());
    }

    @Test
    void only_the_worst_circumstance_of_each_loss_type_counts() {
        // A read only (0.25) and B copied (0.5) are both confidentiality: max 0.5, not 0.75.
        // DPC 1 (B) × EI 1 (B) + 0.5 = 1.5 LOW
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.B), Answer.NO,
                Set.of(Circumstance.A, Circumstance.B)));

        assertEquals(0.5, a.cb());
        assertEquals(1.5, a.score());
        assertEquals(Severity.LOW, a.level());
    }

    @Test
    void circumstances_partly_not_yet_known_make_the_assessment_provisional() {
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.K), Answer.NO,
                Set.of(Circumstance.B, Circumstance.F)));

        assertEquals(0.5, a.cb());
        assertTrue(a.provisional());
        assertTrue(a.reasoning().get(2).contains("not yet known (F)"), a.reasoning().get(2));
    }

    @Test
    void unknown_unintelligibility_is_assumed_not_unintelligible_and_provisional() {
        // DPC 4 (L criminal) × EI 1 (assumed not unintelligible, B present) + 0.5 = 4.5 VERY_HIGH
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.L, DataClass.B), null, Set.of(Circumstance.B)));

        assertEquals(1.0, a.ei());
        assertEquals(Severity.VERY_HIGH, a.level());
        assertTrue(a.provisional());
    }

    @Test
    void the_last_reasoning_line_shows_the_computation() {
        Assessment a = EnisaSeverity.assess(report(Set.of(DataClass.F), Answer.NO, Set.of(Circumstance.E)));

        assertEquals("SE = 3 × 0.75 + 1.25 = 3.5: HIGH, proposed risk HIGH_RISK", a.reasoning().get(3));
    }

    @Test
    void severity_levels_follow_the_enisa_thresholds() {
        assertEquals(Severity.LOW, Severity.of(1.99));
        assertEquals(Severity.MEDIUM, Severity.of(2));
        assertEquals(Severity.MEDIUM, Severity.of(2.99));
        assertEquals(Severity.HIGH, Severity.of(3));
        assertEquals(Severity.VERY_HIGH, Severity.of(4));
        assertEquals(Risk.HIGH_RISK, Severity.VERY_HIGH.proposedRisk());
    }

    private static Annex2 report(Set<DataClass> classes, Answer unintelligible, Set<Circumstance> circumstances) {
        return new Annex2(null, null, null, null, AWARE, "Misdirected export", null, classes, null, null, null,
                circumstances, unintelligible == null ? null : new Annex2.Unintelligible(unintelligible, null), null,
                null);
    }
}
