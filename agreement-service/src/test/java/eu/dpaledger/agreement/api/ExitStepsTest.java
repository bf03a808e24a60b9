package eu.dpaledger.agreement.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The processor's exit after termination: data return (art. 11.2), then destruction and its confirmation (art. 11.3, 11.4). */
@QuarkusTest
class ExitStepsTest {

    private static final String DATA_RETURN = "/agreements/{id}/data-return";
    private static final String DESTRUCTION = "/agreements/{id}/destruction-confirmation";
    private static final String TERMINATION = "/agreements/{id}/termination";

    @Test
    void only_the_processor_records_the_data_return() {
        String id = terminatedAgreement();
        problem(post(controllerToken(), DATA_RETURN, 5, dataReturn(now()), id), 403, "only-processor");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"5\"")
                .body("dataReturn", nullValue());
    }

    @Test
    void only_the_processor_confirms_the_destruction() {
        String id = terminatedAgreement();
        post(processorToken(), DATA_RETURN, 5, dataReturn(now()), id).statusCode(200);
        problem(post(controllerToken(), DESTRUCTION, 6, destruction(now()), id), 403, "only-processor");
    }

    @Test
    void data_are_returned_only_after_termination() {
        String id = activeAgreement();
        problem(post(processorToken(), DATA_RETURN, 4, dataReturn(now()), id), 409, "agreement-not-terminated");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"4\"");
    }

    @Test
    void the_destruction_is_confirmed_only_after_the_data_return() {
        String id = terminatedAgreement();
        problem(post(processorToken(), DESTRUCTION, 5, destruction(now()), id), 409, "destruction-before-data-return");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"5\"")
                .body("status", equalTo("TERMINATED"));
    }

    @Test
    void the_data_return_sets_the_destruction_confirmation_deadline() {
        String id = terminatedAgreement();
        Instant delivered = now().minusSeconds(60);
        String due = post(processorToken(), DATA_RETURN, 5, dataReturn(delivered), id).statusCode(200)
                .header("ETag", "\"6\"")
                .body("dataReturn.format", equalTo("application/zip"))
                .body("dataReturn.sha256", equalTo(ARCHIVE_SHA256))
                .body("dataReturn.deliveredAt", equalTo(delivered.toString()))
                .body("openExitSteps", hasSize(1))
                .body("openExitSteps[0].step", equalTo("DESTRUCTION_CONFIRMATION"))
                .body("openExitSteps[0].overdue", equalTo(false))
                .extract().path("dataReturn.destructionConfirmationDueAt");
        // 30 calendar days (the seed's setting), ending at the end of a working day in Brussels.
        Instant dueAt = Instant.parse(due);
        assertFalse(dueAt.isBefore(delivered.plus(Duration.ofDays(30))), "not before 30 days: " + due);
        assertTrue(dueAt.isBefore(delivered.plus(Duration.ofDays(36))), "moved at most to the next working day: " + due);
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).body("openExitSteps[0].dueAt", equalTo(due));
    }

    @Test
    void a_destruction_confirmation_past_its_deadline_shows_as_overdue() {
        // The hand-over cannot precede the termination (DPA art. 11.2): this termination took effect 41 days ago.
        String id = activeAgreement();
        post(controllerToken(), TERMINATION, 4, Map.of("ground", "ASSIGNMENT_ENDED",
                "effectiveAt", now().minus(Duration.ofDays(41)).toString()), id).statusCode(200);
        Instant delivered = now().minus(Duration.ofDays(40));
        post(processorToken(), DATA_RETURN, 5, dataReturn(delivered), id).statusCode(200)
                .body("dataReturn.deliveredAt", equalTo(delivered.toString()))
                .body("openExitSteps[0].step", equalTo("DESTRUCTION_CONFIRMATION"))
                .body("openExitSteps[0].overdue", equalTo(true));
        get(processorToken(), "/agreements/{id}", id).statusCode(200).body("openExitSteps[0].overdue", equalTo(true));
    }

    @Test
    void a_data_return_in_the_future_is_refused() {
        String id = terminatedAgreement();
        problem(post(processorToken(), DATA_RETURN, 5, dataReturn(now().plus(Duration.ofHours(1))), id), 400,
                "instant-in-the-future").body("violations[0].field", equalTo("deliveredAt"));
    }

    @Test
    void the_data_return_names_a_sha256_digest() {
        String id = terminatedAgreement();
        problem(post(processorToken(), DATA_RETURN, 5, Map.of("format", "text/csv", "sha256", "abc",
                "deliveredAt", now().toString()), id), 400, "invalid-sha256").body("violations[0].field", equalTo("sha256"));
        problem(post(processorToken(), DATA_RETURN, 5, Map.of("sha256", ARCHIVE_SHA256,
                "deliveredAt", now().toString()), id), 400, "field-required").body("violations[0].field", equalTo("format"));
    }

    @Test
    void the_data_return_is_recorded_once() {
        String id = terminatedAgreement();
        post(processorToken(), DATA_RETURN, 5, dataReturn(now()), id).statusCode(200);
        problem(post(processorToken(), DATA_RETURN, 6, dataReturn(now()), id), 409, "data-already-returned");
    }

    @Test
    void a_destruction_dated_before_the_data_return_is_refused() {
        String id = terminatedAgreement();
        Instant delivered = now().minusSeconds(30); // after the termination took effect (a minute ago)
        post(processorToken(), DATA_RETURN, 5, dataReturn(delivered), id).statusCode(200);
        problem(post(processorToken(), DESTRUCTION, 6, destruction(delivered.minusSeconds(60)), id), 400,
                "destruction-dated-before-data-return").body("violations[0].field", equalTo("confirmedAt"));
    }

    @Test
    void a_destruction_confirmed_in_the_future_is_refused() {
        String id = terminatedAgreement();
        post(processorToken(), DATA_RETURN, 5, dataReturn(now().minusSeconds(60)), id).statusCode(200);
        problem(post(processorToken(), DESTRUCTION, 6, destruction(now().plus(Duration.ofDays(1))), id), 400,
                "instant-in-the-future").body("violations[0].field", equalTo("confirmedAt"));
        problem(post(processorToken(), DESTRUCTION, 6, Map.of("confirmedAt", now().toString()), id), 400,
                "field-required").body("violations[0].field", equalTo("statement"));
        get(processorToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"6\"")
                .body("status", equalTo("TERMINATED"));
    }

    @Test
    void the_confirmed_destruction_closes_the_agreement() {
        String id = terminatedAgreement();
        post(processorToken(), DATA_RETURN, 5, dataReturn(now().minusSeconds(60)), id).statusCode(200);
        Instant confirmed = now();
        post(processorToken(), DESTRUCTION, 6, Map.of("confirmedAt", confirmed.toString(),
                "statement", "All copies and backups destroyed", "legalRetentionExceptions", List.of("Invoices (7 years)")), id)
                .statusCode(200).header("ETag", "\"8\"")
                .body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue())
                .body("destructionConfirmation.confirmedAt", equalTo(confirmed.toString()))
                .body("destructionConfirmation.legalRetentionExceptions", contains("Invoices (7 years)"))
                .body("openExitSteps", empty());
        problem(post(processorToken(), DESTRUCTION, 8, destruction(now()), id), 409, "agreement-not-terminated");
    }

    private static Map<String, String> dataReturn(Instant deliveredAt) {
        return Map.of("format", "application/zip", "sha256", ARCHIVE_SHA256, "deliveredAt", deliveredAt.toString());
    }

    private static Map<String, String> destruction(Instant confirmedAt) {
        return Map.of("confirmedAt", confirmedAt.toString(), "statement", "All copies and backups destroyed");
    }

    @Test
    void the_exit_waits_until_the_termination_takes_effect() {
        String id = activeAgreement();
        String effectiveAt = now().plus(Duration.ofDays(30)).toString();
        post(controllerToken(), TERMINATION, 4, Map.of("ground", "ASSIGNMENT_ENDED", "effectiveAt", effectiveAt), id)
                .statusCode(200);
        problem(post(processorToken(), DATA_RETURN, 5, dataReturn(now()), id), 409, "termination-not-yet-effective")
                .body("effectiveAt", equalTo(effectiveAt))
                .body("detail", containsString("DPA art. 11.2"));
        problem(post(processorToken(), DESTRUCTION, 5, destruction(now()), id), 409, "termination-not-yet-effective");
        get(processorToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"5\"")
                .body("status", equalTo("TERMINATED")).body("dataReturn", nullValue());
    }

    @Test
    void a_data_return_dated_before_the_termination_took_effect_is_refused() {
        String id = terminatedAgreement();
        problem(post(processorToken(), DATA_RETURN, 5, dataReturn(now().minus(Duration.ofDays(1))), id), 400,
                "data-return-dated-before-termination").body("violations[0].field", equalTo("deliveredAt"));
        post(processorToken(), DATA_RETURN, 5, dataReturn(now()), id).statusCode(200);
    }
}
