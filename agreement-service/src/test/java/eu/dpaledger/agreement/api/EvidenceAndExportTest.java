package eu.dpaledger.agreement.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a party can take away: the event history with its hash chain, its verification, and the art. 11.2 export. */
@QuarkusTest
class EvidenceAndExportTest {

    @Test
    void the_events_page_by_version() {
        String id = activeAgreement();
        String next = get(processorToken(), "/agreements/{id}/events?limit=3", id).statusCode(200)
                .body("items.version", contains(1, 2, 3)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        get(processorToken(), "/agreements/{id}/events?limit=3&cursor={c}", id, next).statusCode(200)
                .body("items.version", contains(4)).body("nextCursor", nullValue());
        problem(get(processorToken(), "/agreements/{id}/events?limit=201", id), 400, "invalid-limit")
                .body("violations[0].field", equalTo("limit"));
        problem(get(processorToken(), "/agreements/{id}/events?cursor=WyI5OSJd", id), 400, "invalid-cursor")
                .body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void the_events_are_the_agreements_history_linked_by_hashes() {
        String id = activeAgreement();
        var events = get(processorToken(), "/agreements/{id}/events", id).statusCode(200)
                .body("items", hasSize(4))
                .body("nextCursor", nullValue())
                .body("items.version", contains(1, 2, 3, 4))
                .body("items.type", contains("DraftCreated", "AgreementSigned", "AgreementSigned", "AgreementActivated"))
                .body("items.streamId", everyItem(equalTo(id)))
                .body("items.hash", everyItem(matchesPattern("[0-9a-f]{64}")))
                .body("items[0].payload.agreementId", equalTo(id))
                .body("items[1].payload.party", equalTo("CONTROLLER"))
                .body("items[2].payload.party", equalTo("PROCESSOR"))
                .body("items[2].metadata.actorOrganisation", equalTo(PROCESSOR));
        List<String> hashes = events.extract().path("items.hash");
        List<String> previous = events.extract().path("items.previousHash");
        for (int i = 1; i < hashes.size(); i++) {
            assertEquals(hashes.get(i - 1), previous.get(i), "event " + (i + 1) + " links to its predecessor");
        }
        get(controllerToken(), "/agreements/{id}/evidence", id).statusCode(200)
                .body("agreementId", equalTo(id))
                .body("intact", equalTo(true))
                .body("eventsChecked", equalTo(4))
                .body("headHash", equalTo(hashes.get(3)))
                .body("firstBrokenVersion", nullValue())
                .body("verifiedAt", notNullValue())
                .body("algorithm", containsString("SHA-256"));
    }

    @Test
    void the_export_is_one_machine_readable_document_with_dpv_terms() {
        String id = terminatedAgreement();
        get(controllerToken(), "/agreements/{id}/export", id).statusCode(200)
                .contentType("application/json")
                .header("Content-Disposition", equalTo("attachment; filename=\"agreement-" + id + ".json\""))
                .body("format", equalTo("https://dpa-ledger.eu/formats/agreement-export/v1"))
                .body("exportedAt", notNullValue())
                .body("vocabularies.dpv-pd", equalTo("https://w3id.org/dpv/pd#"))
                .body("agreement.id", equalTo(id))
                .body("agreement.status", equalTo("TERMINATED"))
                .body("history.size()", equalTo(5))
                .body("history[4].type", equalTo("AgreementTerminated"))
                .body("evidence.intact", equalTo(true))
                .body("evidence.eventsChecked", equalTo(5))
                .body("dataCategories", hasSize(5))
                .body("dataCategories[0].code", equalTo("3 00"))
                .body("dataCategories[0].informationClass", equalTo(3))
                .body("dataCategories[0].informationClassLabel", equalTo("Personal contact data"))
                .body("dataCategories[0].dpv", contains("https://w3id.org/dpv/pd#Contact"))
                .body("dataCategories[1].code", nullValue())
                .body("dataCategories[1].dpv", empty());
    }

    @Test
    void the_view_shows_everything_a_party_needs() {
        String id = activeAgreement();
        get(processorToken(), "/agreements/{id}", id).statusCode(200)
                .header("ETag", "\"4\"")
                .body("id", equalTo(id))
                .body("version", equalTo(4))
                .body("status", equalTo("ACTIVE"))
                .body("createdAt", notNullValue())
                .body("activatedAt", notNullValue())
                .body("highestInformationClass", equalTo(3))
                .body("content.controller.name", equalTo("Lokaal bestuur Opwijk"))
                .body("content.controller.dpo.email", equalTo("dpo.opwijk@example.org"))
                .body("content.assignment.contracts", hasSize(2))
                .body("content.applications.name", contains("Hoplr", "Notula", "Matomo"))
                .body("content.securityMeasures", hasSize(8))
                .body("content.subprocessors[0].name", equalTo("Level 27"))
                .body("termination", nullValue())
                .body("openExitSteps", empty());
    }
}
