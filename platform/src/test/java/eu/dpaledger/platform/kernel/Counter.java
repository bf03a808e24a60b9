package eu.dpaledger.platform.kernel;

import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;

import java.time.Instant;
import java.util.List;

/** A minimal aggregate to exercise the kernel: a counter owned by one organisation. */
public final class Counter implements Aggregate<Counter.State, Counter.Command, Counter.Event> {

    public record State(String owner, long total) { }

    public sealed interface Command permits Open, Increment { }
    public record Open(String owner) implements Command { }
    /** {@code at}: an optional instant the caller states, which may not lie after {@code now}, the command's time. */
    public record Increment(long by, String note, Instant at, Instant now) implements Command { }

    public sealed interface Event permits Opened, Incremented { }
    public record Opened(String owner) implements Event { }
    public record Incremented(long by, String note) implements Event { }

    @Override
    public State initial() {
        return new State(null, 0);
    }

    @Override
    public State evolve(State state, Event event) {
        if (event instanceof Opened o) {
            return new State(o.owner(), 0);
        }
        return new State(state.owner(), state.total() + ((Incremented) event).by());
    }

    @Override
    public List<Event> decide(Command command, State state) {
        if (command instanceof Open o) {
            return List.of(new Opened(o.owner()));
        }
        Increment increment = (Increment) command;
        if (increment.by() <= 0) {
            throw DomainRejection.invalidField("increment-not-positive", "Increment must be positive", "by", "must be > 0");
        }
        if (increment.at() != null) {
            CommonRejections.notInTheFuture(increment.at(), "at", increment.now());
        }
        return List.of(new Incremented(increment.by(), increment.note()));
    }

    @Override
    public Class<Event> eventType() {
        return Event.class;
    }
}
