package eu.dpaledger.platform.kernel;

import eu.dpaledger.platform.domain.RuleSources;
import eu.dpaledger.platform.eventstore.AppendResult;
import eu.dpaledger.platform.eventstore.EventMetadata;
import eu.dpaledger.platform.eventstore.EventStore;
import eu.dpaledger.platform.eventstore.HashChain;
import eu.dpaledger.platform.eventstore.PendingEvent;
import eu.dpaledger.platform.eventstore.StoredEvent;
import eu.dpaledger.platform.outbox.OutboxRelay;
import eu.dpaledger.platform.projection.ProjectionRunner;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel against a real PostgreSQL and a real Kafka broker: event store concurrency and tamper
 * evidence, the outbox relay's delivery guarantees, the projection runner's idempotency and
 * dead-lettering, and the HTTP conventions (ETag/If-Match, Idempotency-Key, problems, tokens).
 */
@QuarkusTest
class KernelTest {

    private static final String TOPIC = "dpa.kerneltest";
    private static final String DLQ = "dpa.dlq.kernel-test";
    private static final String OWNER = Tokens.OPWIJK;

    @Inject
    EventStore store;

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper mapper;

    @Inject
    ProjectionRunner runner;

    // ---- event store -------------------------------------------------------------------------

    @Test
    void twenty_concurrent_appends_at_one_version_let_exactly_one_win() {
        String stream = "race-" + UUID.randomUUID();
        appendOne(stream, 0).await().atMost(Duration.ofSeconds(10));
        List<Uni<AppendResult>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            racers.add(appendOne(stream, 1).onFailure().recoverWithItem(new AppendResult.VersionConflict(1, -1)));
        }
        List<AppendResult> results = Uni.join().all(racers).andCollectFailures().await().atMost(Duration.ofSeconds(30));
        long winners = results.stream().filter(r -> r instanceof AppendResult.Appended).count();
        assertEquals(1, winners, "exactly one append at version 1 wins");
        List<StoredEvent> events = store.load(pool, stream).await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(1L, 2L), events.stream().map(StoredEvent::version).toList(), "no gap, no duplicate");
        assertTrue(HashChain.verify(stream, events).intact());
    }

    @Test
    void stale_expected_version_is_a_distinct_conflict_result() {
        String stream = "stale-" + UUID.randomUUID();
        appendOne(stream, 0).await().indefinitely();
        AppendResult result = pool.withTransaction(tx -> store.append(tx, stream, "counter", 0,
                List.of(pending(1)), meta(), Instant.now())).await().indefinitely();
        assertEquals(new AppendResult.VersionConflict(0, 1), result);
    }

    @Test
    void stored_events_cannot_be_updated_or_deleted() {
        String stream = "immutable-" + UUID.randomUUID();
        appendOne(stream, 0).await().indefinitely();
        assertThrows(Exception.class, () -> pool.query("UPDATE events SET payload = '{}' WHERE stream_id = '" + stream + "'")
                .execute().await().indefinitely());
        assertThrows(Exception.class, () -> pool.query("DELETE FROM events WHERE stream_id = '" + stream + "'")
                .execute().await().indefinitely());
        assertEquals(1, store.load(pool, stream).await().indefinitely().size());
    }

    @Test
    void verifier_reports_the_first_tampered_event() {
        String id = openCounter();
        increment(id, 1, "\"1\"");
        increment(id, 2, "\"2\"");
        assertTrue(store.verify(pool, id).await().indefinitely().intact());
        // Someone with the database owner's rights switches the guard off and edits history.
        pool.withTransaction(tx -> tx.query("ALTER TABLE events DISABLE TRIGGER events_no_update_or_delete").execute()
                .flatMap(x -> tx.preparedQuery("UPDATE events SET payload = jsonb_set(payload, '{by}', '100') "
                        + "WHERE stream_id = $1 AND version = 2").execute(Tuple.of(id)))
                .flatMap(x -> tx.query("ALTER TABLE events ENABLE TRIGGER events_no_update_or_delete").execute()))
                .await().indefinitely();
        HashChain.Verification verification = store.verify(pool, id).await().indefinitely();
        assertFalse(verification.intact());
        assertEquals(2L, verification.firstBrokenVersion());
        assertEquals("content does not match its hash", verification.reason());
    }

    // ---- outbox relay ------------------------------------------------------------------------

    @Test
    void outbox_publishes_every_event_once_as_a_cloud_event_keyed_by_aggregate() {
        String id = openCounter();
        increment(id, 1, "\"1\"");
        increment(id, 2, "\"2\"");
        increment(id, 3, "\"3\"");
        List<TopicReader.Received> records = awaitRecords(id, 4);
        assertEquals(4, records.stream().map(TopicReader.Received::ceId).distinct().count());
        records.forEach(r -> {
            assertEquals(id, r.key());
            assertEquals("1.0", r.header("ce_specversion"));
            assertEquals("/dpa-ledger/kernel-test", r.header("ce_source"));
            assertEquals(id, r.header("ce_subject"));
        });
        assertEquals(List.of("eu.dpaledger.counter.Opened.v1", "eu.dpaledger.counter.Incremented.v1",
                        "eu.dpaledger.counter.Incremented.v1", "eu.dpaledger.counter.Incremented.v1"),
                records.stream().map(TopicReader.Received::ceType).toList(), "per-aggregate order holds");
        Set<String> stored = store.load(pool, id).await().indefinitely().stream()
                .map(e -> e.eventId().toString()).collect(Collectors.toSet());
        assertEquals(stored, records.stream().map(TopicReader.Received::ceId).collect(Collectors.toSet()));
        awaitTotals(id, 6, 4);
    }

    @Test
    void relay_crash_between_publish_and_delete_republishes_and_the_read_model_deduplicates() {
        String id = openCounter();
        awaitTotals(id, 0, 1);
        relay.simulateCrashAfterNextPublish();
        increment(id, 7, "\"1\"");
        // Published once by the crashed pass, once more by the next pass.
        await().atMost(Duration.ofSeconds(15)).until(() -> recordsOf(id).size() == 3);
        List<TopicReader.Received> records = recordsOf(id);
        assertEquals(2, records.stream().map(TopicReader.Received::ceId).distinct().count(), "same event id twice");
        increment(id, 1, "\"2\"");
        awaitTotals(id, 8, 3);
        assertEquals(0L, outboxRows(), "rows are deleted once acknowledged");
    }

    @Test
    void a_late_committing_transaction_is_not_skipped() {
        String late = "late-" + UUID.randomUUID();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction tx = connection.begin().await().indefinitely();
            store.append(connection, late, "counter", 0, List.of(openedEvent()), meta(), Instant.now()).await().indefinitely();
            // A later transaction commits first and is published while the first is still open.
            String early = openCounter();
            awaitRecords(early, 1);
            tx.commit().await().indefinitely();
            awaitRecords(late, 1);
        } finally {
            connection.closeAndAwait();
        }
    }

    // ---- projection runner -------------------------------------------------------------------

    @Test
    void a_redelivered_event_leaves_the_read_model_unchanged() {
        String id = openCounter();
        increment(id, 5, "\"1\"");
        awaitTotals(id, 5, 2);
        TopicReader.Received original = awaitRecords(id, 2).get(1);
        TopicReader.write(TOPIC, original.key(), original.value(), original.headers());
        increment(id, 1, "\"2\""); // same key, same partition: consumed after the duplicate
        awaitTotals(id, 6, 3);
    }

    @Test
    void poison_messages_go_to_the_dead_letter_topic_and_consumption_carries_on() {
        String id = openCounter();
        awaitTotals(id, 0, 1);
        String badJsonId = UUID.randomUUID().toString();
        String unknownTypeId = UUID.randomUUID().toString();
        String failingId = UUID.randomUUID().toString();
        String unnamedId = UUID.randomUUID().toString();
        TopicReader.write(TOPIC, id, "{not json", ce(badJsonId, "eu.dpaledger.counter.Incremented.v1", id));
        TopicReader.write(TOPIC, id, "{\"by\":1}", ce(unknownTypeId, "eu.dpaledger.unheard.Happened.v1", id));
        TopicReader.write(TOPIC, id, "{\"failProjection\":true}", ce(failingId, "eu.dpaledger.counter.Incremented.v1", id));
        TopicReader.write(TOPIC, id, "{\"by\":1}", ce(unnamedId, "com.example.Incremented", id));
        increment(id, 2, "\"1\"");
        awaitTotals(id, 2, 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> TopicReader.readAll(DLQ, r -> id.equals(r.key())).size() == 3);
        Map<String, String> reasons = TopicReader.readAll(DLQ, r -> id.equals(r.key())).stream()
                .collect(Collectors.toMap(TopicReader.Received::ceId, r -> String.valueOf(r.header("dead-letter-reason"))));
        assertTrue(reasons.get(badJsonId).contains("not JSON"), reasons.toString());
        assertTrue(reasons.get(failingId).contains("handler refused"), reasons.toString());
        assertTrue(reasons.get(unnamedId).contains("does not follow"), reasons.toString());
        // A well-formed type no projection knows (a newer producer's) is skipped, not dead-lettered (docs/EVENTS.md).
        assertFalse(reasons.containsKey(unknownTypeId), reasons.toString());
    }

    // ---- dead letters a person can handle ------------------------------------------------------

    @Test
    void a_dead_letter_is_listed_replayed_once_its_cause_is_mended_and_every_action_is_recorded() {
        String id = openCounter();
        awaitTotals(id, 0, 1);
        String eventId = UUID.randomUUID().toString();
        TopicReader.write(TOPIC, id, "{\"event\":{\"by\":5},\"failUntilMended\":true}",
                ce(eventId, "eu.dpaledger.counter.Incremented.v1", id));
        increment(id, 1, "\"1\"");
        awaitTotals(id, 1, 2); // consumption carried on past the letter
        long letter = awaitLetter(eventId, "?projection=counter-totals&status=OPEN");
        given().auth().oauth2(token()).get("/admin/dead-letters").then().statusCode(403);
        given().auth().oauth2(token()).post("/admin/dead-letters/{id}/replay", letter).then().statusCode(403);
        try {
            // Replayed before the cause is mended: refused, recorded, nothing applied, the letter stays open.
            given().auth().oauth2(Tokens.admin()).post("/admin/dead-letters/{id}/replay", letter).then().statusCode(409)
                    .body("type", endsWith("/dead-letter-replay-failed")).body("detail", containsString("until its bug is mended"));
            awaitTotals(id, 1, 2);
            CounterTotals.MENDED.set(true);
            given().auth().oauth2(Tokens.admin()).post("/admin/dead-letters/{id}/replay", letter).then().statusCode(200)
                    .body("letter.status", equalTo("REPLAYED")).body("letter.handledBy", equalTo("admin"));
            awaitTotals(id, 6, 3);
            // Settled once: a second replay changes nothing.
            given().auth().oauth2(Tokens.admin()).post("/admin/dead-letters/{id}/replay", letter).then().statusCode(409)
                    .body("type", endsWith("/dead-letter-handled"));
            awaitTotals(id, 6, 3);
        } finally {
            CounterTotals.MENDED.set(false);
        }
        given().auth().oauth2(Tokens.admin()).get("/admin/dead-letters/{id}", letter).then().statusCode(200)
                .body("letter.projection", equalTo("counter-totals")).body("letter.eventId", equalTo(eventId))
                .body("letter.reason", containsString("until its bug is mended"))
                .body("headers.ce_id", equalTo(eventId)).body("payload", containsString("failUntilMended"))
                .body("actions.action", equalTo(List.of("REPLAY", "REPLAY", "INSPECT")))
                .body("actions.outcome", equalTo(List.of("FAILED", "DONE", "DONE")))
                .body("actions.actor", equalTo(List.of("admin", "admin", "admin")));
        given().auth().oauth2(Tokens.admin()).get("/admin/dead-letters?status=OPEN&limit=200").then().statusCode(200)
                .body("items.id", not(hasItem((int) letter)));
    }

    @Test
    void a_dead_letter_is_discarded_for_a_reason_and_bad_requests_change_nothing() {
        String id = openCounter();
        awaitTotals(id, 0, 1);
        String eventId = UUID.randomUUID().toString();
        TopicReader.write(TOPIC, id, "{not json", ce(eventId, "eu.dpaledger.counter.Incremented.v1", id));
        long letter = awaitLetter(eventId, "?status=OPEN");
        String admin = Tokens.admin();
        given().auth().oauth2(admin).get("/admin/dead-letters/{id}", letter).then().statusCode(200)
                .body("letter.projection", nullValue()).body("letter.reason", containsString("not JSON"));
        // Bad requests: a problem naming what is wrong, and the letter stays open.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/admin/dead-letters/{id}/discard", letter).then().statusCode(400)
                .body("type", endsWith("/field-required")).body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(1001)))
                .post("/admin/dead-letters/{id}/discard", letter).then().statusCode(400).body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).post("/admin/dead-letters/{id}/discard", letter)
                .then().statusCode(400).body("type", endsWith("/body-required"));
        given().auth().oauth2(admin).get("/admin/dead-letters?status=LOST").then().statusCode(400)
                .body("type", endsWith("/invalid-status")).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(admin).get("/admin/dead-letters?projection=no-such").then().statusCode(400)
                .body("violations[0].field", equalTo("projection"));
        given().auth().oauth2(admin).get("/admin/dead-letters?colour=red").then().statusCode(400);
        given().auth().oauth2(admin).get("/admin/dead-letters/abc").then().statusCode(404);
        given().auth().oauth2(admin).post("/admin/dead-letters/{id}/replay", Long.MAX_VALUE).then().statusCode(404);
        // An unreadable record cannot be replayed as it is: refused, recorded.
        given().auth().oauth2(admin).post("/admin/dead-letters/{id}/replay", letter).then().statusCode(409)
                .body("type", endsWith("/dead-letter-replay-failed")).body("detail", containsString("not JSON"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("reason", "test record written by hand; the producer never sent it"))
                .post("/admin/dead-letters/{id}/discard", letter).then().statusCode(200)
                .body("letter.status", equalTo("DISCARDED"))
                .body("actions.action", equalTo(List.of("INSPECT", "REPLAY", "DISCARD")))
                .body("actions[2].note", equalTo("test record written by hand; the producer never sent it"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/admin/dead-letters/{id}/discard", letter).then().statusCode(409).body("type", endsWith("/dead-letter-handled"));
        given().auth().oauth2(admin).get("/admin/dead-letters?status=DISCARDED&limit=200").then().statusCode(200)
                .body("items.id", hasItem((int) letter));
        awaitTotals(id, 0, 1);
    }

    /** The id of the dead letter of that event, once the runner kept it (the list filtered by {@code query}). */
    private static long awaitLetter(String eventId, String query) {
        AtomicInteger found = new AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Map<String, Object>> items = given().auth().oauth2(Tokens.admin()).get("/admin/dead-letters" + query + "&limit=200")
                    .then().statusCode(200).extract().path("items");
            items.stream().filter(i -> eventId.equals(i.get("eventId"))).findFirst()
                    .ifPresent(i -> found.set(((Number) i.get("id")).intValue()));
            return found.get() != 0;
        });
        return found.get();
    }

    @Test
    void a_transient_failure_is_retried_not_dead_lettered() {
        String id = openCounter();
        awaitTotals(id, 0, 1);
        String eventId = UUID.randomUUID().toString();
        TopicReader.write(TOPIC, id, "{\"event\":{\"by\":3},\"failOnceTransiently\":true}",
                ce(eventId, "eu.dpaledger.counter.Incremented.v1", id));
        awaitTotals(id, 3, 2);
        increment(id, 1, "\"1\"");
        awaitTotals(id, 4, 3);
        assertTrue(TopicReader.readAll(DLQ, r -> eventId.equals(r.ceId())).isEmpty());
    }

    @Test
    void a_backlog_of_old_records_is_told_from_live_traffic() {
        String id = openCounter();
        awaitTotals(id, 0, 1);
        // A record published an hour ago, as after an outage or on a first start: the consumer is catching up.
        TopicReader.write(TOPIC, id, "{\"event\":{\"by\":2}}", ce(UUID.randomUUID().toString(),
                "eu.dpaledger.counter.Incremented.v1", id), Instant.now().minusSeconds(3600));
        awaitTotals(id, 2, 2);
        await().atMost(Duration.ofSeconds(5)).until(runner::catchingUp);
        // A record published now: the consumer is live again.
        increment(id, 1, "\"1\"");
        awaitTotals(id, 3, 3);
        await().atMost(Duration.ofSeconds(15)).until(() -> !runner.catchingUp());
    }

    @Test
    void a_read_model_is_rebuilt_from_the_topics_beginning() {
        String id = openCounter();
        increment(id, 4, "\"1\"");
        awaitTotals(id, 4, 2);
        pool.query("UPDATE counter_totals SET total = -1").execute().await().indefinitely();
        given().auth().oauth2(Tokens.admin()).post("/admin/projections/counter-totals/rebuild")
                .then().statusCode(200).body("projection", equalTo("counter-totals"));
        awaitTotals(id, 4, 2);
        given().auth().oauth2(Tokens.controller(OWNER)).post("/admin/projections/counter-totals/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void a_rebuild_skips_only_what_its_projection_refuses_and_applies_the_rest_of_the_batch() {
        rebuildSkipsOnlyTheRefused("{\"failProjection\":true}");
    }

    @Test
    void a_rebuild_retries_a_batch_whose_write_fails_transiently_and_loses_nothing() {
        String id = openCounter();
        increment(id, 2, "\"1\"");
        // Same key, same partition: one batch of the rebuild; two of its events fail their first write, as deadlocks would
        // (event by event without retries, the second would fail again alone and be skipped).
        for (int by : new int[] {3, 5}) {
            TopicReader.write(TOPIC, id, "{\"event\":{\"by\":" + by + "},\"failOnceTransiently\":true}",
                    ce(UUID.randomUUID().toString(), "eu.dpaledger.counter.Incremented.v1", id));
        }
        increment(id, 4, "\"2\"");
        awaitTotals(id, 14, 5);
        CounterTotals.forgetFailures(); // the live consumer's failures are spent: the rebuild meets its own
        pool.query("UPDATE counter_totals SET total = -1").execute().await().indefinitely();
        // (Other tests' refused records on the same topic are skipped as poison; this counter's events all apply.)
        given().auth().oauth2(Tokens.admin()).post("/admin/projections/counter-totals/rebuild").then().statusCode(200);
        awaitTotals(id, 14, 5);
    }

    @Test
    void a_rebuild_skips_only_the_event_whose_write_is_refused_and_writes_the_rest_of_the_batch() {
        // Prepared like any other, refused by the database with the batch it is in: the rest are written row by row.
        rebuildSkipsOnlyTheRefused("{\"event\":{\"by\":100},\"failWrite\":true}");
    }

    /** A counter's events around one the projection refuses ({@code refused}, its record): rebuilt, only that one is missing. */
    private void rebuildSkipsOnlyTheRefused(String refused) {
        String id = openCounter();
        increment(id, 2, "\"1\"");
        // Same key, same partition: the rebuild polls the refused event in one batch with its neighbours.
        TopicReader.write(TOPIC, id, refused, ce(UUID.randomUUID().toString(), "eu.dpaledger.counter.Incremented.v1", id));
        increment(id, 3, "\"2\"");
        awaitTotals(id, 5, 3);
        pool.query("UPDATE counter_totals SET total = -1").execute().await().indefinitely();
        given().auth().oauth2(Tokens.admin()).post("/admin/projections/counter-totals/rebuild")
                .then().statusCode(200).body("poisonSkipped", greaterThanOrEqualTo(1));
        awaitTotals(id, 5, 3);
    }

    // ---- HTTP conventions --------------------------------------------------------------------

    @Test
    void commands_on_an_existing_aggregate_need_a_current_if_match() {
        String id = openCounter();
        given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"by\":1}")
                .post("/counters/{id}/increments", id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("https://dpa-ledger.eu/problems/if-match-required"));
        increment(id, 1, "\"1\"");
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"by\":1}")
                .post("/counters/{id}/increments", id)
                .then().statusCode(412).body("type", equalTo("https://dpa-ledger.eu/problems/stale-version"))
                .body("currentETag", equalTo("\"2\""));
        assertEquals(2, store.load(pool, id).await().indefinitely().size(), "refused commands append nothing");
    }

    @Test
    void a_refusal_names_the_source_of_its_rule_as_the_problem_s_article() {
        String id = openCounter();
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"by\":1,\"at\":\"2999-01-01T00:00:00Z\"}").post("/counters/{id}/increments", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://dpa-ledger.eu/problems/instant-in-the-future"))
                .body("article", equalTo(RuleSources.of("instant-in-the-future").orElseThrow()))
                .body("violations[0].field", equalTo("at"));
        given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"by\":1}").post("/counters/{id}/increments", id)
                .then().statusCode(428).body("article", equalTo(RuleSources.OURS));
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"by\":1,\"at\":\"2026-01-01T00:00:00Z\"}").post("/counters/{id}/increments", id)
                .then().statusCode(200);
    }

    @Test
    void a_command_after_another_instance_appended_folds_those_events_and_chains_after_them() {
        String id = openCounter();
        increment(id, 1, "\"1\""); // this instance now holds the stream's state at version 2
        // Another instance of the service appends version 3 behind this one's back.
        AppendResult other = pool.withTransaction(tx -> store.append(tx, id, "counter", 2, List.of(pending(5)), meta(),
                Instant.now())).await().indefinitely();
        assertTrue(other instanceof AppendResult.Appended);
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"by\":1}")
                .post("/counters/{id}/increments", id)
                .then().statusCode(412).body("currentETag", equalTo("\"3\""));
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{\"by\":1}")
                .post("/counters/{id}/increments", id)
                .then().statusCode(200).header("ETag", "\"4\"").body("total", equalTo(7));
        assertTrue(store.verify(pool, id).await().indefinitely().intact(), "the new event chains to the other instance's");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_response_and_appends_nothing() {
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(token()).header("Idempotency-Key", key).post("/counters");
        first.then().statusCode(201);
        Response retry = given().auth().oauth2(token()).header("Idempotency-Key", key).post("/counters");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(first.getHeader("Location"), retry.getHeader("Location"));
        String id = first.jsonPath().getString("id");
        String incKey = UUID.randomUUID().toString();
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .header("Idempotency-Key", incKey).body("{\"by\":3}").post("/counters/{id}/increments", id)
                .then().statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .header("Idempotency-Key", incKey).body("{\"by\":3}").post("/counters/{id}/increments", id)
                .then().statusCode(200).body("total", equalTo(3)).header("ETag", "\"2\"");
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .header("Idempotency-Key", incKey).body("{\"by\":4}").post("/counters/{id}/increments", id)
                .then().statusCode(422).body("type", equalTo("https://dpa-ledger.eu/problems/idempotency-key-reused"));
        assertEquals(2, store.load(pool, id).await().indefinitely().size());
    }

    @Test
    void bad_input_is_a_400_problem_naming_the_field_and_changes_nothing() {
        String id = openCounter();
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"by\":1,\"extra\":true}")
                .post("/counters/{id}/increments", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://dpa-ledger.eu/problems/unknown-field"))
                .body("violations[0].field", equalTo("extra"));
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"by\":\"many\"}")
                .post("/counters/{id}/increments", id)
                .then().statusCode(400).body("type", equalTo("https://dpa-ledger.eu/problems/invalid-field"))
                .body("violations[0].field", equalTo("by"));
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"by\":")
                .post("/counters/{id}/increments", id)
                .then().statusCode(400).body("type", startsWith("https://dpa-ledger.eu/problems/"));
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"by\":0}")
                .post("/counters/{id}/increments", id)
                .then().statusCode(400).body("type", equalTo("https://dpa-ledger.eu/problems/increment-not-positive"))
                .body("violations[0].field", equalTo("by"));
        assertEquals(1, store.load(pool, id).await().indefinitely().size());
    }

    @Test
    void another_organisation_gets_404_and_bad_tokens_get_401() {
        String id = openCounter();
        given().auth().oauth2(Tokens.processor(Tokens.HOSTING)).get("/counters/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.processor(Tokens.HOSTING)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"by\":1}").post("/counters/{id}/increments", id)
                .then().statusCode(404);
        given().get("/counters/{id}", id).then().statusCode(401);
        given().auth().oauth2(Tokens.expired(OWNER, "controller")).get("/counters/{id}", id).then().statusCode(401);
        String valid = token();
        String tampered = valid.substring(0, valid.lastIndexOf('.') - 4) + "AAAA" + valid.substring(valid.lastIndexOf('.'));
        given().auth().oauth2(tampered).get("/counters/{id}", id).then().statusCode(401);
        given().auth().oauth2(token()).get("/counters/{id}", id).then().statusCode(200);
        given().auth().oauth2(token()).get("/no-such-path").then().statusCode(404).contentType("application/problem+json");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String token() {
        return Tokens.controller(OWNER);
    }

    private static String openCounter() {
        return given().auth().oauth2(token()).post("/counters").then().statusCode(201).extract().path("id");
    }

    private static void increment(String id, long by, String ifMatch) {
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", ifMatch).body(Map.of("by", by))
                .post("/counters/{id}/increments", id).then().statusCode(200);
    }

    private Uni<AppendResult> appendOne(String stream, long expected) {
        return pool.withTransaction(tx -> store.append(tx, stream, "counter", expected,
                        List.of(expected == 0 ? openedEvent() : pending(1)), meta(), Instant.now())
                .flatMap(r -> r instanceof AppendResult.VersionConflict
                        ? Uni.createFrom().failure(new IllegalStateException("conflict")) : Uni.createFrom().item(r)));
    }

    private PendingEvent openedEvent() {
        ObjectNode payload = mapper.createObjectNode().put("owner", OWNER);
        return new PendingEvent("Opened", 1, payload, mapper.createObjectNode().set("event", payload));
    }

    private PendingEvent pending(long by) {
        ObjectNode payload = mapper.createObjectNode().put("by", by);
        return new PendingEvent("Incremented", 1, payload, mapper.createObjectNode().set("event", payload));
    }

    private static EventMetadata meta() {
        return new EventMetadata("tester", OWNER, List.of("controller"), UUID.randomUUID().toString(), null, null);
    }

    private static List<TopicReader.Received> recordsOf(String id) {
        return TopicReader.readAll(TOPIC, r -> id.equals(r.key()));
    }

    private static List<TopicReader.Received> awaitRecords(String id, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> recordsOf(id).size() >= count);
        List<TopicReader.Received> records = recordsOf(id);
        assertEquals(count, records.size());
        return records;
    }

    private void awaitTotals(String id, long total, int applied) {
        AtomicInteger seen = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var rows = pool.preparedQuery("SELECT total, events_applied FROM counter_totals WHERE counter_id = $1")
                    .execute(Tuple.of(id)).await().indefinitely();
            assertTrue(rows.iterator().hasNext(), "read model row exists");
            var row = rows.iterator().next();
            seen.set(row.getInteger("events_applied"));
            assertEquals(total, row.getLong("total"));
            assertEquals(applied, row.getInteger("events_applied"));
        });
    }

    private long outboxRows() {
        return pool.query("SELECT count(*) AS n FROM outbox").execute().await().indefinitely().iterator().next().getLong("n");
    }

    private static Map<String, String> ce(String id, String type, String subject) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", "/test", "ce_subject", subject);
    }

    @SuppressWarnings("unused")
    private static Set<String> ids(List<TopicReader.Received> records) {
        return new HashSet<>(records.stream().map(TopicReader.Received::ceId).toList());
    }
}
