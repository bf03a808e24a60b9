package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.ReportKind;
import eu.dpaledger.breach.domain.Risk;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.testing.AggregateSpec;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** The breach aggregate under the shared given/when/then fixture ({@link AggregateSpec}), with its seeds and builders. */
final class BreachSpec {

    static final BreachAggregate AGGREGATE = new BreachAggregate();
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final String OPWIJK = "0207511803";
    static final String ESN = "0428304785";
    static final Actor CONTROLLER = new Actor("dpo@opwijk", OPWIJK, Set.of(Actor.CONTROLLER));
    static final Actor PROCESSOR = new Actor("staff@esn", ESN, Set.of(Actor.PROCESSOR));
    static final AgreementFacts ACTIVE = agreement("ACTIVE");

    static final AggregateSpec<Optional<BreachRecord>, BreachCommand, BreachEvent, DomainRejection> BREACHES =
            AggregateSpec.of(AGGREGATE::initial, AGGREGATE::evolve, AGGREGATE::decide,
                    DomainRejection.class, DomainRejection::rule, DomainRejection::kind);

    static AggregateSpec<Optional<BreachRecord>, BreachCommand, BreachEvent, DomainRejection>.Scenario given(BreachEvent... history) {
        return BREACHES.given(history);
    }

    // ------------------------------------------------------------------ builders

    /** The Opwijk ↔ ESN agreement in {@code status}, under the Flemish authority (VTC), days counted in Brussels. */
    static AgreementFacts agreement(String status) {
        return new AgreementFacts("agr-1", status, new Parties(OPWIJK, ESN), "VTC", BRUSSELS, 30, 30);
    }

    /** The minimum annex 2: when the processor became aware, and what happened. */
    static Annex2 minimal(Instant processorAwareAt) {
        return new Annex2(null, null, null, null, processorAwareAt, "Mailbox of a staff member compromised", null, null,
                null, null, null, null, null, null, null);
    }

    /** The minimum annex 2 of a serious attempt (DPA art. 7.3): awareness, what was attempted, and its kind. */
    static Annex2 attempt(Instant processorAwareAt) {
        return new Annex2(null, null, null, null, processorAwareAt, "Credential stuffing on the residents' portal, blocked",
                null, null, null, null, null, null, null, null, null, ReportKind.SERIOUS_ATTEMPT);
    }

    /** Annex 2 saying the data were made unintelligible (answer A, yes), with how. */
    static Annex2 encrypted(Instant processorAwareAt) {
        return new Annex2(null, null, null, null, processorAwareAt, "Laptop with an encrypted disk stolen", null, null,
                null, null, null, null, new Annex2.Unintelligible(Annex2.Unintelligible.Answer.YES, null),
                "Full-disk encryption (AES-256), key not on the device", null);
    }

    /** A supplement changing only the processor's awareness. */
    static BreachCommand.Supplement awareness(Instant processorAwareAt, Instant at) {
        return new BreachCommand.Supplement(new Annex2(null, null, null, null, processorAwareAt, null, null, null, null, null,
                null, null, null, null, null), PROCESSOR, at);
    }

    /** The controller's assessment of {@code risk} with the proposal the service made (as recorded). */
    static BreachEvent.RiskAssessed assessed(Risk risk, Instant at) {
        return new BreachEvent.RiskAssessed(risk, "Assessed", "HIGH", 3.5, risk, CONTROLLER.subject(), at, false);
    }

    static BreachCommand.CommunicateToDataSubjects exemption(BreachCommand.Exemption ground, String measures,
                                                             Instant publicAt, String publicChannel, Instant at) {
        return new BreachCommand.CommunicateToDataSubjects(publicAt, publicChannel, ground, "Reason stated by the DPO", measures,
                CONTROLLER, at);
    }

    static BreachCommand.CommunicateToDataSubjects informed(Instant communicatedAt, Instant at) {
        return new BreachCommand.CommunicateToDataSubjects(communicatedAt, "Letter to every affected resident", null, null, null,
                CONTROLLER, at);
    }

    static BreachCommand.AssessAttempt assessAttempt(Boolean breach, Instant controllerAwareAt, Instant at) {
        return new BreachCommand.AssessAttempt(breach, controllerAwareAt, "The session reached the residents' files",
                CONTROLLER, at);
    }

    static BreachCommand.Report report(Annex2 annex, Instant at) {
        return new BreachCommand.Report("b-1", ACTIVE, annex, PROCESSOR, at);
    }

    /** The event a report of {@code annex} received at {@code at} records. */
    static BreachEvent.BreachReported reported(Annex2 annex, Instant at) {
        return (BreachEvent.BreachReported) given().when(report(annex, at)).thenAccepted().get(0);
    }

    static BreachCommand.NotifyAuthority notification(Instant notifiedAt, BreachCommand.Phase phase, String delayReasons, Instant at) {
        return new BreachCommand.NotifyAuthority(null, notifiedAt, "VTC-2026-0042", phase, delayReasons, CONTROLLER, at);
    }

    static BreachCommand.Tick tick(Instant at) {
        return new BreachCommand.Tick(Duration.ofHours(12), at);
    }

    static Instant t(String instant) {
        return Instant.parse(instant);
    }
}
