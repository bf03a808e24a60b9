package eu.dpaledger.platform.contracts;

import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;

/**
 * What subprocessor-service publishes on {@code dpa.subprocessors} when an objection to a sub-processor stayed
 * unresolved for three months (DPA art. 6.2): from then on the controller may terminate the agreement on that
 * ground. The consumer's view of {@code eu.dpaledger.subprocessor.TerminationRightGranted.v1} (its JSON Schema is
 * in subprocessor-service's {@code contracts/}): the envelope and the event; the change's summary beside them is
 * not read here.
 */
public record TerminationRightGrantedPublished(String changeId, String agreementId, long streamVersion, Event event) {

    public static final String TOPIC = "dpa.subprocessors";
    public static final String TYPE = "eu.dpaledger.subprocessor.TerminationRightGranted.v1";

    /** @param ground always {@code SUBPROCESSOR_OBJECTION} */
    public record Event(String agreementId, String ground, Instant objectionReceivedAt, Instant terminationRightFrom, Instant at) {
    }

    /** Reads the grant; one without the agreement's id is refused (dead-letter topic). */
    public static TerminationRightGrantedPublished of(IncomingEvent event) {
        TerminationRightGrantedPublished published = PublishedContracts.read(event.data(), TerminationRightGrantedPublished.class);
        if (published.agreementId() == null) {
            throw new IllegalArgumentException("TerminationRightGranted without agreementId");
        }
        return published;
    }
}
