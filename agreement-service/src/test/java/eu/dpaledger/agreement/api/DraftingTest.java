package eu.dpaledger.agreement.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** POST /agreements and PUT /agreements/{id}: what a draft must contain (annex 1, art. 4.2, art. 8.1). */
@QuarkusTest
class DraftingTest {

    @Test
    void a_party_drafts_an_agreement_and_gets_its_location_and_version() {
        var created = create(controllerToken(), seed()).statusCode(201)
                .header("ETag", "\"1\"")
                .contentType(ContentType.JSON)
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(1))
                .body("createdBy", equalTo("CONTROLLER"))
                .body("signatures", empty())
                .body("addenda", empty())
                .body("content.settings.supervisoryAuthority", equalTo("VTC"))
                .body("content.processingLocations[0].country", equalTo("BE"));
        String id = created.extract().path("id");
        created.header("Location", endsWith("/agreements/" + id));
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id));
    }

    @Test
    void the_processor_may_draft_too() {
        create(processorToken(), seed()).statusCode(201).body("createdBy", equalTo("PROCESSOR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BE0207.511.803", "0207.511.803", "0207511803", "BE 0207 511 803", "207511803"})
    void an_enterprise_number_in_any_usual_spelling_is_stored_as_ten_digits(String spelling) {
        ObjectNode body = seed();
        ((ObjectNode) body.get("controller")).put("enterpriseNumber", spelling);
        create(controllerToken(), body).statusCode(201)
                .body("content.controller.enterpriseNumber", equalTo("0207511803"))
                .body("content.processor.enterpriseNumber", equalTo("0428304785"));
    }

    @Test
    void an_enterprise_number_failing_the_mod_97_check_is_refused_naming_the_field() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("processor")).put("enterpriseNumber", "BE0428.304.786");
        problem(create(controllerToken(), body), 400, "invalid-enterprise-number")
                .body("violations[0].field", equalTo("processor.enterpriseNumber"))
                .body("violations[0].message", containsString("mod 97"));
    }

    @Test
    void the_same_organisation_on_both_sides_is_refused() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("processor")).put("enterpriseNumber", CONTROLLER);
        problem(create(controllerToken(), body), 400, "same-party-on-both-sides");
    }

    @Test
    void the_processor_must_name_a_dpo_and_the_controller_may_not() {
        // DPA art. 4.2 binds the processor only.
        ObjectNode noProcessorDpo = seed();
        ((ObjectNode) noProcessorDpo.get("processor")).remove("dpo");
        problem(create(controllerToken(), noProcessorDpo), 400, "dpo-required")
                .body("violations.field", hasItem("processor.dpo"));
        ObjectNode noControllerDpo = seed();
        ((ObjectNode) noControllerDpo.get("controller")).remove("dpo");
        String id = createDraft(controllerToken(), noControllerDpo);
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).body("content.controller.dpo", nullValue())
                .body("content.processor.dpo.name", notNullValue());

        ObjectNode noEmail = seed();
        ((ObjectNode) noEmail.get("processor").get("dpo")).putNull("email");
        problem(create(controllerToken(), noEmail), 400, "dpo-required")
                .body("violations.field", hasItem("processor.dpo.email"));
    }

    @Test
    void a_malformed_dpo_email_is_refused() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("processor").get("dpo")).put("email", "dpo at esn");
        problem(create(controllerToken(), body), 400, "invalid-email")
                .body("violations[0].field", equalTo("processor.dpo.email"));
    }

    @Test
    void a_required_field_missing_is_named() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("assignment")).put("description", " ");
        problem(create(controllerToken(), body), 400, "field-required")
                .body("violations[0].field", equalTo("assignment.description"));
    }

    @Test
    void a_sub_processor_outside_the_eea_needs_a_transfer_mechanism() {
        ObjectNode body = seed();
        ObjectNode us = ((ArrayNode) body.get("subprocessors")).addObject()
                .put("name", "Cloud Analytics Inc.").put("headOffice", "Seattle").put("country", "US");
        problem(create(controllerToken(), body), 400, "transfer-outside-eea-without-mechanism")
                .body("violations[0].field", equalTo("subprocessors[1].transferMechanism"));

        us.put("transferMechanism", "APPROPRIATE_SAFEGUARDS");
        create(controllerToken(), body).statusCode(201)
                .body("content.subprocessors[1].country", equalTo("US"))
                .body("content.subprocessors[1].transferMechanism", equalTo("APPROPRIATE_SAFEGUARDS"));
    }

    @Test
    void a_processing_location_outside_the_eea_is_given_with_its_mechanism() {
        ObjectNode body = seed();
        ArrayNode locations = body.putArray("processingLocations");
        locations.add("BE");
        locations.addObject().put("country", "US").put("transferMechanism", "ADEQUACY_DECISION");
        create(controllerToken(), body).statusCode(201)
                .body("content.processingLocations.country", contains("BE", "US"))
                .body("content.processingLocations[1].transferMechanism", equalTo("ADEQUACY_DECISION"));

        ObjectNode bare = seed();
        bare.putArray("processingLocations").add("US");
        problem(create(controllerToken(), bare), 400, "transfer-outside-eea-without-mechanism")
                .body("violations[0].field", equalTo("processingLocations[0].transferMechanism"));
    }

    @Test
    void a_processing_location_object_is_read_strictly() {
        ObjectNode badMechanism = seed();
        badMechanism.putArray("processingLocations").addObject().put("country", "US").put("transferMechanism", "SCC");
        problem(create(controllerToken(), badMechanism), 400, "invalid-field")
                .body("violations[0].field", equalTo("processingLocations[0].transferMechanism"));

        ObjectNode unknownField = seed();
        unknownField.putArray("processingLocations").addObject().put("country", "BE").put("region", "Flanders");
        problem(create(controllerToken(), unknownField), 400, "unknown-field")
                .body("violations[0].field", equalTo("processingLocations[0].region"));

        ObjectNode number = seed();
        number.putArray("processingLocations").add(32);
        problem(create(controllerToken(), number), 400, "invalid-field");
    }

    @Test
    void a_country_that_is_no_iso_code_is_refused() {
        ObjectNode body = seed();
        body.putArray("processingLocations").add("Belgium");
        problem(create(controllerToken(), body), 400, "invalid-country")
                .body("violations[0].field", equalTo("processingLocations[0].country"));
    }

    @Test
    void an_unknown_information_class_is_refused() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("dataCategories").get(0)).put("code", "9 99");
        problem(create(controllerToken(), body), 400, "unknown-information-class")
                .body("violations[0].field", equalTo("dataCategories[0].code"));
    }

    @Test
    void information_class_codes_are_normalised_and_give_the_highest_class() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("dataCategories").get(1)).put("code", "4.02");
        create(controllerToken(), body).statusCode(201)
                .body("content.dataCategories[1].code", equalTo("4 02"))
                .body("highestInformationClass", equalTo(4));
    }

    @Test
    void an_invalid_retention_is_refused() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("dataCategories").get(0)).put("retention", "forever");
        problem(create(controllerToken(), body), 400, "invalid-retention")
                .body("violations[0].field", equalTo("dataCategories[0].retention"));
    }

    @Test
    void a_setting_out_of_range_is_refused() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("settings")).put("destructionConfirmationDays", 0);
        problem(create(controllerToken(), body), 400, "invalid-setting")
                .body("violations[0].field", equalTo("settings.destructionConfirmationDays"));
    }

    @Test
    void absent_settings_get_their_defaults() {
        ObjectNode body = seed();
        body.remove("settings");
        create(controllerToken(), body).statusCode(201)
                .body("content.settings.supervisoryAuthority", equalTo("GBA"))
                .body("content.settings.timeZone", equalTo("Europe/Brussels"))
                .body("content.settings.subprocessorObjectionDays", equalTo(30))
                .body("content.settings.destructionConfirmationDays", equalTo(30));
    }

    @Test
    void an_unknown_field_is_refused_naming_it() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("controller")).put("vatNumber", "BE0207511803");
        problem(create(controllerToken(), body), 400, "unknown-field")
                .body("violations[0].field", equalTo("controller.vatNumber"));
    }

    @Test
    void a_field_of_the_wrong_type_is_refused_naming_it() {
        ObjectNode body = seed();
        ((ObjectNode) body.get("settings")).put("subprocessorObjectionDays", "thirty");
        problem(create(controllerToken(), body), 400, "invalid-field")
                .body("violations[0].field", equalTo("settings.subprocessorObjectionDays"));

        ObjectNode badEnum = seed();
        ((ObjectNode) badEnum.get("settings")).put("supervisoryAuthority", "CNIL");
        problem(create(controllerToken(), badEnum), 400, "invalid-field")
                .body("violations[0].field", equalTo("settings.supervisoryAuthority"));
    }

    @Test
    void an_empty_body_is_refused() {
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).post("/agreements").then(),
                400, "body-required");
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body("null").post("/agreements")
                .then(), 400, "body-required");
    }

    @Test
    void a_body_of_the_wrong_shape_is_refused() {
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body("[]").post("/agreements")
                .then(), 400, "invalid-field");
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body(seed() + " {}")
                .post("/agreements").then(), 400, "invalid-field");
    }

    @Test
    void a_body_that_is_not_json_is_refused() {
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body("{\"controller\": ")
                .post("/agreements").then(), 400, "malformed-json");
    }

    @Test
    void an_organisation_that_is_not_a_party_cannot_draft() {
        problem(create(Tokens.controller(Tokens.VOORBEELD), seed()), 403, "not-a-party-of-draft");
    }

    @Test
    void a_party_must_draft_in_its_own_role() {
        // The controller's organisation with the processor role is neither party as it acts.
        problem(create(Tokens.processor(CONTROLLER), seed()), 403, "not-a-party-of-draft");
    }

    @Test
    void an_edit_by_a_party_replaces_the_draft_content() {
        String id = createDraft();
        ObjectNode body = seed();
        ((ArrayNode) body.get("purposes")).add("Newsletter");
        put(processorToken(), id, 1, body).statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("DRAFT"))
                .body("content.purposes", hasItem("Newsletter"))
                .body("originalContent.purposes", hasItem("Newsletter"));
        get(controllerToken(), "/agreements/{id}/events", id).statusCode(200)
                .body("items.type", contains("DraftCreated", "DraftEdited"));
    }

    @Test
    void an_edit_after_a_signature_voids_it() {
        String id = createDraft();
        sign(controllerToken(), id, 1).statusCode(200).body("signatures[0].voided", equalTo(false));
        ObjectNode body = seed();
        ((ArrayNode) body.get("purposes")).add("Newsletter");
        put(processorToken(), id, 2, body).statusCode(200)
                .header("ETag", "\"4\"")
                .body("status", equalTo("DRAFT"))
                .body("signatures", hasSize(1))
                .body("signatures[0].party", equalTo("CONTROLLER"))
                .body("signatures[0].voided", equalTo(true));
        get(processorToken(), "/agreements/{id}/events", id).statusCode(200)
                .body("items.type", contains("DraftCreated", "AgreementSigned", "DraftEdited", "SignaturesVoided"))
                .body("items[3].payload.voided", contains("CONTROLLER"))
                .body("items[3].payload.reason", not(emptyOrNullString()));
        // The voided signature no longer counts: the processor's signature alone does not activate.
        sign(processorToken(), id, 4).statusCode(200).body("status", equalTo("DRAFT"));
        sign(controllerToken(), id, 5).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void an_edit_with_the_signed_content_keeps_the_signature() {
        String id = createDraft();
        sign(controllerToken(), id, 1).statusCode(200);
        put(processorToken(), id, 2, seed()).statusCode(200).header("ETag", "\"3\"")
                .body("signatures[0].voided", equalTo(false));
    }

    @Test
    void an_edit_cannot_change_the_parties() {
        String id = createDraft();
        ObjectNode body = seed();
        ((ObjectNode) body.get("processor")).put("enterpriseNumber", Tokens.HOSTING);
        problem(put(controllerToken(), id, 1, body), 400, "parties-cannot-change")
                .body("violations[0].field", equalTo("processor.enterpriseNumber"));
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void an_edit_is_validated_like_a_draft() {
        String id = createDraft();
        ObjectNode body = seed();
        ((ObjectNode) body.get("processor")).remove("dpo");
        problem(put(controllerToken(), id, 1, body), 400, "dpo-required");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void an_active_agreement_is_no_longer_edited() {
        String id = activeAgreement();
        ObjectNode body = seed();
        ((ArrayNode) body.get("purposes")).add("Newsletter");
        problem(put(controllerToken(), id, 4, body), 409, "agreement-not-draft");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"4\"")
                .body("content.purposes", not(hasItem("Newsletter")));
    }
}
