package eu.dpaledger.breach.domain;

import eu.dpaledger.platform.domain.DomainRejection;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Given/when/then fixture for the breach aggregate. */
final class BreachSpec {

    static final BreachAggregate AGGREGATE = new BreachAggregate();
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final String OPWIJK = "0207511803";
    static final String ESN = "0428304785";
    static final Actor CONTROLLER = new Actor("dpo@opwijk", OPWIJK, Set.of(Actor.CONTROLLER));
    static final Actor PROCESSOR = new Actor("staff@esn", ESN, Set.of(Actor.PROCESSOR));
    static final BreachFacts ACTIVE = new BreachFacts("agr-1", "ACTIVE", OPWIJK, ESN, "VTC", BRUSSELS);

    private final List<BreachEvent> history;
    private BreachCommand command;

    private BreachSpec(List<BreachEvent> history) {
        this.history = history;
    }

    static BreachSpec given(BreachEvent... history) {
        return new BreachSpec(List.of(history));
    }

    BreachSpec when(BreachCommand command) {
        this.command = command;
        return this;
    }

    List<BreachEvent> then(BreachEvent... expected) {
        List<BreachEvent> actual = decide();
        assertEquals(List.of(expected), actual);
        return actual;
    }

    List<BreachEvent> thenEvents() {
        return decide();
    }

    BreachRecord thenRecord() {
        Optional<BreachRecord> state = AGGREGATE.replay(history);
        for (BreachEvent e : decide()) {
            state = AGGREGATE.evolve(state, e);
        }
        return state.orElseThrow();
    }

    DomainRejection thenRejected(String rule) {
        DomainRejection rejection = assertThrows(DomainRejection.class, this::decide, "expected rejection " + rule);
        assertEquals(rule, rejection.rule(), () -> "rejected with " + rejection.rule() + ": " + rejection.detail());
        return rejection;
    }

    private List<BreachEvent> decide() {
        return AGGREGATE.decide(command, AGGREGATE.replay(history));
    }

    // ------------------------------------------------------------------ builders

    /** The minimum annex 2: when the processor became aware, and what happened. */
    static Annex2 minimal(Instant processorAwareAt) {
        return new Annex2(null, null, null, null, processorAwareAt, "Mailbox of a staff member compromised", null, null,
                null, null, null, null, null, null, null);
    }

    static BreachCommand.Report report(Annex2 annex, Instant at) {
        return new BreachCommand.Report("b-1", ACTIVE, annex, PROCESSOR, at);
    }

    /** The event a report of {@code annex} received at {@code at} records. */
    static BreachEvent.BreachReported reported(Annex2 annex, Instant at) {
        return (BreachEvent.BreachReported) AGGREGATE.decide(report(annex, at), Optional.empty()).get(0);
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
