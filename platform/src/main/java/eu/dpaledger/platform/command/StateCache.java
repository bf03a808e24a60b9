package eu.dpaledger.platform.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The folded state of recently commanded streams, so that a command on a stream seen a moment ago
 * reads only the events appended since ({@code version > cached}) instead of decoding and folding
 * the whole stream again. Events are immutable, so a cached prefix never goes stale: the executor
 * still reads the store in the command's transaction and folds whatever came after (from another
 * instance, say). Entries are put only with state read from, or committed to, the store. Bounded,
 * least recently used out first; states must be immutable (they are shared between requests).
 */
final class StateCache {

    /** A stream folded up to {@code version}, whose last event has {@code headHash}. */
    record Entry(Object state, long version, String headHash) {
    }

    private final int capacity;
    private final Map<String, Entry> entries;
    /** Raised by {@link #clear}: a state folded before it may hold what an erasure removed, and is not cached. */
    private long generation;

    StateCache(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > StateCache.this.capacity;
            }
        };
    }

    synchronized Entry get(String streamType, String streamId) {
        return capacity == 0 ? null : entries.get(key(streamType, streamId));
    }

    /** The generation a load starts in; {@link #put} refuses a state loaded in an earlier one. */
    synchronized long generation() {
        return generation;
    }

    /**
     * Keeps the newer of the cached and the given entry (two commands may finish out of order), unless the state was
     * loaded before the cache was last cleared (generation {@code loadedIn}).
     */
    synchronized void put(String streamType, String streamId, Entry entry, long loadedIn) {
        if (capacity == 0 || entry.version() <= 0 || loadedIn != generation) {
            return;
        }
        entries.merge(key(streamType, streamId), entry, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }

    synchronized void clear() {
        entries.clear();
        generation++;
    }

    synchronized int size() {
        return entries.size();
    }

    private static String key(String streamType, String streamId) {
        return streamType + '\u0000' + streamId;
    }
}
