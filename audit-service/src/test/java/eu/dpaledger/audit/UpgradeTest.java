package eu.dpaledger.audit;

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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
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

    /** The demo data in the dump: Opwijk's two audits of ESN, one scheduled, one completed with a plan awaiting approval. */
    static final String AGREEMENT = "c81905fe-8563-47ec-85ff-c6d4a06a8e69";
    /** Voorbeeld's agreement with its hosting company, still a draft in the dump. */
    static final String DRAFT_AGREEMENT = "956f624c-925e-4cfb-898a-1e6008df97da";
    static final String SCHEDULED_AUDIT = "8626d300-d138-476c-af57-19bbde59261a";
    static final String COMPLETED_AUDIT = "15b8be52-4c76-4e93-a393-3338a7bdeb0e";
    /** An hour after the dump was taken: the plan is not yet overdue, whatever today is. */
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
        for (String token : List.of(Tokens.controller(Tokens.OPWIJK), Tokens.processor(Tokens.ESN), Tokens.auditor(Tokens.AUDIT_FIRM))) {
            get(token, "/audits?agreement={a}", AGREEMENT).statusCode(200)
                    .body("items.auditId", containsInAnyOrder(SCHEDULED_AUDIT, COMPLETED_AUDIT))
                    .body("items.find { it.auditId == '" + SCHEDULED_AUDIT + "' }.status", equalTo("SCHEDULED"))
                    .body("items.find { it.auditId == '" + COMPLETED_AUDIT + "' }.status", equalTo("PLAN_SUBMITTED"))
                    .body("items.find { it.auditId == '" + COMPLETED_AUDIT + "' }.costBorneBy", equalTo("PROCESSOR"));
        }
        get(Tokens.controller(Tokens.OPWIJK), "/audits/{id}", COMPLETED_AUDIT).statusCode(200)
                .header("ETag", "\"4\"")
                .body("schedule.scope", equalTo("Audit after the phishing incident"))
                .body("findings[0].title", equalTo("No MFA on the hosting panel"))
                .body("findings[0].severity", equalTo("MAJOR"))
                .body("plans", hasSize(1))
                .body("plans[0].approved", nullValue());
        get(Tokens.controller(Tokens.VOORBEELD), "/audits/{id}", COMPLETED_AUDIT).statusCode(404);
    }

    @Test
    @Order(3)
    void a_new_event_on_a_released_stream_extends_its_chain_and_reaches_kafka() {
        String plan = get(Tokens.controller(Tokens.OPWIJK), "/audits/{id}", COMPLETED_AUDIT).statusCode(200).extract().path("plans[0].planId");
        given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).contentType(ContentType.JSON).header("If-Match", "\"4\"")
                .body(Map.of("approved", true, "comments", "MFA for every administrator is what we asked"))
                .post("/audits/{id}/plans/{plan}/decision", COMPLETED_AUDIT, plan).then().statusCode(200)
                .header("ETag", "\"5\"")
                .body("status", equalTo("PLAN_APPROVED"));
        List<StoredEvent> stream = eventStore.load(pool, COMPLETED_AUDIT).await().indefinitely();
        assertEquals(List.of("AuditScheduled", "FindingRecorded", "AuditCompleted", "PlanSubmitted", "PlanDecided"),
                stream.stream().map(StoredEvent::type).toList());
        HashChain.Verification chain = HashChain.verify(COMPLETED_AUDIT, stream);
        assertTrue(chain.intact(), "hash chain: " + chain);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("eu.dpaledger.audit.PlanDecided.v1"),
                TopicReader.readAll("dpa.audits", r -> COMPLETED_AUDIT.equals(r.key())).stream().map(TopicReader.Received::ceType).toList()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(0L,
                pool.query("SELECT count(*) FROM outbox").execute().await().indefinitely().iterator().next().getLong(0), "outbox rows"));
        // The audit list is a projection of dpa.audits: the event made the round trip into the upgraded read model.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(Tokens.controller(Tokens.OPWIJK), "/audits?agreement={a}", AGREEMENT)
                .body("items.find { it.auditId == '" + COMPLETED_AUDIT + "' }.status", equalTo("PLAN_APPROVED")));
    }

    @Test
    @Order(4)
    void the_released_agreements_carry_over_into_the_kernels_agreement_directory() {
        // V101 copied the service's own agreements table into agreement_directory: parties and status still decide.
        ask(Tokens.controller(Tokens.OPWIJK), AGREEMENT).statusCode(201).body("agreementId", equalTo(AGREEMENT));
        ask(Tokens.controller(Tokens.VOORBEELD), AGREEMENT).statusCode(404);
        ask(Tokens.controller(Tokens.VOORBEELD), DRAFT_AGREEMENT).statusCode(409)
                .body("type", equalTo("https://dpa-ledger.eu/problems/agreement-not-in-force"));
        assertEquals(0L, pool.query("SELECT count(*) FROM pg_tables WHERE tablename = 'agreements'").execute().await().indefinitely()
                .iterator().next().getLong(0), "the service's own agreements table is gone");
    }

    private static ValidatableResponse ask(String token, String agreementId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("question", "Who administers the hosting panel?"))
                .post("/agreements/{id}/information-requests", agreementId).then();
    }

    private static ValidatableResponse get(String token, String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then();
    }
}
