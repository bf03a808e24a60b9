package eu.dpaledger.subprocessor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.contracts.FlowDownProofPublished;
import eu.dpaledger.platform.contracts.PublishedContracts;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.subprocessor.application.ChangeClockScheduler;
import eu.dpaledger.subprocessor.infrastructure.SubprocessorEventTypes;
import eu.dpaledger.testing.Contracts;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static eu.dpaledger.subprocessor.api.Fixtures.*;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published contract of {@code dpa.subprocessors}: every event type reaches the topic as a CloudEvent
 * whose data matches {@code contracts/<type>.schema.json}, and every type has a strict schema.
 */
@QuarkusTest
class ContractTest {

    @Inject
    ChangeClockScheduler scheduler;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void every_event_type_matches_its_published_contract() {
        String agreement = activeAgreement();
        // Announced, objected, superseded by an alternative; the objection on the alternative is withdrawn (accepted).
        String first = announced(agreement);
        object(first, 1).statusCode(200);
        ObjectNode alternative = addCloudflare();
        ((ObjectNode) alternative.get("subprocessor")).put("name", "Bunny.net").put("country", "SI").putNull("transferMechanism");
        String second = act(processorToken(), first, "alternative", 2, alternative).statusCode(201).extract().path("id");
        object(second, 1).statusCode(200);
        act(controllerToken(), second, "objection-withdrawal", 2, JSON.createObjectNode().put("reason", "Resolved")).statusCode(200);
        // Withdrawn by the processor.
        String third = announced(agreement);
        act(processorToken(), third, "withdrawal", 1, JSON.createObjectNode().put("reason", "Not needed")).statusCode(200);
        // Flow-down proof (art. 6.4): requested by the controller, provided by the processor.
        String request = io.restassured.RestAssured.given().auth().oauth2(controllerToken()).contentType("application/json")
                .body("{\"note\":\"Before the annual review\"}")
                .post("/agreements/{id}/subprocessors/{name}/proof-requests", agreement, "Level 27")
                .then().statusCode(201).extract().path("id");
        String proof = io.restassured.RestAssured.given().auth().oauth2(processorToken()).contentType("application/json")
                .body("{\"reference\":\"ESN-L27-2026\",\"sha256\":\"" + "ab".repeat(32) + "\"}")
                .post("/agreements/{id}/subprocessors/{name}/proofs", agreement, "Level 27")
                .then().statusCode(201).extract().path("id");
        // A removal today: accepted and in effect at once.
        ObjectNode remove = JSON.createObjectNode().put("kind", "REMOVE").put("reason", "Contract ended")
                .put("intendedFrom", LocalDate.ofInstant(TestClock.now(), BRUSSELS).toString());
        remove.putObject("subprocessor").put("name", "Level 27");
        String fourth = announce(processorToken(), agreement, remove).statusCode(201).extract().path("id");
        // Warnings and the termination right, by the scheduler.
        String fifth = announced(agreement);
        Instant windowEnd = Instant.parse(change(controllerToken(), fifth).extract().path("deadlines.objectionWindowEndsAt"));
        String sixth = announced(agreement);
        Instant right = Instant.parse(object(sixth, 1).statusCode(200).extract().path("deadlines.terminationRightFrom"));
        // A processor-wide announcement to three agreements of another processor: made, progress (batches of 2), completed.
        String processor = AnnouncementTest.organisation();
        for (int i = 0; i < 3; i++) {
            activeAgreement(AnnouncementTest.organisation(), processor);
        }
        String announcement = io.restassured.RestAssured.given().auth().oauth2(eu.dpaledger.testing.Tokens.processor(processor))
                .contentType("application/json").body(addCloudflare().toString()).post("/subprocessor-announcements")
                .then().statusCode(201).extract().path("id");
        Set<String> ids = Set.of(first, second, third, fourth, fifth, sixth, request, proof, announcement);
        await().atMost(Duration.ofSeconds(15)).until(() -> records(ids).size() >= 20);
        TestClock.setNow(windowEnd.minus(Duration.ofHours(1)));
        tickUntil(() -> has(fifth, "ObjectionWindowClosingSoon"));
        TestClock.setNow(right.minus(Duration.ofDays(1)));
        tickUntil(() -> has(sixth, "TerminationRightApproaching"));
        TestClock.setNow(right);
        tickUntil(() -> has(sixth, "TerminationRightGranted"));

        List<TopicReader.Received> records = records(ids);
        for (TopicReader.Received r : records) {
            assertEquals(r.key(), r.header("ce_subject"));
            boolean isAnnouncement = SubprocessorEventTypes.ANNOUNCEMENTS.contains(r.ceType());
            if (isAnnouncement) {
                assertEquals(processor, read(r.value()).path("processorOrg").asText());
            } else {
                assertEquals(agreement, read(r.value()).path("agreementId").asText());
            }
            assertEquals("/dpa-ledger/subprocessor-service", r.header("ce_source"));
            Set<String> violations = Contracts.violations(r.ceType(), r.value());
            assertTrue(violations.isEmpty(), r.ceType() + " violates its contract: " + violations + "\n" + r.value());
            // The contract type in platform.contracts that consumers read it with holds every value as published.
            JsonNode published = read(r.value());
            Class<?> contract = SubprocessorEventTypes.PROOFS.contains(r.ceType()) ? FlowDownProofPublished.class
                    : isAnnouncement ? eu.dpaledger.platform.contracts.SubprocessorAnnouncementPublished.class
                    : SubprocessorChangePublished.class;
            JsonNode readBack = mapper.valueToTree(PublishedContracts.read(published, contract));
            assertTrue(published.equals(ContractTest::sameValue, readBack),
                    r.ceType() + " reads back into " + contract.getSimpleName() + " as " + readBack + "\n" + r.value());
        }
        Set<String> seen = records.stream().map(TopicReader.Received::ceType).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(SubprocessorEventTypes.ALL), seen, "every event type went through the topic");
    }

    @Test
    void every_published_event_type_has_a_strict_contract_file() {
        assertEquals(16, SubprocessorEventTypes.ALL.size());
        for (String type : SubprocessorEventTypes.ALL) {
            assertNotNull(ContractTest.class.getClassLoader().getResource("contracts/" + type + ".schema.json"), type);
            assertFalse(Contracts.violations(type, "{}").isEmpty(), type + " accepts an empty object");
        }
    }

    private void tickUntil(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            scheduler.tick().await().indefinitely();
            return condition.call();
        });
    }

    /** Equal JSON values; numbers by value (an int read back from a long field is the same number). */
    private static int sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean has(String id, String event) {
        return records(Set.of(id)).stream().anyMatch(r -> r.ceType().equals("eu.dpaledger.subprocessor." + event + ".v1"));
    }

    private static List<TopicReader.Received> records(Set<String> ids) {
        return TopicReader.readAll("dpa.subprocessors", r -> ids.contains(r.key()));
    }
}
