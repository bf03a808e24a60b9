package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.Risk;
import eu.dpaledger.breach.domain.breach.BreachCommand.Exemption;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.testing.AggregateSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static eu.dpaledger.breach.domain.breach.BreachSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GDPR art. 34(3) exemptions rest on what they name: (a) data annex 2 says were unintelligible, (b) the
 * measures, (c) the public communication made instead; and none of them blocks a communication required later (34(4)).
 */
class DataSubjectExemptionTest {

    static final Instant AWARE = t("2026-11-25T08:00:00Z");
    static final Instant NOW = t("2026-11-25T12:00:00Z");
    static final Instant LATER = t("2026-11-27T10:00:00Z");

    /** A breach reported on {@code annex} and assessed as a high risk: the data subjects are owed a communication. */
    private static AggregateSpec<Optional<BreachRecord>, BreachCommand, BreachEvent, DomainRejection>.Scenario highRisk(Annex2 annex) {
        return given(reported(annex, NOW), assessed(Risk.HIGH_RISK, NOW));
    }

    private static Annex2 unintelligible(Annex2.Unintelligible.Answer answer) {
        return new Annex2(null, null, null, null, AWARE, "Backup tape lost", null, null, null, null, null, null,
                new Annex2.Unintelligible(answer, answer == Annex2.Unintelligible.Answer.PARTLY ? "Only the archive" : null),
                null, null);
    }

    private static String field(DomainRejection r) {
        return (String) ((Map<?, ?>) ((List<?>) r.details().get("violations")).get(0)).get("field");
    }

    @Test
    void unintelligible_is_refused_when_annex_2_says_no() {
        DomainRejection r = highRisk(unintelligible(Annex2.Unintelligible.Answer.NO))
                .when(exemption(Exemption.UNINTELLIGIBLE, null, null, null, LATER))
                .thenRejected(DomainRejection.Kind.INVALID, BreachAggregate.EXEMPTION_CONDITIONS_NOT_MET);
        assertEquals("exemption", field(r));
        assertTrue(r.detail().contains("GDPR art. 34(3)(a)"), r.detail());
    }

    @Test
    void unintelligible_is_refused_when_annex_2_says_partly_or_does_not_say() {
        highRisk(unintelligible(Annex2.Unintelligible.Answer.PARTLY))
                .when(exemption(Exemption.UNINTELLIGIBLE, null, null, null, LATER))
                .thenRejected(BreachAggregate.EXEMPTION_CONDITIONS_NOT_MET);
        highRisk(minimal(AWARE)).when(exemption(Exemption.UNINTELLIGIBLE, null, null, null, LATER))
                .thenRejected(BreachAggregate.EXEMPTION_CONDITIONS_NOT_MET);
    }

    @Test
    void unintelligible_is_accepted_when_annex_2_says_yes() {
        BreachRecord exempted = highRisk(encrypted(AWARE)).when(exemption(Exemption.UNINTELLIGIBLE, null, null, null, LATER))
                .thenState().orElseThrow();
        assertEquals(Exemption.UNINTELLIGIBLE, exempted.dataSubjects().exemption());
        assertEquals(List.of("AUTHORITY_NOTIFICATION"), exempted.openObligations());
    }

    @Test
    void risk_no_longer_likely_needs_the_measures() {
        DomainRejection r = highRisk(minimal(AWARE)).when(exemption(Exemption.RISK_NO_LONGER_LIKELY, " ", null, null, LATER))
                .thenRejected(BreachAggregate.EXEMPTION_CONDITIONS_NOT_MET);
        assertEquals("measures", field(r));
        assertTrue(r.detail().contains("GDPR art. 34(3)(b)"), r.detail());
        var named = (BreachEvent.DataSubjectCommunicationExempted) highRisk(minimal(AWARE))
                .when(exemption(Exemption.RISK_NO_LONGER_LIKELY, "Every password reset, sessions revoked", null, null, LATER))
                .thenAccepted().get(0);
        assertEquals("Every password reset, sessions revoked", named.measures());
    }

    @Test
    void risk_no_longer_likely_may_rest_on_the_measures_in_annex_2() {
        var withMeasures = new Annex2(null, null, null, null, AWARE, "Mailbox accessed", null, null, null, null, null, null,
                null, null, "Mailbox rules removed, MFA enforced");
        var exempted = (BreachEvent.DataSubjectCommunicationExempted) highRisk(withMeasures)
                .when(exemption(Exemption.RISK_NO_LONGER_LIKELY, null, null, null, LATER)).thenAccepted().get(0);
        assertEquals("Mailbox rules removed, MFA enforced", exempted.measures());
    }

    @Test
    void disproportionate_effort_needs_the_public_communication_made_instead() {
        DomainRejection when = highRisk(minimal(AWARE))
                .when(exemption(Exemption.DISPROPORTIONATE_EFFORT, null, null, "Notice on opwijk.be", LATER))
                .thenRejected(BreachAggregate.EXEMPTION_CONDITIONS_NOT_MET);
        assertEquals("at", field(when));
        assertTrue(when.detail().contains("GDPR art. 34(3)(c)"), when.detail());
        DomainRejection how = highRisk(minimal(AWARE))
                .when(exemption(Exemption.DISPROPORTIONATE_EFFORT, null, LATER, " ", LATER))
                .thenRejected(BreachAggregate.EXEMPTION_CONDITIONS_NOT_MET);
        assertEquals("channel", field(how));
        highRisk(minimal(AWARE)).when(exemption(Exemption.DISPROPORTIONATE_EFFORT, null, LATER.plusSeconds(60),
                "Notice on opwijk.be", LATER)).thenRejected(CommonRejections.INSTANT_IN_THE_FUTURE);
        var exempted = (BreachEvent.DataSubjectCommunicationExempted) highRisk(minimal(AWARE))
                .when(exemption(Exemption.DISPROPORTIONATE_EFFORT, null, LATER, "Notice on opwijk.be and in the local paper", LATER))
                .thenAccepted().get(0);
        assertEquals(LATER, exempted.publicCommunicatedAt());
        assertEquals("Notice on opwijk.be and in the local paper", exempted.publicChannel());
    }

    @Test
    void an_exemption_does_not_block_a_communication_required_later() {
        var stream = highRisk(encrypted(AWARE));
        stream.when(exemption(Exemption.UNINTELLIGIBLE, null, null, null, LATER)).thenAccepted();
        BreachRecord informed = stream.when(informed(LATER.plusSeconds(3600), LATER.plusSeconds(3600))).thenState().orElseThrow();
        assertEquals(LATER.plusSeconds(3600), informed.dataSubjects().communicatedAt());
        assertEquals(Exemption.UNINTELLIGIBLE, informed.dataSubjects().exemption(), "the exemption relied on before stays");
        assertEquals(List.of("AUTHORITY_NOTIFICATION"), informed.openObligations());
    }

    @Test
    void a_second_exemption_or_a_second_communication_is_refused() {
        var exempted = highRisk(encrypted(AWARE));
        exempted.when(exemption(Exemption.UNINTELLIGIBLE, null, null, null, LATER)).thenAccepted();
        exempted.when(exemption(Exemption.RISK_NO_LONGER_LIKELY, "Keys rotated", null, null, LATER))
                .thenRejected(DomainRejection.Kind.STATE_CONFLICT, BreachAggregate.ALREADY_DECIDED);
        var informed = highRisk(minimal(AWARE));
        informed.when(informed(LATER, LATER)).thenAccepted();
        informed.when(informed(LATER, LATER)).thenRejected(BreachAggregate.ALREADY_DECIDED);
        BreachRecord state = informed.state().orElseThrow();
        assertNull(state.dataSubjects().exemption());
        informed.when(exemption(Exemption.RISK_NO_LONGER_LIKELY, "Keys rotated", null, null, LATER))
                .thenRejected(BreachAggregate.ALREADY_DECIDED);
    }
}
