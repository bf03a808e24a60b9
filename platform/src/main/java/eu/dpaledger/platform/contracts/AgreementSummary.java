package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;

/**
 * The consumer side of agreement-service's published contract: every event on {@code dpa.agreements}
 * carries the agreement's id, its stream version and a summary of the agreement after the event
 * (parties, status, settings; see agreement-service's {@code contracts/}). One reader for every
 * service that keeps a read model of agreements.
 *
 * @param annexSubprocessors  the annex-1 sub-processors as published (JSON array)
 * @param processingLocations the processing locations as published (JSON array)
 */
public record AgreementSummary(String agreementId, long streamVersion, String status, String controllerOrg,
                               String controllerName, String processorOrg, String processorName, String assignment,
                               Integer highestInformationClass, String supervisoryAuthority, String timeZone,
                               int subprocessorObjectionDays, int destructionConfirmationDays,
                               JsonNode annexSubprocessors, JsonNode processingLocations) {

    public static final String TOPIC = "dpa.agreements";
    /** The prefix of agreement event types on the topic (other aggregates may publish there too). */
    public static final String TYPE_PREFIX = "eu.dpaledger.agreement.";

    /** Reads the summary of an agreement event; a message without one is refused (dead-letter topic). */
    public static AgreementSummary of(IncomingEvent event) {
        JsonNode data = event.data();
        JsonNode summary = data.get("agreement");
        if (summary == null || !summary.isObject() || !data.hasNonNull("agreementId") || !data.hasNonNull("streamVersion")) {
            throw new IllegalArgumentException("agreement event without agreementId, streamVersion or summary");
        }
        JsonNode settings = summary.path("settings");
        JsonNode highest = summary.get("highestInformationClass");
        return new AgreementSummary(data.get("agreementId").asText(), data.get("streamVersion").asLong(),
                summary.path("status").asText(),
                summary.path("controller").path("enterpriseNumber").asText(),
                summary.path("controller").path("name").asText(),
                summary.path("processor").path("enterpriseNumber").asText(),
                summary.path("processor").path("name").asText(),
                summary.path("assignment").isTextual() ? summary.path("assignment").asText() : null,
                highest == null || highest.isNull() ? null : highest.asInt(),
                settings.path("supervisoryAuthority").asText(null),
                settings.path("timeZone").asText("Europe/Brussels"),
                settings.path("subprocessorObjectionDays").asInt(30),
                settings.path("destructionConfirmationDays").asInt(30),
                summary.path("subprocessors"),
                summary.path("processingLocations"));
    }
}
