package eu.dpaledger.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Given/when/then for an event-sourced aggregate, the one fixture every service's domain specs use:
 * {@code given(history).when(command).then(events)} checks that the command decides exactly these
 * events and that they fold into a state; {@code thenRejected(rule)} checks the refusal and its rule.
 *
 * <p>A scenario is a stream, like the one the command executor keeps: the events a {@code then…}
 * accepts join its history, so a story of several commands reads
 * {@code var audit = AUDITS.given(scheduled); audit.when(complete).then(completed); audit.when(submit).thenRejected(rule);}.
 *
 * <p>It is built from the aggregate's three functions and its rejection type rather than from
 * {@code platform}'s {@code Aggregate} and {@code DomainRejection}: {@code platform}'s own tests use this
 * module, so a dependency back would be a cycle. Each service binds it once, e.g.
 * {@code AggregateSpec.of(aggregate::initial, aggregate::evolve, aggregate::decide,
 * DomainRejection.class, DomainRejection::rule, DomainRejection::kind)}.
 *
 * @param <S> state
 * @param <C> command
 * @param <E> event
 * @param <R> the exception {@code decide} throws to refuse a command
 */
public final class AggregateSpec<S, C, E, R extends RuntimeException> {

    private final Supplier<S> initial;
    private final BiFunction<S, E, S> evolve;
    private final BiFunction<C, S, List<E>> decide;
    private final Class<R> rejectionType;
    private final Function<R, String> ruleOf;
    private final Function<R, ?> kindOf;

    private AggregateSpec(Supplier<S> initial, BiFunction<S, E, S> evolve, BiFunction<C, S, List<E>> decide,
                          Class<R> rejectionType, Function<R, String> ruleOf, Function<R, ?> kindOf) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.evolve = Objects.requireNonNull(evolve, "evolve");
        this.decide = Objects.requireNonNull(decide, "decide");
        this.rejectionType = Objects.requireNonNull(rejectionType, "rejectionType");
        this.ruleOf = Objects.requireNonNull(ruleOf, "ruleOf");
        this.kindOf = Objects.requireNonNull(kindOf, "kindOf");
    }

    /**
     * The fixture for one aggregate: its state with no events, how one event changes the state, how a
     * command is decided; and how a refusal is recognised (its type, its rule, its kind).
     */
    public static <S, C, E, R extends RuntimeException> AggregateSpec<S, C, E, R> of(
            Supplier<S> initial, BiFunction<S, E, S> evolve, BiFunction<C, S, List<E>> decide,
            Class<R> rejectionType, Function<R, String> ruleOf, Function<R, ?> kindOf) {
        return new AggregateSpec<>(initial, evolve, decide, rejectionType, ruleOf, kindOf);
    }

    /** A stream that already holds these events. */
    @SafeVarargs
    public final Scenario given(E... history) {
        return new Scenario(Arrays.asList(history));
    }

    /** A stream that holds {@code history} and then {@code more}. */
    @SafeVarargs
    public final Scenario given(List<? extends E> history, E... more) {
        List<E> all = new ArrayList<>(history);
        all.addAll(Arrays.asList(more));
        return new Scenario(all);
    }

    /** A stream with no events, receiving {@code command}. */
    public Scenario when(C command) {
        return given().when(command);
    }

    /** Folds a whole history into the state, from the initial state. */
    public S replay(List<? extends E> events) {
        return fold(initial.get(), events);
    }

    private S fold(S state, List<? extends E> events) {
        for (E event : events) {
            state = evolve.apply(state, event);
        }
        return state;
    }

    /** One stream under test: its history so far and the command it receives next. */
    public final class Scenario {

        private final List<E> history;
        private C command;

        private Scenario(List<E> history) {
            this.history = new ArrayList<>(history);
        }

        /** The command the stream receives next. */
        public Scenario when(C command) {
            this.command = Objects.requireNonNull(command, "command");
            return this;
        }

        /** Asserts the command decides exactly these events (in order); returns the state they lead to. */
        @SafeVarargs
        public final S then(E... expected) {
            List<E> decided = decide();
            assertEquals(List.of(expected), decided);
            return accept(decided);
        }

        /** The command is accepted: returns the events it decided, for assertions on them. */
        public List<E> thenAccepted() {
            List<E> decided = decide();
            accept(decided);
            return decided;
        }

        /** The command is accepted: returns the state its events lead to, for assertions on the read side. */
        public S thenState() {
            return accept(decide());
        }

        /** Asserts the command is refused under {@code rule}; the stream is unchanged. */
        public R thenRejected(String rule) {
            C refused = take();
            R rejection = assertThrows(rejectionType, () -> decide.apply(refused, state()), "expected rejection " + rule);
            assertEquals(rule, ruleOf.apply(rejection),
                    () -> "rejected with " + ruleOf.apply(rejection) + ": " + rejection.getMessage());
            return rejection;
        }

        /** Asserts the command is refused under {@code rule} as this kind of refusal. */
        public R thenRejected(Enum<?> kind, String rule) {
            R rejection = thenRejected(rule);
            assertEquals(kind, kindOf.apply(rejection), () -> "kind of " + rule);
            return rejection;
        }

        /** The state the stream's events lead to. */
        public S state() {
            return replay(history);
        }

        /** The stream's events so far. */
        public List<E> history() {
            return List.copyOf(history);
        }

        private List<E> decide() {
            return decide.apply(take(), state());
        }

        private C take() {
            C pending = command;
            if (pending == null) {
                throw new IllegalStateException("when(command) comes before then");
            }
            command = null;
            return pending;
        }

        /** Folds the decided events into the state (each must evolve) and appends them to the stream. */
        private S accept(List<E> decided) {
            S after = fold(state(), decided);
            history.addAll(decided);
            return after;
        }
    }
}
