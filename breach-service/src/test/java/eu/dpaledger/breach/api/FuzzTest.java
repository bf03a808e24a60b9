package eu.dpaledger.breach.api;

import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.fuzz.ApiFuzzer;
import eu.dpaledger.testing.fuzz.FuzzReport;
import eu.dpaledger.testing.fuzz.NothingLeftBehind;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import static eu.dpaledger.breach.api.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Bad input cannot hurt: every operation of the service's OpenAPI document, sent malformed JSON, wrong
 * types, missing and unknown fields, huge and unicode-edge strings, bad ids, query values and headers,
 * as each role and on real agreements and breaches, answers a 4xx problem document, never a 5xx;
 * afterwards the outbox is empty and every event is on {@code dpa.breaches} once.
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
        Instant now = TestClock.now();
        String agreement = activeAgreement();
        String other = activeAgreement();
        String minimal = reported(agreement, minimal(now.minusSeconds(3600)));
        String complete = reported(other, complete(now.minusSeconds(7200)));
        String assessed = reported(agreement, complete(now.minusSeconds(600)));
        act(controllerToken(), assessed, "assessment", 1, JSON.createObjectNode().put("risk", "HIGH_RISK")
                .put("justification", "Health data of residents")).statusCode(200);

        FuzzReport report = ApiFuzzer.against(base.toString())
                .role("controller", controllerToken())
                .role("processor", processorToken())
                .role("auditor", Tokens.auditor(Tokens.AUDIT_FIRM))
                .role("other-processor", Tokens.processor(Tokens.HOSTING))
                .role("admin", Tokens.admin())
                .ids("/agreements/{agreementId}", agreement, other)
                .ids("/breaches/{id}", minimal, complete, assessed)
                // Valid bodies dated from now (the document's examples have fixed dates).
                .body("POST /agreements/{agreementId}/breaches", complete(now.minusSeconds(1800)).toString())
                .body("POST /breaches/{id}/supplements", complete(now.minusSeconds(1800)).put("measures", "MFA enforced").toString())
                .body("POST /breaches/{id}/controller-awareness", JSON.createObjectNode().put("controllerAwareAt", now.toString())
                        .put("justification", "Read on Monday").toString())
                .body("POST /breaches/{id}/authority-notification", JSON.createObjectNode().put("notifiedAt", now.toString())
                        .put("reference", "VTC-2026-0042").put("phase", "INITIAL").toString())
                .body("POST /breaches/{id}/attempt-assessment", JSON.createObjectNode().put("breach", true)
                        .put("justification", "The attacker reached the residents' files").toString())
                .body("POST /breaches/{id}/data-subject-communication", JSON.createObjectNode().put("at", now.toString())
                        .put("channel", "Letter to every affected resident").toString())
                .budget(Duration.ofSeconds(40))
                .run();
        System.out.println(report.summary());

        assertAll(report::assertNoFailures,
                () -> NothingLeftBehind.outboxEmpties(this::outboxRows),
                () -> NothingLeftBehind.eachEventIdOnce("dpa.breaches"));
    }

    private long outboxRows() {
        return pool.query("SELECT count(*) AS n FROM outbox").execute().await().indefinitely().iterator().next().getLong("n");
    }
}
