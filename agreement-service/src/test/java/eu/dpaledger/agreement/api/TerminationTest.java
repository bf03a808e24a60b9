package eu.dpaledger.agreement.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;

/** POST /agreements/{id}/termination: who may end the agreement, on which ground (art. 3.1, 11.1, 6.2). */
@QuarkusTest
class TerminationTest {

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private static final String TERMINATION = "/agreements/{id}/termination";

    @Test
    void either_party_records_that_the_assignment_ended() {
        String id = activeAgreement();
        String effectiveAt = now().minusSeconds(60).toString();
        post(processorToken(), TERMINATION, 4, Map.of("ground", "ASSIGNMENT_ENDED", "effectiveAt", effectiveAt), id)
                .statusCode(200).header("ETag", "\"5\"")
                .body("status", equalTo("TERMINATED"))
                .body("termination.ground", equalTo("ASSIGNMENT_ENDED"))
                .body("termination.by", equalTo("PROCESSOR"))
                .body("termination.effectiveAt", equalTo(effectiveAt))
                .body("termination.noticeOfDefaultReference", nullValue())
                .body("openExitSteps", hasSize(1))
                .body("openExitSteps[0].step", equalTo("DATA_RETURN"))
                .body("openExitSteps[0].dueAt", nullValue());
    }

    @Test
    void only_the_controller_terminates_for_processor_default() {
        String id = activeAgreement();
        problem(post(processorToken(), TERMINATION, 4, Map.of("ground", "PROCESSOR_DEFAULT",
                "effectiveAt", now().toString(), "noticeOfDefaultReference", "ESN/2026/1"), id), 403, "controller-only-ground");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"4\"")
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void termination_for_processor_default_needs_the_notice_of_default() {
        String id = activeAgreement();
        problem(post(controllerToken(), TERMINATION, 4, Map.of("ground", "PROCESSOR_DEFAULT",
                "effectiveAt", now().toString()), id), 400, "notice-of-default-required")
                .body("violations[0].field", equalTo("noticeOfDefaultReference"));
        problem(post(controllerToken(), TERMINATION, 4, Map.of("ground", "PROCESSOR_DEFAULT",
                "effectiveAt", now().toString(), "noticeOfDefaultReference", "  "), id), 400, "notice-of-default-required");

        post(controllerToken(), TERMINATION, 4, Map.of("ground", "PROCESSOR_DEFAULT", "effectiveAt", now().toString(),
                "noticeOfDefaultReference", " OPW/2026/117 "), id)
                .statusCode(200).body("termination.noticeOfDefaultReference", equalTo("OPW/2026/117"))
                .body("termination.by", equalTo("CONTROLLER"));
    }

    @Test
    void a_ground_and_an_effective_time_are_required() {
        String id = activeAgreement();
        problem(post(controllerToken(), TERMINATION, 4, Map.of("effectiveAt", now().toString()), id), 400, "field-required")
                .body("violations[0].field", equalTo("ground"));
        problem(post(controllerToken(), TERMINATION, 4, Map.of("ground", "ASSIGNMENT_ENDED"), id), 400, "field-required")
                .body("violations[0].field", equalTo("effectiveAt"));
        problem(post(controllerToken(), TERMINATION, 4, Map.of("ground", "BORED", "effectiveAt", now().toString()), id),
                400, "invalid-field").body("violations[0].field", equalTo("ground"));
    }

    @Test
    void a_sub_processor_objection_without_a_granted_right_does_not_terminate() {
        String id = activeAgreement();
        problem(post(controllerToken(), TERMINATION, 4, Map.of("ground", "SUBPROCESSOR_OBJECTION",
                "effectiveAt", now().toString()), id), 422, "no-subprocessor-termination-right");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"4\"")
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void a_right_granted_by_the_sub_processor_service_lets_the_controller_terminate() {
        String id = activeAgreement();
        grantSubprocessorTerminationRight(id);
        Map<String, String> body = Map.of("ground", "SUBPROCESSOR_OBJECTION", "effectiveAt", now().toString());
        // The grant reaches this service through Kafka: until it is applied, the attempt is refused and changes nothing.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                post(controllerToken(), TERMINATION, 4, body, id).statusCode(200));
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"5\"")
                .body("status", equalTo("TERMINATED"))
                .body("termination.ground", equalTo("SUBPROCESSOR_OBJECTION"));
    }

    @Test
    void a_right_that_lapsed_with_its_ground_no_longer_terminates() {
        String id = activeAgreement();
        String change = grantSubprocessorTerminationRight(id);
        lapseSubprocessorTerminationRight(id, change);
        awaitApplied(id, change, 1, 1);
        // DPA art. 6.2: the objection was withdrawn after the right was granted; its ground is gone.
        problem(post(controllerToken(), TERMINATION, 4, Map.of("ground", "SUBPROCESSOR_OBJECTION",
                "effectiveAt", now().toString()), id), 422, "no-subprocessor-termination-right")
                .body("detail", containsString("DPA art. 6.2")).body("detail", containsString("lapsed"));
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"4\"")
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void a_lapse_that_arrives_before_its_grant_still_counts() {
        String id = activeAgreement();
        String change = java.util.UUID.randomUUID().toString();
        lapseSubprocessorTerminationRight(id, change);
        grantSubprocessorTerminationRight(id, change);
        awaitApplied(id, change, 1, 1);
        problem(post(controllerToken(), TERMINATION, 4, Map.of("ground", "SUBPROCESSOR_OBJECTION",
                "effectiveAt", now().toString()), id), 422, "no-subprocessor-termination-right");
    }

    @Test
    void another_right_that_still_stands_lets_the_controller_terminate() {
        String id = activeAgreement();
        String lapsing = grantSubprocessorTerminationRight(id);
        lapseSubprocessorTerminationRight(id, lapsing);
        grantSubprocessorTerminationRight(id);
        awaitApplied(id, lapsing, 1, 1);
        Map<String, String> body = Map.of("ground", "SUBPROCESSOR_OBJECTION", "effectiveAt", now().toString());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                post(controllerToken(), TERMINATION, 4, body, id).statusCode(200));
        get(controllerToken(), "/agreements/{id}", id).statusCode(200)
                .body("termination.ground", equalTo("SUBPROCESSOR_OBJECTION"));
    }

    /** Waits until the read model holds this many grants and lapses of the change's termination right. */
    private void awaitApplied(String agreementId, String changeId, int grants, int lapses) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                count("subprocessor_termination_rights", agreementId, changeId) == grants
                        && count("subprocessor_termination_right_lapses", agreementId, changeId) == lapses);
    }

    private long count(String table, String agreementId, String changeId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM " + table + " WHERE agreement_id = $1 AND change_id = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(agreementId, changeId)).await().indefinitely()
                .iterator().next().getLong("n");
    }

    @Test
    void the_granted_right_is_the_controllers_only() {
        String id = activeAgreement();
        grantSubprocessorTerminationRight(id);
        problem(post(processorToken(), TERMINATION, 4, Map.of("ground", "SUBPROCESSOR_OBJECTION",
                "effectiveAt", now().toString()), id), 403, "controller-only-ground");
    }

    @Test
    void a_draft_is_not_terminated() {
        String id = createDraft();
        problem(post(controllerToken(), TERMINATION, 1, Map.of("ground", "ASSIGNMENT_ENDED",
                "effectiveAt", now().toString()), id), 409, "agreement-not-active");
    }

    @Test
    void a_terminated_agreement_is_not_terminated_again() {
        String id = terminatedAgreement();
        problem(post(controllerToken(), TERMINATION, 5, Map.of("ground", "ASSIGNMENT_ENDED",
                "effectiveAt", now().toString()), id), 409, "agreement-not-active");
    }

    @Test
    void exit_steps_open_when_the_termination_takes_effect() {
        String id = activeAgreement();
        post(controllerToken(), TERMINATION, 4, Map.of("ground", "ASSIGNMENT_ENDED",
                "effectiveAt", now().plus(Duration.ofDays(30)).toString()), id)
                .statusCode(200).body("status", equalTo("TERMINATED")).body("openExitSteps", empty());
    }
}
