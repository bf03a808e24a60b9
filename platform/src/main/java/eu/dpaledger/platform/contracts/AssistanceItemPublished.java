package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * agreement-service's published contract for its assistance aggregates (written instructions, authority
 * disclosure requests, data subject requests; DPA art. 2 and 7), one type for both sides: agreement-service
 * writes it for every such event on {@code dpa.agreements}, its assistance list reads it back with {@link #of}.
 * The JSON Schemas {@code eu.dpaledger.{instruction,disclosurerequest,datasubjectrequest}.*.v1} in
 * agreement-service's {@code contracts/} describe the same shape.
 *
 * @param itemId   the instruction's or request's id (its stream id, the Kafka key)
 * @param event    the event's own payload; absent while the law forbids informing the controller ({@code withheld})
 * @param withheld {@code true} while a disclosure request is gagged (DPA art. 2.2): then no event details are published
 * @param item     the item after the event, as the lists show it
 */
public record AssistanceItemPublished(String itemId, String agreementId, long streamVersion,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode event,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean withheld,
                                      Item item) implements EventPayload {

    public static final String INSTRUCTION = "INSTRUCTION";
    public static final String DISCLOSURE_REQUEST = "DISCLOSURE_REQUEST";
    public static final String DATA_SUBJECT_REQUEST = "DATA_SUBJECT_REQUEST";

    /**
     * @param kind              {@link #INSTRUCTION}, {@link #DISCLOSURE_REQUEST} or {@link #DATA_SUBJECT_REQUEST}
     * @param open              whether something is still to be done on it
     * @param controllerVisible whether the controller may see it (a gagged disclosure request, an unforwarded data subject request: not)
     * @param dueAt             the instant something is due (disclosure to the authority, forwarding to the controller), if any
     * @param answerDueOn       the date an answer is due (an instruction's effective date, the controller's answer to a data subject)
     */
    public record Item(String kind, String controllerOrg, String processorOrg, String status, boolean open, boolean controllerVisible,
                       String title, Instant dueAt, LocalDate answerDueOn) {
    }

    /** An event published with its payload. */
    public static AssistanceItemPublished withDetails(String itemId, String agreementId, long streamVersion, JsonNode event, Item item) {
        return new AssistanceItemPublished(itemId, agreementId, streamVersion, event, null, item);
    }

    /** An event whose details the law forbids passing on to the controller (DPA art. 2.2): only the item, marked withheld. */
    public static AssistanceItemPublished withheld(String itemId, String agreementId, long streamVersion, Item item) {
        return new AssistanceItemPublished(itemId, agreementId, streamVersion, null, true, item);
    }

    /** Reads an assistance event; a record without its id, version or item is refused (dead-letter topic). */
    public static AssistanceItemPublished of(IncomingEvent event) {
        AssistanceItemPublished published = PublishedContracts.read(event, AssistanceItemPublished.class);
        if (published.itemId() == null || published.agreementId() == null || published.item() == null
                || published.streamVersion() < 1) {
            throw new IllegalArgumentException("assistance event without itemId, agreementId, streamVersion or item");
        }
        return published;
    }
}
