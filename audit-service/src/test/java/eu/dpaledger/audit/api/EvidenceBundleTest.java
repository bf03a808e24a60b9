package eu.dpaledger.audit.api;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static eu.dpaledger.audit.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An audit's evidence bundle (docs/EVIDENCE.md): its events as stored, signed, for its parties only. */
@QuarkusTest
class EvidenceBundleTest {

    @Test
    void a_party_exports_the_audit_bundle_with_its_checkpoint() throws Exception {
        String id = schedule(controllerToken(), activeAgreement(), audit()).statusCode(201).extract().path("id");
        String text = given().auth().oauth2(processorToken()).get("/audits/{id}/evidence-bundle", id).then().statusCode(200)
                .header("Content-Disposition", containsString("audit-" + id + "-evidence.json")).extract().asString();
        JsonNode bundle = JSON.readTree(text);
        assertEquals("audit", bundle.at("/subject/streamType").asText());
        assertEquals(id, bundle.at("/streams/0/streamId").asText());
        assertTrue(bundle.at("/streams/0/events").size() >= 1 && bundle.get("checkpoints").size() >= 1, text);
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/audits/{id}/evidence-bundle", id).then().statusCode(404);
    }
}
