package eu.dpaledger.platform.eventstore;

import java.util.List;

/** Who caused an event and in which conversation: stored with every event as evidence. */
public record EventMetadata(String actorSubject, String actorOrganisation, List<String> actorRoles,
                            String correlationId, String causationId, String idempotencyKey) {

    public EventMetadata {
        actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
    }

    /** Metadata for events the system raises itself (schedulers, consumers). */
    public static EventMetadata system(String component, String correlationId, String causationId) {
        return new EventMetadata("system:" + component, null, List.of(), correlationId, causationId, null);
    }
}
