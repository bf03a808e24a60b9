package eu.dpaledger.subprocessor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.AgreementEvents;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static eu.dpaledger.subprocessor.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Announcing, objecting and resolving over HTTP against the real database and broker. */
@QuarkusTest
class ChangeNoticeTest {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void the_processor_announces_and_both_parties_see_the_change_with_its_deadlines() {
        String agreement = activeAgreement();
        Instant before = TestClock.now();
        var created = announce(processorToken(), agreement, addCloudflare()).statusCode(201)
                .header("ETag", "\"1\"").header("Location", org.hamcrest.Matchers.startsWith("/subprocessor-changes/"))
                .body("status", equalTo("ANNOUNCED"))
                .body("agreementId", equalTo(agreement))
                .body("subprocessor.country", equalTo("US"))
                .body("subprocessor.transferMechanism", equalTo("ADEQUACY_DECISION"))
                .body("deadlines.objectionWindowOpen", equalTo(true))
                .body("deadlines.timeZone", equalTo("Europe/Brussels"));
        String id = created.extract().path("id");
        Instant windowEnd = Instant.parse(created.extract().path("deadlines.objectionWindowEndsAt"));
        LocalDate lastDay = LocalDate.parse(created.extract().path("deadlines.objectionWindowLastDay"));
        // 30 days counted from the day after the notice; the window ends at the end of its last day in Brussels.
        assertTrue(!lastDay.isBefore(LocalDate.ofInstant(before, BRUSSELS).plusDays(30)));
        assertEquals(lastDay.plusDays(1).atStartOfDay(BRUSSELS).toInstant(), windowEnd);

        change(controllerToken(), id).statusCode(200).header("ETag", "\"1\"").body("status", equalTo("ANNOUNCED"));
        change(processorToken(), id).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> TopicReader.readAll("dpa.subprocessors",
                r -> id.equals(r.key()) && "eu.dpaledger.subprocessor.ChangeAnnounced.v1".equals(r.ceType())).size() == 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .get("/agreements/{id}/subprocessor-changes", agreement).then().statusCode(200)
                .body("items.changeId", equalTo(List.of(id))).body("items[0].status", equalTo("ANNOUNCED")));
    }

    @Test
    void the_change_list_comes_a_page_at_a_time_and_following_next_cursor_walks_it_whole_with_the_filter_kept() {
        String agreement = activeAgreement();
        List<String> announcedIds = new ArrayList<>();
        for (String name : List.of("Akamai", "Bunny.net", "Cloudflare, Inc.", "Fastly", "KeyCDN")) {
            ObjectNode body = addCloudflare();
            ((ObjectNode) body.get("subprocessor")).put("name", name);
            announcedIds.add(announce(processorToken(), agreement, body).statusCode(201).extract().path("id"));
        }
        object(announcedIds.get(2), 1).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("status", "ANNOUNCED").get("/agreements/{id}/subprocessor-changes", agreement).then()
                .body("items", hasSize(4)));

        List<String> walked = new ArrayList<>();
        List<String> announcedAts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(controllerToken()).queryParam("status", "ANNOUNCED").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/agreements/{id}/subprocessor-changes", agreement).then().statusCode(200)
                    .body("filters.status", equalTo("ANNOUNCED")).body("items.status", everyItem(equalTo("ANNOUNCED")))
                    .extract();
            List<String> ids = page.path("items.changeId");
            assertTrue(ids.size() <= 3, "at most limit items");
            walked.addAll(ids);
            announcedAts.addAll(page.path("items.announcedAt"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(2, pages, "4 items at 3 a page: a full page with a nextCursor, then the last one without");
        List<String> expected = new ArrayList<>(announcedIds);
        expected.remove(2);
        assertEquals(new HashSet<>(expected), new HashSet<>(walked), "every announced change, none other");
        assertEquals(4, walked.size(), "no change twice");
        // Newest first; at the same instant (the test clock may stand still), by id descending.
        List<Instant> at = announcedAts.stream().map(Instant::parse).toList();
        for (int i = 1; i < walked.size(); i++) {
            int byTime = at.get(i - 1).compareTo(at.get(i));
            assertTrue(byTime > 0 || (byTime == 0 && walked.get(i - 1).compareTo(walked.get(i)) > 0), "stable order at " + i);
        }
    }

    @Test
    void a_limit_above_200_or_a_cursor_this_list_did_not_issue_is_a_400_naming_the_parameter() {
        String agreement = activeAgreement();
        given().auth().oauth2(controllerToken()).queryParam("limit", 201).get("/agreements/{id}/subprocessor-changes", agreement)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "invalid-limit"))
                .body("violations[0].field", equalTo("limit"));
        given().auth().oauth2(controllerToken()).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/agreements/{id}/subprocessor-changes", agreement)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "invalid-cursor"))
                .body("violations[0].field", equalTo("cursor"));
        // A well-formed cursor whose position is not an instant is refused too, not a 500.
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("[\"yesterday\",\"x\"]".getBytes());
        given().auth().oauth2(controllerToken()).queryParam("cursor", forged).get("/agreements/{id}/subprocessor-changes", agreement)
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
        given().auth().oauth2(controllerToken()).queryParam("status", "LOST").get("/agreements/{id}/subprocessor-changes", agreement)
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-status")).body("violations[0].field", equalTo("status"));
    }

    @Test
    void a_location_outside_the_eea_without_transfer_mechanism_is_refused_and_nothing_is_recorded() {
        String agreement = activeAgreement();
        ObjectNode body = addCloudflare();
        ((ObjectNode) body.get("subprocessor")).putNull("transferMechanism");
        announce(processorToken(), agreement, body).statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "transfer-outside-eea-without-mechanism"))
                .body("violations[0].field", equalTo("subprocessor.transferMechanism"));
        ObjectNode badKind = addCloudflare();
        badKind.put("kind", "MERGE");
        announce(processorToken(), agreement, badKind).statusCode(400).contentType(PROBLEM_JSON);
        announce(processorToken(), agreement, "{}").statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "field-required"));
        given().auth().oauth2(processorToken()).get("/agreements/{id}/subprocessor-changes", agreement).then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void an_intended_date_inside_the_objection_window_is_refused_with_the_earliest_date() {
        String agreement = activeAgreement();
        ObjectNode body = addCloudflare();
        body.put("intendedFrom", LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(7).toString());
        announce(processorToken(), agreement, body).statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "intended-before-objection-window-ends"))
                .body("earliestIntendedFrom", notNullValue())
                .body("objectionWindowEndsAt", notNullValue());
    }

    @Test
    void only_the_processor_announces_and_other_organisations_do_not_see_the_agreement() {
        String agreement = activeAgreement();
        announce(controllerToken(), agreement, addCloudflare()).statusCode(403)
                .body("type", equalTo(PROBLEMS + "only-processor-announces-changes"));
        announce(Tokens.processor(Tokens.HOSTING), agreement, addCloudflare()).statusCode(404);
        announce(processorToken(), UUID.randomUUID().toString(), addCloudflare()).statusCode(404);
        given().contentType(ContentType.JSON).body(addCloudflare().toString())
                .post("/agreements/{id}/subprocessor-changes", agreement).then().statusCode(401);
    }

    @Test
    void no_change_is_announced_under_a_terminated_agreement() {
        String agreement = activeAgreement();
        String now = TestClock.now().toString();
        AgreementEvents.terminated(agreement, CONTROLLER, PROCESSOR, "VTC", now);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(processorToken())
                .get("/agreements/{id}/subprocessors", agreement).then().body("status", equalTo("TERMINATED")));
        announce(processorToken(), agreement, addCloudflare()).statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "agreement-not-active"))
                .body("agreementStatus", equalTo("TERMINATED"));
    }

    @Test
    void a_retried_announcement_with_the_same_idempotency_key_records_one_change() {
        String agreement = activeAgreement();
        String key = UUID.randomUUID().toString();
        ObjectNode body = addCloudflare();
        String first = given().auth().oauth2(processorToken()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body.toString()).post("/agreements/{id}/subprocessor-changes", agreement)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body.toString()).post("/agreements/{id}/subprocessor-changes", agreement)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        body.put("reason", "something else");
        given().auth().oauth2(processorToken()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body.toString()).post("/agreements/{id}/subprocessor-changes", agreement)
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
    }

    @Test
    void the_controller_objects_and_learns_when_it_may_terminate() {
        String agreement = activeAgreement();
        String id = announced(agreement);
        act(processorToken(), id, "objection", 1, JSON.createObjectNode().put("grounds", "No")).statusCode(403)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "only-controller-objects"));
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body("{\"grounds\":\"No\"}")
                .post("/subprocessor-changes/{id}/objection", id).then().statusCode(428);
        Instant at = TestClock.now();
        var objected = object(id, 1).statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("OBJECTED"))
                .body("objection.receivedByProcessorAt", notNullValue())
                .body("deadlines.negotiationEndsOn", notNullValue());
        Instant right = Instant.parse(objected.extract().path("deadlines.terminationRightFrom"));
        LocalDate nominal = LocalDate.ofInstant(at, BRUSSELS).plusMonths(3);
        LocalDate endsOn = LocalDate.parse(objected.extract().path("deadlines.negotiationEndsOn"));
        assertTrue(!endsOn.isBefore(nominal) && endsOn.isBefore(nominal.plusDays(5)), "3 months, moved to a working day");
        assertEquals(endsOn.plusDays(1).atStartOfDay(BRUSSELS).toInstant(), right);
        object(id, 1).statusCode(412).body("type", equalTo(PROBLEMS + "stale-version"));
        object(id, 2).statusCode(409).body("type", equalTo(PROBLEMS + "change-already-objected"));
    }

    @Test
    void withdrawing_the_objection_accepts_the_change_and_withdrawing_a_change_closes_it() {
        String agreement = activeAgreement();
        String id = announced(agreement);
        object(id, 1).statusCode(200);
        act(controllerToken(), id, "objection-withdrawal", 2, JSON.createObjectNode().put("reason", "EU-only processing agreed"))
                .statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("acceptance.basis", equalTo("OBJECTION_RESOLVED"))
                .body("objection.withdrawalReason", equalTo("EU-only processing agreed"));

        String other = announced(agreement);
        act(controllerToken(), other, "withdrawal", 1, JSON.createObjectNode().put("reason", "x")).statusCode(403)
                .body("type", equalTo(PROBLEMS + "only-processor-withdraws-or-supersedes"));
        act(processorToken(), other, "withdrawal", 1, JSON.createObjectNode().put("reason", "Not needed after all"))
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("closure.reason", equalTo("Not needed after all"));
        object(other, 2).statusCode(409).body("type", equalTo(PROBLEMS + "change-not-open"));
    }

    @Test
    void an_alternative_supersedes_the_objected_change_in_one_transaction() {
        String agreement = activeAgreement();
        String id = announced(agreement);
        object(id, 1).statusCode(200);
        ObjectNode alternative = addCloudflare();
        ((ObjectNode) alternative.get("subprocessor")).put("name", "Bunny.net").put("headOffice", "Ljubljana")
                .put("country", "SI").putNull("transferMechanism");
        alternative.put("reason", "A CDN inside the EEA instead");
        // Stale If-Match on the objected change: neither the alternative nor the supersession is recorded.
        act(processorToken(), id, "alternative", 1, alternative).statusCode(412);
        change(controllerToken(), id).body("status", equalTo("OBJECTED")).body("supersededBy", nullValue());

        String alt = act(processorToken(), id, "alternative", 2, alternative).statusCode(201)
                .body("supersedes", equalTo(id)).body("status", equalTo("ANNOUNCED"))
                .body("subprocessor.name", equalTo("Bunny.net")).extract().path("id");
        change(controllerToken(), id).statusCode(200).header("ETag", "\"3\"")
                .body("status", equalTo("SUPERSEDED")).body("supersededBy", equalTo(alt));
        change(processorToken(), alt).statusCode(200).body("supersedes", equalTo(id));
        // Superseding twice fails on the old change, so the second alternative is not recorded either.
        act(processorToken(), id, "alternative", 3, alternative).statusCode(409).body("type", equalTo(PROBLEMS + "change-not-open"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .get("/agreements/{id}/subprocessor-changes", agreement).then().body("items", hasSize(2)));
    }

    @Test
    void an_alternative_that_names_the_objected_subprocessor_again_is_refused_and_nothing_is_recorded() {
        String agreement = activeAgreement();
        String id = announced(agreement);
        object(id, 1).statusCode(200);
        ObjectNode again = addCloudflare();
        ((ObjectNode) again.get("subprocessor")).put("name", " cloudflare,  INC.");
        again.put("reason", "Same CDN, new notice");
        act(processorToken(), id, "alternative", 2, again).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "alternative-must-avoid-objected-subprocessor"))
                .body("detail", org.hamcrest.Matchers.containsString("DPA art. 6.2"))
                .body("objectedSubprocessor", equalTo("Cloudflare, Inc."));
        change(controllerToken(), id).statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("OBJECTED")).body("supersededBy", nullValue());

        // The boundary: an alternative that avoids it is recorded.
        ObjectNode elsewhere = addCloudflare();
        ((ObjectNode) elsewhere.get("subprocessor")).put("name", "Bunny.net").put("headOffice", "Ljubljana")
                .put("country", "SI").putNull("transferMechanism");
        act(processorToken(), id, "alternative", 2, elsewhere).statusCode(201).body("subprocessor.name", equalTo("Bunny.net"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .get("/agreements/{id}/subprocessor-changes", agreement).then().body("items", hasSize(2)));
    }

    @Test
    void withdrawing_the_objection_lapses_its_termination_right_once() {
        String agreement = activeAgreement();
        String id = announced(agreement);
        object(id, 1).statusCode(200).body("deadlines.terminationRightLapsedAt", nullValue());
        act(controllerToken(), id, "objection-withdrawal", 2, JSON.createObjectNode().put("reason", "EU-only processing agreed"))
                .statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("deadlines.terminationRightLapsedAt", notNullValue())
                .body("objection.terminationRightLapseReason", equalTo("OBJECTION_WITHDRAWN"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var lapses = TopicReader.readAll("dpa.subprocessors", r -> id.equals(r.key())
                    && r.ceType().equals("eu.dpaledger.subprocessor.TerminationRightLapsed.v1"));
            assertEquals(1, lapses.size());
            var event = JSON.readTree(lapses.get(0).value()).path("event");
            assertEquals("OBJECTION_WITHDRAWN", event.path("reason").asText());
            assertEquals(false, event.path("wasGranted").asBoolean());
            assertEquals(agreement, event.path("agreementId").asText());
        });
    }
}
