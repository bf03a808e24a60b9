package eu.dpaledger.subprocessor.domain.change;

import java.util.Optional;

/** A change stream's state: nothing yet, or a change. */
public sealed interface ChangeState {

    record NoChange() implements ChangeState {
    }

    record Change(ChangeRecord record) implements ChangeState {
    }

    static ChangeState of(ChangeRecord change) {
        return new Change(change);
    }

    default Optional<ChangeRecord> change() {
        return this instanceof Change c ? Optional.of(c.record()) : Optional.empty();
    }
}
