package eu.dpaledger.breach;

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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
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

    /** The demo data in the dump: ESN's two open breach reports under the Opwijk ↔ ESN agreement. */
    static final String AGREEMENT = "c81905fe-8563-47ec-85ff-c6d4a06a8e69";
    static final String PHISHING_IN_TIME = "ec659341-9235-45f9-809a-0159f71447ad";
    static final String BACKUP_DISK_LATE = "1df74d71-b756-4fc8-9814-79cbfbdd8131";
    /** An hour after the dump was taken: both 72-hour clocks still run, whatever today is. */
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
        for (String token : List.of(Tokens.processor(Tokens.ESN), Tokens.controller(Tokens.OPWIJK))) {
            get(token, "/breaches?agreement={a}", AGREEMENT).statusCode(200)
                    .body("items.breachId", containsInAnyOrder(PHISHING_IN_TIME, BACKUP_DISK_LATE))
                    .body("items.find { it.breachId == '" + PHISHING_IN_TIME + "' }.status", equalTo("REPORTED"))
                    .body("items.find { it.breachId == '" + PHISHING_IN_TIME + "' }.lateBySeconds", equalTo(0))
                    .body("items.find { it.breachId == '" + BACKUP_DISK_LATE + "' }.lateBySeconds", equalTo(6 * 3600))
                    .body("items.find { it.breachId == '" + BACKUP_DISK_LATE + "' }.openObligations",
                            equalTo(List.of("ASSESSMENT", "AUTHORITY_NOTIFICATION")));
        }
        get(Tokens.controller(Tokens.OPWIJK), "/breaches/{id}", BACKUP_DISK_LATE).statusCode(200)
                .header("ETag", "\"1\"")
                .body("authority", equalTo("VTC"))
                .body("clocks.reportLate", equalTo(true))
                .body("report.description", equalTo("A backup disk of the website database is missing from the data centre"));
        get(Tokens.controller(Tokens.VOORBEELD), "/breaches/{id}", PHISHING_IN_TIME).statusCode(404);
    }

    @Test
    @Order(3)
    void a_new_event_on_a_released_stream_extends_its_chain_and_reaches_kafka() {
        given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("risk", "RISK", "justification", "Analytics data of website visitors, admin account misused"))
                .post("/breaches/{id}/assessment", PHISHING_IN_TIME).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("AWAITING_NOTIFICATION"))
                .body("assessment.risk", equalTo("RISK"));
        List<StoredEvent> stream = eventStore.load(pool, PHISHING_IN_TIME).await().indefinitely();
        assertEquals(List.of("BreachReported", "RiskAssessed"), stream.stream().map(StoredEvent::type).toList());
        HashChain.Verification chain = HashChain.verify(PHISHING_IN_TIME, stream);
        assertTrue(chain.intact(), "hash chain: " + chain);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("eu.dpaledger.breach.RiskAssessed.v1"),
                TopicReader.readAll("dpa.breaches", r -> PHISHING_IN_TIME.equals(r.key())).stream().map(TopicReader.Received::ceType).toList()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(0L,
                pool.query("SELECT count(*) FROM outbox").execute().await().indefinitely().iterator().next().getLong(0), "outbox rows"));
        // The register is a projection of dpa.breaches: the event made the round trip into the upgraded read model.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(Tokens.controller(Tokens.OPWIJK), "/breaches?agreement={a}", AGREEMENT)
                .body("items.find { it.breachId == '" + PHISHING_IN_TIME + "' }.risk", equalTo("RISK")));
    }

    private static ValidatableResponse get(String token, String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then();
    }
}
