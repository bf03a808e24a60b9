package eu.dpaledger.agreement.api;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Bad input cannot hurt: every operation of the service's OpenAPI document, sent malformed JSON, wrong
 * types, missing and unknown fields, huge and unicode-edge strings, bad ids, query values and headers,
 * as each role and on real agreements and assistance items, answers a 4xx problem document, never a 5xx;
 * afterwards the outbox is empty and every event is on {@code dpa.agreements} once.
 */
@QuarkusTest
// Last in the module (eu.dpaledger.testing.ByOrderThenName): while a kernel cause is open, the fuzz can leave the service harmed.
@Order(Integer.MAX_VALUE)
class FuzzTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Test
    void bad_input_gets_a_4xx_problem_never_a_5xx_and_every_event_is_published_once() {
        String draft = createDraft();
        String active = activeAgreement();
        String withAddendum = activeAgreement();
        post(controllerToken(), "/agreements/{id}/addenda", 4, Map.of("title", "Addendum 1", "reason", "New application",
                "changes", Map.of("purposes", List.of("Website hosting", "Web analytics"))), withAddendum).statusCode(201);
        String terminated = terminatedAgreement();
        String instruction = created(controllerToken(), "/agreements/{id}/instructions", active,
                "{\"text\":\"Keep web server logs for 30 days\",\"effectiveFrom\":\"" + LocalDate.now() + "\"}");
        String disclosure = created(processorToken(), "/agreements/{id}/disclosure-requests", active,
                "{\"authority\":\"Federal prosecutor\",\"receivedAt\":\"" + now() + "\",\"legalBasis\":\"Art. 46bis Code of Criminal Procedure\","
                        + "\"scope\":\"Logs of the website for March\",\"dueAt\":\"" + now().plus(Duration.ofDays(10)) + "\"}");
        String subjectRequest = created(processorToken(), "/agreements/{id}/data-subject-requests", active,
                "{\"type\":\"ERASURE\",\"receivedAt\":\"" + now() + "\",\"reference\":\"DSR-2026-099\"}");

        String today = LocalDate.now().toString();
        FuzzReport report = ApiFuzzer.against(base.toString())
                .role("controller", controllerToken())
                .role("processor", processorToken())
                .role("auditor", Tokens.auditor(Tokens.AUDIT_FIRM))
                .role("other-controller", Tokens.controller(Tokens.VOORBEELD))
                .role("admin", Tokens.admin())
                .ids("/agreements/{id}", draft, active, withAddendum, terminated)
                .ids("/agreements/{id}/addenda/{n}", "1")
                .ids("/instructions/{id}", instruction)
                .ids("/disclosure-requests/{id}", disclosure)
                .ids("/data-subject-requests/{id}", subjectRequest)
                // The assistance requests have no example in the document: valid ones, so mistakes reach the rules.
                .body("POST /agreements/{id}/instructions", "{\"text\":\"Keep logs 30 days\",\"effectiveFrom\":\"" + today + "\"}")
                .body("POST /instructions/{id}/amendment",
                        "{\"text\":\"Keep logs 14 days\",\"effectiveFrom\":\"" + today + "\",\"reason\":\"Agreed with the DPO\"}")
                .body("POST /agreements/{id}/disclosure-requests", "{\"authority\":\"Federal prosecutor\",\"receivedAt\":\"" + now()
                        + "\",\"legalBasis\":\"Art. 46bis\",\"scope\":\"Logs\",\"dueAt\":\"" + now().plus(Duration.ofDays(10)) + "\"}")
                .body("POST /disclosure-requests/{id}/disclosure", "{\"disclosedAt\":\"" + now() + "\",\"disclosed\":\"Logs of March\"}")
                .body("POST /agreements/{id}/data-subject-requests",
                        "{\"type\":\"ERASURE\",\"receivedAt\":\"" + now() + "\",\"reference\":\"DSR-2026-100\"}")
                .budget(Duration.ofSeconds(40))
                .run();
        System.out.println(report.summary());

        assertAll(report::assertNoFailures,
                () -> NothingLeftBehind.outboxEmpties(this::outboxRows),
                () -> NothingLeftBehind.eachEventIdOnce("dpa.agreements"));
    }

    private long outboxRows() {
        return pool.query("SELECT count(*) AS n FROM outbox").execute().await().indefinitely().iterator().next().getLong("n");
    }

    private static String created(String token, String path, String agreement, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path, agreement)
                .then().statusCode(201).extract().path("id");
    }
}
