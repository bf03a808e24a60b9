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

    /** Keeps the newer of the cached and the given entry (two commands may finish out of order). */
    synchronized void put(String streamType, String streamId, Entry entry) {
        if (capacity == 0 || entry.version() <= 0) {
            return;
        }
        entries.merge(key(streamType, streamId), entry, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    private static String key(String streamType, String streamId) {
        return streamType + '\u0000' + streamId;
    }
}
