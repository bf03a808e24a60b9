package eu.dpaledger.subprocessor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.AgreementEvents;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.fuzz.ApiFuzzer;
import eu.dpaledger.testing.fuzz.FuzzReport;
import eu.dpaledger.testing.fuzz.NothingLeftBehind;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;

import static eu.dpaledger.subprocessor.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Bad input cannot hurt: every operation of the service's OpenAPI document, sent malformed JSON, wrong
 * types, missing and unknown fields, huge and unicode-edge strings, bad ids, query values and headers,
 * as each role and on real agreements, changes and webhook subscriptions, answers a 4xx problem
 * document, never a 5xx; afterwards the outbox is empty and every event is on {@code dpa.subprocessors} once.
 */
@QuarkusTest
// Last in the module (eu.dpaledger.testing.ByOrderThenName): while a kernel cause is open, the fuzz can leave the service harmed.
@Order(Integer.MAX_VALUE)
class FuzzTest {

    private static final String WEBHOOK = "{\"url\":\"http://127.0.0.1:9/fuzz\",\"eventTypes\":[\"eu.dpaledger.subprocessor.ChangeAnnounced.v1\"]}";

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Test
    void bad_input_gets_a_4xx_problem_never_a_5xx_and_every_event_is_published_once() {
        String active = activeAgreement();
        String other = activeAgreement();
        String terminated = activeAgreement();
        AgreementEvents.terminated(terminated, CONTROLLER, PROCESSOR, "VTC", TestClock.now().toString());
        String announced = announced(active);
        String objected = announced(other);
        object(objected, 1).statusCode(200);
        ObjectNode alternative = addCloudflare();
        alternative.putObject("subprocessor").put("name", "Bunny.net").put("headOffice", "Ljubljana").put("country", "SI")
                .putNull("transferMechanism");
        String subscription = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body(WEBHOOK)
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");

        FuzzReport report = ApiFuzzer.against(base.toString())
                .role("controller", controllerToken())
                .role("processor", processorToken())
                .role("auditor", Tokens.auditor(Tokens.AUDIT_FIRM))
                .role("other-controller", Tokens.controller(Tokens.VOORBEELD))
                .role("admin", Tokens.admin())
                .ids("/agreements/{agreementId}", active, other, terminated)
                .ids("/agreements/{agreementId}/subprocessors/{name}", "Level 27", "Cloudflare, Inc.")
                .ids("/subprocessor-changes/{id}", announced, objected)
                .ids("/webhook-subscriptions/{id}", subscription)
                // Valid bodies dated from today (the document's example has a fixed date) and a receiver that refuses at once.
                .body("POST /agreements/{agreementId}/subprocessor-changes", addCloudflare().toString())
                .body("POST /subprocessor-changes/{id}/alternative", alternative.toString())
                .body("POST /webhook-subscriptions", WEBHOOK)
                .budget(Duration.ofSeconds(40))
                .run();
        System.out.println(report.summary());

        assertAll(report::assertNoFailures,
                () -> NothingLeftBehind.outboxEmpties(this::outboxRows),
                () -> NothingLeftBehind.eachEventIdOnce("dpa.subprocessors"));
    }

    private long outboxRows() {
        return pool.query("SELECT count(*) AS n FROM outbox").execute().await().indefinitely().iterator().next().getLong("n");
    }
}
