package eu.dpaledger.agreement.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Personal data in the ledger (docs/ARCHITECTURE.md "Personal data"): signers, representatives and DPOs are stored
 * and published sealed with a key per person; erasing the person destroys the key, and the agreement still verifies.
 */
@QuarkusTest
class PersonalDataTest {

    private static final String ERASURES = "/admin/personal-data/erasures";

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void a_signer_is_sealed_on_the_topic_readable_by_the_parties_and_listed_for_access() {
        Person jan = new Person();
        String id = activeAgreement(jan);
        get(controllerToken(), "/agreements/{id}", id).statusCode(200)
                .body("signatures.signerName", containsInAnyOrder(jan.name, "Piet Proef " + jan.suffix))
                .body("content.controller.representative.email", equalTo(jan.email));
        List<TopicReader.Received> records = await(() -> agreementRecords(id), r -> r.size() >= 4);
        for (TopicReader.Received r : records) {
            assertFalse(r.value().contains(jan.name) || r.value().contains(jan.email), "clear personal value on the topic: " + r.value());
        }
        assertTrue(records.stream().anyMatch(r -> r.value().matches("(?s).*\"signerName\":\\s*\"pd:1:.*")), "signer sealed on the topic");

        given().auth().oauth2(Tokens.admin()).queryParam("subject", jan.email).get("/admin/personal-data").then().statusCode(200)
                .body("services[0].service", equalTo("agreement-service"))
                .body("services[0].records", hasSize(1))
                .body("services[0].records[0].agreementId", equalTo(id))
                .body("services[0].records[0].kinds", containsInAnyOrder("representative", "signer"))
                .body("services[0].records[0].values.value", hasItems(jan.name, jan.email, "algemeen directeur"))
                .body("services[0].records[0].values.field", hasItems("/signerName", "/content/controller/representative/email"))
                .body("services[0].records[0].retainUntil", nullValue())
                .body("unreachable", empty());
        await(() -> signerInList(id, "CONTROLLER"), jan.name::equals);
        given().auth().oauth2(controllerToken()).queryParam("subject", jan.email).get("/admin/personal-data").then().statusCode(403);
    }

    @Test
    void an_erased_signer_reads_as_erased_and_the_agreement_still_verifies_and_goes_on() {
        Person jan = new Person();
        String id = createDraft(controllerToken(), seedFor(jan));
        signAs(controllerToken(), id, 1, jan.name);
        // The processor signs with an Idempotency-Key: its stored reply shows Jan's name.
        String key = UUID.randomUUID().toString();
        ValidatableResponse signed = given().auth().oauth2(processorToken()).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .header("Idempotency-Key", key).body(Map.of("signerName", "Piet Proef " + jan.suffix, "signerTitle", "directeur",
                        "place", "Brussel")).post("/agreements/{id}/signatures", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        String contentSha256 = signed.extract().path("contentSha256");
        List<String> signedDigests = signed.extract().path("signatures.signedSha256");

        String erasureId = erase(jan.name, null).statusCode(201)
                .body("trigger", equalTo("REQUEST"))
                .body("legalGround", equalTo("GDPR art. 17(1)(a)"))
                .body("keys", hasSize(1))
                .body("keys[0].agreementId", equalTo(id))
                .extract().path("erasureId");
        String erased = "erased on " + LocalDate.now(ZoneOffset.UTC);
        get(controllerToken(), "/agreements/{id}", id).statusCode(200)
                .body("signatures.find { it.party == 'CONTROLLER' }.signerName", equalTo(erased))
                .body("signatures.find { it.party == 'CONTROLLER' }.signerTitle", equalTo(erased))
                .body("signatures.find { it.party == 'PROCESSOR' }.signerName", equalTo("Piet Proef " + jan.suffix))
                .body("content.controller.representative.name", equalTo(erased))
                .body("content.controller.representative.email", equalTo(erased))
                .body("content.controller.dpo.name", equalTo("Els Fictief " + jan.suffix))
                // What the signatures bind is unchanged: a digest of the content as signed, not of what it reads now.
                .body("contentSha256", equalTo(contentSha256))
                .body("signatures.signedSha256", equalTo(signedDigests));
        get(controllerToken(), "/agreements/{id}/evidence", id).statusCode(200)
                .body("intact", equalTo(true)).body("eventsChecked", equalTo(4));
        // The stored reply to the processor's signature showed Jan: a retry is told it was erased, not run again.
        problem(given().auth().oauth2(processorToken()).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .header("Idempotency-Key", key).body(Map.of("signerName", "Piet Proef " + jan.suffix, "signerTitle", "directeur",
                        "place", "Brussel")).post("/agreements/{id}/signatures", id).then(), 410, "reply-erased");
        // The list holds the signer as published (sealed): erased there too, also when rebuilt from the topic.
        await(() -> signerInList(id, "CONTROLLER"), erased::equals);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).post("/admin/projections/agreement-list/rebuild")
                .then().statusCode(200);
        await(() -> signerInList(id, "CONTROLLER"), erased::equals);
        assertTrue(("Piet Proef " + jan.suffix).equals(signerInList(id, "PROCESSOR")));
        // Nothing left to find; the erasure itself is an event on the topic, without the value.
        erase(jan.email, null).statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("subject", jan.email).get("/admin/personal-data").then().statusCode(200)
                .body("services[0].records", empty());
        TopicReader.Received recorded = await(() -> TopicReader.readAll("dpa.agreements", r -> ("erasure-" + erasureId).equals(r.key())),
                r -> !r.isEmpty()).get(0);
        assertTrue(recorded.ceType().equals("eu.dpaledger.personaldata.PersonalDataErased.v1"), recorded.ceType());
        assertFalse(recorded.value().contains(jan.name) || recorded.value().contains(jan.email), recorded.value());
        assertTrue(eu.dpaledger.testing.Contracts.violations(recorded.ceType(), recorded.value()).isEmpty(),
                "the erasure as the contract describes it: " + eu.dpaledger.testing.Contracts.violations(recorded.ceType(), recorded.value()));
        // The agreement goes on: an addendum is proposed and signed over the content as it now reads, then it ends.
        ObjectNode addendum = JSON.createObjectNode().put("title", "Analytics").put("reason", "New purpose");
        addendum.putObject("changes").putArray("purposes").add("Web analytics");
        post(controllerToken(), "/agreements/{id}/addenda", 4, addendum, id).statusCode(201);
        post(controllerToken(), "/agreements/{id}/addenda/1/signatures", 5, signature(), id).statusCode(200);
        post(processorToken(), "/agreements/{id}/addenda/1/signatures", 6, signature(), id).statusCode(200)
                .body("addenda[0].status", equalTo("IN_FORCE"));
        post(controllerToken(), "/agreements/{id}/termination", 8,
                Map.of("ground", "ASSIGNMENT_ENDED", "effectiveAt", now().minusSeconds(60).toString()), id).statusCode(200)
                .body("content.controller.representative.name", equalTo(erased));
    }

    @Test
    void a_person_is_not_erased_while_the_agreement_is_being_signed() {
        Person jan = new Person();
        String id = createDraft(controllerToken(), seedFor(jan));
        signAs(controllerToken(), id, 1, jan.name);
        problem(erase(jan.name, id), 409, "legal-hold").body("holds[0].source", equalTo("signing"));
        signAs(processorToken(), id, 2, "Piet Proef " + jan.suffix);
        erase(jan.name, id).statusCode(201);
    }

    @Test
    void a_reason_naming_the_person_is_refused_it_would_be_published() {
        Person jan = new Person();
        String id = activeAgreement(jan);
        problem(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("subject", jan.email,
                        "reason", jan.name + " asked for it", "legalGround", "GDPR art. 17(1)(a)")).post(ERASURES).then(),
                400, "personal-data-in-reason").body("violations[0].field", equalTo("reason"));
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).body("content.controller.representative.name", equalTo(jan.name));
    }

    @Test
    void a_person_is_not_erased_while_a_breach_of_the_agreement_is_open() {
        Person jan = new Person();
        String id = activeAgreement(jan);
        String breachId = UUID.randomUUID().toString();
        publishBreach(id, breachId, 1, "REPORTED", List.of("ASSESSMENT"));
        // The first record on a topic new to the consumer may wait for its partitions to be assigned.
        await(() -> holds(id), h -> h.size() == 1, 60);
        problem(erase(jan.name, id), 409, "legal-hold").body("article", equalTo("GDPR art. 17(3)(e)"))
                .body("holds[0].source", equalTo("breach")).body("holds[0].reference", equalTo(breachId));
        get(controllerToken(), "/agreements/{id}", id).statusCode(200)
                .body("content.controller.representative.name", equalTo(jan.name));
        publishBreach(id, breachId, 2, "NOTIFIED", List.of());
        await(() -> holds(id), List::isEmpty);
        erase(jan.name, id).statusCode(201);
    }

    @Test
    void the_retention_run_erases_the_people_of_an_agreement_closed_longer_ago_than_its_retention() {
        Person jan = new Person();
        String id = closedAgreement(jan);
        Person other = new Person();
        String active = activeAgreement(other);
        await(() -> given().auth().oauth2(controllerToken()).queryParam("status", "CLOSED").queryParam("limit", 200)
                .get("/agreements").then().extract().<List<String>>path("items.agreementId"), ids -> ids.contains(id));
        // Within the retention (the agreement's end plus 10 years): nothing is erased.
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).post("/admin/personal-data/retention-run").then()
                .statusCode(200).body("erasures.keys.flatten().agreementId", not(hasItem(id)));
        given().auth().oauth2(Tokens.admin()).queryParam("subject", jan.email).get("/admin/personal-data").then().statusCode(200)
                .body("services[0].records[0].agreementClosedAt", notNullValue())
                .body("services[0].records[0].retainUntil", startsWith(String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear() + 10)));

        TestClock.advance(Duration.ofDays(3653 + 2));
        List<Map<String, Object>> erasures = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .post("/admin/personal-data/retention-run").then().statusCode(200)
                .body("erasures.find { it.keys[0].agreementId == '" + id + "' }.trigger", equalTo("RETENTION"))
                .body("erasures.find { it.keys[0].agreementId == '" + id + "' }.legalGround", equalTo("GDPR art. 5(1)(e)"))
                .extract().path("erasures");
        assertTrue(erasures.stream().noneMatch(e -> e.toString().contains(active)), "an active agreement's people are kept");
        TestClock.reset();
        String erased = "erased on " + LocalDate.now(ZoneOffset.UTC).plusDays(3655);
        get(controllerToken(), "/agreements/{id}", id).statusCode(200)
                .body("content.controller.representative.name", anyOf(equalTo(erased), startsWith("erased on ")))
                .body("content.controller.dpo.email", startsWith("erased on "))
                .body("content.processor.dpo.phone", startsWith("erased on "))
                .body("signatures.signerName", everyItem(startsWith("erased on ")));
        get(controllerToken(), "/agreements/{id}/evidence", id).statusCode(200).body("intact", equalTo(true));
        get(controllerToken(), "/agreements/{id}", active).statusCode(200)
                .body("content.controller.representative.name", equalTo(other.name));
    }

    @Test
    void an_erasure_names_its_reason_and_ground_and_needs_the_admin() {
        problem(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "Nobody", "reason", "request")).post(ERASURES).then(), 400, "field-required")
                .body("violations[0].field", equalTo("legalGround"));
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("subject", "Nobody", "reason", "r", "legalGround", "GDPR art. 17(1)(a)")).post(ERASURES).then()
                .statusCode(403);
        problem(erase("Nobody Known " + UUID.randomUUID(), null), 404, "not-found");
    }

    @Test
    void a_text_in_the_form_of_a_sealed_value_is_refused() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("controller").get("representative")).put("name", "pd:1:" + UUID.randomUUID() + ":AAAA");
        problem(create(controllerToken(), body), 400, "reserved-text");
    }

    // --- helpers

    /** A person no other test uses: the seed's controller representative and signer, with a unique name. */
    private static final class Person {
        final String suffix = UUID.randomUUID().toString().substring(0, 8);
        final String name = "Jan Voorbeeld " + suffix;
        final String email = "jan." + suffix + "@example.org";
    }

    private static ObjectNode seedFor(Person p) {
        ObjectNode body = seed();
        ObjectNode controller = (ObjectNode) body.get("controller");
        ((ObjectNode) controller.get("representative")).put("name", p.name).put("email", p.email);
        ((ObjectNode) controller.get("dpo")).put("name", "Els Fictief " + p.suffix).put("email", "dpo." + p.suffix + "@example.org");
        ObjectNode processor = (ObjectNode) body.get("processor");
        ((ObjectNode) processor.get("representative")).put("name", "Piet Proef " + p.suffix).put("email", "piet." + p.suffix + "@example.com");
        return body;
    }

    private static String activeAgreement(Person p) {
        String id = createDraft(controllerToken(), seedFor(p));
        signAs(controllerToken(), id, 1, p.name);
        signAs(processorToken(), id, 2, "Piet Proef " + p.suffix);
        return id;
    }

    private static String closedAgreement(Person p) {
        String id = activeAgreement(p);
        post(controllerToken(), "/agreements/{id}/termination", 4,
                Map.of("ground", "ASSIGNMENT_ENDED", "effectiveAt", now().minusSeconds(120).toString()), id).statusCode(200);
        post(processorToken(), "/agreements/{id}/data-return", 5, Map.of("format", "application/zip", "sha256", ARCHIVE_SHA256,
                "deliveredAt", now().minusSeconds(60).toString()), id).statusCode(200);
        post(processorToken(), "/agreements/{id}/destruction-confirmation", 6, Map.of("confirmedAt", now().toString(),
                "statement", "All copies and backups destroyed"), id).statusCode(200).body("status", equalTo("CLOSED"));
        return id;
    }

    private static void signAs(String token, String id, long version, String signer) {
        post(token, "/agreements/{id}/signatures", version, Map.of("signerName", signer, "signerTitle", "algemeen directeur",
                "place", "Opwijk"), id).statusCode(200);
    }

    private static ValidatableResponse erase(String subject, String agreementId) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("subject", subject,
                "reason", "The data subject asked on 2026-11-30 to be erased", "legalGround", "GDPR art. 17(1)(a)"));
        if (agreementId != null) {
            body.put("agreementId", agreementId);
        }
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).post(ERASURES).then();
    }

    /** The signer the agreement list shows for a party of the agreement (null while the list has not caught up). */
    private static String signerInList(String id, String party) {
        return given().auth().oauth2(controllerToken()).queryParam("limit", 200).get("/agreements").then().statusCode(200)
                .extract().path("items.find { it.agreementId == '" + id + "' }.signers.find { it.party == '" + party + "' }.name");
    }

    private static List<Object> holds(String agreementId) {
        return given().auth().oauth2(Tokens.admin()).queryParam("agreementId", agreementId).get("/admin/personal-data/holds").then()
                .statusCode(200).extract().path("holds");
    }

    private static List<TopicReader.Received> agreementRecords(String id) {
        return TopicReader.readAll("dpa.agreements", r -> id.equals(r.key()));
    }

    /** What breach-service publishes for a breach of the agreement, as far as the legal hold reads it. */
    private static void publishBreach(String agreementId, String breachId, long version, String status, List<String> open) {
        ObjectNode data = JSON.createObjectNode().put("breachId", breachId).put("agreementId", agreementId).put("streamVersion", version);
        data.putObject("event").put("at", now().toString());
        ObjectNode breach = data.putObject("breach").put("controllerOrg", CONTROLLER).put("processorOrg", PROCESSOR)
                .put("authority", "GBA").put("status", status).put("description", "Laptop stolen")
                .put("processorAwareAt", now().minusSeconds(7200).toString()).put("receivedAt", now().minusSeconds(3600).toString())
                .put("reportDueAt", now().plusSeconds(3600 * 20).toString()).put("lateBySeconds", 0)
                .put("notificationOpen", !open.isEmpty()).put("notificationWarned", false).put("notificationMissed", false)
                .put("kind", "BREACH");
        breach.putArray("openObligations").addAll(open.stream().map(JSON.getNodeFactory()::textNode).toList());
        String type = "eu.dpaledger.breach." + (version == 1 ? "BreachReported" : "AuthorityNotified") + ".v1";
        TopicReader.write("dpa.breaches", breachId, data.toString(), Map.of(
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/dpa-ledger/breach-service", "ce_subject", breachId, "ce_time", now().toString(),
                "content-type", "application/json"));
    }

    private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
        return await(read, done, 20);
    }

    private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done, int seconds) {
        Instant deadline = Instant.now().plusSeconds(seconds);
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                fail("not reached in " + seconds + " s; last: " + (last instanceof ValidatableResponse v ? v.extract().asString() : last));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }
}
