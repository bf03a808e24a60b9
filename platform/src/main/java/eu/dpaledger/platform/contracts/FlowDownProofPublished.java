package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;

/**
 * subprocessor-service's published contract for flow-down proof records (DPA art. 6.4) on
 * {@code dpa.subprocessors}: each request for proof and each proof is a one-event stream, published with
 * the agreement and its parties so that consumers and webhooks can scope it. Written by subprocessor-service,
 * read back with {@link #of}; the JSON Schemas in its {@code contracts/} describe the same shape.
 *
 * @param proofId the record's id; also the Kafka record key and {@code ce_subject}
 * @param event   the event's own payload: {@link Requested} or {@link Provided}
 */
public record FlowDownProofPublished(String proofId, String agreementId, long streamVersion, JsonNode event, Parties parties) implements EventPayload {

    public static final String REQUESTED = SubprocessorChangePublished.TYPE_PREFIX + "FlowDownProofRequested.v1";
    public static final String PROVIDED = SubprocessorChangePublished.TYPE_PREFIX + "FlowDownProofProvided.v1";

    /** The agreement's parties by enterprise number. */
    public record Parties(String controllerOrg, String processorOrg) {
    }

    /** The controller asked for proof of flow-down to {@code subprocessor}. */
    public record Requested(String agreementId, String controllerOrg, String processorOrg, String subprocessor, String note,
                            String requestedBy, Instant at) {
    }

    /** The processor recorded its contract with {@code subprocessor}: a reference and the document's SHA-256. */
    public record Provided(String agreementId, String controllerOrg, String processorOrg, String subprocessor,
                           String reference, String sha256, String providedBy, Instant at) {
    }

    /** Reads a proof record; one without its ids, event or parties is refused (dead-letter topic). */
    public static FlowDownProofPublished of(IncomingEvent event) {
        FlowDownProofPublished published = PublishedContracts.read(event, FlowDownProofPublished.class);
        if (published.proofId() == null || published.agreementId() == null || published.event() == null
                || published.parties() == null) {
            throw new IllegalArgumentException("flow-down proof event without proofId, agreementId, event or parties");
        }
        return published;
    }

    /** The event of a {@link #REQUESTED} record. */
    public Requested requested() {
        return PublishedContracts.read(event, Requested.class);
    }

    /** The event of a {@link #PROVIDED} record. */
    public Provided provided() {
        return PublishedContracts.read(event, Provided.class);
    }
}
