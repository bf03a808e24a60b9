package eu.dpaledger.platform.command;

import eu.dpaledger.platform.eventstore.StoredEvent;

import java.util.List;

/** A stream loaded and folded: its state, version (0 when empty) and stored events. */
public record Loaded<S>(String streamId, S state, long version, List<StoredEvent> events) {

    public boolean exists() {
        return version > 0;
    }
}
