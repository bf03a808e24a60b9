package eu.dpaledger.agreement.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.agreement.infrastructure.AgreementEventTypes;
import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.contracts.PublishedContracts;
import eu.dpaledger.testing.Contracts;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published contract of {@code dpa.agreements}: every event type an agreement can go through reaches the
 * topic as a CloudEvent whose data matches {@code contracts/<type>.schema.json}, and the schemas are strict
 * enough that a producer adding, dropping or renaming a field breaks this test.
 */
@QuarkusTest
class ContractTest {

    @Inject
    ObjectMapper mapper;

    private static final String TOPIC = "dpa.agreements";
    private static final String TYPE_PREFIX = "eu.dpaledger.agreement.";

    @Test
    void every_event_type_of_a_full_lifecycle_matches_its_published_contract() {
        String id = agreementThroughEveryEventType();

        await().atMost(Duration.ofSeconds(20)).until(() -> records(id).size() == 17);
        List<TopicReader.Received> records = records(id);
        assertEquals(LongStream.rangeClosed(1, 17).boxed().toList(),
                records.stream().map(r -> read(r.value()).get("streamVersion").asLong()).toList(),
                "one record per event, in stream order");
        for (TopicReader.Received r : records) {
            assertEquals(id, r.header("ce_subject"), "ce_subject");
            assertEquals("/dpa-ledger/agreement-service", r.header("ce_source"));
            Set<String> violations = Contracts.violations(r.ceType(), r.value());
            assertTrue(violations.isEmpty(), r.ceType() + " violates its contract: " + violations + "\n" + r.value());
            AgreementPublished published = PublishedContracts.read(read(r.value()), AgreementPublished.class);
            assertEquals(read(r.value()), read(write(published)), r.ceType() + " reads back into AgreementPublished with every value");
        }
        Set<String> seen = records.stream().map(TopicReader.Received::ceType).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(AgreementEventTypes.ALL), seen, "all 13 event types went through the topic");
        assertEquals(13, seen.size());
    }

    @Test
    void every_published_event_type_has_a_contract_file() {
        for (String type : AgreementEventTypes.ALL) {
            assertNotNull(ContractTest.class.getClassLoader().getResource("contracts/" + type + ".schema.json"), type);
            assertFalse(Contracts.violations(type, "{}").isEmpty(), type + " accepts an empty object");
        }
    }

    @Test
    void a_producer_change_breaks_the_contract() {
        String id = createDraft();
        await().atMost(Duration.ofSeconds(20)).until(() -> records(id).size() == 1);
        String drafted = records(id).get(0).value();
        String type = TYPE_PREFIX + "DraftCreated.v1";
        assertTrue(Contracts.violations(type, drafted).isEmpty(), "the untouched record conforms");

        Map<String, Consumer<ObjectNode>> changes = Map.of(
                "an extra top-level field", data -> data.put("tenant", "opwijk"),
                "an extra field in the event", data -> event(data).put("createdAt", "2026-01-01T00:00:00Z"),
                "a field dropped from the event", data -> event(data).remove("createdBy"),
                "the summary dropped", data -> data.remove("agreement"),
                "an unknown status", data -> summary(data).put("status", "PENDING"),
                "an enterprise number with dots", data -> party(data).put("enterpriseNumber", "0207.511.803"),
                "an instant that is not ISO-8601", data -> event(data).put("at", "29/11/2026"),
                "an unknown party role", data -> event(data).put("createdBy", "AUDITOR"),
                "a stream version 0", data -> data.put("streamVersion", 0),
                "a sub-processor without its transfer mechanism field",
                data -> ((ObjectNode) ((ArrayNode) summary(data).get("subprocessors")).get(0)).remove("transferMechanism"));
        changes.forEach((what, change) -> {
            ObjectNode data = (ObjectNode) read(drafted);
            change.accept(data);
            assertFalse(Contracts.violations(type, data.toString()).isEmpty(), what + " must violate the contract");
        });
        assertFalse(Contracts.violations(TYPE_PREFIX + "AgreementActivated.v1", drafted).isEmpty(),
                "a DraftCreated record is not an AgreementActivated");
    }

    /** Drives one agreement through all 13 event types: 17 events. */
    private static String agreementThroughEveryEventType() {
        ObjectNode body = seed();
        ((ObjectNode) ((ArrayNode) body.get("dataCategories")).get(1)).put("code", "4.02"); // normalised to "4 02"
        ((ArrayNode) body.get("processingLocations")).add(JSON.createObjectNode()
                .put("country", "ch").put("transferMechanism", "ADEQUACY_DECISION"));
        ((ObjectNode) body.get("settings")).remove("timeZone");
        ((ObjectNode) body.get("processor")).putNull("representative");
        String id = createDraft(controllerToken(), body);                                     // 1 DraftCreated
        sign(controllerToken(), id, 1).statusCode(200);                                        // 2 AgreementSigned
        ((ArrayNode) body.get("purposes")).add("Newsletter");
        put(processorToken(), id, 2, body).statusCode(200)                                     // 3 DraftEdited
                .body("signatures[0].voided", equalTo(true));                                  // 4 SignaturesVoided
        sign(controllerToken(), id, 4).statusCode(200);                                        // 5 AgreementSigned
        sign(processorToken(), id, 5).statusCode(200).body("status", equalTo("ACTIVE"));       // 6, 7 AgreementActivated

        ObjectNode changes = JSON.createObjectNode();
        changes.putArray("subprocessors").addObject().put("name", "Cloud Analytics Inc.").put("headOffice", "Seattle")
                .put("country", "US").put("transferMechanism", "APPROPRIATE_SAFEGUARDS");
        post(controllerToken(), "/agreements/{id}/addenda", 7, addendum("Addendum 1", changes), id)
                .statusCode(201);                                                              // 8 AddendumProposed
        post(controllerToken(), "/agreements/{id}/addenda/1/signatures", 8, signature(), id).statusCode(200); // 9
        post(processorToken(), "/agreements/{id}/addenda/1/signatures", 9, signature(), id).statusCode(200)   // 10, 11
                .body("addenda[0].status", equalTo("IN_FORCE"));
        ObjectNode more = JSON.createObjectNode();
        more.putArray("purposes").add("Web analytics only");
        post(processorToken(), "/agreements/{id}/addenda", 11, addendum("Addendum 2", more), id).statusCode(201); // 12
        post(processorToken(), "/agreements/{id}/addenda/2/withdrawal", 12, Map.of("reason", "Superseded"), id)
                .statusCode(200);                                                              // 13 AddendumWithdrawn

        post(controllerToken(), "/agreements/{id}/termination", 13, Map.of("ground", "PROCESSOR_DEFAULT",
                "effectiveAt", now().minusSeconds(3600).toString(), "noticeOfDefaultReference", "OPW/2026/117"), id)
                .statusCode(200);                                                              // 14 AgreementTerminated
        post(processorToken(), "/agreements/{id}/data-return", 14, Map.of("format", "application/zip",
                "sha256", ARCHIVE_SHA256.toUpperCase(), "deliveredAt", now().minusSeconds(600).toString()), id)
                .statusCode(200);                                                              // 15 DataReturned
        post(processorToken(), "/agreements/{id}/destruction-confirmation", 15, Map.of("confirmedAt", now().toString(),
                "statement", "All copies and backups destroyed", "legalRetentionExceptions", List.of("Invoices (7 years)")), id)
                .statusCode(200).body("status", equalTo("CLOSED"));                            // 16, 17 AgreementClosed
        return id;
    }

    private static ObjectNode addendum(String title, ObjectNode changes) {
        ObjectNode addendum = JSON.createObjectNode().put("title", title).put("reason", "Art. 12.3");
        addendum.set("changes", changes);
        return addendum;
    }

    private static List<TopicReader.Received> records(String id) {
        return TopicReader.readAll(TOPIC, r -> id.equals(r.key()));
    }

    /** As the producer writes it (the service's own mapper). */
    private String write(Object published) {
        try {
            return mapper.writeValueAsString(published);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode event(ObjectNode data) {
        return (ObjectNode) data.get("event");
    }

    private static ObjectNode summary(ObjectNode data) {
        return (ObjectNode) data.get("agreement");
    }

    private static ObjectNode party(ObjectNode data) {
        return (ObjectNode) summary(data).get("controller");
    }
}
