package eu.dpaledger.subprocessor.domain;

import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.TransferMechanism;
import eu.dpaledger.testing.AggregateSpec;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The change aggregate (and the flow-down proof) under the shared given/when/then fixture ({@link AggregateSpec}):
 * {@code given(history).when(command).then(events)} checks the decided events (and that they fold);
 * {@code thenRejected(rule)} checks the refusal. With the service's seeds and builders.
 */
final class ChangeSpec {

    static final SubprocessorChangeAggregate AGGREGATE = new SubprocessorChangeAggregate();
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final String AGREEMENT = "agr-1";
    static final String CHANGE = "chg-1";
    static final String OPWIJK = "0207511803";
    static final String ESN = "0428304785";
    static final Actor CONTROLLER = new Actor("dpo@opwijk", OPWIJK, Set.of(Actor.CONTROLLER));
    static final Actor PROCESSOR = new Actor("staff@esn", ESN, Set.of(Actor.PROCESSOR));
    static final Duration WINDOW_WARNING = Duration.ofDays(3);
    static final Duration TERMINATION_WARNING = Duration.ofDays(14);
    static final SubprocessorDetails LEVEL27 = new SubprocessorDetails("Level 27", "Hasselt", "BE", null);
    static final SubprocessorDetails CLOUDFLARE = new SubprocessorDetails("Cloudflare, Inc.", "San Francisco", "US",
            TransferMechanism.ADEQUACY_DECISION);

    static final AggregateSpec<ChangeState, ChangeCommand, ChangeEvent, DomainRejection> CHANGES = specOf(AGGREGATE);
    static final AggregateSpec<Optional<ProofEvent>, ProofCommand, ProofEvent, DomainRejection> PROOFS =
            specOf(new FlowDownProofAggregate());

    /** One of this service's aggregates under the shared given/when/then fixture. */
    static <S, C, E> AggregateSpec<S, C, E, DomainRejection> specOf(Aggregate<S, C, E> aggregate) {
        return AggregateSpec.of(aggregate::initial, aggregate::evolve, aggregate::decide,
                DomainRejection.class, DomainRejection::rule, DomainRejection::kind);
    }

    static AggregateSpec<ChangeState, ChangeCommand, ChangeEvent, DomainRejection>.Scenario given(ChangeEvent... history) {
        return CHANGES.given(history);
    }

    // ------------------------------------------------------------------ builders

    static AgreementFacts agreement(String status, int objectionDays, String... engaged) {
        return new AgreementFacts(AGREEMENT, status, OPWIJK, ESN, objectionDays, BRUSSELS,
                Set.of(java.util.Arrays.stream(engaged).map(SubprocessorDetails::key).toArray(String[]::new)));
    }

    static AgreementFacts active() {
        return agreement(AgreementFacts.ACTIVE, 30, "Level 27");
    }

    static ChangeCommand.Announce add(SubprocessorDetails who, LocalDate from, Instant at) {
        return new ChangeCommand.Announce(CHANGE, active(), ChangeKind.ADD, who, null, from, "CDN for the website", null,
                PROCESSOR, at);
    }

    /** The event an ADD of {@code who} announced {@code at} with a 30-day window records. */
    static ChangeEvent.ChangeAnnounced announcedAdd(SubprocessorDetails who, LocalDate from, Instant at) {
        return new ChangeEvent.ChangeAnnounced(CHANGE, AGREEMENT, OPWIJK, ESN, "Europe/Brussels", ChangeKind.ADD, who, null,
                from, "CDN for the website", null, ChangeClocks.objectionWindowEndsAt(at, 30, BRUSSELS), PROCESSOR.subject(), at);
    }

    static ChangeEvent.ObjectionRaised objected(Instant at) {
        return new ChangeEvent.ObjectionRaised("No transfers to the US", CONTROLLER.subject(), at,
                ChangeClocks.negotiationEndsOn(at, BRUSSELS), ChangeClocks.terminationRightFrom(at, BRUSSELS));
    }

    static ChangeCommand.Tick tick(Instant at) {
        return new ChangeCommand.Tick(WINDOW_WARNING, TERMINATION_WARNING, at);
    }

    static Instant t(String instant) {
        return Instant.parse(instant);
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
