package eu.dpaledger.subprocessor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.subprocessor.application.AnnouncementFanout;
import eu.dpaledger.testing.AgreementEvents;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static eu.dpaledger.subprocessor.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Processor-wide announcements over HTTP against the real database and broker: one notice per ACTIVE agreement with its
 * own window, refusals listed, counts, who sees what, the chosen set's rules, and a fan-out that resumes without
 * issuing a notice twice. Each test has a processor of its own, so other tests' agreements are not among its targets.
 */
@QuarkusTest
class AnnouncementTest {

    @Inject
    AnnouncementFanout fanout;

    @Inject
    Pool pool;

    @Test
    void an_announcement_gives_each_active_agreement_its_own_notice_and_counts_where_they_stand() {
        String processor = organisation();
        String[] controllers = {organisation(), organisation(), organisation()};
        String first = activeAgreement(controllers[0], processor);
        String second = activeAgreement(controllers[1], processor);
        String ended = activeAgreement(controllers[2], processor);
        AgreementEvents.terminated(ended, controllers[2], processor, "VTC", TestClock.now().toString());
        // The second agreement no longer engages Level 27 (removed today), so a replacement of Level 27 is refused there.
        ObjectNode remove = JSON.createObjectNode().put("kind", "REMOVE").put("reason", "Contract ended")
                .put("intendedFrom", LocalDate.ofInstant(TestClock.now(), BRUSSELS).toString());
        remove.putObject("subprocessor").put("name", "Level 27");
        announce(Tokens.processor(processor), second, remove).statusCode(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.processor(processor))
                .queryParam("current", true).get("/agreements/{id}/subprocessors", second).then().extract().path("subprocessors.size()").equals(0)
                && "TERMINATED".equals(given().auth().oauth2(Tokens.processor(processor))
                .get("/agreements/{id}/subprocessors", ended).then().extract().path("status")));

        ValidatableResponse created = announceToAll(Tokens.processor(processor), replaceLevel27()).statusCode(201)
                .header("Location", startsWith("/subprocessor-announcements/"))
                .body("selection", equalTo("ALL_ACTIVE"))
                .body("processorOrg", equalTo(processor))
                .body("counts.agreements", equalTo(2));
        String id = created.extract().path("id");
        // An agreement activated after the announcement is not touched.
        String later = activeAgreement(controllers[2], processor);

        ValidatableResponse done = completed(processor, id)
                .body("counts.created", equalTo(1)).body("counts.refused", equalTo(1)).body("counts.waiting", equalTo(0))
                .body("agreementsSha256", equalTo(sha256(List.of(first, second))));
        assertNotNull(done.extract().path("completedAt"));
        given().auth().oauth2(Tokens.processor(processor)).get("/subprocessor-announcements/{id}/notices", id).then().statusCode(200)
                // In fan-out order: ALL_ACTIVE goes by agreement id.
                .body("items.agreementId", equalTo(List.of(first, second).stream().sorted().toList()))
                .body(notice(first) + ".controllerOrg", equalTo(controllers[0]))
                .body(notice(first) + ".changeId", equalTo(AnnouncementFanout.noticeId(id, first)))
                .body(notice(second) + ".status", equalTo("REFUSED"))
                .body(notice(second) + ".refusal.type", equalTo("subprocessor-not-engaged"));
        given().auth().oauth2(Tokens.processor(processor)).queryParam("status", "REFUSED").queryParam("limit", 1)
                .get("/subprocessor-announcements/{id}/notices", id).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].agreementId", equalTo(second));

        // The controller sees its own notice, with its agreement's own window; nobody else sees it or the announcement.
        String notice = AnnouncementFanout.noticeId(id, first);
        change(Tokens.controller(controllers[0]), notice).statusCode(200)
                .body("announcementId", equalTo(id)).body("agreementId", equalTo(first)).body("kind", equalTo("REPLACE"))
                .body("deadlines.objectionWindowOpen", equalTo(true)).body("deadlines.objectionWindowEndsAt", notNullValue());
        change(Tokens.controller(controllers[1]), notice).statusCode(404);
        given().auth().oauth2(Tokens.controller(controllers[0])).get("/subprocessor-announcements/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.processor(organisation())).get("/subprocessor-announcements/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.processor(organisation())).get("/subprocessor-announcements/{id}/notices", id).then().statusCode(404);
        given().auth().oauth2(Tokens.controller(controllers[2])).get("/agreements/{id}/subprocessor-changes", later).then()
                .statusCode(200).body("items", hasSize(0));

        // The controller objects: the announcement counts it.
        given().auth().oauth2(Tokens.controller(controllers[0])).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"grounds\":\"Not for population register data\"}")
                .post("/subprocessor-changes/{id}/objection", notice).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(1).equals(given().auth().oauth2(Tokens.processor(processor))
                .get("/subprocessor-announcements/{id}", id).then().extract().path("counts.objected")));
        given().auth().oauth2(Tokens.processor(processor)).queryParam("status", "OBJECTED")
                .get("/subprocessor-announcements/{id}/notices", id).then().body("items[0].agreementId", equalTo(first));

        // The notice's state is kept on its row (V110): a rebuild of the change list sets it again from the topic, also
        // where the row had lost it.
        sql("UPDATE announcement_targets SET state = 'ISSUED' WHERE announcement_id = $1 AND outcome = 'CREATED'", id);
        given().auth().oauth2(Tokens.processor(processor)).get("/subprocessor-announcements/{id}", id).then()
                .body("counts.objected", equalTo(0));
        given().auth().oauth2(Tokens.admin()).post("/admin/projections/subprocessor-changes/rebuild").then().statusCode(200);
        given().auth().oauth2(Tokens.processor(processor)).queryParam("status", "OBJECTED")
                .get("/subprocessor-announcements/{id}/notices", id).then().body("items.agreementId", contains(first));
        given().auth().oauth2(Tokens.processor(processor)).get("/subprocessor-announcements/{id}", id).then()
                .body("counts.objected", equalTo(1));
    }

    @Test
    void a_fan_out_that_stopped_goes_on_where_it_was_and_issues_no_notice_twice() {
        String processor = organisation();
        List<String> agreements = List.of(activeAgreement(organisation(), processor), activeAgreement(organisation(), processor),
                activeAgreement(organisation(), processor));
        String id = announceToAll(Tokens.processor(processor), addCloudflare()).statusCode(201).extract().path("id");
        // Batches of 2 here: AnnouncementMade, AnnouncementNoticesIssued (2 of 3), AnnouncementCompleted. ALL_ACTIVE goes by agreement id.
        completed(processor, id).body("counts.created", equalTo(3)).body("version", equalTo(3));
        // As if a pass had leased two agreements and died, and a third were still leased to a live instance.
        sql("UPDATE announcement_targets SET outcome = NULL, change_id = NULL, claimed_until = now() - interval '1 second' "
                + "WHERE announcement_id = $1 AND seq IN (1, 2)", id);
        sql("UPDATE announcement_targets SET outcome = NULL, change_id = NULL, claimed_until = now() + interval '1 hour' "
                + "WHERE announcement_id = $1 AND seq = 3", id);
        fanout.drain().await().atMost(Duration.ofSeconds(30));
        given().auth().oauth2(Tokens.processor(processor)).get("/subprocessor-announcements/{id}", id).then()
                .body("counts.created", equalTo(2)).body("counts.waiting", equalTo(1));
        sql("UPDATE announcement_targets SET claimed_until = now() - interval '1 second' WHERE announcement_id = $1", id);
        fanout.drain().await().atMost(Duration.ofSeconds(30));
        given().auth().oauth2(Tokens.processor(processor)).get("/subprocessor-announcements/{id}/notices", id).then()
                .body("items.changeId", equalTo(agreements.stream().sorted().map(a -> AnnouncementFanout.noticeId(id, a)).toList()));
        for (String agreement : agreements) {
            await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.processor(processor))
                    .get("/agreements/{id}/subprocessor-changes", agreement).then().extract().path("items.size()").equals(1));
        }
        assertEquals(1L, count("SELECT count(*) FROM events WHERE stream_id = $1 AND event_type = 'AnnouncementCompleted'", id));
    }

    @Test
    void an_announcement_is_refused_whole_when_it_cannot_go_to_every_agreement_it_names() {
        String processor = organisation();
        String mine = activeAgreement(organisation(), processor);
        String ended = activeAgreement(organisation(), processor);
        AgreementEvents.terminated(ended, organisation(), processor, "VTC", TestClock.now().toString());
        String foreign = activeAgreement(organisation(), organisation());
        String token = Tokens.processor(processor);
        await().atMost(Duration.ofSeconds(20)).until(() -> "TERMINATED".equals(given().auth().oauth2(token)
                .get("/agreements/{id}/subprocessors", ended).then().extract().path("status")));

        announceToAll(Tokens.controller(organisation()), addCloudflare()).statusCode(403)
                .body("type", equalTo(PROBLEMS + "only-processor-announces-changes"));
        announceToAll(Tokens.processor(organisation()), addCloudflare()).statusCode(422)
                .body("type", equalTo(PROBLEMS + "no-active-agreements")).body("article", equalTo("DPA art. 6.1"));
        announceToAll(token, chosen(addCloudflare(), mine, foreign)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "unknown-agreement")).body("violations[0].field", equalTo("agreementIds[1]"));
        announceToAll(token, chosen(addCloudflare(), mine, mine)).statusCode(400)
                .body("type", equalTo(PROBLEMS + "duplicate-agreement")).body("violations[0].field", equalTo("agreementIds[1]"));
        announceToAll(token, chosen(addCloudflare(), ended)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "agreement-not-active"));
        ObjectNode early = addCloudflare().put("intendedFrom", LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(5).toString());
        announceToAll(token, early).statusCode(422).body("type", equalTo(PROBLEMS + "intended-before-objection-window-ends"))
                .body("earliestIntendedFrom", notNullValue());
        ObjectNode noReason = addCloudflare();
        noReason.remove("reason");
        announceToAll(token, noReason).statusCode(400).body("violations[0].field", equalTo("reason"));
        // None of these changed anything: no announcement, no notice.
        given().auth().oauth2(token).get("/agreements/{id}/subprocessor-changes", mine).then().body("items", hasSize(0));
        assertEquals(0L, count("SELECT count(*) FROM announcements WHERE processor_org = $1", processor));

        String id = announceToAll(token, chosen(addCloudflare(), mine)).statusCode(201)
                .body("selection", equalTo("CHOSEN")).body("counts.agreements", equalTo(1)).extract().path("id");
        completed(processor, id).body("counts.created", equalTo(1));
        // The processor's list holds it (and only its own); a controller has none.
        given().auth().oauth2(token).get("/subprocessor-announcements").then().statusCode(200)
                .body("items.id", equalTo(List.of(id))).body("items[0].agreements", equalTo(1))
                .body("items[0].subprocessorName", equalTo("Cloudflare, Inc.")).body("items[0].completedAt", notNullValue());
        given().auth().oauth2(Tokens.controller(processor)).get("/subprocessor-announcements").then().statusCode(200)
                .body("items", hasSize(0));
    }

    // ------------------------------------------------------------------ helpers

    /** A fresh enterprise number (10 digits, the last two the Belgian mod-97 check of the first eight). */
    static String organisation() {
        long base = ThreadLocalRandom.current().nextLong(1_000_000L, 19_999_999L);
        return String.format("%08d%02d", base, 97 - base % 97);
    }

    private static String notice(String agreementId) {
        return "items.find { it.agreementId == '" + agreementId + "' }";
    }

    private static ObjectNode replaceLevel27() {
        return addCloudflare().put("kind", "REPLACE").put("replaces", "Level 27");
    }

    private static ObjectNode chosen(ObjectNode body, String... agreementIds) {
        var ids = body.putArray("agreementIds");
        for (String id : agreementIds) {
            ids.add(id);
        }
        return body;
    }

    private static ValidatableResponse announceToAll(String token, ObjectNode body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString()).post("/subprocessor-announcements").then();
    }

    /** Waits until the announcement's fan-out is over; its answer then. */
    private static ValidatableResponse completed(String processor, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.processor(processor))
                .get("/subprocessor-announcements/{id}", id).then().extract().path("completedAt") != null);
        return given().auth().oauth2(Tokens.processor(processor)).get("/subprocessor-announcements/{id}", id).then().statusCode(200);
    }

    private static String sha256(List<String> ids) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", ids.stream().sorted().toList()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement, String id) {
        pool.preparedQuery(statement).execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10));
    }

    private long count(String query, String value) {
        return pool.preparedQuery(query).execute(Tuple.of(value)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
