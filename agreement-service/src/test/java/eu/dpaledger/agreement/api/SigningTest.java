package eu.dpaledger.agreement.api;

import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static org.hamcrest.Matchers.*;

/** POST /agreements/{id}/signatures: each party signs the exact content; both signatures activate it. */
@QuarkusTest
class SigningTest {

    @Test
    void the_signing_party_follows_from_the_callers_role_and_organisation() {
        String id = createDraft();
        sign(processorToken(), id, 1).statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("DRAFT"))
                .body("signatures", hasSize(1))
                .body("signatures[0].party", equalTo("PROCESSOR"))
                .body("signatures[0].signerName", equalTo("Jan Voorbeeld"))
                .body("signatures[0].signerTitle", equalTo("algemeen directeur"))
                .body("signatures[0].place", equalTo("Opwijk"))
                .body("signatures[0].at", notNullValue());
    }

    @Test
    void a_signature_binds_the_digest_of_the_content_shown() {
        String id = createDraft();
        String contentSha256 = get(controllerToken(), "/agreements/{id}", id).statusCode(200)
                .body("contentSha256", matchesPattern("[0-9a-f]{64}")).extract().path("contentSha256");
        sign(controllerToken(), id, 1).statusCode(200).body("signatures[0].signedSha256", equalTo(contentSha256));
    }

    @Test
    void both_signatures_on_the_same_content_activate_the_agreement() {
        String id = createDraft();
        sign(controllerToken(), id, 1).statusCode(200);
        String contentSha256 = sign(processorToken(), id, 2).statusCode(200).header("ETag", "\"4\"")
                .body("status", equalTo("ACTIVE"))
                .body("activatedAt", notNullValue())
                .body("signatures.party", containsInAnyOrder("CONTROLLER", "PROCESSOR"))
                .extract().path("contentSha256");
        get(processorToken(), "/agreements/{id}/events", id).statusCode(200)
                .body("items.type", contains("DraftCreated", "AgreementSigned", "AgreementSigned", "AgreementActivated"))
                .body("items[3].payload.contentSha256", equalTo(contentSha256))
                .body("items.payload.contentSha256", everyItem(anyOf(nullValue(), equalTo(contentSha256))));
    }

    @Test
    void a_party_signs_the_same_content_only_once() {
        String id = createDraft();
        sign(controllerToken(), id, 1).statusCode(200);
        problem(sign(controllerToken(), id, 2), 409, "already-signed");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"2\"")
                .body("signatures", hasSize(1));
    }

    @Test
    void the_controllers_organisation_cannot_sign_with_the_processor_role() {
        String id = createDraft();
        // A party organisation without that party's role sees the agreement but may not sign for it.
        problem(sign(Tokens.processor(CONTROLLER), id, 1), 403, "signer-not-a-party");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"1\"")
                .body("signatures", empty());
    }

    @Test
    void the_processors_organisation_cannot_sign_with_the_controller_role() {
        String id = createDraft();
        problem(sign(Tokens.controller(PROCESSOR), id, 1), 403, "signer-not-a-party");
    }

    @Test
    void a_signature_names_its_signer() {
        String id = createDraft();
        problem(post(controllerToken(), "/agreements/{id}/signatures", 1, Map.of("signerTitle", "directeur"), id),
                400, "field-required")
                .body("violations[0].field", equalTo("signerName"));
    }

    @Test
    void an_active_agreement_is_not_signed_again() {
        String id = activeAgreement();
        problem(sign(controllerToken(), id, 4), 409, "agreement-not-draft");
    }
}
