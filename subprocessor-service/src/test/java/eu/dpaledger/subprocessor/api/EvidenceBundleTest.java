package eu.dpaledger.subprocessor.api;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static eu.dpaledger.subprocessor.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sub-processor change's evidence bundle (docs/EVIDENCE.md): its events as stored, signed, for its parties only. */
@QuarkusTest
class EvidenceBundleTest {

    @Test
    void a_party_exports_the_change_bundle_with_its_checkpoint() throws Exception {
        String id = announced(activeAgreement());
        String text = given().auth().oauth2(controllerToken()).get("/subprocessor-changes/{id}/evidence-bundle", id).then().statusCode(200)
                .header("Content-Disposition", containsString("-" + id + "-evidence.json")).extract().asString();
        JsonNode bundle = JSON.readTree(text);
        assertEquals(id, bundle.at("/subject/streamId").asText());
        assertTrue(bundle.at("/streams/0/events").size() >= 1 && bundle.get("checkpoints").size() >= 1, text);
        given().auth().oauth2(Tokens.processor(Tokens.HOSTING)).get("/subprocessor-changes/{id}/evidence-bundle", id).then().statusCode(404);
    }
}
