package eu.dpaledger.reporting.api;

import eu.dpaledger.reporting.TestInfrastructure;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.fuzz.ApiFuzzer;
import eu.dpaledger.testing.fuzz.FuzzReport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;

/**
 * Bad input cannot hurt: every operation of the service's OpenAPI document, sent malformed JSON, wrong types, missing
 * and unknown fields, huge and unicode-edge strings, bad ids, query values and headers, as each role and over real
 * read-model rows and feed tokens, answers a 4xx problem document, never a 5xx.
 */
@QuarkusTest
// Last in the module (eu.dpaledger.testing.ByOrderThenName).
@Order(Integer.MAX_VALUE)
class FuzzTest extends TestInfrastructure {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    Seed seed;

    @BeforeEach
    void seed() {
        seed = new Seed(pool);
    }

    @AfterEach
    void unseedAndRealTime() {
        seed.clear();
        TestClock.reset();
    }

    @Test
    void bad_input_gets_a_4xx_problem_never_a_5xx() {
        String controller = Seed.org();
        String processor = Seed.org();
        String firm = Seed.org();
        Instant now = Instant.now();
        String agreement = Seed.uuid();
        seed.agreement(agreement, controller, processor, "ACTIVE", now.minus(Duration.ofDays(100)), "BE", "US");
        seed.subprocessor(agreement, "Cloudflare", "US", "APPROPRIATE_SAFEGUARDS", true, null);
        seed.obligation(controller, processor, now.plus(Duration.ofDays(3))).agreement(agreement).insert();
        seed.obligation(controller, processor, now.minus(Duration.ofHours(3))).agreement(agreement).kind(ObligationKind.BREACH_REPORT).insert();
        seed.obligation(controller, processor, now.plus(Duration.ofDays(9))).agreement(agreement).kind(ObligationKind.AUDIT).auditor(firm).insert();
        seed.breach(controller, processor, now.minus(Duration.ofDays(3)), 30, null, true);
        seed.audit(controller, processor, firm, "PLAN_DUE", now.plus(Duration.ofDays(10)), null, "MAJOR");
        String controllerToken = Tokens.controller(controller);
        String feedToken = given().auth().oauth2(controllerToken).contentType(ContentType.JSON).body("{\"label\":\"fuzz\"}")
                .post("/feed-tokens").then().statusCode(201).extract().path("id");

        FuzzReport report = ApiFuzzer.against(base.toString())
                .role("controller", controllerToken)
                .role("processor", Tokens.processor(processor))
                .role("auditor", Tokens.auditor(firm))
                .role("other-controller", Tokens.controller(Seed.org()))
                .role("admin", Tokens.admin())
                .ids("/feed-tokens/{id}", feedToken)
                .ids("/admin/projections/{name}", "obligations")
                .body("PUT /settings", "{\"dueSoonDays\":7,\"breachDueSoonHours\":12}")
                .body("POST /feed-tokens", "{\"label\":\"Outlook\",\"expiresInDays\":30}")
                .budget(Duration.ofSeconds(40))
                .run();
        System.out.println(report.summary());
        report.assertNoFailures();
    }
}
