package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;

/**
 * subprocessor-service's published contract for processor-wide sub-processor announcements (DPA art. 6.1 for many
 * agreements at once): the event's payload, the announcement and the processor it belongs to. The notices the
 * announcement fans out into are ordinary change events ({@link SubprocessorChangePublished}, each naming the
 * announcement). The JSON Schemas in subprocessor-service's {@code contracts/} describe the same shape.
 *
 * @param announcementId the announcement's id; also the Kafka record key and {@code ce_subject}
 * @param processorOrg   the announcing processor's enterprise number (the only party who sees the announcement)
 * @param streamVersion  the event's position in the announcement's stream
 * @param event          the event's own payload (its schema per event type)
 */
public record SubprocessorAnnouncementPublished(String announcementId, String processorOrg, long streamVersion, JsonNode event) implements EventPayload {

    /** The prefix of the announcement event types on {@code dpa.subprocessors}. */
    public static final String TYPE_PREFIX = "eu.dpaledger.subprocessorannouncement.";

    /** Reads an announcement event; a record without its ids or version is refused (dead-letter topic). */
    public static SubprocessorAnnouncementPublished of(IncomingEvent event) {
        SubprocessorAnnouncementPublished published = PublishedContracts.read(event, SubprocessorAnnouncementPublished.class);
        if (published.announcementId() == null || published.processorOrg() == null || published.streamVersion() < 1) {
            throw new IllegalArgumentException("announcement event without announcementId, processorOrg or streamVersion");
        }
        return published;
    }
}
