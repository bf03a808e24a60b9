package eu.dpaledger.platform.command;

import eu.dpaledger.platform.eventstore.StoredEvent;

import java.util.List;

/**
 * A stream loaded and folded: its state, version (0 when empty), the hash of its last event
 * ({@link eu.dpaledger.platform.eventstore.HashChain#GENESIS} when empty) and stored events.
 *
 * @param events the whole stream when loaded for a read ({@link CommandExecutor#load}); inside a
 *               command only the events read or appended by that command, because the executor
 *               may start from a cached state. Command replies must use state and version only.
 */
public record Loaded<S>(String streamId, S state, long version, String headHash, List<StoredEvent> events) {

    public boolean exists() {
        return version > 0;
    }
}
