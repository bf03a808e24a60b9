package eu.dpaledger.subprocessor;

import eu.dpaledger.platform.eventstore.EventStore;
import eu.dpaledger.platform.eventstore.HashChain;
import eu.dpaledger.platform.eventstore.StoredEvent;
import eu.dpaledger.testing.FlywayHistory;
import eu.dpaledger.testing.ReleasedDatabaseProfile;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upgrade from 0.1.0: the service boots on a database the released version left behind with its demo data
 * ({@code upgrade/0.1.0.sql}, a pg_dump after {@code ./dpa up}), migrates it, reads the old data through the
 * API as before and appends to an old stream.
 */
@QuarkusTest
@TestProfile(ReleasedDatabaseProfile.From010.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeTest {

    /** The demo data in the dump: ESN's pending change adding Cloudflare under the ACTIVE Opwijk ↔ ESN agreement. */
    static final String AGREEMENT = "c81905fe-8563-47ec-85ff-c6d4a06a8e69";
    static final String CLOUDFLARE_CHANGE = "aa4d179a-1c24-4eab-a6ed-018bdb59a47b";
    /** An hour after the dump was taken: inside the change's objection window (it ends 2026-12-31T23:00Z), whatever today is. */
    static final Instant SHORTLY_AFTER_RELEASE = Instant.parse("2026-12-01T19:00:00Z");

    @Inject
    Pool pool;

    @Inject
    EventStore eventStore;

    @BeforeEach
    void shortlyAfterTheDump() {
        TestClock.setNow(SHORTLY_AFTER_RELEASE);
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    @Order(1)
    void every_migration_on_the_classpath_is_recorded_as_applied() {
        FlywayHistory.assertEveryScriptApplied();
    }

    @Test
    @Order(2)
    void the_released_demo_data_reads_as_before() {
        String opwijk = Tokens.controller(Tokens.OPWIJK);
        get(opwijk, "/agreements/{id}/subprocessors", AGREEMENT).statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("subprocessors.name", contains("Level 27"))
                .body("subprocessors[0].basis", equalTo("BASELINE"));
        // The released registry rows gained their agreement's parties (V109): the overview across agreements finds them.
        get(opwijk, "/subprocessors/{name}/agreements", "Level 27").statusCode(200)
                .body("items.agreementId", hasItem(AGREEMENT))
                .body("items.controller.enterpriseNumber", everyItem(equalTo(Tokens.OPWIJK)));
        get(opwijk, "/agreements/{id}/subprocessor-changes", AGREEMENT).statusCode(200)
                .body("items.changeId", contains(CLOUDFLARE_CHANGE))
                .body("items[0].subprocessorName", equalTo("Cloudflare, Inc."))
                .body("items[0].status", equalTo("ANNOUNCED"));
        get(Tokens.processor(Tokens.ESN), "/subprocessor-changes/{id}", CLOUDFLARE_CHANGE).statusCode(200)
                .header("ETag", "\"1\"")
                .body("kind", equalTo("ADD"))
                .body("subprocessor.country", equalTo("US"))
                .body("subprocessor.transferMechanism", equalTo("ADEQUACY_DECISION"))
                .body("deadlines.objectionWindowOpen", equalTo(true));
        get(Tokens.controller(Tokens.VOORBEELD), "/subprocessor-changes/{id}", CLOUDFLARE_CHANGE).statusCode(404);
    }

    @Test
    @Order(3)
    void a_new_event_on_a_released_stream_extends_its_chain_and_reaches_kafka() {
        given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("grounds", "Personal data of citizens must stay in the EEA"))
                .post("/subprocessor-changes/{id}/objection", CLOUDFLARE_CHANGE).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("OBJECTED"));
        List<StoredEvent> stream = eventStore.load(pool, CLOUDFLARE_CHANGE).await().indefinitely();
        assertEquals(List.of("ChangeAnnounced", "ObjectionRaised"), stream.stream().map(StoredEvent::type).toList());
        HashChain.Verification chain = HashChain.verify(CLOUDFLARE_CHANGE, stream);
        assertTrue(chain.intact(), "hash chain: " + chain);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("eu.dpaledger.subprocessor.ObjectionRaised.v1"),
                TopicReader.readAll("dpa.subprocessors", r -> CLOUDFLARE_CHANGE.equals(r.key())).stream().map(TopicReader.Received::ceType).toList()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(0L,
                pool.query("SELECT count(*) FROM outbox").execute().await().indefinitely().iterator().next().getLong(0), "outbox rows"));
        // The change list is a projection of dpa.subprocessors: the event made the round trip into the upgraded read model.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(Tokens.controller(Tokens.OPWIJK),
                "/agreements/{id}/subprocessor-changes", AGREEMENT).body("items[0].status", equalTo("OBJECTED")));
    }

    private static ValidatableResponse get(String token, String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then();
    }
}
