package eu.dpaledger.breach.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import eu.dpaledger.testing.AgreementEvents;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static eu.dpaledger.breach.api.Fixtures.*;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event evolution policy (docs/EVENTS.md) as this service lives it, through the real broker: an event with
 * fields this release does not know is applied (not dead-lettered), an event type it does not know is skipped
 * and the stream carries on, and what this service publishes carries the headers docs/api/asyncapi.yaml names.
 */
@QuarkusTest
class EventEvolutionTest {

    private static final String DLQ = "dpa.dlq.breach-service";

    @Test
    void an_agreement_event_with_fields_added_within_v1_is_applied_not_dead_lettered() throws Exception {
        String id = UUID.randomUUID().toString();
        String time = TestClock.now().toString();
        ObjectNode summary = AgreementEvents.summary("ACTIVE", CONTROLLER, PROCESSOR, "VTC");
        summary.put("reviewDue", "2027-06-30");
        ((ObjectNode) summary.get("settings")).put("breachHotline", "+32 2 000 00 00");
        ((ObjectNode) summary.get("subprocessors").get(0)).putArray("certifications").add("ISO 27001");
        ObjectNode data = JSON.createObjectNode().put("agreementId", id).put("streamVersion", 4);
        data.putObject("event").put("contentSha256", "a".repeat(64)).put("at", time).put("signedVia", "itsme");
        data.set("agreement", summary);
        data.put("region", "eu-west");

        // The published schema is open: a consumer that validates with it accepts the added fields too.
        String type = AgreementEvents.ACTIVATED;
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream("contracts/" + type + ".schema.json")) {
            Set<ValidationMessage> violations = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(data);
            assertTrue(violations.isEmpty(), violations.toString());
        }
        String eventId = UUID.randomUUID().toString();
        TopicReader.write(AgreementEvents.TOPIC, id, data.toString(), cloudEvent(eventId, type, "agreement-service", id, time));

        // Longer than Fixtures.awaitAgreement: when this is the first test of a fresh JVM the consumer may still be joining.
        String authority = await().atMost(Duration.ofSeconds(60)).until(() -> report(processorToken(), id,
                minimal(TestClock.now().minusSeconds(600))).extract(), r -> r.statusCode() == 201).path("authority");
        assertEquals("VTC", authority, "the summary's settings were taken in");
        List<String> dead = afterSentinel(AgreementEvents.TOPIC, id);
        assertTrue(!dead.contains(eventId), "dead-lettered: " + dead);
    }

    @Test
    void an_event_type_this_release_does_not_know_is_skipped_and_the_stream_carries_on() {
        String agreement = UUID.randomUUID().toString();
        String time = TestClock.now().toString();
        // A .v2 published side by side with the .v1, its summary reshaped: this release reads the .v1 only.
        String v2 = UUID.randomUUID().toString();
        TopicReader.write(AgreementEvents.TOPIC, agreement, JSON.createObjectNode().put("agreementId", agreement)
                        .put("streamVersion", 4).put("state", "IN_FORCE").toString(),
                cloudEvent(v2, "eu.dpaledger.agreement.AgreementActivated.v2", "agreement-service", agreement, time));
        AgreementEvents.publish(agreement, 4, AgreementEvents.ACTIVATED, JSON.createObjectNode().put("contentSha256", "a".repeat(64))
                .put("at", time), AgreementEvents.summary("ACTIVE", CONTROLLER, PROCESSOR, "VTC"), time);
        awaitAgreement(agreement);

        // A breach event type of a later release on this service's own topic, before one it knows.
        String breach = reported(agreement, minimal(TestClock.now().minusSeconds(600)));
        String unknown = UUID.randomUUID().toString();
        TopicReader.write("dpa.breaches", breach, JSON.createObjectNode().put("breachId", breach).put("streamVersion", 2).toString(),
                cloudEvent(unknown, "eu.dpaledger.breach.BreachEscalated.v1", "breach-service", breach, time));
        act(processorToken(), breach, "supplements", 1, JSON.createObjectNode().put("measures", "Passwords reset"))
                .statusCode(200);

        Set<String> dead = new HashSet<>(afterSentinel(AgreementEvents.TOPIC, agreement));
        dead.addAll(afterSentinel("dpa.breaches", breach));
        assertTrue(!dead.contains(v2) && !dead.contains(unknown), "unknown types dead-lettered: " + dead);
    }

    @Test
    void what_this_service_publishes_carries_the_headers_the_asyncapi_document_names() throws Exception {
        JsonNode headers = new YAMLMapper().readTree(Path.of("../docs/api/asyncapi.yaml").toFile())
                .at("/components/messageTraits/cloudEvent/headers");
        Set<String> required = new HashSet<>();
        headers.path("required").forEach(h -> required.add(h.asText()));
        Set<String> described = new HashSet<>();
        headers.path("properties").fieldNames().forEachRemaining(described::add);

        String breach = reported(activeAgreement(), minimal(TestClock.now().minusSeconds(600)));
        await().atMost(Duration.ofSeconds(15)).until(() -> !TopicReader.readAll("dpa.breaches", r -> breach.equals(r.key())).isEmpty());
        TopicReader.Received record = TopicReader.readAll("dpa.breaches", r -> breach.equals(r.key())).get(0);
        assertTrue(record.headers().keySet().containsAll(required), "missing: " + required + " vs " + record.headers().keySet());
        assertTrue(described.containsAll(record.headers().keySet()),
                "headers not described in asyncapi.yaml: " + record.headers().keySet() + " vs " + described);
        assertEquals("1.0", record.header("ce_specversion"));
        assertEquals("/dpa-ledger/breach-service", record.header("ce_source"));
        assertEquals(breach, record.header("ce_subject"));
        assertEquals("application/json", record.header("content-type"));
        assertEquals(1, JSON.readTree(record.value()).get("streamVersion").asInt());
    }

    private static Map<String, String> cloudEvent(String id, String type, String service, String subject, String time) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", "/dpa-ledger/" + service,
                "ce_subject", subject, "ce_time", time, "content-type", "application/json");
    }

    /**
     * The ids of the events of this key on the dead-letter topic, once a poison record sent after them (same key,
     * same partition, consumed after them) arrived there: what was not dead-lettered by then never will be.
     */
    private static List<String> afterSentinel(String topic, String key) {
        String sentinel = UUID.randomUUID().toString();
        TopicReader.write(topic, key, "{not json", Map.of("ce_specversion", "1.0", "ce_id", sentinel,
                "ce_type", "eu.dpaledger.agreement.AgreementActivated.v1", "ce_source", "/test"));
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettered(key).contains(sentinel));
        return deadLettered(key);
    }

    private static List<String> deadLettered(String key) {
        return TopicReader.readAll(DLQ, r -> key.equals(r.key())).stream().map(TopicReader.Received::ceId).toList();
    }
}
