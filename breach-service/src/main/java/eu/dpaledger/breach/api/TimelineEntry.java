package eu.dpaledger.breach.api;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.eventstore.StoredEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One event of a breach as its timeline shows it: what, who and when, with the event's data and its chain hash. */
@Schema(name = "BreachTimelineEntry")
public record TimelineEntry(
        @Schema(required = true, description = "The stream version this event made (1 for the report)") long version,
        @Schema(required = true, example = "BreachReported") String type,
        @Schema(required = true) Instant at,
        @Schema(required = true) By by,
        @Schema(required = true, implementation = Map.class, description = "The event's data as published (see the JSON Schemas in contracts/), its personal values opened for the parties: an erased one reads \"erased on <date>\"")
        JsonNode event,
        @Schema(required = true, description = "The event's hash in the stream's chain") String hash) {

    /** Who caused the event: the token's subject, organisation and roles. */
    @Schema(name = "TimelineActor")
    public record By(@Schema(required = true) String subject,
                     @Schema(required = true, description = "Enterprise number of the actor's organisation; empty for the system")
                     String organisation,
                     @Schema(required = true) List<String> roles) {
    }

    /** {@code payload} is the event's payload as the parties read it (its personal values opened). */
    static TimelineEntry of(StoredEvent e, JsonNode payload) {
        List<String> roles = new ArrayList<>();
        e.metadata().path("actorRoles").forEach(role -> roles.add(role.asText()));
        return new TimelineEntry(e.version(), e.type(), e.occurredAt(),
                new By(e.metadata().path("actorSubject").asText(), e.metadata().path("actorOrganisation").asText(""), roles),
                payload, e.hash());
    }
}
