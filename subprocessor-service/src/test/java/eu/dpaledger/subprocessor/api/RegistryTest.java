package eu.dpaledger.subprocessor.api;

import eu.dpaledger.subprocessor.infrastructure.SubprocessorReadModel;
import eu.dpaledger.testing.AgreementEvents;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import static eu.dpaledger.subprocessor.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry seeded from the agreement's activation (annex 1), and the overview across agreements (art. 6.5). */
@QuarkusTest
class RegistryTest {

    @Test
    void activation_on_the_agreement_topic_seeds_the_annex_1_baseline() {
        String agreement = activeAgreement();
        given().auth().oauth2(controllerToken()).get("/agreements/{id}/subprocessors", agreement).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("subprocessors", hasSize(1))
                .body("subprocessors[0].name", equalTo("Level 27"))
                .body("subprocessors[0].country", equalTo("BE"))
                .body("subprocessors[0].basis", equalTo("BASELINE"))
                .body("subprocessors[0].acceptedSince", notNullValue())
                .body("subprocessors[0].removedAt", nullValue());
    }

    @Test
    void a_redelivered_activation_does_not_duplicate_the_baseline() {
        String agreement = activeAgreement();
        AgreementEvents.publish(agreement, 4, AgreementEvents.ACTIVATED,
                JSON.createObjectNode().put("contentSha256", "a".repeat(64)).put("at", "2026-11-29T10:00:00Z"),
                AgreementEvents.summary("ACTIVE", CONTROLLER, PROCESSOR, "VTC"), "2026-11-29T10:00:00Z");
        String second = activeAgreement();
        given().auth().oauth2(controllerToken()).get("/agreements/{id}/subprocessors", second).then().statusCode(200);
        given().auth().oauth2(controllerToken()).get("/agreements/{id}/subprocessors", agreement).then()
                .body("subprocessors", hasSize(1));
    }

    @Test
    void another_organisation_gets_404_and_a_party_needs_its_role() {
        String agreement = activeAgreement();
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/agreements/{id}/subprocessors", agreement).then()
                .statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(Tokens.processor(CONTROLLER)).get("/agreements/{id}/subprocessors", agreement).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.auditor(Tokens.AUDIT_FIRM)).get("/agreements/{id}/subprocessors", agreement).then()
                .statusCode(403);
        given().get("/agreements/{id}/subprocessors", agreement).then().statusCode(401);
    }

    @Test
    void the_overview_comes_a_page_at_a_time_one_line_per_subprocessor_and_following_next_cursor_walks_it_whole() {
        String processor = newEnterpriseNumber();
        String first = activeAgreementEngaging(CONTROLLER, processor, "Level 27:BE", "Alpha Hosting:BE", "beta mail:BE",
                "Gamma Backup:NL", "Delta CDN:BE");
        String second = activeAgreementEngaging(Tokens.VOORBEELD, processor, "ALPHA  hosting:BE", "Epsilon:BE");
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(Tokens.processor(processor)).queryParam("country", "be").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/subprocessors").then().statusCode(200).body("filters.country", equalTo("BE"))
                    .body("items.country", everyItem(equalTo("BE"))).extract();
            List<String> items = page.path("items.name");
            assertTrue(items.size() <= 2, "at most limit lines");
            items.forEach(name -> names.add(name.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        // By name whatever its case or spacing; the two agreements' Alpha Hosting is one line; Gamma (NL) is filtered out.
        assertEquals(List.of("alpha hosting", "beta mail", "delta cdn", "epsilon", "level 27"), names);
        assertEquals(3, pages);
        given().auth().oauth2(Tokens.processor(processor)).queryParam("limit", 1).get("/subprocessors").then().statusCode(200)
                .body("items[0].agreements.agreementId", contains(
                        Stream.of(first, second).sorted().toArray(String[]::new)))
                .body("items[0].agreements.controller.enterpriseNumber", hasItem(CONTROLLER))
                .body("nextCursor", notNullValue());
    }

    /** An active agreement between these parties whose annex 1 engages these sub-processors ("name:country", in the EEA). */
    private static String activeAgreementEngaging(String controllerOrg, String processorOrg, String... subprocessors) {
        String id = UUID.randomUUID().toString();
        String time = TestClock.now().toString();
        var summary = AgreementEvents.summary("ACTIVE", controllerOrg, processorOrg, "VTC");
        var annex = summary.putArray("subprocessors");
        for (String s : subprocessors) {
            String[] nameCountry = s.split(":");
            annex.addObject().put("name", nameCountry[0]).put("headOffice", "Brussel").put("country", nameCountry[1]).putNull("transferMechanism");
        }
        AgreementEvents.publish(id, 4, AgreementEvents.ACTIVATED, JSON.createObjectNode().put("contentSha256", "a".repeat(64)).put("at", time),
                summary, time);
        // 404 until the activation has been taken in (a slow machine polls before it is).
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var registry = given().auth().oauth2(Tokens.controller(controllerOrg)).get("/agreements/{id}/subprocessors", id);
            return registry.statusCode() == 200 && registry.jsonPath().getList("subprocessors").size() == subprocessors.length;
        });
        return id;
    }

    @Test
    void the_overview_lists_each_subprocessor_with_the_agreements_it_serves_for_the_callers_organisation_only() {
        String processor = newEnterpriseNumber();
        String first = activeAgreement(CONTROLLER, processor);
        String second = activeAgreement(Tokens.VOORBEELD, processor);
        given().auth().oauth2(Tokens.processor(processor)).get("/subprocessors").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].name", equalTo("Level 27"))
                .body("items[0].agreementCount", equalTo(2))
                .body("items[0].agreements.country", everyItem(equalTo("BE")))
                .body("items[0].agreements.agreementId", org.hamcrest.Matchers.containsInAnyOrder(first, second));
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/subprocessors").then().statusCode(200)
                .body("items.agreements.flatten().agreementId", hasItem(second))
                .body("items.agreements.flatten().agreementId", not(hasItem(first)));
        given().auth().oauth2(Tokens.processor(processor)).queryParam("country", "US").get("/subprocessors").then()
                .statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Tokens.processor(processor)).queryParam("country", "Belgium").get("/subprocessors").then()
                .statusCode(400).body("type", equalTo(PROBLEMS + "invalid-country"));
    }

    @Test
    void a_line_of_a_processor_with_many_agreements_counts_them_all_lists_the_first_hundred_and_the_rest_come_a_page_at_a_time() {
        String processor = newEnterpriseNumber();
        int count = SubprocessorReadModel.AGREEMENTS_PER_LINE + 2;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(AgreementEvents.activated(i % 2 == 0 ? CONTROLLER : Tokens.VOORBEELD, processor, "VTC", TestClock.now().toString()));
        }
        List<String> sorted = ids.stream().sorted().toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.processor(processor))
                .get("/subprocessors").then().statusCode(200).body("items[0].agreementCount", equalTo(count)));
        given().auth().oauth2(Tokens.processor(processor)).get("/subprocessors").then()
                .body("items[0].agreements", hasSize(SubprocessorReadModel.AGREEMENTS_PER_LINE))
                .body("items[0].agreements.agreementId", equalTo(sorted.subList(0, SubprocessorReadModel.AGREEMENTS_PER_LINE)));

        // All of them, by agreement id, whatever the name's case or spacing; the cursor keeps the filters.
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Tokens.processor(processor)).queryParam("limit", 40).queryParam("country", "be");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/subprocessors/{name}/agreements", "LEVEL   27").then().statusCode(200)
                    .body("items.country", everyItem(equalTo("BE"))).body("items.processor.enterpriseNumber", everyItem(equalTo(processor)))
                    .extract();
            walked.addAll(page.path("items.agreementId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(sorted, walked);

        // A controller sees its own agreements only; elsewhere, or under another name, none.
        List<String> opwijk = given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).queryParam("limit", 200)
                .get("/subprocessors/{name}/agreements", "Level 27").then().statusCode(200).extract().path("items.agreementId");
        assertTrue(opwijk.containsAll(ids.stream().filter(id -> ids.indexOf(id) % 2 == 1).toList()), "the controller's own");
        assertTrue(opwijk.stream().noneMatch(id -> ids.indexOf(id) % 2 == 0), "not another controller's");
        given().auth().oauth2(Tokens.processor(processor)).queryParam("country", "NL").get("/subprocessors/{name}/agreements", "Level 27")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Tokens.processor(processor)).get("/subprocessors/{name}/agreements", "Combell")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Tokens.processor(processor)).get("/subprocessors/{name}/agreements", " ")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "field-required")).body("violations[0].field", equalTo("name"));
        given().auth().oauth2(Tokens.processor(processor)).queryParam("country", "BEL").get("/subprocessors/{name}/agreements", "Level 27")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-country"));
        given().auth().oauth2(Tokens.auditor(Tokens.AUDIT_FIRM)).get("/subprocessors/{name}/agreements", "Level 27").then().statusCode(403);
    }

    @Test
    void the_controller_asks_for_proof_of_flow_down_and_the_processor_provides_it() {
        String agreement = activeAgreement();
        String path = "/agreements/{id}/subprocessors/{name}/";
        given().auth().oauth2(processorToken()).contentType("application/json").body("{}")
                .post(path + "proof-requests", agreement, "Level 27").then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "only-controller-requests-proof"));
        given().auth().oauth2(controllerToken()).contentType("application/json").body("{}")
                .post(path + "proof-requests", agreement, "Combell").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "subprocessor-not-engaged"));
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).contentType("application/json").body("{}")
                .post(path + "proof-requests", agreement, "Level 27").then().statusCode(404);
        String request = given().auth().oauth2(controllerToken()).contentType("application/json").body("{\"note\":\"Before the audit\"}")
                .post(path + "proof-requests", agreement, "level 27").then().statusCode(201)
                .body("type", equalTo("FlowDownProofRequested")).body("record.note", equalTo("Before the audit")).extract().path("id");
        // A proof record's id is no change's (both are streams of this service): asked for as a change, it does not exist.
        change(controllerToken(), request).statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        object(request, 1).statusCode(404);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(processorToken())
                .get("/agreements/{id}/subprocessors", agreement).then()
                .body("subprocessors[0].proofRequestedAt", notNullValue())
                .body("subprocessors[0].proofReference", nullValue()));

        given().auth().oauth2(processorToken()).contentType("application/json")
                .body("{\"reference\":\"ESN-L27-2026\",\"sha256\":\"not-a-digest\"}")
                .post(path + "proofs", agreement, "Level 27").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-sha256"));
        given().auth().oauth2(controllerToken()).contentType("application/json")
                .body("{\"reference\":\"ESN-L27-2026\",\"sha256\":\"" + "AB".repeat(32) + "\"}")
                .post(path + "proofs", agreement, "Level 27").then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "only-processor-provides-proof"));
        given().auth().oauth2(processorToken()).contentType("application/json")
                .body("{\"reference\":\"ESN-L27-2026\",\"sha256\":\"" + "AB".repeat(32) + "\"}")
                .post(path + "proofs", agreement, "Level 27").then().statusCode(201);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .get("/agreements/{id}/subprocessors", agreement).then()
                .body("subprocessors[0].proofReference", equalTo("ESN-L27-2026"))
                .body("subprocessors[0].proofSha256", equalTo("ab".repeat(32)))
                .body("subprocessors[0].proofAttachedAt", notNullValue()));
    }

    /** A valid enterprise number no other test uses: 8 random digits starting with 0, then the mod-97 check. */
    static String newEnterpriseNumber() {
        long base = java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, 10_000_000);
        return String.format("0%07d%02d", base, 97 - base % 97);
    }
}
