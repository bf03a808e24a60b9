package eu.dpaledger.agreement.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static org.hamcrest.Matchers.*;

/** Addenda to an active agreement (art. 12.3): proposed by a party, in force once both parties signed it. */
@QuarkusTest
class AddendaTest {

    @Test
    void a_draft_takes_no_addendum() {
        String id = createDraft();
        problem(post(controllerToken(), "/agreements/{id}/addenda", 1, purposes("Addendum 1", "Web analytics"), id),
                409, "agreement-not-active");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"1\"").body("addenda", empty());
    }

    @Test
    void a_proposed_addendum_gets_the_next_number_and_awaits_signatures() {
        String id = activeAgreement();
        post(processorToken(), "/agreements/{id}/addenda", 4, purposes("Addendum 1", "Web analytics"), id)
                .statusCode(201).header("ETag", "\"5\"")
                .body("status", equalTo("ACTIVE"))
                .body("addenda", hasSize(1))
                .body("addenda[0].number", equalTo(1))
                .body("addenda[0].title", equalTo("Addendum 1"))
                .body("addenda[0].status", equalTo("PROPOSED"))
                .body("addenda[0].proposedBy", equalTo("PROCESSOR"))
                .body("addenda[0].changes.purposes", contains("Web analytics"))
                .body("content.purposes", not(hasItem("Web analytics")));
    }

    @Test
    void one_addendum_at_a_time() {
        String id = activeAgreement();
        post(controllerToken(), "/agreements/{id}/addenda", 4, purposes("Addendum 1", "Web analytics"), id).statusCode(201);
        problem(post(processorToken(), "/agreements/{id}/addenda", 5, purposes("Addendum 2", "Newsletter"), id),
                409, "addendum-pending");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"5\"").body("addenda", hasSize(1));
    }

    @Test
    void an_addendum_signed_by_both_parties_changes_the_current_content_not_the_original() {
        String id = activeAgreement();
        post(controllerToken(), "/agreements/{id}/addenda", 4, purposes("Addendum 1", "Web analytics"), id).statusCode(201);
        post(controllerToken(), "/agreements/{id}/addenda/1/signatures", 5, signature(), id).statusCode(200)
                .body("addenda[0].status", equalTo("PROPOSED"))
                .body("addenda[0].signatures[0].party", equalTo("CONTROLLER"));
        String contentSha256 = post(processorToken(), "/agreements/{id}/addenda/1/signatures", 6, signature(), id)
                .statusCode(200).header("ETag", "\"8\"")
                .body("addenda[0].status", equalTo("IN_FORCE"))
                .body("addenda[0].inForceAt", notNullValue())
                .body("content.purposes", contains("Web analytics"))
                .body("originalContent.purposes", hasItems("Build and host the municipal website"))
                .body("originalContent.purposes", not(hasItem("Web analytics")))
                .extract().path("contentSha256");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200)
                .body("addenda[0].resultingContentSha256", equalTo(contentSha256));
        get(controllerToken(), "/agreements/{id}/events", id).statusCode(200)
                .body("items.type", hasItems("AddendumProposed", "AddendumSigned", "AddendumInForce"));
    }

    @Test
    void an_addendum_may_change_a_party_but_not_its_enterprise_number() {
        String id = activeAgreement();
        ObjectNode processor = (ObjectNode) seed().get("processor");
        processor.put("enterpriseNumber", Tokens.HOSTING);
        ObjectNode changes = JSON.createObjectNode();
        changes.set("processor", processor);
        problem(post(controllerToken(), "/agreements/{id}/addenda", 4, addendum("New processor", changes), id),
                400, "parties-cannot-change");

        processor.put("enterpriseNumber", "0428.304.785").put("address", "Nieuwe straat 1, 1000 Brussel");
        post(controllerToken(), "/agreements/{id}/addenda", 4, addendum("New address", changes), id).statusCode(201);
    }

    @Test
    void an_addendum_that_changes_nothing_is_refused() {
        String id = activeAgreement();
        problem(post(controllerToken(), "/agreements/{id}/addenda", 4, addendum("Nothing", JSON.createObjectNode()), id),
                400, "empty-addendum");
    }

    @Test
    void an_addendum_is_validated_against_the_resulting_content() {
        String id = activeAgreement();
        ObjectNode changes = JSON.createObjectNode();
        changes.putArray("subprocessors").addObject().put("name", "Cloud Analytics Inc.").put("country", "US");
        problem(post(controllerToken(), "/agreements/{id}/addenda", 4, addendum("US analytics", changes), id),
                400, "transfer-outside-eea-without-mechanism");
    }

    @Test
    void signing_an_unknown_addendum_is_not_found() {
        String id = activeAgreement();
        problem(post(controllerToken(), "/agreements/{id}/addenda/7/signatures", 4, signature(), id), 404,
                "addendum-not-found");
    }

    @Test
    void a_party_signs_an_addendum_once() {
        String id = activeAgreement();
        post(controllerToken(), "/agreements/{id}/addenda", 4, purposes("Addendum 1", "Web analytics"), id).statusCode(201);
        post(controllerToken(), "/agreements/{id}/addenda/1/signatures", 5, signature(), id).statusCode(200);
        problem(post(controllerToken(), "/agreements/{id}/addenda/1/signatures", 6, signature(), id), 409, "already-signed");
    }

    @Test
    void a_withdrawn_addendum_makes_room_for_the_next_and_is_no_longer_signed() {
        String id = activeAgreement();
        post(controllerToken(), "/agreements/{id}/addenda", 4, purposes("Addendum 1", "Web analytics"), id).statusCode(201);
        post(processorToken(), "/agreements/{id}/addenda/1/withdrawal", 5, Map.of("reason", "Declined"), id)
                .statusCode(200).header("ETag", "\"6\"")
                .body("addenda[0].status", equalTo("WITHDRAWN"))
                .body("addenda[0].withdrawalReason", equalTo("Declined"))
                .body("content.purposes", not(hasItem("Web analytics")));
        problem(post(controllerToken(), "/agreements/{id}/addenda/1/signatures", 6, signature(), id), 409,
                "addendum-not-pending");
        problem(post(controllerToken(), "/agreements/{id}/addenda/1/withdrawal", 6, Map.of("reason", "again"), id), 409,
                "addendum-not-pending");
        post(controllerToken(), "/agreements/{id}/addenda", 6, purposes("Addendum 2", "Newsletter"), id).statusCode(201)
                .body("addenda[1].number", equalTo(2))
                .body("addenda[1].status", equalTo("PROPOSED"));
    }

    @Test
    void withdrawing_an_unknown_addendum_is_not_found() {
        String id = activeAgreement();
        problem(post(controllerToken(), "/agreements/{id}/addenda/3/withdrawal", 4, Map.of("reason", "x"), id), 404,
                "addendum-not-found");
    }

    private static ObjectNode purposes(String title, String... purposes) {
        ObjectNode changes = JSON.createObjectNode();
        var list = changes.putArray("purposes");
        for (String purpose : purposes) {
            list.add(purpose);
        }
        return addendum(title, changes);
    }

    private static ObjectNode addendum(String title, ObjectNode changes) {
        ObjectNode body = JSON.createObjectNode().put("title", title).put("reason", "Changed assignment");
        body.set("changes", changes);
        return body;
    }
}
