package eu.dpaledger.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One verified webhook delivery: the CloudEvent it carries and the fields a receiver orders and files it by.
 *
 * <p>Deliveries of one stream can arrive out of order (they go out concurrently and a retry comes later): the
 * ordering key is {@link #subject()} (the stream id) with {@link #streamVersion()}.
 *
 * @param webhookId     the {@code webhook-id} header, the same on every retry of this delivery
 * @param type          the CloudEvent type, e.g. {@code eu.dpaledger.breach.BreachReported.v1}
 * @param subject       the CloudEvent subject: the id of the stream the event belongs to; null on a ping
 * @param streamVersion {@code data.streamVersion}, the event's place in its stream; null on a ping
 * @param correlationId the CloudEvent's {@code correlationid}, else the {@code X-Correlation-Id} header; may be null
 * @param event         the whole CloudEvent as parsed
 * @param body          the body exactly as signed
 */
public record Delivery(
        String webhookId,
        String type,
        String subject,
        Long streamVersion,
        String correlationId,
        JsonNode event,
        String body) {

    /** The event's {@code data} member: what happened. */
    public JsonNode data() {
        return event.path("data");
    }

    static Delivery of(String webhookId, JsonNode event, String body, String correlationIdHeader) {
        JsonNode streamVersion = event.path("data").path("streamVersion");
        String correlationId = textOrNull(event, "correlationid");
        return new Delivery(
                webhookId,
                textOrNull(event, "type"),
                textOrNull(event, "subject"),
                streamVersion.isIntegralNumber() ? streamVersion.longValue() : null,
                correlationId != null ? correlationId : correlationIdHeader,
                event,
                body);
    }

    private static String textOrNull(JsonNode event, String member) {
        JsonNode value = event.get(member);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
