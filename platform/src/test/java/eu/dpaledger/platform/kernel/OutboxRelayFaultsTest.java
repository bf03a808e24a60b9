package eu.dpaledger.platform.kernel;

import eu.dpaledger.platform.outbox.OutboxRelay;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay against rows it cannot publish, on a real broker: a row the broker can never take is
 * parked and neither blocks nor duplicates the rows around it; a row that fails transiently is
 * retried and the rows of the same aggregate behind it wait, so per-aggregate order holds.
 */
@QuarkusTest
class OutboxRelayFaultsTest {

    private static final String TOPIC = "dpa.kerneltest";

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Test
    void a_row_the_broker_refuses_is_parked_and_neither_blocks_nor_duplicates_the_rows_around_it() {
        String before = UUID.randomUUID().toString();
        String tooLarge = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String key = "poison-" + UUID.randomUUID();
        // As an older release (or a broker whose limit was lowered) could have left them: one transaction, three rows.
        insertRows(List.of(row(before, key, "{\"n\":1}"),
                row(tooLarge, key, "{\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"),
                row(after, key, "{\"n\":3}")));

        await().atMost(Duration.ofSeconds(20)).until(() -> count("outbox WHERE message_key = '" + key + "'") == 0);
        assertEquals(1, count("outbox_parked WHERE event_id = '" + tooLarge + "' AND reason LIKE 'RecordTooLargeException%'"));
        // More passes publish nothing again.
        relay.drainOnce().await().indefinitely();
        relay.drainOnce().await().indefinitely();
        List<String> published = TopicReader.readAll(TOPIC, r -> key.equals(r.key())).stream()
                .map(TopicReader.Received::ceId).toList();
        assertEquals(List.of(before, after), published, "each publishable row once, in order; the parked one not at all");

        given().auth().oauth2(Tokens.admin()).get("/admin/outbox/parked")
                .then().statusCode(200).body("items.eventId", hasItem(tooLarge));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertTrue(given().get("/q/metrics").then().statusCode(200)
                .extract().asString().lines().anyMatch(l -> l.startsWith("dpa_outbox_parked_rows") && !l.endsWith(" 0.0")),
                "the parked-rows gauge shows the row"));
        given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).get("/admin/outbox/parked").then().statusCode(403);
    }

    @Test
    void a_transient_failure_is_retried_and_later_rows_of_the_same_aggregate_wait_behind_it() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String key = "flaky-" + UUID.randomUUID();
        String otherKey = "steady-" + UUID.randomUUID();
        relay.simulateTransientFailureOf(first);
        insertRows(List.of(row(first, key, "{\"n\":1}"), row(second, key, "{\"n\":2}"), row(other, otherKey, "{\"n\":1}")));

        await().atMost(Duration.ofSeconds(20)).until(() -> count("outbox WHERE message_key IN ('" + key + "','" + otherKey + "')") == 0);
        assertEquals(List.of(first, second), TopicReader.readAll(TOPIC, r -> key.equals(r.key())).stream()
                .map(TopicReader.Received::ceId).toList(), "retried once published, the row behind it after it, each once");
        assertEquals(List.of(other), TopicReader.readAll(TOPIC, r -> otherKey.equals(r.key())).stream()
                .map(TopicReader.Received::ceId).toList());
        assertEquals(0, count("outbox_parked WHERE event_id = '" + first + "'"), "a transient failure is not parked");
    }

    private static Tuple row(String eventId, String key, String data) {
        return Tuple.of(UUID.fromString(eventId), key, "eu.dpaledger.relaytest.Noted.v1", key, data);
    }

    private void insertRows(List<Tuple> rows) {
        pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO outbox (event_id, message_key, ce_type, ce_subject, ce_time, data) "
                        + "VALUES ($1, $2, $3, $4, now(), $5::jsonb)").executeBatch(rows))
                .await().indefinitely();
    }

    private long count(String fromWhere) {
        return pool.query("SELECT count(*) AS n FROM " + fromWhere).execute().await().indefinitely().iterator().next().getLong("n");
    }
}
