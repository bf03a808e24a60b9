package eu.dpaledger.platform.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.eventstore.StoredEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Maps stored events back to the aggregate's event records: the type is the record's simple name. */
final class EventCodec {

    private static final Map<Class<?>, Map<String, Class<?>>> TYPES = new ConcurrentHashMap<>();

    private EventCodec() {
    }

    /** {@code payload} is the stored event's payload as the aggregate reads it (its personal values opened). */
    static <E> E decode(ObjectMapper mapper, Class<E> eventType, StoredEvent stored, com.fasterxml.jackson.databind.JsonNode payload) {
        Class<?> type = TYPES.computeIfAbsent(eventType, EventCodec::index).get(stored.type());
        if (type == null) {
            throw new IllegalStateException("unknown event type " + stored.type() + " in stream " + stored.streamId());
        }
        try {
            return eventType.cast(mapper.treeToValue(payload, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + stored.eventId() + " cannot be read", e);
        }
    }

    /** Whether {@code type} is one of the aggregate's event types (a stream of another aggregate of the same stream type is not). */
    static boolean knows(Class<?> eventType, String type) {
        return TYPES.computeIfAbsent(eventType, EventCodec::index).containsKey(type);
    }

    private static Map<String, Class<?>> index(Class<?> sealed) {
        Map<String, Class<?>> out = new ConcurrentHashMap<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            out.put(c.getSimpleName(), c);
        }
        return out;
    }
}
