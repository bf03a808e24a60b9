package eu.dpaledger.platform.domain;

import java.util.List;

/**
 * An event-sourced aggregate as two pure functions: {@code decide} turns a command and the current
 * state into new events (or throws a {@link DomainRejection}); {@code evolve} folds one event into
 * the state. No I/O, no wall clock: time arrives inside commands.
 *
 * @param <S> state (a sealed hierarchy of records, {@link #initial()} for a stream with no events)
 * @param <C> command
 * @param <E> event (a sealed interface of records; the record's simple name is the event type)
 */
public interface Aggregate<S, C, E> {

    /** State of a stream that has no events yet. */
    S initial();

    /** Applies one event to the state. Must be total over all event types (exhaustive switch). */
    S evolve(S state, E event);

    /** Decides which events a command produces in the given state; throws {@link DomainRejection} to refuse. */
    List<E> decide(C command, S state);

    /** The sealed interface every event of this aggregate implements; used to (de)serialise events. */
    Class<E> eventType();

    /** Folds a whole history. */
    default S replay(Iterable<? extends E> events) {
        S state = initial();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
