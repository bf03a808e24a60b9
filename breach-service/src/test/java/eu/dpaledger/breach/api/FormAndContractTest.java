package eu.dpaledger.breach.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.breach.application.BreachClockScheduler;
import eu.dpaledger.breach.infrastructure.BreachEventTypes;
import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.contracts.PublishedContracts;
import eu.dpaledger.testing.Contracts;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static eu.dpaledger.breach.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Annex 2 as a document (JSON with DPV terms, printable HTML for a complete and an incomplete report),
 * the scheduler's 72-hour events on a controllable clock, and the published contract of {@code dpa.breaches}.
 */
@QuarkusTest
class FormAndContractTest {

    @Inject
    BreachClockScheduler scheduler;

    /** The application's mapper: the one the service writes its published records with. */
    @Inject
    ObjectMapper mapper;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void the_form_of_a_complete_report_renders_every_field_and_maps_to_dpv() {
        String agreement = activeAgreement();
        String id = reported(agreement, complete(TestClock.now().minusSeconds(3600)));
        String html = given().auth().oauth2(controllerToken()).accept("text/html").get("/breaches/{id}/form", id)
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("Bijlage 2") && html.contains("Annex 2"));
        assertTrue(html.contains("Residents who booked an appointment at the social service"));
        assertTrue(html.contains("European Service Network"), "the processor's name from the agreement");
        assertFalse(html.contains("null"));
        given().auth().oauth2(processorToken()).accept("application/json").get("/breaches/{id}/form", id).then().statusCode(200)
                .body(containsString("https://w3id.org/dpv/pd#MedicalHealth"))
                .body(containsString("https://w3id.org/dpv/legal/eu/gdpr#ConfidentialityBreach"));
    }

    @Test
    void the_form_of_an_incomplete_report_marks_what_is_not_yet_known() {
        String agreement = activeAgreement();
        String id = reported(agreement, minimal(TestClock.now().minusSeconds(3600)));
        given().auth().oauth2(controllerToken()).accept("text/html").get("/breaches/{id}/form", id).then().statusCode(200)
                .body(containsString("nog niet gekend")).body(containsString("not yet known"))
                .body(containsString("class=\"unknown\""))
                .body(not(containsString("null")));
        given().auth().oauth2(eu.dpaledger.testing.Tokens.controller(eu.dpaledger.testing.Tokens.VOORBEELD)).accept("text/html")
                .get("/breaches/{id}/form", id).then().statusCode(404);
    }

    @Test
    void the_scheduler_warns_before_and_records_once_when_the_72_hours_pass() {
        String agreement = activeAgreement();
        var created = report(processorToken(), agreement, minimal(TestClock.now().minusSeconds(3600))).statusCode(201);
        String id = created.extract().path("id");
        Instant due = Instant.parse(created.extract().path("clocks.notificationDueAt"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("agreement", agreement).get("/breaches").then().body("items.breachId", equalTo(List.of(id))));
        TestClock.setNow(due.minus(Duration.ofHours(2)));
        tickUntil(() -> count(id, "NotificationDeadlineApproaching") == 1);
        TestClock.setNow(due.plusSeconds(60));
        tickUntil(() -> count(id, "NotificationDeadlineMissed") == 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("overdue", true).get("/breaches").then().body("items.breachId", org.hamcrest.Matchers.hasItem(id)));
        scheduler.tick().await().indefinitely();
        scheduler.tick().await().indefinitely();
        assertEquals(1, count(id, "NotificationDeadlineMissed"));
        assertEquals(1, count(id, "NotificationDeadlineApproaching"));
        breach(controllerToken(), id).body("clocks.notificationOverdue", equalTo(true));
    }

    @Test
    void every_event_type_matches_its_published_contract() throws Exception {
        String agreement = activeAgreement();
        Instant now = TestClock.now();
        String id = reported(agreement, complete(now.minusSeconds(3600)));
        act(processorToken(), id, "supplements", 1, JSON.createObjectNode().put("measures", "Also: staff training")).statusCode(200);
        act(controllerToken(), id, "controller-awareness", 2, JSON.createObjectNode().put("controllerAwareAt", now.toString())
                .put("justification", "Read on arrival")).statusCode(200);
        act(controllerToken(), id, "assessment", 3, JSON.createObjectNode().put("risk", "HIGH_RISK").put("justification", "Health data"))
                .statusCode(200);
        act(controllerToken(), id, "data-subject-communication", 4, JSON.createObjectNode().put("at", now.toString())
                .put("channel", "Letter")).statusCode(200);
        // Since B3 the UNINTELLIGIBLE exemption needs annex 2 to say the data were unintelligible (GDPR art. 34(3)(a)).
        var encrypted = minimal(now.minusSeconds(60));
        encrypted.putObject("unintelligible").put("answer", "YES").putNull("how");
        String other = reported(agreement, encrypted);
        act(controllerToken(), other, "assessment", 1, JSON.createObjectNode().put("risk", "HIGH_RISK").put("justification", "x"))
                .statusCode(200);
        act(controllerToken(), other, "data-subject-communication", 2, JSON.createObjectNode().put("exemption", "UNINTELLIGIBLE")
                .put("exemptionReason", "AES-256, key safe")).statusCode(200);
        String attempt = reported(agreement, minimal(now.minusSeconds(60)).put("kind", "SERIOUS_ATTEMPT"));
        act(controllerToken(), attempt, "attempt-assessment", 1, JSON.createObjectNode().put("breach", true)
                .put("justification", "The attacker reached the residents' files")).statusCode(200);
        Instant due = Instant.parse(breach(controllerToken(), other).extract().path("clocks.notificationDueAt"));
        await().atMost(Duration.ofSeconds(15)).until(() -> records(Set.of(id, other, attempt)).size() >= 10);
        TestClock.setNow(due.minusSeconds(60));
        tickUntil(() -> count(other, "NotificationDeadlineApproaching") == 1);
        TestClock.setNow(due.plusSeconds(60));
        tickUntil(() -> count(other, "NotificationDeadlineMissed") == 1);
        act(controllerToken(), other, "authority-notification", 5, JSON.createObjectNode().put("notifiedAt", TestClock.now().toString())
                .put("reference", "VTC-7").put("delayReasons", "Weekend")).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> count(other, "AuthorityNotified") == 1);

        List<TopicReader.Received> records = records(Set.of(id, other, attempt));
        for (TopicReader.Received r : records) {
            assertEquals(r.key(), r.header("ce_subject"));
            assertEquals("/dpa-ledger/breach-service", r.header("ce_source"));
            Set<String> violations = Contracts.violations(r.ceType(), r.value());
            assertTrue(violations.isEmpty(), r.ceType() + " violates its contract: " + violations + "\n" + r.value());
            // A consumer's typed reader loses nothing: the record read back writes the same JSON.
            JsonNode data = JSON.readTree(r.value());
            BreachPublished published = PublishedContracts.read(data, BreachPublished.class);
            assertEquals(r.key(), published.breachId());
            assertEquals(data, JSON.readTree(mapper.writeValueAsString(published)), r.ceType() + " reads back as BreachPublished");
        }
        Set<String> seen = records.stream().map(TopicReader.Received::ceType).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(BreachEventTypes.ALL), seen, "every event type went through the topic");
    }

    @Test
    void every_published_event_type_has_a_strict_contract_file() {
        assertEquals(10, BreachEventTypes.ALL.size());
        for (String type : BreachEventTypes.ALL) {
            assertNotNull(getClass().getClassLoader().getResource("contracts/" + type + ".schema.json"), type);
            assertFalse(Contracts.violations(type, "{}").isEmpty(), type + " accepts an empty object");
        }
    }

    private void tickUntil(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            scheduler.tick().await().indefinitely();
            return condition.call();
        });
    }

    private static List<TopicReader.Received> records(Set<String> ids) {
        return TopicReader.readAll("dpa.breaches", r -> ids.contains(r.key()));
    }

    private static long count(String id, String event) {
        return records(Set.of(id)).stream().filter(r -> r.ceType().equals("eu.dpaledger.breach." + event + ".v1")).count();
    }
}
