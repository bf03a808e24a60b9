package eu.dpaledger.agreement.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** Who may see and change an agreement: a valid token, an allowed role, and an organisation that is a party. */
@QuarkusTest
class AuthorizationTest {

    @Test
    void a_request_without_a_token_is_unauthenticated() {
        String id = createDraft();
        problem(given().contentType(ContentType.JSON).body(seed().toString()).post("/agreements").then(), 401,
                "unauthenticated");
        problem(given().get("/agreements").then(), 401, "unauthenticated");
        problem(given().get("/agreements/{id}", id).then(), 401, "unauthenticated");
    }

    @Test
    void an_expired_token_is_unauthenticated() {
        String expired = Tokens.expired(CONTROLLER, "controller");
        problem(create(expired, seed()), 401, "unauthenticated");
        problem(get(expired, "/agreements"), 401, "unauthenticated");
    }

    @Test
    void a_token_that_is_not_a_jwt_is_unauthenticated() {
        problem(get("not-a-token", "/agreements"), 401, "unauthenticated");
    }

    @Test
    void an_auditor_or_an_admin_may_not_use_the_agreement_api() {
        String id = createDraft();
        problem(create(Tokens.auditor(CONTROLLER), seed()), 403, "forbidden-role");
        problem(get(Tokens.auditor(CONTROLLER), "/agreements/{id}", id), 403, "forbidden-role");
        problem(get(Tokens.admin(), "/agreements"), 403, "forbidden-role");
    }

    @Test
    void a_token_without_an_organisation_is_refused() {
        problem(create(Tokens.token("someone", "OPWIJK", "controller"), seed()), 403, "organisation-missing");
    }

    @Test
    void an_unknown_agreement_is_not_found() {
        String unknown = UUID.randomUUID().toString();
        problem(get(controllerToken(), "/agreements/{id}", unknown), 404, "not-found");
        problem(sign(controllerToken(), unknown, 1), 404, "not-found");
    }

    @Test
    void an_organisation_that_is_no_party_gets_404_on_every_endpoint() {
        String draft = createDraft();
        String terminated = terminatedAgreement();
        for (String outsider : List.of(Tokens.controller(Tokens.VOORBEELD), Tokens.processor(Tokens.HOSTING))) {
            for (String path : List.of("/agreements/{id}", "/agreements/{id}/events", "/agreements/{id}/evidence",
                    "/agreements/{id}/export")) {
                problem(get(outsider, path, draft), 404, "not-found");
            }
            commandsOn(draft, terminated).forEach((what, command) ->
                    problem(command.apply(outsider), 404, "not-found").body("detail", not(containsString("Opwijk"))));
        }
        // Nothing changed for the parties.
        get(controllerToken(), "/agreements/{id}", draft).statusCode(200).header("ETag", "\"1\"");
        get(controllerToken(), "/agreements/{id}", terminated).statusCode(200).header("ETag", "\"5\"");
    }

    @Test
    void a_party_organisation_without_the_party_role_does_not_see_the_agreement() {
        String id = createDraft();
        problem(get(Tokens.processor(CONTROLLER), "/agreements/{id}", id), 404, "not-found");
        problem(get(Tokens.controller(PROCESSOR), "/agreements/{id}/events", id), 404, "not-found");
    }

    @Test
    void a_party_organisation_without_the_party_role_may_not_act_for_it() {
        String id = activeAgreement();
        // Acting for a party needs that party's role: the organisation alone is not enough.
        problem(post(Tokens.processor(CONTROLLER), "/agreements/{id}/addenda", 4, Map.of("title", "A",
                "changes", Map.of("purposes", List.of("x"))), id), 403, "party-role-required");
        problem(post(Tokens.controller(PROCESSOR), "/agreements/{id}/termination", 4,
                Map.of("ground", "ASSIGNMENT_ENDED", "effectiveAt", now().toString()), id), 403, "party-role-required");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"4\"");
    }

    /** Every command endpoint, as a function of the caller's token. */
    private static Map<String, Function<String, ValidatableResponse>> commandsOn(String draft, String terminated) {
        ObjectNode changes = JSON.createObjectNode();
        changes.putArray("purposes").add("x");
        ObjectNode addendum = JSON.createObjectNode().put("title", "A");
        addendum.set("changes", changes);
        Map<String, Function<String, ValidatableResponse>> commands = new LinkedHashMap<>();
        commands.put("edit", token -> put(token, draft, 1, seed()));
        commands.put("sign", token -> sign(token, draft, 1));
        commands.put("propose addendum", token -> post(token, "/agreements/{id}/addenda", 1, addendum, draft));
        commands.put("sign addendum", token -> post(token, "/agreements/{id}/addenda/1/signatures", 1, signature(), draft));
        commands.put("withdraw addendum", token -> post(token, "/agreements/{id}/addenda/1/withdrawal", 1,
                Map.of("reason", "x"), draft));
        commands.put("terminate", token -> post(token, "/agreements/{id}/termination", 1,
                Map.of("ground", "ASSIGNMENT_ENDED", "effectiveAt", now().toString()), draft));
        commands.put("data return", token -> post(token, "/agreements/{id}/data-return", 5, Map.of("format", "text/csv",
                "sha256", ARCHIVE_SHA256, "deliveredAt", now().toString()), terminated));
        commands.put("destruction", token -> post(token, "/agreements/{id}/destruction-confirmation", 5,
                Map.of("confirmedAt", now().toString(), "statement", "destroyed"), terminated));
        return commands;
    }
}
