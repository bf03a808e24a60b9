package eu.dpaledger.platform.eventstore;

import java.util.List;

/** Outcome of an append: the events were stored, or the stream had moved on (optimistic concurrency). */
public sealed interface AppendResult {

    record Appended(long newVersion, List<StoredEvent> events) implements AppendResult {
    }

    record VersionConflict(long expectedVersion, long actualVersion) implements AppendResult {
    }
}
