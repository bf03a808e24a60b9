package eu.dpaledger.subprocessor.domain.change;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.platform.domain.TransferMechanism;
import eu.dpaledger.subprocessor.domain.EngagedSubprocessors;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.testing.AggregateSpec;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The change aggregate under the shared given/when/then fixture ({@link AggregateSpec}):
 * {@code given(history).when(command).then(events)} checks the decided events (and that they fold);
 * {@code thenRejected(rule)} checks the refusal. With the service's seeds and builders.
 */
public final class ChangeSpec {

    public static final SubprocessorChangeAggregate AGGREGATE = new SubprocessorChangeAggregate();
    public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    public static final String AGREEMENT = "agr-1";
    public static final String CHANGE = "chg-1";
    public static final String OPWIJK = "0207511803";
    public static final String ESN = "0428304785";
    public static final Actor CONTROLLER = new Actor("dpo@opwijk", OPWIJK, Set.of(Actor.CONTROLLER));
    public static final Actor PROCESSOR = new Actor("staff@esn", ESN, Set.of(Actor.PROCESSOR));
    public static final Duration WINDOW_WARNING = Duration.ofDays(3);
    public static final Duration TERMINATION_WARNING = Duration.ofDays(14);
    public static final SubprocessorDetails LEVEL27 = new SubprocessorDetails("Level 27", "Hasselt", "BE", null);
    public static final SubprocessorDetails CLOUDFLARE = new SubprocessorDetails("Cloudflare, Inc.", "San Francisco", "US",
            TransferMechanism.ADEQUACY_DECISION);

    static final AggregateSpec<ChangeState, ChangeCommand, ChangeEvent, DomainRejection> CHANGES = specOf(AGGREGATE);

    /** One of this service's aggregates under the shared given/when/then fixture. */
    public static <S, C, E> AggregateSpec<S, C, E, DomainRejection> specOf(Aggregate<S, C, E> aggregate) {
        return AggregateSpec.of(aggregate::initial, aggregate::evolve, aggregate::decide,
                DomainRejection.class, DomainRejection::rule, DomainRejection::kind);
    }

    static AggregateSpec<ChangeState, ChangeCommand, ChangeEvent, DomainRejection>.Scenario given(ChangeEvent... history) {
        return CHANGES.given(history);
    }

    // ------------------------------------------------------------------ builders

    public static AgreementFacts agreement(String status, int objectionDays) {
        return new AgreementFacts(AGREEMENT, status, new Parties(OPWIJK, ESN), "GBA", BRUSSELS, objectionDays, 30);
    }

    public static AgreementFacts active() {
        return agreement(AgreementFacts.ACTIVE, 30);
    }

    /** The agreement's engaged sub-processors: Level 27 (annex 1). */
    public static EngagedSubprocessors engaged() {
        return EngagedSubprocessors.named(List.of("Level 27"));
    }

    static ChangeCommand.Announce add(SubprocessorDetails who, LocalDate from, Instant at) {
        return new ChangeCommand.Announce(CHANGE, active(), engaged(), ChangeKind.ADD, who, null, from, "CDN for the website", null,
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

    public static Instant t(String instant) {
        return Instant.parse(instant);
    }

    public static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
